#!/usr/bin/env bash
# Set everything up (first run only) and run the whole test suite.
# Extra arguments go to pytest, for example: bash scripts/test.sh -k offsets
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export HYPOTHESIS_PROFILE=${HYPOTHESIS_PROFILE:-ci}
.venv/bin/python -m pytest "$@"
