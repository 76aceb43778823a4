#!/usr/bin/env bash
# Set everything up (first run only); build the docs with their examples (warnings are
# errors); lint and type-check; run the whole test suite. Extra arguments go to pytest
# alone, skipping the docs and lint steps, for example:
#   bash scripts/test.sh -k offsets
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
if [ $# -eq 0 ]; then
  bash scripts/docs.sh
  .venv/bin/ruff check src tests benchmarks docs
  .venv/bin/mypy
fi
export HYPOTHESIS_PROFILE=${HYPOTHESIS_PROFILE:-ci}
.venv/bin/python -m pytest "$@"
