"""Bad input: each case must stop before computing, with exit code 1, a
message that names the offending parameter (and the allowed range where there
is one), and no output directory presented as a result.
Cases: tests/e2e/bad_input/*.prm (run from the repository root)."""
import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
import common  # noqa: E402

args = common.parse_args()
check = common.Checks()
# (name, case file tests/e2e/bad_input/<file>.prm, texts the message must contain)
cases = [
    ("negative D", "negative_diffusivity", ["Material/Diffusivity"]),
    ("nu = 0.5", "poisson_ratio_half", ["Poisson's ratio", "(-1, 0.5)"]),
    ("c0 > c_max", "initial_above_maximum", ["Material/Initial concentration", "[0, 22860]"]),
    ("unknown name", "unknown_name", ["Youngs modulus"]),
    ("malformed value", "malformed_value", ["Young's modulus", "ten"]),
    ("bad expression", "bad_expression", ["Material/Initial concentration"]),
    ("missing mesh", "missing_mesh", ["Geometry/Mesh file", "nowhere.msh"]),
]
# The electrode model (Model = electrode).
cases += [
    ("electrode x0 > 1", "electrode_stoichiometry", ["Negative electrode/Initial stoichiometry", "(0, 1)"]),
    ("electrode rate constant", "electrode_rate_constant", ["Positive electrode/Kinetics/Rate constant"]),
    ("electrode bdf2", "electrode_bdf2", ["Time stepping/Scheme", "bdf1"]),
    ("electrode bad step", "electrode_bad_step", ["Cycling/Steps", "sideways"]),
    ("electrode unknown preset", "electrode_unknown_preset", ["Negative electrode/Preset", "unobtainium"]),
    ("electrode separator porosity", "electrode_separator_porosity", ["Separator/Porosity", "(0, 1)"]),
    ("electrode free cell", "electrode_free_cell",
     ["Electrode mechanics/Collector face", "rigid or spring"]),
    ("electrode stack pressure", "electrode_stack_pressure",
     ["Electrode mechanics/Stack pressure", "[0, 1e+09]"]),
    ("electrode stiffness exponent", "electrode_stiffness_exponent",
     ["Negative electrode/Stiffness porosity exponent", "[0, 10]"]),
]
for name, case, needles in cases:
    out = os.path.join(args.workdir, case + ".np1")
    shutil.rmtree(out, ignore_errors=True)
    prm = out + ".prm"
    with open(prm, "w") as f:
        f.write("include %s\n" % common.case_path("e2e/bad_input/%s.prm" % case)
                + "subsection Output\n set Directory = %s\nend\n" % out)
    r = subprocess.run([args.chemomech, prm], cwd=common.SOURCE,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
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
