#!/usr/bin/env bash
# Fresh Debian 12 to a tested build: installs what is missing, builds, and runs
# the test suite (all labels but 'long') with the default Trilinos backend,
# then builds the PETSc backend in build-petsc/ and runs the tests labelled
# 'backend' there (the unit tests that assemble or solve, the regression tests
# on 1 and 2 ranks against the same references, the solvers' accuracy against
# MUMPS, restart), so both backends and 1, 2 and 4 ranks agree to 1e-8.
# Extra arguments go to the first ctest, e.g.
#   scripts/test.sh -L verification      scripts/test.sh -R jacobian
# Set CHEMOMECH_SKIP_PETSC=1 to skip the PETSc part.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$here/scripts/setup.sh"
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
jobs="$(nproc)"
status=0
(cd "$here/build" && ctest --output-on-failure -j"$jobs" -LE long "$@") || status=1

if [ "${CHEMOMECH_SKIP_PETSC:-0}" != 1 ]; then
  echo "== PETSc backend (build-petsc/)"
  cmake -S "$here" -B "$here/build-petsc" -DCMAKE_BUILD_TYPE=Release \
        -DCHEMOMECH_LINEAR_ALGEBRA=PETSc -DCHEMOMECH_BACKEND_TESTS_ONLY=ON \
        > "$here/build-petsc.cmake.log" 2>&1 ||
    { cat "$here/build-petsc.cmake.log"; exit 1; }
  cmake --build "$here/build-petsc" -- -j"$jobs"
  (cd "$here/build-petsc" && ctest --output-on-failure -j"$jobs" -L backend) || status=1
fi
exit $status
