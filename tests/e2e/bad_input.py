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
# The electrode model (Model = electrode).
E = "set Model = electrode\n"
cases += [
    ("electrode x0 > 1", E + "subsection Negative electrode\n set Initial stoichiometry = 1.5\nend\n",
     ["Negative electrode/Initial stoichiometry", "(0, 1)"]),
    ("electrode rate constant", E + "subsection Positive electrode\n subsection Kinetics\n"
     "  set Rate constant = -1\n end\nend\n", ["Positive electrode/Kinetics/Rate constant"]),
    ("electrode bdf2", E + "subsection Time stepping\n set Scheme = bdf2\nend\n",
     ["Time stepping/Scheme", "bdf1"]),
    ("electrode bad step", E + "subsection Cycling\n set Steps = CC sideways 1C until V<3\nend\n",
     ["Cycling/Steps", "sideways"]),
    ("electrode unknown preset", E + "subsection Negative electrode\n set Preset = unobtainium\nend\n",
     ["Negative electrode/Preset", "unobtainium"]),
    ("electrode separator porosity", E + "subsection Separator\n set Porosity = 1.2\nend\n",
     ["Separator/Porosity", "(0, 1)"]),
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
r = subprocess.run([args.chemomech, "--print-parameters", "prm", "electrode"],
                   stdout=subprocess.PIPE, text=True)
check.true("--print-parameters prm electrode lists the electrode model's parameters",
           r.returncode == 0 and "subsection Negative electrode" in r.stdout
           and "set Steps" in r.stdout and "Units: S/m" in r.stdout)
check.finish()
