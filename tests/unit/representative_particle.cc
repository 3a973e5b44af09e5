// Unit tests of the representative particle of the porous-electrode model:
// resolved finite-volume diffusion (RepresentativeParticle) and the
// two-parameter polynomial approximation (PolynomialParticle), against the
// lithium inventory, the long-time galvanostatic closed form, finite
// differences of the flux sensitivities, and rollback.
#include <chemomech/core/parameter_checks.h>
#include <chemomech/materials/particle_surface_stress.h>
#include <chemomech/materials/polynomial_particle.h>
#include <chemomech/materials/representative_particle.h>

#include <deal.II/base/mpi.h>
#include <deal.II/base/numbers.h>
#include <deal.II/base/parameter_handler.h>

#include <cmath>
#include <sstream>

#include "particle_steps.h"
#include "test_tools.h"

using namespace chemomech;
using namespace dealii;

namespace
{
  const double pi = numbers::PI;

  // Common data: R = 5 um, D0 = 1e-14 m^2/s (tau = R^2/D0 = 2500 s),
  // c_max = 30000 mol/m^3, c0 = 1000 mol/m^3.
  const double R     = 5e-6;
  const double D0    = 1e-14;
  const double c_max = 30000;
  const double c0    = 1000;
  const double tau   = R * R / D0;

  // D(c) = D0 (1 + 3 x^2), x = c/c_max, with its exact derivative.
  DiffusivityValue
  d_quadratic(const double c)
  {
    const double x = c / c_max;
    return DiffusivityValue{D0 * (1 + 3 * x * x), D0 * 6 * x / c_max};
  }

  // D(c) = D0 exp(-4 x): 55 times slower when full.
  DiffusivityValue
  d_exponential(const double c)
  {
    const double x = c / c_max;
    const double D = D0 * std::exp(-4 * x);
    return DiffusivityValue{D, -4 * D / c_max};
  }

  // The mirror image D(c) = D0 exp(-4 (1 - x)): 55 times slower when empty.
  DiffusivityValue
  d_exponential_mirror(const double c)
  {
    const double x = c / c_max;
    const double D = D0 * std::exp(-4 * (1 - x));
    return DiffusivityValue{D, 4 * D / c_max};
  }

} // namespace

