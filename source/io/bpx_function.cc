#include <chemomech/io/bpx_function.h>

#include <deal.II/base/function_parser.h>
#include <deal.II/base/point.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <numeric>
#include <sstream>
#include <stdexcept>

namespace chemomech
{
  namespace
  {
    /// Python function names and their muparser equivalents.
    const std::map<std::string, std::string> &
    known_functions()
    {
      static const std::map<std::string, std::string> f = {{"exp", "exp"},
                                                           {"log", "ln"},
                                                           {"log10", "log10"},
                                                           {"sqrt", "sqrt"},
                                                           {"tanh", "tanh"},
                                                           {"sinh", "sinh"},
                                                           {"cosh", "cosh"},
                                                           {"sin", "sin"},
                                                           {"cos", "cos"},
                                                           {"tan", "tan"},
                                                           {"abs", "abs"}};
      return f;
    }



    /// @p name without a leading "np.", "numpy." or "math.".
    std::string
    without_module(const std::string &name)
    {
      for (const char *m : {"np.", "numpy.", "math."})
        if (name.rfind(m, 0) == 0)
          return name.substr(std::string(m).size());
      return name;
    }



    /// f(x) of @p muparser (an expression in x); throws
    /// std::invalid_argument if muparser refuses it.
    double
    evaluate(const std::string &muparser, const double x)
    {
      try
        {
          dealii::FunctionParser<1> f;
          f.initialize("x", muparser, {});
          return f.value(dealii::Point<1>(x));
        }
      catch (const dealii::ExceptionBase &e)
        {
          throw std::invalid_argument("the expression '" + muparser +
                                      "' cannot be evaluated (muparser)");
        }
    }


    /// BpxFunction::number(@p v), in parentheses if negative.
    std::string
    term(const double v)
    {
      const std::string t = BpxFunction::number(v);
      return (v < 0) ? "(" + t + ")" : t;
    }
  } // namespace



  std::string
  BpxFunction::number(const double v)
  {
    std::ostringstream o;
    o.precision(17);
    o << v;
    return o.str();
  }



  std::string
  BpxFunction::translate(const std::string                        &python,
                         const std::map<std::string, std::string> &variables)
  {
    std::string       out;
    const std::size_t n = python.size();
    for (std::size_t i = 0; i < n;)
      {
        const char c = python[i];
        if (std::isdigit(static_cast<unsigned char>(c)) ||
            (c == '.' && i + 1 < n &&
             std::isdigit(static_cast<unsigned char>(python[i + 1]))))
          {
            // A number: digits, '.', an exponent with its sign.
            std::size_t j = i;
            while (j < n &&
                   (std::isdigit(static_cast<unsigned char>(python[j])) ||
                    python[j] == '.'))
              ++j;
            if (j < n && (python[j] == 'e' || python[j] == 'E'))
              {
                std::size_t k = j + 1;
                if (k < n && (python[k] == '+' || python[k] == '-'))
                  ++k;
                if (k < n &&
                    std::isdigit(static_cast<unsigned char>(python[k])))
                  {
                    j = k;
                    while (j < n &&
                           std::isdigit(static_cast<unsigned char>(python[j])))
                      ++j;
                  }
              }
            out += python.substr(i, j - i);
            i = j;
          }
        else if (std::isalpha(static_cast<unsigned char>(c)) || c == '_')
          {
            std::size_t j = i;
            while (j < n &&
                   (std::isalnum(static_cast<unsigned char>(python[j])) ||
                    python[j] == '_' || python[j] == '.'))
              ++j;
            const std::string name = python.substr(i, j - i);
            const std::string bare = without_module(name);
            std::size_t       k    = j;
            while (k < n && std::isspace(static_cast<unsigned char>(python[k])))
              ++k;
            const bool call = (k < n && python[k] == '(');
            const auto v    = variables.find(name);
            const auto f    = known_functions().find(bare);
            if (!call && v != variables.end())
              out += v->second;
            else if (call && f != known_functions().end())
              out += f->second;
            else if (!call && bare == "pi")
              out += "_pi";
            else
              {
                std::string names;
                for (const auto &p : variables)
                  names += (names.empty() ? "" : ", ") + p.first;
                throw std::invalid_argument(
                  "unknown name '" + name + "' in the expression '" + python +
                  "' (known: the variables " + names +
                  "; the functions exp, log, log10, sqrt, tanh, sinh, cosh, "
                  "sin, cos, tan, abs; pi)");
              }
            i = j;
          }
        else if (c == '*' && i + 1 < n && python[i + 1] == '*')
          {
            out += '^';
            i += 2;
          }
        else if (std::string("+-*/(), \t").find(c) != std::string::npos)
          {
            out += c;
            ++i;
          }
        else
          throw std::invalid_argument("the character '" + std::string(1, c) +
                                      "' in the expression '" + python +
                                      "' is not supported");
      }
    return out;
  }



