/**
 * @file particle_diffusion.h
 * @brief The interface of the representative particles of the porous-
 * electrode model (RepresentativeParticle, PolynomialParticle): the state of
 * one particle, one step under a surface flux, and what the point update
 * reads from it.
 */
#ifndef chemomech_materials_particle_diffusion_h
#define chemomech_materials_particle_diffusion_h

#include <vector>

namespace chemomech
{
  /// Which particle model an electrode-scale model uses.
  enum class ParticleModel
  {
    /// Resolved radial diffusion, RepresentativeParticle.
    resolved,
    /// Two-parameter polynomial approximation, PolynomialParticle.
    polynomial
  };

  /**
   * @brief Internal state of one particle. The electrode model keeps a
   * committed state (end of the last accepted step) and a trial state (being
   * computed in the current Newton iteration): solve_step() only reads the
   * committed one, so a rejected step is rolled back by simply discarding the
   * trial state; an accepted step is committed by copying trial into
   * committed.
   */
  struct ParticleState
  {
    /**
     * Lithium concentration of every shell, shell 0 at the centre
     * (RepresentativeParticle: volume averages over the N shells;
     * PolynomialParticle: one entry, the particle average). Units: mol/m^3.
     */
    std::vector<double> concentration;
    /// The concentrations one step earlier (BDF2 history). Units: mol/m^3.
    std::vector<double> previous_concentration;
    /// Length of the step that led to this state; 0: no history. Units: s.
    double previous_time_step = 0;
  };

  /// Result of a particle step: concentrations and their flux sensitivities.
  struct ParticleStepResult
  {
    /// Surface concentration c_surf = c(R). Units: mol/m^3.
    double surface_concentration = 0;
    /// Volume-averaged concentration c_avg. Units: mol/m^3.
    double average_concentration = 0;
    /// d c_surf / d j of the converged step. Units: s/m.
    double d_surface_d_flux = 0;
    /// d c_avg / d j of the converged step. Units: s/m.
    double d_average_d_flux = 0;
    /// Smallest of the shell and surface concentrations. Units: mol/m^3.
    double minimum_concentration = 0;
    /// Largest of the shell and surface concentrations. Units: mol/m^3.
    double maximum_concentration = 0;
    /// Number of Newton updates (linear solves) taken.
    unsigned int newton_iterations = 0;
    /// Whether the local Newton iteration converged.
    bool converged = false;
    /// Whether all shell and surface concentrations lie in [0, c_max].
    bool within_bounds = true;
  };

  /**
   * @brief Lithium diffusion in one spherical particle of radius R under a
   * uniform surface flux: what ElectrodePointUpdate needs of a particle
   * model. Implementations hold only parameters; all per-particle data live
   * in ParticleState, so one instance serves every quadrature point.
   */
  class ParticleDiffusion
  {
  public:
    virtual ~ParticleDiffusion() = default;

    /// Which model this is.
    virtual ParticleModel
    particle_model() const = 0;

    /// Particle radius R. Units: m.
    virtual double
    particle_radius() const = 0;

    /// Maximum concentration c_max. Units: mol/m^3.
    virtual double
    maximum_concentration() const = 0;

    /**
     * @brief How accurately solve_step() resolves the concentrations (its
     * Newton tolerance times c_max): the surface concentration it returns
     * carries an error of this order. Units: mol/m^3.
     */
    virtual double
    concentration_tolerance() const = 0;

    /// Number of values of ParticleState::concentration (fixed per model).
    virtual unsigned int
    n_state_values() const = 0;

    /// A uniform state at @p concentration (mol/m^3), no history.
    virtual ParticleState
    initial_state(const double concentration) const = 0;

    /**
     * @brief Advances @p old by one step under the inward flux @p j,
     * constant over the step.
     * @param old Committed state (not modified).
     * @param time_step dt > 0. Units: s.
     * @param j Inward molar surface flux (> 0 lithiates). Units: mol/(m^2 s).
     * @param[out] trial The new state.
     * @return c_surf, c_avg of @p trial and d/dj of both; check converged.
     */
    virtual ParticleStepResult
    solve_step(const ParticleState &old,
               const double         time_step,
               const double         j,
               ParticleState       &trial) const = 0;

    /// Total lithium in the particle. Units: mol per particle.
    virtual double
    total_lithium(const ParticleState &state) const = 0;

    /// Lithium per unit particle volume = c_avg. Units: mol/m^3.
    virtual double
    average_concentration(const ParticleState &state) const = 0;

    /// c_surf of @p state under the surface flux @p j. Units: mol/m^3.
    virtual double
    surface_concentration(const ParticleState &state, const double j) const = 0;

    /// Particle volume 4 pi R^3 / 3. Units: m^3.
    virtual double
    particle_volume() const = 0;
  };
} // namespace chemomech

#endif