int
main(int argc, char **argv)
{
  Utilities::MPI::MPI_InitFinalize mpi(argc, argv, 1);
  chemomech_test::Checks           check;
  const double                     area = 4 * pi * R * R;

  // (a) Lithium conservation: inventory = initial + 4 pi R^2 sum j dt,
  // with a concentration-dependent D, a varying flux (lithiation and
  // delithiation) and varying steps.
  {
    for (const auto scheme :
         {ParticleTimeScheme::implicit_euler, ParticleTimeScheme::bdf2})
      {
        const std::string name =
          scheme == ParticleTimeScheme::bdf2 ? "BDF2" : "implicit Euler";
        RepresentativeParticle p(R, c_max, d_quadratic, 25, scheme);
        ParticleState          state = p.initial_state(c0);
        const double           m0    = p.total_lithium(state);
        // Reference inventory from the scheme applied to dM/dt = 4 pi R^2 j:
        // Euler M += 4 pi R^2 j dt; BDF2 its (variable-step) recurrence.
        double        m_ref = m0, m_prev = m0, dt_prev = 0;
        bool          all_converged = true;
        ParticleState trial;
        for (unsigned int k = 0; k < 100; ++k)
          {
            const double dt = (1 + 0.5 * std::sin(0.3 * k)) * 0.01 * tau;
            const double j  = 5e-6 * std::cos(0.1 * k);
            const auto   r  = p.solve_step(state, dt, j, trial);
            all_converged   = all_converged && r.converged;
            state           = trial;
            double m_new    = m_ref + area * j * dt;
            if (scheme == ParticleTimeScheme::bdf2 && dt_prev > 0)
              {
                const double w = dt / dt_prev;
                m_new =
                  (area * j * dt + (1 + w) * m_ref - w * w / (1 + w) * m_prev) /
                  ((1 + 2 * w) / (1 + w));
              }
            m_prev  = m_ref;
            m_ref   = m_new;
            dt_prev = dt;
          }
        check.is_true("resolved, " + name + ": all 100 steps converged",
                      all_converged);
        check.near("resolved, " + name +
                     ", variable j and dt: lithium = the scheme's integral "
                     "of 4 pi R^2 j (Euler: initial + 4 pi R^2 sum j dt)",
                   p.total_lithium(state),
                   m_ref,
                   1e-12);
        // Constant j: exact for both schemes.
        ParticleState s2 = p.initial_state(c0);
        const double  j  = 3e-6;
        chemomech_test::run_constant_flux(p, s2, 0.02 * tau, j, 100);
        check.near("resolved, " + name +
                     ", constant j: lithium = initial + 4 pi R^2 j t",
                   p.total_lithium(s2),
                   m0 + area * j * 100 * 0.02 * tau,
                   1e-12);
        check.near("resolved, " + name +
                     ": lithium per unit volume = c_avg = lithium / V",
                   p.average_concentration(s2),
                   p.total_lithium(s2) / (4 * pi * R * R * R / 3),
                   1e-14);
      }
    PolynomialParticle q(R, c_max, d_quadratic);
    ParticleState      s  = q.initial_state(c0);
    const double       m0 = q.total_lithium(s);
    chemomech_test::run_constant_flux(q, s, 0.02 * tau, 3e-6, 100);
    check.near("polynomial: lithium = initial + 4 pi R^2 j t",
               q.total_lithium(s),
               m0 + area * 3e-6 * 100 * 0.02 * tau,
               1e-12);
  }

  // (b) Long-time galvanostatic closed form for constant D:
  // c(r,t) = c0 + 3 j t/R + (j R/D)(r^2/(2 R^2) - 3/10) for t >> R^2/D.
  // Run to t = 4 tau with dt = tau/50 (the slowest transient mode decays by
  // (1 + 0.02 * 20.19)^-200 ~ e^-68; implicit Euler is exact for the
  // linear-in-time long-time solution), so what remains is the spatial
  // error: a uniform shift ~ (25/24) (h/R)^2 of c_surf - c_avg relative to
  // j R/(5 D).
  const double j_gal = 2e-6; // j R / D = 1000 mol/m^3
  const double t_end = 4 * tau;
  const double dt    = tau / 50;
  {
    const double exact_ds = j_gal * R / (5 * D0);
    const double exact_dc = -0.3 * j_gal * R / D0;
    const double exact_avg =
      c0 + 3 * j_gal * t_end / R; // also the discrete value
    std::vector<double> errors;
    for (const unsigned int N : {10u, 20u, 40u})
      {
        RepresentativeParticle p(R,
                                 c_max,
                                 RepresentativeParticle::constant_diffusivity(
                                   D0),
                                 N);
        ParticleState          s = p.initial_state(c0);
        const auto r = chemomech_test::run_constant_flux(p, s, dt, j_gal, 200);
        const double tol_N = 1.5 / (N * N);
        check.near("N = " + std::to_string(N) + ": c_avg = c0 + 3 j t / R",
                   r.average_concentration,
                   exact_avg,
                   1e-12);
        check.near("N = " + std::to_string(N) +
                     ": c_surf - c_avg = j R/(5 D) (tol 1.5/N^2)",
                   r.surface_concentration - r.average_concentration,
                   exact_ds,
                   tol_N);
        check.near("N = " + std::to_string(N) +
                     ": c(0) - c_avg = -(3/10) j R/D (tol 1.5/N^2)",
                   p.centre_concentration(s) - r.average_concentration,
                   exact_dc,
                   tol_N);
        errors.push_back(std::abs(r.surface_concentration -
                                  r.average_concentration - exact_ds) /
                         exact_ds);
      }
    for (unsigned int k = 0; k + 1 < errors.size(); ++k)
      {
        const double       rate = std::log2(errors[k] / errors[k + 1]);
        std::ostringstream d;
        d << "relative errors " << errors[k] << " -> " << errors[k + 1]
          << ", observed rate " << rate;
        std::cout << "convergence of c_surf - c_avg, N = " << (10 << k)
                  << " -> " << (20 << k) << ": rate " << rate << "\n";
        check.is_true("c_surf convergence rate N = " + std::to_string(10 << k) +
                        " -> " + std::to_string(20 << k) + " > 1.7",
                      rate > 1.7,
                      d.str());
      }

    // BDF2 reaches the same long-time state (it is exact for it as well).
    RepresentativeParticle p(R,
                             c_max,
                             RepresentativeParticle::constant_diffusivity(D0),
                             40,
                             ParticleTimeScheme::bdf2);
    ParticleState          s = p.initial_state(c0);
    const auto r = chemomech_test::run_constant_flux(p, s, dt, j_gal, 200);
    check.near("BDF2, N = 40: c_surf - c_avg = j R/(5 D) (tol 1.5/N^2)",
               r.surface_concentration - r.average_concentration,
               exact_ds,
               1.5 / (40 * 40));

    // The stress helper on the long-time profile: sigma_h(R) =
    // -2 E Omega j R / (45 D (1 - nu)) (compressive on lithiation), and one
    // number worked by hand.
    const double E = 10e9, nu = 0.3, Omega = 3.497e-6;
    check.near("sigma_h(R) of the long-time profile = -2 E Omega j R/(45 D "
               "(1-nu)) (N = 40, tol 1.5/N^2)",
               ParticleSurfaceStress(E, nu, Omega)
                 .hydrostatic_stress(r.average_concentration,
                                     r.surface_concentration),
               -2 * E * Omega * j_gal * R / (45 * D0 * (1 - nu)),
               1.5 / (40 * 40));
    check.near(
      "sigma_h(R), c_avg - c_surf = -1000 mol/m^3: -1.1101587302e7 "
      "Pa (by hand)",
      ParticleSurfaceStress(E, nu, Omega).hydrostatic_stress(500, 1500),
      -1.1101587302e7,
      1e-10);
  }

  // Time accuracy on the transient (t = 0.1 tau, N = 20): errors of c_surf
  // against a run with 16 times smaller steps of the same scheme.
  {
    for (const auto scheme :
         {ParticleTimeScheme::implicit_euler, ParticleTimeScheme::bdf2})
      {
        RepresentativeParticle p(R,
                                 c_max,
                                 RepresentativeParticle::constant_diffusivity(
                                   D0),
                                 20,
                                 scheme);
        const double           T = 0.1 * tau;
        std::vector<double>    cs;
        for (const unsigned int n : {20u, 40u, 80u, 1280u})
          {
            ParticleState s = p.initial_state(c0);
            cs.push_back(
              chemomech_test::run_constant_flux(p, s, T / n, j_gal, n)
                .surface_concentration);
          }
        const double e1 = std::abs(cs[0] - cs[3]), e2 = std::abs(cs[1] - cs[3]),
                     e3   = std::abs(cs[2] - cs[3]);
        const double rate = std::log2(e2 / e3);
        std::cout << (scheme == ParticleTimeScheme::bdf2 ? "BDF2" : "Euler")
                  << " time errors of c_surf for 20, 40, 80 steps: " << e1
                  << ", " << e2 << ", " << e3 << " (rates "
                  << std::log2(e1 / e2) << ", " << rate << ")\n";
        const double expected = scheme == ParticleTimeScheme::bdf2 ? 2 : 1;
        check.is_true(std::string(scheme == ParticleTimeScheme::bdf2 ?
                                    "BDF2" :
                                    "implicit Euler") +
                        " time convergence rate > " +
                        std::to_string(expected - 0.3).substr(0, 3),
                      rate > expected - 0.3,
                      "rate " + std::to_string(rate));
      }
  }

  // (c) Sensitivities d c_surf/dj and d c_avg/dj against central
  // differences (step 1e-4 j, truncation error ~1e-8 relative) with a
  // concentration-dependent D, for both schemes (BDF2 from a state with
  // history) and the polynomial model.
  {
    const double j = 4e-6, hj = 1e-4 * j, step = 0.05 * tau;
    for (const auto scheme :
         {ParticleTimeScheme::implicit_euler, ParticleTimeScheme::bdf2})
      {
        const std::string name =
          scheme == ParticleTimeScheme::bdf2 ? "BDF2" : "implicit Euler";
        RepresentativeParticle p(R, c_max, d_quadratic, 30, scheme);
        p.newton_tolerance = 1e-15;
        ParticleState s    = p.initial_state(8000);
        chemomech_test::run_constant_flux(
          p,
          s,
          0.7 * step,
          j,
          3); // a non-uniform profile with history
        ParticleState t0, tp, tm;
        const auto    r  = p.solve_step(s, step, j, t0);
        const auto    rp = p.solve_step(s, step, j + hj, tp);
        const auto    rm = p.solve_step(s, step, j - hj, tm);
        check.near("resolved, " + name + ": d c_surf/dj (central FD)",
                   r.d_surface_d_flux,
                   (rp.surface_concentration - rm.surface_concentration) /
                     (2 * hj),
                   1e-6);
        check.near("resolved, " + name + ": d c_avg/dj (central FD)",
                   r.d_average_d_flux,
                   (rp.average_concentration - rm.average_concentration) /
                     (2 * hj),
                   1e-6);
        const double a0 =
          scheme == ParticleTimeScheme::bdf2 ?
            (1 + 2 * step / (0.7 * step)) / (1 + step / (0.7 * step)) :
            1.0;
        check.near("resolved, " + name + ": d c_avg/dj = 3 dt/(a0 R)",
                   r.d_average_d_flux,
                   3 * step / (a0 * R),
                   1e-10);
      }
    PolynomialParticle q(R, c_max, d_quadratic);
    q.newton_tolerance = 1e-15;
    ParticleState s    = q.initial_state(8000);
    ParticleState t0, tp, tm;
    const auto    r  = q.solve_step(s, step, j, t0);
    const auto    rp = q.solve_step(s, step, j + hj, tp);
    const auto    rm = q.solve_step(s, step, j - hj, tm);
    check.near("polynomial: d c_surf/dj (central FD)",
               r.d_surface_d_flux,
               (rp.surface_concentration - rm.surface_concentration) / (2 * hj),
               1e-6);
    check.near("polynomial: d c_avg/dj (central FD)",
               r.d_average_d_flux,
               (rp.average_concentration - rm.average_concentration) / (2 * hj),
               1e-6);
    check.near("polynomial: 5 D(c_surf) (c_surf - c_avg) = j R",
               5 * d_quadratic(r.surface_concentration).value *
                 (r.surface_concentration - r.average_concentration),
               j * R,
               1e-10);
  }

  // (d) The polynomial model against the resolved one (N = 100) at long
  // times, constant D: c_surf - c_avg within 1e-3 relative (the resolved
  // model's own error is ~(25/24)/N^2 = 1e-4), c_avg identical.
  {
    RepresentativeParticle p(R,
                             c_max,
                             RepresentativeParticle::constant_diffusivity(D0),
                             100);
    PolynomialParticle     q(p);
    ParticleState          sp = p.initial_state(c0), sq = q.initial_state(c0);
    const auto rp = chemomech_test::run_constant_flux(p, sp, dt, j_gal, 200);
    const auto rq = chemomech_test::run_constant_flux(q, sq, dt, j_gal, 200);
    check.near("polynomial vs resolved (N = 100), t = 4 R^2/D: c_surf - "
               "c_avg",
               rq.surface_concentration - rq.average_concentration,
               rp.surface_concentration - rp.average_concentration,
               1e-3);
    check.near("polynomial vs resolved: c_avg",
               rq.average_concentration,
               rp.average_concentration,
               1e-12);
    check.near("polynomial, constant D: c_surf - c_avg = j R/(5 D)",
               rq.surface_concentration - rq.average_concentration,
               j_gal * R / (5 * D0),
               1e-10);
    check.near("polynomial: d c_surf/dj = R/(5D) + 3 dt/R",
               rq.d_surface_d_flux,
               R / (5 * D0) + 3 * dt / R,
               1e-12);
  }

  // (e) Hard driving with D(c) = D0 exp(-4x): lithiation at 3j/R = 24
  // mol/(m^3 s) (c_max in ~1250 s = tau/2) until the surface saturates, and
  // the mirror image (delithiation with D0 exp(-4(1-x))) until it empties. The
  // local Newton must converge in every step (also past the bound, where D is
  // evaluated at the clamped c); the model does not clamp c (that would break
  // conservation) but flags the first step that leaves [0, c_max].
  {
    for (const double sign : {1.0, -1.0})
      {
        const std::string      name = sign > 0 ? "lithiation" : "delithiation";
        RepresentativeParticle p(R,
                                 c_max,
                                 sign > 0 ?
                                   DiffusivityFunction(d_exponential) :
                                   DiffusivityFunction(d_exponential_mirror),
                                 40);
        ParticleState          s =
          p.initial_state(sign > 0 ? 0.02 * c_max : 0.98 * c_max);
        const double  m0 = p.total_lithium(s);
        const double  j  = sign * 4e-5;
        ParticleState trial;
        bool          all_converged = true, inside_before_flag = true;
        unsigned int  max_iterations = 0, flagged_step = 0, steps = 0;
        double        c_avg_at_flag = 0;
        for (unsigned int k = 0;
             k < 300 && (flagged_step == 0 || steps < flagged_step + 5);
             ++k)
          {
            const auto r = p.solve_step(s, 2.0, j, trial);
            ++steps;
            all_converged  = all_converged && r.converged;
            max_iterations = std::max(max_iterations, r.newton_iterations);
            bool inside    = true;
            for (const double c : trial.concentration)
              inside = inside && c >= 0 && c <= c_max;
            inside = inside && r.surface_concentration >= 0 &&
                     r.surface_concentration <= c_max;
            if (flagged_step == 0)
              {
                if (!r.within_bounds)
                  {
                    flagged_step  = k + 1;
                    c_avg_at_flag = r.average_concentration;
                    check.is_true(name + ": the flagged step really leaves "
                                         "[0, c_max]",
                                  !inside,
                                  "min " +
                                    std::to_string(r.minimum_concentration) +
                                    ", max " +
                                    std::to_string(r.maximum_concentration));
                  }
                else
                  inside_before_flag = inside_before_flag && inside;
              }
            s = trial;
          }
        std::cout << name << ": surface leaves [0, c_max] at step "
                  << flagged_step << " (t = " << 2.0 * flagged_step
                  << " s) with c_avg/c_max = " << c_avg_at_flag / c_max
                  << "; max Newton iterations " << max_iterations << "\n";
        check.is_true(name + ": local Newton converged in every step "
                             "(incl. 5 steps past the bound)",
                      all_converged,
                      "max iterations " + std::to_string(max_iterations));
        check.is_true(name + ": at most 8 Newton iterations per step",
                      max_iterations <= 8);
        check.is_true(name + ": all c in [0, c_max] before the flagged step",
                      flagged_step > 0 && inside_before_flag);
        check.is_true(name + ": the surface saturates before the average",
                      sign > 0 ? c_avg_at_flag < 0.9 * c_max :
                                 c_avg_at_flag > 0.1 * c_max);
        check.near(name + ": lithium conserved up to and past the bound",
                   p.total_lithium(s),
                   m0 + area * j * 2.0 * steps,
                   1e-12);
      }
  }

  // (f) Rollback: solving from the committed state twice (with a rejected
  // trial with another flux in between) gives bitwise identical results and
  // leaves the committed state untouched.
  {
    RepresentativeParticle p(R,
                             c_max,
                             d_exponential,
                             30,
                             ParticleTimeScheme::bdf2);
    ParticleState          committed = p.initial_state(c0);
    chemomech_test::run_constant_flux(p, committed, 10, 1e-5, 4);
    const ParticleState saved = committed;
    ParticleState       a, b, rejected;
    const auto          ra = p.solve_step(committed, 15, 2e-5, a);
    p.solve_step(committed, 30, -3e-5, rejected);
    const auto rb = p.solve_step(committed, 15, 2e-5, b);
    check.is_true("rollback: identical trial concentrations",
                  a.concentration == b.concentration &&
                    a.previous_concentration == b.previous_concentration &&
                    a.previous_time_step == b.previous_time_step);
    check.is_true("rollback: identical c_surf, c_avg and sensitivities",
                  ra.surface_concentration == rb.surface_concentration &&
                    ra.average_concentration == rb.average_concentration &&
                    ra.d_surface_d_flux == rb.d_surface_d_flux &&
                    ra.d_average_d_flux == rb.d_average_d_flux &&
                    ra.newton_iterations == rb.newton_iterations);
    check.is_true("rollback: committed state unchanged",
                  committed.concentration == saved.concentration &&
                    committed.previous_concentration ==
                      saved.previous_concentration &&
                    committed.previous_time_step == saved.previous_time_step);
    // trial may alias old.
    ParticleState in_place = committed;
    p.solve_step(in_place, 15, 2e-5, in_place);
    check.is_true("solve_step(s, dt, j, s) in place equals the out-of-place "
                  "result",
                  in_place.concentration == a.concentration);
    PolynomialParticle q(R, c_max, d_exponential, ParticleTimeScheme::bdf2);
    ParticleState      qc = q.initial_state(c0);
    chemomech_test::run_constant_flux(q, qc, 10, 1e-5, 4);
    ParticleState qa, qb, qr;
    const auto    qra = q.solve_step(qc, 15, 2e-5, qa);
    q.solve_step(qc, 30, -3e-5, qr);
    const auto qrb = q.solve_step(qc, 15, 2e-5, qb);
    check.is_true("polynomial rollback: identical results",
                  qa.concentration == qb.concentration &&
                    qra.surface_concentration == qrb.surface_concentration &&
                    qra.d_surface_d_flux == qrb.d_surface_d_flux);
  }

  // Parameters: parsing, the D(x) expression, and a rejected value.
  {
    ParameterHandler prm;
    RepresentativeParticle::declare_parameters(prm);
    prm.parse_input_from_string("subsection Representative particle\n"
                                " set Model = polynomial\n"
                                " set Radius = 5e-6\n"
                                " set Maximum concentration = 30000\n"
                                " set Diffusivity = 1e-14*exp(-4*x)\n"
                                " set Number of shells = 30\n"
                                " set Time integration = BDF2\n"
                                "end\n");
    RepresentativeParticle p;
    p.parse_parameters(prm);
    check.is_true("parsed model, shells and scheme",
                  p.model == ParticleModel::polynomial && p.n_shells == 30 &&
                    p.time_scheme == ParticleTimeScheme::bdf2);
    check.near("parsed D(c = 15000) = 1e-14 exp(-2)",
               p.diffusivity(15000).value,
               1e-14 * std::exp(-2.0),
               1e-12);
    check.near("parsed dD/dc(15000) (expression derivative by differences)",
               p.diffusivity(15000).derivative,
               -4e-14 * std::exp(-2.0) / 30000,
               1e-6);
    ParticleState s = p.initial_state(c0);
    chemomech_test::run_constant_flux(p, s, 10, 1e-5, 5);
    check.near("parsed particle: 5 steps converge and conserve lithium",
               p.total_lithium(s),
               p.total_lithium(p.initial_state(c0)) + area * 1e-5 * 50,
               1e-12);

    prm.enter_subsection("Representative particle");
    prm.set("Number of shells", "1");
    prm.leave_subsection();
    std::string message;
    try
      {
        p.parse_parameters(prm);
      }
    catch (const InvalidParameter &e)
      {
        message = e.what();
      }
    check.is_true("Number of shells = 1 rejected, naming the parameter",
                  message.find("Representative particle/Number of shells") !=
                    std::string::npos,
                  message);
  }

  return check.finish();
}
