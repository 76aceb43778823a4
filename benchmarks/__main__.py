"""Run every benchmark area and print one table of ratios next to their goals.

Usage::

    python -m benchmarks                 # all areas
    python -m benchmarks clean language  # some areas
    NKCORPUS_BENCH_QUICK=1 python -m benchmarks   # the short smoke run

Each area is a module ``benchmarks/bench_AREA.py`` with ``run() -> list[Comparison]``
that saves its figures to ``benchmarks/results/AREA.json``. A full (not quick) run
also replaces the area's table in ``docs/benchmark-results.rst``, so the
documentation shows the latest full figures of every area.
"""

from __future__ import annotations

import importlib
import os
import platform
import sys
import time
import traceback
from pathlib import Path

from benchmarks.harness import RESULTS, Comparison, format_table, quick, save

HERE = Path(__file__).resolve().parent
AREAS = sorted(p.stem[len("bench_") :] for p in HERE.glob("bench_*.py"))
DOCS_TABLE = HERE.parent / "docs" / "benchmark-results.rst"


MARKER = ".. benchmark-area: "

HEADER = """Latest figures
--------------

Each area's table comes from the latest full run of that area (``python -m benchmarks``
runs them all; ``python -m benchmarks AREA`` one). A ratio is baseline time over nkcorpus
time in the same run (above 1: nkcorpus is faster), except where the goal is a cost to
keep low.

"""


def _block(area: str, comparisons: list[Comparison], seconds: float) -> str:
    """The docs block of one area's full run: when, where, how long, and its table."""
    machine = f"Python {platform.python_version()}, {platform.machine()}, {os.cpu_count()} CPUs"
    day = time.strftime("%Y-%m-%d", time.gmtime())
    lines = [
        f"{MARKER}{area}",
        "",
        f"**{area}**: full run on {day}, {machine}, {seconds:.0f} s.",
        "",
        "::",
        "",
        *("   " + line for line in format_table(comparisons).splitlines()),
        "",
        *(f"* {_escaped(c.name)}: {_escaped(c.notes)}" for c in comparisons if c.notes),
        "",
    ]
    return "\n".join(lines).rstrip("\n") + "\n"


def _escaped(text: str) -> str:
    """``text`` as plain reStructuredText: no markup characters read as markup."""
    for mark in ("\\", "*", "`", "|", "_"):
        text = text.replace(mark, "\\" + mark)
    return text


def update_docs(blocks: dict[str, str], path: Path = DOCS_TABLE) -> None:
    """Replace the areas in ``blocks`` in the docs page of figures; keep the other areas."""
    kept: dict[str, str] = {}
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    for chunk in text.split(MARKER)[1:]:
        area = chunk.split("\n", 1)[0].strip()
        kept[area] = MARKER + chunk.rstrip("\n") + "\n"
    kept.update(blocks)
    body = "\n".join(kept[area] for area in sorted(kept))
    path.write_text(HEADER + body, encoding="utf-8")


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
        began, wall = time.perf_counter(), time.time()
        try:
            comparisons = importlib.import_module(f"benchmarks.bench_{area}").run()
        except Exception:
            traceback.print_exc()
            failed.append(area)
            continue
        results = RESULTS / f"{area}.json"
        if not results.exists() or results.stat().st_mtime < wall:
            save(area, comparisons)  # an area whose run() saved its own extras keeps them
        if not quick():  # each area as it ends, so a stopped run keeps what it measured
            update_docs({area: _block(area, comparisons, time.perf_counter() - began)})
        everything.extend(comparisons)
    print(format_table(everything))
    print(f"{time.perf_counter() - started:.0f} s in all", file=sys.stderr)
    if failed:
        print(f"benchmark areas that failed: {failed}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
