"""Translation throughput: the nkcorpus stage against ``argostranslate.translate.translate()``.

Run: ``python -m benchmarks.bench_translate``. Both sides run the same Argos
package (built here with random weights, since no model can be downloaded in
CI) on the same English paragraphs of the seed pages, in the same process, with
the same beam size and one CTranslate2 thread each. The baseline calls
``argostranslate.translate.translate(paragraph, "en", "ko")`` once per segment,
as a user of Argos would; the candidate is
:class:`~nkcorpus.translate.stage.TranslateStage` on all documents at once.
The figure is sentences per second (sentences as the stage splits them) and the
ratio between the two; the goal is at least 2x.

Models (``--model`` or all in the full run):

- ``base``: the shape of a downloaded Argos model (6+6 layers, d_model 512,
  ffn 2048, 8 heads, 16,800 tokens, int8), so the work is the model's;
- ``small``: 2+2 layers, d_model 128, about 3,700 tokens;
- ``tiny``: the test packages' 1+1 layers, d_model 32, where the per-call
  overhead around the model dominates.

The ``base`` and ``small`` models write about 28 tokens per sentence whatever
the input (a trained model writes about as many as it reads; the seed sentences
are about 39 tokens), so the decoder does realistic work; the ``tiny`` one stops
after a few random tokens. Their words are nonsense, and both sides get the same
nonsense, so the comparison is fair; absolute rates are not a trained model's.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path
from typing import Any

import attrs
from tests.tiny_argos import build_package, train_sentencepiece, use_packages_dir_in_argostranslate

from benchmarks.harness import Comparison, compare, format_table, quick, save
from nkcorpus.document import Document, Segment, Span
from nkcorpus.models.argos import install_argos_package
from nkcorpus.text.sentences import split_sentences
from nkcorpus.translate.options import TranslateOptions
from nkcorpus.translate.stage import TranslateStage

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

MODELS: dict[str, dict[str, Any]] = {
    "base": {
        "d_model": 512, "ffn": 2048, "layers": 6, "heads": 8, "extra_vocabulary": 16000,
        "quantization": "int8", "output_length": 40,
    },
    "small": {
        "d_model": 128, "ffn": 512, "layers": 2, "heads": 4, "extra_vocabulary": 2000,
        "output_length": 40,
    },
    "tiny": {},
}


def corpus(documents: int) -> list[Document]:
    """Seed pages as documents whose segments are their paragraphs, each paragraph once."""
    seen: set[str] = set()
    docs = []
    for path in sorted(SEEDS.glob("*.txt"))[:documents]:
        text = path.read_text(encoding="utf-8")
        segments = []
        position = 0
        for line in text.split("\n"):
            start = text.index(line, position)
            position = start + len(line)
            paragraph = line.strip()
            if not paragraph or paragraph in seen:
                continue
            seen.add(paragraph)
            begin = start + line.index(paragraph)
            segments.append(Segment(Span(begin, begin + len(paragraph)), "en", 1.0))
        docs.append(attrs.evolve(Document.from_raw(text, path.name), segments=segments))
    return docs


def run_model(name: str, work: Path, documents: int, repeat: int) -> Comparison:
    """Build the ``name`` package, then time the stage against argostranslate on it."""
    packages_dir = work / f"packages-{name}"
    seeds = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    sp_model = train_sentencepiece(work / f"sentencepiece-{name}", seeds, vocab_size=4000)
    archive = build_package(work, "en", "ko", sp_model, seed=7, **MODELS[name])
    install_argos_package(archive, packages_dir)
    options = TranslateOptions(packages_dir=str(packages_dir))  # the defaults: beam 2, batch 32
    argos = use_packages_dir_in_argostranslate(packages_dir)
    from argostranslate import settings as argos_settings

    argos_settings.beam_size = options.beam_size
    argos_settings.intra_threads = options.threads
    argos_settings.inter_threads = options.inter_threads

    docs = corpus(documents)
    paragraphs = [doc.span_text(s.span) for doc in docs for s in doc.segments]
    sentences = [
        doc.span_text(span)
        for doc in docs
        for s in doc.segments
        for span in split_sentences(doc.text, s.span.start, s.span.end)
    ]
    stage = TranslateStage("ko", options)
    # Load both models before timing anything.
    stage.process_batch([attrs.evolve(docs[0], segments=docs[0].segments[:1])])
    argos.translate(paragraphs[0], "en", "ko")

    def candidate() -> None:
        stage.process_batch(docs)

    def baseline() -> None:
        for paragraph in paragraphs:
            argos.translate(paragraph, "en", "ko")

    shape = MODELS[name] or {"d_model": 32, "layers": 1}
    return compare(
        f"translate en->ko, {name} model: stage vs argostranslate per segment",
        candidate,
        baseline,
        items=len(sentences),
        unit="sentences",
        repeat=repeat,
        warmup=0,
        goal=2.0,
        notes=(
            f"{len(docs)} documents, {len(paragraphs)} segments, {len(sentences)} sentences "
            f"({len(set(sentences))} distinct); model {shape}; beam {options.beam_size}, "
            f"batch {options.batch_size}, 1 thread on both sides"
        ),
    )


def run(models: list[str] | None = None) -> list[Comparison]:
    """Measure and return the comparisons (the base model on two pages in quick mode)."""
    if models is None:
        models = ["base"] if quick() else ["base", "small", "tiny"]
    documents = 2 if quick() else 5
    results = []
    with tempfile.TemporaryDirectory(prefix="nkcorpus-bench-translate-") as work:
        for name in models:
            repeat = 1 if quick() else 2 if name == "base" else 3
            started = time.perf_counter()
            results.append(run_model(name, Path(work), documents, repeat))
            print(f"{name}: {time.perf_counter() - started:.1f} s", flush=True)
    return results


def main() -> None:
    """Run, print the table and save JSON results."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", action="append", choices=sorted(MODELS), help="repeatable")
    args = parser.parse_args()
    comparisons = run(args.model)
    print(format_table(comparisons))
    print(f"results: {save('translate', comparisons)}")


if __name__ == "__main__":
    main()
