#include <chemomech/core/parameter_checks.h>
#include <chemomech/core/range_spec.h>
#include <chemomech/physics/electrode/cycling_protocol.h>
#include <chemomech/physics/electrode/experiment_list.h>
#include <chemomech/physics/electrode/experiment_parser.h>
#include <chemomech/physics/electrode/step_parser.h>

#include <deal.II/base/exceptions.h>
#include <deal.II/base/utilities.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <sstream>

namespace chemomech
{
  namespace
  {
    /// Allowed ranges of the entries (declared patterns and checks).
    const RangeSpec number_of_cycles_range = RangeSpec::integers(1, 1000000);
    const RangeSpec one_c_current_density_range(0,
                                                Bound::closed,
                                                1e5,
                                                Bound::closed,
                                                "A/m^2");
    const RangeSpec
      electrode_area_range(0, Bound::closed, 1e6, Bound::closed, "m^2");
    const RangeSpec maximum_time_step_after_switch_range(0,
                                                         Bound::open,
                                                         1e9,
                                                         Bound::closed,
                                                         "s");
    const RangeSpec
      voltage_tolerance_range(0, Bound::open, 0.1, Bound::closed, "V");
    const RangeSpec current_tolerance_range(0, Bound::open, 0.5, Bound::closed);
    const RangeSpec one_c_current_density_set_by_the_model_range(0,
                                                                 Bound::open,
                                                                 1e5,
                                                                 Bound::closed,
                                                                 "A/m^2");
    const double    inf = std::numeric_limits<double>::infinity();

    /// Number of a limit threshold for messages and descriptions.
    std::string
    format(const double x)
    {
      std::ostringstream s;
      s << x;
      return s.str();
    }
  } // namespace



  double
  StepLimit::violation(const CyclingObservables &obs,
                       const double              time_in_step) const
  {
    switch (kind)
      {
        case LimitKind::voltage_below:
          return value - obs.voltage;
        case LimitKind::voltage_above:
          return obs.voltage - value;
        case LimitKind::time_above:
          return time_in_step - value;
        default:
          return value - std::abs(obs.current);
      }
  }



  double
  StepLimit::scale() const
  {
    return (value != 0) ? std::abs(value) : 1.;
  }



  std::string
  StepLimit::description() const
  {
    switch (kind)
      {
        case LimitKind::voltage_below:
          return "V<" + format(value) + "V";
        case LimitKind::voltage_above:
          return "V>" + format(value) + "V";
        case LimitKind::time_above:
          return "t>" + format(value) + "s";
        default:
          return "|I|<" +
                 (in_c_rate ? format(c_rate) + "C" : format(value) + "A/m^2");
      }
  }



  double
  ProtocolStep::limit_violation(const CyclingObservables &obs,
                                const double              time_in_step) const
  {
    double g = -inf;
    for (const StepLimit &l : limits)
      g = std::max(g, l.violation(obs, time_in_step) / l.scale());
    return g;
  }



  double
  ProtocolStep::time_limit() const
  {
    double t = inf;
    for (const StepLimit &l : limits)
      if (l.kind == LimitKind::time_above)
        t = std::min(t, l.value);
    return t;
  }



  const std::string CyclingProtocol::grammar =
    "steps separated by ';', each one of 'CC charge|discharge <current> "
    "[until <limits>]', 'CV <voltage> [until <limits>]', 'rest [<time>] "
    "[until <limits>]'; <limits> is '<limit> [or <limit> ...]' with <limit> "
    "one of 'V<voltage' or 'V>voltage' (CC, rest), 't>time' (time in the "
    "step, all kinds), '|I|<current' (CV); <current> is a number with unit "
    "C, A/m^2 or mA/cm^2, or C/n; <voltage> a number [V|mV]; <time> a "
    "number [s|min|h]; every step needs a limit. Example: 'CC discharge 1C "
    "until V<3.0; CV 3.0V until |I|<0.05C; rest 3600s; CC charge 2 A/m^2 "
    "until V>4.2 or t>7200s'";



