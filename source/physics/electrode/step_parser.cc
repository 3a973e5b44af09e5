#include <chemomech/core/parameter_checks.h>
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
    const double nan = std::numeric_limits<double>::quiet_NaN();

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



  ProtocolStep
  parse_protocol_step(const std::string &text, const unsigned int index)
  {
    return StepParser(text, index).parse();
  }
} // namespace chemomech
