"""--print-parameters description, both models: every numeric entry shows
its real allowed range (no deal.II default bound -MAX_DOUBLE...MAX_DOUBLE or
MAX_INT is left), and where an entry's documentation states "Range: <interval>"
with numbers, the printed pattern has the same bounds and the same open and
closed ends (the pattern and the check come from one RangeSpec, so this
checks the documentation against the code)."""
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
import common  # noqa: E402

args = common.parse_args()
check = common.Checks()

NUMBER = r"-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?"


def pattern_interval(text):
    """(lower, lower_closed, upper, upper_closed) from "... such that 0 < v
    <= 1e+13 (Pa)" / "v >= 0"; None if @p text is not a bounded number."""
    m = re.search(r"such that (%s) (<=?) [vn] (<=?) (%s)" % (NUMBER, NUMBER), text)
    if m:
        return (float(m.group(1)), m.group(2) == "<=", float(m.group(4)), m.group(3) == "<=")
    m = re.search(r"such that [vn] (>=?) (%s)" % NUMBER, text)
    if m:
        return (float(m.group(2)), m.group(1) == ">=", float("inf"), False)
    return None


def prose_interval(text):
    """The "Range: (a, b]" of a documentation text with numeric ends."""
    m = re.search(r"Range: ([\[(])\s*(%s)\s*,\s*(%s|infinity)\s*([\])])" % (NUMBER, NUMBER), text)
    if not m:
        return None
    upper = float("inf") if m.group(3) == "infinity" else float(m.group(3))
    return (float(m.group(2)), m.group(1) == "[", upper, m.group(4) == "]")


def entries(text):
    """(path, block text) of every 'set' entry of a description listing
    (nesting by indentation, two blanks per level)."""
    path, result, current = [], [], None
    for line in text.splitlines():
        s = line.strip()
        depth = (len(line) - len(line.lstrip())) // 2
        if s.startswith("subsection ") or s.startswith("set "):
            # the description format has no 'end' lines: nesting is indentation
            del path[depth:]
        if s.startswith("subsection "):
            path.append(s[len("subsection "):])
            current = None
        elif s == "end":
            path.pop()
            current = None
        elif s.startswith("set "):
            name, _, pattern = s[4:].partition("=")
            current = ["/".join(path + [name.strip()]), pattern.strip()]
            result.append(current)
        elif current is not None:
            current[1] += " " + s
    return result


for model in ("particle", "electrode"):
    r = subprocess.run([args.chemomech, "--print-parameters", "description", model],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    check.true("%s: --print-parameters description exits 0" % model, r.returncode == 0,
               r.stderr)
    listed = entries(r.stdout)
    check.true("%s: lists entries" % model, len(listed) > 50, "%d" % len(listed))
    unbounded = [p for p, b in listed if "MAX_DOUBLE" in b or "MAX_INT" in b]
    check.true("%s: no numeric entry without its range (MAX_DOUBLE, MAX_INT)" % model,
               not unbounded and "MAX_DOUBLE" not in r.stdout, ", ".join(unbounded))
    numeric = [(p, b) for p, b in listed if "floating point number" in b or "An integer" in b]
    bare = [p for p, b in numeric if pattern_interval(b) is None]
    check.true("%s: every numeric entry has a bound (%d entries)" % (model, len(numeric)),
               len(numeric) > 40 and not bare, ", ".join(bare))
    compared, differ = 0, []
    for p, b in numeric:
        prose, shown = prose_interval(b), pattern_interval(b)
        if prose is None or shown is None:
            continue
        compared += 1
        if prose != shown:
            differ.append("%s: documented %s, pattern %s" % (p, prose, shown))
    check.true("%s: documented ranges = pattern ranges (%d compared)" % (model, compared),
               compared > 30 and not differ, "; ".join(differ))

# The electrode's porosity under its new name, with its open range.
r = subprocess.run([args.chemomech, "--print-parameters", "description", "electrode"],
                   stdout=subprocess.PIPE, text=True)
by_path = dict(entries(r.stdout))
check.true("Negative electrode/Porosity is (0, 1)",
           pattern_interval(by_path.get("Negative electrode/Porosity", "")) == (0, False, 1, False))
check.true("Negative electrode/Pore structure/Minimum porosity is listed",
           "Negative electrode/Pore structure/Minimum porosity" in by_path)
check.true("no Macroporosity entry left",
           not any("Macroporosity" in p for p in by_path))
sys.exit(check.finish())
