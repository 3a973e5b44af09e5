#!/usr/bin/env bash
# Regenerates the regression references tests/regression/*.statistics.csv from
# 1-rank runs of the current build. Review the diff before committing.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${BUILD_DIR:-$here/build}"
for o in "$here"/tests/regression/*.override; do
  name="$(basename "$o" .override)"
  /usr/bin/python3 "$here/tests/regression/run_case.py" --chemomech "$build/chemomech" \
    --workdir "$build/tests/work/update/$name" --source "$here" --name "$name" --update
done
