#!/usr/bin/python3
"""Through-thickness profiles of a porous-electrode (Model = electrode) run.

Usage:
    scripts/plot_profiles.py OUTPUT_DIR [--times T1,T2,...] [--out FILE.png]

Reads OUTPUT_DIR/solution.pvd (written with 'Output/Write VTU = true') and
the .pvtu/.vtu files it lists, and plots against the through-thickness
coordinate x (µm, from the negative current collector) four panels:
electrolyte concentration c_e (mol/m^3), electrolyte potential phi_e (V),
porosity (-) and SEI thickness (nm), one curve per chosen output time. Each
value is the mean over the other directions (y, z) of the cell averages at
that x; the separator is shaded. Fields that exist only in the electrodes
(the SEI thickness) are NaN in the separator and leave a gap there.

--times takes times in seconds; each selects the output nearest to it (the
legend gives the output's own time). Default: the first, the middle and the
last output. The PNG goes to OUTPUT_DIR/profiles.png unless --out is given.
Needs numpy, matplotlib and the VTK Python bindings (Debian: python3-numpy,
python3-matplotlib, python3-vtk9). Exit code 1 with a message when the
directory has no solution.pvd or is not from the electrode model.
"""

import argparse
import os
import sys
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import chemomech_output  # noqa: E402
from chemomech_output import OutputError  # noqa: E402

# (VTU field, axis label, scale of the values)
FIELDS = [("electrolyte_concentration", "c$_e$ (mol/m$^3$)", 1.0),
          ("electrolyte_potential", r"$\phi_e$ (V)", 1.0),
          ("porosity", "porosity (-)", 1.0),
          ("sei_thickness", "SEI thickness (nm)", 1e9)]
SEPARATOR_ID = 2


def fail(message):
    print("plot_profiles.py: error: " + message, file=sys.stderr)
    sys.exit(1)


def read_pvd(directory):
    """[(time, path of the .pvtu)] of DIRECTORY/solution.pvd, by time."""
    path = os.path.join(directory, "solution.pvd")
    if not os.path.isfile(path):
        raise OutputError("'%s' has no solution.pvd (run with 'Output/Write VTU = true'; "
                          "the profiles need the field output)" % directory)
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as error:
        raise OutputError("cannot read '%s': %s" % (path, error))
    steps = [(float(d.get("timestep")), os.path.join(directory, d.get("file")))
             for d in root.iter("DataSet")]
    if not steps:
        raise OutputError("'%s' lists no outputs" % path)
    return sorted(steps)


