// Unit tests of BdfFormula: the history form of variable-step BDF2 is
// exact for quadratic solutions and second order on y' = -y (observed
// global convergence rate on uneven steps); the extrapolation reproduces
// polynomials of its degree; the local error estimate equals the exact
// local error of quadratic (BDF1) and cubic (BDF2) solutions of y' = f(t)
// on uneven steps, and approaches it on y' = -y as h -> 0.
#include <chemomech/core/bdf_formula.h>
#include <chemomech/core/step_error_control.h>

#include <deal.II/base/mpi.h>

#include <cmath>
#include <functional>
#include <string>
#include <utility>

#include "test_tools.h"

using namespace chemomech;
using namespace dealii;

namespace
{
  using Function = std::function<double(double)>;

  BdfFormula
  formula(const unsigned int order, const double h, const double h1)
  {
    return (order == 1) ? BdfFormula::bdf1(h) : BdfFormula::bdf2(h, h1);
  }

  /// One BDF step of y' = f(t) from the exact history at t - h, t - h - h1
  /// (y_{n+1} = y_H + h_eff f(t)): {exact local error, its estimate}
  /// (predictor through the exact y at t - h, t - h - h1, t - h - h1 - h2).
  std::pair<double, double>
  local_errors(const unsigned int order,
               const Function    &y,
               const Function    &dy,
               const double       t,
               const double       h,
               const double       h1,
               const double       h2)
  {
    const BdfFormula f   = formula(order, h, h1);
    const double     y_n = y(t - h), y_nm1 = y(t - h - h1),
                 y_nm2 = y(t - h - h1 - h2);
    const double next  = f.history(y_n, y_nm1) + f.effective_step() * dy(t);
    const auto   w     = BdfFormula::extrapolation_weights(order, h, h1, h2);
    const double p     = w[0] * y_n + w[1] * y_nm1 + w[2] * y_nm2;
    return {next - y(t),
            BdfFormula::error_factor(order, h, h1, h2) * (next - p)};
  }



  void
  check_exactness(chemomech_test::Checks &check)
  {
    const double h = 0.3, h1 = 0.5, h2 = 0.2, t = 1.7;
    const auto   quad  = [](double s) { return 2 + s - 3 * s * s; };
    const auto   dquad = [](double s) { return 1 - 6 * s; };
    check.near("BDF2 step of a quadratic: no local error (uneven steps)",
               local_errors(2, quad, dquad, t, h, h1, h2).first,
               0,
               1e-13,
               1);
    for (unsigned int order = 1; order <= 2; ++order)
      {
        const auto w    = BdfFormula::extrapolation_weights(order, h, h1, h2);
        const auto poly = [order](double s) {
          return (order == 1) ? 1 - 2 * s : 1 - 2 * s + 5 * s * s;
        };
        check.near("extrapolation of degree " + std::to_string(order) +
                     " reproduces a polynomial of that degree",
                   w[0] * poly(-h) + w[1] * poly(-h - h1) +
                     w[2] * poly(-h - h1 - h2),
                   poly(0),
                   1e-13);
        const auto hw = formula(order, h, h1).history_weights();
        check.near("history weights of order " + std::to_string(order) +
                     " sum to 1",
                   hw[0] + hw[1],
                   1,
                   1e-15);
      }
    // Constant steps: h_eff = 2h/3, y_H = (4 y_n - y_{n-1})/3, factor 2/11.
    const BdfFormula c = BdfFormula::bdf2(0.1, 0.1);
    check.near("constant steps: h_eff = 2h/3",
               c.effective_step(),
               0.2 / 3,
               1e-15);
    check.near("constant steps: weight of y_n 4/3",
               c.history_weights()[0],
               4.0 / 3,
               1e-15);
    check.near("constant steps: error factor 2/11",
               BdfFormula::error_factor(2, 1, 1, 1),
               2.0 / 11,
               1e-15);
    check.near("order 1 factor = StepErrorControl's",
               BdfFormula::error_factor(1, 0.3, 0.5, 0),
               StepErrorControl::error_factor(0.3, 0.5),
               1e-15);
  }



