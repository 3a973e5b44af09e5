#include <chemomech/core/parameter_checks.h>
#include <chemomech/core/range_spec.h>
#include <chemomech/materials/representative_particle.h>
#include <chemomech/materials/scalar_function_of_x.h>

#include <deal.II/base/exceptions.h>
#include <deal.II/base/numbers.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>

namespace chemomech
{
  namespace
  {
    /// Allowed ranges of the entries (declared patterns and checks).
    const RangeSpec radius_range(0, Bound::open, 1e-2, Bound::closed, "m");
    const RangeSpec maximum_concentration_range(0,
                                                Bound::open,
                                                1e6,
                                                Bound::closed,
                                                "mol/m^3");
    const RangeSpec number_of_shells_range = RangeSpec::integers(2, 10000);
    const RangeSpec newton_tolerance_range(0, Bound::open, 1e-3, Bound::closed);
    const RangeSpec maximum_newton_iterations_range =
      RangeSpec::integers(1, 1000);
    /**
     * LU factorisation of a tridiagonal matrix without pivoting (Thomas
     * algorithm), kept so that several right-hand sides can be solved.
     */
    class TridiagonalFactorization
    {
    public:
      /// Factors (sub, diag, super); sub[0] and super[n-1] are unused.
      /// Returns false on a zero or non-finite pivot.
      bool
      factor(const std::vector<double> &sub,
             const std::vector<double> &diag,
             const std::vector<double> &super)
      {
        const std::size_t n = diag.size();
        lower               = sub;
        pivot.resize(n);
        upper.resize(n);
        for (std::size_t i = 0; i < n; ++i)
          {
            pivot[i] = diag[i] - (i > 0 ? sub[i] * upper[i - 1] : 0.0);
            if (!(std::abs(pivot[i]) > 0) || !std::isfinite(pivot[i]))
              return false;
            upper[i] = (i + 1 < n) ? super[i] / pivot[i] : 0.0;
          }
        return true;
      }

      /// Solves in place: @p x holds the right-hand side on entry.
      void
      solve(std::vector<double> &x) const
      {
        const std::size_t n = pivot.size();
        for (std::size_t i = 0; i < n; ++i)
          x[i] = (x[i] - (i > 0 ? lower[i] * x[i - 1] : 0.0)) / pivot[i];
        for (std::size_t i = n - 1; i-- > 0;)
          x[i] -= upper[i] * x[i + 1];
      }

    private:
      std::vector<double> lower, pivot, upper;
    };



    /// max_i |r_i / d_i|: residual in concentration units.
    double
    scaled_norm(const std::vector<double> &r, const std::vector<double> &d)
    {
      double m = 0;
      for (std::size_t i = 0; i < r.size(); ++i)
        m = std::max(m, std::abs(r[i] / d[i]));
      return std::isfinite(m) ? m : std::numeric_limits<double>::infinity();
    }
  } // namespace



  RepresentativeParticle::RepresentativeParticle()
    : diffusivity(constant_diffusivity(7.08e-15))
  {}



  RepresentativeParticle::RepresentativeParticle(
    const double               radius,
    const double               max_concentration,
    const DiffusivityFunction &diffusivity,
    const unsigned int         n_shells,
    const ParticleTimeScheme   time_scheme)
    : radius(radius)
    , max_concentration(max_concentration)
    , diffusivity(diffusivity)
    , n_shells(n_shells)
    , time_scheme(time_scheme)
  {
    AssertThrow(radius > 0 && max_concentration > 0 && n_shells >= 2,
                dealii::ExcMessage("RepresentativeParticle needs R > 0, "
                                   "c_max > 0 and at least 2 shells."));
  }



  void
  RepresentativeParticle::declare_parameters(dealii::ParameterHandler &prm)
  {
    declare_parameters(prm, RepresentativeParticle(), default_diffusivity);
  }



