"""Rejected steps roll back: a galvanostatic run whose first steps are far too
large for the 'Target stoichiometry change' must reject them (the terminal
says so), and the accepted history must still hold exactly the lithium that
entered: mean x = x0 + 3 j t / (R c_max) for a sphere octant of the exact
volume/area ratio of the mesh (checked against the run's own inflow to 1e-9),
and the final profile must agree with a run that never rejects a step
(tolerance 1% of the surface-centre difference).
Case: tests/verification/step_rejection/large_first_step.prm ("small" adds
'Initial time step = 0.05')."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
import common  # noqa: E402

args = common.parse_args()
check = common.Checks()


case = "verification/step_rejection/large_first_step.prm"
out_big, r = common.run_file(args, "big", case, expect_ok=False, progress=True, result=True)
n_rejected = r.stdout.count("step rejected")
check.true("large first steps are rejected", r.returncode == 0 and n_rejected > 0,
           "%d rejected" % n_rejected)
out_small = common.run_file(args, "small", case,
                            "subsection Time stepping\n  set Initial time step = 0.05\nend\n")

big = common.read_csv(os.path.join(out_big, "statistics.csv"))
small = common.read_csv(os.path.join(out_small, "statistics.csv"))
worst = max(abs(row["lithium_balance_error"]) * row["total_lithium"] /
            (row["total_lithium"] - big[0]["total_lithium"]) for row in big[1:])
check.near("after rejections: lithium balance / content change", worst, 0.0, 1e-9, 1.0)
check.near("final mean x equals the run without rejections", big[-1]["mean_x"], small[-1]["mean_x"], 1e-10)
lb = common.read_csv(os.path.join(out_big, "lineout-000.csv"))
ls = common.read_csv(os.path.join(out_small, "lineout-000.csv"))
spread = ls[-1]["c"] - ls[0]["c"]
err = max(abs(a["c"] - b["c"]) for a, b in zip(lb, ls)) / spread
check.near("final profile vs the run without rejections (/ surface-centre difference)", err, 0.0, 1e-2, 1.0)
check.finish()
