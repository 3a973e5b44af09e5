"""Bad input: each case must stop before computing, with exit code 1, a
message that names the offending parameter (and the allowed range where there
is one), and no output: the output directory is not created, or, if it
existed (a previous completed run), left exactly as it was. Every case runs
from an empty working directory that must stay empty (the default
Output/Directory is relative to it).
Cases: tests/e2e/bad_input/*.prm (included by absolute path) and inputs
written here (an empty file, a directory, ...); one positive case checks that
a mesh file named in a .prm resolves relative to that .prm's directory."""
import hashlib
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
    ("corrupt mesh", "corrupt_mesh", ["Geometry/Mesh file", "corrupt.msh", "not a valid gmsh mesh"]),
    # include recursion (today's SIGSEGV) and a missing include
    ("self include", "self_include", ["include recursion", "self_include.prm' again"]),
    ("mutual include", "mutual_include_a",
     ["include recursion", "mutual_include_b.prm", "mutual_include_a.prm' again"]),
    ("include recursion of depth 3", "include_chain_1",
     ["include recursion", "include_chain_2.prm", "include_chain_3.prm",
      "include_chain_1.prm' again"]),
    ("missing include", "include_missing", ["nowhere.prm", "include_missing.prm"]),
    # the particle model's ranges (numeric entries are checked by chemomech,
    # not by deal.II's patterns, so the message names the subsection)
    ("refinement 9", "refinement_9",
     ["Geometry/Global refinements", "unknowns", "GB", "available", "allowed range here"]),
    ("refinement 13", "refinement_13", ["Geometry/Global refinements", "[0, 12]"]),
    ("radius < 0", "negative_radius", ["Geometry/Radius", "(0, 1]"]),
    ("radius = 0", "zero_radius", ["Geometry/Radius", "(0, 1]"]),
    ("negative E", "negative_youngs_modulus", ["Material/Young's modulus", "(0, 1e+13]"]),
    ("negative end time", "negative_end_time", ["Time stepping/End time", "(0, 1e+12]"]),
    ("negative C-rate", "negative_c_rate", ["Surface/C-rate", "[0, 1000]"]),
    ("Omega out of range", "partial_molar_volume",
     ["Material/Partial molar volume", "[-0.001, 0.001]"]),
    ("growth factor < 1", "growth_factor", ["Time stepping/Growth factor", "[1, 10]"]),
    ("fixed c > c_max", "surface_concentration", ["Surface/Surface concentration", "[0, 22860]"]),
    ("negative stop stoichiometry", "surface_stoichiometry",
     ["Stop conditions/Minimum surface stoichiometry", "[0, 1]"]),
    ("boundary id 300", "boundary_id", ["Surface/Active boundary ids", "[0, 255]"]),
    ("particle dimension 1", "particle_dimension", ["'Dimension'", "[2, 3]"]),
    ("degree 0", "displacement_degree", ["Discretization/Displacement degree", "[1, 4]"]),
    ("Newton iterations 0", "newton_iterations", ["Newton/Maximum iterations", "[1, 200]"]),
    ("GMRES restart 2", "gmres_restart", ["Linear solver/Restart", "[5, 1000]"]),
    ("negative VTU interval", "vtu_interval", ["Output/VTU interval", "[0, infinity)"]),
]
# The electrode model (Model = electrode).
cases += [
    ("electrode x0 > 1", "electrode_stoichiometry", ["Negative electrode/Initial stoichiometry", "(0, 1)"]),
    ("electrode x0 = 0", "electrode_stoichiometry_zero",
     ["Positive electrode/Initial stoichiometry", "(0, 1)"]),
    ("electrode rate constant", "electrode_rate_constant", ["Positive electrode/Kinetics/Rate constant"]),
    ("electrode bad step", "electrode_bad_step", ["Cycling/Steps", "sideways"]),
    ("electrode unknown preset", "electrode_unknown_preset", ["Negative electrode/Preset", "unobtainium"]),
    ("electrode separator porosity", "electrode_separator_porosity", ["Separator/Porosity", "(0, 1)"]),
    ("electrode free cell", "electrode_free_cell",
     ["Electrode mechanics/Collector face", "rigid or spring"]),
    ("electrode stack pressure", "electrode_stack_pressure",
     ["Electrode mechanics/Stack pressure", "[0, 1e+09]"]),
    ("electrode stiffness exponent", "electrode_stiffness_exponent",
     ["Negative electrode/Stiffness porosity exponent", "[0, 10]"]),
    ("electrode porosity 0", "electrode_porosity",
     ["'Negative electrode/Porosity' = 0 is outside", "(0, 1)"]),
    # the deprecated names still read (and named in one warning)
    ("electrode porosity 0, old name", "electrode_porosity_old_name",
     ["'Negative electrode/Porosity' = 0 is outside", "(0, 1)", "deprecated",
      "'Negative electrode/Porosity/Macroporosity' is now 'Negative electrode/Porosity'"]),
    ("electrode negative thickness", "electrode_negative_thickness",
     ["Electrode geometry/Separator thickness", "(0, 0.1]"]),
    ("electrode zero cells", "electrode_zero_cells",
     ["Electrode geometry/Negative electrode cells", "[1, 10000]"]),
    ("electrode refinement 13", "electrode_refinement",
     ["Electrode geometry/Global refinements", "[0, 12]"]),
    ("electrode dimension 4", "electrode_dimension", ["'Dimension'", "[1, 3]"]),
    ("electrode zero cycles", "electrode_cycles", ["Cycling/Number of cycles", "[1, 1000000]"]),
    ("electrode voltage tolerance", "electrode_voltage_tolerance",
     ["Cycling/Voltage tolerance", "(0, 0.1]"]),
    ("electrode missing mesh", "electrode_missing_mesh", ["Electrode geometry/Mesh file", "nowhere.msh"]),
    ("electrode corrupt mesh", "electrode_corrupt_mesh",
     ["Electrode geometry/Mesh file", "corrupt.msh", "not a valid gmsh mesh"]),
    ("electrode BPX file missing", "electrode_bpx_missing", ["'Parameter set'", "nowhere.json"]),
    ("electrode BPX file not JSON", "electrode_bpx_invalid",
     ["'Parameter set'", "invalid_bpx.json", "not a valid JSON"]),
    ("electrode BPX unknown unit", "electrode_bpx_unit",
     ["'Parameter set'", "Thickness [furlong]", "'furlong'"]),
]


