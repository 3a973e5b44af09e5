#!/usr/bin/python3
"""End-to-end check of the ParaView output of a chemomech run.

Usage:
    python3 tests/e2e/check_vtu.py OUTPUT_DIR --ranks N --dim D

OUTPUT_DIR is the 'Output/Directory' of a finished run with N MPI ranks in
D = 2 or 3 dimensions. The script

  * parses OUTPUT_DIR/solution.pvd (the ParaView collection: one
    <DataSet timestep=... file=...> per written time) and checks that it holds
    at least two time steps with increasing times;
  * reads the last .pvtu with vtkXMLPUnstructuredGridReader and checks the
    field arrays (names, components), the ranges of stoichiometry,
    concentration (= stoichiometry * c_max, with c_max from
    OUTPUT_DIR/parameters_used.prm), mpi_rank, von_mises;
  * compares the largest stoichiometry in the VTU (nodal values) with the
    largest of surface_x_max and mean_x in the last row of
    OUTPUT_DIR/statistics.csv (quadrature point values) to within 5 %.

Each check prints one line 'PASS'/'FAIL' with the value found; the last line
is 'N passed, M failed'. Exit code 0 when everything passed, 1 otherwise.

Needs the VTK Python bindings (Debian: python3-vtk9) and numpy; the system
interpreter /usr/bin/python3 has them.
"""

import argparse
import csv
import os
import re
import sys
import xml.etree.ElementTree as ET

SYSTEM_PYTHON = "/usr/bin/python3"

try:
    import numpy as np
    import vtk
    from vtk.util.numpy_support import vtk_to_numpy
except ImportError as error:
    # 'python3' may be another interpreter (a virtualenv, pyenv) without the
    # Debian packages: retry once with the system interpreter.
    if (os.path.isfile(SYSTEM_PYTHON)
            and os.path.realpath(sys.executable) != os.path.realpath(SYSTEM_PYTHON)
            and not os.environ.get("CHEMOMECH_CHECK_VTU_REEXEC")):
        os.environ["CHEMOMECH_CHECK_VTU_REEXEC"] = "1"
        os.execv(SYSTEM_PYTHON, [SYSTEM_PYTHON] + sys.argv)
    print("check_vtu.py: error: %s (install python3-vtk9 and python3-numpy, "
          "or run with %s)" % (error, SYSTEM_PYTHON), file=sys.stderr)
    sys.exit(1)


# Scalar fields chemomech writes (as point data).
SCALAR_FIELDS = [
    "concentration",
    "sigma_h_field",
    "stoichiometry",
    "sigma_h",
    "von_mises",
    "max_principal_stress",
    "radial_stress",
    "hoop_stress",
    "strain_energy_density",
]

# Relative tolerance between the largest nodal stoichiometry (VTU) and the
# largest quadrature point value (statistics.csv).
STOICHIOMETRY_TOLERANCE = 0.05
# The VTU files store Float32 values.
FLOAT32_EPS = 1e-6


class Checker:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, ok, what, found):
        ok = bool(ok)
        print("%s  %s: %s" % ("PASS" if ok else "FAIL", what, found))
        if ok:
            self.passed += 1
        else:
            self.failed += 1
        return ok

    def finish(self):
        print("%d passed, %d failed" % (self.passed, self.failed))
        return 0 if self.failed == 0 and self.passed > 0 else 1


def read_pvd(path):
    """Return [(time, file)] of the collection, in file order."""
    root = ET.parse(path).getroot()
    steps = []
    for dataset in root.iter("DataSet"):
        steps.append((float(dataset.get("timestep")), dataset.get("file")))
    return steps


def read_c_max(path):
    pattern = re.compile(r"^\s*set\s+Maximum concentration\s*=\s*([^#\s]+)")
    with open(path) as f:
        for line in f:
            match = pattern.match(line)
            if match:
                return float(match.group(1))
    raise ValueError("no line 'set Maximum concentration = ...'")


def read_last_csv_row(path):
    with open(path, newline="") as f:
        rows = [row for row in csv.DictReader(f) if row]
    if not rows:
        raise ValueError("no data rows")
    # header labels are "name [unit]": key by the bare name
    return {key.split(" [")[0].strip(): float(value) for key, value in rows[-1].items()}


