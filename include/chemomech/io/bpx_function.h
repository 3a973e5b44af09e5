/**
 * @file bpx_function.h
 * @brief A value of a BPX parameter file (a number, a Python expression in
 * one variable, or a table {"x": [...], "y": [...]}) turned into the forms
 * chemomech's parameters accept.
 */
#ifndef chemomech_io_bpx_function_h
#define chemomech_io_bpx_function_h

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace chemomech
{
  /**
   * @brief One "FloatFunctionTable" of the BPX format (Faraday Institution's
   * battery parameter exchange): a number, a string holding a Python
   * expression in the variable x, or a table of (x, y) pairs.
   *
   * Expressions are translated to muparser syntax token by token: `**`
   * becomes `^`; the prefixes `np.`, `numpy.` and `math.` are dropped from
   * function names; `exp`, `log` (natural, muparser `ln`), `log10`, `sqrt`,
   * `tanh`, `sinh`, `cosh`, `sin`, `cos`, `tan`, `abs` and `pi` are known;
   * the variable names are replaced as the caller says (e.g. x, sto -> x;
   * T -> the reference temperature). Any other name or character is an
   * error (std::invalid_argument with a message for the user). Python's and
   * muparser's operator precedences agree (power above the sign).
   *
   * Tables are sorted by x (as the BPX readers do) and interpolated
   * linearly, constant beyond their ends, like chemomech's tables.
   */
  class BpxFunction
  {
  public:
    /**
     * @brief From a JSON value (number, string or table object).
     * @param variables BPX variable name -> muparser text, e.g. {"x", "x"},
     * {"T", "298.15"}.
     * @param factor Unit conversion: the value is multiplied by it.
     */
    static BpxFunction
    from_json(const nlohmann::json                     &value,
              const std::map<std::string, std::string> &variables,
              const double                              factor = 1);

    /// Whether the value is a number (no variable).
    bool
    is_constant() const;

    /// The number (only if is_constant()).
    double
    constant() const;

    /**
     * @brief A muparser expression in x: the number, the translated
     * expression, or a table as nested `x <= x_i ? ... : ...` linear pieces.
     */
    std::string
    expression() const;

    /**
     * @brief The text of a chemomech function-of-x entry that accepts tables
     * (Open-circuit potential): a table as "table: x1:y1, x2:y2, ...", else
     * expression().
     */
    std::string
    function_text() const;

    /// The value at @p x (muparser or linear interpolation).
    double
    value(const double x) const;

    /**
     * @brief @p python translated to muparser with @p variables (see the
     * class documentation); throws std::invalid_argument.
     */
    static std::string
    translate(const std::string                        &python,
              const std::map<std::string, std::string> &variables);

    /// @p v with 17 significant digits (reads back as the same double).
    static std::string
    number(const double v);

  private:
    /// Kind of value.
    enum class Kind
    {
      number,
      expression,
      table
    };

    Kind kind = Kind::number;
    /// The number (Kind::number).
    double number_value = 0;
    /// The muparser expression (Kind::expression).
    std::string muparser;
    /// Table abscissae, increasing (Kind::table).
    std::vector<double> xs;
    /// Table values (Kind::table).
    std::vector<double> ys;
  };
} // namespace chemomech

#endif
