/**
 * @file polynomial_particle.h
 * @brief The two-parameter polynomial approximation of the representative
 * particle (Subramanian, Diwakar and Tapriyal, J. Electrochem. Soc. 152
 * (2005) A2002), with the API of RepresentativeParticle.
 */
#ifndef chemomech_materials_polynomial_particle_h
#define chemomech_materials_polynomial_particle_h

#include <chemomech/materials/representative_particle.h>

namespace chemomech
{
  /**
   * @brief Particle whose profile is assumed parabolic,
   * c(r, t) = a(t) + b(t) r^2 / R^2 (Subramanian, Diwakar and Tapriyal,
   * J. Electrochem. Soc. 152 (2005) A2002).
   *
   * Sign convention: j is the INWARD molar flux at r = R (mol/(m^2 s),
   * positive when lithium enters), j = D dc/dr|_R, as in
   * RepresentativeParticle. The paper's flux is positive outward, which
   * flips the sign of its j terms. Mass balance and the parabolic profile
   * (c_avg = a + 3b/5, c_surf = a + b, dc/dr|_R = 2b/R) give
   *   d c_avg / dt = 3 j / R,
   *   c_surf - c_avg = j R / (5 D).
   * This is exact for the long-time galvanostatic profile with constant D
   * (and wrong in the early transient, where c_surf - c_avg grows like
   * sqrt(t) rather than jumping).
   *
   * State: ParticleState::concentration has ONE entry, c_avg; c_surf is a
   * function of (c_avg, j), not a state. c_avg is advanced by implicit Euler
   * or BDF2 (as in RepresentativeParticle), exactly conservative:
   * the inventory V c_avg grows by 4 pi R^2 j dt per Euler step.
   *
   * Concentration-dependent D: evaluated at the surface, consistently with
   * j = D(c_surf) dc/dr|_R, so c_surf solves the scalar equation
   *   g(c_surf) = 5 D(c_surf) (c_surf - c_avg) - j R = 0
   * by Newton (start c_avg + j R/(5 D(c_avg))). If D falls fast enough with c,
   * g stops being monotone and there is no solution for large j: the step
   * then reports converged = false. D is evaluated at c clamped to
   * [0, c_max] and c is not clamped (see RepresentativeParticle).
   *
   * Sensitivities: d c_avg/dj = 3 dt / (a0 R) (a0 = 1 for Euler) and
   * d c_surf/dj = (R + 5 D dc_avg/dj) / g'(c_surf),
   * g' = 5 (D + D' (c_surf - c_avg)); for constant D,
   * d c_surf/dj = R/(5D) + dc_avg/dj. They are used for condensation
   * exactly as described in RepresentativeParticle.
   */
  class PolynomialParticle : public ParticleDiffusion
  {
  public:
    /// ParticleModel::polynomial.
    ParticleModel
    particle_model() const override
    {
      return ParticleModel::polynomial;
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

    /// 1: the particle average.
    unsigned int
    n_state_values() const override
    {
      return 1;
    }

    /**
     * @param radius R. Units: m.
     * @param max_concentration c_max. Units: mol/m^3.
     * @param diffusivity D(c) and dD/dc.
     * @param time_scheme Time integrator.
     */
    PolynomialParticle(const double               radius,
                       const double               max_concentration,
                       const DiffusivityFunction &diffusivity,
                       const ParticleTimeScheme   time_scheme =
                         ParticleTimeScheme::implicit_euler);

    /// Takes R, c_max, D, the time scheme and the Newton settings of
    /// @p settings (e.g. parsed from "Representative particle").
    explicit PolynomialParticle(const RepresentativeParticle &settings);

    /// See ParticleDiffusion::initial_state(); its one value is c_avg.
    ParticleState
    initial_state(const double concentration) const override;

    /// See ParticleDiffusion::solve_step(): c_avg by the time scheme, then
    /// c_surf from g(c_surf) = 0 (class doc).
    ParticleStepResult
    solve_step(const ParticleState &old,
               const double         time_step,
               const double         j,
               ParticleState       &trial) const override;

    /// See ParticleDiffusion::total_lithium(): V c_avg.
    double
    total_lithium(const ParticleState &state) const override;

    /// See ParticleDiffusion::average_concentration(): the state's value.
    double
    average_concentration(const ParticleState &state) const override;

    /// See ParticleDiffusion::surface_concentration(); NaN if the scalar
    /// Newton iteration for c_surf fails.
    double
    surface_concentration(const ParticleState &state,
                          const double         j) const override;

    /// See ParticleDiffusion::particle_volume().
    double
    particle_volume() const override;

    /// Particle radius R. Units: m.
    double radius;
    /// Maximum concentration c_max. Units: mol/m^3.
    double max_concentration;
    /// D(c). Units: m^2/s.
    DiffusivityFunction diffusivity;
    /// Time integrator of c_avg.
    ParticleTimeScheme time_scheme;
    /// Newton tolerance on c_surf: |update| <= tol c_max. Units: none.
    double newton_tolerance = 1e-14;
    /// Maximum number of Newton updates for c_surf.
    unsigned int max_newton_iterations = 50;

  private:
    /**
     * Solves g(c_surf) = 0 for @p c_average and @p j; returns whether it
     * converged, c_surf, g'(c_surf), D(c_surf) and the iterations.
     */
    bool
    solve_surface(const double  c_average,
                  const double  j,
                  double       &c_surface,
                  double       &dg_dc,
                  double       &D,
                  unsigned int &iterations) const;

    /// D and dD/dc at @p c clamped to [0, c_max] (derivative 0 outside).
    DiffusivityValue
    diffusivity_at(const double c) const;
  };
} // namespace chemomech

#endif
