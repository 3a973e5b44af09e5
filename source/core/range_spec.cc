#include <chemomech/core/parameter_checks.h>
#include <chemomech/core/range_pattern.h>
#include <chemomech/core/range_spec.h>

#include <cmath>
#include <limits>
#include <sstream>

namespace chemomech
{
  namespace
  {
    /// @p value as messages show it: "1e+13", "0.001", "22860"; integers in
    /// full; infinities as "infinity".
    std::string
    number_text(const double value, const NumberKind kind)
    {
      if (std::isinf(value))
        return value > 0 ? "infinity" : "-infinity";
      std::ostringstream s;
      if (kind == NumberKind::integer)
        s << static_cast<long>(value);
      else
        s << value;
      return s.str();
    }
  } // namespace



  RangeSpec::RangeSpec(const double       lower,
                       const Bound        lower_kind,
                       const double       upper,
                       const Bound        upper_kind,
                       const std::string &unit)
    : lower(lower)
    , lower_kind(lower_kind)
    , upper(upper)
    , upper_kind(upper_kind)
    , unit(unit)
  {}



  RangeSpec
  RangeSpec::integers(const long lower, const long upper)
  {
    RangeSpec r(static_cast<double>(lower),
                Bound::closed,
                upper == std::numeric_limits<long>::max() ?
                  std::numeric_limits<double>::infinity() :
                  static_cast<double>(upper),
                Bound::closed);
    r.kind = NumberKind::integer;
    return r;
  }



  bool
  RangeSpec::contains(const double value) const
  {
    if (!std::isfinite(value))
      return false;
    const bool lower_ok =
      (lower_kind == Bound::closed) ? (value >= lower) : (value > lower);
    const bool upper_ok =
      (upper_kind == Bound::closed) ? (value <= upper) : (value < upper);
    return lower_ok && upper_ok;
  }



  void
  RangeSpec::check(const std::string &name, const double value) const
  {
    if (contains(value))
      return;
    std::ostringstream s;
    s << "parameter '" << name << "' = " << number_text(value, kind)
      << (unit.empty() ? "" : " " + unit) << " is outside its allowed range "
      << interval_text();
    throw InvalidParameter(s.str());
  }



  long
  RangeSpec::check_integer(const std::string &name, const long value) const
  {
    check(name, static_cast<double>(value));
    return value;
  }



  std::string
  RangeSpec::interval_text() const
  {
    const bool lower_in = lower_kind == Bound::closed && std::isfinite(lower);
    const bool upper_in = upper_kind == Bound::closed && std::isfinite(upper);
    return std::string(lower_in ? "[" : "(") + number_text(lower, kind) + ", " +
           number_text(upper, kind) + (upper_in ? "]" : ")");
  }



  std::string
  RangeSpec::description_text() const
  {
    const std::string v         = (kind == NumberKind::integer) ? "n" : "v";
    std::string       text      = (kind == NumberKind::integer) ?
                                    "An integer n such that " :
                                    "A floating point number v such that ";
    const bool        has_lower = std::isfinite(lower),
               has_upper        = std::isfinite(upper);
    const std::string lower_op = (lower_kind == Bound::closed) ? " <= " : " < ";
    const std::string upper_op = (upper_kind == Bound::closed) ? " <= " : " < ";
    if (has_lower && has_upper)
      text += number_text(lower, kind) + lower_op + v + upper_op +
              number_text(upper, kind);
    else if (has_lower)
      text += v + ((lower_kind == Bound::closed) ? " >= " : " > ") +
              number_text(lower, kind);
    else if (has_upper)
      text += v + upper_op + number_text(upper, kind);
    else
      text = (kind == NumberKind::integer) ? "An integer" :
                                             "A floating point number";
    return text + (unit.empty() ? "" : " (" + unit + ")");
  }



  std::unique_ptr<dealii::Patterns::PatternBase>
  RangeSpec::pattern() const
  {
    if (kind == NumberKind::integer)
      return std::make_unique<RangePattern<dealii::Patterns::Integer>>(*this);
    return std::make_unique<RangePattern<dealii::Patterns::Double>>(*this);
  }
} // namespace chemomech