def snapshot(path):
    """Names, sizes, modification times and contents under @p path (None if
    it does not exist)."""
    if not os.path.exists(path):
        return None
    state = {}
    for root, dirs, files in os.walk(path):
        for name in sorted(dirs + files):
            p = os.path.join(root, name)
            st = os.stat(p)
            digest = ""
            if os.path.isfile(p):
                with open(p, "rb") as f:
                    digest = hashlib.sha1(f.read()).hexdigest()
            state[os.path.relpath(p, path)] = (st.st_size, st.st_mtime_ns, digest)
    return state


def run(label, prm, np=1):
    """Runs chemomech on @p prm from an empty working directory; returns the
    CompletedProcess and that directory."""
    cwd = os.path.join(args.workdir, "cwd", label)
    shutil.rmtree(cwd, ignore_errors=True)
    os.makedirs(cwd)
    cmd = [args.chemomech, prm]
    if np > 1:
        cmd = [args.mpiexec, "--allow-run-as-root", "--oversubscribe", "-np", str(np)] + cmd
    env = dict(os.environ, OMPI_MCA_rmaps_base_oversubscribe="1")
    r = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       text=True, env=env)
    return r, cwd


def refused(name, prm, needles, out=None, np=1, before=None):
    """Asserts exit code 1, the message texts, an untouched working directory
    and an output directory @p out as it was (@p before: its snapshot; None:
    it did not exist)."""
    label = "".join(ch if ch.isalnum() else "_" for ch in name) + ".np%d" % np
    r, cwd = run(label, prm, np)
    msg = r.stderr.strip().splitlines()[-1] if r.stderr.strip() else ""
    check.true("%s: exit code 1" % name, r.returncode == 1, "got %d" % r.returncode)
    check.true("%s: message names it" % name, all(n in r.stderr for n in needles), msg)
    written = os.listdir(cwd)
    check.true("%s: nothing written in the working directory" % name, not written,
               " ".join(written))
    if out is not None:
        check.true("%s: output directory %s" % (name, "untouched" if before else "not created"),
                   snapshot(out) == before)
    return r


def case_input(label, text, out):
    """<workdir>/<label>.prm = @p text + Output/Directory = @p out."""
    prm = os.path.join(args.workdir, label + ".prm")
    with open(prm, "w") as f:
        f.write(text + "subsection Output\n set Directory = %s\nend\n" % out)
    return prm


for name, case, needles in cases:
    out = os.path.join(args.workdir, case + ".np1")
    shutil.rmtree(out, ignore_errors=True)
    prm = case_input(case + ".np1",
                     "include %s\n" % common.case_path("e2e/bad_input/%s.prm" % case), out)
    refused(name, prm, needles, out)

