#!/usr/bin/env bash
# Learn early that new releases break nkcorpus: install the newest versions that
# pyproject.toml allows into a separate environment (.venv-latest) and run the suite there.
# Not part of CI, which runs on the lock (constraints/dev.lock). When this passes and the
# lock is old, refresh it with: bash scripts/lock.sh
# torch stays the CPU build pinned in constraints/dev.in; any other torch is a CUDA build
# of several GB.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${NKCORPUS_LATEST_VENV:-.venv-latest}
rm -rf "$VENV"
python3 -m venv "$VENV"
pip_install() {
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "$@" 2>&1 \
    | { grep -v "^WARNING: Location" || true; } >&2
}
pip_install --upgrade pip
pip_install "$(grep -E '^torch==' constraints/dev.in)"
pip_install --upgrade --upgrade-strategy eager -e ".[all,docs,dev]"
"$VENV/bin/python" -m pip freeze --exclude-editable > "$VENV/versions.txt"
echo "newest allowed versions: $VENV/versions.txt; differences from the lock:" >&2
diff <(grep -E '^[A-Za-z]' constraints/dev.lock | tr 'A-Z_' 'a-z-' | sort) \
  <(tr 'A-Z_' 'a-z-' < "$VENV/versions.txt" | sort) >&2 || true
HYPOTHESIS_PROFILE=${HYPOTHESIS_PROFILE:-ci} "$VENV/bin/python" -m pytest "$@"
