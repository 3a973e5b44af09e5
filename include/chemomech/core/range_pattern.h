/**
 * @file range_pattern.h
 * @brief deal.II's numeric pattern carrying a RangeSpec: prints the real
 * bounds, leaves the range check to the project.
 */
#ifndef chemomech_core_range_pattern_h
#define chemomech_core_range_pattern_h

#include <chemomech/core/range_spec.h>

#include <deal.II/base/patterns.h>

#include <memory>
#include <string>

namespace chemomech
{
  /**
   * @brief A Patterns::Double or Patterns::Integer (@p NumberPattern) with
   * the bounds of a RangeSpec.
   *
   * The machine-readable description (JSON, XML, parameters_used.prm) is
   * deal.II's own, with the inclusive bounds; the text description (used by
   * --print-parameters description) is RangeSpec::description_text(), which
   * also shows open ends ("0 < v"). match() accepts any number of the kind,
   * in or out of the range, and refuses text that is not a number: a number
   * out of range is refused by RangeSpec::check() in parse_parameters(),
   * whose message names the parameter with its subsection and the range
   * (deal.II's would name neither).
   */
  template <class NumberPattern>
  class RangePattern : public NumberPattern
  {
  public:
    /// The pattern of @p range.
    explicit RangePattern(const RangeSpec &range);

    /// Whether @p text is a number of the kind (any value).
    bool
    match(const std::string &text) const override;

    /// Text: RangeSpec::description_text(); other styles: deal.II's.
    std::string
    description(const dealii::Patterns::PatternBase::OutputStyle style =
                  dealii::Patterns::PatternBase::Machine) const override;

    /// A copy.
    std::unique_ptr<dealii::Patterns::PatternBase>
    clone() const override;

  private:
    /// The range shown and carried.
    RangeSpec range;
  };
} // namespace chemomech

#endif
