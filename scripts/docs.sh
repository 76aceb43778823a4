#!/usr/bin/env bash
# Build the documentation with Sphinx (nitpicky, warnings are errors) and run its doctests.
# HTML ends up in build/docs/html.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export NKCORPUS_DOCS_ROOT=$PWD
mkdir -p build
.venv/bin/sphinx-build -q -E -n -W --keep-going -b html docs build/docs/html
.venv/bin/sphinx-build -q -E -n -W --keep-going -b doctest docs build/docs/doctest
echo "docs: build/docs/html/index.html"
