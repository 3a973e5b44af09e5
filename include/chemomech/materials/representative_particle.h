/**
 * @file representative_particle.h
 * @brief The representative spherical particle of the porous-electrode model
 * (one per quadrature point): resolved radial diffusion by finite volumes,
 * with the sensitivities that condense it into a global Newton system
 * (subsection "Representative particle").
 */
#ifndef chemomech_materials_representative_particle_h
#define chemomech_materials_representative_particle_h

#include <chemomech/materials/particle_diffusion.h>

#include <deal.II/base/parameter_handler.h>

#include <functional>
#include <vector>

namespace chemomech
{
  /// Time integrator of the particle equations.
  enum class ParticleTimeScheme
  {
    /// Implicit (backward) Euler, first order.
    implicit_euler,
    /**
     * Variable-step BDF2, second order. The first step of a state without
     * history (ParticleState::previous_time_step == 0) is implicit Euler.
     */
    bdf2
  };

  /// Solid diffusivity and its concentration derivative at one c.
  struct DiffusivityValue
  {
    /// D(c). Units: m^2/s.
    double value = 0;
    /// dD/dc. Units: m^5/(mol s).
    double derivative = 0;
  };

  /**
   * @brief D(c) with its derivative; the argument is the lithium
   * concentration c in mol/m^3. The particles only call it with c in
   * [0, c_max] (the argument is clamped there, and the derivative is then
   * taken as zero outside, see RepresentativeParticle).
   */
  using DiffusivityFunction = std::function<DiffusivityValue(const double)>;


