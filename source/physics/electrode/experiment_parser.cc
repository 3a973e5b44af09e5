#include <chemomech/core/parameter_checks.h>
#include <chemomech/physics/electrode/experiment_parser.h>

#include <deal.II/base/utilities.h>

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <sstream>

namespace chemomech
{
  namespace
  {
    const double nan = std::numeric_limits<double>::quiet_NaN();

    std::string
    lower(const std::string &s)
    {
      std::string l = s;
      for (char &c : l)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      return l;
    }

    /// The words of @p s (split at blanks).
    std::vector<std::string>
    words(const std::string &s)
    {
      std::vector<std::string> w;
      std::istringstream       in(s);
      std::string              word;
      while (in >> word)
        w.push_back(word);
      return w;
    }

    /// @p s without blanks, in lower case.
    std::string
    compact(const std::string &s)
    {
      std::string c;
      for (const char ch : lower(s))
        if (!std::isspace(static_cast<unsigned char>(ch)))
          c += ch;
      return c;
    }

    /// What an electric quantity controls.
    enum class Electric
    {
      c_rate,
      current,
      current_density,
      voltage,
      power,
      resistance
    };

    /// A number with its quantity: C-rate (1/h), A, A/m^2, V, W or Ohm.
    struct ElectricValue
    {
      Electric type  = Electric::current;
      double   value = 0;
    };

    /// One keyword ("", "at", "for", "or", "until") and the words after it.
    struct Segment
    {
      std::string keyword;
      std::string phrase;
    };

    /// Reads one PyBaMM step and reports errors with the step's text.
    class StepReader
    {
    public:
      StepReader(const std::string &text,
                 const unsigned int index,
                 const double       area)
        : text(text)
        , index(index)
        , area(area)
      {}

      ProtocolStep
      parse()
      {
        ProtocolStep step;
        step.text              = text;
        std::string       body = text;
        const std::string low  = lower(body);
        const std::string tail = "period)";
        if (low.size() > tail.size() &&
            low.compare(low.size() - tail.size(), tail.size(), tail) == 0)
          {
            const std::size_t open = body.rfind('(');
            if (open == std::string::npos)
              fail("a period needs the form '(<time> period)'");
            const std::string inside = dealii::Utilities::trim(
              body.substr(open + 1, body.size() - open - 1 - tail.size()));
            step.max_time_step = time(inside, "the period");
            body               = dealii::Utilities::trim(body.substr(0, open));
          }
        const std::vector<Segment> seg = segments(body);
        for (std::size_t i = 2; i < seg.size(); ++i)
          if (seg[i].keyword == "at")
            check_temperature(seg[i].phrase);
        const std::vector<std::string> first  = words(seg[0].phrase);
        const std::string              action = lower(first[0]);
        std::size_t                    i      = 1;
        if (action == "run")
          refuse(body,
                 "a drive cycle: a protocol step imposes a "
                 "constant current, a constant voltage or a rest");
        if (first.size() > 1)
          fail("unexpected '" + seg[0].phrase +
               "' (expected 'Discharge at', "
               "'Charge at', 'Hold at' or 'Rest for'/'Rest until')");
        if (action == "rest")
          step.kind = StepKind::rest;
        else if (action == "discharge" || action == "charge" ||
                 action == "hold")
          {
            if (seg.size() < 2 || seg[1].keyword != "at" ||
                seg[1].phrase.empty())
              fail("expected '" + seg[0].phrase + " at <value>'");
            set_action(step, action, seg[1].phrase);
            i = 2;
          }
        else
          fail("unknown action '" + seg[0].phrase +
               "' (expected Discharge, Charge, Hold or Rest)");

        if (i < seg.size() && seg[i].keyword == "for")
          {
            StepLimit l;
            l.kind  = LimitKind::time_above;
            l.value = time(seg[i].phrase, "the duration");
            step.limits.push_back(l);
            ++i;
            if (i + 1 < seg.size() && seg[i].keyword == "or" &&
                seg[i].phrase.empty() && seg[i + 1].keyword == "until")
              ++i;
          }
        if (i < seg.size() && seg[i].keyword == "until")
          {
            step.limits.push_back(cut_off(step, seg[i].phrase));
            ++i;
          }
        if (i < seg.size())
          {
            if (seg[i].keyword == "until")
              fail("more than one 'until' (a PyBaMM step has one cut-off; "
                   "write several with the native grammar, e.g. 'CC charge "
                   "1C until V>4.2 or t>3600s')");
            fail("unexpected '" + seg[i].keyword +
                 (seg[i].phrase.empty() ? "" : " " + seg[i].phrase) + "'");
          }
        if (step.limits.empty())
          fail("the step needs 'for <time>' or 'until <cut-off>'");
        return step;
      }

    private:
      [[noreturn]] void
      fail(const std::string &reason) const
      {
        throw InvalidParameter("parameter 'Cycling/Steps': step " +
                               std::to_string(index + 1) + " '" + text +
                               "': " + reason + ". Expected " +
                               ExperimentParser::grammar);
      }

