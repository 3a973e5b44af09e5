// Unit tests of the PyBaMM forms of Cycling/Steps (ExperimentParser,
// ExperimentList): every PyBaMM step parses to the same ProtocolStep as its
// native equivalent (an independent parser), field by field; the period
// limits the time step; a Python list repeats the cycles; every refusal
// names the parameter, the step and the unsupported part.
#include <chemomech/core/parameter_checks.h>
#include <chemomech/physics/electrode/cycling_protocol.h>
#include <chemomech/physics/electrode/experiment_list.h>

#include <deal.II/base/mpi.h>
#include <deal.II/base/parameter_handler.h>

#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "test_tools.h"

using namespace chemomech;
using namespace dealii;

namespace
{
  /// 1C current density of the tests. Units: A/m^2.
  const double one_c = 10;
  /// Electrode area of the tests. Units: m^2.
  const double area = 0.01;

  std::vector<ProtocolStep>
  parse(const std::string &text, const double electrode_area = area)
  {
    return CyclingProtocol::parse_steps(text, one_c, electrode_area);
  }

  /// Equal doubles (both NaN counts as equal), to @p tol relative.
  void
  same(chemomech_test::Checks &check,
       const std::string      &name,
       const double            a,
       const double            b,
       const double            tol)
  {
    if (std::isnan(a) || std::isnan(b))
      check.is_true(name + " (NaN)", std::isnan(a) && std::isnan(b));
    else if (std::isinf(a) || std::isinf(b))
      check.is_true(name + " (infinite)", a == b);
    else
      check.near(name, a, b, tol, 1e-300);
  }

  /// @p a and @p b agree in every field but the text.
  void
  same_step(chemomech_test::Checks &check,
            const std::string      &name,
            const ProtocolStep     &a,
            const ProtocolStep     &b)
  {
    const double tol = 1e-15;
    check.is_true(name + ": kind", a.kind == b.kind);
    same(check, name + ": current", a.current, b.current, tol);
    check.is_true(name + ": in_c_rate", a.in_c_rate == b.in_c_rate);
    same(check, name + ": c_rate", a.c_rate, b.c_rate, tol);
    same(check, name + ": voltage", a.voltage, b.voltage, tol);
    same(check, name + ": max_time_step", a.max_time_step, b.max_time_step, 0);
    check.near(name + ": number of limits",
               a.limits.size(),
               b.limits.size(),
               0,
               1);
    for (unsigned int i = 0; i < std::min(a.limits.size(), b.limits.size());
         ++i)
      {
        const std::string l = name + ": limit " + std::to_string(i);
        check.is_true(l + " kind", a.limits[i].kind == b.limits[i].kind);
        same(check, l + " value", a.limits[i].value, b.limits[i].value, tol);
        check.is_true(l + " in_c_rate",
                      a.limits[i].in_c_rate == b.limits[i].in_c_rate);
        same(check, l + " c_rate", a.limits[i].c_rate, b.limits[i].c_rate, tol);
      }
  }

  /// The one step of @p pybamm and of @p native agree field by field.
  void
  equivalent(chemomech_test::Checks &check,
             const std::string      &pybamm,
             const std::string      &native)
  {
    const auto a = parse(pybamm);
    const auto b = parse(native);
    check.is_true("'" + pybamm + "' is one step", a.size() == 1);
    if (a.size() == 1 && b.size() == 1)
      same_step(check, "'" + pybamm + "' = '" + native + "'", a[0], b[0]);
  }

  /// The message of the InvalidParameter thrown by parsing @p steps ("" if
  /// none).
  std::string
  parse_error(const std::string &steps, const double electrode_area = area)
  {
    try
      {
        parse(steps, electrode_area);
      }
    catch (const InvalidParameter &e)
      {
        return e.what();
      }
    return "";
  }

