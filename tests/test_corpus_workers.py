"""Worker processes end with their run, even after SIGKILL; a script without a main guard is
told what to add instead of getting a crash record for every document."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

SLOW_RUN = """
import os, sys, time
import multiprocessing
import nkcorpus
from nkcorpus.corpus.runner import Runner
from nkcorpus.stage import Stage
from nkcorpus.pipeline import Pipeline


class Slow(Stage):
    name = "slow"

    def process(self, document):
        time.sleep(0.2)
        return document


def slow_pipeline(config):
    return Pipeline(config, [Slow()])


if __name__ == "__main__":
    texts = [f"Document {i}." for i in range(2000)]
    with Runner(nkcorpus.Config(ner="off"), workers=2, batch_size=2,
                pipeline=slow_pipeline) as runner:
        for number, _ in enumerate(runner.results(texts)):
            if number == 2:
                from multiprocessing import resource_tracker

                pids = [p.pid for p in multiprocessing.active_children()]
                tracker = resource_tracker._resource_tracker._pid
                print(" ".join(map(str, pids)), tracker or "", flush=True)
"""

UNGUARDED = """
import nkcorpus
from nkcorpus.corpus.runner import process_corpus

docs = list(process_corpus(["One.", "Two."], nkcorpus.Config(ner="off"), workers=2))
print("finished", [d.status for d in docs])
"""


def alive(pid: int) -> bool:
    """Whether ``pid`` is a live process (a zombie waiting to be reaped counts as gone)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] not in ("Z", "X")
    except (FileNotFoundError, ProcessLookupError):
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.timeout(120)
def test_workers_exit_within_seconds_after_the_main_process_is_killed(tmp_path: Path) -> None:
    """SIGKILL of the main process of a 2-worker run: every worker (and the resource tracker)
    is gone within a few seconds, not left running."""
    script = tmp_path / "slow_run.py"
    script.write_text(SLOW_RUN, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": f"{ROOT / 'src'}{os.pathsep}{tmp_path}"}
    process = subprocess.Popen(
        [sys.executable, str(script)], stdout=subprocess.PIPE, env=env, text=True
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    children = [int(pid) for pid in line.split()]
    assert len(children) >= 3, f"expected two workers and the resource tracker, got {line!r}"
    assert all(alive(pid) for pid in children)
    process.send_signal(signal.SIGKILL)
    process.wait()
    deadline = time.monotonic() + 8
    while time.monotonic() < deadline and any(alive(pid) for pid in children):
        time.sleep(0.2)
    left = [pid for pid in children if alive(pid)]
    for pid in left:  # do not leave them to the next test
        os.kill(pid, signal.SIGKILL)
    assert left == [], f"processes {left} outlived the killed run"


@pytest.mark.timeout(120)
def test_a_script_without_a_main_guard_is_told_what_to_add(tmp_path: Path) -> None:
    """workers > 1 from a script's top level fails at once with one message naming the line and
    `if __name__ == "__main__":`, not a WorkerCrashError per document and dozens of tracebacks;
    with the guard the same script runs."""
    script = tmp_path / "unguarded.py"
    script.write_text(UNGUARDED, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, env=env, timeout=100
    )
    assert done.returncode != 0
    assert "line 5" in done.stderr and 'if __name__ == "__main__":' in done.stderr
    assert "WorkerCrashError" not in done.stderr
    assert done.stderr.count("Traceback") == 1
    guarded = UNGUARDED.replace("docs = ", 'if __name__ == "__main__":\n    docs = ').replace(
        '\nprint("finished"', '\n    print("finished"'
    )
    script.write_text(guarded, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, env=env, timeout=100
    )
    assert done.returncode == 0, done.stderr
    assert "finished ['ok', 'ok']" in done.stdout
