#!/usr/bin/env bash
# Fresh Debian 12 to a tested build: installs what is missing, builds, and runs
# the test suite (all labels but 'long'). Extra arguments go to ctest, e.g.
#   scripts/test.sh -L verification      scripts/test.sh -R jacobian
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$here/scripts/setup.sh"
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
cd "$here/build"
ctest --output-on-failure -LE long "$@"
