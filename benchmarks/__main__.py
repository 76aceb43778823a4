"""Run every benchmark area and print one table of ratios next to their goals.

Usage::

    python -m benchmarks                 # all areas
    python -m benchmarks clean language  # some areas
    NKCORPUS_BENCH_QUICK=1 python -m benchmarks   # the short smoke run

Each area is a module ``benchmarks/bench_AREA.py`` with ``run() -> list[Comparison]``.
Results go to ``benchmarks/results/AREA.json``; a full run of every area also
writes the table to ``docs/benchmark-results.rst``, so the documentation shows
the latest full figures.
"""

from __future__ import annotations

import importlib
import platform
import sys
import time
import traceback
from pathlib import Path

from benchmarks.harness import Comparison, format_table, quick, save

HERE = Path(__file__).resolve().parent
AREAS = sorted(p.stem[len("bench_") :] for p in HERE.glob("bench_*.py"))
DOCS_TABLE = HERE.parent / "docs" / "benchmark-results.rst"


def _rst(comparisons: list[Comparison], seconds: float) -> str:
    table = format_table(comparisons).splitlines()
    mode = "quick mode" if quick() else "full run"
    machine = f"Python {platform.python_version()}, {platform.machine()}"
    lines = [
        "Latest figures",
        "--------------",
        "",
        f"{mode}, {machine}, {seconds:.0f} s in all. Ratio is baseline time over nkcorpus time",
        "(above 1: nkcorpus is faster), except where the goal is a cost to keep low.",
        "",
        "::",
        "",
        *("   " + line for line in table),
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    """Run the areas named in ``argv`` (all when empty); return the exit status."""
    areas = argv or AREAS
    unknown = sorted(set(areas) - set(AREAS))
    if unknown:
        print(f"unknown benchmark areas {unknown}; choose from {AREAS}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    everything: list[Comparison] = []
    failed = []
    for area in areas:
        print(f"== {area}", file=sys.stderr, flush=True)
        try:
            comparisons = importlib.import_module(f"benchmarks.bench_{area}").run()
        except Exception:
            traceback.print_exc()
            failed.append(area)
            continue
        save(area, comparisons)
        everything.extend(comparisons)
    seconds = time.perf_counter() - started
    print(format_table(everything))
    if not argv and not quick():
        DOCS_TABLE.write_text(_rst(everything, seconds), encoding="utf-8")
    if failed:
        print(f"benchmark areas that failed: {failed}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
