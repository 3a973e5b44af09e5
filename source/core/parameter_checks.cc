#include <chemomech/core/parameter_checks.h>
#include <chemomech/core/range_spec.h>

#include <deal.II/base/utilities.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>

namespace chemomech
{
  InvalidParameter::InvalidParameter(const std::string &message)
    : std::runtime_error(message)
  {}



  void
  check_range(const std::string &name,
              const double       value,
              const double       lower,
              const Bound        lower_kind,
              const double       upper,
              const Bound        upper_kind,
              const std::string &unit)
  {
    RangeSpec(lower, lower_kind, upper, upper_kind, unit).check(name, value);
  }



  void
  check_condition(const bool condition, const std::string &message)
  {
    if (!condition)
      throw InvalidParameter(message);
  }


  long
  check_integer_range(const std::string &name,
                      const long         value,
                      const long         lower,
                      const long         upper)
  {
    return RangeSpec::integers(lower, upper).check_integer(name, value);
  }



  void
  check_file_readable(const std::string &name, const std::string &file_name)
  {
    check_condition(!file_name.empty(),
                    "parameter '" + name + "' is empty (a file is needed)");
    std::error_code ec;
    check_condition(!std::filesystem::is_directory(file_name, ec),
                    "parameter '" + name + "': '" + file_name +
                      "' is a directory, not a file");
    std::ifstream in(file_name);
    check_condition(static_cast<bool>(in) && std::filesystem::exists(file_name),
                    "parameter '" + name + "': cannot open '" + file_name +
                      "' (missing or unreadable)");
  }



  std::vector<double>
  parse_double_list(const std::string &name, const std::string &text)
  {
    std::vector<double> values;
    const std::string   trimmed = dealii::Utilities::trim(text);
    if (trimmed.empty())
      return values;
    for (const auto &entry : dealii::Utilities::split_string_list(trimmed, ','))
      {
        try
          {
            values.push_back(dealii::Utilities::string_to_double(entry));
          }
        catch (...)
          {
            throw InvalidParameter("parameter '" + name + "': '" + entry +
                                   "' is not a number (expected a comma "
                                   "separated list of numbers)");
          }
      }
    return values;
  }



  template <int dim>
  dealii::Point<dim>
  parse_point(const std::string &name, const std::string &text)
  {
    const std::vector<double> values = parse_double_list(name, text);
    if (values.size() != dim)
      throw InvalidParameter("parameter '" + name + "': '" + text +
                             "' must have exactly " + std::to_string(dim) +
                             " comma separated coordinates");
    dealii::Point<dim> p;
    for (unsigned int d = 0; d < dim; ++d)
      p[d] = values[d];
    return p;
  }



  template <int dim>
  std::vector<dealii::Point<dim>>
  parse_point_list(const std::string &name, const std::string &text)
  {
    std::vector<dealii::Point<dim>> points;
    const std::string               trimmed = dealii::Utilities::trim(text);
    if (trimmed.empty())
      return points;
    for (const auto &entry : dealii::Utilities::split_string_list(trimmed, ';'))
      points.push_back(parse_point<dim>(name, entry));
    return points;
  }



  double
  parse_keyword_or_number(const std::string &name,
                          const std::string &text,
                          const std::string &keyword,
                          const double       keyword_value)
  {
    const std::string trimmed = dealii::Utilities::trim(text);
    if (trimmed == keyword)
      return keyword_value;
    const auto v = parse_double_list(name, trimmed);
    check_condition(v.size() == 1,
                    "parameter '" + name + "' must be '" + keyword +
                      "' or one number");
    return v[0];
  }



  std::string
  parameter_text(const double value)
  {
    std::string text;
    for (int digits = 1; digits <= 17; ++digits)
      {
        std::ostringstream o;
        o.precision(digits);
        o << value;
        text = o.str();
        if (std::stod(text) == value)
          break;
      }
    // 5e-06 -> 5e-6, 1e+09 -> 1e9
    const std::size_t e = text.find('e');
    if (e == std::string::npos)
      return text;
    std::string exponent = text.substr(e + 1);
    std::string sign;
    if (exponent[0] == '-' || exponent[0] == '+')
      {
        sign     = (exponent[0] == '-') ? "-" : "";
        exponent = exponent.substr(1);
      }
    exponent.erase(0,
                   std::min(exponent.find_first_not_of('0'),
                            exponent.size() - 1));
    return text.substr(0, e + 1) + sign + exponent;
  }



  std::string
  parameter_text(const bool value)
  {
    return value ? "true" : "false";
  }



  template dealii::Point<2>
  parse_point<2>(const std::string &, const std::string &);
  template dealii::Point<3>
  parse_point<3>(const std::string &, const std::string &);
  template std::vector<dealii::Point<2>>
  parse_point_list<2>(const std::string &, const std::string &);
  template std::vector<dealii::Point<3>>
  parse_point_list<3>(const std::string &, const std::string &);
} // namespace chemomech
