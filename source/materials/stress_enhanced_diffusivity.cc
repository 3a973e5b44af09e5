#include <chemomech/materials/stress_enhanced_diffusivity.h>

namespace chemomech
{
  StressEnhancedDiffusivity::StressEnhancedDiffusivity(
    const DiffusivityFunction   &diffusivity,
    const ChemicalPotential     &chemical_potential,
    const double                 max_concentration,
    const ParticleSurfaceStress &stress,
    const double                 coupling_molar_volume)
    : diffusivity(diffusivity)
    , chemical_potential(chemical_potential)
    , max_concentration(max_concentration)
    , stress_factor(stress.hydrostatic_stress_derivative_average())
    , coupling_molar_volume(coupling_molar_volume)
  {}



  DiffusivityValue
  StressEnhancedDiffusivity::operator()(const double c) const
  {
    const DiffusivityValue d = diffusivity(c);
    const FluxCoefficients k =
      chemical_potential.flux_coefficients(c,
                                           max_concentration,
                                           d.value,
                                           d.derivative,
                                           coupling_molar_volume);
    return DiffusivityValue{k.fickian + stress_factor * k.drift,
                            k.d_fickian_dc + stress_factor * k.d_drift_dc};
  }
} // namespace chemomech
