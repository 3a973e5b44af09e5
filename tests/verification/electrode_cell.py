"""System-level checks of the porous-electrode model (Model = electrode):

1. total lithium (particles + electrolyte + SEI, plus what the lithium-metal
   counter electrode delivers) is conserved in every step to 1e-10 of the
   total, in a half cell (CC, rest, CC) and a full cell (CC, rest, CC, CV);
2. charge balance: the reaction currents of the two electrodes cancel (and
   the counter electrode's current equals the working electrode's) to
   1e-9 of the 1C current density, the current of a CC step equals the
   imposed one and the voltage of a CV step the imposed one;
3. a 3D slab with laterally uniform properties gives the voltage curve of
   its 1D equivalent (mechanics included: lateral u.n = 0 makes the 3D
   strain uniaxial) to 1e-9 V;
4. the swelling law through the whole code path: with the fixed-volume
   kinematics and no SEI the mean porosity of the electrode equals the
   closed form eps_0 - eps_a beta (c_avg - c_ref) at every step;
5. convergence of the voltage curve under mesh refinement (Q1, fixed time
   steps): observed order >= 1.5 between successive refinements;
6. the gmsh slab meshes/half_cell_slab.msh gives the voltage curve of the
   built-in mesh with the same cells to 1e-9 V;
7. a protocol that asks more than the electrode holds (delithiation at 1C
   until V>5, a limit graphite never reaches) stops cleanly (exit 0) when
   the particle surface is empty (x_surf in (0, 1e-3]), with a message that
   names the electrode, the time and the limit; the mean stoichiometry at
   the stop obeys Faraday's law x_0 - t/3600 s (1C) to 1e-3;
8. consistent local tolerances: a CV hold at 0.1 V for one simulated day with
   reaction-limited SEI runs without a stall (at most 2 rejected steps; the
   inconsistent tolerances rejected 6,859 of 23,517) and conserves lithium
   per step to 1e-10.
Cases: tests/verification/electrode_cell/*.prm (half_cell.prm is the base of
the half-cell variants; the driver adds their overrides).
"""
import math
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
import common  # noqa: E402

args = common.parse_args()
check = common.Checks()

CASES = "verification/electrode_cell/"


def half_cell(name, overrides=""):
    """The half cell of half_cell.prm with @p overrides; its statistics."""
    out = common.run_file(args, name, CASES + "half_cell.prm", overrides)
    return common.read_csv(os.path.join(out, "statistics.csv"))


# 1, 2: conservation and charge balance
h = half_cell("half_1d")
f = common.read_csv(os.path.join(common.run_file(args, "full_3d", CASES + "full_cell.prm"), "statistics.csv"))
for label, rows in (("half cell", h), ("full cell", f)):
    worst = max(abs(r["lithium_balance_error"]) for r in rows)
    check.near("%s: max lithium balance error per step (%d steps)" % (label, len(rows) - 1),
               worst, 0.0, 1e-10, 1.0)
    worst = max(abs(r["charge_balance_error"]) for r in rows)
    check.near("%s: max charge imbalance / 1C current" % label, worst, 0.0, 1e-9, 1.0)
    steps_seen = sorted(set(int(r["step"]) for r in rows[1:]))
    check.true("%s: every protocol step ran" % label, len(steps_seen) >= 3,
               "steps %s" % steps_seen)
one_c = 96485.33212 * 0.75 * 33133.0 * 60e-6 / 3600  # graphite preset, 60 um
cc = [r for r in h[1:] if int(r["step"]) == 1]
check.near("half cell: CC current = 1C", max(abs(r["current"] - one_c) for r in cc),
           0.0, 1e-9, one_c)
cv = [r for r in f[1:] if int(r["step"]) == 4]
check.true("full cell: CV step ran", len(cv) > 0)
if cv:
    check.near("full cell: CV voltage = 4.0 V", max(abs(r["voltage"] - 4.0) for r in cv),
               0.0, 1e-9, 1.0)

# 3: 3D slab = 1D
h3 = half_cell("half_3d", "set Dimension = 3\n")
check.true("3D and 1D take the same steps", len(h3) == len(h), "%d vs %d rows" % (len(h3), len(h)))
if len(h3) == len(h):
    dv = max(abs(a["voltage"] - b["voltage"]) for a, b in zip(h, h3))
    dt = max(abs(a["time"] - b["time"]) for a, b in zip(h, h3))
    check.near("3D slab vs 1D: max voltage difference (V)", dv, 0.0, 1e-9, 1.0)
    check.near("3D slab vs 1D: max time difference (s)", dt, 0.0, 1e-9, 1.0)
    dp = max(abs(a["porosity_min"] - b["porosity_min"]) for a, b in zip(h, h3))
    check.near("3D slab vs 1D: max porosity difference", dp, 0.0, 1e-9, 1.0)

