"""Uniform lithiation (c0 != c_ref everywhere, no time evolution):
 - a free body is stress free whatever its shape (sphere with the 3-2-1
   support, ellipsoid, the gmsh two-ellipsoid mesh): |sigma| < 1e-6 E e*;
 - a clamped body has sigma_h = -E Omega (c0 - c_ref) / (3 (1 - 2 nu))
   everywhere (relative error < 1e-8).
Cases: tests/verification/uniform_lithiation/*.prm."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
import common  # noqa: E402

args = common.parse_args()
check = common.Checks()
E, nu, Omega, c0, cref = 10e9, 0.3, 3.497e-6, 12000.0, 2000.0
e_star = Omega / 3 * (c0 - cref)
source = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


# The cases: tests/verification/uniform_lithiation/<case>.prm
for name in ("sphere", "ellipsoid", "gmsh"):
    if name == "gmsh" and not os.path.exists(os.path.join(source, "meshes/two_ellipsoids.msh")):
        continue
    out = common.run_file(args, "free-" + name, "verification/uniform_lithiation/free_%s.prm" % name)
    for row in common.read_csv(os.path.join(out, "statistics.csv")):
        worst = max(abs(row["sigma_h_min"]), abs(row["sigma_h_max"]), abs(row["max_principal_stress"]))
        check.near("free %s at t = %g s: max |stress| / (E e*)" % (name, row["time"]),
                   worst / (E * e_star), 0.0, 1e-6, 1.0)

expected = -E * Omega * (c0 - cref) / (3 * (1 - 2 * nu))
out = common.run_file(args, "clamped", "verification/uniform_lithiation/clamped.prm")
row = common.read_csv(os.path.join(out, "statistics.csv"))[0]
check.near("clamped sigma_h min", row["sigma_h_min"], expected, 1e-8)
check.near("clamped sigma_h max", row["sigma_h_max"], expected, 1e-8)
check.finish()
