#include <chemomech/core/parameter_checks.h>
#include <chemomech/core/range_spec.h>
#include <chemomech/core/time_stepping.h>

#include <algorithm>

namespace chemomech
{
  namespace
  {
    /// Allowed ranges of the entries (declared patterns and checks).
    const RangeSpec end_time_range(0, Bound::open, 1e12, Bound::closed, "s");
    const RangeSpec
      target_stoichiometry_change_range(0, Bound::open, 1, Bound::closed);
    const RangeSpec growth_factor_range(1, Bound::closed, 10, Bound::closed);
    /// Envelope of the step sizes; parse_parameters() checks the ranges
    /// that depend on other entries (Initial time step <= End time, ...).
    const RangeSpec step_range(0, Bound::open, 1e12, Bound::closed, "s");
  } // namespace



  void
  TimeStepping::declare_parameters(dealii::ParameterHandler &prm)
  {
    declare_parameters(prm, TimeStepping());
  }



  void
  TimeStepping::declare_parameters(dealii::ParameterHandler &prm,
                                   const TimeStepping       &defaults)
  {
    const TimeStepping &d = defaults;
    prm.enter_subsection("Time stepping");
    prm.declare_entry("Scheme",
                      (d.scheme == TimeScheme::bdf1) ? "bdf1" : "bdf2",
                      dealii::Patterns::Selection("bdf1|bdf2"),
                      "bdf1: backward Euler (first order). bdf2: variable "
                      "step BDF2 (second order; the first step is BDF1).");
    prm.declare_entry("End time",
                      parameter_text(d.end_time),
                      *end_time_range.pattern(),
                      "Simulated time at which the run stops. Units: s.");
    prm.declare_entry("Initial time step",
                      parameter_text(d.initial_step),
                      *step_range.pattern(),
                      "Size of the first time step. Units: s. Range: (0, "
                      "End time].");
    prm.declare_entry("Minimum time step",
                      parameter_text(d.minimum_step),
                      *step_range.pattern(),
                      "When a step has to be cut below this, the run stops "
                      "with an error. Units: s. Range: (0, Initial time "
                      "step].");
    prm.declare_entry("Maximum time step",
                      parameter_text(d.maximum_step),
                      *step_range.pattern(),
                      "Largest step size. Units: s. Range: [Initial time "
                      "step, 1e12].");
    prm.declare_entry("Adaptive",
                      parameter_text(d.adaptive),
                      dealii::Patterns::Bool(),
                      "true: the step size follows the target change of "
                      "stoichiometry below; false: constant steps of the "
                      "initial size (still cut when Newton fails).");
    prm.declare_entry("Target stoichiometry change",
                      parameter_text(d.target_dx),
                      *target_stoichiometry_change_range.pattern(),
                      "Adaptive stepping aims at this largest change of "
                      "x = c/c_max per step anywhere in the body; a step "
                      "that changes x by more than twice this is redone. "
                      "Units: none.");
    prm.declare_entry("Growth factor",
                      parameter_text(d.growth_factor),
                      *growth_factor_range.pattern(),
                      "Largest ratio of consecutive step sizes. Units: "
                      "none.");
    prm.leave_subsection();
  }



  void
  TimeStepping::parse_parameters(dealii::ParameterHandler &prm)
  {
    prm.enter_subsection("Time stepping");
    scheme =
      (prm.get("Scheme") == "bdf1") ? TimeScheme::bdf1 : TimeScheme::bdf2;
    end_time      = prm.get_double("End time");
    initial_step  = prm.get_double("Initial time step");
    minimum_step  = prm.get_double("Minimum time step");
    maximum_step  = prm.get_double("Maximum time step");
    adaptive      = prm.get_bool("Adaptive");
    target_dx     = prm.get_double("Target stoichiometry change");
    growth_factor = prm.get_double("Growth factor");
    prm.leave_subsection();

    const std::string s = "Time stepping/";
    end_time_range.check(s + "End time", end_time);
    check_range(s + "Initial time step",
                initial_step,
                0,
                Bound::open,
                end_time,
                Bound::closed,
                "s");
    check_range(s + "Minimum time step",
                minimum_step,
                0,
                Bound::open,
                initial_step,
                Bound::closed,
                "s");
    check_range(s + "Maximum time step",
                maximum_step,
                initial_step,
                Bound::closed,
                1e12,
                Bound::closed,
                "s");
    target_stoichiometry_change_range.check(s + "Target stoichiometry change",
                                            target_dx);
    growth_factor_range.check(s + "Growth factor", growth_factor);
  }



  std::array<double, 3>
  TimeStepping::coefficients(const double dt,
                             const double dt_old,
                             const bool   first_step) const
  {
    if (scheme == TimeScheme::bdf1 || first_step)
      return {{1.0 / dt, -1.0 / dt, 0.0}};
    const double w = dt / dt_old;
    return {
      {(1 + 2 * w) / ((1 + w) * dt), -(1 + w) / dt, w * w / ((1 + w) * dt)}};
  }



  double
  TimeStepping::next_step_size(const double dt, const double max_dx) const
  {
    if (!adaptive)
      return std::min(initial_step, maximum_step);
    const double factor = (max_dx > 0) ?
                            std::min(growth_factor, 0.9 * target_dx / max_dx) :
                            growth_factor;
    return std::clamp(dt * std::max(factor, 0.2), minimum_step, maximum_step);
  }



  bool
  TimeStepping::step_too_large(const double max_dx) const
  {
    return adaptive && max_dx > 2 * target_dx;
  }
} // namespace chemomech
