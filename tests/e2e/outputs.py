"""End to end, outputs a person can read: the CSV header labels carry units,
integer columns are integers, and the plot scripts make figures of both
models. Cases: tests/e2e/outputs/particle.prm (3D, probes and a line-out),
particle_2d.prm (plane strain: per-depth units), electrode.prm (full cell,
two short cycles, VTU), on 1, 1 and 2 ranks.

Asserts, per CSV file (statistics.csv, probes.csv, lineout-000.csv,
cycles.csv): every header label matches LABEL ("name" or "name [unit]"), the
columns listed in UNITS carry exactly those units (the units the user guide
lists, written down here independently of the code), and the integer
columns parse as Python ints. Then: scripts/plot.py writes a PNG for the
particle and the electrode directory and exits with 1 and a message naming
the directory for an empty, a missing and a foreign directory;
scripts/plot_cycling.py and scripts/plot_profiles.py (default times and
--times) write PNGs of the electrode run, and plot_profiles.py refuses the
particle run (no solution.pvd). Matplotlib runs with the Agg backend."""
import os
import re
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
import common  # noqa: E402

LABEL = re.compile(r"^[a-z0-9 _/-]+( \[[^\]]+\])?$")

# Units of the known columns (None: a count or an index, no unit).
PARTICLE = {"time": "s", "dt": "s", "newton_iterations": None, "linear_iterations": None,
            "mean_x": "-", "surface_x_mean": "-", "surface_x_min": "-", "surface_x_max": "-",
            "sigma_h_min": "Pa", "sigma_h_max": "Pa", "max_principal_stress": "Pa",
            "surface_hoop_mean": "Pa", "surface_hoop_max": "Pa", "centre_radial_stress": "Pa",
            "total_lithium": "mol", "lithium_balance_error": "-", "elastic_energy": "J",
            "surface_flux": "mol/s", "surface_overpotential": "V", "surface_sigma_h_mean": "Pa",
            "centre_x": "-"}
PARTICLE_2D = dict(PARTICLE, total_lithium="mol/m", elastic_energy="J/m",
                   surface_flux="mol/(m s)")
SAMPLES = {"x": "m", "y": "m", "z": "m", "c": "mol/m^3", "stoichiometry": "-", "u_x": "m",
           "u_y": "m", "u_z": "m", "sigma_h": "Pa", "von_mises": "Pa",
           "max_principal_stress": "Pa", "radial_stress": "Pa", "hoop_stress": "Pa"}
PROBES = dict(SAMPLES, time="s", probe=None)
LINEOUT = dict(SAMPLES, time="s", arc_length="m")
ELECTRODE = {"time": "s", "dt": "s", "cycle": None, "step": None, "current": "A/m^2",
             "voltage": "V", "discharge_capacity": "Ah/m^2", "charge_capacity": "Ah/m^2",
             "soc": "-", "lithium_solid": "mol/m^2", "lithium_electrolyte": "mol/m^2",
             "lithium_sei": "mol/m^2", "lithium_balance_error": "-", "charge_balance_error": "-",
             "porosity_mean": "-", "porosity_min": "-", "porosity_max": "-",
             "porosity_mean_negative": "-", "porosity_min_negative": "-",
             "porosity_max_negative": "-", "porosity_mean_positive": "-",
             "porosity_min_positive": "-", "porosity_max_positive": "-",
             "sei_thickness_mean": "m", "sei_thickness_max": "m", "surface_x_min": "-",
             "surface_x_max": "-", "thickness_change_negative": "m",
             "thickness_change_positive": "m", "thickness_change_cell": "m",
             "stack_pressure": "Pa", "surface_stress_negative": "Pa",
             "surface_stress_positive": "Pa", "newton_iterations": None,
             "linear_iterations": None}
CYCLES = {"cycle": None, "end_time": "s", "discharge_capacity": "Ah/m^2",
          "charge_capacity": "Ah/m^2", "capacity_retention": "-", "coulombic_efficiency": "-",
          "lithium_lost": "mol/m^2", "lithium_lost_fraction": "-", "sei_thickness_mean": "m",
          "porosity_min": "-"}

args = common.parse_args()
check = common.Checks()
scripts = os.path.join(common.SOURCE, "scripts")
env = dict(os.environ, MPLBACKEND="Agg")


def check_csv(path, units, rows_at_least=1):
    """Labels, units (all of @p units present, nothing else), integers."""
    name = os.path.relpath(path, args.workdir)
    labels = common.read_header(path)
    bad = [label for label in labels if not LABEL.match(label)]
    check.true("%s: every header label is 'name [unit]' or 'name'" % name, not bad,
               "not matching: %s" % bad)
    found = {common.column_name(label): common.column_unit(label) for label in labels}
    wrong = ["%s: %s instead of %s" % (k, found.get(k, "absent"), v)
             for k, v in units.items() if k in found and found[k] != v]
    unknown = sorted(set(found) - set(units))
    check.true("%s: the %d columns carry their units" % (name, len(found)),
               not wrong and not unknown, "wrong: %s; unexpected columns: %s" % (wrong, unknown))
    integers = [k for k, v in units.items() if v is None and k in found]
    with open(path) as f:
        lines = [line.rstrip("\n").split(",") for line in f][1:]
    index = [common.column_name(label) for label in labels]
    not_int = []
    for row in lines:
        for k in integers:
            value = row[index.index(k)]
            try:
                int(value)
            except ValueError:
                not_int.append("%s=%s" % (k, value))
    check.true("%s: %d rows (at least %d), integer columns %s are integers"
               % (name, len(lines), rows_at_least, integers or "(none)"),
               len(lines) >= rows_at_least and not not_int, "not integers: %s" % not_int[:5])
    return found