  BpxFunction
  BpxFunction::from_json(const nlohmann::json                     &value,
                         const std::map<std::string, std::string> &variables,
                         const double                              factor)
  {
    BpxFunction f;
    if (value.is_number())
      {
        f.kind         = Kind::number;
        f.number_value = value.get<double>() * factor;
      }
    else if (value.is_string())
      {
        f.kind     = Kind::expression;
        f.muparser = translate(value.get<std::string>(), variables);
        if (factor != 1)
          f.muparser = "(" + f.muparser + ")*" + number(factor);
        evaluate(f.muparser, 0.5); // refuses what muparser cannot parse
      }
    else if (value.is_object() && value.size() == 2 && value.contains("x") &&
             value.contains("y") && value["x"].is_array() &&
             value["y"].is_array())
      {
        const auto &x = value["x"];
        const auto &y = value["y"];
        if (x.size() != y.size() || x.size() < 2)
          throw std::invalid_argument(
            "a table needs \"x\" and \"y\" of equal length, at least 2");
        std::vector<std::size_t> order(x.size());
        std::iota(order.begin(), order.end(), 0);
        for (std::size_t i = 0; i < x.size(); ++i)
          if (!x[i].is_number() || !y[i].is_number())
            throw std::invalid_argument("a table holds numbers only");
        std::stable_sort(order.begin(),
                         order.end(),
                         [&x](const std::size_t a, const std::size_t b) {
                           return x[a].get<double>() < x[b].get<double>();
                         });
        f.kind = Kind::table;
        for (const std::size_t i : order)
          {
            const double xi = x[i].get<double>();
            if (!f.xs.empty() && !(xi > f.xs.back()))
              throw std::invalid_argument("the table has the x value " +
                                          number(xi) + " twice");
            f.xs.push_back(xi);
            f.ys.push_back(y[i].get<double>() * factor);
          }
      }
    else
      throw std::invalid_argument("expected a number, an expression (string) "
                                  "or a table {\"x\": [...], \"y\": [...]}");
    return f;
  }



  bool
  BpxFunction::is_constant() const
  {
    return kind == Kind::number;
  }



  double
  BpxFunction::constant() const
  {
    return number_value;
  }



  std::string
  BpxFunction::expression() const
  {
    if (kind == Kind::number)
      return number(number_value);
    if (kind == Kind::expression)
      return muparser;
    // Nested linear pieces, constant beyond the ends.
    std::string e = term(ys.back());
    for (std::size_t i = xs.size() - 1; i > 0; --i)
      {
        const std::string x0 = term(xs[i - 1]), x1 = term(xs[i]);
        const std::string y0 = term(ys[i - 1]), y1 = term(ys[i]);
        e = "(x <= " + x1 + " ? " + y0 + " + (" + y1 + " - " + y0 + ")*(x - " +
            x0 + ")/(" + x1 + " - " + x0 + ") : " + e + ")";
      }
    return "(x <= " + term(xs.front()) + " ? " + term(ys.front()) + " : " + e +
           ")";
  }



  std::string
  BpxFunction::function_text() const
  {
    if (kind != Kind::table)
      return expression();
    std::string t = "table:";
    for (std::size_t i = 0; i < xs.size(); ++i)
      t +=
        std::string(i ? "," : "") + " " + number(xs[i]) + ":" + number(ys[i]);
    return t;
  }



  double
  BpxFunction::value(const double x) const
  {
    if (kind == Kind::number)
      return number_value;
    if (kind == Kind::expression)
      return evaluate(muparser, x);
    if (x <= xs.front())
      return ys.front();
    if (x >= xs.back())
      return ys.back();
    const auto        it = std::upper_bound(xs.begin(), xs.end(), x);
    const std::size_t i  = static_cast<std::size_t>(it - xs.begin()) - 1;
    const double      s  = (x - xs[i]) / (xs[i + 1] - xs[i]);
    return (1 - s) * ys[i] + s * ys[i + 1];
  }
} // namespace chemomech
