#include <chemomech/core/range_pattern.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace chemomech
{
  namespace
  {
    /// The deal.II pattern with the inclusive bounds of @p range (an
    /// infinite end: deal.II's largest value).
    dealii::Patterns::Double
    bounded(const RangeSpec &range, const dealii::Patterns::Double *)
    {
      using P = dealii::Patterns::Double;
      return P(std::isfinite(range.lower) ? range.lower : P::min_double_value,
               std::isfinite(range.upper) ? range.upper : P::max_double_value);
    }



    dealii::Patterns::Integer
    bounded(const RangeSpec &range, const dealii::Patterns::Integer *)
    {
      using P          = dealii::Patterns::Integer;
      const auto clamp = [](const double v) {
        return static_cast<int>(
          std::max<double>(std::min<double>(v, P::max_int_value),
                           P::min_int_value));
      };
      return P(std::isfinite(range.lower) ? clamp(range.lower) :
                                            P::min_int_value,
               std::isfinite(range.upper) ? clamp(range.upper) :
                                            P::max_int_value);
    }
  } // namespace



  template <class NumberPattern>
  RangePattern<NumberPattern>::RangePattern(const RangeSpec &range)
    : NumberPattern(bounded(range, static_cast<NumberPattern *>(nullptr)))
    , range(range)
  {}



  template <class NumberPattern>
  bool
  RangePattern<NumberPattern>::match(const std::string &text) const
  {
    return NumberPattern().match(text);
  }



  template <class NumberPattern>
  std::string
  RangePattern<NumberPattern>::description(
    const dealii::Patterns::PatternBase::OutputStyle style) const
  {
    if (style == dealii::Patterns::PatternBase::Text)
      return range.description_text();
    return NumberPattern::description(style);
  }



  template <class NumberPattern>
  std::unique_ptr<dealii::Patterns::PatternBase>
  RangePattern<NumberPattern>::clone() const
  {
    return std::make_unique<RangePattern<NumberPattern>>(range);
  }



  template class RangePattern<dealii::Patterns::Double>;
  template class RangePattern<dealii::Patterns::Integer>;
} // namespace chemomech
