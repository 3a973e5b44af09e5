#include <chemomech/core/bdf_formula.h>

#include <deal.II/base/exceptions.h>

#include <cmath>

namespace chemomech
{
  BdfFormula::BdfFormula(const unsigned int order,
                         const double       h,
                         const double       h_eff,
                         const double       w_n,
                         const double       w_nm1)
    : p(order)
    , h(h)
    , h_eff(h_eff)
    , w_n(w_n)
    , w_nm1(w_nm1)
  {}



  BdfFormula
  BdfFormula::bdf1(const double h)
  {
    AssertThrow(h > 0 && std::isfinite(h),
                dealii::ExcMessage("BDF step size must be > 0."));
    return BdfFormula(1, h, h, 1, 0);
  }



  BdfFormula
  BdfFormula::bdf2(const double h, const double h1)
  {
    AssertThrow(h > 0 && h1 > 0 && std::isfinite(h) && std::isfinite(h1),
                dealii::ExcMessage("BDF2 step sizes must be > 0."));
    const double w = h / h1;
    return BdfFormula(2,
                      h,
                      h * (1 + w) / (1 + 2 * w),
                      (1 + w) * (1 + w) / (1 + 2 * w),
                      -w * w / (1 + 2 * w));
  }



  unsigned int
  BdfFormula::order() const
  {
    return p;
  }



  double
  BdfFormula::step() const
  {
    return h;
  }



  double
  BdfFormula::effective_step() const
  {
    return h_eff;
  }



  std::array<double, 2>
  BdfFormula::history_weights() const
  {
    return {{w_n, w_nm1}};
  }



  double
  BdfFormula::history(const double y_n, const double y_nm1) const
  {
    return (p == 1) ? y_n : w_n * y_n + w_nm1 * y_nm1;
  }



  std::array<double, 3>
  BdfFormula::extrapolation_weights(const unsigned int order,
                                    const double       h,
                                    const double       h1,
                                    const double       h2)
  {
    if (order == 1)
      return {{1 + h / h1, -h / h1, 0}};
    // Lagrange basis at the nodes 0, -h1, -h1 - h2, evaluated at h.
    const double s1 = h + h1, s2 = h + h1 + h2;
    return {{s1 * s2 / (h1 * (h1 + h2)),
             -h * s2 / (h1 * h2),
             h * s1 / ((h1 + h2) * h2)}};
  }



  double
  BdfFormula::error_factor(const unsigned int order,
                           const double       h,
                           const double       h1,
                           const double       h2)
  {
    if (order == 1)
      return h / (2 * h + h1);
    const double a = h * (h + h1);
    return a / (a + (2 * h + h1) * (h + h1 + h2));
  }
} // namespace chemomech
