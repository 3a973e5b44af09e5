/**
 * @file step_error_control.h
 * @brief Step sizes from an estimate of the local truncation error
 * (predictor-corrector difference), for implicit one-step BDF1 runs.
 */
#ifndef chemomech_core_step_error_control_h
#define chemomech_core_step_error_control_h

#include <deal.II/base/parameter_handler.h>

namespace chemomech
{
  /**
   * @brief Error-controlled step size for backward Euler (BDF1).
   *
   * The predictor of a step of size h after a step of size h_1 is the
   * linear extrapolation y_p = y_n + (h/h_1)(y_n - y_{n-1}). For a smooth
   * solution y_p - y(t_{n+1}) = -h (h + h_1) y''/2 + O(h^3), while the local
   * error of backward Euler is y_{n+1} - y(t_{n+1}) = h^2 y''/2 + O(h^3);
   * their difference is y_{n+1} - y_p = h (2h + h_1) y''/2, so
   *
   *   local error ~= h/(2h + h_1) (y_{n+1} - y_p)        (error_factor()).
   *
   * Only differential variables are controlled (concentrations and
   * stoichiometries): the potentials of a quasi-static charge balance follow
   * them, and their curvature in time is not an integration error. The
   * model weighs the estimate with its tolerances (an error of 1 is on
   * tolerance); a step with an error above 1 is redone with the size
   * step_factor(error) h, an accepted one proposes step_factor(error) h next:
   * safety (1/error)^(1/2) (BDF1; (1/error)^(1/3) for BDF2), clamped to
   * [Minimum step factor, Maximum growth]. BdfFormula gives the estimate of
   * BDF2 steps. Parameters: subsection "Error control" of the current
   * subsection (the model's "Time stepping").
   */
  class StepErrorControl
  {
  public:
    /// Declares subsection "Error control" (in the current subsection).
    static void
    declare_parameters(dealii::ParameterHandler &prm,
                       const StepErrorControl   &defaults);

    /// Reads subsection "Error control"; @p path prefixes messages.
    void
    parse_parameters(dealii::ParameterHandler &prm, const std::string &path);

    /// h/(2h + h_1): the local error of BDF1 per predictor-corrector
    /// difference. Units: none.
    static double
    error_factor(const double dt, const double dt_old);

    /// The factor of the next step size after an error estimate @p error
    /// (in units of the tolerance) of a method of @p order (the error
    /// scales as h^(order + 1)). Units: none.
    double
    step_factor(const double error, const unsigned int order = 1) const;

    /// Whether the step sizes follow the error estimate.
    bool enabled = true;
    /// Local error allowed per step of stoichiometries x = c/c_max (of the
    /// particle surfaces). Units: none.
    double stoichiometry_tolerance = 3e-3;
    /// Local error allowed per step of concentrations, relative to their
    /// scale (the initial electrolyte concentration). Units: none.
    double concentration_tolerance = 1e-2;
    /// Local error allowed per step of the cell voltage while the current
    /// is imposed. Units: V.
    double voltage_tolerance = 1e-3;
    /// Local error allowed per step of the cell current while the voltage
    /// is imposed, relative to |I| + 1 % of the 1C current. Units: none.
    double current_tolerance = 1e-4;
    /// Largest ratio of consecutive step sizes. Units: none.
    double max_growth = 2;
    /// Smallest ratio of a redone or next step to the last one. Units: none.
    double min_factor = 0.2;
    /// Safety factor of the step proposal. Units: none.
    double safety = 0.9;
  };
} // namespace chemomech

#endif
