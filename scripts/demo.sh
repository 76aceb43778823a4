#!/usr/bin/env bash
# Set everything up (first run only) and run nkcorpus on the sample corpus in seeds/:
# writes build/seeds.jsonl and prints a summary of the run and of each document.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
mkdir -p build
.venv/bin/nkcorpus process seeds -o build/seeds.jsonl "$@"
echo
.venv/bin/nkcorpus show build/seeds.jsonl
