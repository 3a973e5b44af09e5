"""Defaults that run: the inputs printed by `chemomech --print-parameters prm
particle` and `--print-parameters prm electrode` run to completion exactly as
printed (from an empty directory, so the printed Output/Directory = output is
used), with physically meaningful results:

1. particle model: status.txt 'completed: ...', exit code 0, and the lithium
   in the particle at the end equals the initial lithium plus the
   galvanostatic inflow, mean stoichiometry x_end = x_0 + C-rate t / 3600 s,
   to 1e-6 (Faraday's law for the printed 1C lithiation);
2. electrode model (the LG M50 cell of Chen et al., J. Electrochem. Soc. 167
   (2020) 080534, graphite | NMC811, by default): completed, exit code 0,
   the 1C discharge ends on its voltage limit 2.5 V, and its capacity is
   within 15 % of the cell's published 5 A h over its 0.1027 m^2 of
   electrode (48.7 A h/m^2; the model's 1C rate and a 1C discharge to 2.5 V
   deliver a little less than nominal).
"""
import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
import common  # noqa: E402

args = common.parse_args()
check = common.Checks()

for model in ("particle", "electrode"):
    work = os.path.join(args.workdir, model)
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    printed = subprocess.run([args.chemomech, "--print-parameters", "prm", model],
                             stdout=subprocess.PIPE, text=True, check=True).stdout
    with open(os.path.join(work, "default.prm"), "w") as f:
        f.write(printed)
    r = subprocess.run([args.chemomech, "default.prm"], cwd=work, stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, text=True)
    out = os.path.join(work, "output")
    status = open(os.path.join(out, "status.txt")).read().strip() \
        if os.path.exists(os.path.join(out, "status.txt")) else "(none)"
    check.true("%s: printed defaults run to completion" % model,
               r.returncode == 0 and status.startswith("completed"),
               "exit %d, status '%s'%s" % (r.returncode, status,
                                           "" if r.returncode == 0 else "\n" + r.stdout[-3000:]))
    if r.returncode != 0:
        continue
    rows = common.read_csv(os.path.join(out, "statistics.csv"))
    if model == "particle":
        t = rows[-1]["time"]
        x0 = rows[0]["mean_x"]
        check.near("particle: x_end = x_0 + t/3600 s (1C, Faraday)",
                   rows[-1]["mean_x"], x0 + t / 3600.0, 1e-6, 1.0)
    else:
        cycles = common.read_csv(os.path.join(out, "cycles.csv"))
        check.near("electrode: 1C discharge capacity vs the LG M50's 48.7 A h/m^2",
                   cycles[0]["discharge_capacity"], 5.0 / 0.1027, 0.15)
        ends = [row for row in rows if row["step"] == 1]
        check.near("electrode: the discharge ends at 2.5 V", ends[-1]["voltage"], 2.5, 1e-2)
check.finish()
