#!/usr/bin/python3
"""Plot a porous-electrode (Model = electrode) run of chemomech.

Usage:
    scripts/plot_cycling.py OUTPUT_DIR [--output FILE.png]

Reads OUTPUT_DIR/statistics.csv (one row per accepted time step) and, if it
has rows, OUTPUT_DIR/cycles.csv (one row per completed cycle), and writes a
PNG with these panels:

  1. cell voltage (V) and current density (A/m^2) against time (h);
  2. discharge and charge capacity per cycle (Ah/m^2, integer cycle axis) and
     the capacity retention, or, for a run without a completed cycle, the
     capacity passed against time;
  3. one panel per electrode (negative, and positive in a full cell): its
     porosity, mean and min-to-max band, against time;
  4. SEI thickness (mean, max, nm) against time;
  5. the lithium lost to SEI (% of the initial lithium in the particles, and
     mol/m^2) against time, in a panel of its own: it grows in step with
     the SEI thickness and would hide under that curve on a shared panel.

Every curve has a legend entry. The PNG goes to OUTPUT_DIR/cycling.png unless
--output is given. Needs matplotlib (Debian: python3-matplotlib). Exit code 1
when statistics.csv is missing, unreadable or not the electrode model's.
scripts/plot.py chooses this figure or plot_statistics.py's by itself.
"""

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import chemomech_output  # noqa: E402
from chemomech_output import OutputError  # noqa: E402


def fail(message):
    print("plot_cycling.py: error: " + message, file=sys.stderr)
    sys.exit(1)


def legend(*axes, **kw):
    """One legend on axes[0] for the curves of all @p axes (twin axes)."""
    handles, labels = [], []
    for ax in axes:
        h, l = ax.get_legend_handles_labels()
        handles += h
        labels += l
    axes[0].legend(handles, labels, fontsize="small", **kw)


def electrodes(s):
    """(suffix, title) of the electrodes with porosity columns."""
    found = [(side, "%s electrode" % side) for side in ("negative", "positive")
             if "porosity_mean_" + side in s]
    # statistics.csv of older runs: the porosity over both electrodes
    return found or [(None, "electrodes")]


def plot_voltage(ax, t, s):
    ax.plot(t, s["voltage"], "b-", lw=1, label="voltage")
    ax.set_ylabel("voltage (V)", color="b")
    ax.set_xlabel("time (h)")
    a2 = ax.twinx()
    a2.plot(t, s["current"], "r--", lw=0.8, label="current density")
    a2.set_ylabel("current density (A/m$^2$)", color="r")
    ax.set_title("voltage and current (current positive on discharge)")
    legend(ax, a2, loc="best")


def plot_capacity(ax, t, s, cycles):
    from matplotlib.ticker import MaxNLocator
    if cycles is not None and cycles.n_rows > 0:
        n = cycles["cycle"]
        ax.plot(n, cycles["discharge_capacity"], "ko-", ms=4, label="discharge capacity")
        ax.plot(n, cycles["charge_capacity"], "bs--", ms=4, mfc="none", label="charge capacity")
        ax.set_xlabel("cycle")
        ax.set_ylabel("capacity (Ah/m$^2$)")
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        a3 = ax.twinx()
        a3.plot(n, [100 * r for r in cycles["capacity_retention"]], "g^:", ms=4,
                label="capacity retention")
        a3.set_ylabel("retention (%)", color="g")
        ax.set_title("capacity fade")
        legend(ax, a3, loc="best")
    else:
        ax.plot(t, s["discharge_capacity"], "k-", label="discharge")
        ax.plot(t, s["charge_capacity"], "b--", label="charge")
        ax.set_xlabel("time (h)")
        ax.set_ylabel("capacity in cycle (Ah/m$^2$)")
        ax.legend(fontsize="small")
        ax.set_title("capacity passed (no completed cycle)")


