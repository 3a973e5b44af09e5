"""The iterative solver (GMRES + block preconditioner: AMG with rigid-body
modes on the displacement block, AMG on the concentration block, ILU on the
sigma_h mass block) against two independent references:

1. Accuracy: the coupled galvanostatic sphere (the default example,
   shortened, 2 ranks) solved with GMRES under the default inexact-Newton
   (Eisenstat-Walker) forcing and preconditioner reuse gives, at every
   step, the same statistics as the parallel direct solver (MUMPS) to
   1e-6 of each column's range (the Newton tolerance is 1e-10).
2. Scalability: with a fixed tolerance (1e-8, no forcing, a fresh
   preconditioner per solve), GMRES iterations per solve on refinement
   levels 2 and 3 (12.5k and 96k unknowns) differ by at most 25 % -- mesh
   independence, the property that makes 10^6 unknowns affordable.
Case: tests/verification/krylov_solver/galvanostatic.prm (the driver sets the
refinement, the end time and the solver: tests/solvers/*.prm).
--parts selects the checks (default: all). ctest runs 1 as
verification/krylov_solver (on both backends in CI) and 2, the 96k-unknown
mesh, as verification/krylov_solver.scaling (the default backend in CI; the
PETSc one with ctest -R krylov_solver in build-petsc/).
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from common import (DIRECT_SOLVER, FIXED_REDUCTION, GMRES_BLOCK, Checks,  # noqa: E402
                    parse_args, read_csv, run_file)

args = parse_args(lambda p: p.add_argument("--parts", default="1,2",
                                           help="comma-separated checks to run (1-2)"))
parts = {int(k) for k in args.parts.split(",")}
checks = Checks()

case = "verification/krylov_solver/galvanostatic.prm"


def setup(level, end_time):
    return ("subsection Geometry\n  set Global refinements = %d\nend\n"
            "subsection Time stepping\n  set End time = %g\nend\n" % (level, end_time))


gmres = GMRES_BLOCK


def check_accuracy():
    """1. Accuracy against the direct solver."""
    direct = read_csv(os.path.join(run_file(args, "direct", case, setup(2, 300) + DIRECT_SOLVER, np=2),
                                   "statistics.csv"))
    krylov = read_csv(os.path.join(run_file(args, "gmres", case, setup(2, 300) + gmres, np=2),
                                   "statistics.csv"))
    checks.true("same number of steps", len(direct) == len(krylov), "%d vs %d" % (len(direct), len(krylov)))
    columns = ["mean_x", "surface_x_mean", "surface_x_min", "surface_x_max", "sigma_h_min",
               "sigma_h_max", "max_principal_stress", "surface_hoop_mean", "surface_hoop_max",
               "centre_radial_stress", "total_lithium", "elastic_energy"]
    for col in columns:
        scale = max(abs(r[col]) for r in direct)
        err = max(abs(a[col] - b[col]) for a, b in zip(direct, krylov)) / scale
        checks.true("%s: max difference GMRES vs direct / column range = %.2e <= 1e-6" % (col, err),
                    err <= 1e-6)
    its = sum(r["linear_iterations"] for r in krylov[1:])
    newton = sum(r["newton_iterations"] for r in krylov[1:])
    print("GMRES: %d Krylov iterations in %d Newton iterations (%.1f per Newton iteration)"
          % (its, newton, its / newton))


def check_scaling():
    """2. Iterations per solve under refinement."""
    fixed = gmres + FIXED_REDUCTION
    per_solve = {}
    for level in (2, 3):
        rows = read_csv(os.path.join(run_file(args, "level%d" % level, case, setup(level, 3) + fixed, np=2),
                                     "statistics.csv"))[1:]
        per_solve[level] = (sum(r["linear_iterations"] for r in rows)
                            / sum(r["newton_iterations"] for r in rows))
        print("level %d: %.1f GMRES iterations per solve (reduction 1e-8)" % (level, per_solve[level]))
    ratio = per_solve[3] / per_solve[2]
    checks.true("iterations per solve, level 3 / level 2 = %.2f <= 1.25" % ratio, ratio <= 1.25)


if 1 in parts:
    check_accuracy()
if 2 in parts:
    check_scaling()
checks.finish()
