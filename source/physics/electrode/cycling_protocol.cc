#include <chemomech/core/parameter_checks.h>
#include <chemomech/physics/electrode/cycling_protocol.h>

#include <deal.II/base/exceptions.h>
#include <deal.II/base/utilities.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <sstream>

namespace chemomech
{
  namespace
  {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();

    /// Number of a limit threshold for messages and descriptions.
    std::string
    format(const double x)
    {
      std::ostringstream s;
      s << x;
      return s.str();
    }

    /// Lower case, blanks around '<' and '>', split at blanks.
    std::vector<std::string>
    tokenize(const std::string &text)
    {
      std::string spaced;
      for (const char ch : text)
        {
          if (ch == '<' || ch == '>')
            {
              spaced += ' ';
              spaced += ch;
              spaced += ' ';
            }
          else
            spaced +=
              static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        }
      std::vector<std::string> tokens;
      std::istringstream       in(spaced);
      std::string              token;
      while (in >> token)
        tokens.push_back(token);
      return tokens;
    }

    enum class QuantityType
    {
      current,
      voltage,
      time
    };

    /// A parsed quantity in SI units, or a C-rate.
    struct Quantity
    {
      double value     = 0;
      bool   in_c_rate = false;
    };

    /// Reads one step and reports errors with the step's text.
    class StepParser
    {
    public:
      StepParser(const std::string &text, const unsigned int index)
        : text(text)
        , index(index)
        , tokens(tokenize(text))
      {}

      ProtocolStep
      parse()
      {
        ProtocolStep step;
        step.text                 = text;
        const std::string keyword = next("a step kind (CC, CV or rest)");
        if (keyword == "cc")
          {
            step.kind              = StepKind::constant_current;
            const std::string dir  = next("'charge' or 'discharge'");
            double            sign = 0;
            if (dir == "discharge")
              sign = 1;
            else if (dir == "charge")
              sign = -1;
            else
              fail("expected 'charge' or 'discharge' after 'CC', found '" +
                   dir + "'");
            const Quantity i = quantity(QuantityType::current, "the current");
            if (!(i.value > 0))
              fail("the current must be > 0 (its direction is given by "
                   "'charge' or 'discharge')");
            step.in_c_rate = i.in_c_rate;
            if (i.in_c_rate)
              {
                step.c_rate  = sign * i.value;
                step.current = nan;
              }
            else
              step.current = sign * i.value;
          }
        else if (keyword == "cv")
          {
            step.kind    = StepKind::constant_voltage;
            step.voltage = quantity(QuantityType::voltage, "the voltage").value;
          }
        else if (keyword == "rest")
          {
            step.kind = StepKind::rest;
            if (pos < tokens.size() && tokens[pos] != "until")
              {
                StepLimit limit;
                limit.kind = LimitKind::time_above;
                limit.value =
                  quantity(QuantityType::time, "the duration").value;
                check_limit(step, limit);
                step.limits.push_back(limit);
              }
          }
        else
          fail("unknown step kind '" + keyword + "' (expected CC, CV or rest)");

        if (pos < tokens.size())
          {
            if (tokens[pos] != "until")
              fail("expected 'until' or the end of the step, found '" +
                   tokens[pos] + "'");
            ++pos;
            while (true)
              {
                step.limits.push_back(limit());
                check_limit(step, step.limits.back());
                if (pos < tokens.size() && tokens[pos] == "or")
                  ++pos;
                else
                  break;
              }
            if (pos < tokens.size())
              fail("expected 'or' or the end of the step, found '" +
                   tokens[pos] + "'");
          }
        if (step.limits.empty())
          fail("the step has no limit and would never end (add 'until ...'" +
               std::string(step.kind == StepKind::rest ?
                             " or a duration, e.g. 'rest 3600s'" :
                             "") +
               ")");
        return step;
      }

    private:
      [[noreturn]] void
      fail(const std::string &reason) const
      {
        throw InvalidParameter("parameter 'Cycling/Steps': step " +
                               std::to_string(index + 1) + " '" + text +
                               "': " + reason + ". Expected " +
                               CyclingProtocol::grammar);
      }