  void
  check_estimates(chemomech_test::Checks &check)
  {
    const auto cubic = [](double s) { return 1 + s + 0.5 * s * s - s * s * s; };
    const auto dcubic = [](double s) { return 1 + s - 3 * s * s; };
    const auto quad   = [](double s) { return 1 - s + 2 * s * s; };
    const auto dquad  = [](double s) { return -1 + 4 * s; };
    const auto decay  = [](double s) { return std::exp(-s); };
    for (const double ratio : {0.5, 1.0, 2.0})
      {
        const double      h = 0.1, h1 = h / ratio, h2 = 0.7 * h1;
        const std::string tag = ", h/h_1 = " + std::to_string(ratio);
        const auto        e2  = local_errors(2, cubic, dcubic, 1, h, h1, h2);
        check.near("BDF2, cubic: estimate = exact local error" + tag,
                   e2.second,
                   e2.first,
                   1e-9);
        const auto e1 = local_errors(1, quad, dquad, 1, h, h1, h2);
        check.near("BDF1, quadratic: estimate = exact local error" + tag,
                   e1.second,
                   e1.first,
                   1e-9);
        // y' = -y: the BDF step solves (y - y_H)/h_eff = -y.
        double last = 0;
        for (const double s : {4e-2, 2e-2, 1e-2})
          {
            const BdfFormula f = BdfFormula::bdf2(s, s / ratio);
            const double y_n = decay(1 - s), y_nm1 = decay(1 - s - s / ratio);
            const double y_nm2 = decay(1 - s - 1.7 * s / ratio);
            const double next =
              f.history(y_n, y_nm1) / (1 + f.effective_step());
            const auto   w = BdfFormula::extrapolation_weights(2,
                                                             s,
                                                             s / ratio,
                                                             0.7 * s / ratio);
            const double estimate =
              BdfFormula::error_factor(2, s, s / ratio, 0.7 * s / ratio) *
              (next - (w[0] * y_n + w[1] * y_nm1 + w[2] * y_nm2));
            const double deviation = std::abs(estimate / (next - decay(1)) - 1);
            if (last > 0)
              check.is_true("y' = -y: the estimate's relative deviation "
                            "falls with h" +
                              tag,
                            deviation < 0.6 * last,
                            chemomech_test::sci(deviation) + " after " +
                              chemomech_test::sci(last));
            last = deviation;
          }
        check.near("y' = -y: estimate within 5 % at h = 0.01" + tag,
                   last,
                   0,
                   0.05,
                   1);
      }
  }



  /// Global error at t = 1 of y' = -y, y(0) = 1, on n steps alternating
  /// between 0.6 and 1.4 times 1/n, BDF1 first step then BDF2.
  double
  global_error(const unsigned int n)
  {
    double y_nm1 = 1, y_n = 1, h_old = 0, t = 0;
    for (unsigned int i = 0; i < n; ++i)
      {
        const double     h = ((i % 2 == 0) ? 0.6 : 1.4) / n;
        const BdfFormula f =
          (i == 0) ? BdfFormula::bdf1(h) : BdfFormula::bdf2(h, h_old);
        const double next = f.history(y_n, y_nm1) / (1 + f.effective_step());
        y_nm1             = y_n;
        y_n               = next;
        h_old             = h;
        t += h;
      }
    return std::abs(y_n - std::exp(-t));
  }



  void
  check_convergence(chemomech_test::Checks &check)
  {
    const double e1 = global_error(80), e2 = global_error(160),
                 e3 = global_error(320);
    check.near("BDF2 on uneven steps: observed order (80 -> 160 steps)",
               std::log2(e1 / e2),
               2,
               0.03);
    check.near("BDF2 on uneven steps: observed order (160 -> 320 steps)",
               std::log2(e2 / e3),
               2,
               0.03);
  }
} // namespace



int
main(int argc, char **argv)
{
  Utilities::MPI::MPI_InitFinalize mpi(argc, argv, 1);
  chemomech_test::Checks           check;
  check_exactness(check);
  check_estimates(check);
  check_convergence(check);
  return check.finish();
}
