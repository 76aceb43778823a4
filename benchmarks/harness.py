"""A small benchmark harness: candidate against baseline, in the same run, as a ratio.

Each benchmark times a *candidate* (nkcorpus) and a *baseline* (the plain
library call or the obvious alternative) on the same input in the same process
run, interleaving repeats so that machine noise hits both alike. The result is
a ratio (how many times faster the candidate is), never an absolute time
checked against a fixed number. Results go to ``benchmarks/results/NAME.json``.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs

RESULTS = Path(__file__).resolve().parent / "results"


@attrs.frozen
class Comparison:
    """One candidate-against-baseline measurement.

    Attributes:
        name: what was measured.
        unit: what one item is (``"documents"``, ``"MB"``, ``"runs"``).
        items: how many items one call of each function processes.
        candidate_seconds: median seconds per call of the candidate.
        baseline_seconds: median seconds per call of the baseline.
        goal: the ratio the project aims for (``None`` when there is none).
        higher_is_better: whether the candidate should be faster (True) or
            whether the ratio is a cost to keep low (False, e.g. import time).
    """

    name: str
    unit: str
    items: float
    candidate_seconds: float
    baseline_seconds: float
    goal: float | None = None
    higher_is_better: bool = True
    notes: str = ""

    @property
    def speedup(self) -> float:
        """Baseline time over candidate time: above 1 means the candidate is faster."""
        return (
            self.baseline_seconds / self.candidate_seconds
            if self.candidate_seconds
            else float("inf")
        )

    @property
    def met(self) -> bool | None:
        """Whether the goal was met, or ``None`` without a goal."""
        if self.goal is None:
            return None
        return self.speedup >= self.goal if self.higher_is_better else self.speedup >= 1 / self.goal

    def as_dict(self) -> dict[str, Any]:
        """Return the comparison with derived figures, ready for JSON."""
        data = attrs.asdict(self)
        data["speedup"] = self.speedup
        data["candidate_rate"] = (
            self.items / self.candidate_seconds if self.candidate_seconds else None
        )
        data["baseline_rate"] = (
            self.items / self.baseline_seconds if self.baseline_seconds else None
        )
        data["met"] = self.met
        return data


def compare(
    name: str,
    candidate: Callable[[], object],
    baseline: Callable[[], object],
    *,
    items: float = 1,
    unit: str = "calls",
    repeat: int = 5,
    warmup: int = 1,
    goal: float | None = None,
    higher_is_better: bool = True,
    notes: str = "",
) -> Comparison:
    """Time ``candidate`` and ``baseline`` alternately and return the medians."""
    for _ in range(warmup):
        candidate()
        baseline()
    cand, base = [], []
    for _ in range(repeat):
        started = time.perf_counter()
        candidate()
        cand.append(time.perf_counter() - started)
        started = time.perf_counter()
        baseline()
        base.append(time.perf_counter() - started)
    return Comparison(
        name,
        unit,
        items,
        statistics.median(cand),
        statistics.median(base),
        goal,
        higher_is_better,
        notes,
    )


#: The unit of a :func:`relative` row: its candidate and baseline are speed-ups.
SPEEDUP = "speed-up"


def relative(
    name: str, candidate: Comparison, baseline: Comparison, *, goal: float | None = None,
    notes: str = "",
) -> Comparison:
    """Return a row that compares two speed-ups measured in the same run.

    Its ratio is ``candidate.speedup / baseline.speedup``: for example the speed-up of
    two workers as a share of what two processes gain on this machine at all.
    """
    return Comparison(
        name,
        SPEEDUP,
        1,
        1 / candidate.speedup,
        1 / baseline.speedup,
        goal=goal,
        notes=notes,
    )


def format_table(comparisons: list[Comparison]) -> str:
    """Return the comparisons as an aligned text table."""
    rows = [("benchmark", "candidate", "baseline", "ratio", "goal", "met")]
    for c in comparisons:

        def rate(seconds: float, c: Comparison = c) -> str:
            if c.unit == SPEEDUP:  # a ratio of two ratios: show each speed-up itself
                return f"{1 / seconds:.2f}x" if seconds else "-"
            return f"{c.items / seconds:,.1f} {c.unit}/s" if seconds else "-"

        goal = (
            "-"
            if c.goal is None
            else (f">= {c.goal:g}x" if c.higher_is_better else f"<= {c.goal:g}x slower")
        )
        met = {None: "-", True: "yes", False: "NO"}[c.met]
        rows.append(
            (
                c.name,
                rate(c.candidate_seconds),
                rate(c.baseline_seconds),
                f"{c.speedup:.2f}x",
                goal,
                met,
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) for row in rows)
    return "\n".join(line.rstrip() for line in lines)


def save(area: str, comparisons: list[Comparison], extra: dict[str, Any] | None = None) -> Path:
    """Write ``benchmarks/results/AREA.json`` and return its path."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{area}.json"
    payload = {
        "area": area,
        "machine": {
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
        },
        "quick": bool(os.environ.get("NKCORPUS_BENCH_QUICK")),
        "comparisons": [c.as_dict() for c in comparisons],
        **(extra or {}),
    }
    path.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def quick() -> bool:
    """Whether to run the short version (``NKCORPUS_BENCH_QUICK=1``, as CI does)."""
    return bool(os.environ.get("NKCORPUS_BENCH_QUICK"))