def script(name, *extra):
    r = subprocess.run([sys.executable, os.path.join(scripts, name)] + list(extra),
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    return r.returncode, r.stdout


def png_written(what, code, text, png):
    ok = code == 0 and os.path.exists(png) and os.path.getsize(png) > 10000
    check.true(what, ok, "exit %d, %s" % (code, text.strip()[-300:]))


def refused(what, code, text, needle):
    check.true(what, code == 1 and needle in text and "error" in text,
               "exit %d: %s" % (code, text.strip()[-300:]))


# --- particle model, 3D and 2D ----------------------------------------------
particle = common.run_file(args, "particle", "e2e/outputs/particle.prm", np=1)
found = check_csv(os.path.join(particle, "statistics.csv"), PARTICLE, 3)
check.true("particle: statistics.csv has the columns the guide lists",
           set(found) == set(PARTICLE), str(sorted(set(PARTICLE) ^ set(found))))
check_csv(os.path.join(particle, "probes.csv"), PROBES, 3)
check_csv(os.path.join(particle, "lineout-000.csv"), LINEOUT, 2)
particle_2d = common.run_file(args, "particle_2d", "e2e/outputs/particle_2d.prm", np=1)
check_csv(os.path.join(particle_2d, "statistics.csv"), PARTICLE_2D, 2)

# --- electrode model --------------------------------------------------------
electrode = common.run_file(args, "electrode", "e2e/outputs/electrode.prm", np=2)
found = check_csv(os.path.join(electrode, "statistics.csv"), ELECTRODE, 5)
check.true("electrode: statistics.csv has the columns the guide lists",
           set(found) == set(ELECTRODE), str(sorted(set(ELECTRODE) ^ set(found))))
check_csv(os.path.join(electrode, "cycles.csv"), CYCLES, 2)
cycles = common.read_csv(os.path.join(electrode, "cycles.csv"))
check.true("cycles.csv: cycles 1 and 2", [r["cycle"] for r in cycles] == [1, 2])

# --- plots --------------------------------------------------------------------
png = os.path.join(args.workdir, "particle.png")
code, text = script("plot.py", particle, "--out", png)
png_written("plot.py: particle run -> PNG", code, text, png)
check.true("plot.py: detected the particle model", "particle model" in text, text.strip())
png = os.path.join(args.workdir, "electrode.png")
code, text = script("plot.py", electrode, "--out", png)
png_written("plot.py: electrode run -> PNG", code, text, png)
check.true("plot.py: detected the electrode model", "electrode model" in text, text.strip())
code, text = script("plot_cycling.py", electrode)
png_written("plot_cycling.py: two-cycle run -> cycling.png", code, text,
            os.path.join(electrode, "cycling.png"))
code, text = script("plot_statistics.py", particle)
png_written("plot_statistics.py: particle run -> statistics.png", code, text,
            os.path.join(particle, "statistics.png"))
code, text = script("plot_statistics.py", electrode)
refused("plot_statistics.py refuses the electrode model's output (points to plot.py)",
        code, text, "plot.py")
png = os.path.join(args.workdir, "profiles.png")
code, text = script("plot_profiles.py", electrode, "--out", png)
png_written("plot_profiles.py: first, middle, last output -> PNG", code, text, png)
png = os.path.join(args.workdir, "profiles_times.png")
code, text = script("plot_profiles.py", electrode, "--times", "0,300,1000", "--out", png)
png_written("plot_profiles.py --times 0,300,1000 -> PNG", code, text, png)

empty = os.path.join(args.workdir, "empty")
shutil.rmtree(empty, ignore_errors=True)
os.makedirs(empty)
code, text = script("plot.py", empty)
refused("plot.py refuses an empty directory", code, text, empty)
check.true("plot.py wrote nothing there", os.listdir(empty) == [], str(os.listdir(empty)))
missing = os.path.join(args.workdir, "does_not_exist")
code, text = script("plot.py", missing)
refused("plot.py refuses a missing directory", code, text, missing)
foreign = os.path.join(args.workdir, "foreign")
os.makedirs(foreign, exist_ok=True)
with open(os.path.join(foreign, "statistics.csv"), "w") as f:
    f.write("a,b\n1,2\n")
code, text = script("plot.py", foreign)
refused("plot.py refuses a statistics.csv of neither model", code, text, "neither")
code, text = script("plot_profiles.py", particle)
refused("plot_profiles.py refuses a run without solution.pvd", code, text, "solution.pvd")
check.finish()
