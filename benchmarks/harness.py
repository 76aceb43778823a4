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
import subprocess
import sys
import tempfile
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


# Prepended to the code of a measured child process: at exit it writes its own peak
# resident memory (VmHWM) and the largest peak of the processes it waited for (its
# workers), both in kilobytes, to the file named by NKCORPUS_BENCH_PEAK_FILE.
_PEAK_REPORT = (
    "import atexit as _atexit, os as _os, resource as _resource\n"
    "def _report_peak():\n"
    "    with open('/proc/self/status') as status:\n"
    "        own = next(line.split()[1] for line in status if line.startswith('VmHWM:'))\n"
    "    workers = _resource.getrusage(_resource.RUSAGE_CHILDREN).ru_maxrss\n"
    "    with open(_os.environ['NKCORPUS_BENCH_PEAK_FILE'], 'w') as out:\n"
    "        out.write(f'{own} {workers}')\n"
    "_atexit.register(_report_peak)\n"
)


@attrs.frozen
class Measured:
    """What :func:`run_python` measured of one child process.

    Attributes:
        seconds: wall-clock time from start to exit.
        peak_mb: the largest resident memory of the process itself or of any process
            it waited for (its workers), in MB.
        cpu_seconds: user and system time of the process and the processes it waited for.
        own_mb: the peak of the process itself (with a local Dask cluster: the client, the
            scheduler and the nannies), in MB.
        workers_mb: the largest peak of the processes it waited for, in MB.
    """

    seconds: float
    peak_mb: float
    cpu_seconds: float
    own_mb: float = 0.0
    workers_mb: float = 0.0


def run_python(
    code: str, args: list[str], *, timeout: float | None = None, quiet: bool = False
) -> Measured | None:
    """Run ``python -c code args`` with this checkout's ``src`` first on the path.

    The peak comes from the child itself, at exit: its own high-water mark
    (``VmHWM``) and the largest ``ru_maxrss`` of the processes it waited for. The
    child's ``ru_maxrss`` as its parent sees it is not used: on Linux it starts at the
    resident size of the process that started it, so a benchmark runner that has
    grown would inflate every figure.

    Returns ``None`` when the process ran past ``timeout`` (it is killed).

    Raises:
        RuntimeError: when the process exits with a status other than 0.
    """
    with tempfile.TemporaryDirectory(prefix="nkcorpus-peak-") as tmp:
        report = Path(tmp) / "peak"
        env = {
            **os.environ,
            "PYTHONPATH": str(Path(__file__).resolve().parent.parent / "src"),
            "NKCORPUS_BENCH_PEAK_FILE": str(report),
        }
        argv = [sys.executable, "-c", _PEAK_REPORT + code, *args]
        output = subprocess.DEVNULL if quiet else None
        started = time.perf_counter()
        process = subprocess.Popen(argv, env=env, stdout=output)
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if timeout is not None and time.perf_counter() - started > timeout:
                process.kill()
                os.wait4(process.pid, 0)
                return None
            time.sleep(0.05)
        seconds = time.perf_counter() - started
        if status != 0:
            raise RuntimeError(f"python -c ... {' '.join(args[:3])} exited with status {status}")
        own, workers = (float(part) for part in report.read_text().split())
        return Measured(
            seconds, max(own, workers) / 1024, usage.ru_utime + usage.ru_stime,
            own / 1024, workers / 1024,
        )


def quick() -> bool:
    """Whether to run the short version (``NKCORPUS_BENCH_QUICK=1``, as CI does)."""
    return bool(os.environ.get("NKCORPUS_BENCH_QUICK"))