  void
  CyclingProtocol::declare_parameters(dealii::ParameterHandler &prm)
  {
    prm.enter_subsection("Cycling");
    prm.declare_entry(
      "Steps",
      "CC discharge 1C until V<2.5; rest 600s; CC charge 1C until V>4.2; "
      "CV 4.2V until |I|<0.05C; rest 600s",
      dealii::Patterns::Anything(),
      "The steps of one cycle: " + grammar +
        ". The current density is positive on discharge, per area of the "
        "current collector; nC is n times the 1C current density. Steps may "
        "also be " +
        ExperimentParser::grammar +
        ". The whole text may be a Python list of quoted steps and tuples "
        "of them, e.g. [(\"Discharge at 1C until 2.5 V\", \"Rest for 1 "
        "hour\")] * 3: its steps are one cycle, and '* N' multiplies "
        "'Number of cycles'.");
    prm.declare_entry("Number of cycles",
                      "1",
                      *number_of_cycles_range.pattern(),
                      "How often the steps are repeated. Units: none. Range: "
                      "[1, 1000000].");
    prm.declare_entry("1C current density",
                      "0",
                      *one_c_current_density_range.pattern(),
                      "Current density that (dis)charges the nominal capacity "
                      "in one hour; 0: set by the model from the electrode "
                      "loading. Units: A/m^2. Range: [0, 1e5].");
    prm.declare_entry("Electrode area",
                      "0",
                      *electrode_area_range.pattern(),
                      "Area of the current collector, which converts the "
                      "currents in A or mA of PyBaMM steps ('Discharge at 2 "
                      "A') to current densities; 0: not given (such steps "
                      "are refused). Units: m^2. Range: [0, 1e6].");
    prm.declare_entry("Maximum time step after switch",
                      "1",
                      *maximum_time_step_after_switch_range.pattern(),
                      "Largest first time step of every step of the "
                      "protocol. Units: s. Range: (0, 1e9].");
    prm.declare_entry("Voltage tolerance",
                      "1e-4",
                      *voltage_tolerance_range.pattern(),
                      "A voltage limit counts as reached within this "
                      "distance; a time step that passes it by more is "
                      "shortened. Units: V. Range: (0, 0.1].");
    prm.declare_entry("Current tolerance",
                      "1e-3",
                      *current_tolerance_range.pattern(),
                      "A current limit counts as reached within this fraction "
                      "of it; a time step that passes it by more is "
                      "shortened. Units: none. Range: (0, 0.5].");
    prm.leave_subsection();
  }



  void
  CyclingProtocol::parse_parameters(dealii::ParameterHandler &prm)
  {
    const std::string s = "Cycling/";
    prm.enter_subsection("Cycling");
    const std::string text = prm.get("Steps");
    const long        n    = prm.get_integer("Number of cycles");
    const double      c1   = prm.get_double("1C current density");
    electrode_area         = prm.get_double("Electrode area");
    max_time_step_after_switch =
      prm.get_double("Maximum time step after switch");
    voltage_tolerance = prm.get_double("Voltage tolerance");
    current_tolerance = prm.get_double("Current tolerance");
    prm.leave_subsection();

    number_of_cycles_range.check_integer(s + "Number of cycles", n);
    one_c_current_density_range.check(s + "1C current density", c1);
    electrode_area_range.check(s + "Electrode area", electrode_area);
    maximum_time_step_after_switch_range
      .check(s + "Maximum time step after switch", max_time_step_after_switch);
    voltage_tolerance_range.check(s + "Voltage tolerance", voltage_tolerance);
    current_tolerance_range.check(s + "Current tolerance", current_tolerance);
    step_list = parse_steps(text, c1, electrode_area);
    check_integer_range(s + "Number of cycles times the N of '[...] * N' in " +
                          s + "Steps",
                        n * static_cast<long>(cycle_multiplier(text)),
                        1,
                        1000000);
    cycles = static_cast<unsigned int>(n) * cycle_multiplier(text);
    one_c  = c1;
    reset(0);
  }



