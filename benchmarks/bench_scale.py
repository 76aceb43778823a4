"""Scale: the Dask dataset path against the local engine, documents/s and peak memory.

Run: ``python -m benchmarks.bench_scale`` (``NKCORPUS_BENCH_QUICK=1`` for the short run;
``NKCORPUS_BENCH_SCALE_SIZES=10000,100000`` to choose the corpus sizes).

The corpus is :func:`benchmarks.corpus.make_corpus`: paragraphs of the seed pages mixed
with Korean and Chinese text, some in EUC-KR or GB18030, one document per file, 1,000
files per folder. For each size (1,000 in the quick run; 10,000 and 100,000 in the full
run) two fresh ``nkcorpus process`` commands run over the same files with
``--ner gazetteer``, as a user runs them, start-up and model loading included:

* candidate: ``--engine dask --workers 2``, a local Dask cluster of two worker
  processes that read the files and write the Parquet parts themselves;
* baseline: ``--workers 2`` with the local engine writing one Parquet file: this
  process reads every file and writes the whole output.

The ratio is baseline time over candidate time (above 1: the Dask path is faster). On
one machine the two engines share the same CPUs, so the ratio says what the Dask path
costs or saves in overhead; the gain of the Dask path is that its I/O scales with the
machines, which one machine cannot show. Peak resident memory (the high-water mark of the
command and of its largest worker process) is written to the results file under
``memory`` for every size, with the CPU seconds of each command (its workers included)
and the bytes of input and of the dataset; the memory goal is flat: the largest size
within 10% of the smallest. The cost model in the cluster guide is derived from these.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from benchmarks.corpus import make_corpus
from benchmarks.harness import Comparison, Measured, format_table, quick, run_python, save

ROOT = Path(__file__).resolve().parent.parent
MEMORY: dict[str, dict[str, float]] = {}


def _sizes() -> list[int]:
    chosen = os.environ.get("NKCORPUS_BENCH_SCALE_SIZES")
    if chosen:
        return [int(part) for part in chosen.split(",")]
    return [1000] if quick() else [10000, 100000]


def _command(corpus: Path, out: Path, *options: str) -> Measured:
    """Run ``nkcorpus process`` in a fresh process and return what was measured.

    The peak is that of the command or of its largest worker process, whichever is
    larger (each is kept apart too); the CPU seconds (user and system) add up the
    command and its workers.
    """
    code = "import sys; from nkcorpus.cli import main; sys.exit(main())"
    args = ["process", str(corpus), "-o", str(out), "--ner", "gazetteer", "-q", *options]
    measured = run_python(code, args)
    assert measured is not None  # no timeout
    return measured


def _bytes(folder: Path) -> float:
    return float(sum(path.stat().st_size for path in folder.rglob("*") if path.is_file()))


def run() -> list[Comparison]:
    """Measure and return one comparison per corpus size (memory goes to the results)."""
    comparisons = []
    MEMORY.clear()
    with tempfile.TemporaryDirectory(prefix="nkcorpus-bench-scale-") as tmp:
        work = Path(tmp)
        for size in _sizes():
            corpus = make_corpus(size, 11, work / f"corpus-{size}")
            dask = _command(
                corpus, work / "dataset", "--engine", "dask", "--workers", "2",
                "--partition-size", "500",
            )
            local = _command(corpus, work / "local.parquet", "--workers", "2")
            MEMORY[str(size)] = {
                "dask_peak_rss_mb": dask.peak_mb,
                "dask_client_peak_rss_mb": dask.own_mb,
                "dask_worker_peak_rss_mb": dask.workers_mb,
                "local_peak_rss_mb": local.peak_mb,
                "local_client_peak_rss_mb": local.own_mb,
                "local_worker_peak_rss_mb": local.workers_mb,
                "dask_cpu_seconds": dask.cpu_seconds,
                "local_cpu_seconds": local.cpu_seconds,
                "input_bytes": _bytes(corpus),
                "dataset_bytes": _bytes(work / "dataset"),
            }
            comparisons.append(
                Comparison(
                    f"nkcorpus process {size:,} files: dask dataset vs local engine (2 workers)",
                    "documents",
                    size,
                    dask.seconds,
                    local.seconds,
                    notes="fresh processes; ner='gazetteer'; start-up, model loading, reading "
                    f"and Parquet writing included; peak RSS dask {dask.peak_mb:.0f} MB "
                    f"(client and scheduler {dask.own_mb:.0f} MB, largest worker "
                    f"{dask.workers_mb:.0f} MB), local {local.peak_mb:.0f} MB (main process "
                    f"{local.own_mb:.0f} MB, largest worker {local.workers_mb:.0f} MB)",
                )
            )
            shutil.rmtree(corpus)
    return comparisons


def main() -> None:
    """Run, print the table and the memory figures, and save the results."""
    comparisons = run()
    print(format_table(comparisons))
    for size, figures in MEMORY.items():
        print(f"peak RSS at {int(size):,} documents: "
              + ", ".join(f"{key} {value:.0f}" for key, value in figures.items()))
    sizes = sorted(MEMORY, key=int)
    extra: dict[str, object] = {"memory": MEMORY}
    if len(sizes) > 1:
        small, large = MEMORY[sizes[0]], MEMORY[sizes[-1]]
        extra["memory_growth"] = {
            key: large[key] / small[key] for key in small if key.endswith("_mb")
        }
    print(f"saved {save('scale', comparisons, extra)}")


if __name__ == "__main__":
    main()
