// Unit tests of the cycling protocol: the Cycling/Steps grammar, its error
// messages, and the state machine driven by a synthetic cell whose voltage
// and current are linear in the time of each step, so that every switch
// time is known in closed form.
#include <chemomech/core/parameter_checks.h>
#include <chemomech/physics/electrode/cycling_protocol.h>

#include <deal.II/base/mpi.h>
#include <deal.II/base/parameter_handler.h>

#include <cmath>
#include <string>
#include <vector>

#include "test_tools.h"

using namespace chemomech;
using namespace dealii;

namespace
{
  CyclingProtocol
  make_protocol(const std::string &steps,
                const unsigned int cycles,
                const double       one_c)
  {
    ParameterHandler prm;
    CyclingProtocol::declare_parameters(prm);
    prm.parse_input_from_string(
      "subsection Cycling\n set Steps = " + steps +
      "\n set Number of cycles = " + std::to_string(cycles) +
      "\n set 1C current density = " + std::to_string(one_c) +
      "\n set Maximum time step after switch = 1\n"
      "end\n");
    CyclingProtocol p;
    p.parse_parameters(prm);
    return p;
  }

  /// The message of the InvalidParameter thrown by parsing @p steps ("" if
  /// none).
  std::string
  parse_error(const std::string &steps)
  {
    try
      {
        CyclingProtocol::parse_steps(steps, 10);
      }
    catch (const InvalidParameter &e)
      {
        return e.what();
      }
    return "";
  }

  /**
   * Synthetic cell. Time tau since the step began; cycle c (0-based):
   * CC discharge: V = 4 - 1e-3 tau (V < 3 at tau = 1000 s);
   * CV: I = 10 - 0.01 tau A/m^2 (|I| < 0.5 at tau = 950 s);
   * rest: V = 3.2 (the step ends by its time limit);
   * CC charge: V = 3 + s tau, s = 1e-4 (c = 0) or 2e-4 (c = 1) V/s
   * (t > 7200 s first, resp. V > 4.2 at tau = 6000 s).
   */
  CyclingObservables
  cell(const CyclingProtocol &p, const double t)
  {
    const ProtocolStep &step = p.current_step();
    const double        tau  = p.state().time_in_step(t);
    CyclingObservables  obs;
    obs.time = t;
    switch (step.kind)
      {
        case StepKind::constant_current:
          obs.current = step.current;
          obs.voltage = (step.current > 0) ?
                          4 - 1e-3 * tau :
                          3 + (p.state().cycle == 0 ? 1e-4 : 2e-4) * tau;
          break;
        case StepKind::constant_voltage:
          obs.voltage = step.voltage;
          obs.current = 10 - 0.01 * tau;
          break;
        default:
          obs.voltage = 3.2;
          obs.current = 0;
      }
    return obs;
  }
} // namespace

