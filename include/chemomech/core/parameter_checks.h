/**
 * @file parameter_checks.h
 * @brief Helpers that validate parsed parameters and stop with a message that
 * names the parameter and its allowed range.
 */
#ifndef chemomech_core_parameter_checks_h
#define chemomech_core_parameter_checks_h

#include <deal.II/base/exceptions.h>
#include <deal.II/base/point.h>

#include <string>
#include <vector>

namespace chemomech
{
  /**
   * Thrown for a parameter value that parses but is physically inadmissible.
   * main() prints what() and exits with a non-zero code.
   */
  class InvalidParameter : public std::runtime_error
  {
  public:
    /// @param message Full text, naming the parameter and the allowed range.
    explicit InvalidParameter(const std::string &message);
  };

  /// Kind of an interval end: included or excluded.
  enum class Bound
  {
    closed,
    open
  };

  /**
   * @brief Checks lower <= value <= upper (or < for open ends) and throws
   * InvalidParameter naming @p name (e.g. "Material/Poisson's ratio").
   */
  void
  check_range(const std::string &name,
              const double       value,
              const double       lower,
              const Bound        lower_kind,
              const double       upper,
              const Bound        upper_kind,
              const std::string &unit = "");

  /**
   * @brief The integer entry @p value if lower <= value <= upper (ends
   * included; upper = LONG_MAX: no upper end), else throws InvalidParameter
   * naming @p name and the range. Read integer entries with an unrestricted
   * pattern (Patterns::Integer()) and check them here, before converting to
   * an unsigned type.
   */
  long
  check_integer_range(const std::string &name,
                      const long         value,
                      const long         lower,
                      const long         upper);

  /// Throws InvalidParameter with @p message when @p condition is false.
  void
  check_condition(const bool condition, const std::string &message);

  /// Throws InvalidParameter naming @p name and @p file_name unless
  /// @p file_name is a file that can be opened for reading (not empty, not
  /// a directory).
  void
  check_file_readable(const std::string &name, const std::string &file_name);

  /**
   * @brief Parses "x,y,z" into a point; throws InvalidParameter naming
   * @p name if the text does not hold exactly dim numbers.
   */
  template <int dim>
  dealii::Point<dim>
  parse_point(const std::string &name, const std::string &text);

  /// Parses "x1,y1,z1; x2,y2,z2; ..." into points (empty text: no points).
  template <int dim>
  std::vector<dealii::Point<dim>>
  parse_point_list(const std::string &name, const std::string &text);

  /// Parses a comma separated list of numbers (empty text: empty list).
  std::vector<double>
  parse_double_list(const std::string &name, const std::string &text);

  /**
   * @brief @p keyword_value if @p text is @p keyword (e.g. "same"), else
   * the one number in @p text; throws InvalidParameter naming @p name
   * otherwise.
   */
  double
  parse_keyword_or_number(const std::string &name,
                          const std::string &text,
                          const std::string &keyword,
                          const double       keyword_value);

  /**
   * @brief The shortest text that reads back as @p value, with a plain
   * exponent ("5e-6", "3600", "1e9", "0.38"): the default of a declared
   * entry written from a typed value.
   */
  std::string
  parameter_text(const double value);

  /// "true" or "false".
  std::string
  parameter_text(const bool value);
} // namespace chemomech

#endif