      [[noreturn]] void
      refuse(const std::string &part, const std::string &why) const
      {
        fail("'" + part + "' is not supported: " + why);
      }

      /// Splits @p body at the keywords at, for, or, until.
      std::vector<Segment>
      segments(const std::string &body) const
      {
        std::vector<Segment> seg(1);
        for (const std::string &w : words(body))
          {
            const std::string l = lower(w);
            if (l == "at" || l == "for" || l == "or" || l == "until")
              seg.push_back({l, ""});
            else
              seg.back().phrase += (seg.back().phrase.empty() ? "" : " ") + w;
          }
        if (seg[0].phrase.empty())
          fail("the step begins without an action (expected Discharge, "
               "Charge, Hold or Rest)");
        return seg;
      }

      /// Refuses "at 25oC" (or K): the model has one temperature.
      void
      check_temperature(const std::string &phrase) const
      {
        const std::string c    = compact(phrase);
        const auto        ends = [&](const std::string &u) {
          return c.size() > u.size() &&
                 c.compare(c.size() - u.size(), u.size(), u) == 0;
        };
        if (ends("oc") || ends("\xc2\xb0") ||
            ends("\xc2\xb0"
                 "c") ||
            ends("k"))
          refuse("at " + phrase,
                 "a step temperature: the electrode model runs at the one "
                 "temperature of the top-level parameter 'Temperature' (K)");
      }

      void
      set_action(ProtocolStep      &step,
                 const std::string &action,
                 const std::string &phrase) const
      {
        const ElectricValue v = electric(phrase, "the value");
        if (action == "hold")
          {
            if (v.type != Electric::voltage)
              refuse("Hold at " + phrase,
                     "'Hold' holds a voltage (e.g. 'Hold at 4.2 V'); "
                     "impose a current with 'Discharge at' or 'Charge at'");
            step.kind    = StepKind::constant_voltage;
            step.voltage = v.value;
            return;
          }
        if (v.type == Electric::voltage)
          refuse(phrase,
                 "'Discharge'/'Charge' at a voltage; hold a voltage with "
                 "'Hold at " +
                   phrase + "'");
        const double sign = (action == "discharge") ? 1 : -1;
        if (!(v.value > 0))
          fail("the current must be > 0 (its direction is given by "
               "'Discharge' or 'Charge')");
        step.kind = StepKind::constant_current;
        if (v.type == Electric::c_rate)
          {
            step.in_c_rate = true;
            step.c_rate    = sign * v.value;
            step.current   = nan;
          }
        else
          step.current = sign * density(v, phrase);
      }

      /// A current or current density of @p v in A/m^2.
      double
      density(const ElectricValue &v, const std::string &phrase) const
      {
        if (v.type == Electric::power)
          refuse(phrase,
                 "constant power: the model imposes a current density or a "
                 "cell voltage, and power control would make the current "
                 "P/V an unknown of the solve; use a C-rate or a current");
        if (v.type == Electric::resistance)
          refuse(phrase,
                 "constant resistance: the model imposes a current density "
                 "or a cell voltage, and resistance control would make the "
                 "current V/R an unknown of the solve");
        if (v.type == Electric::current_density)
          return v.value;
        if (!(area > 0))
          refuse(phrase,
                 "a current in A needs 'Cycling/Electrode area' > 0 (the "
                 "model imposes current densities in A/m^2); set the area, "
                 "or give a C-rate or a current density in A/m^2");
        return v.value / area;
      }

      StepLimit
      cut_off(const ProtocolStep &step, const std::string &phrase) const
      {
        const ElectricValue v = electric(phrase, "the cut-off");
        StepLimit           l;
        if (v.type == Electric::voltage)
          {
            if (step.kind == StepKind::rest)
              refuse("until " + phrase,
                     "a voltage cut-off of a Rest: its direction (rising or "
                     "falling voltage) is unknown, and PyBaMM ignores it; "
                     "write 'rest until V<...' or 'rest until V>...'");
            if (step.kind == StepKind::constant_voltage)
              refuse("until " + phrase,
                     "a voltage cut-off of a Hold, which imposes the "
                     "voltage; end it with a current (e.g. 'until C/50') or "
                     "'for <time>'");
            l.kind  = (step.current > 0 || step.c_rate > 0) ?
                        LimitKind::voltage_below :
                        LimitKind::voltage_above;
            l.value = v.value;
            return l;
          }
        if (step.kind != StepKind::constant_voltage &&
            (v.type == Electric::c_rate || v.type == Electric::current ||
             v.type == Electric::current_density))
          refuse("until " + phrase,
                 "a current cut-off of a Discharge, Charge or Rest, whose "
                 "current is imposed; current cut-offs end Hold steps");
        l.kind = LimitKind::current_below;
        if (!(v.value > 0))
          fail("the current cut-off must be > 0");
        if (v.type == Electric::c_rate)
          {
            l.in_c_rate = true;
            l.c_rate    = v.value;
            l.value     = nan;
          }
        else
          l.value = density(v, "until " + phrase);
        return l;
      }