  void
  RepresentativeParticle::declare_parameters(
    dealii::ParameterHandler     &prm,
    const RepresentativeParticle &defaults,
    const std::string            &diffusivity)
  {
    const RepresentativeParticle &d = defaults;
    using dealii::Patterns::Selection;
    prm.enter_subsection("Representative particle");
    prm.declare_entry("Model",
                      (d.model == ParticleModel::polynomial) ? "polynomial" :
                                                               "resolved",
                      Selection("resolved|polynomial"),
                      "resolved: radial diffusion on N finite-volume shells. "
                      "polynomial: two-parameter approximation of "
                      "Subramanian et al. (2005), c_surf = c_avg + j R/(5D).");
    prm.declare_entry("Radius",
                      parameter_text(d.radius),
                      *radius_range.pattern(),
                      "Particle radius R. Units: m. Range: (0, 1e-2].");
    prm.declare_entry("Maximum concentration",
                      parameter_text(d.max_concentration),
                      *maximum_concentration_range.pattern(),
                      "c_max. Units: mol/m^3. Range: (0, 1e6].");
    prm.declare_entry("Diffusivity",
                      diffusivity,
                      dealii::Patterns::Anything(),
                      "Solid diffusivity D as a number or an expression in "
                      "the stoichiometry x = c/c_max (muparser syntax, e.g. "
                      "1e-14*(1+x)). Units: m^2/s. Range: > 0 for x in "
                      "[0, 1].");
    prm.declare_entry("Number of shells",
                      std::to_string(d.n_shells),
                      *number_of_shells_range.pattern(),
                      "N finite-volume shells of equal thickness R/N "
                      "(resolved model). Range: [2, 10000].");
    prm.declare_entry("Time integration",
                      (d.time_scheme == ParticleTimeScheme::bdf2) ?
                        "BDF2" :
                        "implicit Euler",
                      Selection("implicit Euler|BDF2"),
                      "Time integrator of the particle equations; BDF2 "
                      "starts with one implicit Euler step.");
    prm.declare_entry("Newton tolerance",
                      parameter_text(d.newton_tolerance),
                      *newton_tolerance_range.pattern(),
                      "Local Newton stops when max |R_i/J_ii| <= tol c_max. "
                      "Units: none. Range: (0, 1e-3].");
    prm.declare_entry("Maximum Newton iterations",
                      std::to_string(d.max_newton_iterations),
                      *maximum_newton_iterations_range.pattern(),
                      "Local Newton iteration limit. Range: [1, 1000].");
    prm.leave_subsection();
  }



  void
  RepresentativeParticle::parse_parameters(dealii::ParameterHandler &prm)
  {
    const std::string s = "Representative particle/";
    prm.enter_subsection("Representative particle");
    model  = (prm.get("Model") == "polynomial") ? ParticleModel::polynomial :
                                                  ParticleModel::resolved;
    radius = prm.get_double("Radius");
    max_concentration      = prm.get_double("Maximum concentration");
    const std::string dtxt = prm.get("Diffusivity");
    const long        n    = prm.get_integer("Number of shells");
    time_scheme            = (prm.get("Time integration") == "BDF2") ?
                               ParticleTimeScheme::bdf2 :
                               ParticleTimeScheme::implicit_euler;
    newton_tolerance       = prm.get_double("Newton tolerance");
    const long iterations  = prm.get_integer("Maximum Newton iterations");
    prm.leave_subsection();

    radius_range.check(s + "Radius", radius);
    maximum_concentration_range.check(s + "Maximum concentration",
                                      max_concentration);
    number_of_shells_range.check_integer(s + "Number of shells", n);
    newton_tolerance_range.check(s + "Newton tolerance", newton_tolerance);
    maximum_newton_iterations_range.check_integer(s + "Maximum Newton "
                                                      "iterations",
                                                  iterations);
    n_shells              = static_cast<unsigned int>(n);
    max_newton_iterations = static_cast<unsigned int>(iterations);

    ScalarFunctionOfX f;
    f.set_expression(s + "Diffusivity", dtxt);
    f.check_positive(s + "Diffusivity", "m^2/s");
    const double c_max = max_concentration;
    diffusivity        = [f, c_max](const double c) {
      const double x = c / c_max;
      return DiffusivityValue{f.value(x), f.derivative(x) / c_max};
    };
  }



  DiffusivityFunction
  RepresentativeParticle::constant_diffusivity(const double value)
  {
    return [value](const double) { return DiffusivityValue{value, 0.0}; };
  }



  ParticleState
  RepresentativeParticle::initial_state(const double concentration) const
  {
    ParticleState state;
    state.concentration.assign(n_shells, concentration);
    return state;
  }



  double
  RepresentativeParticle::particle_volume() const
  {
    return 4.0 * dealii::numbers::PI / 3.0 * radius * radius * radius;
  }



  double
  RepresentativeParticle::shell_volume(const unsigned int i) const
  {
    const double h  = radius / n_shells;
    const double ri = i * h, ro = (i + 1) * h;
    return 4.0 * dealii::numbers::PI / 3.0 * (ro * ro * ro - ri * ri * ri);
  }



  double
  RepresentativeParticle::shell_radius(const unsigned int i) const
  {
    return (i + 0.5) * radius / n_shells;
  }



  DiffusivityValue
  RepresentativeParticle::diffusivity_at(const double c) const
  {
    if (c < 0)
      return DiffusivityValue{diffusivity(0.0).value, 0.0};
    if (c > max_concentration)
      return DiffusivityValue{diffusivity(max_concentration).value, 0.0};
    return diffusivity(c);
  }



