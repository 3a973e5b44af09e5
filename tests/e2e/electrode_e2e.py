"""End to end, electrode model: the full-cell example shortened (one short
cycle) on 2 ranks with VTU output; the .pvd/.pvtu are read back with VTK and
checked for the fields of the issue (c_e, phi_e, phi_s, u, porosity, SEI
thickness, surface stoichiometry and stress, intercalation and SEI currents,
the electrode-scale stress fields)
with physical value ranges; the fields of the solid phase are NaN at the
separator points and finite in the electrodes, c_e, phi_e and the porosity
finite everywhere, and VTK's range of phi_s skips the NaN; plot_cycling.py must turn the CSVs into a PNG and
cycles.csv must have its row. Case: tests/e2e/electrode_output/full_cell.prm."""
import os
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
import common  # noqa: E402

args = common.parse_args()
check = common.Checks()
source = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
out = common.run_file(args, "full_cell", "e2e/electrode_output/full_cell.prm", np=2)
pvd = os.path.join(out, "solution.pvd")
check.true("solution.pvd written", os.path.exists(pvd))

import vtk  # noqa: E402
from vtk.util.numpy_support import vtk_to_numpy  # noqa: E402

files = sorted(f for f in os.listdir(out) if f.endswith(".pvtu"))
check.true("several .pvtu time steps", len(files) >= 3, "%d files" % len(files))
reader = vtk.vtkXMLPUnstructuredGridReader()
reader.SetFileName(os.path.join(out, files[-1]))
reader.Update()
grid = reader.GetOutput()
point_fields = {"electrolyte_concentration": (100, 5000), "electrolyte_potential": (-1, 1),
                "solid_potential": (-0.1, 4.5), "displacement": (-1e-5, 1e-5)}
cell_fields = {"porosity": (0.01, 0.6), "sei_thickness": (0, 1e-6),
               "surface_stoichiometry": (0, 1), "surface_hydrostatic_stress": (-1e10, 1e10),
               "intercalation_current_density": (-50, 50), "sei_current_density": (-1, 0),
               "electrode_stress_xx": (-1e10, 1e10), "electrode_stress_yy": (-1e10, 1e10),
               "electrode_hydrostatic_stress": (-1e10, 1e10),
               "electrode_von_mises_stress": (0, 1e10), "solid_hydrostatic_stress": (-1e10, 1e10)}
import numpy as np  # noqa: E402


def field(name):
    # deal.II writes cell data as piecewise constant point data of its patches
    arr = grid.GetPointData().GetArray(name) or grid.GetCellData().GetArray(name)
    return None if arr is None else vtk_to_numpy(arr).astype(float)


for name, (lo, hi) in list(point_fields.items()) + list(cell_fields.items()):
    v = field(name)
    check.true("field %s present" % name, v is not None)
    if v is not None:
        # fields of the solid phase are NaN in the separator (checked below)
        f = v[np.isfinite(v)]
        check.true("field %s in [%g, %g]" % (name, lo, hi),
                   f.size > 0 and f.min() >= lo and f.max() <= hi,
                   "range [%g, %g]" % (f.min(), f.max()) if f.size else "no finite value")

# The separator (material id 2): the fields that exist only in the electrodes
# are NaN, so that ParaView's colour range is that of the electrodes; the
# electrolyte fields and the porosity are finite there and everywhere.
solid_only = ["solid_potential", "sei_thickness", "surface_stoichiometry",
              "surface_hydrostatic_stress", "intercalation_current_density",
              "sei_current_density", "solid_hydrostatic_stress"]
everywhere = ["electrolyte_concentration", "electrolyte_potential", "porosity",
              "electrode_hydrostatic_stress"]
material = field("material_id")
separator = np.isclose(material, 2)
check.true("VTU has separator and electrode points",
           separator.any() and (~separator).any(), "%d of %d points in the separator"
           % (separator.sum(), separator.size))
for name in solid_only:
    v = field(name)
    check.true("%s is NaN at every separator point" % name, np.isnan(v[separator]).all(),
               "%d of %d NaN" % (np.isnan(v[separator]).sum(), separator.sum()))
    check.true("%s is finite at every electrode point" % name,
               np.isfinite(v[~separator]).all(), "%d NaN" % np.isnan(v[~separator]).sum())
for name in everywhere:
    v = field(name)
    check.true("%s is finite everywhere (separator included)" % name, np.isfinite(v).all(),
               "%d NaN" % np.isnan(v).sum())
# VTK (and so ParaView) skips NaN when it computes a data range: the range of
# phi_s is the min and max over the electrode points.
arr = grid.GetPointData().GetArray("solid_potential")
lo, hi = arr.GetRange()
phi_s = field("solid_potential")[~separator]
check.true("VTK range of solid_potential skips the separator's NaN",
           np.isfinite([lo, hi]).all() and lo == phi_s.min() and hi == phi_s.max(),
           "[%g, %g] vs electrode values [%g, %g]" % (lo, hi, phi_s.min(), phi_s.max()))
rows = common.read_csv(os.path.join(out, "cycles.csv"))
check.true("cycles.csv has the cycle", len(rows) == 1 and rows[0]["discharge_capacity"] > 0)
p = subprocess.run([sys.executable, os.path.join(source, "scripts", "plot_cycling.py"), out])
png = os.path.join(out, "cycling.png")
check.true("plot_cycling.py wrote a PNG",
           p.returncode == 0 and os.path.exists(png) and os.path.getsize(png) > 10000)
check.true("status completed", open(os.path.join(out, "status.txt")).read().startswith("completed"))
check.finish()