def plot_porosity(ax, t, s, side, title):
    suffix = "_" + side if side else ""
    ax.fill_between(t, s["porosity_min" + suffix], s["porosity_max" + suffix],
                    color="C0", alpha=0.25, label="min to max")
    ax.plot(t, s["porosity_mean" + suffix], "k-", lw=1.2, label="mean")
    ax.set_xlabel("time (h)")
    ax.set_ylabel("porosity (-)")
    ax.legend(fontsize="small", loc="best")
    ax.set_title("porosity of the " + title)


def plot_sei(ax, t, s):
    ax.plot(t, [1e9 * x for x in s["sei_thickness_mean"]], "k-", lw=1.2,
            label="SEI thickness, mean")
    ax.plot(t, [1e9 * x for x in s["sei_thickness_max"]], "r--", lw=1,
            label="SEI thickness, max")
    ax.set_xlabel("time (h)")
    ax.set_ylabel("SEI thickness (nm)")
    ax.set_title("SEI growth")
    ax.legend(fontsize="small", loc="upper left")


def plot_lithium_lost(ax, t, s):
    # Its own panel: the lost lithium grows in step with the mean SEI
    # thickness, and on a twin axis its curve would lie on top of that one.
    initial_solid = s["lithium_solid"][0] + s["lithium_sei"][0]
    ax.plot(t, [100 * x / initial_solid for x in s["lithium_sei"]], "m-.", lw=1.8,
            marker="o", ms=3, markevery=max(1, len(t) // 12), label="lithium lost to SEI")
    ax.set_xlabel("time (h)")
    ax.set_ylabel("% of the initial lithium in particles")
    mol = ax.secondary_yaxis("right", functions=(lambda p: p * initial_solid / 100,
                                                 lambda m: m * 100 / initial_solid))
    mol.set_ylabel("mol/m$^2$")
    ax.set_title("lithium lost to SEI")
    ax.legend(fontsize="small", loc="upper left")


def plot(directory, png_path):
    """Writes the figure of the electrode run in @p directory to
    @p png_path; raises OutputError (or OSError) with a message."""
    s = chemomech_output.read_statistics(directory)
    if "voltage" not in s:
        raise OutputError("'%s' is not from the electrode model (no voltage column; "
                          "plot a particle run with scripts/plot_statistics.py)"
                          % os.path.join(directory, "statistics.csv"))
    cycles = None
    cycles_file = os.path.join(directory, "cycles.csv")
    if os.path.exists(cycles_file):
        try:
            cycles = chemomech_output.Table(cycles_file)
        except (OSError, ValueError):
            cycles = None
    plt = chemomech_output.pyplot("plot_cycling.py")

    t = [x / 3600.0 for x in s["time"]]
    panels = [lambda ax: plot_voltage(ax, t, s), lambda ax: plot_capacity(ax, t, s, cycles)]
    for side, name in electrodes(s):
        panels.append(lambda ax, side=side, name=name: plot_porosity(ax, t, s, side, name))
    if len(panels) % 2:
        panels.append(None)  # the SEI panels side by side
    panels += [lambda ax: plot_sei(ax, t, s), lambda ax: plot_lithium_lost(ax, t, s)]
    rows = (len(panels) + 1) // 2
    fig, axes = plt.subplots(rows, 2, figsize=(13, 3.6 * rows), squeeze=False)
    title = os.path.basename(os.path.normpath(os.path.abspath(directory)))
    fig.suptitle("chemomech: " + title)
    for ax, draw in zip(axes.flat, panels):
        if draw is None:
            ax.axis("off")
        else:
            draw(ax)
    fig.tight_layout()
    fig.savefig(png_path, dpi=110)
    plt.close(fig)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("directory", help="chemomech output directory")
    parser.add_argument("--output", help="PNG file (default DIR/cycling.png)")
    args = parser.parse_args()
    png = args.output or os.path.join(args.directory, "cycling.png")
    try:
        plot(args.directory, png)
    except OutputError as error:
        fail(str(error))
    except OSError as error:
        fail("cannot write '%s': %s" % (png, error))
    print("wrote " + png)


if __name__ == "__main__":
    main()
