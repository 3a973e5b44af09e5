#!/usr/bin/python3
"""Plot the time history in a chemomech output directory.

Usage:
    python3 scripts/plot_statistics.py OUTPUT_DIR [--output FILE.png]

Reads OUTPUT_DIR/statistics.csv (one row per accepted time step, written by
chemomech) and writes a PNG with three panels sharing the time axis:

  1. stoichiometry x = c/c_max: the mean over the particle and the mean, min
     and max over the active surface;
  2. stresses in MPa: the range of the hydrostatic stress sigma_h, the largest
     principal stress, the mean and largest hoop stress at the surface and the
     radial stress at the centre;
  3. the time step size dt (log scale) and the Newton iterations per step.

The PNG goes to OUTPUT_DIR/statistics.png unless --output is given.

Needs numpy and matplotlib (Debian: python3-numpy, python3-matplotlib; the
system interpreter /usr/bin/python3 has them). Exit code 1 when the CSV file
is missing or unreadable, or when the directory holds the electrode model's
output (scripts/plot.py recognises the model and picks the right plot).
"""

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import chemomech_output  # noqa: E402


def fail(message):
    print("plot_statistics.py: error: " + message, file=sys.stderr)
    sys.exit(1)


SYSTEM_PYTHON = "/usr/bin/python3"

try:
    import numpy as np
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
except ImportError as error:
    # 'python3' may be another interpreter (a virtualenv, pyenv) without the
    # Debian packages: retry once with the system interpreter.
    if (os.path.isfile(SYSTEM_PYTHON)
            and os.path.realpath(sys.executable) != os.path.realpath(SYSTEM_PYTHON)
            and not os.environ.get("CHEMOMECH_PLOT_REEXEC")):
        os.environ["CHEMOMECH_PLOT_REEXEC"] = "1"
        os.execv(SYSTEM_PYTHON, [SYSTEM_PYTHON] + sys.argv)
    fail(
        "%s (install python3-numpy and python3-matplotlib, or run with "
        "/usr/bin/python3)" % error
    )


def read_statistics(directory):
    """Return a dict column name (without its unit) -> numpy array of
    DIRECTORY/statistics.csv; raises OutputError."""
    table = chemomech_output.read_statistics(directory)
    return {name: np.array(table[name], dtype=float) for name in table.columns}


def plot_if_present(ax, data, name, label, scale=1.0, **style):
    if name in data:
        ax.plot(data["time"], data[name] * scale, label=label, **style)
        return True
    return False


def plot(directory, png_path):
    """Writes the figure of the particle run in @p directory to @p png_path;
    raises chemomech_output.OutputError (or OSError) with a message."""
    data = read_statistics(directory)
    t = data["time"]
    # Minutes read better for runs longer than a few minutes.
    if t[-1] > 600:
        t_scale, t_unit = 1 / 60.0, "min"
    else:
        t_scale, t_unit = 1.0, "s"
    data = dict(data)
    data["time"] = t * t_scale

    fig, axes = plt.subplots(3, 1, figsize=(8, 10), sharex=True)
    title = os.path.basename(os.path.normpath(os.path.abspath(directory)))
    fig.suptitle("chemomech: " + title)

    # 1. stoichiometry
    ax = axes[0]
    plot_if_present(ax, data, "mean_x", "mean x", color="k", lw=2)
    plot_if_present(ax, data, "surface_x_mean", "surface x (mean)", color="C0")
    if "surface_x_min" in data and "surface_x_max" in data:
        ax.fill_between(data["time"], data["surface_x_min"],
                        data["surface_x_max"], color="C0", alpha=0.25,
                        label="surface x (min to max)")
    ax.set_ylabel("stoichiometry x = c/c_max")
    ax.grid(True, alpha=0.3)
    ax.legend(loc="best", fontsize="small")

    # 2. stresses in MPa
    ax = axes[1]
    mpa = 1e-6
    if "sigma_h_min" in data and "sigma_h_max" in data:
        ax.fill_between(data["time"], data["sigma_h_min"] * mpa,
                        data["sigma_h_max"] * mpa, color="C1", alpha=0.25,
                        label="sigma_h (min to max)")
    plot_if_present(ax, data, "max_principal_stress", "max principal stress",
                    mpa, color="C3", lw=2)
    plot_if_present(ax, data, "surface_hoop_mean", "surface hoop (mean)", mpa,
                    color="C2")
    plot_if_present(ax, data, "surface_hoop_max", "surface hoop (max)", mpa,
                    color="C2", ls="--")
    plot_if_present(ax, data, "centre_radial_stress", "radial stress at centre",
                    mpa, color="C4")
    ax.axhline(0, color="0.5", lw=0.8)
    ax.set_ylabel("stress (MPa)")
    ax.grid(True, alpha=0.3)
    ax.legend(loc="best", fontsize="small")

    # 3. time step and Newton iterations (skip the initial row, dt = 0)
    ax = axes[2]
    steps = data["dt"] > 0 if "dt" in data else np.zeros_like(t, dtype=bool)
    if np.any(steps):
        ax.semilogy(data["time"][steps], data["dt"][steps], "o-", ms=3,
                    color="C0", label="dt")
    ax.set_ylabel("time step dt (s)", color="C0")
    ax.tick_params(axis="y", colors="C0")
    ax.grid(True, alpha=0.3)
    ax.set_xlabel("time (%s)" % t_unit)
    if "newton_iterations" in data and np.any(steps):
        ax2 = ax.twinx()
        ax2.step(data["time"][steps], data["newton_iterations"][steps],
                 where="post", color="C3", label="Newton iterations")
        ax2.set_ylabel("Newton iterations per step", color="C3")
        ax2.tick_params(axis="y", colors="C3")
        top = max(1.0, float(np.max(data["newton_iterations"][steps])))
        ax2.set_ylim(0, top + 1)
        ax2.yaxis.get_major_locator().set_params(integer=True)
        handles = ax.get_legend_handles_labels()[0] + ax2.get_legend_handles_labels()[0]
        ax.legend(handles, [h.get_label() for h in handles], loc="best", fontsize="small")

    fig.tight_layout()
    fig.savefig(png_path, dpi=110)
    plt.close(fig)


def main():
    parser = argparse.ArgumentParser(
        description="Plot OUTPUT_DIR/statistics.csv of a chemomech run "
        "(stoichiometry, stresses, time steps) into a PNG."
    )
    parser.add_argument("output_dir", metavar="OUTPUT_DIR",
                        help="chemomech output directory (Output/Directory)")
    parser.add_argument("--output", "-o", metavar="FILE.png",
                        help="PNG to write (default: OUTPUT_DIR/statistics.png)")
    args = parser.parse_args()
    png_path = args.output or os.path.join(args.output_dir, "statistics.png")
    try:
        if chemomech_output.model_of(args.output_dir) == "electrode":
            fail("'%s' was written by the electrode model; this script plots the "
                 "particle model's statistics. Use scripts/plot.py %s (it recognises "
                 "the model) or scripts/plot_cycling.py" % (args.output_dir, args.output_dir))
        plot(args.output_dir, png_path)
    except chemomech_output.OutputError as error:
        fail(str(error))
    except OSError as error:
        fail("cannot write '%s': %s" % (png_path, error))
    print("wrote " + png_path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
