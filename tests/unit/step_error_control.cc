// Unit tests of StepErrorControl: the predictor-corrector estimate of the
// local error of backward Euler against the exact local error of known
// solutions (y' = cos t, y' = -y), its convergence, and the step proposal:
// a step of the proposed size has the error safety^2 (error ~ h^2).
#include <chemomech/core/step_error_control.h>

#include <deal.II/base/mpi.h>
#include <deal.II/base/parameter_handler.h>

#include <cmath>
#include <functional>
#include <string>

#include "test_tools.h"

using namespace chemomech;
using namespace dealii;

namespace
{
  /// One backward Euler step of y' = f(t, y) from the exact y(t - h): the
  /// exact local error and its estimate, for a step of size h after one of
  /// size h1 (predictor through the exact y(t - h - h1), y(t - h)).
  struct LocalErrors
  {
    double exact, estimate;
  };

  LocalErrors
  backward_euler_errors(const std::function<double(double)>         &y,
                        const std::function<double(double, double)> &step,
                        const double                                 t,
                        const double                                 h,
                        const double                                 h1)
  {
    const double y0 = y(t - h - h1), y1 = y(t - h);
    const double y2        = step(y1, h); // backward Euler
    const double predicted = y1 + (h / h1) * (y1 - y0);
    return {y2 - y(t),
            StepErrorControl::error_factor(h, h1) * (y2 - predicted)};
  }



  void
  check_estimate(chemomech_test::Checks &check)
  {
    // y' = cos t, y = sin t: y_{n+1} = y_n + h cos(t_{n+1}).
    const double t               = 1.0;
    const auto   quadrature_step = [t](const double yn, const double h) {
      return yn + h * std::cos(t);
    };
    const auto sine = [](const double s) { return std::sin(s); };
    // y' = -y, y = exp(-t): y_{n+1} = y_n / (1 + h).
    const auto decay_step = [](const double yn, const double h) {
      return yn / (1 + h);
    };
    const auto decay = [](const double s) { return std::exp(-s); };

    for (const double ratio : {0.5, 1.0, 2.0})
      {
        double last_deviation = 0;
        for (const double h : {1e-2, 5e-3, 2.5e-3})
          {
            const std::string tag = "h = " + std::to_string(h) +
                                    ", h/h_old = " + std::to_string(ratio);
            const LocalErrors a =
              backward_euler_errors(sine, quadrature_step, t, h, h / ratio);
            check.near("y' = cos t, estimate vs exact local error, " + tag,
                       a.estimate,
                       a.exact,
                       0.05);
            const LocalErrors b =
              backward_euler_errors(decay, decay_step, t, h, h / ratio);
            check.near("y' = -y, estimate vs exact local error, " + tag,
                       b.estimate,
                       b.exact,
                       0.05);
            // The relative deviation is O(h): halves with h.
            const double deviation = std::abs(b.estimate / b.exact - 1);
            if (last_deviation > 0)
              check.near("y' = -y, deviation halves with h, " + tag,
                         last_deviation / deviation,
                         2.0,
                         0.1);
            last_deviation = deviation;
          }
      }
  }



  void
  check_proposal(chemomech_test::Checks &check)
  {
    StepErrorControl c;
    c.safety     = 0.9;
    c.max_growth = 3;
    c.min_factor = 0.2;
    check.near("error on tolerance: the safety factor",
               c.step_factor(1),
               0.9,
               1e-15);
    check.near("tiny error: the maximum growth", c.step_factor(1e-6), 3, 1e-15);
    check.near("no error: the maximum growth", c.step_factor(0), 3, 1e-15);
    check.near("huge error: the minimum factor",
               c.step_factor(1e4),
               0.2,
               1e-15);
    check.near("error 4: safety/2", c.step_factor(4), 0.45, 1e-15);
    check.near("BDF2 (error ~ h^3), error 8: safety/2",
               c.step_factor(8, 2),
               0.45,
               1e-14);

    // A step of the proposed size has the error safety^2 (in units of the
    // tolerance), to O(h): y' = -y at h = 0.02 with tolerance 1e-5.
    const auto decay_step = [](const double yn, const double h) {
      return yn / (1 + h);
    };
    const auto   decay = [](const double s) { return std::exp(-s); };
    const double tol   = 1e-5;
    const double h     = 0.02;
    const double e1 =
      std::abs(backward_euler_errors(decay, decay_step, 1.0, h, h).estimate) /
      tol;
    const double h_new = h * c.step_factor(e1);
    const double e2 =
      std::abs(
        backward_euler_errors(decay, decay_step, 1.0, h_new, h_new).estimate) /
      tol;
    check.is_true("the first step is off tolerance (test is meaningful)",
                  std::abs(e1 - 1) > 0.5,
                  "error " + std::to_string(e1));
    check.near("error of the proposed step = safety^2", e2, 0.81, 0.03);
  }



  void
  check_parameters(chemomech_test::Checks &check)
  {
    const auto parse = [](const std::string &entries) {
      ParameterHandler prm;
      prm.enter_subsection("Time stepping");
      StepErrorControl::declare_parameters(prm, StepErrorControl());
      prm.leave_subsection();
      prm.parse_input_from_string("subsection Time stepping\n"
                                  "subsection Error control\n" +
                                  entries + "end\nend\n");
      StepErrorControl c;
      prm.enter_subsection("Time stepping");
      c.parse_parameters(prm, "Time stepping/");
      prm.leave_subsection();
      return c;
    };
    const StepErrorControl d = parse("");
    const StepErrorControl r;
    check.is_true("declared defaults = the class defaults",
                  d.enabled == r.enabled &&
                    d.stoichiometry_tolerance == r.stoichiometry_tolerance &&
                    d.concentration_tolerance == r.concentration_tolerance &&
                    d.max_growth == r.max_growth &&
                    d.min_factor == r.min_factor && d.safety == r.safety);
    const StepErrorControl s = parse("set Stoichiometry tolerance = 2e-4\n"
                                     "set Enabled = false\n");
    check.is_true("entries are read",
                  s.stoichiometry_tolerance == 2e-4 && !s.enabled);
    bool        refused = false;
    std::string message;
    try
      {
        parse("set Maximum growth = 1\n");
      }
    catch (const std::exception &e)
      {
        refused = true;
        message = e.what();
      }
    check.is_true("growth 1 is refused, naming the parameter",
                  refused &&
                    message.find("Time stepping/Error control/"
                                 "Maximum growth") != std::string::npos,
                  message.substr(0, 200));
  }
} // namespace



int
main(int argc, char **argv)
{
  Utilities::MPI::MPI_InitFinalize mpi(argc, argv, 1);
  chemomech_test::Checks           check;
  check_estimate(check);
  check_proposal(check);
  check_parameters(check);
  return check.finish();
}