      std::string
      next(const std::string &expected)
      {
        if (pos >= tokens.size())
          fail("the step ends where " + expected + " is expected");
        return tokens[pos++];
      }

      /// Number and unit (attached or as the next token).
      Quantity
      quantity(const QuantityType type, const std::string &what)
      {
        const std::string token = next(what);
        Quantity          q;
        if (type == QuantityType::current && token.rfind("c/", 0) == 0)
          {
            const double n = number(token.substr(2), token, what);
            if (!(n > 0))
              fail("C/n needs n > 0, found '" + token + "'");
            q.value     = 1. / n;
            q.in_c_rate = true;
            return q;
          }
        const char  *begin = token.c_str();
        char        *end   = nullptr;
        const double x     = std::strtod(begin, &end);
        if (end == begin || !std::isfinite(x))
          fail("expected a number for " + what + ", found '" + token + "'");
        std::string unit(end);
        if (unit.empty() && pos < tokens.size() && is_unit(type, tokens[pos]))
          unit = tokens[pos++];
        if (unit.empty() && !is_unit(type, unit))
          fail("missing unit after '" + token + "' for " + what +
               " (allowed: " + allowed_units(type) + ")");
        if (!is_unit(type, unit))
          fail("unknown unit '" + unit + "' in '" + token + "' for " + what +
               " (allowed: " + allowed_units(type) + ")");
        q.value     = x * factor(unit);
        q.in_c_rate = (type == QuantityType::current && unit == "c");
        return q;
      }

      double
      number(const std::string &s,
             const std::string &token,
             const std::string &what) const
      {
        const char  *begin = s.c_str();
        char        *end   = nullptr;
        const double x     = std::strtod(begin, &end);
        if (end == begin || *end != '\0' || !std::isfinite(x))
          fail("expected a number for " + what + ", found '" + token + "'");
        return x;
      }

      static bool
      is_unit(const QuantityType type, const std::string &unit)
      {
        switch (type)
          {
            case QuantityType::current:
              return unit == "c" || unit == "a/m^2" || unit == "a/m2" ||
                     unit == "ma/cm^2" || unit == "ma/cm2";
            case QuantityType::voltage:
              return unit.empty() || unit == "v" || unit == "mv";
            default:
              return unit.empty() || unit == "s" || unit == "min" ||
                     unit == "h";
          }
      }

      static std::string
      allowed_units(const QuantityType type)
      {
        switch (type)
          {
            case QuantityType::current:
              return "C, A/m^2, mA/cm^2, or C/n";
            case QuantityType::voltage:
              return "V (default), mV";
            default:
              return "s (default), min, h";
          }
      }

      static double
      factor(const std::string &unit)
      {
        if (unit == "ma/cm^2" || unit == "ma/cm2")
          return 10;
        if (unit == "mv")
          return 1e-3;
        if (unit == "min")
          return 60;
        if (unit == "h")
          return 3600;
        return 1;
      }

      StepLimit
      limit()
      {
        const std::string what = next("a limit (V<, V>, t> or |I|<)");
        const std::string op   = next("'<' or '>' after '" + what + "'");
        StepLimit         l;
        if (what == "v" && (op == "<" || op == ">"))
          {
            l.kind =
              (op == "<") ? LimitKind::voltage_below : LimitKind::voltage_above;
            l.value =
              quantity(QuantityType::voltage, "the voltage limit").value;
          }
        else if (what == "t" && op == ">")
          {
            l.kind  = LimitKind::time_above;
            l.value = quantity(QuantityType::time, "the time limit").value;
          }
        else if (what == "|i|" && op == "<")
          {
            l.kind = LimitKind::current_below;
            const Quantity i =
              quantity(QuantityType::current, "the current limit");
            l.in_c_rate = i.in_c_rate;
            if (i.in_c_rate)
              {
                l.c_rate = i.value;
                l.value  = nan;
              }
            else
              l.value = i.value;
            if (!(i.value > 0))
              fail("the current limit must be > 0");
          }
        else
          fail("unknown limit '" + what + " " + op +
               "' (allowed: V<, V>, t>, |I|<)");
        return l;
      }

