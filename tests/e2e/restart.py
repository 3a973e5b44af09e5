"""Checkpoint, restart and signals (TransientDriver), both models:

1. electrode model (tests/e2e/restart/electrode.prm, one cycle CC-rest-CC-CV-
   rest): stopped by 'Checkpointing/Stop after steps' two steps into the CV
   step (exit code 3, status.txt 'interrupted: ...', a checkpoint), then
   resumed on the same rank count: every statistics.csv column equals the
   uninterrupted run's to 1e-12 of the column's largest magnitude (the
   per-step balance errors, round-off by nature, to 1e-12 absolutely) and
   cycles.csv is identical; resumed on another rank count: to 1e-8;
2. the same stopped by a real SIGTERM sent to both ranks of a 2-rank run
   after 20 steps (as a batch system's scancel does): a
   non-zero exit code, the status names SIGTERM, the run resumed on 2 ranks
   agrees to 1e-8 (where the signal lands differs from run to run, so the
   step sizes after it may too); the same with SIGUSR1 (what batch systems
   send before the wall-time limit), which mpirun forwards without ending
   itself: exit code 3;
3. particle model (tests/e2e/restart/particle.prm, BDF2): stopped after 6
   steps and resumed, on the same rank count (1e-12) and on another (1e-8);
4. resuming refuses (exit 1, before anything is written, the status stays
   'interrupted') when a parameter of the discrete problem changed, naming it;
5. a 2-rank run killed with SIGKILL leaves status 'running: host ..., pid ...';
   the next run into the directory says the previous run died, removes its
   outputs and completes.
"""
import os
import shutil
import signal
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
import common  # noqa: E402

args = common.parse_args()
check = common.Checks()
ENV = dict(os.environ, OMPI_MCA_rmaps_base_oversubscribe="1")


def command(prm, np, extra=()):
    cmd = [args.chemomech] + list(extra) + [prm]
    if np > 1:
        cmd = [args.mpiexec, "--allow-run-as-root", "--oversubscribe", "-np", str(np)] + cmd
    return cmd


def write_prm(name, case, out, overrides=""):
    prm = os.path.join(args.workdir, name + ".prm")
    with open(prm, "w") as f:
        f.write("include %s\n%s\nsubsection Output\n  set Directory = %s\n"
                "  set Progress = false\nend\n" % (common.case_path(case), overrides, out))
    return prm


def fresh(out):
    """Removes @p out (left by an earlier run of the test)."""
    shutil.rmtree(out, ignore_errors=True)
    return out


def started(p, out, rows):
    """Waits until the run @p p writing @p out has accepted @p rows steps."""
    statistics = os.path.join(out, "statistics.csv")
    deadline = time.time() + 300
    while time.time() < deadline and p.poll() is None:
        if os.path.exists(statistics) and sum(1 for _ in open(statistics)) > rows:
            return True
        time.sleep(0.05)
    return False


def run(name, case, out, np, overrides="", extra=()):
    prm = write_prm(name, case, out, overrides)
    return subprocess.run(command(prm, np, extra), cwd=common.SOURCE, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True, env=ENV)


def status(out):
    with open(os.path.join(out, "status.txt")) as f:
        return f.read().strip()


def compare(label, reference, out, tol):
    a = common.read_csv(os.path.join(reference, "statistics.csv"))
    b = common.read_csv(os.path.join(out, "statistics.csv"))
    check.true("%s: same number of rows" % label, len(a) == len(b), "%d vs %d" % (len(a), len(b)))
    worst, where = 0.0, ""
    for k in a[0]:
        if "iterations" in k:
            continue  # solver work, not results (another partition, another count)
        scale = 1.0 if k.endswith("_error") else (max(abs(r[k]) for r in a) or 1.0)
        for i, (x, y) in enumerate(zip(a, b)):
            d = abs(x[k] - y[k]) / scale
            if d > worst:
                worst, where = d, "%s, row %d" % (k, i)
    check.near("%s: largest difference of a statistics column (%s)" % (label, where or "none"),
               worst, 0.0, tol, 1.0)


def stop_and_resume(label, case, reference, stop, np_stop, np_resume, tol):
    out = fresh(os.path.join(args.workdir, label))
    r = run(label + ".stop", case, out, np_stop,
            "subsection Checkpointing\n  set Stop after steps = %d\nend\n" % stop)
    check.true("%s: stopped with exit code 3" % label, r.returncode == 3, "exit %d" % r.returncode)
    check.true("%s: status says interrupted" % label, status(out).startswith("interrupted: step limit"),
               status(out))
    check.true("%s: checkpoint written" % label,
               os.path.exists(os.path.join(out, "checkpoint", "state.txt")))
    r = run(label + ".resume", case, out, np_resume, "", ["--resume"])
    check.true("%s: resumed run completed" % label, r.returncode == 0 and
               status(out).startswith("completed"), r.stdout[-2000:])
    compare(label, reference, out, tol)
    return out


# 1. electrode model, step limit
E = "e2e/restart/electrode.prm"
ref_e = os.path.join(args.workdir, "electrode.reference")
r = run("electrode.reference", E, ref_e, 1)
check.true("electrode: uninterrupted run completed", r.returncode == 0, r.stdout[-2000:])
rows = common.read_csv(os.path.join(ref_e, "statistics.csv"))
cv = [i for i, row in enumerate(rows) if int(row["step"]) == 4]
check.true("electrode: the reference run has a CV step", len(cv) > 4, "%d CV rows" % len(cv))
stop = cv[0] + 2  # row index = accepted steps
stop_and_resume("electrode.np1", E, ref_e, stop, 1, 1, 1e-12)
out = stop_and_resume("electrode.np1to2", E, ref_e, stop, 1, 2, 1e-8)
with open(os.path.join(ref_e, "cycles.csv")) as f1, open(os.path.join(out, "cycles.csv")) as f2:
    ref_cycles, cycles = f1.read(), f2.read()