  double
  RepresentativeParticle::total_lithium(const ParticleState &state) const
  {
    AssertThrow(state.concentration.size() == n_shells,
                dealii::ExcMessage("ParticleState has the wrong number of "
                                   "shells for this RepresentativeParticle."));
    // Sum from the centre outwards, small volumes first.
    double m = 0;
    for (unsigned int i = 0; i < n_shells; ++i)
      m += shell_volume(i) * state.concentration[i];
    return m;
  }



  double
  RepresentativeParticle::average_concentration(
    const ParticleState &state) const
  {
    return total_lithium(state) / particle_volume();
  }



  double
  RepresentativeParticle::surface_concentration(const ParticleState &state,
                                                const double         j) const
  {
    AssertThrow(state.concentration.size() == n_shells,
                dealii::ExcMessage("ParticleState has the wrong number of "
                                   "shells for this RepresentativeParticle."));
    const std::vector<double> &c  = state.concentration;
    const double               h  = radius / n_shells;
    const double               c1 = c[n_shells - 1], c2 = c[n_shells - 2];
    return c1 + (c1 - c2) / 8.0 +
           3.0 * j * h / (8.0 * diffusivity_at(c1).value);
  }



  double
  RepresentativeParticle::centre_concentration(const ParticleState &state) const
  {
    AssertThrow(state.concentration.size() == n_shells,
                dealii::ExcMessage("ParticleState has the wrong number of "
                                   "shells for this RepresentativeParticle."));
    const std::vector<double> &c = state.concentration;
    return c[0] - (c[1] - c[0]) / 8.0;
  }



  bool
  RepresentativeParticle::assemble(const std::vector<double> &c,
                                   const std::vector<double> &history,
                                   const double               a0,
                                   const double               dt,
                                   const double               j,
                                   std::vector<double>       &residual,
                                   std::vector<double>       &sub,
                                   std::vector<double>       &diag,
                                   std::vector<double>       &super) const
  {
    const unsigned int n  = n_shells;
    const double       h  = radius / n;
    const double       pi = dealii::numbers::PI;
    residual.assign(n, 0.0);
    sub.assign(n, 0.0);
    diag.assign(n, 0.0);
    super.assign(n, 0.0);
    for (unsigned int i = 0; i < n; ++i)
      {
        const double m = shell_volume(i) / dt;
        residual[i]    = m * (a0 * c[i] + history[i]);
        diag[i]        = m * a0;
      }
    // Interior faces k = 1..n-1 between shells k-1 and k, at r_k = k h.
    for (unsigned int k = 1; k < n; ++k)
      {
        const double r  = k * h;
        const double g  = 4.0 * pi * r * r / h;
        const auto   D  = diffusivity_at(0.5 * (c[k - 1] + c[k]));
        const double dc = c[k] - c[k - 1];
        if (!(D.value > 0) || !std::isfinite(D.value) ||
            !std::isfinite(D.derivative))
          return false;
        // Outward molar rate Q_k and its derivatives.
        const double Q      = -g * D.value * dc;
        const double dQ_dck = -g * (D.value + 0.5 * D.derivative * dc);
        const double dQ_dcm = -g * (-D.value + 0.5 * D.derivative * dc);
        // Shell k-1 loses Q_k, shell k gains it.
        residual[k - 1] += Q;
        residual[k] -= Q;
        diag[k - 1] += dQ_dcm;
        super[k - 1] += dQ_dck;
        sub[k] -= dQ_dcm;
        diag[k] -= dQ_dck;
      }
    // Outer face: Q_N = -4 pi R^2 j.
    residual[n - 1] += -4.0 * pi * radius * radius * j;
    for (unsigned int i = 0; i < n; ++i)
      if (!std::isfinite(residual[i]))
        return false;
    return true;
  }



