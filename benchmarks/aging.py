#!/usr/bin/env python3
"""Aging benchmark of the electrode model: the 100 cycles of
prm/full_cell_aging.prm, timed, counted and compared with a reference.

  benchmarks/aging.py                            # aging-100 on 2 ranks
  benchmarks/aging.py --cases aging-100-1d --np 1
  benchmarks/aging.py --cases aging-reference    # the tight-tolerance run
  benchmarks/aging.py --cases aging-100 --chemomech /other/build/chemomech

Cases:
  aging-100          prm/full_cell_aging.prm as shipped (3D), no output but
                     statistics.csv and cycles.csv
  aging-100-1d       the same cell in 1D
  aging-reference    aging-100 with tight time-step control (the accuracy
                     reference: BDF2, every step a tenth of the example's
                     before error control)
  aging-reference-1d the same in 1D
  aging-N, aging-N-1d, aging-reference-N...: the first N cycles only
  (a run is compared with the reference run of the same cycles and
  dimension, if one is in --workdir)

Each run prints wall time, steps, Newton iterations, rejected steps and the
timer breakdown of performance.json (assembly, of which the local
quadrature-point updates, linear solve, integrals and commit, output and
statistics, set-up, the rest); when a reference
run of the same cell and cycle count exists in --workdir, also the accuracy
figures of the issue: capacity retention, lithium lost, final mean porosity
and mean SEI thickness relative to the reference, and the largest voltage
difference over the last cycle's discharge (interpolated in discharged
capacity). Nothing here asserts a time.
"""
import argparse
import csv
import json
import os
import re
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Tight control: second-order BDF2 with steps limited to a tenth of the
# example's as shipped before error control (the stoichiometry rule alone):
# its time discretisation error is about 1/100 of that of BDF2 at the
# example's step sizes.
TIGHT = """
subsection Cycling
  set Maximum time step after switch = 0.1
end
subsection Time stepping
  set Scheme                      = bdf2
  set Initial time step           = 0.1
  set Maximum time step           = 12
  set Target stoichiometry change = 0.002
  subsection Error control
    set Enabled = false
  end
end
"""


def parse_case(name):
    """(reference?, cycles, 1d?) of case @p name."""
    tokens = name.split("-")
    if tokens[0] != "aging" or not all(t in ("reference", "1d") or t.isdigit()
                                       for t in tokens[1:]):
        raise ValueError("unknown case '%s'" % name)
    cycles = [int(t) for t in tokens[1:] if t.isdigit()]
    return "reference" in tokens, cycles[0] if cycles else 100, "1d" in tokens


def case_input(name):
    """Input text of case @p name and the key of its cell (cycles, 1d?)."""
    reference, cycles, one_d = parse_case(name)
    text = "include %s/prm/full_cell_aging.prm\n" % ROOT
    if one_d:
        text += "set Dimension = 1\n"
    text += "subsection Cycling\n  set Number of cycles = %d\nend\n" % cycles
    if reference:
        text += TIGHT
    return text, (cycles, one_d)


def is_reference_of(name, cycles, one_d):
    try:
        return parse_case(name) == (True, cycles, one_d)
    except ValueError:
        return False


def read_csv(path):
    with open(path) as f:
        rows = list(csv.DictReader(f))
    out = []
    for r in rows:
        out.append({re.sub(r" \[.*\]$", "", k): float(v) for k, v in r.items()})
    return out


def run(name, np, args):
    text, _ = case_input(name)
    work = os.path.join(args.workdir, "%s-np%d" % (name, np))
    os.makedirs(work, exist_ok=True)
    prm = os.path.join(work, "input.prm")
    with open(prm, "w") as f:
        f.write(text)
        f.write("subsection Output\n  set Directory = %s\n  set Progress = false\n"
                "  set Write VTU = false\nend\n" % work)
    cmd = [args.chemomech, prm]
    if np > 1:
        cmd = ["mpirun", "--allow-run-as-root", "--oversubscribe", "-np", str(np)] + cmd
    start = time.time()
    with open(os.path.join(work, "log.txt"), "w") as log:
        r = subprocess.run(cmd, stdout=log, stderr=subprocess.STDOUT, cwd=ROOT)
    wall = time.time() - start
    if r.returncode != 0:
        print("%s on %d rank(s) failed (exit %d), see %s/log.txt"
              % (name, np, r.returncode, work), file=sys.stderr)
        return None
    with open(os.path.join(work, "performance.json")) as f:
        p = json.load(f)
    p["wall"] = wall
    p["work"] = work
    return p


