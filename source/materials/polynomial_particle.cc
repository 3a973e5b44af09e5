#include <chemomech/materials/polynomial_particle.h>

#include <deal.II/base/exceptions.h>
#include <deal.II/base/numbers.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace chemomech
{
  PolynomialParticle::PolynomialParticle(const double radius,
                                         const double max_concentration,
                                         const DiffusivityFunction &diffusivity,
                                         const ParticleTimeScheme   time_scheme)
    : radius(radius)
    , max_concentration(max_concentration)
    , diffusivity(diffusivity)
    , time_scheme(time_scheme)
  {
    AssertThrow(radius > 0 && max_concentration > 0,
                dealii::ExcMessage(
                  "PolynomialParticle needs R > 0 and c_max > 0."));
  }



  PolynomialParticle::PolynomialParticle(const RepresentativeParticle &settings)
    : PolynomialParticle(settings.radius,
                         settings.max_concentration,
                         settings.diffusivity,
                         settings.time_scheme)
  {
    newton_tolerance      = settings.newton_tolerance;
    max_newton_iterations = settings.max_newton_iterations;
  }



  ParticleState
  PolynomialParticle::initial_state(const double concentration) const
  {
    ParticleState state;
    state.concentration.assign(1, concentration);
    return state;
  }



  double
  PolynomialParticle::particle_volume() const
  {
    return 4.0 * dealii::numbers::PI / 3.0 * radius * radius * radius;
  }



  double
  PolynomialParticle::total_lithium(const ParticleState &state) const
  {
    return average_concentration(state) * particle_volume();
  }



  double
  PolynomialParticle::average_concentration(const ParticleState &state) const
  {
    AssertThrow(state.concentration.size() == 1,
                dealii::ExcMessage("A PolynomialParticle state holds exactly "
                                   "one concentration, c_avg."));
    return state.concentration[0];
  }



  DiffusivityValue
  PolynomialParticle::diffusivity_at(const double c) const
  {
    if (c < 0)
      return DiffusivityValue{diffusivity(0.0).value, 0.0};
    if (c > max_concentration)
      return DiffusivityValue{diffusivity(max_concentration).value, 0.0};
    return diffusivity(c);
  }



  bool
  PolynomialParticle::solve_surface(const double  c_average,
                                    const double  j,
                                    double       &c_surface,
                                    double       &dg_dc,
                                    double       &D,
                                    unsigned int &iterations) const
  {
    iterations = 0;
    {
      const double D0 = diffusivity_at(c_average).value;
      if (!(D0 > 0) || !std::isfinite(D0))
        return false;
      c_surface = c_average + j * radius / (5.0 * D0);
    }
    const double tol = newton_tolerance * max_concentration;
    while (true)
      {
        const auto   d = diffusivity_at(c_surface);
        const double g = 5.0 * d.value * (c_surface - c_average) - j * radius;
        dg_dc = 5.0 * (d.value + d.derivative * (c_surface - c_average));
        D     = d.value;
        if (!(d.value > 0) || !(dg_dc > 0) || !std::isfinite(g) ||
            !std::isfinite(dg_dc))
          return false;
        const double update = g / dg_dc;
        if (std::abs(update) <= tol)
          return true;
        if (iterations >= max_newton_iterations)
          return false;
        c_surface -= update;
        ++iterations;
      }
  }



  double
  PolynomialParticle::surface_concentration(const ParticleState &state,
                                            const double         j) const
  {
    double       c_s = 0, dg = 0, D = 0;
    unsigned int it = 0;
    if (!solve_surface(average_concentration(state), j, c_s, dg, D, it))
      return std::numeric_limits<double>::quiet_NaN();
    return c_s;
  }



  ParticleStepResult
  PolynomialParticle::solve_step(const ParticleState &old,
                                 const double         time_step,
                                 const double         j,
                                 ParticleState       &trial) const
  {
    AssertThrow(old.concentration.size() == 1,
                dealii::ExcMessage("A PolynomialParticle state holds exactly "
                                   "one concentration, c_avg."));
    AssertThrow(time_step > 0 && std::isfinite(time_step),
                dealii::ExcMessage("The particle time step must be > 0."));
    AssertThrow(std::isfinite(j),
                dealii::ExcMessage("The particle surface flux is not finite."));

    // (a0 c^{n+1} + history)/dt = 3 j / R.
    const double c_n     = old.concentration[0];
    double       a0      = 1.0;
    double       history = -c_n;
    if (time_scheme == ParticleTimeScheme::bdf2 && old.previous_time_step > 0 &&
        old.previous_concentration.size() == 1)
      {
        const double w = time_step / old.previous_time_step;
        a0             = (1 + 2 * w) / (1 + w);
        history =
          -(1 + w) * c_n + w * w / (1 + w) * old.previous_concentration[0];
      }
    const double rate  = 3.0 / radius;
    const double c_avg = (rate * j * time_step - history) / a0;
    trial.previous_concentration.assign(1, c_n);
    trial.previous_time_step = time_step;
    trial.concentration.assign(1, c_avg);

    ParticleStepResult result;
    result.average_concentration = c_avg;
    result.d_average_d_flux      = rate * time_step / a0;
    double dg = 0, D = 0;
    result.converged = solve_surface(c_avg,
                                     j,
                                     result.surface_concentration,
                                     dg,
                                     D,
                                     result.newton_iterations);
    if (result.converged)
      result.d_surface_d_flux =
        (radius + 5.0 * D * result.d_average_d_flux) / dg;
    result.minimum_concentration =
      std::min(c_avg, result.surface_concentration);
    result.maximum_concentration =
      std::max(c_avg, result.surface_concentration);
    result.within_bounds = result.minimum_concentration >= 0 &&
                           result.maximum_concentration <= max_concentration;
    return result;
  }
} // namespace chemomech
