"""End to end, electrode model: the full-cell example shortened (one short
cycle) on 2 ranks with VTU output; the .pvd/.pvtu are read back with VTK and
checked for the fields of the issue (c_e, phi_e, phi_s, u, porosity, SEI
thickness, surface stoichiometry and stress, intercalation and SEI currents,
the electrode-scale stress fields)
with physical value ranges; plot_cycling.py must turn the CSVs into a PNG and
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
for name, (lo, hi) in list(point_fields.items()) + list(cell_fields.items()):
    # deal.II writes cell data as piecewise constant point data of its patches
    arr = grid.GetPointData().GetArray(name) or grid.GetCellData().GetArray(name)
    check.true("field %s present" % name, arr is not None)
    if arr is not None:
        v = vtk_to_numpy(arr)
        check.true("field %s in [%g, %g]" % (name, lo, hi), v.min() >= lo and v.max() <= hi,
                   "range [%g, %g]" % (v.min(), v.max()))
rows = common.read_csv(os.path.join(out, "cycles.csv"))
check.true("cycles.csv has the cycle", len(rows) == 1 and rows[0]["discharge_capacity"] > 0)
p = subprocess.run([sys.executable, os.path.join(source, "scripts", "plot_cycling.py"), out])
png = os.path.join(out, "cycling.png")
check.true("plot_cycling.py wrote a PNG",
           p.returncode == 0 and os.path.exists(png) and os.path.getsize(png) > 10000)
check.true("status completed", open(os.path.join(out, "status.txt")).read().startswith("completed"))
check.finish()