  CyclingProtocol
  make_protocol(const std::string &steps, const unsigned int cycles)
  {
    ParameterHandler prm;
    CyclingProtocol::declare_parameters(prm);
    prm.parse_input_from_string(
      "subsection Cycling\n set Steps = " + steps +
      "\n set Number of cycles = " + std::to_string(cycles) +
      "\n set 1C current density = 10"
      "\n set Electrode area = 0.01"
      "\n set Maximum time step after switch = 1\n"
      "end\n");
    CyclingProtocol p;
    p.parse_parameters(prm);
    return p;
  }
  /// 1. Every PyBaMM form equals its native equivalent; values.
  void
  check_forms(chemomech_test::Checks &check)
  {
    // 1. Every PyBaMM form equals its native equivalent (area 0.01 m^2: 1 A
    // is 100 A/m^2).
    const std::vector<std::pair<std::string, std::string>> forms = {
      {"Discharge at 1C until 2.5 V", "CC discharge 1C until V<2.5"},
      {"Charge at C/2 for 30 minutes", "CC charge C/2 until t>1800s"},
      {"Charge at 0.5C for 30 minutes or until 4.2 V",
       "CC charge 0.5C until t>1800s or V>4.2"},
      {"Discharge at C/3 for 2 hours or until 2.5 V",
       "CC discharge C/3 until t>7200s or V<2.5"},
      {"Discharge at 2 A until 3 V", "CC discharge 200 A/m^2 until V<3"},
      {"Charge at 200 mA for 45 minutes", "CC charge 20 A/m^2 until t>2700s"},
      {"Discharge at 10 A/m2 until 3 V", "CC discharge 10 A/m^2 until V<3"},
      {"Charge at 1 mA/cm^2 until 4100 mV", "CC charge 10 A/m^2 until V>4.1"},
      {"Hold at 4.2 V until C/50", "CV 4.2V until |I|<C/50"},
      {"Hold at 4.2V until 50 mA", "CV 4.2V until |I|<5 A/m^2"},
      {"Hold at 3V until 0.1 A/m2", "CV 3V until |I|<0.1 A/m^2"},
      {"Hold at 4.2 V for 1 hour", "CV 4.2V until t>3600s"},
      {"Hold at 1V for 20 seconds", "CV 1V until t>20s"},
      {"Rest for 10 minutes", "rest 600s"},
      {"Rest for 1 hour", "rest 3600s"},
      {"Rest for 90 s", "rest 90s"},
      {"Rest for 90 sec", "rest 90s"},
      {"Rest for 1 second", "rest 1s"},
      {"Rest for 90 seconds", "rest 90s"},
      {"Rest for 1 minute", "rest 60s"},
      {"Rest for 2 min", "rest 120s"},
      {"Rest for 2 m", "rest 120s"},
      {"Rest for 2 minutes", "rest 120s"},
      {"Rest for 1 h", "rest 3600s"},
      {"Rest for 2 hr", "rest 7200s"},
      {"Rest for 0.5 hours", "rest 1800s"},
      {"Rest for 10minutes", "rest 600s"},
      {"discharge AT 1c UNTIL 2.5v", "CC discharge 1C until V<2.5"},
      {"CHARGE at c/2 FOR 1 HOUR OR UNTIL 4.2 v",
       "CC charge C/2 until t>3600s or V>4.2"}};
    for (const auto &f : forms)
      equivalent(check, f.first, f.second);

    // Values against the units, independently of the native parser.
    {
      const auto s = parse("Charge at 0.5C for 30 minutes or until 4.2 V; "
                           "Discharge at 2 A until 3 V; Hold at 4.2V until "
                           "50 mA");
      check.near("30 minutes = 1800 s", s[0].limits[0].value, 1800, 0);
      check.near("charge at 0.5C: c_rate -0.5 (1C = 10 A/m^2)",
                 s[0].current,
                 -5,
                 1e-15);
      check.is_true("charge cut-off 4.2 V is V>4.2",
                    s[0].limits[1].kind == LimitKind::voltage_above &&
                      s[0].limits[1].value == 4.2);
      check.near("2 A over 0.01 m^2 = 200 A/m^2", s[1].current, 200, 1e-15);
      check.is_true("discharge cut-off is V<3",
                    s[1].limits[0].kind == LimitKind::voltage_below);
      check.near("50 mA over 0.01 m^2 = 5 A/m^2",
                 s[2].limits[0].value,
                 5,
                 1e-15);
      check.is_true("the text is kept",
                    s[1].text == "Discharge at 2 A until 3 V");
    }
  }

