// Unit tests of the BPX import (BpxImport, BpxFunction): the mapping of the
// shipped LG M50 set (prm/bpx/lg_m50_chen2020.json) against values computed
// by hand from Chen et al. (2020), unit conversions, the translation of
// Python expressions and tables to muparser, the report of ignored fields,
// the State section of newer BPX files, and the errors for malformed files,
// unknown units, missing fields and blended electrodes.
#include <chemomech/core/parameter_checks.h>
#include <chemomech/core/physical_constants.h>
#include <chemomech/io/bpx_function.h>
#include <chemomech/io/bpx_import.h>

#include <deal.II/base/function_parser.h>
#include <deal.II/base/mpi.h>

#include <cmath>
#include <fstream>
#include <sstream>
#include <string>

#include "test_tools.h"

using namespace chemomech;
using json = nlohmann::json;

namespace
{
  const std::string set_file =
    std::string(CHEMOMECH_SOURCE_DIR) + "/prm/bpx/lg_m50_chen2020.json";

  json
  shipped_set()
  {
    std::ifstream in(set_file);
    return json::parse(in);
  }

  double
  num(const BpxImport &b, const std::string &path)
  {
    return std::stod(b.value(path));
  }

  /// The message of the InvalidParameter that @p f throws ("" if none).
  template <class F>
  std::string
  error_of(F f)
  {
    try
      {
        f();
      }
    catch (const InvalidParameter &e)
      {
        return e.what();
      }
    return "";
  }

  /// f(x) of the muparser expression @p e.
  double
  eval(const std::string &e, const double x)
  {
    dealii::FunctionParser<1> f;
    f.initialize("x", e, {});
    return f.value(dealii::Point<1>(x));
  }

  bool
  contains(const std::string &text, const std::string &part)
  {
    return text.find(part) != std::string::npos;
  }
} // namespace



