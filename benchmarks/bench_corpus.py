"""Corpus runs: documents/s with 2 workers against 1, a cached rerun against a first run,
and peak memory at a small and a large corpus.

Run: ``python -m benchmarks.bench_corpus`` (``NKCORPUS_BENCH_QUICK=1`` for the short run).

* Control: a pure-Python loop in 2 processes against 1, no nkcorpus code at all. On a
  virtual machine two vCPUs rarely give 2x; this row says what the hardware allows, and
  the worker rows should be read against it.
* Workers, steady state: 6,000 documents (1,000 in the quick run), read into memory once,
  through a ``Runner`` with 2 worker processes against one running in this process, with
  the default built-in stages of ``Config(ner="gazetteer")``: clean, language, entities.
  Both runners start (workers spawned, models loaded) and process the corpus once before
  timing; that warm-up is not timed, as in a long run. Goal: at least 0.95 of the control
  row's speed-up, in the row after it (the ratio of the two ratios).
* Dispatch: the same documents through one worker process against this process, same
  batches. The difference is what dispatch costs (pickling inputs, sending serialized
  results back). Goal: under 5%, a ratio of at least 0.95.
* Workers, end to end: ``nkcorpus process DIR -o OUT --ner gazetteer --workers N`` in a
  fresh process for N = 2 and N = 1 over the same files, start-up, model loading and
  writing included, as a user runs it (no goal: start-up weighs more the smaller the
  corpus).
* Cache: a rerun of ``Job`` over 3,000 files (400 in the quick run) with a warm result
  cache against the first run (empty cache) with the same settings, the same batch size
  and the same JSON Lines writer. Goal: at least 20x.
* Memory: peak resident memory of ``nkcorpus process`` (as the process itself reports
  it, :func:`benchmarks.harness.run_python`) in a fresh process over 1,000 and over
  20,000 documents (200 and 2,000 in the quick run). Goal: flat, the
  large run within 10% of the small one. Written to the results file under ``memory``.

The figures are wall-clock ratios on whatever else the machine runs at the time; on a
shared 2-core machine the worker ratios move with the load (the median of the repeats is
kept).
"""

from __future__ import annotations

import itertools
import tempfile
from pathlib import Path
from typing import Any

from benchmarks.corpus import make_corpus
from benchmarks.harness import (
    Comparison,
    compare,
    format_table,
    quick,
    relative,
    run_python,
    save,
)
from nkcorpus.config import Config
from nkcorpus.corpus.inputs import read_inputs
from nkcorpus.corpus.job import Job
from nkcorpus.corpus.options import RunOptions
from nkcorpus.corpus.runner import Runner
from nkcorpus.pipeline import Pipeline

CONFIG = Config(ner="gazetteer")
ROOT = Path(__file__).resolve().parent.parent


def _job(corpus: Path, out: Path, cache: Path) -> None:
    Job([corpus], out, CONFIG, RunOptions(batch_size=32), cache=cache).run()


def _drain(runner: Runner, items: list[object]) -> None:
    for _ in runner.results(items):  # type: ignore[arg-type]
        pass


def _command(corpus: Path, out: Path, *options: str) -> float:
    """Run ``nkcorpus process`` over ``corpus`` in a fresh process; return its peak RSS in MB."""
    code = "import sys; from nkcorpus.cli import main; sys.exit(main())"
    args = ["process", str(corpus), "-o", str(out), "--ner", "gazetteer", "-q", *options]
    measured = run_python(code, args)
    assert measured is not None  # no timeout
    return measured.peak_mb


def _peak_rss_mb(corpus: Path, out: Path) -> float:
    """Peak resident memory of a fresh ``nkcorpus process`` over ``corpus``, in MB."""
    return _command(corpus, out)


def _spin(n: int) -> int:
    """A pure-Python CPU loop: the control for how well this machine runs two processes."""
    total = 0
    for i in range(n):
        total += i * i % 7
    return total


def _ceiling(repeat: int) -> Comparison:
    """Two processes against one on a loop with no I/O and nothing shared: the machine's limit."""
    import multiprocessing

    units = 3_000_000
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        pool.map(_spin, [10, 10])
        return compare(
            "control: a pure-Python loop, 2 processes vs 1 (this machine's ceiling)",
            lambda: pool.map(_spin, [units, units]),
            lambda: (_spin(units), _spin(units)),
            items=2,
            unit="loops",
            repeat=max(repeat, 5),
            warmup=1,
            notes="no nkcorpus code: how much two busy processes gain on these cores at all; "
            "read the worker ratios against this one",
        )


