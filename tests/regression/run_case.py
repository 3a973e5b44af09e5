"""Regression test of one prm/ example: runs it shortened (the example is
included unchanged, then the lines of <name>.override shorten it) on N ranks
from the repository root, and compares statistics.csv with the stored
reference using numdiff. Each column is first divided by the largest
magnitude of that column in the reference, so that roundoff noise around a
physical zero (e.g. 1e-8 Pa of stress in a stress-free state) is judged
against the column's scale: numdiff -r 1e-8 -a 1e-10 on the scaled values
by default (--relative-tolerance, --absolute-tolerance; tests/regression/
CMakeLists.txt says which cases are judged more loosely, and why).
Columns in Pa are scaled by at least 1 MPa, the error columns by at least 1.
--update rewrites the reference instead (scripts/update_references.sh)."""
import argparse
import csv
import os
import shutil
import subprocess
import sys

p = argparse.ArgumentParser()
p.add_argument("--chemomech", required=True)
p.add_argument("--mpiexec", default="mpirun")
p.add_argument("--workdir", required=True)
p.add_argument("--source", required=True)
p.add_argument("--name", required=True)
p.add_argument("--np", type=int, default=1)
p.add_argument("--numdiff", default="numdiff")
p.add_argument("--update", action="store_true")
p.add_argument("--relative-tolerance", default="1e-8")
p.add_argument("--absolute-tolerance", default="1e-10")
args = p.parse_args()

here = os.path.dirname(os.path.abspath(__file__))
example = os.path.join(args.source, "prm", args.name + ".prm")
override = os.path.join(here, args.name + ".override")
reference = os.path.join(here, args.name + ".statistics.csv")
os.makedirs(args.workdir, exist_ok=True)
out = os.path.join(args.workdir, "output")
if os.path.isdir(out):
    shutil.rmtree(out)
prm = os.path.join(args.workdir, "input.prm")
with open(prm, "w") as f:
    f.write("include %s\n" % example)
    f.write(open(override).read())
    f.write("\nsubsection Output\n  set Directory = %s\n  set Progress = false\nend\n" % out)

cmd = [args.chemomech, prm]
if args.np > 1:
    cmd = [args.mpiexec, "--allow-run-as-root", "--oversubscribe", "-np", str(args.np)] + cmd
r = subprocess.run(cmd, cwd=args.source, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
print(r.stdout[-3000:])
if r.returncode != 0:
    print("FAIL: chemomech exited with %d" % r.returncode)
    print("0 passed, 1 failed")
    sys.exit(1)
result = os.path.join(out, "statistics.csv")
status = open(os.path.join(out, "status.txt")).read().strip()
print("status:", status)

if args.update:
    shutil.copy(result, reference)
    print("updated", reference)
    sys.exit(0)


def read(path):
    with open(path) as f:
        rows = list(csv.reader(f))
    return rows[0], [[float(v) for v in row] for row in rows[1:]]


header_ref, ref = read(reference)
header_new, new = read(result)
failed = 0
if header_ref != header_new or len(ref) != len(new):
    print("FAIL: columns or number of rows differ: %d vs %d rows" % (len(new), len(ref)))
    print("0 passed, 1 failed")
    sys.exit(1)
# Dimensionless error columns are judged on an absolute scale of 1, stresses
# and pressures on a scale of at least 1 MPa (the stresses of interest are
# 1-1000 MPa; a column that is zero up to roundoff, such as the stack pressure
# of a cell with a free stack face, reads 1e-10 Pa of noise that changes sign
# with the number of ranks, and must not be judged against its own noise).
floor = {"lithium_balance_error": 1.0, "charge_balance_error": 1.0}
unit_floor = {"Pa": 1e6}


def column_floor(label):
    """Smallest scale of a column "name [unit]": by name, then by unit."""
    name, _, unit = label.partition(" [")
    return max(floor.get(name, 0.0), unit_floor.get(unit.rstrip("]"), 0.0))


scale = [max(max(abs(row[k]) for row in ref), column_floor(h)) or 1.0
         for k, h in enumerate(header_ref)]
for name, rows in (("reference", ref), ("result", new)):
    with open(os.path.join(args.workdir, name + ".scaled"), "w") as f:
        for row in rows:
            f.write(" ".join("%.15e" % (v / s) for v, s in zip(row, scale)) + "\n")
tol = ["-r", args.relative_tolerance, "-a", args.absolute_tolerance]
nd = subprocess.run([args.numdiff, "-q"] + tol + [
                     os.path.join(args.workdir, "reference.scaled"),
                     os.path.join(args.workdir, "result.scaled")],
                    stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
if nd.returncode != 0:
    subprocess.run([args.numdiff] + tol + ["-V",
                    os.path.join(args.workdir, "reference.scaled"),
                    os.path.join(args.workdir, "result.scaled")])
    print("FAIL: statistics.csv differs from %s (columns: %s)" % (reference, ",".join(header_ref)))
    print("0 passed, 1 failed")
    sys.exit(1)
print("PASS: %d rows x %d columns agree with the reference (numdiff %s, "
      "column-scaled) on %d rank(s)" % (len(new), len(header_new), " ".join(tol), args.np))
print("1 passed, 0 failed")
