/**
 * @file surface_condition.h
 * @brief Lithium exchange at the active surface of a particle (subsection
 * "Surface"): galvanostatic flux, Butler-Volmer kinetics, or a fixed
 * surface concentration.
 */
#ifndef chemomech_physics_particle_surface_condition_h
#define chemomech_physics_particle_surface_condition_h

#include <chemomech/materials/scalar_function_of_x.h>

#include <deal.II/base/parameter_handler.h>
#include <deal.II/base/types.h>

#include <set>

namespace chemomech
{
  /// Kind of surface condition.
  enum class SurfaceConditionType
  {
    /// Constant inward flux from a C-rate or a current density.
    galvanostatic,
    /// Butler-Volmer kinetics under an applied potential phi_s - phi_e.
    butler_volmer,
    /// Dirichlet condition c = c_surface.
    fixed_concentration
  };

  /// How the galvanostatic rate is given.
  enum class RateType
  {
    /// C-rate: full capacity c_max V in 1/C hours.
    c_rate,
    /// Current density i. Units: A/m^2.
    current_density
  };

  /**
   * @brief Inward molar flux through the surface at one point and its
   * partial derivatives.
   */
  struct SurfaceFlux
  {
    /// Inward molar flux j (positive = lithiation). Units: mol/(m^2 s).
    double value = 0;
    /// dj/dc at fixed sigma_h. Units: m/s.
    double d_dc = 0;
    /// dj/d sigma_h at fixed c (0 unless the equilibrium potential is
    /// stress-shifted). Units: mol/(m^2 s Pa).
    double d_dsigma_h = 0;
  };

  /**
   * @brief Inward molar flux j (mol/m^2/s, positive = lithiation) through
   * the active surface as a function of the surface concentration.
   *
   * Butler-Volmer: with eta = V - U(x_s) and anodic current positive,
   * i = i0 [exp(alpha_a F eta/(RT)) - exp(-alpha_c F eta/(RT))],
   * i0 = k F c_e^alpha_a (c_max - c)^alpha_a c^alpha_c, and j = -i/F,
   * so a potential below the OCP lithiates the particle.
   *
   * With stress_in_equilibrium_potential the equilibrium potential is
   * shifted by the hydrostatic stress sigma_h at the surface point
   * (tension positive; DESIGN section 2b, doc/electrode-model.md section
   * 5a): U_eff = U(x_s) + Omega_mu sigma_h / F, eta = V - U_eff.
   */
  class SurfaceCondition
  {
  public:
    /// Declares subsection "Surface".
    static void
    declare_parameters(dealii::ParameterHandler &prm);

    /// Reads and validates subsection "Surface".
    void
    parse_parameters(dealii::ParameterHandler &prm);

    /**
     * @brief Fixes the galvanostatic flux for a body of volume @p volume
     * (m^3) and active surface @p area (m^2) with c_max (mol/m^3).
     */
    void
    initialize(const double volume, const double area, const double c_max);

    /**
     * @brief Sets Omega_mu (m^3/mol) of mu = mu0 - Omega_mu sigma_h, the
     * coupling volume of the stress-shifted equilibrium potential.
     */
    void
    set_coupling_molar_volume(const double omega_mu)
    {
      coupling_molar_volume = omega_mu;
    }

    /// Whether the flux depends on sigma_h (Butler-Volmer with the
    /// stress-shifted equilibrium potential).
    bool
    depends_on_stress() const
    {
      return type == SurfaceConditionType::butler_volmer &&
             stress_in_equilibrium_potential;
    }

    /**
     * @brief Inward flux j(c, sigma_h) and its derivatives at surface
     * concentration @p c (mol/m^3) and hydrostatic stress @p sigma_h (Pa,
     * tension positive; ignored unless depends_on_stress()).
     */
    SurfaceFlux
    inward_flux(const double c, const double sigma_h) const;

    /**
     * @brief Shift of the equilibrium potential Omega_mu sigma_h / F by
     * the hydrostatic stress @p sigma_h (Pa); 0 unless
     * depends_on_stress(). Units: V.
     */
    double
    equilibrium_potential_shift(const double sigma_h) const;

    /// Overpotential eta = V - U(x) - Omega_mu sigma_h / F (the last term
    /// only if depends_on_stress()) at @p c (mol/m^3) and @p sigma_h (Pa).
    /// Butler-Volmer only. Units: V.
    double
    overpotential(const double c, const double sigma_h) const;

    /// Whether @p id belongs to the active surface.
    bool
    is_active(const dealii::types::boundary_id id) const
    {
      return active_ids.count(id) > 0;
    }

    /// Selected condition.
    SurfaceConditionType type = SurfaceConditionType::galvanostatic;
    /// How the galvanostatic rate is given.
    RateType rate_type = RateType::c_rate;
    /// C-rate. Units: 1/h.
    double c_rate = 1;
    /// Current density magnitude. Units: A/m^2.
    double current_density = 1;
    /// +1 lithiation (insertion), -1 delithiation.
    double direction = 1;
    /// Applied potential phi_s - phi_e. Units: V.
    double applied_potential = 0;
    /// Electrolyte concentration c_e at the surface. Units: mol/m^3.
    double electrolyte_concentration = 1000;
    /// Rate constant k. Units: m^2.5/(mol^0.5 s) for alpha_a = alpha_c = 0.5.
    double rate_constant = 1e-11;
    /// Anodic transfer coefficient. Units: none.
    double alpha_a = 0.5;
    /// Cathodic transfer coefficient. Units: none.
    double alpha_c = 0.5;
    /// Open-circuit potential U(x). Units: V.
    ScalarFunctionOfX open_circuit_potential;
    /// Surface concentration of the Dirichlet condition. Units: mol/m^3.
    double surface_concentration = 0;
    /// Temperature. Units: K.
    double temperature = 298.15;
    /// Whether sigma_h at the surface shifts the equilibrium potential of
    /// Butler-Volmer to U(x) + Omega_mu sigma_h / F.
    bool stress_in_equilibrium_potential = false;
    /// Boundary ids of the active surface.
    std::set<dealii::types::boundary_id> active_ids = {0};

  private:
    double c_max         = 1;
    double constant_flux = 0;
    /// Omega_mu. Units: m^3/mol.
    double coupling_molar_volume = 0;
  };
} // namespace chemomech

#endif
