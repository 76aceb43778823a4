#!/usr/bin/env bash
# Create (or refresh) the project's virtual environment in .venv.
#   bash scripts/setup.sh        the development and CI install: every extra and the dev
#                                tools, exactly as pinned in constraints/dev.lock
#   bash scripts/setup.sh core   nkcorpus with its core dependencies only (no models, no
#                                torch), at the versions of the lock: what the demo needs
# Safe to run again: it installs only when pyproject.toml or the lock changed.
set -euo pipefail
cd "$(dirname "$0")/.."

LEVEL=${1:-dev}
PYTHON=${PYTHON:-python3}
VENV=${NKCORPUS_VENV:-.venv}
want=$(cat pyproject.toml constraints/dev.lock | sha256sum | cut -d' ' -f1)

case "$LEVEL" in
  core) stamps=("$VENV/.nkcorpus-core-stamp" "$VENV/.nkcorpus-dev-stamp") ;;
  dev) stamps=("$VENV/.nkcorpus-dev-stamp") ;;
  *) echo "usage: bash scripts/setup.sh [core|dev]" >&2; exit 2 ;;
esac
for stamp in "${stamps[@]}"; do
  [ "$(cat "$stamp" 2>/dev/null)" = "$want" ] && exit 0
done

if [ ! -x "$VENV/bin/python" ]; then
  echo "nkcorpus: creating virtual environment in $VENV" >&2
  "$PYTHON" -m venv "$VENV"
fi
pip_install() {
  # Keep pip's own notices about unused package mirrors out of the way.
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "$@" 2>&1 \
    | { grep -v "^WARNING: Location" || true; } >&2
}
if [ "$LEVEL" = core ]; then
  echo "nkcorpus: installing nkcorpus (core) into $VENV" >&2
  pip_install -c constraints/dev.lock -e .
else
  echo "nkcorpus: installing the locked development set (constraints/dev.lock) into $VENV" >&2
  # Exactly the lock, nothing resolved anew; then the project itself on top.
  pip_install --no-deps -r constraints/dev.lock
  pip_install --no-deps -e .
  "$VENV/bin/python" -m pip check >&2
  "$VENV/bin/python" scripts/check_lock.py constraints/dev.lock
fi
echo "$want" > "${stamps[0]}"
