/**
 * @file bdf_formula.h
 * @brief One step of variable-step BDF1/BDF2 in history form, the
 * extrapolation through the last states and the local error estimate of
 * the step (predictor-corrector difference).
 */
#ifndef chemomech_core_bdf_formula_h
#define chemomech_core_bdf_formula_h

#include <array>

namespace chemomech
{
  /**
   * @brief Variable-step BDF of order 1 or 2 for one step, written so that
   * a backward Euler update can take it unchanged.
   *
   * For a step of size h after steps of sizes h_1 (and h_2 before it),
   * BDF2 reads a0 y_{n+1} + a1 y_n + a2 y_{n-1} = f(y_{n+1}) with
   * w = h/h_1, a0 = (1 + 2w)/((1 + w) h), a1 = -(1 + w)/h,
   * a2 = w^2/((1 + w) h). Since a0 + a1 + a2 = 0 this is
   *
   *   (y_{n+1} - y_H) / h_eff = f(y_{n+1}),
   *   h_eff = 1/a0 = h (h + h_1)/(2h + h_1),
   *   y_H = [(1 + w)^2 y_n - w^2 y_{n-1}] / (1 + 2w),
   *
   * i.e. a backward Euler step of size h_eff (effective_step()) from the
   * history value y_H (history()). BDF1 is h_eff = h, y_H = y_n. Every
   * quantity integrated by backward Euler (a point state, the electrolyte
   * storage, an inventory) becomes BDF2 by this substitution, and a
   * conservation law that holds per backward Euler step holds per BDF2
   * step with the inventories' history values.
   *
   * <h3>Local error</h3>
   * The predictor through the last order + 1 states (extrapolation_weights())
   * differs from the exact solution by, for order 1,
   * y_p - y(t_{n+1}) = -h (h + h_1) y''/2, and for order 2 by
   * -h (h + h_1)(h + h_1 + h_2) y'''/6. The local error of the BDF step is
   * h^2 y''/2 (order 1) and h^2 (h + h_1)^2 y''' / (6 (2h + h_1))
   * (order 2; 2 h^3 y'''/9 at constant steps). Eliminating the derivative,
   *
   *   local error ~= error_factor() (y_{n+1} - y_p),
   *
   * with the factor h/(2h + h_1) for order 1 and
   * h (h + h_1) / [h (h + h_1) + (2h + h_1)(h + h_1 + h_2)] for order 2
   * (2/11 at constant steps). Exact for quadratic (order 1) and cubic
   * (order 2) solutions of y' = f(t).
   */
  class BdfFormula
  {
  public:
    /// Backward Euler with step @p h (s).
    static BdfFormula
    bdf1(const double h);

    /// BDF2 with step @p h after a step of size @p h1 (both s, > 0).
    static BdfFormula
    bdf2(const double h, const double h1);

    /// The order, 1 or 2.
    unsigned int
    order() const;

    /// The step h. Units: s.
    double
    step() const;

    /// h_eff = 1/a0, the step of the equivalent backward Euler update. s.
    double
    effective_step() const;

    /// The weights {of y_n, of y_{n-1}} of y_H (sum 1; {1, 0} for BDF1).
    std::array<double, 2>
    history_weights() const;

    /// y_H from @p y_n and @p y_nm1 (ignored for BDF1).
    double
    history(const double y_n, const double y_nm1) const;

    /**
     * @brief Weights of y_n, y_{n-1}, y_{n-2} of the polynomial through
     * the last @p order + 1 states, evaluated at t_{n+1} = t_n + @p h
     * (steps @p h1 = t_n - t_{n-1}, @p h2 = t_{n-1} - t_{n-2}; h2 unused
     * for order 1).
     */
    static std::array<double, 3>
    extrapolation_weights(const unsigned int order,
                          const double       h,
                          const double       h1,
                          const double       h2);

    /// The local error per predictor-corrector difference of a step of
    /// @p order (see class doc). Units: none.
    static double
    error_factor(const unsigned int order,
                 const double       h,
                 const double       h1,
                 const double       h2);

  private:
    BdfFormula(const unsigned int order,
               const double       h,
               const double       h_eff,
               const double       w_n,
               const double       w_nm1);

    unsigned int p;
    double       h, h_eff, w_n, w_nm1;
  };
} // namespace chemomech

#endif
