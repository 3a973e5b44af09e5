"""Robustness at the ends of the stoichiometry range: a 2D particle with the
lattice-gas chemical potential and the stress term on, its surface held at
x = 0.999 (filling from x = 0.5) and at x = 0.001 (emptying from x = 0.5).
The run must complete, every sampled concentration must be finite and stay in
[0, c_max] (lumped storage term: no over- or undershoot beyond 1e-9 c_max),
and the mean stoichiometry must move monotonically towards the surface value.
Cases: tests/verification/concentration_bounds/{filling,emptying}.prm."""
import math
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
import common  # noqa: E402

args = common.parse_args()
check = common.Checks()
cmax = 22860.0
for name, xs in (("filling", 0.999), ("emptying", 0.001)):
    out = common.run_file(args, name, "verification/concentration_bounds/%s.prm" % name)
    status = open(os.path.join(out, "status.txt")).read().strip()
    check.true("%s: run completed" % name, status.startswith("completed"), status)
    values = []
    for k in range(3):
        values += [p["c"] for p in common.read_csv(os.path.join(out, "lineout-%03d.csv" % k))]
    finite = all(math.isfinite(v) for v in values)
    check.true("%s: all sampled c finite" % name, finite)
    check.near("%s: min c / c_max >= 0" % name, min(0.0, min(values) / cmax), 0.0, 1e-9, 1.0)
    check.near("%s: max c / c_max <= 1" % name, max(1.0, max(values) / cmax), 1.0, 1e-9, 1.0)
    mean = [r["mean_x"] for r in common.read_csv(os.path.join(out, "statistics.csv"))]
    sign = 1 if xs > 0.5 else -1
    check.true("%s: mean x moves monotonically towards %g" % (name, xs),
               all(sign * (b - a) >= -1e-12 for a, b in zip(mean, mean[1:])),
               "%.4f -> %.4f" % (mean[0], mean[-1]))
check.finish()
