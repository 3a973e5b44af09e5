/**
 * @file electrode_stiffness.h
 * @brief Effective elasticity of a porous electrode as a law of its
 * porosity, and the stress carried by its solid phase.
 */
#ifndef chemomech_materials_electrode_stiffness_h
#define chemomech_materials_electrode_stiffness_h

#include <chemomech/materials/isotropic_elasticity.h>

namespace chemomech
{
  /**
   * @brief Isotropic effective stiffness of the porous electrode (the
   * composite of particles, binder and pores that carries the swelling at
   * the electrode scale), E(eps) by a power law of the solid fraction:
   *
   *   E(eps) = E_ref ((1 - eps) / (1 - eps_ref))^m,  nu constant,
   *
   * E_ref the modulus measured at the reference porosity eps_ref. m = 2 is
   * the open-cell scaling of Gibson and Ashby (Cellular Solids, 2nd ed.,
   * Cambridge University Press 1997, ch. 5), m = 1 the Voigt bound of a
   * solid with empty pores; m = 0 keeps E constant (the default: no
   * porosity coupling of the stiffness).
   *
   * Solid-phase stress. The pores carry no stress, so the average stress in
   * the solid is sigma_solid = sigma_el / (1 - eps) (volume average over the
   * solid, Nemat-Nasser and Hori, Micromechanics, 2nd ed., North-Holland
   * 1999, sec. 2.3). Its hydrostatic part is what a particle at that point
   * feels as a uniform macroscopic stress:
   *
   *   sigma_h,M = K(eps) (tr eps(u) - 3 e*) / (1 - eps),
   *
   * K = E / (3 (1 - 2 nu)), e* the electrode's isotropic swelling strain
   * (2D plane strain and 3D alike, see IsotropicElasticity).
   */
  class ElectrodeStiffness
  {
  public:
    /**
     * @param reference_youngs_modulus E_ref at eps_ref. Units: Pa.
     * @param poissons_ratio nu in (-1, 0.5). Units: none.
     * @param porosity_exponent m >= 0. Units: none.
     * @param reference_porosity eps_ref in [0, 1). Units: none.
     */
    ElectrodeStiffness(const double reference_youngs_modulus = 5e9,
                       const double poissons_ratio           = 0.3,
                       const double porosity_exponent        = 0,
                       const double reference_porosity       = 0);

    /// E(eps). Units: Pa.
    double
    youngs_modulus(const double porosity) const;

    /// The isotropic elasticity with E(eps) and nu.
    IsotropicElasticity
    elasticity(const double porosity) const;

    /// K(eps) = E(eps) / (3 (1 - 2 nu)). Units: Pa.
    double
    bulk_modulus(const double porosity) const;

    /**
     * @brief Solid-phase hydrostatic stress sigma_h,M = K (tr eps - 3 e*)
     * / (1 - eps) (tension > 0). Units: Pa.
     * @param trace_strain tr eps(u). Units: none.
     * @param eigenstrain e*. Units: none.
     * @param porosity eps in [0, 1). Units: none.
     */
    double
    solid_hydrostatic_stress(const double trace_strain,
                             const double eigenstrain,
                             const double porosity) const;

    /// d sigma_h,M / d tr eps = K / (1 - eps). Units: Pa.
    double
    solid_hydrostatic_stress_strain_derivative(const double porosity) const;

    /// d sigma_h,M / d e* = -3 K / (1 - eps). Units: Pa.
    double
    solid_hydrostatic_stress_eigenstrain_derivative(
      const double porosity) const;

    /// E_ref. Units: Pa.
    double reference_youngs_modulus;
    /// nu. Units: none.
    double poissons_ratio;
    /// m. Units: none.
    double porosity_exponent;
    /// eps_ref. Units: none.
    double reference_porosity;
  };
} // namespace chemomech

#endif
