#!/usr/bin/env bash
# Fresh Debian 12 to first result: installs what is missing, builds a Release
# binary and runs the default example on all cores.
# Results: output-particle-galvanostatic/ (statistics.csv, solution.pvd).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$here/scripts/setup.sh"
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
cd "$here"
mpirun -np "$(nproc)" build/chemomech prm/particle_galvanostatic.prm
/usr/bin/python3 scripts/plot.py output-particle-galvanostatic || true