  /**
   * @brief Spherical particle of radius R with resolved radial diffusion
   * dc/dt = (1/r^2) d/dr (r^2 D(c) dc/dr), symmetry at r = 0 and the
   * prescribed INWARD molar flux D dc/dr = j at r = R (j in mol/(m^2 s),
   * positive when lithium enters, i.e. lithiation).
   *
   * Space: cell-centred finite volumes on N shells of EQUAL THICKNESS
   * h = R/N (faces r_k = k h, k = 0..N; shell i is [r_i, r_{i+1}], its node
   * at the mid-radius rho_i = (i + 1/2) h). Equal volumes would make the
   * central shell R N^(-1/3) thick, far too coarse. The unknowns c_i are
   * volume averages; shell i has volume V_i = 4 pi (r_{i+1}^3 - r_i^3)/3.
   * The molar rate through the interior face k (mol/s, positive outward) is
   *   Q_k = -4 pi r_k^2 D((c_{k-1} + c_k)/2) (c_k - c_{k-1}) / h,
   * Q_0 = 0 (symmetry) and Q_N = -4 pi R^2 j, and shell i balances
   *   V_i dc_i/dt = Q_i - Q_{i+1}.
   * The face fluxes telescope, so the discrete lithium inventory obeys
   * sum_i V_i dc_i/dt = 4 pi R^2 j exactly: the scheme is mass conservative
   * by construction, and since the inventory is linear in c, every full
   * Newton update keeps it to round-off, even before the iteration
   * converges (after a damped line-search update it holds to the Newton
   * tolerance). For constant D the long-time
   * galvanostatic profile is reproduced exactly at the nodes up to a
   * uniform O(h^2) shift; the method is second order.
   *
   * Time: implicit Euler or variable-step BDF2 (see ParticleTimeScheme);
   * with ratio w = dt_n / dt_{n-1} BDF2 reads
   *   [(1+2w)/(1+w) c^{n+1} - (1+w) c^n + w^2/(1+w) c^{n-1}] / dt_n = f.
   * Both integrate a constant flux exactly in the inventory
   * (4 pi R^2 j t, to round-off).
   *
   * Surface concentration: extrapolated to r = R with the quadratic in r
   * that takes the values c_{N-1}, c_{N-2} at rho_{N-1}, rho_{N-2} and the
   * boundary slope dc/dr(R) = j / D(c_{N-1}):
   *   c_surf = c_{N-1} + (c_{N-1} - c_{N-2})/8 + 3 j h / (8 D(c_{N-1})).
   * It is exact for the parabolic long-time profile, and O(h^2) in
   * general (using D(c_{N-1}) instead of D(c_surf) in the slope is an O(h^2)
   * change and keeps c_surf explicit in the shell values).
   *
   * Local Newton: the N residuals
   *   R_i = V_i (a0 c_i + a1 c_i^n + a2 c_i^{n-1}) / dt - Q_i + Q_{i+1}
   * have a tridiagonal Jacobian J, solved by the Thomas algorithm; the
   * iteration starts from the committed concentrations, uses a backtracking
   * line search, and stops when max_i |R_i / J_ii| <= tol c_max.
   *
   * Sensitivities: only R_{N-1} depends on j, dR_{N-1}/dj = -4 pi R^2, so
   * the converged solution satisfies J dc/dj = -dR/dj = 4 pi R^2 e_{N-1}
   * with the same Jacobian (no extra factorisation). Then
   *   d c_avg/dj = sum_i V_i (dc_i/dj) / V (= 3 dt / (a0 R) exactly) and
   *   d c_surf/dj = (9/8) dc_{N-1}/dj - (1/8) dc_{N-2}/dj
   *                 + 3 h / (8 D) - 3 j h D' / (8 D^2) dc_{N-1}/dj.
   *
   * Condensation into a global Newton: at a quadrature point the electrode
   * residual depends on the particle only through j(phi_s, phi_e, c_e,
   * c_surf) (Butler-Volmer) and possibly sigma_h(c_avg - c_surf). With the
   * particle solved for the current j, c_surf = c_surf(j) and
   *   d j_total = dj/dfields dfields + dj/dc_surf (dc_surf/dj) dj_total,
   * i.e. dj/dfields|condensed = (dj/dfields) / (1 - (dj/dc_surf) dc_surf/dj),
   * and the condensed stress derivative is dsigma_h/dj = 2 E Omega /(9(1-nu))
   * (dc_avg/dj - dc_surf/dj). Equivalently, solve the scalar local problem
   * j = j_BV(fields, c_surf(j)) at the quadrature point by Newton with
   * these derivatives and linearise. The old state is fixed within a step,
   * so no other particle derivative enters the global Jacobian.
   *
   * Bounds: c is NOT clamped (clamping would destroy lithium conservation).
   * D is evaluated at c clamped to [0, c_max] (with zero derivative outside)
   * so that a D(x) defined only on [0, 1] stays usable, and every step
   * reports within_bounds and the extreme concentrations. A galvanostatic
   * flux can always drive the surface past c_max (or below 0): physically
   * the kinetics (exchange current ~ (c_max - c)^a c^a) or the voltage limit
   * of the cycling protocol stop this, so the caller should cut the step or
   * end the constant-current step when within_bounds is false.
   *
   * The class holds only parameters; all per-particle data live in
   * ParticleState, so one instance serves every quadrature point and
   * solve_step() is const and thread-safe (if the diffusivity callback is).
   */
  class RepresentativeParticle : public ParticleDiffusion
  {
  public:
    /// ParticleModel::resolved.
    ParticleModel
    particle_model() const override
    {
      return ParticleModel::resolved;
    }

    /// R. Units: m.
    double
    particle_radius() const override
    {
      return radius;
    }

    /// c_max. Units: mol/m^3.
    double
    maximum_concentration() const override
    {
      return max_concentration;
    }

    /// newton_tolerance c_max. Units: mol/m^3.
    double
    concentration_tolerance() const override
    {
      return newton_tolerance * max_concentration;
    }

    /// N, the number of shells.
    unsigned int
    n_state_values() const override
    {
      return n_shells;
    }

    /// Constant diffusivity 7.08e-15 m^2/s, R = 5 um, c_max = 22860 mol/m^3.
    RepresentativeParticle();

    /**
     * @param radius R. Units: m.
     * @param max_concentration c_max. Units: mol/m^3.
     * @param diffusivity D(c) and dD/dc.
     * @param n_shells N >= 2.
     * @param time_scheme Time integrator.
     */
    RepresentativeParticle(const double               radius,
                           const double               max_concentration,
                           const DiffusivityFunction &diffusivity,
                           const unsigned int         n_shells = 20,
                           const ParticleTimeScheme   time_scheme =
                             ParticleTimeScheme::implicit_euler);

