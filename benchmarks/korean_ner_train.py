"""Measure Korean NER training recipes: train on one public corpus, score on another.

Not a benchmark area (it needs the public data on disk and minutes of CPU)::

    python -m benchmarks.korean_ner_train --train kmou-ner.train --train-format kmou \\
        --dev kmou-ner.dev --dev-format kmou --held-out klue-ner-v1.1_dev.tsv \\
        --units korean --steps 1500 --threads 1

Training data: the KMOU NER corpus (github.com/kmounlp/NER, ``2016klp/``; MIT
licence for non-commercial use only). The dev file picks the best step; the
held-out file (KLUE-NER v1.1 dev, CC BY-SA 4.0) is scored once at the end and
never used for any choice. Scores are exact-span micro P/R/F1 over PER, LOC, ORG,
the same figure the gazetteer is given in the knowledge-base benchmark.

``--units syllable`` trains on one token per character (Hangul syllable) instead
of the particle-splitting tokenizer: a measurement of the direction only, since
nkcorpus recognizes with the tokenizer a model was registered with.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from nkcorpus.entities.nerdata import (
    AnnotatedText,
    TaggedSentence,
    load_training_data,
    read_conll,
    read_klue,
    read_kmou,
)
from nkcorpus.entities.train import TrainOptions, train_ner
from nkcorpus.entities.trainloop import evaluate_model

LABELS = ("PER", "LOC", "ORG")
READERS = {"klue": read_klue, "kmou": read_kmou, "conll": read_conll}


def syllables(texts: list[AnnotatedText]) -> list[TaggedSentence]:
    """One token per non-space character, tagged with BIO."""
    out = []
    for item in texts:
        entities = [e for e in item.entities if e[2] in LABELS]
        tokens, tags = [], []
        for index, char in enumerate(item.text):
            if char.isspace():
                continue
            tag = "O"
            for start, end, label in entities:
                if start <= index < end:
                    tag = ("B-" if index == start else "I-") + label
            tokens.append(char)
            tags.append(tag)
        if tokens:
            out.append(TaggedSentence(tuple(tokens), tuple(tags)))
    return out


def load(path: str, data_format: str, units: str) -> list[TaggedSentence]:
    """Read and tokenize ``path`` into tagged sentences."""
    if units == "syllable":
        return syllables(READERS[data_format](path))
    return load_training_data(path, data_format, units, labels=list(LABELS))


def main(argv: list[str]) -> int:
    """Train, score on the held-out file, print one JSON line; return 0."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--train", action="append", required=True)
    parser.add_argument("--train-format", default="kmou")
    parser.add_argument("--dev", required=True)
    parser.add_argument("--dev-format", default="kmou")
    parser.add_argument("--held-out", required=True)
    parser.add_argument("--held-out-format", default="klue")
    parser.add_argument("--units", default="korean", choices=("korean", "syllable", "whitespace"))
    parser.add_argument("--steps", type=int, default=1500)
    parser.add_argument("--eval-interval", type=int, default=250)
    parser.add_argument("--hidden-dim", type=int, default=256)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--pretrain", default=None)
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args(argv)
    train = [s for path in args.train for s in load(path, args.train_format, args.units)]
    dev = load(args.dev, args.dev_format, args.units)
    held = load(args.held_out, args.held_out_format, args.units)
    tokenizer = "whitespace" if args.units == "syllable" else args.units
    with tempfile.TemporaryDirectory() as folder:
        options = TrainOptions(
            language="ko", models_dir=folder, package="bench", tokenizer=tokenizer,
            pretrain=args.pretrain, max_steps=args.steps, eval_interval=args.eval_interval,
            hidden_dim=args.hidden_dim, batch_size=args.batch_size, threads=args.threads,
        )  # fmt: skip

        scores = []

        def show(progress: object) -> None:
            score = getattr(progress, "score", None)
            if score is not None:
                scores.append(score)
                print(f"step {score.step} dev P {score.precision:.3f} R {score.recall:.3f} "
                      f"F1 {score.f1:.3f} ({getattr(progress, 'elapsed', 0):.0f} s)",
                      file=sys.stderr, flush=True)  # fmt: skip

        started = time.perf_counter()
        model = train_ner(train, dev, options, progress=show)
        seconds = time.perf_counter() - started
        held_file = Path(folder) / "held.json"
        held_file.write_text(json.dumps(
            [[{"text": t, "ner": g} for t, g in zip(s.tokens, s.tags, strict=False)]
             for s in held], ensure_ascii=False), encoding="utf-8")  # fmt: skip
        precision, recall, f1 = evaluate_model(model.model_path, model.pretrain_path, held_file)
    print(json.dumps({
        "units": args.units, "train_sentences": len(train), "held_out_sentences": len(held),
        "steps": args.steps, "hidden_dim": args.hidden_dim, "pretrain": args.pretrain,
        "train_seconds": round(seconds),
        "dev": max(scores, key=lambda s: s.f1).as_dict() if scores else None,
        "held_out": {"precision": round(precision, 4), "recall": round(recall, 4),
                     "f1": round(f1, 4)},
    }, ensure_ascii=False))  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
