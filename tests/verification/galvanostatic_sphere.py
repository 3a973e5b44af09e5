"""Galvanostatic lithiation of a free sphere (octant with symmetry planes,
R = 1 um, D = 1e-14 m^2/s, so R^2/D = 100 s; inward flux j with jR/D = 4000
mol/m^3), with independent references:

1. Stress term off: the long-time solution (doc/theory.md)
   c(r,t) = c0 + (jR/D) (3Dt/R^2 + r^2/(2R^2) - 3/10)
   (the first neglected mode decays as exp(-20.2 Dt/R^2): < 1e-4 at t >= 50 s).
   Profile error at t = 50 s and 100 s below 1% of jR/D.
2. Lithium conservation: total lithium = c0 V + j A t to 1e-9 relative
   (BDF2 integrates a linear-in-time content exactly).
3. Stress term on: a free sphere with the dilute model reduces to radial
   nonlinear diffusion J = -D (1 + theta c) grad c,
   theta = 2 Omega^2 E / (9 (1 - nu) R T); compared with a finite-volume
   solution of that 1D problem written here (400 cells, Crank-Nicolson).
   Surface and centre concentration errors below 1% of jR/D at all line-out
   times, while the coupling itself changes the surface excess by > 5%.
Cases: tests/verification/galvanostatic_sphere/{uncoupled,coupled}.prm (the
numbers below must match them)."""
import math
import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
import common  # noqa: E402

args = common.parse_args()
check = common.Checks()

R, D, c0, cmax = 1e-6, 1e-14, 2000.0, 22860.0
E, nu, Omega, T = 10e9, 0.3, 3.497e-6, 298.15
Rgas, F = 8.314462618, 96485.33212
j = 4000.0 * D / R                  # mol/m^2/s
i_density = j * F                   # A/m^2
theta = 2 * Omega**2 * E / (9 * (1 - nu) * Rgas * T)
scale = j * R / D


def long_time(r, t):
    return c0 + scale * (3 * D * t / R**2 + r * r / (2 * R**2) - 0.3)


# 1. uncoupled against the long-time closed form
out = common.run_file(args, "uncoupled", "verification/galvanostatic_sphere/uncoupled.prm")
for k, t in ((1, 50.0), (2, 100.0)):
    line = common.read_csv(os.path.join(out, "lineout-%03d.csv" % k))
    err = max(abs(p["c"] - long_time(p["x"], t)) for p in line) / scale
    check.near("uncoupled profile at t = %g s, max error / (jR/D)" % t, err, 0.0, 1e-2, 1.0)

# 2. conservation
stats = common.read_csv(os.path.join(out, "statistics.csv"))
V = math.pi * R**3 / 6
A = math.pi * R**2 / 2
volume_error = 0
for row in stats[1:]:
    exact_li = c0 * V + j * A * row["time"]
    volume_error = max(volume_error, abs(row["total_lithium"] - exact_li) / exact_li)
# The FE volume and area differ from the exact ball by the mapping error, so
# compare the content change with the FE's own inflow instead:
worst = max(abs(r["lithium_balance_error"]) * r["total_lithium"] /
            (r["total_lithium"] - stats[0]["total_lithium"]) for r in stats[1:])
check.near("lithium balance (inflow - content change) / content change", worst, 0.0, 1e-9, 1.0)
check.near("total lithium vs c0 V + j A t of the exact ball", volume_error, 0.0, 1e-3, 1.0)


# 3. coupled against an independent 1D nonlinear radial diffusion solve
def radial_1d(t_out, n=400, dt=0.05):
    edges = np.linspace(0, R, n + 1)
    r = 0.5 * (edges[1:] + edges[:-1])
    vol = (edges[1:] ** 3 - edges[:-1] ** 3) / 3
    area = edges ** 2
    dr = R / n
    c = np.full(n, c0)
    results = {}
    t = 0.0

    def rhs(c):
        cf = 0.5 * (c[1:] + c[:-1])
        flux = D * (1 + theta * cf) * (c[1:] - c[:-1]) / dr * area[1:-1]   # inflow to cell i from i+1
        dc = np.zeros(n)
        dc[:-1] += flux
        dc[1:] -= flux
        dc[-1] += j * area[-1]
        return dc / vol

    def jac(c):
        cf = 0.5 * (c[1:] + c[:-1])
        g = D * area[1:-1] / dr
        dflux_dleft = g * (-(1 + theta * cf) + 0.5 * theta * (c[1:] - c[:-1]))
        dflux_dright = g * ((1 + theta * cf) + 0.5 * theta * (c[1:] - c[:-1]))
        J = np.zeros((n, n))
        idx = np.arange(n - 1)
        J[idx, idx] += dflux_dleft
        J[idx, idx + 1] += dflux_dright
        J[idx + 1, idx] -= dflux_dleft
        J[idx + 1, idx + 1] -= dflux_dright
        return J / vol[:, None]

    targets = sorted(t_out)
    while targets:
        h = min(dt, targets[0] - t)
        f_old = rhs(c)
        cn = c.copy()
        for _ in range(20):   # Newton on Crank-Nicolson
            res = cn - c - 0.5 * h * (rhs(cn) + f_old)
            if np.max(np.abs(res)) < 1e-10 * c0:
                break
            cn -= np.linalg.solve(np.eye(n) - 0.5 * h * jac(cn), res)
        c, t = cn, t + h
        if abs(t - targets[0]) < 1e-12:
            # surface by quadratic extrapolation, centre likewise
            surf = c[-1] + (c[-1] - c[-2]) * 0.5 + 0.125 * (c[-1] - 2 * c[-2] + c[-3])
            centre = c[0] - (c[1] - c[0]) * 0.5 + 0.125 * (c[2] - 2 * c[1] + c[0])
            results[targets.pop(0)] = (r, c.copy(), surf, centre)
    return results


times = [25.0, 50.0, 100.0]
ref = radial_1d(times)
ref_uncoupled_surface = {t: long_time(R, t) for t in times}
out = common.run_file(args, "coupled", "verification/galvanostatic_sphere/coupled.prm")
for k, t in enumerate(times):
    line = common.read_csv(os.path.join(out, "lineout-%03d.csv" % k))
    surface_fe = line[-1]["c"]
    centre_fe = line[0]["c"]
    r1d, c1d, surf1d, centre1d = ref[t]
    print("t = %g s: surface c FE %.2f, 1D %.2f, uncoupled %.2f; centre FE %.2f, 1D %.2f" %
          (t, surface_fe, surf1d, ref_uncoupled_surface[t], centre_fe, centre1d))
    check.near("coupled surface c at t = %g s vs 1D nonlinear diffusion" % t,
               (surface_fe - surf1d) / scale, 0.0, 1e-2, 1.0)
    check.near("coupled centre c at t = %g s vs 1D nonlinear diffusion" % t,
               (centre_fe - centre1d) / scale, 0.0, 1e-2, 1.0)
    profile_err = max(abs(p["c"] - np.interp(p["x"], r1d, c1d)) for p in line[1:-1]) / scale
    check.near("coupled interior profile at t = %g s vs 1D" % t, profile_err, 0.0, 1e-2, 1.0)
effect = abs((ref[100.0][2] - ref[100.0][3]) - (long_time(R, 100) - long_time(0, 100))) / \
    (long_time(R, 100) - long_time(0, 100))
check.true("the coupling changes the surface-centre difference by > 5%", effect > 0.05,
           "%.1f%%" % (100 * effect))
check.finish()
