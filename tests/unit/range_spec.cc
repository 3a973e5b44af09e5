// RangeSpec, the allowed range of a numeric parameter: membership at and
// next to each end (closed and open, real and integer, unbounded), the
// interval and description texts, the check's message (parameter name,
// value, unit, range), and the deal.II pattern it declares (deal.II's
// inclusive bounds in the machine description, the open ends in the text
// description, any number accepted by match() so that the project's check
// reports an out-of-range value, text refused).
#include <chemomech/core/parameter_checks.h>
#include <chemomech/core/range_spec.h>

#include <deal.II/base/parameter_handler.h>

#include <cmath>
#include <limits>
#include <sstream>

#include "test_tools.h"

using namespace chemomech;
using namespace dealii;

namespace
{
  /// The message of check(@p name, @p value), "" if it passes.
  std::string
  message(const RangeSpec &r, const std::string &name, const double value)
  {
    try
      {
        r.check(name, value);
      }
    catch (const InvalidParameter &e)
      {
        return e.what();
      }
    return "";
  }
} // namespace

int
main()
{
  chemomech_test::Checks check;
  const double           inf = std::numeric_limits<double>::infinity();

  // 1. Membership: closed ends hold their bound, open ends do not; the next
  //    representable numbers outside are refused, inside accepted.
  const RangeSpec closed(-1e-3, Bound::closed, 1e-3, Bound::closed, "m^3/mol");
  const RangeSpec open(0, Bound::open, 1, Bound::open);
  const RangeSpec half(0, Bound::open, 1e13, Bound::closed, "Pa");
  check.is_true("[-1e-3, 1e-3] holds both ends",
                closed.contains(-1e-3) && closed.contains(1e-3));
  check.is_true("[-1e-3, 1e-3] refuses the next numbers outside",
                !closed.contains(std::nextafter(-1e-3, -1.0)) &&
                  !closed.contains(std::nextafter(1e-3, 1.0)));
  check.is_true("(0, 1) refuses both ends",
                !open.contains(0) && !open.contains(1));
  check.is_true("(0, 1) holds the next numbers inside",
                open.contains(std::nextafter(0.0, 1.0)) &&
                  open.contains(std::nextafter(1.0, 0.0)));
  check.is_true("(0, 1e13] refuses 0, holds 1e13",
                !half.contains(0) && half.contains(1e13) &&
                  !half.contains(1.0000001e13));
  check.is_true("NaN and infinities are never in a range",
                !open.contains(std::nan("")) && !open.contains(inf) &&
                  !RangeSpec(0, Bound::closed, inf, Bound::open).contains(inf));

  // 2. Integers: closed ends; LONG_MAX = no upper end.
  const RangeSpec steps = RangeSpec::integers(1, 200);
  const RangeSpec any =
    RangeSpec::integers(0, std::numeric_limits<long>::max());
  check.is_true("[1, 200] holds 1 and 200, refuses 0 and 201",
                steps.contains(1) && steps.contains(200) &&
                  !steps.contains(0) && !steps.contains(201));
  check.is_true("[0, infinity) holds 1e15, refuses -1",
                any.contains(1e15) && !any.contains(-1));
  check.is_true("check_integer returns the value",
                steps.check_integer("Newton/Maximum iterations", 17) == 17);

  // 3. Texts.
  check.is_true("interval text [-0.001, 0.001]",
                closed.interval_text() == "[-0.001, 0.001]",
                closed.interval_text());
  check.is_true("interval text (0, 1)", open.interval_text() == "(0, 1)");
  check.is_true("interval text (0, 1e+13]",
                half.interval_text() == "(0, 1e+13]",
                half.interval_text());
  check.is_true("interval text [0, infinity)",
                any.interval_text() == "[0, infinity)",
                any.interval_text());
  check.is_true("description of (0, 1e13] with unit",
                half.description_text() ==
                  "A floating point number v such that 0 < v <= 1e+13 (Pa)",
                half.description_text());
  check.is_true("description of [1, 200]",
                steps.description_text() ==
                  "An integer n such that 1 <= n <= 200",
                steps.description_text());
  check.is_true("description of [0, infinity)",
                any.description_text() == "An integer n such that n >= 0",
                any.description_text());

  // 4. The check's message names the parameter, the value, the unit and the
  //    range; a value inside passes.
  const std::string m = message(half, "Material/Young's modulus", -5);
  check.is_true("message of E = -5",
                m == "parameter 'Material/Young's modulus' = -5 Pa is "
                     "outside its allowed range (0, 1e+13]",
                m);
  check.is_true("no message inside the range",
                message(half, "Material/Young's modulus", 1e9).empty());
  check.is_true("message at an open end",
                message(open, "Separator/Porosity", 1)
                    .find(
                      "'Separator/Porosity' = 1 is outside its allowed range "
                      "(0, 1)") != std::string::npos);
  check.is_true("check_range() is the same check", [&] {
    try
      {
        check_range("Material/Young's modulus",
                    -5,
                    0,
                    Bound::open,
                    1e13,
                    Bound::closed,
                    "Pa");
      }
    catch (const InvalidParameter &e)
      {
        return std::string(e.what()) == m;
      }
    return false;
  }());

  // 5. The pattern: deal.II's bounds (inclusive) for machines, the project's
  //    text for people; any number passes deal.II's parse, text does not.
  const auto p = half.pattern();
  check.is_true("pattern is a Patterns::Double",
                dynamic_cast<const Patterns::Double *>(p.get()) != nullptr);
  check.is_true("machine description [Double 0...1e+13 (inclusive)]",
                p->description() == "[Double 0...1e+13 (inclusive)]",
                p->description());
  check.is_true("text description = description_text()",
                p->description(Patterns::PatternBase::Text) ==
                  half.description_text());
  check.is_true("match: in range, out of range, not a number",
                p->match("1e9") && p->match("-5") && !p->match("ten"));
  const auto q = steps.pattern();
  check.is_true("integer pattern is a Patterns::Integer",
                dynamic_cast<const Patterns::Integer *>(q.get()) != nullptr);
  check.is_true("integer machine description",
                q->description() == "[Integer range 1...200 (inclusive)]",
                q->description());
  check.is_true("integer match: 0 (out of range) yes, 2.5 no",
                q->match("0") && !q->match("2.5"));
  check.is_true("clone keeps the text description",
                q->clone()->description(Patterns::PatternBase::Text) ==
                  steps.description_text());

  // 6. Declared in a ParameterHandler: an out-of-range value parses (the
  //    project's check refuses it with its message), the printed
  //    description shows the range.
  {
    ParameterHandler prm;
    prm.enter_subsection("Material");
    prm.declare_entry("Young's modulus", "1e9", *half.pattern(), "E.");
    prm.leave_subsection();
    bool parsed = true;
    try
      {
        prm.parse_input_from_string(
          "subsection Material\n set Young's modulus = -5\nend\n");
      }
    catch (...)
      {
        parsed = false;
      }
    check.is_true("out-of-range value passes deal.II's parse", parsed);
    prm.enter_subsection("Material");
    check.is_true("... and is refused by the check with its message",
                  message(half,
                          "Material/Young's modulus",
                          prm.get_double("Young's modulus")) == m);
    prm.leave_subsection();
    std::ostringstream out;
    prm.print_parameters(out, ParameterHandler::Description);
    check.is_true("printed description shows the range",
                  out.str().find("0 < v <= 1e+13 (Pa)") != std::string::npos &&
                    out.str().find("MAX_DOUBLE") == std::string::npos,
                  out.str());
  }
  return check.finish();
}
