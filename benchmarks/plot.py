#!/usr/bin/python3
"""Plots a CSV written by `benchmarks/run --csv FILE` to a PNG:
left, seconds per time step (assembly + preconditioner + Krylov; for the
elasticity reference: per solve) against unknowns; right, Krylov iterations
per Newton iteration against unknowns (one point per refinement level).
One line per case family (sphere, elasticity, iterations, cluster, ...) and
rank count; the whole-run cases default* are left out.

  benchmarks/plot.py results.csv doc/performance.png
"""
import csv
import sys
from collections import defaultdict

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    rows = list(csv.DictReader(open(sys.argv[1])))
    series = defaultdict(list)
    for r in rows:
        if r["case"].startswith("default"):
            continue
        family = r["case"].rsplit("-", 1)[0]
        per_step = sum(float(r[k]) for k in ("assembly_s/step", "prec_s/step", "krylov_s/step"))
        series[(family, int(r["np"]))].append(
            (float(r["unknowns"]), per_step, float(r["krylov/newton"])))
    fig, (a, b) = plt.subplots(1, 2, figsize=(10, 4))
    for (family, np), pts in sorted(series.items()):
        pts.sort()
        x = [p[0] for p in pts]
        label = "%s, %d rank%s" % (family, np, "" if np == 1 else "s")
        a.loglog(x, [p[1] for p in pts], "o-", label=label)
        b.semilogx(x, [p[2] for p in pts], "o-", label=label)
    a.set_xlabel("unknowns")
    a.set_ylabel("seconds per time step (elasticity: per solve)")
    a.grid(True, which="both", alpha=0.3)
    a.legend(fontsize=8)
    b.set_xlabel("unknowns")
    b.set_ylabel("Krylov iterations per Newton iteration")
    b.set_ylim(bottom=0)
    b.grid(True, alpha=0.3)
    fig.tight_layout()
    fig.savefig(sys.argv[2], dpi=120)


if __name__ == "__main__":
    main()
