"""The electrode model's representative particle against the 3D particle model.

Same graphite-like material in both (R = 5.86 um, c_max = 33133 mol/m^3,
D = 3.3e-14 m^2/s, E = 15 GPa, nu = 0.3, Omega = Omega_mu = 3.1e-6 m^3/mol,
dilute mu0), stress-enhanced diffusion on in both:

- 3D: chemomech on a free sphere octant (2 global refinements, BDF2), cases
  tests/verification/representative_particle/{galvanostatic,butler_volmer}.prm;
  statistics.csv gives surface_x_mean, centre_x and surface_sigma_h_mean (the
  mean over the surface of the law's sigma_h, tension positive).
- Representative particle: test_representative_particle_driver
  (tests/verification/representative_particle_driver.cc): the resolved
  RepresentativeParticle at its default number of shells (20), BDF2, dt = 1 s,
  with StressEnhancedDiffusivity and ParticleSurfaceStress,
  sigma_h,surf = 2 E Omega (c_avg - c_surf) / (9 (1 - nu)).

1. galvanostatic: 1C lithiation (j = c_max R / (3 * 3600 s)) from x0 = 0.1 for
   2700 s.
2. butler-volmer: phi_s - phi_e = 0.08 V, c_e = 1000 mol/m^3, the graphite
   preset's kinetics and OCP, from x0 = 0.3 for 2700 s, with the stress-shifted
   equilibrium potential U + Omega_mu sigma_h,surf / F in both (3D: Surface/
   Stress in equilibrium potential; representative particle: ElectrodePointUpdate
   with stress_shifted_potential = true, no SEI, no macroscopic stress).

Asserted at t = 300, 900, 1500, 2100, 2700 s: surface stoichiometry and centre
stoichiometry within 0.5 % of the representative particle's value, the mean
stoichiometry at the end within 0.5 %, and the surface sigma_h within
SIGMA_TOL = 1.5 % of the range of the representative particle's surface
sigma_h over the run (max |sigma_h,surf|). Butler-Volmer: the 3D mean x at
t >= 900 s at least twice as close to the shifted representative particle as to
an unshifted one (the shift itself is below the 0.5 %).

The surface sigma_h does NOT meet 0.5 % on this mesh: the 3D model's
|sigma_h,surf| is 0.9-1.1 % (of the range) below the representative
particle's (galvanostatic). Measured: (a) the representative particle at
its default 20 shells overestimates |sigma_h,surf| by 0.26 % of the range
against 320 shells (which agree with 80 shells to 0.02 %; dt = 1 s and
0.25 s agree to 1e-6); (b) the 3D model at 2 refinements lies 0.7-0.8 %
below that converged 1D value, mostly in c_surf - c_avg (Q1 concentration):
3 refinements (58,885 unknowns, 540 s) bring it to 0.16-0.23 % of the
converged 1D value and to 0.38-0.47 % of the 20-shell particle, within
0.5 % (doc/electrode-model.md section 14); (c) the time step of the 3D run
(at most 30 s or 10 s) changes it by < 0.01 %. The two errors have opposite
signs and add up. The 3D run on 2 refinements takes about 50 s.
"""
import os
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
import common  # noqa: E402

TOL = 5e-3          # stoichiometries: relative to the value
SIGMA_TOL = 1.5e-2  # surface sigma_h: relative to its range (see above)
TIMES = [300.0, 900.0, 1500.0, 2100.0, 2700.0]
CASES = "verification/representative_particle/"
F = 96485.33212


def add_driver(p):
    p.add_argument("--driver", required=True, help="test_representative_particle_driver")
    p.add_argument("--refinements", type=int, default=2,
                   help="global refinements of the 3D octant (3: the 'long' variant)")
    p.add_argument("--sigma-tol", type=float, default=SIGMA_TOL,
                   help="tolerance of surface sigma_h, relative to its range")


args = common.parse_args(add_driver)
SIGMA_TOL = args.sigma_tol
REFINE = "subsection Geometry\n  set Global refinements = %d\nend\n" % args.refinements
check = common.Checks()


def prm_values(*paths):
    """'set Key = value' of the case files (later files override)."""
    values = {}
    for path in paths:
        with open(common.case_path(path)) as f:
            for line in f:
                s = line.split("#")[0].strip()
                if s.startswith("set ") and "=" in s:
                    key, value = s[4:].split("=", 1)
                    values[key.strip()] = value.strip()
    return values


def run_driver(name, **kw):
    out = os.path.join(args.workdir, name + ".csv")
    cmd = [args.driver, "out=" + out] + ["%s=%s" % (k, v) for k, v in kw.items()]
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if r.returncode != 0:
        print(r.stdout)
        raise SystemExit("driver failed: %s" % " ".join(cmd))
    print(r.stdout.strip())
    return {round(row["time"], 6): row for row in common.read_csv(out)}


