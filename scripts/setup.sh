#!/usr/bin/env bash
# Create (or refresh) the project's virtual environment in .venv with every extra
# and the development tools. Safe to run again: it reinstalls only when
# pyproject.toml or the constraints changed.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
VENV=${NKCORPUS_VENV:-.venv}
STAMP="$VENV/.nkcorpus-install-stamp"
want=$(cat pyproject.toml constraints/dev.txt | sha256sum | cut -d' ' -f1)

if [ ! -x "$VENV/bin/python" ]; then
  echo "nkcorpus: creating virtual environment in $VENV" >&2
  "$PYTHON" -m venv "$VENV"
fi
if [ "$(cat "$STAMP" 2>/dev/null)" != "$want" ]; then
  echo "nkcorpus: installing nkcorpus[all,docs,dev] into $VENV (first run takes a few minutes)" >&2
  pip_install() {
    # Keep pip's own notices about unused package mirrors out of the way.
    "$VENV/bin/python" -m pip install --quiet "$@" 2>&1 | { grep -v "^WARNING: Location" || true; } >&2
  }
  pip_install --upgrade pip
  # torch first, pinned to the CPU build, so no extra resolves to a CUDA build.
  pip_install -c constraints/dev.txt "torch==2.13.0"
  pip_install -c constraints/dev.txt -e ".[all,docs,dev]"
  echo "$want" > "$STAMP"
fi
