"""Timing for the linear-growth tests: least CPU time, the garbage collector paused.

CPU time of this process (``time.process_time``) rather than wall time, so that other
work on a busy machine does not count; the least of several runs, so that a stray pause
does not either. The collector is paused because its pauses grow with every object the
test process holds, not with the work being timed.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable


def least_cpu_time(run: Callable[[], object], repeat: int = 5) -> float:
    """Return the least CPU time, in seconds, of ``repeat`` calls of ``run``."""
    best = float("inf")
    gc.collect()
    gc.disable()
    try:
        for _ in range(repeat):
            started = time.process_time()
            run()
            best = min(best, time.process_time() - started)
    finally:
        gc.enable()
    return best


def growth_ratio(small: Callable[[], object], large: Callable[[], object]) -> float:
    """Return the least CPU time of ``large`` over that of ``small``: the least of up to
    three tries, stopping at the first below :data:`LINEAR_LIMIT` (a shared machine may be
    busy during one try)."""
    ratios = []
    for _ in range(3):
        took = least_cpu_time(small, repeat=3)
        ratios.append(least_cpu_time(large, repeat=3) / took)
        if ratios[-1] < LINEAR_LIMIT:
            break
    return min(ratios)


#: Four times the input in less than this many times the time: linear, not quadratic (16).
LINEAR_LIMIT = 9
