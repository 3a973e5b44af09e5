// Unit tests of the estimate of the time left: ProgressEstimator (rate of
// progress over a trailing window) on synthetic runs whose remaining cost is
// known in closed form, and ProtocolProgress (duration-weighted fraction of a
// cycling protocol) on protocols whose step durations are known.
#include <chemomech/physics/electrode/cycling_protocol.h>
#include <chemomech/physics/electrode/protocol_progress.h>
#include <chemomech/simulator/progress_estimator.h>

#include <deal.II/base/mpi.h>
#include <deal.II/base/parameter_handler.h>

#include <cmath>
#include <string>

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
      "\n set 1C current density = " + std::to_string(one_c) + "\nend\n");
    CyclingProtocol p;
    p.parse_parameters(prm);
    return p;
  }



  void
  check_estimator(chemomech_test::Checks &check)
  {
    // 1. Constant pace: f = c / 100 from c = 10 (set-up excluded). The cost
    // left at c is 100 - c exactly.
    {
      ProgressEstimator e;
      check.is_true("no estimate before a sample", e.remaining() < 0);
      e.start(10, 0.1);
      check.is_true("no estimate without progress", e.remaining() < 0);
      for (int c = 11; c <= 60; ++c)
        e.add_sample(c, c / 100.0);
      check.near("constant pace: cost left at c = 60",
                 e.remaining(),
                 40,
                 1e-12);
      check.near("cost spent since start", e.spent(), 50, 1e-12);
    }
    // 2. A change of pace: f grows by 1e-2 per unit cost up to f = 0.2, then
    // by 1e-3 (every step got 10x dearer). At c = 20 + 400 (f = 0.6) the true
    // cost left is 0.4 / 1e-3 = 400. The trailing window (last half of the
    // 420 spent: c in [210, 420]) sees only the new pace: exact; a window
    // over the whole run would say 0.4 * 420 / 0.6 = 280.
    {
      ProgressEstimator trailing(0.5), whole(1.0);
      trailing.start(0, 0);
      whole.start(0, 0);
      for (int c = 1; c <= 420; ++c)
        {
          const double f = (c <= 20) ? 1e-2 * c : 0.2 + 1e-3 * (c - 20);
          trailing.add_sample(c, f);
          whole.add_sample(c, f);
        }
      check.near("change of pace: trailing window",
                 trailing.remaining(),
                 400,
                 1e-9);
      check.near("change of pace: whole run", whole.remaining(), 280, 1e-9);
    }
    // 3. Done: nothing left.
    {
      ProgressEstimator e;
      e.start(0, 0);
      e.add_sample(5, 1.0);
      check.near("finished run: nothing left", e.remaining(), 0, 0, 1);
    }
  }



  void
  check_protocol_progress(chemomech_test::Checks &check)
  {
    // One cycle: CC discharge at 1C (expected 3600 s), rest 600 s, CV
    // (expected 1800 s), rest until V > 4 (expected 600 s): total 6600 s.
    CyclingProtocol p = make_protocol(
      "CC discharge 1C until V<3.0; rest 600s; CV 4.2V until |I|<C/20; "
      "rest until V>4.0",
      2,
      10.0);
    ProtocolProgress progress;
    check.near("expected duration of a 1C step",
               progress.expected_duration(p, 0),
               3600,
               1e-12);
    check.near("expected duration of a timed rest",
               progress.expected_duration(p, 1),
               600,
               1e-12);
    check.near("expected duration of a CV step",
               progress.expected_duration(p, 2),
               1800,
               1e-12);
    const double total = 3600 + 600 + 1800 + 600;
    check.near("fraction at 1800 s into the first step",
               progress.fraction(p, 1800),
               1800 / total / 2,
               1e-12);
    // The first step runs longer than expected: capped at 95 % of a stretched
    // estimate, never past the step's share.
    const double late = progress.fraction(p, 5000);
    check.is_true("a long step stays below its end",
                  late < (5000 / 0.95) / (total - 3600 + 5000 / 0.95) / 2 +
                           1e-12 &&
                    late > 1800 / total / 2);
    // The step ended after 3000 s: measured from now on.
    CyclingObservables obs{3000, 2.99, 10.0};
    p.advance_if_done(obs);
    progress.step_finished(0, 3000);
    check.is_true("switched to step 2", p.state().step == 1);
    const double measured_total = 3000 + 600 + 1800 + 600;
    check.near("fraction 300 s into the rest",
               progress.fraction(p, 3300),
               3300 / measured_total / 2,
               1e-12);

    // Every step has run with its cost (time steps): 40, 10, 30, 20 = 100.
    // The weights are the costs now; 300 s into the 600 s rest (step 2 of
    // cycle 1) the fraction is (40 + 10/2) / 100 / 2.
    ProtocolProgress costs;
    costs.step_finished(0, 3000, 40);
    costs.step_finished(1, 600, 10);
    costs.step_finished(2, 1500, 30);
    // The fourth step (a rest of expected 600 s) has not run: weighted by
    // the cost per second of the rests that have, 10/600, i.e. 10.
    check.near("three of four costs known: the fourth by its kind's cost rate",
               costs.fraction(p, 3300),
               (40 + 10 * 0.5) / (40.0 + 10 + 30 + 10) / 2,
               1e-12);
    // Without a rest measured, the rate of all steps that ran:
    // (40 + 30) / (3000 + 1500) per second, times 600 s for each rest.
    ProtocolProgress no_rest;
    no_rest.step_finished(0, 3000, 40);
    no_rest.step_finished(2, 1500, 30);
    const double rest_weight = 600 * 70.0 / 4500;
    check.near("a kind not yet run: the cost rate of all steps that ran",
               no_rest.fraction(p, 3300),
               (40 + rest_weight * 0.5) / (40 + 2 * rest_weight + 30) / 2,
               1e-12);
    costs.step_finished(3, 600, 20);
    check.near("all costs known: weighted by cost",
               costs.fraction(p, 3300),
               (40 + 10 * 0.5) / 100.0 / 2,
               1e-12);
  }
} // namespace



int
main(int argc, char **argv)
{
  Utilities::MPI::MPI_InitFinalize mpi(argc, argv, 1);
  chemomech_test::Checks           check;
  check_estimator(check);
  check_protocol_progress(check);
  return check.finish();
}
