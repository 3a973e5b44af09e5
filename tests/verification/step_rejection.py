"""Rejected steps roll back: a galvanostatic run whose first steps are far too
large for the 'Target stoichiometry change' must reject them (the terminal
says so), and the accepted history must still hold exactly the lithium that
entered: mean x = x0 + 3 j t / (R c_max) for a sphere octant of the exact
volume/area ratio of the mesh (checked against the run's own inflow to 1e-9),
and the final profile must agree with a run that never rejects a step
(tolerance 1% of the surface-centre difference)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
import common  # noqa: E402

args = common.parse_args()
check = common.Checks()


def prm(initial_step):
    return f"""
set Dimension = 3
subsection Geometry
  set Shape = sphere octant
  set Radius = 1e-6
  set Global refinements = 1
end
subsection Material
  set Diffusivity = 1e-14
end
subsection Surface
  set C-rate = 20
end
subsection Time stepping
  set End time = 40
  set Initial time step = {initial_step}
  set Maximum time step = 40
  set Target stoichiometry change = 0.01
end
subsection Output
  set Write VTU = false
  set Progress = true
  set Line-out start = 0,0,0
  set Line-out end = 1e-6,0,0
  set Line-out points = 11
  set Line-out times = 40
end
"""


import subprocess  # noqa: E402
out_big = os.path.join(args.workdir, "big")
with open(out_big + ".prm", "w") as f:
    f.write(prm(20.0) + "subsection Output\n set Directory = %s\nend\n" % out_big)
r = subprocess.run([args.chemomech, out_big + ".prm"], stdout=subprocess.PIPE, text=True)
n_rejected = r.stdout.count("step rejected")
check.true("large first steps are rejected", r.returncode == 0 and n_rejected > 0,
           "%d rejected" % n_rejected)
out_small = common.run(args, "small", prm(0.05))

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
