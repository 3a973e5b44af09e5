"""The iterative solver of the porous-electrode model (GMRES + block
Gauss-Seidel over phi_s, phi_e, c_e, u) against independent references, on
the 3D half cell of prm/graphite_half_cell.prm with 2 x 2 lateral cells:

1. Accuracy: 60 s of 1C lithiation with GMRES under the default
   inexact-Newton forcing and preconditioner reuse gives, at every step, the
   voltage, the lithium inventories and the porosity of the direct solver
   (MUMPS) to 1e-6 of each column's range (Newton converges the update to
   1e-10 relative), on 2 ranks.
2. The block splitting itself is mesh independent: with every diagonal block
   solved exactly (`Transport block = direct`, `Elasticity block = direct`),
   a fixed reduction of 1e-8 and a fresh preconditioner per solve, GMRES
   iterations per Newton iteration on refinements 0 and 1 (810 and 4,350
   unknowns) differ by at most 10 %.
3. The default preconditioner (AMG with 2 V-cycles on every block), same
   runs: the count grows by at most 20 % from refinement 0 to 1 (measured:
   1.07 with Trilinos, 1.15 with PETSc; 1.28 with one V-cycle before the
   constrained rows were taken out of the block scaling).
4. The flat cells of the example (1 x 1 lateral cells, aspect 2.8), first
   2 s: with the default semi-coarsened first AMG level across the
   thickness (`Thickness coarsening = true`) the count grows by at most
   15 % from refinement 1 to 3 (1,566 to 54,918 unknowns; measured 1.11,
   plain AMG 1.22). PETSc: at most 30 % (measured 1.26;
   1.41 with plain AMG and GAMG's aggressive first coarsening; 1.06 with
   the displacement block solved exactly: GAMG's count on that block still
   grows).
   Larger meshes: benchmarks/electrode_krylov.py.
Case: tests/verification/electrode_solver/half_cell.prm (the driver sets the
refinement, the end time, the lateral cells and the solver: tests/solvers/*.prm).
--parts selects the checks (default: all). ctest runs 1-3 as
verification/electrode_solver (on both backends in CI) and 4, the largest
mesh, as verification/electrode_solver.flat_cells (the default backend in CI;
the PETSc one with ctest -R electrode_solver in build-petsc/).
"""
import os
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from common import (DIRECT_SOLVER, FIXED_REDUCTION, GMRES_BLOCK, Checks,  # noqa: E402
                    include, parse_args, read_csv, run_file)

args = parse_args(lambda p: p.add_argument("--parts", default="1,2,3,4",
                                           help="comma-separated checks to run (1-4)"))
parts = {int(k) for k in args.parts.split(",")}
checks = Checks()

case = "verification/electrode_solver/half_cell.prm"


def setup(level, time, lateral=2):
    return ("subsection Electrode geometry\n"
            "  set Width cells        = %d\n  set Depth cells        = %d\n"
            "  set Global refinements = %d\nend\n"
            "subsection Cycling\n  set Steps = CC discharge 1C until V<0.005 or t>%gs\nend\n"
            % (lateral, lateral, level, time))


direct = DIRECT_SOLVER
gmres = GMRES_BLOCK


def check_accuracy():
    """1. Accuracy against the direct solver."""
    ref = read_csv(os.path.join(run_file(args, "direct", case, setup(0, 60) + direct, np=2),
                                "statistics.csv"))
    kry = read_csv(os.path.join(run_file(args, "gmres", case, setup(0, 60) + gmres, np=2),
                                "statistics.csv"))
    checks.true("same number of steps", len(ref) == len(kry), "%d vs %d" % (len(ref), len(kry)))
    for col in ["voltage", "lithium_solid", "lithium_electrolyte", "lithium_sei", "porosity_min",
                "porosity_mean", "sei_thickness_max", "surface_x_max"]:
        scale = max(abs(r[col]) for r in ref) or 1.0
        err = max(abs(a[col] - b[col]) for a, b in zip(ref, kry)) / scale
        checks.true("%s: max difference GMRES vs direct / column range = %.2e <= 1e-6" % (col, err),
                    err <= 1e-6)


def per_newton_ratio(label, name, solver, levels=(0, 1), time=30, lateral=2):
    """GMRES iterations per Newton iteration on the two refinements @p levels
    (fixed reduction, fresh preconditioner): returns the second / the first."""
    per_newton = {}
    for level in levels:
        rows = read_csv(os.path.join(run_file(args, "%s-r%d" % (name, level), case,
                                              setup(level, time, lateral) + solver,
                                              np=1), "statistics.csv"))[1:]
        per_newton[level] = (sum(r["linear_iterations"] for r in rows)
                             / sum(r["newton_iterations"] for r in rows))
        print("refinement %d, %s: %.2f GMRES iterations per Newton iteration (reduction 1e-8)"
              % (level, label, per_newton[level]))
    return per_newton[levels[1]] / per_newton[levels[0]]


def check_exact_blocks():
    """2. Exact blocks: outer iterations independent of the mesh."""
    fixed = gmres + FIXED_REDUCTION + include("solvers/exact_blocks.prm")
    ratio = per_newton_ratio("exact blocks", "exact-blocks", fixed)
    checks.true("exact blocks: iterations per Newton, refinement 1 / refinement 0 = %.3f in [0.9, 1.1]"
                % ratio, 0.9 <= ratio <= 1.1)


def check_amg_blocks():
    """3. The default block preconditioner (AMG on every block, 2 V-cycles)."""
    ratio = per_newton_ratio("AMG blocks", "amg-blocks", gmres + FIXED_REDUCTION)
    checks.true("AMG blocks: iterations per Newton, refinement 1 / refinement 0 = %.3f <= 1.2" % ratio,
                ratio <= 1.2)


def check_flat_cells():
    """4. Flat cells, refinements 1 and 3: the thickness coarsening (default)."""
    version = subprocess.run([args.chemomech, "--version"], stdout=subprocess.PIPE, text=True).stdout
    bound = 1.3 if "PETSc" in version else 1.15
    ratio = per_newton_ratio("AMG blocks, flat cells", "flat-cells", gmres + FIXED_REDUCTION,
                             levels=(1, 3), time=2, lateral=1)
    checks.true("flat cells: iterations per Newton, refinement 3 / refinement 1 = %.3f <= %g"
                % (ratio, bound), ratio <= bound)


for part, check in enumerate((check_accuracy, check_exact_blocks, check_amg_blocks,
                              check_flat_cells), start=1):
    if part in parts:
        check()
checks.finish()
