"""The estimate of the time left in the progress lines (TransientDriver with
ProgressEstimator; the models' progress fractions), both models.

Each case (tests/e2e/progress/*.prm) runs to its end with 'Output/Progress
clock = Newton iterations', so the estimate and the truth are deterministic:
a progress line reads 'elapsed N it  left ~M it', and the true number left at
that line is T - N, T being the run's total (performance.json
newton_iterations, rejected attempts included). Asserted for every line after
the first 5 % of the run (N >= 0.05 T): M within a factor 2 of T - N, or,
where T - N < 0.05 T (the last steps, where a factor is meaningless),
|M - (T - N)| <= 0.05 T. The worst ratio is printed.
"""
import json
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
import common  # noqa: E402

args = common.parse_args()
check = common.Checks()
LINE = re.compile(r"elapsed (\d+) it\s+left ~(\d+|\?)( it)?")

for case in ("particle", "electrode"):
    out, r = common.run_file(args, case, "e2e/progress/%s.prm" % case, progress=True,
                             result=True)
    with open(os.path.join(out, "performance.json")) as f:
        total = json.load(f)["newton_iterations"]
    lines = [LINE.search(line) for line in r.stdout.splitlines()]
    samples = [(int(m.group(1)), m.group(2)) for m in lines if m]
    check.true("%s: progress lines with an estimate" % case, len(samples) >= 10,
               "%d lines, %d Newton iterations" % (len(samples), total))
    worst, bad = 1.0, []
    for spent, left in samples:
        if spent < 0.05 * total:
            continue
        true_left = total - spent
        if left == "?":
            bad.append((spent, left, true_left))
            continue
        left = int(left)
        if true_left >= 0.05 * total:
            ratio = left / true_left
            worst = max(worst, ratio, 1 / ratio if ratio > 0 else float("inf"))
            if not 0.5 <= ratio <= 2:
                bad.append((spent, left, true_left))
        elif abs(left - true_left) > 0.05 * total:
            bad.append((spent, left, true_left))
    check.true("%s: estimate within 2x of the iterations left after 5 %% of %d" % (case, total),
               not bad, "worst factor %.2f; off: %s" % (worst, bad[:5]))
check.finish()
