"""Worker processes that never outlive their run, and a clear error for an unguarded script.

Worker processes start with ``spawn`` by default: a fresh interpreter that
imports what it needs, safe with threads and native libraries (``fork`` copies
locks held by other threads; torch and CTranslate2 do not survive it well).
``spawn`` and ``forkserver`` import the main script again in every worker, so
a script that starts a run at its top level, outside
``if __name__ == "__main__":``, would start the run again in each worker;
:func:`check_main_guard` refuses it before any worker starts, naming the line
to move.

A worker ends itself when the process that started it dies, however it dies
(SIGKILL included): on Linux the kernel sends it SIGKILL
(``prctl(PR_SET_PDEATHSIG)``), and everywhere a watchdog thread checks its
parent once every half second (:func:`watch_parent`). Multiprocessing's
resource tracker exits by itself once the main process and every worker are gone.
"""

from __future__ import annotations

import ast
import os
import signal
import sys
import threading
import time
from pathlib import Path
from typing import Any

from nkcorpus.errors import ConfigError

__all__ = ["check_main_guard", "watch_parent"]

_PR_SET_PDEATHSIG = 1
_POLL_SECONDS = 0.5


def _parent_death_signal() -> None:
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
    except (OSError, AttributeError):  # pragma: no cover - no prctl: the watchdog remains
        pass


def _watch(parent: int) -> None:
    while True:
        time.sleep(_POLL_SECONDS)
        if os.getppid() != parent:
            os._exit(1)  # the run is gone: nothing to flush, nobody to answer


def watch_parent() -> None:
    """Make this (worker) process end when its parent process dies.

    Call it first thing in a worker. If the parent is already gone, the process
    ends at once.
    """
    parent = os.getppid()
    _parent_death_signal()
    if os.getppid() != parent or parent == 1:  # died before the signal was armed
        os._exit(1)
    threading.Thread(target=_watch, args=(parent,), name="nkcorpus-watchdog", daemon=True).start()


def _guarded_lines(tree: ast.Module) -> list[tuple[int, int]]:
    """The line ranges of ``if __name__ == "__main__":`` blocks."""
    ranges = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.If):
            continue
        test = node.test
        if (
            isinstance(test, ast.Compare)
            and len(test.ops) == 1
            and isinstance(test.ops[0], ast.Eq)
            and {_name(test.left), _name(test.comparators[0])} == {"__name__", "'__main__'"}
        ):
            ranges.append((node.lineno, node.end_lineno or node.lineno))
    return ranges


def _name(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return repr(node.value)
    return None


def _main_frame_line() -> tuple[str, int] | None:
    """The script and line of the main module's top-level code on this call stack, if any."""
    main = sys.modules.get("__main__")
    path = getattr(main, "__file__", None)
    if main is None or not path:
        return None
    frame: Any = sys._getframe(1)
    while frame is not None:
        if frame.f_globals is vars(main) and frame.f_code.co_name == "<module>":
            return str(path), frame.f_lineno
        frame = frame.f_back
    return None


def check_main_guard(start_method: str) -> None:
    """Refuse to start workers from a script's top level outside ``if __name__ == "__main__":``.

    Args:
        start_method: how workers start; only ``"spawn"`` and ``"forkserver"``
            import the main script again.

    Raises:
        ConfigError: naming the script and line, and what to add.
    """
    if start_method not in ("spawn", "forkserver"):
        return
    found = _main_frame_line()
    if found is None:
        return
    path, line = found
    try:
        tree = ast.parse(Path(path).read_bytes(), filename=path)
    except (OSError, SyntaxError, ValueError):
        return  # cannot tell; let it run
    if any(start <= line <= end for start, end in _guarded_lines(tree)):
        return
    raise ConfigError(
        f"{path}, line {line}, starts worker processes (workers > 1) from the top level of the "
        "script; each worker imports the script again and would start the run again. Put "
        'the code that runs nkcorpus under `if __name__ == "__main__":` (or use workers=1)'
    )
