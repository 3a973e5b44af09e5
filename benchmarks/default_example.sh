#!/usr/bin/env bash
# Wall time and peak memory of the default example (prm/particle_galvanostatic.prm)
# at 1 and 2 MPI ranks. Prints one line per run:
#   ranks, unknowns, steps, wall time [s], peak resident memory of the largest rank [MiB]
# Usage: benchmarks/default_example.sh [build-dir]   (default: build/)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-$here/build}"
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
work="$(mktemp -d)"
cd "$here"
printf "%-6s %-9s %-6s %-10s %-10s\n" ranks unknowns steps wall_s peak_MiB
for np in 1 2; do
  log="$work/run-$np.log"
  cat > "$work/input-$np.prm" <<PRM
include $here/prm/particle_galvanostatic.prm
subsection Output
  set Directory = $work/out-$np
end
PRM
  start=$(date +%s.%N)
  mpirun -np "$np" /usr/bin/time -f "PEAK_KB %M" "$build/chemomech" "$work/input-$np.prm" > "$log" 2>&1
  end=$(date +%s.%N)
  unknowns=$(grep -oE "[0-9]+ unknowns" "$log" | head -1 | cut -d' ' -f1)
  steps=$(grep -oE "after [0-9]+ steps" "$log" | cut -d' ' -f2)
  peak=$(grep PEAK_KB "$log" | awk '{print $2}' | sort -n | tail -1)
  printf "%-6s %-9s %-6s %-10.1f %-10.0f\n" "$np" "$unknowns" "$steps" \
    "$(echo "$end - $start" | bc)" "$(echo "$peak / 1024" | bc)"
done
rm -rf "$work"