int
main(int argc, char **argv)
{
  dealii::Utilities::MPI::MPI_InitFinalize mpi(argc, argv, 1);
  chemomech_test::Checks                   check;
  const double                             F = constants::faraday;

  // The shipped set, at state of charge 1 (the file has no State section).
  const BpxImport b = BpxImport::read(set_file);
  {
    const std::string n = "Negative electrode/", p = "Positive electrode/";
    check.near("T = T_ref", num(b, "Temperature"), 298.15, 1e-15);
    check.near("c_e0", num(b, "Initial electrolyte concentration"), 1000, 0);
    check.is_true("full cell",
                  b.value("Electrode geometry/Cell type") == "full cell");
    check.near("L_n",
               num(b, "Electrode geometry/Negative electrode thickness"),
               85.2e-6,
               1e-15);
    check.near("R_n", num(b, n + "Representative particle/Radius"), 5.86e-6, 0);
    // i0 = m_ref sqrt(c_e c_s (c_max - c_s)) of Chen et al. is k F c_e^0.5
    // c_s^0.5 (c_max - c_s)^0.5: k = m_ref/F (the file holds 10 digits).
    check.near("k_n = m_ref/F",
               num(b, n + "Kinetics/Rate constant"),
               6.48e-7 / F,
               1e-9);
    check.near("k_p = m_ref/F",
               num(b, p + "Kinetics/Rate constant"),
               3.42e-6 / F,
               1e-9);
    // tau = eps^1.5 = eps^(1 + b): b = 0.5
    check.near("b_e negative",
               num(b,
                   n + "Effective properties/Electrolyte Bruggeman exponent"),
               0.5,
               1e-14);
    check.near("b_e positive",
               num(b,
                   p + "Effective properties/Electrolyte Bruggeman exponent"),
               0.5,
               1e-9);
    check.near("b separator",
               num(b, "Separator/Bruggeman exponent"),
               0.5,
               1e-9);
    // a = 383959.04 1/m in the file (3 eps_a/R, eps_a = 0.75, rounded down
    // so that eps + eps_a <= 1)
    check.near("eps_a = a R/3 negative",
               num(b, n + "Pore structure/Agglomerate volume fraction"),
               383959.04 * 5.86e-6 / 3,
               1e-15);
    check.near("eps_a = a R/3 positive",
               num(b, p + "Pore structure/Agglomerate volume fraction"),
               0.665,
               1e-9);
    check.near("sigma_s = sigma_eff/eps_a",
               num(b, n + "Solid conductivity"),
               215 / (383959.04 * 5.86e-6 / 3),
               1e-15);
    check.near("x_0 negative at SOC 1 = x_max",
               num(b, n + "Initial stoichiometry"),
               0.9014,
               1e-15);
    check.near("x_0 positive at SOC 1 = x_min",
               num(b, p + "Initial stoichiometry"),
               0.2661,
               1e-15);
    check.near("1C = Q/(A N) = 5 A / 0.1027 m^2",
               num(b, "Cycling/1C current density"),
               5 / 0.1027,
               1e-14);
    // Nyman et al. (2008) at c_e = 1000 mol/m^3 (c/1000 = 1)
    check.near("kappa(c_e0)",
               num(b, "Electrolyte/Conductivity"),
               0.1297 - 2.51 + 3.329,
               1e-13);
    check.near("D_e(c_e0)",
               num(b, "Electrolyte/Diffusivity"),
               8.794e-11 - 3.972e-10 + 4.862e-10,
               1e-13);
    const double x = 0.3;
    const double u = 1.9793 * std::exp(-39.3631 * x) + 0.2482 -
                     0.0909 * std::tanh(29.8538 * (x - 0.1234)) -
                     0.04478 * std::tanh(14.9159 * (x - 0.2769)) -
                     0.0205 * std::tanh(30.4444 * (x - 0.6103));
    check.near("graphite OCP expression at x = 0.3",
               eval(b.value(n + "Kinetics/Open-circuit potential"), x),
               u,
               1e-13);
    check.is_true("the porosity parameter is mapped",
                  b.value(n + "Porosity") == "0.25");

    // Ignored: 5 cell fields and the two activation energies.
    check.near("ignored fields", b.ignored().size(), 7, 0);
    const std::string r = b.report();
    check.is_true("report names the voltage cut-off",
                  contains(r,
                           "Parameterisation/Cell/Lower voltage cut-off "
                           "[V]: not used"));
    check.is_true("report names the activation energy",
                  contains(r,
                           "Negative electrode/Reaction rate constant "
                           "activation energy [J.mol-1]: Arrhenius"));
    check.is_true("report gives T_ref", contains(r, "T_ref = 298.15 K"), r);

    // The spliced lines.
    const auto lines =
      BpxImport::splice("set Parameter set = x.json",
                        "set Parameter set = lg_m50_chen2020.json",
                        std::string(CHEMOMECH_SOURCE_DIR) + "/prm/bpx");
    check.is_true("splice: the line with the absolute path first",
                  lines.front() == "set Parameter set = " + set_file,
                  lines.front());
    check.near("splice: the parameter lines follow",
               lines.size(),
               1 + b.prm_lines().size(),
               0);
    check.is_true("splice: other lines unchanged",
                  BpxImport::splice("set A = 1", "set A = 1", "/").size() == 1);
  }

  // Expressions: ** -> ^, np.exp -> exp, variables, Python's precedence.
  {
    const std::map<std::string, std::string> v = {{"x", "x"},
                                                  {"sto", "x"},
                                                  {"T", "(300)"}};
    const std::string                        e =
      BpxFunction::translate("2 * x ** 2 - np.exp(-sto) + T / 1e+2", v);
    check.is_true("translation", e == "2 * x ^ 2 - exp(-x) + (300) / 1e+2", e);
    check.near("translated value",
               eval(e, 0.5),
               2 * 0.25 - std::exp(-0.5) + 3,
               1e-15);
    check.near("-x**2 is -(x^2)",
               eval(BpxFunction::translate("-x**2", v), 2),
               -4,
               0);
    check.near("2**-1", eval(BpxFunction::translate("2**-1", v), 0), 0.5, 0);
    check.near("log is natural",
               eval(BpxFunction::translate("log(x)", v), std::exp(2.0)),
               2,
               1e-15);
    bool refused = false;
    try
      {
        BpxFunction::translate("foo(x)", v);
      }
    catch (const std::invalid_argument &e)
      {
        refused = contains(e.what(), "unknown name 'foo'");
      }
    check.is_true("unknown function refused", refused);

    // Tables: sorted; linear between points, constant beyond the ends.
    const json        t = json::parse(R"({"x": [1, 0, 0.5], "y": [3, 1, -1]})");
    const BpxFunction f = BpxFunction::from_json(t, v, 2);
    check.is_true("table text (sorted, scaled)",
                  f.function_text() == "table: 0:2, 0.5:-2, 1:6",
                  f.function_text());
    check.near("table expression at 0.25", eval(f.expression(), 0.25), 0, 0);
    check.near("table expression at 0.75",
               eval(f.expression(), 0.75),
               2,
               1e-15);
    check.near("table expression beyond", eval(f.expression(), 2), 6, 0);
    check.near("table value at 0.75", f.value(0.75), 2, 1e-15);
  }

  // Units: a known one is converted, an unknown one refused.
  {
    json  j = shipped_set();
    auto &n = j["Parameterisation"]["Negative electrode"];
    n.erase("Particle radius [m]");
    n["Particle radius [um]"] = 5.86;
    auto &el                  = j["Parameterisation"]["Electrolyte"];
    el.erase("Conductivity [S.m-1]");
    el["Conductivity [mS.cm-1]"] = "10 * x / 1000";
    const BpxImport c            = BpxImport::parse(j.dump(), "units.json");
    check.near("um -> m",
               num(c, "Negative electrode/Representative particle/Radius"),
               5.86e-6,
               1e-15);
    check.near("mS/cm -> S/m", num(c, "Electrolyte/Conductivity"), 1, 1e-15);
    n.erase("Particle radius [um]");
    n["Particle radius [furlong]"] = 1;
    const std::string m =
      error_of([&j]() { BpxImport::parse(j.dump(), "units.json"); });
    check.is_true("unknown unit refused, naming the field",
                  contains(m, "'Parameter set'") &&
                    contains(m, "Particle radius [furlong]") &&
                    contains(m, "'furlong'"),
                  m);
  }

  // Newer BPX files: State/Initial conditions.
  {
    json j = shipped_set();
    j["Parameterisation"]["Electrolyte"].erase(
      "Initial concentration [mol.m-3]");
    j["State"]["Initial conditions"] = {
      {"Initial state-of-charge", 0.5},
      {"Initial temperature [K]", 298.15},
      {"Initial electrolyte concentration [mol.m-3]", 1200}};
    const BpxImport s = BpxImport::parse(j.dump(), "state.json");
    check.near("c_e0 from State",
               num(s, "Initial electrolyte concentration"),
               1200,
               0);
    check.near("x_0 negative at SOC 0.5",
               num(s, "Negative electrode/Initial stoichiometry"),
               0.0279 + 0.5 * (0.9014 - 0.0279),
               1e-14);
    check.near("x_0 positive at SOC 0.5",
               num(s, "Positive electrode/Initial stoichiometry"),
               0.9084 - 0.5 * (0.9084 - 0.2661),
               1e-14);
    check.near("kappa at 1200 mol/m^3",
               num(s, "Electrolyte/Conductivity"),
               0.1297 * std::pow(1.2, 3) - 2.51 * std::pow(1.2, 1.5) +
                 3.329 * 1.2,
               1e-13);
    check.near("k scales with 1/sqrt(c_e0)",
               num(s, "Negative electrode/Kinetics/Rate constant"),
               6.48e-7 / F * std::sqrt(1000.0 / 1200.0),
               1e-9);
  }

  // Errors: malformed JSON, a missing field, a blended electrode, a bad
  // expression, a missing file.
  {
    const std::string bad =
      error_of([]() { BpxImport::parse("{\"Header\": ", "bad.json"); });
    check.is_true("malformed JSON",
                  contains(bad, "'Parameter set' = 'bad.json'") &&
                    contains(bad, "not a valid JSON"),
                  bad);
    json j = shipped_set();
    j["Parameterisation"]["Positive electrode"].erase("Particle radius [m]");
    const std::string missing =
      error_of([&j]() { BpxImport::parse(j.dump(), "m.json"); });
    check.is_true("missing field named",
                  contains(missing,
                           "no field 'Parameterisation/Positive electrode/"
                           "Particle radius [m]'"),
                  missing);
    j                                                       = shipped_set();
    j["Parameterisation"]["Negative electrode"]["Particle"] = json::object();
    check.is_true("blended electrode refused",
                  contains(error_of(
                             [&j]() { BpxImport::parse(j.dump(), "b.json"); }),
                           "blended"));
    j                                                      = shipped_set();
    j["Parameterisation"]["Negative electrode"]["OCP [V]"] = "x % 2";
    const std::string expr =
      error_of([&j]() { BpxImport::parse(j.dump(), "e.json"); });
    check.is_true("bad expression names the field",
                  contains(expr, "Negative electrode/OCP [V]") &&
                    contains(expr, "'%'"),
                  expr);
    const std::string none =
      error_of([]() { BpxImport::read("/nonexistent/set.json"); });
    check.is_true("missing file",
                  contains(none, "'Parameter set' = '/nonexistent/set.json'"),
                  none);
  }
  return check.finish();
}
