#!/usr/bin/python3
"""Plot a porous-electrode (Model = electrode) run of chemomech.

Usage:
    scripts/plot_cycling.py OUTPUT_DIR [--output FILE.png]

Reads OUTPUT_DIR/statistics.csv (one row per accepted time step) and, if it
has rows, OUTPUT_DIR/cycles.csv (one row per completed cycle), and writes a
PNG with four panels:

  1. cell voltage (V) and current density (A/m^2) against time (h);
  2. discharge capacity per cycle (Ah/m^2) and its retention, or, for a run
     without a completed cycle, the capacity passed against time;
  3. porosity of the electrodes (mean, min, max) against time;
  4. SEI thickness (mean, max, nm) and the lithium lost to SEI (% of the
     initial lithium in the particles) against time.

The PNG goes to OUTPUT_DIR/cycling.png unless --output is given. Needs numpy
and matplotlib (Debian: python3-numpy, python3-matplotlib). Exit code 1 when
statistics.csv is missing or unreadable.
"""

import argparse
import csv
import os
import sys


def fail(message):
    print("plot_cycling.py: error: " + message, file=sys.stderr)
    sys.exit(1)


def read_csv(path):
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    return {k: [float(r[k]) for r in rows] for k in (rows[0].keys() if rows else [])}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("directory", help="chemomech output directory")
    parser.add_argument("--output", help="PNG file (default DIR/cycling.png)")
    args = parser.parse_args()

    stats_file = os.path.join(args.directory, "statistics.csv")
    try:
        s = read_csv(stats_file)
    except (OSError, ValueError, KeyError) as e:
        fail("cannot read %s: %s" % (stats_file, e))
    if not s or "voltage" not in s:
        fail("%s has no rows or is not from the electrode model" % stats_file)
    cycles = {}
    cycles_file = os.path.join(args.directory, "cycles.csv")
    if os.path.exists(cycles_file):
        try:
            cycles = read_csv(cycles_file)
        except (OSError, ValueError, KeyError):
            cycles = {}

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    t = [x / 3600.0 for x in s["time"]]
    fig, ax = plt.subplots(4, 1, figsize=(8, 11))

    ax[0].plot(t, s["voltage"], "b-", lw=1)
    ax[0].set_ylabel("voltage (V)", color="b")
    ax[0].set_xlabel("time (h)")
    a2 = ax[0].twinx()
    a2.plot(t, s["current"], "r-", lw=0.8)
    a2.set_ylabel("current density (A/m$^2$)", color="r")
    ax[0].set_title("voltage and current (positive on discharge)")

    if cycles and cycles.get("cycle"):
        ax[1].plot(cycles["cycle"], cycles["discharge_capacity"], "ko-", ms=3)
        ax[1].set_xlabel("cycle")
        ax[1].set_ylabel("discharge capacity (Ah/m$^2$)")
        a3 = ax[1].twinx()
        a3.plot(cycles["cycle"], [100 * r for r in cycles["capacity_retention"]],
                "g-", lw=1)
        a3.set_ylabel("retention (%)", color="g")
        ax[1].set_title("capacity fade")
    else:
        ax[1].plot(t, s["discharge_capacity"], "k-", label="discharge")
        ax[1].plot(t, s["charge_capacity"], "k--", label="charge")
        ax[1].set_xlabel("time (h)")
        ax[1].set_ylabel("capacity in cycle (Ah/m$^2$)")
        ax[1].legend()
        ax[1].set_title("capacity passed")

    ax[2].plot(t, s["porosity_mean"], "k-", label="mean")
    ax[2].plot(t, s["porosity_min"], "b-", lw=0.8, label="min")
    ax[2].plot(t, s["porosity_max"], "r-", lw=0.8, label="max")
    ax[2].set_xlabel("time (h)")
    ax[2].set_ylabel("porosity")
    ax[2].legend()
    ax[2].set_title("electrode porosity")

    ax[3].plot(t, [1e9 * x for x in s["sei_thickness_mean"]], "k-", label="mean")
    ax[3].plot(t, [1e9 * x for x in s["sei_thickness_max"]], "k--", label="max")
    ax[3].set_xlabel("time (h)")
    ax[3].set_ylabel("SEI thickness (nm)")
    ax[3].legend(loc="upper left")
    initial_solid = s["lithium_solid"][0] + s["lithium_sei"][0]
    a4 = ax[3].twinx()
    a4.plot(t, [100 * x / initial_solid for x in s["lithium_sei"]], "m-", lw=1)
    a4.set_ylabel("lithium lost (%)", color="m")
    ax[3].set_title("SEI growth")

    fig.tight_layout()
    out = args.output or os.path.join(args.directory, "cycling.png")
    fig.savefig(out, dpi=110)
    print("wrote " + out)


if __name__ == "__main__":
    main()
