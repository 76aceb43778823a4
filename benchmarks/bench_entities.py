"""Stanza NER throughput: nkcorpus's recognizer against Stanza's Pipeline on the same model.

Run: ``python -m benchmarks.bench_entities`` (``NKCORPUS_BENCH_QUICK=1`` for the
short version: 10 documents instead of 100). A tiny English NER model is trained
with nkcorpus's own recipe and kept under ``build/bench-models/``, keyed by a hash
of everything that shapes it (the recipe, the training and tokenizer code, the
Stanza and torch versions), so later runs reuse it. The news pages in ``seeds/``
are then tagged by:

- the candidate, :meth:`StanzaRecognizer.recognize
  <nkcorpus.entities.stanza.StanzaRecognizer.recognize>` on all texts at once
  (sentences pooled across documents and sorted by length);
- baseline 1, ``stanza.Pipeline`` built on the same model files (spaCy tokenizer,
  as Stanza offers it) and called once per document;
- baseline 2, the same pipeline's ``bulk_process`` on all texts.

One torch thread on both sides. Goals: faster than one call per document, and
at least 0.9x Stanza's own bulk processing.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path

from benchmarks.harness import Comparison, compare, format_table, quick, save

ROOT = Path(__file__).resolve().parent.parent
MODELS = ROOT / "build" / "bench-models"
STEPS = 120

# The files whose content decides what the benchmark model is.
RECIPE = (
    "tests/tiny_stanza.py",
    "src/nkcorpus/entities/train.py",
    "src/nkcorpus/entities/tokens.py",
    "src/nkcorpus/entities/korean.py",
)


def model_folder(language: str = "en", steps: int = STEPS) -> Path:
    """Return a folder holding the tiny ``language`` model, training it on first use."""
    import stanza
    import torch
    from tests.tiny_stanza import build_model

    digest = hashlib.sha256(f"{language} {steps} {stanza.__version__} {torch.__version__}".encode())
    for name in RECIPE:
        digest.update((ROOT / name).read_bytes())
    folder = MODELS / f"{language}-{digest.hexdigest()[:16]}"
    if (folder / "nkcorpus.json").is_file():
        return folder
    MODELS.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=f".{language}-", dir=MODELS))
    try:
        build_model(language, scratch, steps=steps)
        os.replace(scratch, folder)
    except OSError:
        if not (folder / "nkcorpus.json").is_file():  # not another run's finished model
            raise
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return folder


def run() -> list[Comparison]:
    """Load (or train once) the tiny model, measure and return the comparisons."""
    import stanza
    import torch

    from nkcorpus.entities.options import EntityOptions
    from nkcorpus.entities.stanza import StanzaRecognizer, load_pipeline
    from nkcorpus.models import find_ner_model

    torch.set_num_threads(1)
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    copies = 2 if quick() else 20
    texts = seeds * copies
    folder = str(model_folder())
    model = find_ner_model("en", folder)
    assert model is not None
    options = EntityOptions(models_dir=folder, threads=1, batch_size=32)
    recognizer = StanzaRecognizer(options)
    load_pipeline(model, options, recognizer.resources)
    raw = stanza.Pipeline(
        lang="en",
        dir=folder,
        processors="tokenize,ner",
        download_method=None,
        allow_unknown_language=True,
        resources_filepath=str(ROOT / "src/nkcorpus/entities/data/empty-resources.json"),
        tokenize_with_spacy=True,
        use_gpu=False,
        logging_level="ERROR",
        ner_model_path=str(model.model_path),
        ner_pretrain_path=str(model.pretrain_path),
        ner_batch_size=32,
    )
    items = [(text, "en") for text in texts]
    repeat = 5 if quick() else 3
    notes = f"{len(texts)} documents ({len(seeds)} seeds x {copies}), tiny en model, 1 thread"
    per_doc = compare(
        "recognizer (bulk) vs stanza.Pipeline one call per document",
        lambda: recognizer.recognize(items),
        lambda: [raw(text) for text in texts],
        items=len(texts),
        unit="documents",
        repeat=repeat,
        goal=1.0,
        notes=notes,
    )
    bulk = compare(
        "recognizer (bulk) vs stanza.Pipeline.bulk_process",
        lambda: recognizer.recognize(items),
        lambda: raw.bulk_process(texts),
        items=len(texts),
        unit="documents",
        repeat=repeat,
        goal=0.9,
        notes=notes,
    )
    return [per_doc, bulk]


def main() -> None:
    """Run, print the table and save JSON results."""
    comparisons = run()
    print(format_table(comparisons))
    print(f"results: {save('entities', comparisons)}")


if __name__ == "__main__":
    main()
