#!/usr/bin/python3
"""Stack-pressure study of prm/stack_pressure.prm.

Usage:
    scripts/stack_pressure_study.py [--chemomech build/chemomech] [--np 2]
                                    [--out output-stack-pressure-study]
                                    [--cycles N]

Runs the example under a stack pressure of 0.1, 1 and 5 MPa and in a rigid
can (the stack face held at u_x = -3 um: a can assembled with a preload that
keeps the cell in compression as it shrinks on discharge), each from its own parameter file
OUT/<case>.prm that includes prm/stack_pressure.prm and sets the stack face,
then writes OUT/stack_pressure.png with five panels against time (h):

  1. cell voltage (V);
  2. thickness change of the cell (um);
  3. stack pressure (MPa; the given one, or the rigid can's reaction);
  4. mean SEI thickness on the graphite (nm);
  5. mean porosity of the electrodes;

and prints a table per case: lithium lost to SEI (% of the lithium in the
particles), mean SEI thickness, discharge capacity retention after the last
cycle, largest stack pressure, smallest porosity. Run from the repository
root. Needs numpy and matplotlib (Debian: python3-numpy, python3-matplotlib).
Exit code 1 if a run fails.
"""

import argparse
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import chemomech_output  # noqa: E402

# name, label, stack face, stack pressure (Pa), gap displacement (m)
CASES = [("p = 0.1 MPa", "p0.1", "pressure", 0.1e6, 0.0),
         ("p = 1 MPa", "p1", "pressure", 1e6, 0.0),
         ("p = 5 MPa", "p5", "pressure", 5e6, 0.0),
         ("rigid can", "rigid", "rigid", 0.0, -3e-6)]


def read_csv(path):
    """Columns of a chemomech CSV keyed by bare name ('time [s]' -> 'time')."""
    return chemomech_output.Table(path).data


def run_case(args, label, face, pressure, gap):
    out = os.path.join(args.out, label)
    prm = os.path.join(args.out, label + ".prm")
    with open(prm, "w") as f:
        f.write("include %s\n" % os.path.abspath("prm/stack_pressure.prm"))
        f.write("subsection Electrode mechanics\n  set Stack face = %s\n"
                "  set Stack pressure = %g\n  set Gap displacement = %g\nend\n"
                % (face, pressure, gap))
        f.write("subsection Cycling\n  set Number of cycles = %d\nend\n" % args.cycles)
        f.write("subsection Output\n  set Directory = %s\n  set Write VTU = false\n"
                "  set Progress = false\nend\n" % os.path.abspath(out))
    cmd = [args.chemomech, prm]
    if args.np > 1:
        cmd = ["mpirun", "-np", str(args.np)] + cmd
    print("running %s: %s" % (label, " ".join(cmd)), flush=True)
    if subprocess.run(cmd, stdout=subprocess.DEVNULL).returncode != 0:
        print("stack_pressure_study.py: error: case %s failed" % label, file=sys.stderr)
        sys.exit(1)
    return read_csv(os.path.join(out, "statistics.csv")), read_csv(os.path.join(out, "cycles.csv"))


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--chemomech", default="build/chemomech")
    p.add_argument("--np", type=int, default=1)
    p.add_argument("--out", default="output-stack-pressure-study")
    p.add_argument("--cycles", type=int, default=3)
    args = p.parse_args()
    os.makedirs(args.out, exist_ok=True)
    results = [(name,) + run_case(args, label, face, pressure, gap)
               for name, label, face, pressure, gap in CASES]

    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(1, 5, figsize=(22, 4.2))
    for name, s, _ in results:
        t = [x / 3600 for x in s["time"]]
        ax[0].plot(t, s["voltage"], label=name)
        ax[1].plot(t, [1e6 * x for x in s["thickness_change_cell"]], label=name)
        ax[2].plot(t, [1e-6 * x for x in s["stack_pressure"]], label=name)
        ax[3].plot(t, [1e9 * x for x in s["sei_thickness_mean"]], label=name)
        ax[4].plot(t, s["porosity_mean"], label=name)
    titles = ["cell voltage (V)", "cell thickness change (um)", "stack pressure (MPa)",
              "mean SEI thickness (nm)", "mean porosity of the electrodes"]
    for a, title in zip(ax, titles):
        a.set_title(title)
        a.set_xlabel("time (h)")
        a.grid(alpha=0.3)
    ax[2].set_yscale("symlog", linthresh=0.1)
    ax[0].legend()
    fig.tight_layout()
    png = os.path.join(args.out, "stack_pressure.png")
    fig.savefig(png, dpi=90)
    print("wrote %s" % png)

    print("| case | lithium lost to SEI (%) | mean SEI thickness (nm) | capacity retention "
          "| max stack pressure (MPa) | min porosity |")
    print("|---|---|---|---|---|---|")
    for name, s, c in results:
        print("| %s | %.4f | %.3f | %.5f | %.2f | %.4f |" % (
            name, 100 * c["lithium_lost_fraction"][-1], 1e9 * c["sei_thickness_mean"][-1],
            c["capacity_retention"][-1], 1e-6 * max(s["stack_pressure"]), min(s["porosity_min"])))


if __name__ == "__main__":
    main()