def choose(steps, times):
    """The outputs nearest to @p times (seconds), or first, middle, last."""
    if not times:
        picks = sorted(set([0, len(steps) // 2, len(steps) - 1]))
        return [steps[k] for k in picks]
    chosen = []
    for t in times:
        best = min(steps, key=lambda s: abs(s[0] - t))
        if best not in chosen:
            chosen.append(best)
    return chosen


def cell_means(path, np, vtk, vtk_to_numpy):
    """Centre x (m) and the means over its points of each field in FIELDS
    and of material_id, per cell of the .pvtu (or .vtu) @p path. deal.II
    writes cell data as point data constant on each cell; NaN is skipped."""
    reader = (vtk.vtkXMLPUnstructuredGridReader() if path.endswith(".pvtu")
              else vtk.vtkXMLUnstructuredGridReader())
    reader.SetFileName(path)
    reader.Update()
    grid = reader.GetOutput()
    if grid is None or grid.GetNumberOfCells() == 0:
        raise OutputError("'%s' holds no cells" % path)
    cells = grid.GetCells()
    conn = vtk_to_numpy(cells.GetConnectivityArray())
    offsets = vtk_to_numpy(cells.GetOffsetsArray())
    owner = np.repeat(np.arange(len(offsets) - 1), np.diff(offsets))
    n = len(offsets) - 1

    def mean(values):
        ok = np.isfinite(values[conn])
        total = np.bincount(owner[ok], weights=values[conn][ok], minlength=n)
        count = np.bincount(owner[ok], minlength=n)
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(count > 0, total / np.maximum(count, 1), np.nan)

    x = vtk_to_numpy(grid.GetPoints().GetData())[:, 0].astype(float)
    out = {"x": mean(x)}
    for name in [f[0] for f in FIELDS] + ["material_id"]:
        array = grid.GetPointData().GetArray(name)
        if array is None:
            array = grid.GetCellData().GetArray(name)
            if array is not None:
                out[name] = vtk_to_numpy(array).astype(float)
                continue
            raise OutputError("'%s' has no field '%s': not the electrode model's output"
                              % (path, name))
        out[name] = mean(vtk_to_numpy(array).astype(float))
    return out


def profile(cells, np):
    """Bins the cells by centre x and averages each field over a bin (over
    the other directions): x (sorted, m) and {field: values}."""
    x = cells["x"]
    span = max(float(np.nanmax(x) - np.nanmin(x)), 1e-300)
    key = np.round((x - np.nanmin(x)) / span * 1e6).astype(np.int64)
    bins, inverse = np.unique(key, return_inverse=True)
    result = {}
    for name, values in cells.items():
        ok = np.isfinite(values)
        total = np.bincount(inverse[ok], weights=values[ok], minlength=len(bins))
        count = np.bincount(inverse[ok], minlength=len(bins))
        with np.errstate(invalid="ignore", divide="ignore"):
            result[name] = np.where(count > 0, total / np.maximum(count, 1), np.nan)
    return result


def plot(directory, png_path, times=None):
    """Writes the profile figure of @p directory to @p png_path; raises
    OutputError (or OSError) with a message."""
    if not os.path.isdir(directory):
        raise OutputError("'%s' is not a directory" % directory)
    steps = choose(read_pvd(directory), times)
    try:
        import numpy as np
        import vtk
        from vtk.util.numpy_support import vtk_to_numpy
    except ImportError as error:
        raise OutputError("%s (install python3-numpy and python3-vtk9)" % error)
    plt = chemomech_output.pyplot("plot_profiles.py")

    fig, axes = plt.subplots(len(FIELDS), 1, figsize=(8, 2.6 * len(FIELDS)), sharex=True)
    title = os.path.basename(os.path.normpath(os.path.abspath(directory)))
    fig.suptitle("chemomech: %s, through-thickness profiles" % title)
    separator = None
    for k, (time, path) in enumerate(steps):
        p = profile(cell_means(path, np, vtk, vtk_to_numpy), np)
        x = p["x"] * 1e6
        in_separator = np.isclose(p["material_id"], SEPARATOR_ID)
        if separator is None and np.any(in_separator):
            dx = np.min(np.diff(x)) if len(x) > 1 else 0.0
            separator = (x[in_separator].min() - dx / 2, x[in_separator].max() + dx / 2)
        label = "t = %.4g s" % time if time < 7200 else "t = %.4g h" % (time / 3600)
        style = ["-", "--", "-.", ":"][k % 4]
        for ax, (name, ylabel, scale) in zip(axes, FIELDS):
            ax.plot(x, p[name] * scale, style, color="C%d" % k, marker="o", ms=2.5, label=label)
            ax.set_ylabel(ylabel)
    for ax in axes:
        if separator:
            ax.axvspan(separator[0], separator[1], color="0.85", zorder=0,
                       label="separator" if ax is axes[0] else None)
        ax.grid(True, alpha=0.3)
    axes[0].legend(fontsize="small", loc="best")
    axes[-1].set_xlabel("x, distance from the negative current collector (µm)")
    fig.tight_layout()
    fig.savefig(png_path, dpi=110)
    plt.close(fig)
    return [t for t, _ in steps]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("directory", metavar="OUTPUT_DIR", help="chemomech output directory")
    parser.add_argument("--times", help="comma-separated times (s); default: first, middle, last")
    parser.add_argument("--out", "--output", "-o", dest="out", metavar="FILE.png",
                        help="PNG to write (default: OUTPUT_DIR/profiles.png)")
    args = parser.parse_args()
    times = None
    if args.times:
        try:
            times = [float(t) for t in args.times.split(",") if t.strip()]
        except ValueError:
            fail("--times '%s' must be comma-separated numbers (seconds)" % args.times)
    png = args.out or os.path.join(args.directory, "profiles.png")
    try:
        shown = plot(args.directory, png, times)
    except OutputError as error:
        fail(str(error))
    except OSError as error:
        fail("cannot write '%s': %s" % (png, error))
    print("wrote %s (t = %s s)" % (png, ", ".join("%g" % t for t in shown)))


if __name__ == "__main__":
    main()
