#!/usr/bin/env python3
"""Plots a CSV written by `benchmarks/run --csv FILE` to a PNG:
left, seconds per Newton iteration (coupled) or per solve (elasticity
reference) against unknowns; right, Krylov iterations per Newton iteration
against unknowns. One line per case family and rank count.

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
        family = r["case"].rsplit("-", 1)[0]
        series[(family, int(r["np"]))].append(
            (float(r["unknowns"]), float(r["seconds_per_newton"]), float(r["krylov/newton"])))
    fig, (a, b) = plt.subplots(1, 2, figsize=(10, 4))
    for (family, np), pts in sorted(series.items()):
        pts.sort()
        x = [p[0] for p in pts]
        label = "%s, %d rank%s" % (family, np, "" if np == 1 else "s")
        a.loglog(x, [p[1] for p in pts], "o-", label=label)
        b.semilogx(x, [p[2] for p in pts], "o-", label=label)
    a.set_xlabel("unknowns")
    a.set_ylabel("seconds per Newton iteration / per solve")
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
