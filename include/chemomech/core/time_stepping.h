/**
 * @file time_stepping.h
 * @brief Implicit BDF1/BDF2 time discretisation with adaptive step size.
 */
#ifndef chemomech_core_time_stepping_h
#define chemomech_core_time_stepping_h

#include <deal.II/base/parameter_handler.h>

#include <array>

namespace chemomech
{
  /// Implicit time integration scheme.
  enum class TimeScheme
  {
    /// Backward Euler, first order.
    bdf1,
    /// Variable-step BDF2, second order (BDF1 on the first step).
    bdf2
  };

  /**
   * @brief Time step control: BDF coefficients and the adaptive step size.
   *
   * The time derivative of a field y at t_{n+1} is approximated as
   * a0 y_{n+1} + a1 y_n + a2 y_{n-1}. The step size adapts so that the
   * largest change of the stoichiometry x = c/c_max in one step stays near a
   * target; a step whose Newton iteration fails is retried with a smaller
   * step. Parameters live in subsection "Time stepping".
   */
  class TimeStepping
  {
  public:
    /**
     * @brief Declares subsection "Time stepping" with the values of
     * @p defaults as the defaults (a model passes its own choices).
     */
    static void
    declare_parameters(dealii::ParameterHandler &prm,
                       const TimeStepping       &defaults);

    /// The same with the generic defaults.
    static void
    declare_parameters(dealii::ParameterHandler &prm);

    /// Reads subsection "Time stepping".
    void
    parse_parameters(dealii::ParameterHandler &prm);

    /**
     * @brief BDF coefficients {a0, a1, a2} (units 1/s) for the step size
     * @p dt after a step of size @p dt_old; BDF1 if @p first_step or the
     * scheme is bdf1.
     */
    std::array<double, 3>
    coefficients(const double dt,
                 const double dt_old,
                 const bool   first_step) const;

    /**
     * @brief Next step size after an accepted step of size @p dt in which the
     * stoichiometry changed by at most @p max_dx.
     */
    double
    next_step_size(const double dt, const double max_dx) const;

    /// Whether a step that changed x by @p max_dx must be redone smaller.
    bool
    step_too_large(const double max_dx) const;

    /// Selected scheme.
    TimeScheme scheme = TimeScheme::bdf2;
    /// Final time. Units: s.
    double end_time = 3600;
    /// First step size. Units: s.
    double initial_step = 1;
    /// Smallest step size; below it the run stops with an error. Units: s.
    double minimum_step = 1e-6;
    /// Largest step size. Units: s.
    double maximum_step = 60;
    /// Target largest change of x = c/c_max in one step. Units: none.
    double target_dx = 0.01;
    /// Largest growth of the step size from one step to the next.
    double growth_factor = 1.5;
    /// Whether the step size adapts (otherwise constant initial_step).
    bool adaptive = true;
  };
} // namespace chemomech

#endif