def find_array(grid, name):
    """Return (vtkDataArray, 'point'|'cell') or (None, None)."""
    array = grid.GetPointData().GetArray(name)
    if array is not None:
        return array, "point"
    array = grid.GetCellData().GetArray(name)
    if array is not None:
        return array, "cell"
    return None, None


def main():
    parser = argparse.ArgumentParser(
        description="Check the VTU/PVTU output of a chemomech run.")
    parser.add_argument("output_dir", metavar="OUTPUT_DIR")
    parser.add_argument("--ranks", type=int, required=True, metavar="N",
                        help="number of MPI ranks of the run")
    parser.add_argument("--dim", type=int, required=True, choices=(2, 3),
                        metavar="D", help="space dimension of the run (2 or 3)")
    args = parser.parse_args()
    if args.ranks < 1:
        parser.error("--ranks must be at least 1")

    out = args.output_dir
    dim = args.dim
    c = Checker()
    print("checking %s (%d rank(s), %dD)" % (out, args.ranks, dim))

    # --- the collection -----------------------------------------------------
    pvd_path = os.path.join(out, "solution.pvd")
    try:
        steps = read_pvd(pvd_path)
    except (OSError, ET.ParseError, TypeError, ValueError) as error:
        c.check(False, "read " + pvd_path, error)
        return c.finish()
    times = [t for t, _ in steps]
    c.check(len(steps) >= 2, "solution.pvd has at least 2 time steps",
            "%d time steps" % len(steps))
    c.check(len(steps) >= 1 and all(b > a for a, b in zip(times, times[1:])),
            "solution.pvd times increase",
            ", ".join("%g" % t for t in times[:8]) +
            (", ..." if len(times) > 8 else ""))
    if not steps:
        return c.finish()

    last_time, last_file = steps[-1]
    pvtu_path = os.path.join(out, last_file)
    if not c.check(os.path.isfile(pvtu_path), "last .pvtu exists",
                   "%s (t = %g s)" % (pvtu_path, last_time)):
        return c.finish()

    # --- the last time step -------------------------------------------------
    reader = vtk.vtkXMLPUnstructuredGridReader()
    reader.SetFileName(pvtu_path)
    reader.Update()
    grid = reader.GetOutput()
    n_points = grid.GetNumberOfPoints()
    n_cells = grid.GetNumberOfCells()
    c.check(reader.GetNumberOfPieces() == args.ranks,
            "number of pieces in the .pvtu equals --ranks",
            "%d pieces" % reader.GetNumberOfPieces())
    if not c.check(n_points > 0, "number of points > 0",
                   "%d points, %d cells" % (n_points, n_cells)):
        return c.finish()

    points = vtk_to_numpy(grid.GetPoints().GetData()).astype(float)
    z_extent = float(points[:, 2].max() - points[:, 2].min())
    if dim == 2:
        c.check(z_extent == 0, "2D: all points have z = 0",
                "z extent %g" % z_extent)
    else:
        c.check(z_extent > 0, "3D: points span z", "z extent %g" % z_extent)

    values = {}

    def array_check(name, components, cell_ok=False):
        array, where = find_array(grid, name)
        if array is None:
            c.check(False, "array '%s'" % name, "missing")
            return None
        n = array.GetNumberOfComponents()
        expected = n in components
        if where == "cell" and not cell_ok:
            expected = False
        size_ok = array.GetNumberOfTuples() == (n_points if where == "point"
                                                 else n_cells)
        c.check(expected and size_ok, "array '%s'" % name,
                "%s data, %d component(s), %d tuples"
                % (where, n, array.GetNumberOfTuples()))
        data = vtk_to_numpy(array).astype(float)
        values[name] = data
        return data

    # deal.II writes vectors with 3 components in VTK, also in 2D.
    array_check("displacement", (3,) if dim == 3 else (2, 3))
    for name in SCALAR_FIELDS:
        array_check(name, (1,))
    if dim == 3:
        array_check("stress", (9,))
    else:
        array, where = find_array(grid, "stress")
        print("info  array 'stress' (not required in 2D): %s" %
              ("missing" if array is None else "%s data, %d components"
               % (where, array.GetNumberOfComponents())))
    # The brief asks for a cell array; chemomech writes mpi_rank as point data
    # (constant on each process' cells), so both are accepted.
    rank = array_check("mpi_rank", (1,), cell_ok=True)

    for name, data in values.items():
        c.check(np.all(np.isfinite(data)), "'%s' finite" % name,
                "%d non-finite values" % np.count_nonzero(~np.isfinite(data)))

    # --- ranges -------------------------------------------------------------
    x = values.get("stoichiometry")
    if x is not None:
        c.check(x.min() >= -FLOAT32_EPS and x.max() <= 1 + FLOAT32_EPS,
                "stoichiometry within [0, 1]",
                "[%.6g, %.6g]" % (x.min(), x.max()))

    conc = values.get("concentration")
    prm_path = os.path.join(out, "parameters_used.prm")
    try:
        c_max = read_c_max(prm_path)
        c.check(c_max > 0, "c_max from parameters_used.prm", "%g mol/m^3" % c_max)
    except (OSError, ValueError) as error:
        c_max = None
        c.check(False, "c_max from " + prm_path, error)
    if conc is not None and x is not None and c_max:
        deviation = float(np.max(np.abs(conc - x * c_max))) / c_max
        c.check(deviation <= 1e-5,
                "concentration = stoichiometry * c_max pointwise",
                "concentration in [%.6g, %.6g] mol/m^3, stoichiometry * c_max "
                "in [%.6g, %.6g], largest difference %.2g c_max"
                % (conc.min(), conc.max(), x.min() * c_max, x.max() * c_max,
                   deviation))
        c.check(conc.min() >= -FLOAT32_EPS * c_max and
                conc.max() <= (1 + FLOAT32_EPS) * c_max,
                "concentration within [0, c_max]",
                "[%.6g, %.6g] mol/m^3" % (conc.min(), conc.max()))

    if rank is not None:
        c.check(rank.min() == 0 and rank.max() == args.ranks - 1
                and len(np.unique(rank)) == args.ranks,
                "mpi_rank range equals [0, %d]" % (args.ranks - 1),
                "[%g, %g], %d distinct values"
                % (rank.min(), rank.max(), len(np.unique(rank))))

    vm = values.get("von_mises")
    if vm is not None:
        c.check(vm.min() >= 0, "von_mises >= 0", "min %.6g Pa" % vm.min())

    sed = values.get("strain_energy_density")
    if sed is not None:
        c.check(sed.min() >= -FLOAT32_EPS * max(1.0, float(sed.max())),
                "strain_energy_density >= 0", "min %.6g J/m^3" % sed.min())

    # --- against statistics.csv ----------------------------------------------
    csv_path = os.path.join(out, "statistics.csv")
    try:
        row = read_last_csv_row(csv_path)
    except (OSError, ValueError, KeyError) as error:
        c.check(False, "last row of " + csv_path, error)
        return c.finish()
    if "time" in row:
        c.check(abs(row["time"] - last_time) <= 1e-6 * max(1.0, abs(last_time)),
                "last VTU time equals the last time in statistics.csv",
                "VTU %g s, CSV %g s" % (last_time, row["time"]))
    if x is not None and "surface_x_max" in row and "mean_x" in row:
        reference = max(row["surface_x_max"], row["mean_x"])
        relative = abs(x.max() - reference) / max(abs(reference), 1e-12)
        c.check(relative <= STOICHIOMETRY_TOLERANCE,
                "max stoichiometry in VTU vs max(surface_x_max, mean_x) in "
                "statistics.csv within %g %%" % (100 * STOICHIOMETRY_TOLERANCE),
                "VTU %.6g, CSV %.6g (surface_x_max %.6g, mean_x %.6g), "
                "difference %.2f %%" % (x.max(), reference, row["surface_x_max"],
                                        row["mean_x"], 100 * relative))
    else:
        c.check(False, "statistics.csv has surface_x_max and mean_x",
                ", ".join(sorted(row)))

    return c.finish()


if __name__ == "__main__":
    sys.exit(main())
