#include <chemomech/materials/electrode_stiffness.h>

#include <cmath>

namespace chemomech
{
  ElectrodeStiffness::ElectrodeStiffness(const double reference_youngs_modulus,
                                         const double poissons_ratio,
                                         const double porosity_exponent,
                                         const double reference_porosity)
    : reference_youngs_modulus(reference_youngs_modulus)
    , poissons_ratio(poissons_ratio)
    , porosity_exponent(porosity_exponent)
    , reference_porosity(reference_porosity)
  {}



  double
  ElectrodeStiffness::youngs_modulus(const double porosity) const
  {
    if (porosity_exponent == 0)
      return reference_youngs_modulus;
    return reference_youngs_modulus *
           std::pow((1 - porosity) / (1 - reference_porosity),
                    porosity_exponent);
  }



  IsotropicElasticity
  ElectrodeStiffness::elasticity(const double porosity) const
  {
    return IsotropicElasticity(youngs_modulus(porosity), poissons_ratio);
  }



  double
  ElectrodeStiffness::bulk_modulus(const double porosity) const
  {
    return youngs_modulus(porosity) / (3 * (1 - 2 * poissons_ratio));
  }



  double
  ElectrodeStiffness::solid_hydrostatic_stress(const double trace_strain,
                                               const double eigenstrain,
                                               const double porosity) const
  {
    return solid_hydrostatic_stress_strain_derivative(porosity) *
           (trace_strain - 3 * eigenstrain);
  }



  double
  ElectrodeStiffness::solid_hydrostatic_stress_strain_derivative(
    const double porosity) const
  {
    return bulk_modulus(porosity) / (1 - porosity);
  }



  double
  ElectrodeStiffness::solid_hydrostatic_stress_eigenstrain_derivative(
    const double porosity) const
  {
    return -3 * solid_hydrostatic_stress_strain_derivative(porosity);
  }
} // namespace chemomech