def _dispatch(items: list[Any], repeat: int) -> Comparison:
    """One worker process against this process: what sending batches to a worker costs."""
    from nkcorpus.corpus.engines import _ProcessPool

    with Runner(CONFIG, batch_size=32) as here:
        pool = _ProcessPool(CONFIG, 1, None, "spawn", Pipeline)
        away = Runner(CONFIG, batch_size=32)
        away._engine = pool  # the local engine's pool, held to one worker process
        try:
            return compare(
                f"process {len(items)} documents: one worker process vs in this process",
                lambda: _drain(away, items),
                lambda: _drain(here, items),
                items=len(items),
                unit="documents",
                repeat=repeat,
                warmup=1,
                goal=0.95,
                notes="the same pipeline and batches of 32; the worker's extra time is "
                "dispatch (pickling inputs, sending results back): goal under 5%",
            )
        finally:
            away.close()


def run() -> list[Comparison]:
    """Measure and return the comparisons (memory figures go to the saved results)."""
    small_n, large_n = (200, 2000) if quick() else (1000, 20000)
    speed_n = 1000 if quick() else 6000
    cache_n = 400 if quick() else 3000
    repeat = 1 if quick() else 3
    global MEMORY
    with tempfile.TemporaryDirectory(prefix="nkcorpus-bench-") as tmp:
        work = Path(tmp)
        corpus = make_corpus(speed_n, 7, work / "speed")
        out = work / "out.jsonl"
        items = list(read_inputs([corpus]))
        with Runner(CONFIG, workers=2, batch_size=32) as two, Runner(CONFIG) as one:
            dispatch = _dispatch(items, repeat)
            steady = compare(
                f"process {speed_n} documents, steady state: 2 workers vs 1",
                lambda: _drain(two, items),
                lambda: _drain(one, items),
                items=speed_n,
                unit="documents",
                repeat=repeat,
                warmup=1,
                notes="stages clean, language, entities (ner='gazetteer'); batches of 32; "
                "one untimed pass first starts the workers and loads the models",
            )
        workers = compare(
            f"nkcorpus process {speed_n} files, end to end: --workers 2 vs 1",
            lambda: _command(corpus, out, "--workers", "2"),
            lambda: _command(corpus, out, "--workers", "1"),
            items=speed_n,
            unit="documents",
            repeat=repeat,
            warmup=0,
            notes="fresh processes; start-up, model loading and writing JSONL included",
        )
        cached = make_corpus(cache_n, 7, work / "cached")
        warm = work / "warm-cache"
        _job(cached, out, cache=warm)
        fresh = itertools.count()
        cache = compare(
            f"rerun {cache_n} documents: warm cache vs first run",
            lambda: _job(cached, out, cache=warm),
            lambda: _job(cached, out, cache=work / f"cold-{next(fresh)}"),
            items=cache_n,
            unit="documents",
            repeat=3,  # cheap even in the quick run; one sample is too noisy at 400 documents
            warmup=0,
            goal=20.0,
            notes="Job, files to JSONL, same settings and batch size; the first run fills "
            "an empty cache",
        )
        small = _peak_rss_mb(make_corpus(small_n, 11, work / "small"), work / "small.jsonl")
        large = _peak_rss_mb(make_corpus(large_n, 11, work / "large"), work / "large.jsonl")
    MEMORY = {
        "documents": [small_n, large_n],
        "peak_rss_mb": [round(small, 1), round(large, 1)],
        "ratio": round(large / small, 3),
        "goal": "flat: the large run within 1.1x of the small one",
        "met": large / small <= 1.1,
    }
    control = _ceiling(repeat)
    share = relative(
        "2 workers' speed-up as a share of the control's",
        steady,
        control,
        goal=0.95,
        notes="the steady-state row's ratio over the control row's, both from this run",
    )
    return [control, steady, share, dispatch, workers, cache]


MEMORY: dict[str, object] = {}


def main() -> None:
    """Run, print the table and the memory figures, and save JSON results."""
    comparisons = run()
    print(format_table(comparisons))
    small_n, large_n = MEMORY["documents"]  # type: ignore[misc]
    small, large = MEMORY["peak_rss_mb"]  # type: ignore[misc]
    print(
        f"peak memory: {small:.1f} MB at {small_n:,} documents, {large:.1f} MB at "
        f"{large_n:,} documents ({MEMORY['ratio']}x; goal {MEMORY['goal']})"
    )
    print(f"results: {save('corpus', comparisons, {'memory': MEMORY})}")


if __name__ == "__main__":
    main()
