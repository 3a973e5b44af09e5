#!/usr/bin/env python3
"""Accuracy of the wall-clock estimate of the time left ('left ~h:mm:ss' in
the progress lines) on real runs: each input runs with Output/Progress = true;
every progress line is time-stamped when it arrives, the true time left at a
line is the arrival time of the final 'stopped:' line minus the line's, and
the estimate is compared with it for the lines after the first 5 % of the run
(counted from the first progress line; lines with less than 2 s left are
skipped: the estimate prints whole seconds).

Usage: benchmarks/eta_accuracy.py [--build build] [--np 1] input.prm ...
Prints per input: the run's wall time, the first estimate and the truth then,
and the worst and median factor between estimate and truth after 5 %.
"""
import argparse
import os
import re
import statistics
import subprocess
import tempfile
import time

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LEFT = re.compile(r"left ~(\d+):(\d\d):(\d\d)")

p = argparse.ArgumentParser()
p.add_argument("--build", default=os.path.join(HERE, "build"))
p.add_argument("--np", type=int, default=1)
p.add_argument("inputs", nargs="+")
a = p.parse_args()
env = dict(os.environ, OMPI_ALLOW_RUN_AS_ROOT="1", OMPI_ALLOW_RUN_AS_ROOT_CONFIRM="1")

print("%-40s %8s %7s %14s %8s %8s" % ("input", "wall_s", "lines", "first est/true",
                                      "worst_x", "median_x"))
for prm in a.inputs:
    with tempfile.TemporaryDirectory() as work:
        wrapper = os.path.join(work, "input.prm")
        with open(wrapper, "w") as f:
            f.write("include %s\nsubsection Output\n  set Directory = %s/out\n"
                    "  set Progress = true\nend\n" % (os.path.abspath(prm), work))
        cmd = [os.path.join(a.build, "chemomech"), wrapper]
        if a.np > 1:
            cmd = ["mpirun", "-np", str(a.np)] + cmd
        start = time.monotonic()
        proc = subprocess.Popen(cmd, cwd=HERE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                text=True, env=env, bufsize=1)
        samples, end = [], None
        for line in proc.stdout:
            now = time.monotonic() - start
            m = LEFT.search(line)
            if m:
                samples.append((now, 3600 * int(m[1]) + 60 * int(m[2]) + int(m[3])))
            elif line.startswith("stopped:"):
                end = now
        proc.wait()
        if proc.returncode != 0 or end is None or not samples:
            print("%-40s failed (exit %d)" % (prm, proc.returncode))
            continue
        t0 = samples[0][0]
        factors = []
        for t, est in samples:
            true_left = end - t
            if t - t0 < 0.05 * (end - t0) or true_left < 2:
                continue
            factors.append(max(est / true_left, true_left / est) if est > 0 else float("inf"))
        first = "%d/%.0f" % (samples[0][1], end - samples[0][0])
        print("%-40s %8.1f %7d %14s %8.2f %8.2f" % (
            os.path.relpath(prm, HERE), end, len(samples), first,
            max(factors) if factors else float("nan"),
            statistics.median(factors) if factors else float("nan")))