  std::vector<ProtocolStep>
  CyclingProtocol::parse_steps(const std::string &text,
                               const double       one_c_current_density,
                               const double       electrode_area)
  {
    const std::vector<std::string> pieces =
      ExperimentList::is_list(text) ?
        ExperimentList::parse(text).steps :
        dealii::Utilities::split_string_list(text, ';');
    const ExperimentParser    experiment(electrode_area);
    std::vector<ProtocolStep> steps;
    unsigned int              index = 0;
    for (const std::string &piece : pieces)
      {
        const std::string trimmed = dealii::Utilities::trim(piece);
        if (trimmed.empty())
          continue;
        steps.push_back(ExperimentParser::is_experiment_step(trimmed) ?
                          experiment.parse(trimmed, index) :
                          parse_protocol_step(trimmed, index));
        ++index;
      }
    if (steps.empty())
      throw InvalidParameter("parameter 'Cycling/Steps' is empty. Expected " +
                             grammar);
    if (one_c_current_density > 0)
      for (ProtocolStep &step : steps)
        {
          if (step.in_c_rate)
            step.current = step.c_rate * one_c_current_density;
          for (StepLimit &l : step.limits)
            if (l.in_c_rate)
              l.value = l.c_rate * one_c_current_density;
        }
    return steps;
  }



  unsigned int
  CyclingProtocol::cycle_multiplier(const std::string &text)
  {
    return ExperimentList::is_list(text) ? ExperimentList::parse(text).repeat :
                                           1;
  }



  void
  CyclingProtocol::set_one_c_current_density(const double c1)
  {
    one_c_current_density_set_by_the_model_range
      .check("Cycling/1C current density (set by the model)", c1);
    one_c = c1;
    for (ProtocolStep &step : step_list)
      {
        if (step.in_c_rate)
          step.current = step.c_rate * c1;
        for (StepLimit &l : step.limits)
          if (l.in_c_rate)
            l.value = l.c_rate * c1;
      }
  }



  double
  CyclingProtocol::one_c_current_density() const
  {
    return one_c;
  }



  void
  CyclingProtocol::reset(const double time)
  {
    protocol_state                 = ProtocolState();
    protocol_state.step_start_time = time;
    protocol_state.finished        = step_list.empty();
  }



  const std::vector<ProtocolStep> &
  CyclingProtocol::steps() const
  {
    return step_list;
  }



  unsigned int
  CyclingProtocol::n_cycles() const
  {
    return cycles;
  }



  const ProtocolState &
  CyclingProtocol::state() const
  {
    return protocol_state;
  }



  const ProtocolStep &
  CyclingProtocol::current_step() const
  {
    AssertThrow(!protocol_state.finished,
                dealii::ExcMessage(
                  "CyclingProtocol::current_step() called after the "
                  "protocol finished"));
    const ProtocolStep &step = step_list[protocol_state.step];
    bool                ok   = !step.in_c_rate || std::isfinite(step.current);
    for (const StepLimit &l : step.limits)
      ok = ok && std::isfinite(l.value);
    check_condition(ok,
                    "parameter 'Cycling/1C current density' is 0 and the "
                    "model has not set it, but step '" +
                      step.text + "' uses a C-rate");
    return step;
  }



  bool
  CyclingProtocol::finished() const
  {
    return protocol_state.finished;
  }



  double
  CyclingProtocol::tolerance(const StepLimit &limit) const
  {
    switch (limit.kind)
      {
        case LimitKind::voltage_below:
        case LimitKind::voltage_above:
          return voltage_tolerance;
        case LimitKind::time_above:
          return 1e-9 * limit.value;
        default:
          return current_tolerance * limit.value;
      }
  }