      void
      check_limit(const ProtocolStep &step, const StepLimit &l) const
      {
        const bool voltage = (l.kind == LimitKind::voltage_below ||
                              l.kind == LimitKind::voltage_above);
        if (l.kind == LimitKind::time_above && !(l.value > 0))
          fail("the time limit must be > 0");
        if (voltage && step.kind == StepKind::constant_voltage)
          fail("a CV step imposes the voltage; end it with '|I|<' or 't>'");
        if (l.kind == LimitKind::current_below &&
            step.kind != StepKind::constant_voltage)
          fail("'|I|<' applies to CV steps only (the current is imposed or "
               "zero here); use 'V<', 'V>' or 't>'");
      }

      const std::string              text;
      const unsigned int             index;
      const std::vector<std::string> tokens;
      std::size_t                    pos = 0;
    };
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
      "CC discharge 1C until V<3.0; rest 600s; CC charge 1C until V>4.2; "
      "CV 4.2V until |I|<0.05C; rest 600s",
      dealii::Patterns::Anything(),
      "The steps of one cycle: " + grammar +
        ". The current density is positive on discharge, per area of the "
        "current collector; nC is n times the 1C current density.");
    prm.declare_entry("Number of cycles",
                      "1",
                      dealii::Patterns::Integer(1),
                      "How often the steps are repeated. Units: none. Range: "
                      "[1, 1000000].");
    prm.declare_entry("1C current density",
                      "0",
                      dealii::Patterns::Double(0),
                      "Current density that (dis)charges the nominal capacity "
                      "in one hour; 0: set by the model from the electrode "
                      "loading. Units: A/m^2. Range: [0, 1e5].");
    prm.declare_entry("Maximum time step after switch",
                      "1",
                      dealii::Patterns::Double(0),
                      "Largest first time step of every step of the "
                      "protocol. Units: s. Range: (0, 1e9].");
    prm.declare_entry("Voltage tolerance",
                      "1e-4",
                      dealii::Patterns::Double(0),
                      "A voltage limit counts as reached within this "
                      "distance; a time step that passes it by more is "
                      "shortened. Units: V. Range: (0, 0.1].");
    prm.declare_entry("Current tolerance",
                      "1e-3",
                      dealii::Patterns::Double(0),
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
    max_time_step_after_switch =
      prm.get_double("Maximum time step after switch");
    voltage_tolerance = prm.get_double("Voltage tolerance");
    current_tolerance = prm.get_double("Current tolerance");
    prm.leave_subsection();

    check_range(s + "Number of cycles",
                n,
                1,
                Bound::closed,
                1e6,
                Bound::closed);
    check_range(s + "1C current density",
                c1,
                0,
                Bound::closed,
                1e5,
                Bound::closed,
                "A/m^2");
    check_range(s + "Maximum time step after switch",
                max_time_step_after_switch,
                0,
                Bound::open,
                1e9,
                Bound::closed,
                "s");
    check_range(s + "Voltage tolerance",
                voltage_tolerance,
                0,
                Bound::open,
                0.1,
                Bound::closed,
                "V");
    check_range(s + "Current tolerance",
                current_tolerance,
                0,
                Bound::open,
                0.5,
                Bound::closed);
    cycles    = static_cast<unsigned int>(n);
    one_c     = c1;
    step_list = parse_steps(text, c1);
    reset(0);
  }



  std::vector<ProtocolStep>
  CyclingProtocol::parse_steps(const std::string &text,
                               const double       one_c_current_density)
  {
    std::vector<ProtocolStep> steps;
    unsigned int              index = 0;
    for (const std::string &piece :
         dealii::Utilities::split_string_list(text, ';'))
      {
        const std::string trimmed = dealii::Utilities::trim(piece);
        if (trimmed.empty())
          continue;
        steps.push_back(StepParser(trimmed, index).parse());
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



  void
  CyclingProtocol::set_one_c_current_density(const double c1)
  {
    check_range("Cycling/1C current density (set by the model)",
                c1,
                0,
                Bound::open,
                1e5,
                Bound::closed,
                "A/m^2");
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
    if (protocol_state.time_steps_in_step == 0)
      dt = std::min(dt, max_time_step_after_switch);
    return dt;
  }
} // namespace chemomech
