"""Stanza NER throughput: nkcorpus's recognizer against Stanza's Pipeline on the same model.

Run: ``python -m benchmarks.bench_entities`` (``NKCORPUS_BENCH_QUICK=1`` for the
short version). A tiny English NER model is trained first with nkcorpus's own
recipe (a few seconds), then the same seed texts are tagged by:

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

import tempfile
from pathlib import Path

from benchmarks.harness import Comparison, compare, format_table, quick, save

ROOT = Path(__file__).resolve().parent.parent


def run() -> list[Comparison]:
    """Train the tiny model, measure and return the comparisons."""
    import stanza
    import torch
    from tests.tiny_stanza import build_model

    from nkcorpus.entities.options import EntityOptions
    from nkcorpus.entities.stanza import StanzaRecognizer, load_pipeline
    from nkcorpus.models import find_ner_model

    torch.set_num_threads(1)
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    copies = 2 if quick() else 20
    texts = seeds * copies
    with tempfile.TemporaryDirectory(prefix="nkcorpus-bench-") as folder:
        build_model("en", Path(folder), steps=60 if quick() else 120)
        model = find_ner_model("en", folder)
        assert model is not None
        options = EntityOptions(models_dir=folder, threads=1, batch_size=32)
        recognizer = StanzaRecognizer(options)
        load_pipeline(model, options)
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
        repeat = 2 if quick() else 3
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
