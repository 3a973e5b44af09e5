/**
 * @file range_spec.h
 * @brief The allowed range of a numeric parameter: one object gives the
 * pattern deal.II declares and prints, and the check that refuses a value
 * outside it with a message naming the parameter and the range.
 */
#ifndef chemomech_core_range_spec_h
#define chemomech_core_range_spec_h

#include <chemomech/core/parameter_checks.h>

#include <deal.II/base/patterns.h>

#include <memory>
#include <string>

namespace chemomech
{
  /// Whether a parameter takes real or integer values.
  enum class NumberKind
  {
    real,
    integer
  };

  /**
   * @brief An interval of admissible values of a numeric parameter, each end
   * included or excluded; an infinite end means no bound on that side.
   *
   * The single source of the bounds of a parameter: pattern() is what the
   * entry is declared with (deal.II prints the bounds in --print-parameters;
   * see RangePattern), and check() is what parse_parameters() calls on the
   * parsed value. deal.II's patterns only know inclusive bounds: an open
   * end is declared as that inclusive bound, and the text description
   * (description_text()) says "0 < v". Out-of-range numbers are let through
   * deal.II's parse (RangePattern::match() accepts any number) so that the
   * project's check reports them with the parameter's full name and range.
   * check_range() and check_integer_range() (parameter_checks.h) are this
   * check for ranges that depend on other parameters (e.g. c0 <= c_max).
   */
  class RangeSpec
  {
  public:
    /// The real interval from @p lower to @p upper; @p unit (e.g. "Pa") is
    /// shown after values in messages and descriptions ("" for none).
    RangeSpec(const double       lower,
              const Bound        lower_kind,
              const double       upper,
              const Bound        upper_kind,
              const std::string &unit = "");

    /// The integer interval [lower, upper] (both ends included); upper =
    /// LONG_MAX: no upper end.
    static RangeSpec
    integers(const long lower, const long upper);

    /// Whether @p value lies in the range (NaN and infinities never do).
    bool
    contains(const double value) const;

    /**
     * @brief Returns if contains(@p value), else throws InvalidParameter:
     * "parameter '<name>' = <value> <unit> is outside its allowed range
     * (0, 1]". @p name is the full name, e.g. "Material/Poisson's ratio".
     */
    void
    check(const std::string &name, const double value) const;

    /// check() for an integer entry; returns @p value.
    long
    check_integer(const std::string &name, const long value) const;

    /// The interval in mathematical notation: "(0, 1]", "[1, 200]",
    /// "[0, infinity)".
    std::string
    interval_text() const;

    /// "A floating point number v such that 0 < v <= 1e+13 (Pa)" or "An
    /// integer n such that 1 <= n <= 200": the description printed by
    /// --print-parameters description.
    std::string
    description_text() const;

    /// The pattern to declare the entry with (a Patterns::Double or
    /// Patterns::Integer with these bounds, see RangePattern).
    std::unique_ptr<dealii::Patterns::PatternBase>
    pattern() const;

    /// Lower end; -infinity: none.
    double lower;
    /// Whether the lower end is included.
    Bound lower_kind;
    /// Upper end; +infinity: none.
    double upper;
    /// Whether the upper end is included.
    Bound upper_kind;
    /// Unit shown with values ("" for none).
    std::string unit;
    /// Real or integer values.
    NumberKind kind = NumberKind::real;
  };
} // namespace chemomech

#endif
