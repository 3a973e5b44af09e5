"""Order of the time discretisation. A free sphere (octant, stress term off,
no surface flux) starts from the slowest Neumann eigenmode
c = c0 + A sin(k r)/(k r), k = 4.4934/R (tan(kR) = kR), which decays smoothly
as exp(-k^2 D t). With constant steps dt = T/5, T/10, T/20, T/40 the
differences of the final centre concentration between successive step sizes
cancel the (fixed) spatial error; their ratios give the observed order:
>= 1.8 for BDF2 and 0.9..1.2 for BDF1 between the two finest pairs. The decay
itself is checked against exp(-k^2 D T) to 2% (spatial error of the coarse mesh).
Case: tests/verification/time_order/eigenmode.prm (the driver sets the scheme
and the steps; R, D, c0, A, k below must match it)."""
import math
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
import common  # noqa: E402

args = common.parse_args()
check = common.Checks()
R, D, c0, A = 1e-6, 1e-14, 8000.0, 3000.0
k = 4.493409457909064 / R
T = 0.1 / (k * k * D)          # decays to exp(-0.1)


def run(scheme, n):
    out = common.run_file(args, "%s-%d" % (scheme, n), "verification/time_order/eigenmode.prm", f"""
subsection Time stepping
  set Scheme = {scheme}
  set End time = {T!r}
  set Initial time step = {T / n!r}
  set Maximum time step = {T / n!r}
end
""")
    rows = common.read_csv(os.path.join(out, "probes.csv"))
    return rows[0]["c"], rows[-1]["c"]


for scheme, low, high in (("bdf2", 1.8, 2.3), ("bdf1", 0.9, 1.2)):
    values = []
    for n in (5, 10, 20, 40):
        first, last = run(scheme, n)
        values.append(last)
    diffs = [abs(values[i] - values[i + 1]) for i in range(3)]
    rates = [math.log2(diffs[i] / diffs[i + 1]) for i in range(2)]
    print("%s: centre c at T = %s; observed orders %s" %
          (scheme, ", ".join("%.6f" % v for v in values), ", ".join("%.2f" % r for r in rates)))
    check.true("%s observed order in [%g, %g]" % (scheme, low, high), low <= rates[-1] <= high,
               "%.2f" % rates[-1])
    check.near("%s decay of the eigenmode vs exp(-k^2 D T)" % scheme,
               (values[-1] - c0) / (first - c0), math.exp(-k * k * D * T), 2e-2)
check.finish()
