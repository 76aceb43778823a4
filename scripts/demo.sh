#!/usr/bin/env bash
# Install nkcorpus with its core dependencies (first run only) and run it on the sample corpus in seeds/:
# writes build/seeds.jsonl and prints a summary of the run and of each document.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh core
mkdir -p build
.venv/bin/nkcorpus process seeds -o build/seeds.jsonl "$@"
echo
.venv/bin/nkcorpus show build/seeds.jsonl
