#!/usr/bin/env python3
"""Krylov iterations of the porous-electrode model's block preconditioner
under refinement (prints a table; asserts nothing).

  benchmarks/electrode_krylov.py                        # refinements 0 1 2
  benchmarks/electrode_krylov.py --levels 1,2,3 --lateral 1 --blocks amg,direct
  benchmarks/electrode_krylov.py --cycles 1             # one V-cycle per block
  benchmarks/electrode_krylov.py --smoother "symmetric Gauss-Seidel"
  benchmarks/electrode_krylov.py --blocks direct/amg     # transport exact, elasticity AMG
  benchmarks/electrode_krylov.py --thickness-coarsening false  # plain AMG on c_e, phi_e, phi_s

The case is the 3D half cell of prm/graphite_half_cell.prm with --lateral x
--lateral cells across, lithiated at 1C for --time seconds; every Newton
iteration is solved by GMRES to a fixed reduction of 1e-8 with a fresh
preconditioner (no forcing term, no reuse), so the counts measure the
preconditioner alone. --blocks amg: AMG on every diagonal block (the
default); direct: every diagonal block solved exactly, which isolates the
block splitting from the multigrid approximation of the blocks; T/E (e.g.
direct/amg) sets the transport blocks (c_e, phi_e, phi_s) and the elasticity
block apart. --smoother: "AMG smoother" of every AMG block. --cycles:
V-cycles per block application ("AMG cycles"); the vcycles/newton column
is krylov/newton times that, the multigrid work per Newton iteration.
--thickness-coarsening false: plain AMG on the scalar blocks instead of the
semi-coarsened first level across the thickness.
"""
import argparse
import csv
import os
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

CASE = """include {root}/prm/graphite_half_cell.prm
subsection Electrode geometry
  set Width cells        = {lateral}
  set Depth cells        = {lateral}
  set Global refinements = {level}
end
subsection Cycling
  set Steps = CC discharge 1C until V<0.005 or t>{time}s
end
subsection Linear solver
  set Solver               = gmres
  set Preconditioner       = block
  set Relative tolerance   = 1e-8
  set Reuse preconditioner = false
  set Transport block      = {transport}
  set Elasticity block     = {elasticity}
  set AMG cycles           = {cycles}
  set AMG smoother         = {smoother}
  set Thickness coarsening = {thickness}
end
subsection Newton
  set Forcing term = none
end
subsection Output
  set Directory    = {work}
  set VTU interval = 0
  set Progress     = false
end
"""


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--levels", default="0,1,2", help="global refinements (default: %(default)s)")
    ap.add_argument("--lateral", type=int, default=2, help="cells across the width and depth (default: 2)")
    ap.add_argument("--time", type=float, default=30, help="seconds of 1C lithiation (default: 30)")
    ap.add_argument("--blocks", default="amg", help="comma-separated: amg, direct (default: amg)")
    ap.add_argument("--cycles", type=int, default=2,
                    help="AMG V-cycles per block application (default: 2, the model's default)")
    ap.add_argument("--smoother", default="ILU",
                    help='AMG smoother: ILU, "symmetric Gauss-Seidel" or Chebyshev (default: ILU, the model\'s)')
    ap.add_argument("--thickness-coarsening", default="true", choices=["true", "false"],
                    help="semi-coarsened first AMG level across the thickness (default: true, the model's)")
    ap.add_argument("--np", type=int, default=1, help="MPI ranks (default: 1)")
    ap.add_argument("--build", default=os.path.join(ROOT, "build"), help="build directory")
    ap.add_argument("--workdir", default=os.path.join(ROOT, "build", "benchmarks", "electrode-krylov"))
    args = ap.parse_args()
    os.environ.setdefault("OMPI_ALLOW_RUN_AS_ROOT", "1")
    os.environ.setdefault("OMPI_ALLOW_RUN_AS_ROOT_CONFIRM", "1")

    print("%-11s %6s %10s %7s %7s %14s %15s %9s" % ("blocks", "level", "unknowns", "steps", "newton",
                                                  "krylov/newton", "vcycles/newton", "wall_s"))
    for blocks in args.blocks.split(","):
        for level in [int(x) for x in args.levels.split(",")]:
            work = os.path.join(args.workdir, "%s-%s-c%d-t%s-l%d-r%d-np%d" % (
                blocks.replace("/", "-"), args.smoother.split()[0], args.cycles, args.thickness_coarsening[0],
                args.lateral, level, args.np))
            os.makedirs(work, exist_ok=True)
            prm = os.path.join(work, "input.prm")
            with open(prm, "w") as f:
                f.write(CASE.format(root=ROOT, lateral=args.lateral, level=level, time=args.time,
                                    transport=blocks.split("/")[0], elasticity=blocks.split("/")[-1],
                                    work=work, cycles=args.cycles, smoother=args.smoother,
                                    thickness=args.thickness_coarsening))
            cmd = [os.path.join(args.build, "chemomech"), prm]
            if args.np > 1:
                cmd = ["mpirun", "--allow-run-as-root", "--oversubscribe", "-np", str(args.np)] + cmd
            start = time.time()
            with open(os.path.join(work, "log.txt"), "w") as log:
                r = subprocess.run(cmd, stdout=log, stderr=subprocess.STDOUT, cwd=ROOT)
            wall = time.time() - start
            if r.returncode != 0:
                print("level %d (%s) failed, see %s" % (level, blocks, os.path.join(work, "log.txt")),
                      file=sys.stderr)
                return 1
            unknowns = 0
            with open(os.path.join(work, "log.txt")) as log:
                for line in log:
                    if "unknowns" in line and "mesh:" in line:
                        unknowns = int(line.split("cells,")[1].split()[0])
            with open(os.path.join(work, "statistics.csv")) as f:
                # header labels "name [unit]": key by the bare name
                rows = [{k.split(" [")[0]: v for k, v in r.items()}
                        for r in list(csv.DictReader(f))[1:]]
            newton = sum(float(r["newton_iterations"]) for r in rows)
            krylov = sum(float(r["linear_iterations"]) for r in rows)
            per_newton = krylov / max(newton, 1)
            # V-cycles of each block's AMG per Newton iteration (the work)
            vcycles = per_newton * args.cycles if "amg" in blocks else 0
            print("%-11s %6d %10d %7d %7d %14.2f %15.2f %9.1f" % (blocks, level, unknowns, len(rows), newton,
                                                                per_newton, vcycles, wall))
            sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
