#!/usr/bin/env bash
# Refresh constraints/dev.lock, the pinned development and CI install: every extra of
# pyproject.toml and every transitive dependency, resolved for Python 3.11 on Linux.
# Library users are not bound by it; they get the version ranges in pyproject.toml.
# Run it on purpose (new dependency, or to take new releases), then run the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
TOOLS=${NKCORPUS_LOCK_TOOLS:-build/lock-tools}
if [ ! -x "$TOOLS/bin/uv" ]; then
  python3 -m venv "$TOOLS"
  "$TOOLS/bin/python" -m pip install --quiet "uv==0.13.9"
fi
# --find-links: where pip finds the CPU torch wheel on this kind of machine, if it exists.
links=()
[ -d /opt/wheels ] && links=(--find-links /opt/wheels)
"$TOOLS/bin/uv" pip compile pyproject.toml --all-extras \
  --constraint constraints/dev.in "${links[@]}" \
  --python-version 3.11 --python-platform x86_64-manylinux_2_28 \
  --no-emit-find-links --custom-compile-command "bash scripts/lock.sh" \
  --output-file constraints/dev.lock
echo "constraints/dev.lock refreshed; now run: bash scripts/test.sh" >&2
