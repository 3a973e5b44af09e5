/**
 * @file scalar_function_of_x.h
 * @brief A scalar material function of the stoichiometry x, given as a
 * muparser expression or as a table, with its derivative.
 */
#ifndef chemomech_materials_scalar_function_of_x_h
#define chemomech_materials_scalar_function_of_x_h

#include <deal.II/base/function_parser.h>

#include <memory>
#include <string>
#include <vector>

namespace chemomech
{
  /**
   * @brief f(x) and df/dx for a material property that depends on the
   * stoichiometry x = c/c_max (diffusivity D(x), open-circuit potential U(x)).
   *
   * Either an expression in the variable `x` (muparser syntax, e.g.
   * `0.1 + 0.9*exp(-30*x)`) whose derivative is taken by a central difference
   * of step 1e-7, or a table of (x, f) pairs interpolated linearly (constant
   * beyond its ends) whose derivative is the slope of the segment.
   */
  class ScalarFunctionOfX
  {
  public:
    /**
     * @brief From an expression. A plain number is a constant with exactly
     * zero derivative.
     * @param name Parameter name, for error messages.
     */
    void
    set_expression(const std::string &name, const std::string &expression);

    /**
     * @brief From a table given as text "x1:f1, x2:f2, ..." with x strictly
     * increasing.
     */
    void
    set_table(const std::string &name, const std::string &table);

    /**
     * @brief From a file with two whitespace or comma separated columns x, f
     * ('#' starts a comment).
     */
    void
    set_table_file(const std::string &name, const std::string &file_name);

    /// f(x).
    double
    value(const double x) const;

    /// df/dx.
    double
    derivative(const double x) const;

    /// Whether f is a constant.
    bool
    is_constant() const;

    /**
     * @brief Throws InvalidParameter naming @p name (e.g.
     * "Material/Diffusivity") unless f is finite and positive at
     * x = 0, 0.01, ..., 1.
     * @param unit Unit of f for the message, e.g. "m^2/s".
     */
    void
    check_positive(const std::string &name, const std::string &unit) const;

  private:
    /// Builds the table from parsed pairs, checking monotonicity.
    void
    set_table_points(const std::string         &name,
                     const std::vector<double> &xs,
                     const std::vector<double> &fs);

    bool                                       constant       = true;
    double                                     constant_value = 0;
    std::shared_ptr<dealii::FunctionParser<1>> parser;
    std::vector<double>                        table_x;
    std::vector<double>                        table_f;
  };
} // namespace chemomech

#endif
