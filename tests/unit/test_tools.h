/**
 * @file test_tools.h
 * @brief Minimal check bookkeeping for the unit tests: every check prints its
 * value, the independent reference and the tolerance, and the test ends with
 * the line "N passed, M failed" and a non-zero exit code on failure.
 */
#ifndef chemomech_tests_test_tools_h
#define chemomech_tests_test_tools_h

#include <cmath>
#include <functional>
#include <iomanip>
#include <iostream>
#include <sstream>
#include <string>

namespace chemomech_test
{
  /// Central difference (f(x + h) - f(x - h)) / (2 h).
  inline double
  fd(const std::function<double(double)> &f, const double x, const double h)
  {
    return (f(x + h) - f(x - h)) / (2 * h);
  }

  /// @p v in scientific notation with 4 significant digits, for messages.
  inline std::string
  sci(const double v)
  {
    std::ostringstream s;
    s << std::scientific << std::setprecision(3) << v;
    return s.str();
  }

  struct Checks
  {
    unsigned int passed = 0;
    unsigned int failed = 0;
    bool         print  = true;

    /// |value - reference| <= tol * max(|reference|, scale)
    void
    near(const std::string &name,
         const double       value,
         const double       reference,
         const double       tol,
         const double       scale = 0)
    {
      const double err =
        std::abs(value - reference) /
        std::max(std::abs(reference), scale > 0 ? scale : 1e-300);
      const bool ok = std::isfinite(value) && err <= tol;
      (ok ? passed : failed)++;
      if (print)
        std::cout << (ok ? "PASS " : "FAIL ") << name << ": "
                  << std::setprecision(10) << value << " vs " << reference
                  << " (rel. error " << std::setprecision(3) << err
                  << ", tolerance " << tol << ")\n";
    }

    void
    is_true(const std::string &name,
            const bool         condition,
            const std::string &detail = "")
    {
      (condition ? passed : failed)++;
      if (print)
        std::cout << (condition ? "PASS " : "FAIL ") << name
                  << (detail.empty() ? "" : ": " + detail) << "\n";
    }

    int
    finish()
    {
      if (print)
        std::cout << passed << " passed, " << failed << " failed" << std::endl;
      return failed == 0 ? 0 : 1;
    }
  };
} // namespace chemomech_test

#endif