def at(rows, t):
    """The 3D statistics row at time t (line-out times are hit exactly)."""
    best = min(rows, key=lambda r: abs(r["time"] - t))
    if abs(best["time"] - t) > 1e-6 * t:
        raise SystemExit("no statistics row at t = %g s" % t)
    return best


def compare(label, stats, rp):
    sigma_range = max(abs(r["surface_sigma_h"]) for r in rp.values())
    print("%s: sigma_h range of the representative particle %.4g MPa" % (label, sigma_range / 1e6))
    print("   t/s   x_surf 3D   x_surf RP   err%   x_centre 3D  x_centre RP  err%"
          "   sigma_h 3D/MPa  RP/MPa  err% of range")
    for t in TIMES:
        s, r = at(stats, t), rp[round(t, 6)]
        e_surf = (s["surface_x_mean"] - r["surface_x"]) / r["surface_x"]
        e_centre = (s["centre_x"] - r["centre_x"]) / r["centre_x"]
        e_sigma = (s["surface_sigma_h_mean"] - r["surface_sigma_h"]) / sigma_range
        print("%6g  %10.6f  %10.6f  %+6.3f  %10.6f  %10.6f  %+6.3f   %9.4f  %9.4f  %+6.3f" %
              (t, s["surface_x_mean"], r["surface_x"], 100 * e_surf, s["centre_x"], r["centre_x"],
               100 * e_centre, s["surface_sigma_h_mean"] / 1e6, r["surface_sigma_h"] / 1e6,
               100 * e_sigma))
        check.near("%s: surface x at t = %g s (relative to the value)" % (label, t),
                   e_surf, 0.0, TOL, 1.0)
        check.near("%s: centre x at t = %g s (relative to the value)" % (label, t),
                   e_centre, 0.0, TOL, 1.0)
        check.near("%s: surface sigma_h at t = %g s (relative to its range)" % (label, t),
                   e_sigma, 0.0, SIGMA_TOL, 1.0)
    s, r = at(stats, TIMES[-1]), rp[round(TIMES[-1], 6)]
    check.near("%s: mean x at the end" % label, s["mean_x"], r["mean_x"], TOL)


# Material and kinetics from the case files, so that both sides see the same.
g = prm_values(CASES + "galvanostatic.prm")
b = prm_values(CASES + "galvanostatic.prm", CASES + "butler_volmer.prm")
cmax = float(g["Maximum concentration"])
material = dict(R=g["Radius"], cmax=g["Maximum concentration"], D=g["Diffusivity"],
                E=g["Young's modulus"], nu=g["Poisson's ratio"], Omega=g["Partial molar volume"],
                Omega_mu=g["Partial molar volume"], T=g["Temperature"], dt=1,
                end=g["End time"])
assert g["Chemical potential coupling volume"] == "same" and g["Chemical potential model"] == "dilute"

# 1. galvanostatic
j = float(g["Current density"]) / F
rp = run_driver("rp_galvanostatic", mode="galvanostatic", j=repr(j),
                x0=float(g["Initial concentration"]) / cmax, **material)
out = common.run_file(args, "galvanostatic", CASES + "galvanostatic.prm", REFINE)
compare("galvanostatic 1C", common.read_csv(os.path.join(out, "statistics.csv")), rp)

# 2. Butler-Volmer with the stress-shifted equilibrium potential
bv = dict(mode="butler-volmer", dphi=b["Applied potential"], ce=b["Electrolyte concentration"],
          k=b["Rate constant"], ocp=b["OCP expression"],
          x0=float(b["Initial concentration"]) / cmax)
assert b["Stress in equilibrium potential"] == "true"
rp = run_driver("rp_butler_volmer", shifted=1, **bv, **material)
rp_unshifted = run_driver("rp_butler_volmer_unshifted", shifted=0, **bv, **material)
out = common.run_file(args, "butler_volmer", CASES + "butler_volmer.prm", REFINE)
stats = common.read_csv(os.path.join(out, "statistics.csv"))
compare("Butler-Volmer, stress-shifted U", stats, rp)
# The shift changes the representative particle's mean x by only 1.4e-4 to
# 5.9e-4 (a shift of 0.04-0.14 mV): below the 0.5 % of the comparison. Whether the
# 3D model sees it: from t = 900 s on its mean x must lie at least twice as
# close to the shifted representative particle as to the unshifted one.
for t in TIMES[1:]:
    x3d, key = at(stats, t)["mean_x"], round(t, 6)
    d_shifted = abs(x3d - rp[key]["mean_x"])
    d_unshifted = abs(x3d - rp_unshifted[key]["mean_x"])
    check.true("Butler-Volmer: 3D mean x at t = %g s closer to the shifted particle" % t,
               2 * d_shifted < d_unshifted,
               "|3D - shifted| %.2e, |3D - unshifted| %.2e" % (d_shifted, d_unshifted))
check.finish()
