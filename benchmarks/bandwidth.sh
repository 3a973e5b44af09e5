#!/usr/bin/env bash
# Memory bandwidth (STREAM triad) of this machine with 1 process and with
# one process per core at once: the ceiling of the 1 -> N rank speed-up of
# memory-bound code (sparse products, AMG cycles, assembly of large
# matrices). Prints GB/s per process and in total.
# Usage: bash benchmarks/bandwidth.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
exe="$(mktemp -d)/stream_triad"
cc -O2 -o "$exe" "$here/stream_triad.c"
n="$(nproc)"
one="$("$exe")"
echo "1 process: $one GB/s"
outs=()
for i in $(seq "$n"); do "$exe" > "$exe.$i" & done
wait
total=0
for i in $(seq "$n"); do
  v="$(cat "$exe.$i")"; outs+=("$v")
  total="$(echo "$total + $v" | bc)"
done
echo "$n processes at once: ${outs[*]} GB/s each, $total GB/s in total"
echo "bandwidth ratio $n : 1 = $(echo "scale=2; $total / $one" | bc)"
rm -rf "$(dirname "$exe")"
