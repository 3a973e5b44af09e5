#include <chemomech/core/parameter_checks.h>
#include <chemomech/materials/scalar_function_of_x.h>

#include <deal.II/base/utilities.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

namespace chemomech
{
  void
  ScalarFunctionOfX::set_expression(const std::string &name,
                                    const std::string &expression)
  {
    table_x.clear();
    table_f.clear();
    parser.reset();
    const std::string trimmed = dealii::Utilities::trim(expression);
    char             *end     = nullptr;
    const double      v       = std::strtod(trimmed.c_str(), &end);
    if (!trimmed.empty() && end == trimmed.c_str() + trimmed.size())
      {
        constant       = true;
        constant_value = v;
        return;
      }
    constant = false;
    try
      {
        parser = std::make_shared<dealii::FunctionParser<1>>(1);
        parser->initialize("x", trimmed, {});
        // evaluate once so that syntax errors surface now
        (void)parser->value(dealii::Point<1>(0.5));
      }
    catch (...)
      {
        throw InvalidParameter("parameter '" + name + "': cannot parse '" +
                               expression +
                               "' as an expression in the variable x");
      }
  }



  void
  ScalarFunctionOfX::set_table_points(const std::string         &name,
                                      const std::vector<double> &xs,
                                      const std::vector<double> &fs)
  {
    check_condition(xs.size() >= 2,
                    "parameter '" + name +
                      "': a table needs at least two points");
    for (unsigned int i = 1; i < xs.size(); ++i)
      check_condition(xs[i] > xs[i - 1],
                      "parameter '" + name +
                        "': table x values must increase strictly");
    constant = false;
    parser.reset();
    table_x = xs;
    table_f = fs;
  }



  void
  ScalarFunctionOfX::set_table(const std::string &name,
                               const std::string &table)
  {
    std::vector<double> xs, fs;
    for (const auto &pair : dealii::Utilities::split_string_list(table, ','))
      {
        const auto parts = dealii::Utilities::split_string_list(pair, ':');
        check_condition(parts.size() == 2,
                        "parameter '" + name + "': entry '" + pair +
                          "' is not of the form x:value");
        xs.push_back(parse_double_list(name, parts[0])[0]);
        fs.push_back(parse_double_list(name, parts[1])[0]);
      }
    set_table_points(name, xs, fs);
  }



  void
  ScalarFunctionOfX::set_table_file(const std::string &name,
                                    const std::string &file_name)
  {
    std::ifstream in(file_name);
    check_condition(static_cast<bool>(in),
                    "parameter '" + name + "': cannot open file '" + file_name +
                      "'");
    std::vector<double> xs, fs;
    std::string         line;
    while (std::getline(in, line))
      {
        line = line.substr(0, line.find('#'));
        std::replace(line.begin(), line.end(), ',', ' ');
        std::istringstream s(line);
        double             x, f;
        if (s >> x >> f)
          {
            xs.push_back(x);
            fs.push_back(f);
          }
      }
    set_table_points(name, xs, fs);
  }



  double
  ScalarFunctionOfX::value(const double x) const
  {
    if (constant)
      return constant_value;
    if (parser)
      return parser->value(dealii::Point<1>(x));
    if (x <= table_x.front())
      return table_f.front();
    if (x >= table_x.back())
      return table_f.back();
    const auto   it = std::upper_bound(table_x.begin(), table_x.end(), x);
    const auto   i  = static_cast<unsigned int>(it - table_x.begin()) - 1;
    const double s  = (x - table_x[i]) / (table_x[i + 1] - table_x[i]);
    return (1 - s) * table_f[i] + s * table_f[i + 1];
  }



  double
  ScalarFunctionOfX::derivative(const double x) const
  {
    if (constant)
      return 0;
    if (parser)
      {
        const double h = 1e-7;
        return (parser->value(dealii::Point<1>(x + h)) -
                parser->value(dealii::Point<1>(x - h))) /
               (2 * h);
      }
    if (x <= table_x.front() || x >= table_x.back())
      return 0;
    const auto it = std::upper_bound(table_x.begin(), table_x.end(), x);
    const auto i  = static_cast<unsigned int>(it - table_x.begin()) - 1;
    return (table_f[i + 1] - table_f[i]) / (table_x[i + 1] - table_x[i]);
  }



  bool
  ScalarFunctionOfX::is_constant() const
  {
    return constant;
  }


  void
  ScalarFunctionOfX::check_positive(const std::string &name,
                                    const std::string &unit) const
  {
    for (unsigned int i = 0; i <= 100; ++i)
      {
        const double x = i / 100.0;
        const double f = value(x);
        if (!(f > 0) || !std::isfinite(f))
          {
            std::ostringstream m;
            m << "parameter '" << name << "' must be positive for x in [0, 1] "
              << "(allowed range: (0, inf) " << unit << "); at x = " << x
              << " it is " << f << " " << unit;
            throw InvalidParameter(m.str());
          }
      }
  }
} // namespace chemomech
