"""End to end, electrode model: a protocol written as a PyBaMM experiment
runs exactly as its native equivalent. Cases (tests/e2e/pybamm_experiment/):
native.prm (CC discharge, rest, CC charge, CV, rest; 2 cycles, native
grammar) and pybamm.prm (the same as a Python list of PyBaMM strings
"[(...)] * 2", a current in mA over 'Cycling/Electrode area').

1. statistics.csv and cycles.csv of the two runs have the same rows, and
   every column agrees to 1e-12 of its largest magnitude (the per-step
   balance errors, round-off by nature, to 1e-12 absolutely);
2. pybamm.prm with its rest written "Rest for 2 minutes (10 second period)"
   ("period"): every time step of that step is <= 10 s, while native.prm's
   rest takes longer ones (so the period is what limits them)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
import common  # noqa: E402

args = common.parse_args()
check = common.Checks()

native = common.run_file(args, "native", "e2e/pybamm_experiment/native.prm", np=1)
pybamm = common.run_file(args, "pybamm", "e2e/pybamm_experiment/pybamm.prm", np=1)

for name in ("statistics.csv", "cycles.csv"):
    a = common.read_csv(os.path.join(native, name))
    b = common.read_csv(os.path.join(pybamm, name))
    check.true("%s: same number of rows" % name, len(a) == len(b) and len(a) > 0,
               "%d vs %d" % (len(a), len(b)))
    worst, where = 0.0, "none"
    for k in a[0]:
        scale = 1.0 if k.endswith("_error") else (max(abs(r[k]) for r in a) or 1.0)
        for i, (x, y) in enumerate(zip(a, b)):
            d = abs(x[k] - y[k]) / scale
            if d > worst:
                worst, where = d, "%s, row %d" % (k, i)
    check.near("%s: largest relative difference, native vs PyBaMM (%s)" % (name, where),
               worst, 0.0, 1e-12, 1.0)

rows = common.read_csv(os.path.join(native, "statistics.csv"))
check.true("native run: both cycles and all 5 steps ran",
           {(int(r["cycle"]), int(r["step"])) for r in rows}
           == {(c, s) for c in (1, 2) for s in range(1, 6)})

steps = ('[("Discharge at 1C for 5 minutes or until 5 mV", '
         '"Rest for 2 minutes (10 second period)", '
         '"Charge at 15 mA for 2 minutes or until 1.2 V", '
         '"Hold at 0.2 V for 1 minute or until C/20", "Rest for 1 minute")] * 2')
period = common.run_file(args, "period", "e2e/pybamm_experiment/pybamm.prm",
                         "\nsubsection Cycling\n  set Steps = %s\nend\n" % steps, np=1)
rest = [r["dt"] for r in common.read_csv(os.path.join(period, "statistics.csv"))
        if int(r["step"]) == 2]
native_rest = [r["dt"] for r in rows if int(r["step"]) == 2]
check.true("native rest has time steps > 10 s", max(native_rest) > 10,
           "largest %g s" % max(native_rest))
check.true("'(10 second period)': every time step of the rest <= 10 s",
           len(rest) > 0 and max(rest) <= 10 * (1 + 1e-12), "largest %g s" % max(rest))
check.finish()
