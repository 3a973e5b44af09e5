"""Shared helpers for the Python tests: run chemomech on a case file under
tests/ (run_file) or on a parameter text (run),
read its CSV output, and keep the 'N passed, M failed' bookkeeping."""
import argparse
import csv
import math
import os
import re
import subprocess
import sys


# Every case is a parameter file under tests/ that runs as it is from the
# repository root (`build/chemomech tests/verification/<test>/<case>.prm`):
# includes and mesh files inside a .prm resolve relative to the directory of
# that .prm, so the files the drivers write into the work directory include
# the cases by absolute path (case_path); the drivers still run chemomech
# from the repository root (run_file).
TESTS = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.dirname(TESTS)


def case_path(prm_path):
    """Absolute path of @p prm_path, given relative to tests/ (e.g.
    'verification/time_order/eigenmode.prm') or absolute."""
    return prm_path if os.path.isabs(prm_path) else os.path.join(TESTS, prm_path)


def include(prm_path):
    """An 'include' line for a file under tests/ (absolute path)."""
    return "\ninclude %s\n" % case_path(prm_path)


# Linear-solver snippets (tests/solvers/*.prm) to add after a case: the
# parallel direct solver, GMRES with the block preconditioner, and the
# settings that make GMRES counts measure the preconditioner alone (fixed
# reduction 1e-8, a fresh preconditioner per solve, no forcing term).
DIRECT_SOLVER = include("solvers/direct.prm")
GMRES_BLOCK = include("solvers/gmres_block.prm")
FIXED_REDUCTION = include("solvers/fixed_reduction.prm")


def parse_args(extra=None):
    p = argparse.ArgumentParser()
    p.add_argument("--chemomech", required=True)
    p.add_argument("--mpiexec", default="mpirun")
    p.add_argument("--workdir", required=True)
    p.add_argument("--np", type=int, default=1)
    if extra:
        extra(p)
    args = p.parse_args()
    # run_file runs chemomech from the repository root: make paths absolute
    args.workdir = os.path.abspath(args.workdir)
    if os.sep in args.chemomech:
        args.chemomech = os.path.abspath(args.chemomech)
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


def run_file(args, name, prm_path, overrides="", np=None, expect_ok=True, progress=False,
             result=False):
    """Runs the case file @p prm_path (relative to tests/ or absolute) on @p np
    ranks from the repository root: writes <workdir>/<name>.npN.prm =
    'include <case file>' + @p overrides (later 'set' lines override the
    case's) + Output/Directory = <workdir>/<name>.npN, and runs chemomech on
    it. Returns the output directory (and the CompletedProcess if @p result)."""
    np = np or args.np
    case = case_path(prm_path)
    if not os.path.exists(case):
        raise SystemExit("no case file %s" % case)
    label = "%s.np%d" % (name, np)
    out = os.path.join(args.workdir, label)
    prm = os.path.join(args.workdir, label + ".prm")
    with open(prm, "w") as f:
        f.write("# %s as run by %s\n" % (os.path.relpath(case, SOURCE), os.path.basename(sys.argv[0])))
        f.write("include %s\n" % case)
        f.write(overrides)
        f.write("\nsubsection Output\n  set Directory = %s\n  set Progress = %s\nend\n"
                % (out, "true" if progress else "false"))
    cmd = [args.chemomech, prm]
    if np > 1:
        cmd = [args.mpiexec, "--allow-run-as-root", "--oversubscribe", "-np", str(np)] + cmd
    env = dict(os.environ, OMPI_MCA_rmaps_base_oversubscribe="1")
    r = subprocess.run(cmd, cwd=SOURCE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                       env=env)
    if expect_ok and r.returncode != 0:
        print(r.stdout)
        raise SystemExit("chemomech failed on %s (exit %d)" % (prm, r.returncode))
    return (out, r) if result else out


# A CSV header label "name [unit]" (or a bare "name" for counts).
LABEL = re.compile(r"^(?P<name>[^\[\]]*?)(?: \[(?P<unit>[^\]]+)\])?$")


def column_name(label):
    """The bare column name of a CSV header label: 'time [s]' -> 'time'."""
    return LABEL.match(label.strip()).group("name")


def column_unit(label):
    """The unit of a CSV header label ('time [s]' -> 's'), None without one."""
    return LABEL.match(label.strip()).group("unit")


def read_header(path):
    """The header labels of a CSV file, as written ('time [s]', ...)."""
    with open(path, newline="") as f:
        return next(csv.reader(f))


def read_csv(path):
    """Rows of a chemomech CSV file as dicts keyed by the bare column name
    (the ' [unit]' of the header label stripped), values as floats."""
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    return [{column_name(k): float(v) for k, v in row.items()} for row in rows]


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