  namespace
  {
    /// Tolerance plus the rounding of the time in step at @p time.
    double
    effective_tolerance(const CyclingProtocol &p,
                        const StepLimit       &l,
                        const double           time,
                        const double           start)
    {
      double tol = p.tolerance(l);
      if (l.kind == LimitKind::time_above)
        tol += 16 * std::numeric_limits<double>::epsilon() *
               (std::abs(time) + std::abs(start));
      return tol;
    }
  } // namespace



  double
  CyclingProtocol::limit_violation(const Observables &obs) const
  {
    return current_step().limit_violation(obs,
                                          protocol_state.time_in_step(
                                            obs.time));
  }



  bool
  CyclingProtocol::limit_reached(const Observables &obs) const
  {
    const ProtocolStep &step = current_step();
    const double        ts   = protocol_state.time_in_step(obs.time);
    for (const StepLimit &l : step.limits)
      if (l.violation(obs, ts) >=
          -effective_tolerance(*this,
                               l,
                               obs.time,
                               protocol_state.step_start_time))
        return true;
    return false;
  }



  bool
  CyclingProtocol::limit_overshot(const Observables &obs) const
  {
    const ProtocolStep &step = current_step();
    const double        ts   = protocol_state.time_in_step(obs.time);
    for (const StepLimit &l : step.limits)
      if (l.violation(obs, ts) >
          effective_tolerance(*this,
                              l,
                              obs.time,
                              protocol_state.step_start_time))
        return true;
    return false;
  }



  LimitCrossing
  CyclingProtocol::find_crossing(const Observables &previous,
                                 const Observables &current) const
  {
    const ProtocolStep &step = current_step();
    const double        t0   = protocol_state.time_in_step(previous.time);
    const double        t1   = protocol_state.time_in_step(current.time);
    LimitCrossing       result;
    for (unsigned int i = 0; i < step.limits.size(); ++i)
      {
        const StepLimit &l   = step.limits[i];
        const double     tol = effective_tolerance(*this,
                                               l,
                                               current.time,
                                               protocol_state.step_start_time);
        const double     g0  = l.violation(previous, t0);
        const double     g1  = l.violation(current, t1);
        if (g1 < -tol)
          continue;
        const double theta =
          (g0 >= -tol) ? 0. : std::min(1., std::max(0., -g0 / (g1 - g0)));
        if (!result.crossed || theta < result.fraction)
          {
            result.crossed  = true;
            result.limit    = i;
            result.fraction = theta;
          }
      }
    return result;
  }



  void
  CyclingProtocol::set_state(const ProtocolState &state)
  {
    protocol_state = state;
  }



  bool
  CyclingProtocol::advance_if_done(const Observables &obs)
  {
    if (protocol_state.finished)
      return false;
    const ProtocolStep &step = current_step();
    const double        ts   = protocol_state.time_in_step(obs.time);
    for (unsigned int i = 0; i < step.limits.size(); ++i)
      if (step.limits[i].violation(obs, ts) >=
          -effective_tolerance(*this,
                               step.limits[i],
                               obs.time,
                               protocol_state.step_start_time))
        {
          protocol_state.ending_limit = i;
          if (++protocol_state.step == step_list.size())
            {
              protocol_state.step = 0;
              if (++protocol_state.cycle == cycles)
                protocol_state.finished = true;
            }
          protocol_state.step_start_time    = obs.time;
          protocol_state.time_steps_in_step = 0;
          return true;
        }
    ++protocol_state.time_steps_in_step;
    return false;
  }



  double
  CyclingProtocol::max_time_step(const double time) const
  {
    if (protocol_state.finished)
      return inf;
    const ProtocolStep &step = current_step();
    double              dt   = inf;
    const double        t    = step.time_limit();
    if (std::isfinite(t))
      dt = std::max(0., t - protocol_state.time_in_step(time));
    dt = std::min(dt, step.max_time_step);
    if (protocol_state.time_steps_in_step == 0)
      dt = std::min(dt, max_time_step_after_switch);
    return dt;
  }
} // namespace chemomech
