/**
 * @file stress_enhanced_diffusivity.h
 * @brief The effective diffusivity of a free spherical particle whose own
 * diffusion-induced stress drives lithium: J = -D_eff(c) dc/dr.
 */
#ifndef chemomech_materials_stress_enhanced_diffusivity_h
#define chemomech_materials_stress_enhanced_diffusivity_h

#include <chemomech/materials/chemical_potential.h>
#include <chemomech/materials/particle_surface_stress.h>
#include <chemomech/materials/representative_particle.h>

namespace chemomech
{
  /**
   * @brief D_eff(c) of a traction-free sphere with the stress drift.
   *
   * The flux of the particle model, J = -D_c grad c + B grad sigma_h
   * (ChemicalPotential::flux_coefficients), with the free sphere's own
   * hydrostatic stress sigma_h(r) = k (c_avg(R) - c(r)),
   * k = 2 E Omega / (9 (1 - nu)) (ParticleSurfaceStress), has
   * d sigma_h/dr = -k dc/dr, hence
   *   J = -(D_c(c) + k B(c)) dc/dr = -D_eff(c) dc/dr.
   * Dilute mu0: D_eff = D (1 + theta c), theta = k Omega_mu / (R T);
   * lattice gas: D_eff = D (1 + theta c (1 - x)). A stress uniform over the
   * particle (the electrode's macroscopic stress) adds nothing to the flux.
   * The resolved particle is then exact for this law; the polynomial
   * particle uses D_eff at the surface in c_surf = c_avg + j R/(5 D_eff).
   */
  class StressEnhancedDiffusivity
  {
  public:
    /**
     * @param diffusivity D(c) and dD/dc of the stress-free material.
     * @param chemical_potential mu0 (dilute or lattice gas) and T.
     * @param max_concentration c_max. Units: mol/m^3.
     * @param stress E, nu, Omega of the particle.
     * @param coupling_molar_volume Omega_mu in mu = mu0 - Omega_mu sigma_h.
     * Units: m^3/mol.
     */
    StressEnhancedDiffusivity(const DiffusivityFunction   &diffusivity,
                              const ChemicalPotential     &chemical_potential,
                              const double                 max_concentration,
                              const ParticleSurfaceStress &stress,
                              const double coupling_molar_volume);

    /// D_eff and d D_eff / d c at @p c (mol/m^3). Units: m^2/s, m^5/(mol s).
    DiffusivityValue
    operator()(const double c) const;

  private:
    DiffusivityFunction diffusivity;
    ChemicalPotential   chemical_potential;
    double              max_concentration;
    /// k = d sigma_h / d (c_avg - c). Units: Pa m^3/mol.
    double stress_factor;
    double coupling_molar_volume;
  };
} // namespace chemomech

#endif
