"""Bad input: each case must stop before computing, with exit code 1, a
message that names the offending parameter (and the allowed range where there
is one), and no output directory presented as a result."""
import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
import common  # noqa: E402

args = common.parse_args()
check = common.Checks()
cases = [
    ("negative D", "subsection Material\n set Diffusivity = -1e-14\nend\n", ["Material/Diffusivity"]),
    ("nu = 0.5", "subsection Material\n set Poisson's ratio = 0.5\nend\n", ["Poisson's ratio", "(-1, 0.5)"]),
    ("c0 > c_max", "subsection Material\n set Initial concentration = 30000\nend\n",
     ["Material/Initial concentration", "[0, 22860]"]),
    ("unknown name", "subsection Material\n set Youngs modulus = 1e9\nend\n", ["Youngs modulus"]),
    ("malformed value", "subsection Material\n set Young's modulus = ten\nend\n", ["Young's modulus", "ten"]),
    ("bad expression", "subsection Material\n set Initial concentration = 1000*(1+w)\nend\n",
     ["Material/Initial concentration"]),
    ("missing mesh", "subsection Geometry\n set Shape = gmsh\n set Mesh file = nowhere.msh\nend\n",
     ["Geometry/Mesh file", "nowhere.msh"]),
]
for name, text, needles in cases:
    out = os.path.join(args.workdir, name.replace(" ", "_"))
    shutil.rmtree(out, ignore_errors=True)
    prm = out + ".prm"
    with open(prm, "w") as f:
        f.write(text + "subsection Output\n set Directory = %s\nend\n" % out)
    r = subprocess.run([args.chemomech, prm], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    msg = r.stderr.strip().splitlines()[-1] if r.stderr.strip() else ""
    check.true("%s: exit code 1" % name, r.returncode == 1, "got %d" % r.returncode)
    check.true("%s: message names it" % name, all(n in r.stderr for n in needles), msg)
    status = os.path.join(out, "status.txt")
    check.true("%s: no completed output" % name,
               not os.path.exists(status) or not open(status).read().startswith("completed"))
r = subprocess.run([args.chemomech, "--print-parameters"], stdout=subprocess.PIPE, text=True)
check.true("--print-parameters lists documented parameters with units",
           r.returncode == 0 and "Units: mol/m^3" in r.stdout and "set Young's modulus" in r.stdout)
check.finish()
