#include <chemomech/core/bdf_formula.h>
#include <chemomech/core/parameter_checks.h>
#include <chemomech/core/range_spec.h>
#include <chemomech/core/step_error_control.h>

#include <algorithm>
#include <cmath>

namespace chemomech
{
  namespace
  {
    const RangeSpec stoichiometry_range(1e-9, Bound::closed, 1, Bound::closed);
    const RangeSpec concentration_range(1e-9, Bound::closed, 1, Bound::closed);
    const RangeSpec voltage_range(1e-9, Bound::closed, 1, Bound::closed, "V");
    const RangeSpec current_range(1e-9, Bound::closed, 1, Bound::closed);
    const RangeSpec growth_range(1, Bound::open, 10, Bound::closed);
    const RangeSpec factor_range(0.01, Bound::closed, 1, Bound::open);
    const RangeSpec safety_range(0.1, Bound::closed, 1, Bound::closed);
  } // namespace



  void
  StepErrorControl::declare_parameters(dealii::ParameterHandler &prm,
                                       const StepErrorControl   &d)
  {
    prm.enter_subsection("Error control");
    prm.declare_entry("Enabled",
                      parameter_text(d.enabled),
                      dealii::Patterns::Bool(),
                      "true: the step size follows an estimate of the local "
                      "time discretisation error of each step (the "
                      "difference between the electrolyte concentration, "
                      "the particle stoichiometries and the cell voltage "
                      "or current and their extrapolation from the last "
                      "states of the protocol step, times the factor of "
                      "the scheme: h/(2h + h_1) for BDF1, 2/11 at constant "
                      "steps for BDF2), kept below the tolerances below; a "
                      "step above them is redone with a smaller one. The "
                      "first step of a protocol step has the size "
                      "'Cycling/Maximum time step after switch'. false: "
                      "the step size follows 'Target stoichiometry change' "
                      "alone. Both ways the stoichiometry rule and "
                      "'Maximum time step' stay upper bounds; with 'Adaptive "
                      "= false' the steps are constant either way.");
    prm.declare_entry("Stoichiometry tolerance",
                      parameter_text(d.stoichiometry_tolerance),
                      *stoichiometry_range.pattern(),
                      "Local error allowed per step of the smallest and the "
                      "largest particle surface stoichiometry x = c/c_max "
                      "and of the mean particle stoichiometry of each "
                      "electrode. Units: none. Range: [1e-9, 1].");
    prm.declare_entry("Concentration tolerance",
                      parameter_text(d.concentration_tolerance),
                      *concentration_range.pattern(),
                      "Local error allowed per step of the electrolyte "
                      "concentration, relative to the initial electrolyte "
                      "concentration. Units: none. Range: [1e-9, 1].");
    prm.declare_entry("Voltage tolerance",
                      parameter_text(d.voltage_tolerance),
                      *voltage_range.pattern(),
                      "Local error allowed per step of the cell voltage "
                      "while the current is imposed (constant current, "
                      "rest). Units: V. Range: [1e-9, 1].");
    prm.declare_entry("Current tolerance",
                      parameter_text(d.current_tolerance),
                      *current_range.pattern(),
                      "Local error allowed per step of the cell current "
                      "while the voltage is imposed (constant voltage), "
                      "relative to |I| + 1 % of the 1C current: the current "
                      "of a constant-voltage step follows the relaxation "
                      "inside the particles, which the stoichiometries do "
                      "not show, and sets when the step ends. Units: none. "
                      "Range: [1e-9, 1].");
    prm.declare_entry("Maximum growth",
                      parameter_text(d.max_growth),
                      *growth_range.pattern(),
                      "Largest ratio of consecutive step sizes under error "
                      "control. Units: none. Range: (1, 10].");
    prm.declare_entry("Minimum step factor",
                      parameter_text(d.min_factor),
                      *factor_range.pattern(),
                      "Smallest ratio of a redone step (or of the next step) "
                      "to the last one. Units: none. Range: [0.01, 1).");
    prm.declare_entry("Safety factor",
                      parameter_text(d.safety),
                      *safety_range.pattern(),
                      "The proposed step is this times the size that would "
                      "put the error on tolerance. Units: none. Range: "
                      "[0.1, 1].");
    prm.leave_subsection();
  }



  void
  StepErrorControl::parse_parameters(dealii::ParameterHandler &prm,
                                     const std::string        &path)
  {
    const std::string s = path + "Error control/";
    prm.enter_subsection("Error control");
    enabled                 = prm.get_bool("Enabled");
    stoichiometry_tolerance = prm.get_double("Stoichiometry tolerance");
    concentration_tolerance = prm.get_double("Concentration tolerance");
    voltage_tolerance       = prm.get_double("Voltage tolerance");
    current_tolerance       = prm.get_double("Current tolerance");
    max_growth              = prm.get_double("Maximum growth");
    min_factor              = prm.get_double("Minimum step factor");
    safety                  = prm.get_double("Safety factor");
    prm.leave_subsection();
    stoichiometry_range.check(s + "Stoichiometry tolerance",
                              stoichiometry_tolerance);
    concentration_range.check(s + "Concentration tolerance",
                              concentration_tolerance);
    voltage_range.check(s + "Voltage tolerance", voltage_tolerance);
    current_range.check(s + "Current tolerance", current_tolerance);
    growth_range.check(s + "Maximum growth", max_growth);
    factor_range.check(s + "Minimum step factor", min_factor);
    safety_range.check(s + "Safety factor", safety);
  }



  double
  StepErrorControl::error_factor(const double dt, const double dt_old)
  {
    return BdfFormula::error_factor(1, dt, dt_old, 0);
  }



  double
  StepErrorControl::step_factor(const double       error,
                                const unsigned int order) const
  {
    if (!(error > 0))
      return max_growth;
    return std::clamp(safety * std::pow(error, -1.0 / (order + 1)),
                      min_factor,
                      max_growth);
  }
} // namespace chemomech
