"""BPX import ('set Parameter set = file.json', doc/user-guide.md section
"BPX parameter sets"):
1. prm/bpx_lg_m50.prm (which reads prm/bpx/lg_m50_chen2020.json) and
   tests/e2e/bpx/lg_m50_by_hand.prm (the same parameters written by hand),
   both shortened to 15 minutes of the 1C discharge and a 2-minute rest, give
   the same statistics.csv: every column (wall-clock columns excepted) equal
   to 1e-12 relative (1e-12 of the column's largest magnitude for values
   near zero), the same number of rows.
2. Order: a 'set' after 'Parameter set' overrides the BPX value, a 'set'
   before it is overridden (parameters_used.prm), on 2 ranks; the report of
   ignored fields is printed once, with the reference temperature."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
import common  # noqa: E402

args = common.parse_args()
check = common.Checks()

SHORT = """
subsection Cycling
  set Steps = CC discharge 1C until V<2.5 or t>900s; rest 120s
end
"""
example = os.path.join(common.SOURCE, "prm", "bpx_lg_m50.prm")
out_bpx = common.run_file(args, "from_bpx", example, SHORT)
out_hand = common.run_file(args, "by_hand", "e2e/bpx/lg_m50_by_hand.prm", SHORT)

a = common.read_csv(os.path.join(out_bpx, "statistics.csv"))
b = common.read_csv(os.path.join(out_hand, "statistics.csv"))
check.true("same number of rows", len(a) == len(b) and len(a) > 5, "%d vs %d" % (len(a), len(b)))
skip = [k for k in a[0] if "wall" in k.lower() or "cpu" in k.lower()]
for key in a[0]:
    if key in skip:
        continue
    scale = max(max(abs(r[key]) for r in b), 1e-300)
    worst = 0.0
    for ra, rb in zip(a, b):
        worst = max(worst, abs(ra[key] - rb[key]) / max(abs(rb[key]), 1e-12 * scale))
    check.true("column '%s' equal to 1e-12" % key, worst <= 1e-12, "max rel. difference %.3g" % worst)
check.true("the runs discharged below 3.9 V", min(r["voltage"] for r in a) < 3.9)


def parameter(path, section, name):
    """The value of 'set <name>' inside the nested subsections @p section
    (a list) of the parameters_used.prm at @p path."""
    stack = []
    with open(path) as f:
        for line in f:
            code = line.split("#")[0].strip()
            if code.startswith("subsection "):
                stack.append(code[len("subsection "):].strip())
            elif code == "end":
                stack.pop()
            elif code.startswith("set ") and stack == section:
                key, value = code[4:].split("=", 1)
                if key.strip() == name:
                    return value.strip()
    return None


ORDER = """
subsection Positive electrode
  subsection Representative particle
    set Radius = 9e-6
  end
end
include %s
subsection Negative electrode
  subsection Representative particle
    set Radius = 4e-6
  end
end
subsection Cycling
  set Steps = rest 10s
end
""" % example
case = os.path.join(args.workdir, "order.prm")
with open(case, "w") as f:
    f.write("# a 'set' before and one after 'Parameter set' (in the included example)\n"
            "set Model = electrode\n" + ORDER)
out, r = common.run_file(args, "order", case, np=2, result=True)
used = os.path.join(out, "parameters_used.prm")
check.true("set after Parameter set wins",
           float(parameter(used, ["Negative electrode", "Representative particle"], "Radius"))
           == 4e-6)
check.true("set before Parameter set is overridden by the BPX value",
           float(parameter(used, ["Positive electrode", "Representative particle"], "Radius"))
           == 5.22e-6)
check.true("report printed once (rank 0)", r.stdout.count("ignored BPX fields (7)") == 1,
           "%d times" % r.stdout.count("ignored BPX fields"))
check.true("report lists an ignored field with its reason",
           "Parameterisation/Cell/Upper voltage cut-off [V]: not used" in r.stdout)
check.true("report gives T_ref", "T_ref = 298.15 K" in r.stdout)
check.finish()
