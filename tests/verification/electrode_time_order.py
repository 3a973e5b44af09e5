"""Time discretisation of the electrode model (BDF2 in history form,
BdfFormula; error-controlled steps).

1. Order: the 1D aging cell (graphite with SEI | NMC811) discharged at 1C
   for 1200 s, then held at 3.5 V for 1200 s (the current relaxes), on
   constant steps of 1200/n s (n = 10, 20, 40, 80). The differences of the
   final current, SEI lithium, mean SEI thickness and mean negative porosity
   between successive step sizes cancel the fixed spatial error; their
   ratios give the observed order between the two finest pairs: in
   [1.8, 2.4] for BDF2 and [0.85, 1.2] for BDF1. The lithium balance of
   every step holds to 1e-10 with both schemes.
2. Accuracy of the defaults: 2 cycles of prm/full_cell_aging.prm in 1D with
   the shipped settings (BDF2, error control) against a tight run (BDF2,
   steps limited to a tenth of the example's before error control, no error
   control; its own error is about 1/100 of that of BDF2 at the example's
   steps): capacity retention, lithium lost, final mean porosity and mean
   SEI thickness within 0.1 %, the last discharge's voltage within 1 mV (in
   discharged capacity), every step's lithium balance within 1e-10.
"""
import math
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
import common  # noqa: E402

args = common.parse_args()
check = common.Checks()
CASE = "verification/electrode_time_order/cell.prm"
PROTOCOL = "Discharge at 1C for 1200 s; Hold at 3.5 V for 1200 s"


def constant_steps(scheme, n):
    dt = 1200.0 / n
    out = common.run_file(args, "%s-%d" % (scheme, n), CASE, f"""
subsection Cycling
  set Steps = {PROTOCOL}
  set Maximum time step after switch = {dt!r}
end
subsection Time stepping
  set Scheme = {scheme}
  set Adaptive = false
  set Initial time step = {dt!r}
  set Maximum time step = {dt!r}
end
""")
    rows = common.read_csv(os.path.join(out, "statistics.csv"))
    return rows


QUANTITIES = ("current", "lithium_sei", "sei_thickness_mean", "porosity_mean_negative")
for scheme, low, high in (("bdf2", 1.8, 2.4), ("bdf1", 0.85, 1.2)):
    finals = []
    for n in (10, 20, 40, 80):
        rows = constant_steps(scheme, n)
        check.near("%s, n = %d: ends at 2400 s" % (scheme, n), rows[-1]["time"], 2400, 1e-9)
        check.true("%s, n = %d: lithium balance of every step within 1e-10" % (scheme, n),
                   max(abs(r["lithium_balance_error"]) for r in rows) <= 1e-10)
        finals.append(rows[-1])
    for q in QUANTITIES:
        v = [f[q] for f in finals]
        d = [abs(v[i] - v[i + 1]) for i in range(3)]
        rates = [math.log2(d[i] / d[i + 1]) for i in range(2)]
        print("%s %s: %s; observed orders %s" % (scheme, q, ", ".join("%.10g" % x for x in v),
                                                 ", ".join("%.2f" % r for r in rates)))
        check.true("%s: observed order of the final %s in [%g, %g]" % (scheme, q, low, high),
                   low <= rates[-1] <= high, "%.2f" % rates[-1])

TIGHT = """
subsection Cycling
  set Number of cycles = 2
  set Maximum time step after switch = 0.1
end
subsection Time stepping
  set Scheme                      = bdf2
  set Initial time step           = 0.1
  set Maximum time step           = 12
  set Target stoichiometry change = 0.002
  subsection Error control
    set Enabled = false
  end
end
"""
reference = common.run_file(args, "tight", CASE, TIGHT)
shipped = common.run_file(args, "shipped", CASE, """
subsection Cycling
  set Number of cycles = 2
end
""")
cyc = common.read_csv(os.path.join(shipped, "cycles.csv"))
cyc_ref = common.read_csv(os.path.join(reference, "cycles.csv"))
st = common.read_csv(os.path.join(shipped, "statistics.csv"))
st_ref = common.read_csv(os.path.join(reference, "statistics.csv"))
for name, value, ref in (
        ("capacity retention", cyc[-1]["capacity_retention"], cyc_ref[-1]["capacity_retention"]),
        ("lithium lost", cyc[-1]["lithium_lost"], cyc_ref[-1]["lithium_lost"]),
        ("final mean porosity", st[-1]["porosity_mean"], st_ref[-1]["porosity_mean"]),
        ("final mean SEI thickness", st[-1]["sei_thickness_mean"], st_ref[-1]["sei_thickness_mean"])):
    check.near("shipped settings vs tight run: %s" % name, value, ref, 1e-3)


def last_discharge(rows):
    last = max(r["cycle"] for r in rows)
    return [(r["discharge_capacity"], r["voltage"]) for r in rows
            if r["cycle"] == last and r["step"] == 1]


def interpolate(curve, q):
    for (q0, v0), (q1, v1) in zip(curve, curve[1:]):
        if q0 <= q <= q1 and q1 > q0:
            return v0 + (v1 - v0) * (q - q0) / (q1 - q0)
    return None


ref_curve = last_discharge(st_ref)
diffs = [abs(v - interpolate(ref_curve, q)) for q, v in last_discharge(st)
         if interpolate(ref_curve, q) is not None]
check.true("last discharge compared at >= 20 points", len(diffs) >= 20, "%d" % len(diffs))
check.near("shipped settings vs tight run: largest voltage difference over the last "
           "discharge (V)", max(diffs), 0, 1e-3, scale=1)
for label, rows in (("shipped", st), ("tight", st_ref)):
    check.true("%s: lithium balance of every step within 1e-10" % label,
               max(abs(r["lithium_balance_error"]) for r in rows) <= 1e-10)
print("steps: shipped %d, tight %d" % (len(st), len(st_ref)))
check.finish()
