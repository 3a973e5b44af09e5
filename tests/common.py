"""Shared helpers for the Python tests: run chemomech on a parameter text,
read its CSV output, and keep the 'N passed, M failed' bookkeeping."""
import argparse
import csv
import math
import os
import subprocess
import sys


# Linear-solver snippets appended to a parameter text: the parallel direct
# solver, GMRES with the block preconditioner, and the settings that make
# GMRES counts measure the preconditioner alone (fixed reduction 1e-8, a
# fresh preconditioner per solve, no forcing term).
DIRECT_SOLVER = """
subsection Linear solver
  set Solver = direct
end
"""
GMRES_BLOCK = """
subsection Linear solver
  set Solver         = gmres
  set Preconditioner = block
end
"""
FIXED_REDUCTION = """
subsection Linear solver
  set Relative tolerance   = 1e-8
  set Reuse preconditioner = false
end
subsection Newton
  set Forcing term = none
end
"""


def parse_args(extra=None):
    p = argparse.ArgumentParser()
    p.add_argument("--chemomech", required=True)
    p.add_argument("--mpiexec", default="mpirun")
    p.add_argument("--workdir", required=True)
    p.add_argument("--np", type=int, default=1)
    if extra:
        extra(p)
    args = p.parse_args()
    os.makedirs(args.workdir, exist_ok=True)
    return args


def run(args, name, prm_text, np=None, expect_ok=True):
    """Writes <workdir>/<name>.prm (with Output/Directory = <workdir>/<name>)
    and runs chemomech on it. Returns the output directory."""
    np = np or args.np
    out = os.path.join(args.workdir, name)
    prm = os.path.join(args.workdir, name + ".prm")
    with open(prm, "w") as f:
        f.write(prm_text)
        f.write("\nsubsection Output\n  set Directory = %s\n  set Progress = false\nend\n" % out)
    cmd = [args.chemomech, prm]
    if np > 1:
        cmd = [args.mpiexec, "--allow-run-as-root", "--oversubscribe", "-np", str(np)] + cmd
    env = dict(os.environ, OMPI_MCA_rmaps_base_oversubscribe="1")
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    if expect_ok and r.returncode != 0:
        print(r.stdout)
        raise SystemExit("chemomech failed on %s (exit %d)" % (prm, r.returncode))
    return out


def read_csv(path):
    with open(path) as f:
        rows = list(csv.DictReader(f))
    return [{k: float(v) for k, v in row.items()} for row in rows]


class Checks:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def near(self, name, value, reference, tol, scale=None):
        """|value - reference| <= tol * (scale or |reference|)."""
        s = scale if scale is not None else abs(reference)
        err = abs(value - reference) / s if s > 0 else abs(value - reference)
        ok = math.isfinite(value) and err <= tol
        self._report(ok, "%s: %.10g vs %.10g (rel. error %.3g, tolerance %.3g)"
                     % (name, value, reference, err, tol))
        return err

    def true(self, name, cond, detail=""):
        self._report(bool(cond), name + (": " + detail if detail else ""))

    def _report(self, ok, text):
        if ok:
            self.passed += 1
        else:
            self.failed += 1
        print(("PASS " if ok else "FAIL ") + text, flush=True)

    def finish(self):
        print("%d passed, %d failed" % (self.passed, self.failed))
        sys.exit(0 if self.failed == 0 else 1)
