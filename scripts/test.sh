#!/usr/bin/env bash
# Set everything up (first run only), build the docs with their examples (warnings are
# errors), and run the whole test suite. Extra arguments go to pytest, for example:
#   bash scripts/test.sh -k offsets
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
if [ $# -eq 0 ]; then
  bash scripts/docs.sh
fi
export HYPOTHESIS_PROFILE=${HYPOTHESIS_PROFILE:-ci}
.venv/bin/python -m pytest "$@"