  ParticleStepResult
  RepresentativeParticle::solve_step(const ParticleState &old,
                                     const double         time_step,
                                     const double         j,
                                     ParticleState       &trial) const
  {
    const unsigned int n = n_shells;
    AssertThrow(old.concentration.size() == n,
                dealii::ExcMessage("ParticleState has the wrong number of "
                                   "shells for this RepresentativeParticle."));
    AssertThrow(time_step > 0 && std::isfinite(time_step),
                dealii::ExcMessage("The particle time step must be > 0."));
    AssertThrow(std::isfinite(j),
                dealii::ExcMessage("The particle surface flux is not finite."));

    // Time-derivative coefficients: (a0 c^{n+1} + history)/dt.
    double              a0 = 1.0;
    std::vector<double> history(n);
    const bool          bdf2 = time_scheme == ParticleTimeScheme::bdf2 &&
                      old.previous_time_step > 0 &&
                      old.previous_concentration.size() == n;
    if (bdf2)
      {
        const double w  = time_step / old.previous_time_step;
        a0              = (1 + 2 * w) / (1 + w);
        const double a1 = -(1 + w), a2 = w * w / (1 + w);
        for (unsigned int i = 0; i < n; ++i)
          history[i] =
            a1 * old.concentration[i] + a2 * old.previous_concentration[i];
      }
    else
      for (unsigned int i = 0; i < n; ++i)
        history[i] = -old.concentration[i];

    // Copy first: trial may alias old.
    std::vector<double> c        = old.concentration;
    trial.previous_concentration = old.concentration;
    trial.previous_time_step     = time_step;

    ParticleStepResult  result;
    std::vector<double> r, sub, diag, super;
    std::vector<double> r_new, sub_new, diag_new, super_new, c_new(n), delta;
    TridiagonalFactorization lu;
    const double             tol = newton_tolerance * max_concentration;

    bool   ok = assemble(c, history, a0, time_step, j, r, sub, diag, super);
    double norm =
      ok ? scaled_norm(r, diag) : std::numeric_limits<double>::infinity();
    while (ok)
      {
        if (norm <= tol)
          {
            result.converged = true;
            break;
          }
        if (result.newton_iterations >= max_newton_iterations ||
            !lu.factor(sub, diag, super))
          break;
        delta = r;
        lu.solve(delta);
        // Backtracking line search on the scaled residual; the full step is
        // taken if no shorter one reduces it.
        double lambda   = 1.0;
        bool   accepted = false;
        for (unsigned int ls = 0; ls < 8; ++ls, lambda *= 0.5)
          {
            for (unsigned int i = 0; i < n; ++i)
              c_new[i] = c[i] - lambda * delta[i];
            if (assemble(c_new,
                         history,
                         a0,
                         time_step,
                         j,
                         r_new,
                         sub_new,
                         diag_new,
                         super_new))
              {
                const double norm_new = scaled_norm(r_new, diag_new);
                if (norm_new < norm || norm_new <= tol)
                  {
                    accepted = true;
                    norm     = norm_new;
                    break;
                  }
              }
          }
        if (!accepted)
          {
            for (unsigned int i = 0; i < n; ++i)
              c_new[i] = c[i] - delta[i];
            ok   = assemble(c_new,
                          history,
                          a0,
                          time_step,
                          j,
                          r_new,
                          sub_new,
                          diag_new,
                          super_new);
            norm = ok ? scaled_norm(r_new, diag_new) :
                        std::numeric_limits<double>::infinity();
          }
        c.swap(c_new);
        r.swap(r_new);
        sub.swap(sub_new);
        diag.swap(diag_new);
        super.swap(super_new);
        ++result.newton_iterations;
      }

    trial.concentration = c;
    const double h      = radius / n;
    const double c1 = c[n - 1], c2 = c[n - 2];
    const auto   D1              = diffusivity_at(c1);
    result.average_concentration = average_concentration(trial);
    result.surface_concentration =
      c1 + (c1 - c2) / 8.0 + 3.0 * j * h / (8.0 * D1.value);

    // Sensitivities from the Jacobian at the converged iterate:
    // J dc/dj = -dR/dj = 4 pi R^2 e_{N-1}.
    if (result.converged && lu.factor(sub, diag, super))
      {
        std::vector<double> s(n, 0.0);
        s[n - 1] = 4.0 * dealii::numbers::PI * radius * radius;
        lu.solve(s);
        double ds = 0;
        for (unsigned int i = 0; i < n; ++i)
          ds += shell_volume(i) * s[i];
        result.d_average_d_flux = ds / particle_volume();
        const double dc1_factor =
          9.0 / 8.0 - 3.0 * j * h * D1.derivative / (8.0 * D1.value * D1.value);
        result.d_surface_d_flux =
          dc1_factor * s[n - 1] - s[n - 2] / 8.0 + 3.0 * h / (8.0 * D1.value);
      }
    else
      result.converged = false;

    result.minimum_concentration = result.surface_concentration;
    result.maximum_concentration = result.surface_concentration;
    for (const double ci : c)
      {
        result.minimum_concentration =
          std::min(result.minimum_concentration, ci);
        result.maximum_concentration =
          std::max(result.maximum_concentration, ci);
      }
    result.within_bounds = result.minimum_concentration >= 0 &&
                           result.maximum_concentration <= max_concentration;
    return result;
  }
} // namespace chemomech