      /// Number with an electric unit (or "C/n"), e.g. "4.2 V", "C/2".
      ElectricValue
      electric(const std::string &phrase, const std::string &what) const
      {
        const std::string c = compact(phrase);
        ElectricValue     v;
        if (c.rfind("c/", 0) == 0)
          {
            v.type  = Electric::c_rate;
            v.value = 1. / number(c.substr(2), true, phrase, what);
            if (!(v.value > 0) || !std::isfinite(v.value))
              fail("C/n needs n > 0, found '" + phrase + "'");
            return v;
          }
        std::string  unit;
        const double x = number(c, false, phrase, what, &unit);
        struct Unit
        {
          const char *name;
          Electric    type;
          double      factor;
        };
        static const Unit units[] = {{"c", Electric::c_rate, 1},
                                     {"a", Electric::current, 1},
                                     {"ma", Electric::current, 1e-3},
                                     {"a/m2", Electric::current_density, 1},
                                     {"a/m^2", Electric::current_density, 1},
                                     {"ma/cm2", Electric::current_density, 10},
                                     {"ma/cm^2", Electric::current_density, 10},
                                     {"v", Electric::voltage, 1},
                                     {"mv", Electric::voltage, 1e-3},
                                     {"w", Electric::power, 1},
                                     {"mw", Electric::power, 1e-3},
                                     {"ohm", Electric::resistance, 1},
                                     {"mohm", Electric::resistance, 1e-3}};
        for (const Unit &u : units)
          if (unit == u.name)
            {
              v.type  = u.type;
              v.value = x * u.factor;
              return v;
            }
        fail((unit.empty() ? "missing unit" : "unknown unit '" + unit + "'") +
             " in '" + phrase + "' for " + what +
             " (allowed: C, C/n, A, mA, A/m2, mA/cm2, V, mV)");
      }

      /// Duration with a unit, e.g. "30 minutes". Units: s.
      double
      time(const std::string &phrase, const std::string &what) const
      {
        std::string  unit;
        const double x = number(compact(phrase), false, phrase, what, &unit);
        double       factor = 0;
        if (unit == "s" || unit == "sec" || unit == "second" ||
            unit == "seconds")
          factor = 1;
        else if (unit == "m" || unit == "min" || unit == "minute" ||
                 unit == "minutes")
          factor = 60;
        else if (unit == "h" || unit == "hr" || unit == "hour" ||
                 unit == "hours")
          factor = 3600;
        else
          fail((unit.empty() ? "missing unit" :
                               "unknown time unit '" + unit + "'") +
               " in '" + phrase + "' for " + what +
               " (allowed: s, sec, second(s), m, min, minute(s), h, hr, "
               "hour(s))");
        if (!(x > 0))
          fail(what + " must be > 0, found '" + phrase + "'");
        return x * factor;
      }

      /// The number at the beginning of @p s; the rest in @p unit (or, if
      /// @p whole, nothing may follow).
      double
      number(const std::string &s,
             const bool         whole,
             const std::string &phrase,
             const std::string &what,
             std::string       *unit = nullptr) const
      {
        const char  *begin = s.c_str();
        char        *end   = nullptr;
        const double x     = std::strtod(begin, &end);
        if (end == begin || !std::isfinite(x) || (whole && *end != '\0'))
          fail("expected a number for " + what + ", found '" + phrase + "'");
        if (unit)
          *unit = std::string(end);
        return x;
      }

      const std::string  text;
      const unsigned int index;
      const double       area;
    };
  } // namespace



  const std::string ExperimentParser::grammar =
    "PyBaMM experiment steps: 'Discharge at <current> ...', 'Charge at "
    "<current> ...', 'Hold at <voltage> ...' or 'Rest ...', each followed by "
    "'for <time>', 'until <cut-off>' or 'for <time> or until <cut-off>', and "
    "optionally '(<time> period)'; <current> is a number with unit C, A, "
    "mA, A/m2 or mA/cm2, or C/n (A and mA need 'Cycling/Electrode area'); "
    "<cut-off> is a voltage (Discharge, Charge) or a current (Hold); "
    "<voltage> a number with V or mV; <time> a number with s, sec, "
    "second(s), m, min, minute(s), h, hr or hour(s). Example: 'Discharge at "
    "1C until 2.5 V; Rest for 1 hour; Charge at C/2 for 2 hours or until "
    "4.2 V; Hold at 4.2 V until C/50'";



  ExperimentParser::ExperimentParser(const double electrode_area)
    : area(electrode_area)
  {}



  bool
  ExperimentParser::is_experiment_step(const std::string &step)
  {
    const std::vector<std::string> w = words(lower(step));
    if (w.empty())
      return false;
    if (w[0] == "discharge" || w[0] == "charge" || w[0] == "hold" ||
        w[0] == "run")
      return true;
    if (w[0] != "rest" || w.size() < 2)
      return false;
    return w[1] == "for" ||
           (w[1] == "until" && step.find_first_of("<>") == std::string::npos);
  }



  ProtocolStep
  ExperimentParser::parse(const std::string &step,
                          const unsigned int index) const
  {
    return StepReader(dealii::Utilities::trim(step), index, area).parse();
  }
} // namespace chemomech