# 4: swelling law: eps = eps_0 - eps_a beta (c_avg - c_ref), graphite preset
s = half_cell("swelling", """
subsection Negative electrode
  set SEI growth = false
  subsection Pore structure
    set Kinematics = fixed volume
  end
end
""")
eps0, eps_a, beta, cmax, cref = 0.25, 0.75, 3.1e-6, 33133.0, 6000.0
worst = max(abs(r["porosity_mean"] - (eps0 - eps_a * beta * (r["soc"] * cmax - cref)))
            for r in s)
check.near("fixed-volume swelling: mean porosity vs closed form", worst, 0.0, 1e-10, 1.0)
drop = s[0]["porosity_mean"] - min(r["porosity_mean"] for r in s)
check.true("swelling closes pores during lithiation", drop > 1e-3, "drop %.4g" % drop)

# 5: refinement, fixed time steps of 10 s, CC lithiation for 300 s
refine = """
subsection Electrode geometry
  set Negative electrode cells = %d
  set Separator cells = %d
end
subsection Cycling
  set Steps = CC discharge 1C until t>300s
end
subsection Time stepping
  set Adaptive = false
  set Initial time step = 10
end
"""
volts = []
for k, (nn, ns) in enumerate(((3, 1), (6, 2), (12, 4), (24, 8))):
    rows = half_cell("refine_%d" % k, refine % (nn, ns))
    volts.append([r["voltage"] for r in rows])
n = min(len(v) for v in volts)
err = [max(abs(a - b) for a, b in zip(v[:n], volts[-1][:n])) for v in volts[:-1]]
print("voltage differences to the finest mesh (V):", err)
for k in range(len(err) - 1):
    # against the finest solution the last difference is underestimated by
    # 1/(2^p - 1); judge the first two ratios
    if k + 1 < len(err) - 0:
        order = math.log(err[k] / err[k + 1], 2)
        if k + 1 < len(err) - 1:
            check.true("refinement %d -> %d: observed order %.2f >= 1.5" % (k, k + 1, order),
                       order >= 1.5)
check.true("voltage converges under refinement", err[-1] < err[0] / 10,
           "errors %s" % err)
# 6: gmsh mesh = built-in mesh with the same layout (7 + 3 cells, 2 x 2)
g = common.read_csv(os.path.join(common.run_file(args, "gmsh", CASES + "gmsh_slab.prm"), "statistics.csv"))
b = common.read_csv(os.path.join(common.run_file(args, "built_in", CASES + "built_in_slab.prm"),
                                 "statistics.csv"))
check.true("gmsh and built-in mesh take the same steps", len(g) == len(b))
if len(g) == len(b):
    check.near("gmsh vs built-in mesh: max voltage difference (V)",
               max(abs(x["voltage"] - y["voltage"]) for x, y in zip(g, b)), 0.0, 1e-9, 1.0)
# 7: an electrode emptied by the protocol stops the run cleanly
out, res = common.run_file(args, "empty", CASES + "half_cell.prm", """
subsection Cycling
  set Steps = CC charge 1C until V>5
end
""", result=True)
e = common.read_csv(os.path.join(out, "statistics.csv"))[-1]
with open(os.path.join(out, "status.txt")) as f:
    status = f.read()
check.true("emptied electrode: exit code 0", res.returncode == 0, "exit %d" % res.returncode)
check.true("emptied electrode: status names the electrode, the limit and the time",
           status.startswith("completed: the Negative electrode is empty") and "V>5V" in status
           and ("t = %g s" % e["time"])[:8] in status, status)
check.true("emptied electrode: surface stoichiometry in (0, 1e-3]",
           0 < e["surface_x_min"] <= 1e-3, "%g" % e["surface_x_min"])
check.near("emptied electrode: mean stoichiometry = 0.2 - t/3600 s (Faraday)",
           e["soc"], 0.2 - e["time"] / 3600, 1e-3, 1.0)
# 8: CV hold with reaction-limited SEI: no stall of the local updates (the
# steps follow the stoichiometry rule, so that every rejection would be one of
# a failed solve or an overshot limit, not of the error control)
out, res = common.run_file(args, "cv_hold", CASES + "half_cell.prm", """
subsection Negative electrode
  subsection SEI
    set Growth model = reaction limited
  end
end
subsection Cycling
  set Steps = CC discharge 1C until V<0.1; CV 0.1V until t>86400s
end
subsection Time stepping
  subsection Error control
    set Enabled = false
  end
end
""", result=True)
import re  # noqa: E402
m = re.search(r"after (\d+) steps \((\d+) rejected\)", res.stdout)
check.true("CV hold: summary line", m is not None)
if m:
    check.true("CV hold for a day: at most 2 rejected steps",
               int(m.group(2)) <= 2, "%s steps, %s rejected" % (m.group(1), m.group(2)))
cv = common.read_csv(os.path.join(out, "statistics.csv"))
check.true("CV hold reached one day", cv[-1]["time"] >= 86400, "t = %g" % cv[-1]["time"])
check.near("CV hold: worst lithium balance error per step",
           max(abs(r["lithium_balance_error"]) for r in cv), 0.0, 1e-10, 1.0)
check.finish()