    /**
     * @brief Declares subsection "Representative particle"; the values of
     * @p defaults and the D(x) text @p diffusivity are the declared
     * defaults (a preset passes its own).
     */
    static void
    declare_parameters(dealii::ParameterHandler     &prm,
                       const RepresentativeParticle &defaults,
                       const std::string            &diffusivity);

    /// Generic default of "Diffusivity" (LiMn2O4, Zhang et al. 2007). m^2/s.
    static constexpr const char *default_diffusivity = "7.08e-15";

    /// The same with the generic defaults.
    static void
    declare_parameters(dealii::ParameterHandler &prm);

    /// Reads and validates subsection "Representative particle".
    void
    parse_parameters(dealii::ParameterHandler &prm);

    /// D(c) = @p value, dD/dc = 0. Units: m^2/s.
    static DiffusivityFunction
    constant_diffusivity(const double value);

    /// See ParticleDiffusion::initial_state(); every shell at
    /// @p concentration.
    ParticleState
    initial_state(const double concentration) const override;

    /// See ParticleDiffusion::solve_step(); on failure @p trial holds the
    /// last Newton iterate.
    ParticleStepResult
    solve_step(const ParticleState &old,
               const double         time_step,
               const double         j,
               ParticleState       &trial) const override;

    /// See ParticleDiffusion::total_lithium(): sum_i V_i c_i.
    double
    total_lithium(const ParticleState &state) const override;

    /// See ParticleDiffusion::average_concentration(): total_lithium() / V.
    double
    average_concentration(const ParticleState &state) const override;

    /// See ParticleDiffusion::surface_concentration(): the extrapolation of
    /// the class doc.
    double
    surface_concentration(const ParticleState &state,
                          const double         j) const override;

    /**
     * @brief c(0), from the even quadratic A + B r^2 through c_0, c_1:
     * c(0) = c_0 - (c_1 - c_0)/8. Units: mol/m^3.
     */
    double
    centre_concentration(const ParticleState &state) const;

    /// See ParticleDiffusion::particle_volume().
    double
    particle_volume() const override;

    /// Volume of shell @p i. Units: m^3.
    double
    shell_volume(const unsigned int i) const;

    /// Mid-radius rho_i = (i + 1/2) R/N of shell @p i. Units: m.
    double
    shell_radius(const unsigned int i) const;

    /// D and dD/dc at @p c clamped to [0, c_max] (derivative 0 outside).
    DiffusivityValue
    diffusivity_at(const double c) const;

    /// Which model the parameter file asks for (the electrode model's choice;
    /// RepresentativeParticle itself is always the resolved one).
    ParticleModel model = ParticleModel::resolved;
    /// Particle radius R. Units: m.
    double radius = 5e-6;
    /// Maximum concentration c_max. Units: mol/m^3.
    double max_concentration = 22860;
    /// D(c). Units: m^2/s.
    DiffusivityFunction diffusivity;
    /// Number of shells N (>= 2).
    unsigned int n_shells = 20;
    /// Time integrator.
    ParticleTimeScheme time_scheme = ParticleTimeScheme::implicit_euler;
    /// Newton tolerance: max |R_i/J_ii| <= tol c_max. Units: none.
    double newton_tolerance = 1e-14;
    /// Maximum number of Newton updates.
    unsigned int max_newton_iterations = 50;

  private:
    /// Residual and tridiagonal Jacobian (sub, diag, super) at @p c.
    /// Returns false if D is not positive and finite somewhere.
    bool
    assemble(const std::vector<double> &c,
             const std::vector<double> &history,
             const double               a0,
             const double               dt,
             const double               j,
             std::vector<double>       &residual,
             std::vector<double>       &sub,
             std::vector<double>       &diag,
             std::vector<double>       &super) const;
  };

} // namespace chemomech

#endif