  /// 2. The period sets the maximum time step of its step.
  void
  check_period(chemomech_test::Checks &check)
  {
    // 2. The period sets the step's maximum time step.
    {
      ProtocolStep native  = parse("CC discharge 1C until t>600s")[0];
      native.max_time_step = 60;
      same_step(check,
                "'Discharge at 1C for 10 minutes (1 minute period)'",
                parse("Discharge at 1C for 10 minutes (1 minute period)")[0],
                native);
      check.near("(5 second period)",
                 parse("Rest for 1 hour (5 second period)")[0].max_time_step,
                 5,
                 0);
      check.is_true("no period: infinite maximum time step",
                    std::isinf(parse("Rest for 1 hour")[0].max_time_step));
      CyclingProtocol p =
        make_protocol("Rest for 10 minutes (1 minute period); rest 600s", 1);
      check.near("first time step after a switch: 1 s",
                 p.max_time_step(0),
                 1,
                 0);
      CyclingObservables obs;
      obs.time = 1;
      p.advance_if_done(obs);
      check.near("later time steps of the step: the period 60 s",
                 p.max_time_step(1),
                 60,
                 0);
      obs.time = 590;
      check.near("at t = 590 s the time limit 600 s comes first",
                 p.max_time_step(590),
                 10,
                 0);
    }
  }

  /// 3. Python lists, their repetition, mixed forms.
  void
  check_lists(chemomech_test::Checks &check)
  {
    // 3. Lists and mixing.
    {
      const std::string list =
        "[(\"Discharge at 1C until 2.5 V\", 'Rest for 1 hour')] * 3";
      const CyclingProtocol p = make_protocol(list, 2);
      check.near("list: 2 steps per cycle", p.steps().size(), 2, 0, 1);
      check.near("list * 3 with Number of cycles 2: 6 cycles",
                 p.n_cycles(),
                 6,
                 0,
                 1);
      const auto native = parse("CC discharge 1C until V<2.5; rest 3600s");
      same_step(check, "list step 1", p.steps()[0], native[0]);
      same_step(check, "list step 2", p.steps()[1], native[1]);
      check.near("3 * [...] repeats 3",
                 CyclingProtocol::cycle_multiplier("3 * ['Rest for 1 hour']"),
                 3,
                 0,
                 1);
      check.near("plain list: multiplier 1",
                 CyclingProtocol::cycle_multiplier(
                   "['Discharge at 1C until 2.5 V', 'Rest for 1 hour']"),
                 1,
                 0,
                 1);
      check.near("';' text: multiplier 1",
                 CyclingProtocol::cycle_multiplier("rest 10s; rest 20s"),
                 1,
                 0,
                 1);
      const auto l = parse("[('Discharge at 1C until 2.5 V',), "
                           "('Rest for 1 hour', \"CV 4.2V until |I|<C/20\"), "
                           "'rest 10s',]");
      check.near("tuples flattened, trailing commas: 4 steps",
                 l.size(),
                 4,
                 0,
                 1);
      same_step(check,
                "native step inside a list",
                l[2],
                parse("CV 4.2V until |I|<C/20")[0]);
      const auto m =
        parse("Discharge at 1C until 2.5 V; rest 600s; "
              "CC charge 1C until V>4.2; Hold at 4.2 V until C/20");
      const auto n = parse("CC discharge 1C until V<2.5; rest 600s; "
                           "CC charge 1C until V>4.2; CV 4.2V until |I|<C/20");
      for (unsigned int i = 0; i < 4; ++i)
        same_step(check,
                  "mixed ';' list step " + std::to_string(i),
                  m[i],
                  n[i]);
      const auto r = parse("rest until V>3.5; Rest for 1 hour");
      check.is_true("native 'rest until V>3.5' stays native",
                    r[0].limits.size() == 1 &&
                      r[0].limits[0].kind == LimitKind::voltage_above);
    }
  }

