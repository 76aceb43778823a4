"""Large documents: MB/s and peak memory per input MB of one big document, at 1, 10 and 50 MB.

Run: ``python -m benchmarks.bench_large`` (``NKCORPUS_BENCH_QUICK=1`` for the short run).

One document is built by repeating the seed pages with Korean and Chinese paragraphs
(:func:`benchmarks.corpus.make_corpus`'s material) up to the size, and
``nkcorpus process BIG.txt -o OUT.jsonl -q`` runs over it in a fresh process with the
default settings (the default pipeline: clean, language, entities). The baseline, in the
same run, is a fresh Python process that reads the same file, decodes it and writes it
as one JSON line: what any tool must pay. The ratio is the baseline time over the
nkcorpus time (far below 1: the pipeline does real work); what the benchmark watches
is how the rate and the memory change with size. Linear stages keep MB/s flat from
1 to 50 MB and peak memory per input MB flat or falling; a stage that is quadratic in
document length shows as a rate that drops with size.

Quick mode uses 0.01, 0.02 and 0.05 MB; ``NKCORPUS_BENCH_LARGE_SIZES=1,10`` picks sizes
(in MB) by hand. The table gives rates in kB/s (a large document moves slowly). Each
size is given at most
``NKCORPUS_BENCH_LARGE_TIMEOUT`` seconds (default 900); a size that runs past it is
reported as such, and the larger sizes are skipped.

Figures (MB/s, peak RSS in MB and per input MB, for nkcorpus and the baseline) go to
the results file under ``sizes``.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from benchmarks.corpus import CHINESE, KOREAN, make_corpus
from benchmarks.harness import Comparison, format_table, quick, run_python, save

ROOT = Path(__file__).resolve().parent.parent
MB = 1024 * 1024

BASELINE = (
    "import json, sys\n"
    "data = open(sys.argv[1], 'rb').read().decode('utf-8')\n"
    "with open(sys.argv[2], 'w', encoding='utf-8') as out:\n"
    "    out.write(json.dumps({'raw': data, 'text': data}, ensure_ascii=False) + '\\n')\n"
)


def make_document(size: int, work: Path) -> Path:
    """Write one UTF-8 document of about ``size`` bytes, mixed English, Korean and Chinese."""
    pages = sorted(p for p in make_corpus(40, 11, work / "material").rglob("*") if p.is_file())
    blocks: list[str] = []
    for index, page in enumerate(pages):
        try:
            text = page.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue  # the legacy-encoded pages are for other benchmarks
        blocks.append(text)
        blocks.append(KOREAN[index % len(KOREAN)] + "\n\n" + CHINESE[index % len(CHINESE)])
    unit = "\n\n".join(blocks).encode("utf-8")
    path = work / f"large-{size}.txt"
    with open(path, "wb") as handle:
        written = 0
        while written < size:
            piece = unit[: size - written]
            piece = piece.decode("utf-8", "ignore").encode("utf-8")  # whole characters only
            if not piece:
                break
            handle.write(piece + b"\n\n")
            written += len(piece) + 2
    return path


def _run(code: str, args: list[str], timeout: float) -> tuple[float, float] | None:
    """Run ``python -c code args``; return (seconds, peak RSS in MB), or ``None`` when it
    ran past ``timeout``."""
    measured = run_python(code, args, timeout=timeout, quiet=True)
    return None if measured is None else (measured.seconds, measured.peak_mb)


def run() -> list[Comparison]:
    """Measure each size; return one comparison per size (memory figures in the results)."""
    chosen = os.environ.get("NKCORPUS_BENCH_LARGE_SIZES")
    if chosen:
        sizes: tuple[float, ...] = tuple(float(part) for part in chosen.split(","))
    else:
        sizes = (0.01, 0.02, 0.05) if quick() else (1, 10, 50)
    timeout = float(os.environ.get("NKCORPUS_BENCH_LARGE_TIMEOUT", "900"))
    code = "import sys; from nkcorpus.cli import main; sys.exit(main())"
    comparisons: list[Comparison] = []
    figures: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="nkcorpus-bench-large-") as tmp:
        work = Path(tmp)
        for size_mb in sizes:
            path = make_document(int(size_mb * MB), work)
            megabytes = path.stat().st_size / MB
            out = work / "out.jsonl"
            ours = _run(code, ["process", str(path), "-o", str(out), "-q"], timeout)
            base = _run(BASELINE, [str(path), str(out)], timeout)
            if ours is None or base is None:
                figures.append({"mb": round(megabytes, 2), "timed_out_after_s": timeout})
                print(
                    f"{megabytes:.1f} MB ran past {timeout:.0f} s; larger sizes skipped",
                    file=sys.stderr,
                )
                break
            figures.append(
                {
                    "mb": round(megabytes, 2),
                    "nkcorpus_mb_per_s": megabytes / ours[0],
                    "nkcorpus_peak_rss_mb": ours[1],
                    "nkcorpus_rss_mb_per_input_mb": ours[1] / megabytes,
                    "baseline_mb_per_s": megabytes / base[0],
                    "baseline_peak_rss_mb": base[1],
                    "baseline_rss_mb_per_input_mb": base[1] / megabytes,
                }
            )
            comparisons.append(
                Comparison(
                    f"one {megabytes:.2f} MB document, default pipeline vs read+write",
                    "kB",
                    megabytes * 1024,
                    ours[0],
                    base[0],
                    notes=f"fresh processes, start-up included; peak RSS {ours[1]:.0f} MB "
                    f"({ours[1] / megabytes:.1f} MB per input MB) against {base[1]:.0f} MB",
                )
            )
    save("large", comparisons, {"sizes": figures})
    return comparisons


if __name__ == "__main__":
    print(format_table(run()))