check.true("electrode: cycles.csv of the resumed run has the cycle",
           len(cycles.splitlines()) == len(ref_cycles.splitlines()) == 2)

# 4. a changed discrete parameter is refused; nothing is written
stopped = fresh(os.path.join(args.workdir, "electrode.changed"))
run("electrode.changed.stop", E, stopped, 1, "subsection Checkpointing\n  set Stop after steps = %d\nend\n" % stop)
before = status(stopped)
r = run("electrode.changed.resume", E, stopped, 1,
        "subsection Negative electrode\n  set Initial stoichiometry = 0.8\nend\n", ["--resume"])
check.true("refused resume: exit code 1", r.returncode == 1, "exit %d" % r.returncode)
check.true("refused resume: message names the parameter",
           "Negative electrode/Initial stoichiometry" in r.stdout, r.stdout[-1000:])
check.true("refused resume: status unchanged", status(stopped) == before, status(stopped))

# 2. a real SIGTERM on 2 ranks
out = fresh(os.path.join(args.workdir, "electrode.sigterm"))
prm = write_prm("electrode.sigterm", E, out)
p = subprocess.Popen(command(prm, 2), cwd=common.SOURCE, stdout=subprocess.PIPE,
                     stderr=subprocess.STDOUT, text=True, env=ENV)
check.true("SIGTERM: the run got going", started(p, out, 20))
# As a batch system's scancel does: SIGTERM to every rank (mpirun, given a
# SIGTERM itself, would SIGKILL ranks that need longer than its grace time).
ranks = subprocess.run(["pgrep", "-f", "%s %s" % (args.chemomech, prm)], stdout=subprocess.PIPE,
                       text=True).stdout.split()
ranks = [r for r in ranks if int(r) != p.pid]  # not mpirun itself
check.true("SIGTERM: two rank processes found", len(ranks) == 2, str(ranks))
for pid in ranks:
    os.kill(int(pid), signal.SIGTERM)
log = p.communicate(timeout=300)[0]
check.true("SIGTERM: non-zero exit code", p.returncode != 0, "exit %d: %s" % (p.returncode, log[-1000:]))
check.true("SIGTERM: status names the signal", status(out).startswith("interrupted: SIGTERM"),
           status(out))
r = run("electrode.sigterm.resume", E, out, 2, "", ["--resume"])
check.true("SIGTERM: resumed run completed", r.returncode == 0, r.stdout[-2000:])
compare("SIGTERM on 2 ranks, resumed on 2", ref_e, out, 1e-8)

# SIGUSR1 on 2 ranks: forwarded by mpirun, exit code 3
out = fresh(os.path.join(args.workdir, "electrode.sigusr1"))
prm = write_prm("electrode.sigusr1", E, out)
p = subprocess.Popen(command(prm, 2), cwd=common.SOURCE, stdout=subprocess.PIPE,
                     stderr=subprocess.STDOUT, text=True, env=ENV)
check.true("SIGUSR1: the run got going", started(p, out, 20))
p.send_signal(signal.SIGUSR1)
log = p.communicate(timeout=300)[0]
check.true("SIGUSR1: exit code 3", p.returncode == 3, "exit %d: %s" % (p.returncode, log[-1000:]))
check.true("SIGUSR1: status names the signal", status(out).startswith("interrupted: SIGUSR1"),
           status(out))
r = run("electrode.sigusr1.resume", E, out, 2, "", ["--resume"])
compare("SIGUSR1 on 2 ranks, resumed on 2", ref_e, out, 1e-8)

# 3. particle model (BDF2)
P = "e2e/restart/particle.prm"
ref_p = os.path.join(args.workdir, "particle.reference")
r = run("particle.reference", P, ref_p, 2)
check.true("particle: uninterrupted run completed", r.returncode == 0, r.stdout[-2000:])
stop_and_resume("particle.np2", P, ref_p, 6, 2, 2, 1e-12)
stop_and_resume("particle.np2to1", P, ref_p, 6, 2, 1, 1e-8)

# 5. SIGKILL leaves a dead run that the next run reports
out = fresh(os.path.join(args.workdir, "electrode.sigkill"))
prm = write_prm("electrode.sigkill", E, out)
p = subprocess.Popen(command(prm, 2), cwd=common.SOURCE, stdout=subprocess.DEVNULL,
                     stderr=subprocess.DEVNULL, env=ENV, start_new_session=True)
check.true("SIGKILL: the run got going", started(p, out, 5))
os.killpg(p.pid, signal.SIGKILL)
p.wait()
# The ranks may sit in process groups of their own: kill them by their input.
subprocess.run(["pkill", "-KILL", "-f", prm])
for _ in range(100):
    if subprocess.run(["pgrep", "-f", prm], stdout=subprocess.DEVNULL).returncode != 0:
        break
    time.sleep(0.1)
check.true("SIGKILL: status left 'running' with host and pid",
           status(out).startswith("running: host") and "pid" in status(out), status(out))
r = run("electrode.sigkill.next", E, out, 1)
check.true("SIGKILL: the next run reports the dead one",
           "previous run in %s died" % out in r.stdout, r.stdout[:1000])
check.true("SIGKILL: the next run completed", r.returncode == 0 and status(out).startswith("completed"))

check.finish()