  /// 4. Refusals name the parameter, the step and the part.
  void
  check_refusals(chemomech_test::Checks &check)
  {
    // 4. Refusals name the parameter, the step (or list) and the part.
    const std::vector<std::vector<std::string>> refused = {
      {"Discharge at 5 W until 3 V", "'5 W'", "constant power"},
      {"Charge at 200mW for 45 minutes", "'200mW'", "constant power"},
      {"Discharge at 2 Ohm for 1 hour", "'2 Ohm'", "constant resistance"},
      {"Run US06 (A)", "'Run US06 (A)'", "a drive cycle"},
      {"Discharge at 1C for 1 hour at 25oC", "'at 25oC'", "temperature"},
      {"Rest for 1 hour at 298 K", "'at 298 K'", "temperature"},
      {"Rest until 3 V", "'until 3 V'", "voltage cut-off of a Rest"},
      {"Hold at 4.2 V until 4.0 V", "'until 4.0 V'", "cut-off of a Hold"},
      {"Discharge at 1C until C/50", "'until C/50'", "current cut-off"},
      {"Hold at 1C for 1 hour", "'Hold at 1C'", "holds a voltage"},
      {"Discharge at 4.2 V for 1 hour", "'4.2 V'", "Hold at 4.2 V"},
      {"Discharge at 1C", "'Discharge at 1C'", "'for <time>' or 'until"},
      {"Rest for 1 fortnight", "'fortnight'", "unknown time unit"},
      {"Discharge at 1 parsec until 3 V", "'parsec'", "unknown unit"},
      {"Discharge at 1C until 3 V until 2 V", "until 2 V", "more than one"},
      {"Charge at -1C until 4.2 V", "Charge at -1C", "must be > 0"},
      {"Discharge at C/0 until 2.5 V", "C/0", "n > 0"},
      {"Rest for 0 s", "0 s", "must be > 0"},
      {"Discharge quickly at 1C until 3 V", "Discharge quickly", "unexpected"},
      {"[('Rest for 1 hour')] + [('Rest for 2 hours')]", "'+'", "sums"},
      {"[('Rest for 1 hour'", "Python-list", "expected ',' or ')'"},
      {"[] * 3", "Python-list", "no steps"},
      {"['Rest for 1 hour'] * 0", "'0'", "[1, 1000000]"},
      {"['Rest for 1 hour', 2]", "Python-list", "expected a quoted step"}};
    for (const auto &r : refused)
      {
        const std::string m = parse_error(r[0]);
        check.is_true("'" + r[0] + "' refused naming " + r[1] + " and " + r[2],
                      m.find("'Cycling/Steps'") != std::string::npos &&
                        m.find(r[0]) != std::string::npos &&
                        m.find(r[1]) != std::string::npos &&
                        m.find(r[2]) != std::string::npos,
                      m);
      }
    {
      const std::string m = parse_error("Discharge at 2 A until 3 V", 0);
      check.is_true("a current in A without an area is refused naming "
                    "'Cycling/Electrode area'",
                    m.find("'Cycling/Steps'") != std::string::npos &&
                      m.find("'2 A'") != std::string::npos &&
                      m.find("'Cycling/Electrode area' > 0") !=
                        std::string::npos,
                    m);
      const std::string s = parse_error("rest 10s; Hold at 4.2 V until 4 V");
      check.is_true("message names step 2 and its text",
                    s.find("step 2 'Hold at 4.2 V until 4 V'") !=
                      std::string::npos,
                    s);
      std::string c;
      try
        {
          make_protocol("['Rest for 1 hour'] * 1000", 1001);
        }
      catch (const InvalidParameter &e)
        {
          c = e.what();
        }
      check.is_true("cycles x N above 1e6 refused naming Number of cycles",
                    c.find("Cycling/Number of cycles") != std::string::npos &&
                      c.find("1001000") != std::string::npos,
                    c);
    }
  }
} // namespace

int
main(int argc, char **argv)
{
  Utilities::MPI::MPI_InitFinalize mpi(argc, argv, 1);
  chemomech_test::Checks           check;
  check_forms(check);
  check_period(check);
  check_lists(check);
  check_refusals(check);
  return check.finish();
}
