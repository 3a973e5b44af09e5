/**
 * @file particle_surface_stress.h
 * @brief Surface hydrostatic stress of a traction-free spherical particle
 * and the two-parameter (parabolic) particle approximation.
 */
#ifndef chemomech_materials_particle_surface_stress_h
#define chemomech_materials_particle_surface_stress_h

namespace chemomech
{
  /**
   * @brief Representative-particle closed forms for the electrode scale.
   *
   * Stress. For a traction-free isotropic sphere of radius R with radial
   * lithium profile c(r) and eigenstrain eta (c - c_ref), eta = Omega/3,
   *   sigma_rr(r) = 2 E eta/(1-nu) [c_avg(R)/3 - c_avg(r)/3],
   *   sigma_tt(r) = E eta/(1-nu) [2 c_avg(R)/3 + c_avg(r)/3 - c(r)],
   * with c_avg(r) = (3/r^3) int_0^r c s^2 ds. At the surface r = R:
   *   sigma_rr(R) = 0,  sigma_tt(R) = E eta (c_avg - c_R) / (1-nu),
   * so sigma_h(R) = (sigma_rr + 2 sigma_tt)/3
   *             = 2 E Omega (c_avg - c_surf) / (9 (1 - nu))   (tension > 0).
   * c_ref drops out. A surface richer in lithium than the average
   * (lithiation, Omega > 0) puts the surface in compression.
   *
   * Two-parameter polynomial approximation (Subramanian, Diwakar, Tapriyal,
   * J. Electrochem. Soc. 152 (2005) A2002): c(r, t) = a(t) + b(t) r^2/R^2.
   * With an INWARD molar flux j = D dc/dr|_R (mol/(m^2 s), positive when
   * lithium enters) this gives exactly what is implemented here:
   *   d c_avg / dt = 3 j / R,
   *   c_surf - c_avg = j R / (5 D).
   * (Subramanian's -j R/(5D) is the same with j taken positive outward.) It
   * is exact for the long-time galvanostatic profile.
   */
  class ParticleSurfaceStress
  {
  public:
    /**
     * @param youngs_modulus E. Units: Pa.
     * @param poissons_ratio nu. Units: none.
     * @param partial_molar_volume Omega. Units: m^3/mol.
     */
    ParticleSurfaceStress(const double youngs_modulus       = 10e9,
                          const double poissons_ratio       = 0.3,
                          const double partial_molar_volume = 3.497e-6);

    /// sigma_h(R) = 2 E Omega (c_avg - c_surf)/(9(1-nu)). Units: Pa.
    double
    hydrostatic_stress(const double c_average, const double c_surface) const;

    /// d sigma_h(R) / d c_avg = 2 E Omega/(9(1-nu)). Units: Pa m^3/mol.
    double
    hydrostatic_stress_derivative_average() const;

    /// d sigma_h(R) / d c_surf = -2 E Omega/(9(1-nu)). Units: Pa m^3/mol.
    double
    hydrostatic_stress_derivative_surface() const;

    /// Hoop stress sigma_tt(R) = E Omega (c_avg - c_surf)/(3(1-nu)). Pa.
    double
    hoop_stress(const double c_average, const double c_surface) const;

    /// Young's modulus E. Units: Pa.
    double youngs_modulus;
    /// Poisson's ratio nu. Units: none.
    double poissons_ratio;
    /// Partial molar volume Omega. Units: m^3/mol.
    double partial_molar_volume;
  };
} // namespace chemomech

#endif