def report(name, np, p):
    total = p["seconds_total"]
    # The local quadrature-point updates run inside the assembly (their
    # time is part of seconds_assembly; older builds report 0).
    parts = {"assembly": p["seconds_assembly"],
             "of which local updates": p.get("seconds_local_update", 0.0),
             "linear solve": p["seconds_linear_solve"],
             "integrals+commit": p.get("seconds_integrals", 0.0),
             "output+statistics": p["seconds_output"],
             "set-up": p.get("seconds_setup", 0.0)}
    parts["rest"] = max(0.0, total - sum(v for k, v in parts.items()
                                         if k != "of which local updates"))
    print("%s np %d: wall %.1f s (run %.1f s), %d steps, %d Newton iterations "
          "(%.2f per step), %d rejected"
          % (name, np, p["wall"], total, p["steps"], p["newton_iterations"],
             p["newton_iterations"] / max(1, p["steps"]), p["rejected_steps"]))
    print("    timer shares: " + ", ".join("%s %.1f s (%.0f %%)" % (k, v, 100 * v / total)
                                           for k, v in parts.items()))


def last_discharge(stats):
    """Voltage against discharged capacity over the last cycle's first step."""
    last = max(r["cycle"] for r in stats)
    rows = [r for r in stats if r["cycle"] == last and r["step"] == 1]
    return [(r["discharge_capacity"], r["voltage"]) for r in rows]


def interpolate(curve, q):
    for (q0, v0), (q1, v1) in zip(curve, curve[1:]):
        if q0 <= q <= q1 and q1 > q0:
            return v0 + (v1 - v0) * (q - q0) / (q1 - q0)
    return None


def accuracy(p, ref):
    cyc, cyc_ref = read_csv(p["work"] + "/cycles.csv"), read_csv(ref + "/cycles.csv")
    st, st_ref = read_csv(p["work"] + "/statistics.csv"), read_csv(ref + "/statistics.csv")
    rel = lambda a, b: abs(a - b) / abs(b) if b != 0 else abs(a - b)
    figures = {
        "capacity retention": rel(cyc[-1]["capacity_retention"], cyc_ref[-1]["capacity_retention"]),
        "lithium lost": rel(cyc[-1]["lithium_lost"], cyc_ref[-1]["lithium_lost"]),
        "final mean porosity": rel(st[-1]["porosity_mean"], st_ref[-1]["porosity_mean"]),
        "mean SEI thickness": rel(st[-1]["sei_thickness_mean"], st_ref[-1]["sei_thickness_mean"]),
    }
    print("    vs reference (relative; target 0.1 %): " +
          ", ".join("%s %.3g %%" % (k, 100 * v) for k, v in figures.items()))
    curve, ref_curve = last_discharge(st), last_discharge(st_ref)
    diffs = [abs(v - interpolate(ref_curve, q)) for q, v in curve
             if interpolate(ref_curve, q) is not None]
    if diffs:
        print("    last discharge voltage vs reference: max %.3f mV over %d points (target 1 mV)"
              % (1e3 * max(diffs), len(diffs)))


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cases", default="aging-100", help="comma-separated (default: %(default)s)")
    ap.add_argument("--np", default="2", help="comma-separated rank counts (default: 2)")
    ap.add_argument("--chemomech", default=os.path.join(ROOT, "build", "chemomech"))
    ap.add_argument("--workdir", default=os.path.join(ROOT, "build", "benchmarks"))
    args = ap.parse_args()
    os.environ.setdefault("OMPI_ALLOW_RUN_AS_ROOT", "1")
    os.environ.setdefault("OMPI_ALLOW_RUN_AS_ROOT_CONFIRM", "1")
    if not os.path.exists(args.chemomech):
        r = subprocess.run(["bash", os.path.join(ROOT, "scripts", "setup.sh")])
        if r.returncode != 0:
            return 1
    status = 0
    for name in [c for c in args.cases.split(",") if c]:
        try:
            reference, cycles, one_d = parse_case(name)
        except ValueError as e:
            ap.error(str(e))
        for np in [int(x) for x in args.np.split(",")]:
            p = run(name, np, args)
            if p is None:
                status = 1
                continue
            report(name, np, p)
            if not reference:
                refs = [os.path.join(args.workdir, d) for d in sorted(os.listdir(args.workdir))
                        if re.fullmatch(r"(.*)-np\d+", d) and os.path.exists(
                            os.path.join(args.workdir, d, "cycles.csv"))
                        and is_reference_of(d.rsplit("-np", 1)[0], cycles, one_d)]
                if refs:
                    accuracy(p, refs[0])
    return status


if __name__ == "__main__":
    sys.exit(main())