int
main(int argc, char **argv)
{
  Utilities::MPI::MPI_InitFinalize mpi(argc, argv, 1);
  chemomech_test::Checks           check;

  const std::string text = "CC discharge 1C until V<3.0; CV 3.0V until "
                           "|I|<0.05C; rest 1800s; CC charge 2 A/m^2 until "
                           "V>4.2 or t>7200s";

  // Parsing: kinds and values in SI units (1C = 10 A/m^2).
  {
    const CyclingProtocol p = make_protocol(text, 2, 10);
    const auto           &s = p.steps();
    check.near("number of steps", s.size(), 4, 0, 1);
    check.near("number of cycles", p.n_cycles(), 2, 0, 1);
    check.is_true("step kinds CC, CV, rest, CC",
                  s[0].kind == StepKind::constant_current &&
                    s[1].kind == StepKind::constant_voltage &&
                    s[2].kind == StepKind::rest &&
                    s[3].kind == StepKind::constant_current);
    check.near("CC discharge 1C = +10 A/m^2", s[0].current, 10, 1e-15);
    check.is_true("discharge limit is V<3",
                  s[0].limits.size() == 1 &&
                    s[0].limits[0].kind == LimitKind::voltage_below &&
                    s[0].limits[0].value == 3.0);
    check.near("CV voltage", s[1].voltage, 3.0, 1e-15);
    check.is_true("CV limit is |I|<0.05C",
                  s[1].limits.size() == 1 &&
                    s[1].limits[0].kind == LimitKind::current_below &&
                    s[1].limits[0].in_c_rate);
    check.near("CV limit 0.05C = 0.5 A/m^2", s[1].limits[0].value, 0.5, 1e-15);
    check.near("rest 1800s is t>1800", s[2].time_limit(), 1800, 0);
    check.near("CC charge 2 A/m^2 = -2 A/m^2", s[3].current, -2, 0);
    check.is_true("charge limits V>4.2 or t>7200",
                  s[3].limits.size() == 2 &&
                    s[3].limits[0].kind == LimitKind::voltage_above &&
                    s[3].limits[0].value == 4.2 &&
                    s[3].limits[1].kind == LimitKind::time_above &&
                    s[3].limits[1].value == 7200);
    check.is_true("time limit of a step without one is infinite",
                  std::isinf(s[0].time_limit()));
  }

  // Units, case and blanks.
  {
    const auto s =
      CyclingProtocol::parse_steps("rest 2min; rest 0.5 h until V > 3.5; "
                                   "CC charge 1 mA/cm^2 until V>4100mV; "
                                   "cc DISCHARGE C/10 until v<2.5V; "
                                   "CV 4200 mV until |I| < 0.1 A/m2 or t>1h;;",
                                   20);
    check.near("units: number of steps (empty steps ignored)",
               s.size(),
               5,
               0,
               1);
    check.near("rest 2min", s[0].time_limit(), 120, 0);
    check.near("rest 0.5 h", s[1].time_limit(), 1800, 0);
    check.is_true("rest with a duration and a voltage limit",
                  s[1].limits.size() == 2 &&
                    s[1].limits[1].kind == LimitKind::voltage_above &&
                    s[1].limits[1].value == 3.5);
    check.near("1 mA/cm^2 charge = -10 A/m^2", s[2].current, -10, 1e-15);
    check.near("V>4100mV", s[2].limits[0].value, 4.1, 1e-15);
    check.near("C/10 discharge at 1C = 20 A/m^2 is 2 A/m^2",
               s[3].current,
               2,
               1e-15);
    check.near("C/10 is a C-rate of 0.1", s[3].c_rate, 0.1, 1e-15);
    check.near("CV 4200 mV", s[4].voltage, 4.2, 1e-15);
    check.near("|I| < 0.1 A/m2", s[4].limits[0].value, 0.1, 1e-15);
    check.near("t>1h", s[4].time_limit(), 3600, 0);
  }

  // Bad grammar: InvalidParameter naming the parameter, the step and the
  // grammar.
  {
    const std::vector<std::string> bad = {"CC discharge until V<3",
                                          "CC discharge 1 until V<3",
                                          "CC sideways 1C until V<3",
                                          "CC discharge -1C until V<3",
                                          "CV 3.0V until V<2.9",
                                          "CC discharge 1C until |I|<0.1C",
                                          "rest",
                                          "CC discharge 1C",
                                          "charge 1C until V>4",
                                          "CC discharge 1C until V<3 and t>10",
                                          "rest 10 parsecs",
                                          "CC discharge 1C until t<10",
                                          "rest until",
                                          "rest 0s",
                                          "CC discharge C/0 until V<3"};
    for (const std::string &b : bad)
      {
        const std::string m = parse_error("rest 10s; " + b);
        check.is_true("bad step '" + b + "' throws InvalidParameter",
                      m.find("'Cycling/Steps'") != std::string::npos &&
                        m.find("Expected") != std::string::npos,
                      m);
      }
    const std::string e = parse_error(" ; ; ");
    check.is_true("empty steps throw InvalidParameter",
                  e.find("'Cycling/Steps' is empty") != std::string::npos,
                  e);
    const std::string m = parse_error("rest 10s; CV 3.0V until V<2.9");
    check.is_true("message names step 2 and its text",
                  m.find("step 2 'CV 3.0V until V<2.9'") != std::string::npos,
                  m);
  }

  // C-rates need the 1C current density; the model may set it later.
  {
    CyclingProtocol p      = make_protocol(text, 1, 0);
    bool            thrown = false;
    try
      {
        p.current_step();
      }
    catch (const InvalidParameter &e)
      {
        thrown =
          std::string(e.what()).find("1C current density") != std::string::npos;
      }
    check.is_true("unconverted C-rate throws naming 1C current density",
                  thrown);
    p.set_one_c_current_density(4);
    check.near("1C set by the model: 1C = 4 A/m^2",
               p.current_step().current,
               4,
               0);
    check.near("0.05C limit = 0.2 A/m^2",
               p.steps()[1].limits[0].value,
               0.2,
               1e-15);
  }

  // Limit violation and crossing between two observations.
  {
    const CyclingProtocol p = make_protocol(text, 1, 10);
    CyclingObservables    a, b;
    a.voltage = 3.2;
    b.voltage = 2.9;
    check.near("violation before V<3: (3 - 3.2)/3",
               p.limit_violation(a),
               -0.2 / 3,
               1e-14);
    check.near("violation after V<3: (3 - 2.9)/3",
               p.limit_violation(b),
               0.1 / 3,
               1e-13);
    check.is_true("limit overshot at 2.9 V", p.limit_overshot(b));
    const LimitCrossing c = p.find_crossing(a, b);
    check.is_true("crossing found", c.crossed && c.limit == 0);
    check.near("crossing fraction 0.2/0.3", c.fraction, 2. / 3, 1e-14);
    b.voltage = 3.00005; // within the tolerance 1e-4 V
    check.is_true("3.00005 V: reached, not overshot",
                  p.limit_reached(b) && !p.limit_overshot(b));
    b.voltage = 3.001;
    check.is_true("3.001 V: not reached, no crossing",
                  !p.limit_reached(b) && !p.find_crossing(a, b).crossed);
  }

  // Time limit hit exactly; the first step after a switch is limited.
  {
    CyclingProtocol p = make_protocol("rest 1h", 1, 0);
    p.reset(250);
    check.near("first step of a step: maximum time step after switch",
               p.max_time_step(250),
               1,
               0);
    CyclingObservables obs;
    obs.time = 251;
    check.is_true("rest not done after 1 s", !p.advance_if_done(obs));
    check.near("remaining time to t>1h", p.max_time_step(251), 3599, 0);
    check.near("remaining time at 1000.25 s",
               p.max_time_step(1000.25),
               2849.75,
               0);
    obs.time = 251 + p.max_time_step(251);
    check.is_true("rest done at the time limit", p.advance_if_done(obs));
    check.is_true("protocol finished", p.finished());
    check.is_true("no time step limit when finished",
                  std::isinf(p.max_time_step(obs.time)));
  }

  // Drive the synthetic cell for two cycles with a nominal step of 7 s.
  {
    CyclingProtocol           p = make_protocol(text, 2, 10);
    std::vector<double>       switches, first_steps;
    std::vector<unsigned int> ending, cycle_after;
    double                    t          = 0;
    CyclingObservables        obs        = cell(p, t);
    unsigned int              n_rejected = 0, n_steps = 0;
    bool                      first = true;
    while (!p.finished() && n_steps < 100000)
      {
        double             dt   = std::min(7., p.max_time_step(t));
        CyclingObservables next = cell(p, t + dt);
        for (unsigned int k = 0; k < 30 && p.limit_overshot(next); ++k)
          {
            dt *= p.find_crossing(obs, next).fraction;
            next = cell(p, t + dt);
            ++n_rejected;
          }
        if (first)
          first_steps.push_back(dt);
        first = false;
        t     = t + dt;
        obs   = next;
        ++n_steps;
        if (p.advance_if_done(obs))
          {
            switches.push_back(t);
            ending.push_back(p.state().ending_limit);
            cycle_after.push_back(p.state().cycle);
            first = true;
            if (!p.finished())
              obs = cell(p, t);
          }
      }
    const std::vector<double> expected =
      {1000, 1950, 3750, 10950, 11950, 12900, 14700, 20700};
    check.near("number of step switches", switches.size(), 8, 0, 1);
    const char *names[4] = {"CC discharge (V<3)",
                            "CV (|I|<0.05C)",
                            "rest 1800s",
                            "CC charge"};
    for (unsigned int i = 0; i < std::min<std::size_t>(8, switches.size()); ++i)
      check.near("cycle " + std::to_string(i / 4 + 1) + ": end of " +
                   names[i % 4],
                 switches[i],
                 expected[i],
                 1e-10);
    check.is_true("cycle 1 charge ends by t>7200s, cycle 2 by V>4.2",
                  ending.size() == 8 && ending[3] == 1 && ending[7] == 0,
                  ending.size() == 8 ? std::to_string(ending[3]) + ", " +
                                         std::to_string(ending[7]) :
                                       "");
    check.is_true("cycle counter after each switch 0,0,0,1,1,1,1,2",
                  cycle_after ==
                    std::vector<unsigned int>({0, 0, 0, 1, 1, 1, 1, 2}));
    check.is_true("finished after two cycles", p.finished());
    bool first_ok = first_steps.size() == 8;
    for (const double dt : first_steps)
      first_ok = first_ok && dt <= 1;
    check.is_true("first time step of every step <= 1 s", first_ok);
    check.is_true("voltage and current limits needed shortened steps",
                  n_rejected > 0,
                  std::to_string(n_rejected) + " rejected of " +
                    std::to_string(n_steps));
  }

  return check.finish();
}
