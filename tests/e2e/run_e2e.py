"""End to end: the default example, shortened, on 2 ranks with VTU output;
then check_vtu.py reads the .pvd/.pvtu back with VTK (the library ParaView
uses) and checks field names and value ranges, and plot_statistics.py must
turn the CSV into a PNG. Case: tests/e2e/vtu_output/galvanostatic.prm."""
import os
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
import common  # noqa: E402

args = common.parse_args()
source = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
out = common.run_file(args, "galvanostatic", "e2e/vtu_output/galvanostatic.prm", np=2)
here = os.path.dirname(os.path.abspath(__file__))
r = subprocess.run([sys.executable, os.path.join(here, "check_vtu.py"), out, "--ranks", "2", "--dim", "3"])
p = subprocess.run([sys.executable, os.path.join(source, "scripts", "plot_statistics.py"), out])
png = os.path.join(out, "statistics.png")
ok_png = p.returncode == 0 and os.path.exists(png) and os.path.getsize(png) > 10000
print(("PASS" if ok_png else "FAIL") + " plot_statistics.py wrote %s" % png)
sys.exit(0 if r.returncode == 0 and ok_png else 1)