# Inputs written here.
gen = os.path.join(args.workdir, "generated")
shutil.rmtree(gen, ignore_errors=True)
os.makedirs(gen)
no_parameter = ["sets no parameter", "chemomech --print-parameters"]
with open(os.path.join(gen, "empty.prm"), "w"):
    pass
refused("empty file", os.path.join(gen, "empty.prm"), no_parameter)
with open(os.path.join(gen, "comments.prm"), "w") as f:
    f.write("# only comments\n\n   # and blanks\n")
refused("comments only", os.path.join(gen, "comments.prm"), no_parameter)
with open(os.path.join(gen, "includes_empty.prm"), "w") as f:
    f.write("include empty.prm   # relative to this file\n")
refused("include of an empty file", os.path.join(gen, "includes_empty.prm"), no_parameter)
os.makedirs(os.path.join(gen, "directory.prm"))
refused("directory as input", os.path.join(gen, "directory.prm"), ["directory.prm", "is a directory"])
refused("missing input", os.path.join(gen, "absent.prm"), ["cannot find", "absent.prm"])
# a directory where the mesh file should be (unreadable as a file, also as root)
os.makedirs(os.path.join(gen, "mesh_dir", "particle.msh"))
out = os.path.join(args.workdir, "mesh_dir.np1")
shutil.rmtree(out, ignore_errors=True)
prm = os.path.join(gen, "mesh_dir", "case.prm")
with open(prm, "w") as f:
    f.write("subsection Geometry\n set Shape = gmsh\n set Mesh file = particle.msh\nend\n"
            "subsection Output\n set Directory = %s\nend\n" % out)
refused("mesh file is a directory", prm,
        ["Geometry/Mesh file", os.path.join(gen, "mesh_dir", "particle.msh"), "is a directory"], out)
# a malformed value: deal.II's message, located in the file that holds it
prm = case_input("malformed_located", "\n\nsubsection Material\n set Temperature = warm\nend\n",
                 os.path.join(args.workdir, "malformed_located.np1"))
refused("malformed value located", prm, ["Temperature", "warm", "line 4 of '%s'" % prm])

# A previous completed run's directory stays as it was.
out = os.path.join(args.workdir, "previous_run")
shutil.rmtree(out, ignore_errors=True)
os.makedirs(out)
for name, text in [("status.txt", "completed: end time reached\n"),
                   ("statistics.csv", "time\n0\n1\n"), ("parameters_used.prm", "set Model = particle\n")]:
    with open(os.path.join(out, name), "w") as f:
        f.write(text)
before = snapshot(out)
prm = case_input("previous_run", "include %s\n" % common.case_path("e2e/bad_input/negative_diffusivity.prm"),
                 out)
refused("previous completed run", prm, ["Material/Diffusivity"], out, before=before)

# Two ranks: the message once, no crash (include recursion crashed before).
for case, needles in [("self_include", ["include recursion"]),
                      ("refinement_9", ["Geometry/Global refinements", "available"]),
                      ("corrupt_mesh", ["Geometry/Mesh file", "corrupt.msh"])]:
    out = os.path.join(args.workdir, case + ".np2")
    shutil.rmtree(out, ignore_errors=True)
    prm = case_input(case + ".np2",
                     "include %s\n" % common.case_path("e2e/bad_input/%s.prm" % case), out)
    r = refused(case + " on 2 ranks", prm, needles, out, np=2)
    check.true("%s on 2 ranks: one message" % case, r.stderr.count("chemomech: error") == 1)

# Positive case: the mesh file of relative_mesh/cube.prm is next to it; run
# from another directory.
out = os.path.join(args.workdir, "relative_mesh.np1")
shutil.rmtree(out, ignore_errors=True)
prm = case_input("relative_mesh.np1",
                 "include %s\n" % common.case_path("e2e/bad_input/relative_mesh/cube.prm"), out)
r, cwd = run("relative_mesh.np1", prm)
status = os.path.join(out, "status.txt")
check.true("relative mesh path: runs from another directory", r.returncode == 0
           and os.path.exists(status) and open(status).read().startswith("completed"),
           r.stderr.strip()[-300:])

r = subprocess.run([args.chemomech, "--print-parameters"], stdout=subprocess.PIPE, text=True)
check.true("--print-parameters lists documented parameters with units",
           r.returncode == 0 and "Units: mol/m^3" in r.stdout and "set Young's modulus" in r.stdout)
r = subprocess.run([args.chemomech, "--print-parameters", "prm", "electrode"],
                   stdout=subprocess.PIPE, text=True)
check.true("--print-parameters prm electrode lists the electrode model's parameters",
           r.returncode == 0 and "subsection Negative electrode" in r.stdout
           and "set Steps" in r.stdout and "Units: S/m" in r.stdout)
check.finish()
