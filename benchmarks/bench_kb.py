"""Knowledge-base matching: precision against gold entity spans, and speed.

Run: ``python -m benchmarks.bench_kb`` (or ``python -m benchmarks kb``). Four
public NER sets (``benchmarks/data/ner/``, sources and licences in its README):
CoNLL-2003 English test, KLUE-NER v1.1 Korean dev (first 2,000 sentences),
the KMOU Korean NER corpus (``ko-kmou``: first 2,000 sentences of its 2016
training file; ``PS``/``OG``/``LC`` read as ``PER``/``ORG``/``LOC``, dates and
times never match a knowledge-base type), MSRA Chinese test (first 2,000
sentences). The two Korean sets follow different conventions: KLUE tags
``중국 베이징`` as one place and a country acting as an actor ``OG``, KMOU tags
``만주 할빈`` as two places. Each is split in order: the first
70% of sentences is the development part (looked at when the knowledge base
and the matcher were tuned), the last 30% the held-out part (never looked at
while tuning); both are reported.

A match is correct when a gold entity has exactly its span and a compatible
type (``PER``/``PS``; ``ORG``/``OG``; ``GPE``/``LOC``/``LC``): that is the
precision. Two looser figures are printed beside it: span precision (the
span is a gold entity's, whatever its type: KLUE tags a country acting as an
actor ``OG``) and inside precision (the match lies within a gold entity of a
compatible type: KLUE and MSRA tag ``서울 강남`` or ``中华人民共和国`` + ``香港特别行政区``
as one or two spans where the knowledge base sees other units). The peer in the same
run is plain dictionary matching: one Aho-Corasick automaton over the same
folded aliases, longest match first, with none of nkcorpus's boundary,
particle, case or cue rules. Goal: precision >= 0.90 on every held-out part.

The speed comparison times :meth:`Gazetteer.find
<nkcorpus.entities.gazetteer.Gazetteer.find>` against that plain matcher on
all sentences of the three sets.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from benchmarks.harness import Comparison, compare, format_table, quick, save
from nkcorpus.entities.gazetteer import Gazetteer, alias_keys, fold, load_gazetteer
from nkcorpus.entities.nerdata import read_kmou

DATA = Path(__file__).resolve().parent / "data" / "ner"
#: Set name -> file and how its tokens join (``None``: KMOU sentences, entities marked inline).
SETS: dict[str, tuple[str, str | None]] = {
    "en": ("conll2003-test.txt", " "),
    "ko": ("klue-ner-v1.1-dev-2000.tsv", ""),
    "ko-kmou": ("kmou-ner-2016klp-train-2000.txt", None),
    "zh": ("msra-test-2000.bio", ""),
}
DEV_SHARE = 0.7
COMPATIBLE = {"PER": {"PER", "PS"}, "ORG": {"ORG", "OG"}, "GPE": {"LOC", "LC", "GPE"}}
COMPATIBLE["LOC"] = COMPATIBLE["GPE"]

Sentence = tuple[str, set[tuple[int, int, str]]]


def _rows(path: Path) -> Iterator[list[tuple[str, str]]]:
    sentence: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").split("\n"):
        if line.startswith("##"):
            continue
        if not line.strip() and not line.startswith(" \t"):
            if sentence:
                yield sentence
            sentence = []
            continue
        token, tag = ([*line.split("\t"), "O"])[:2] if "\t" in line else line.split(" ")[:2]
        if token == "-DOCSTART-":
            continue
        sentence.append((token, tag))
    if sentence:
        yield sentence


def read_sentences(path: Path, joiner: str | None) -> list[Sentence]:
    """Return ``(text, gold spans)`` per sentence of a BIO file (tokens joined by ``joiner``),
    or of a KMOU file (``joiner`` ``None``)."""
    if joiner is None:
        return [(item.text, set(item.entities)) for item in read_kmou(path)]
    out = []
    for rows in _rows(path):
        parts: list[str] = []
        gold: set[tuple[int, int, str]] = set()
        offset, current = 0, None
        for token, tag in rows:
            if parts:
                offset += len(joiner)
            start, end = offset, offset + len(token)
            parts.append(token)
            offset = end
            kind = tag[2:] if len(tag) > 2 else ""
            starts = tag.startswith("I-") and (current is None or current[2] != kind)
            if tag.startswith("B-") or starts:
                if current:
                    gold.add(current)
                current = (start, end, kind)
            elif tag.startswith("I-") and current is not None:
                current = (current[0], end, kind)
            else:
                if current:
                    gold.add(current)
                current = None
        if current:
            gold.add(current)
        out.append((joiner.join(parts), gold))
    return out


class PlainMatcher:
    """The peer: longest-first Aho-Corasick over the same folded aliases, no other rules."""

    def __init__(self, gazetteer: Gazetteer):
        import ahocorasick

        self.automaton = ahocorasick.Automaton()
        for entry in gazetteer.entries:
            for _lang, alias in entry.names:
                for key in alias_keys(alias):
                    self.automaton.add_word(key, (len(key), entry.label))
        self.automaton.make_automaton()

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """Return non-overlapping ``(start, end, label)`` matches, longest first."""
        found = sorted(
            ((end + 1 - n, end + 1, label) for end, (n, label) in self.automaton.iter(fold(text))),
            key=lambda m: (m[0] - m[1], m[0]),
        )
        taken = bytearray(len(text))
        out = []
        for start, end, label in found:
            if taken.find(1, start, end) == -1:
                taken[start:end] = b"\x01" * (end - start)
                out.append((start, end, label))
        return out


def score(sentences: list[Sentence], find: Any) -> dict[str, float]:
    """Precision (span and type), span-only precision and gold coverage of ``find``."""
    predicted = correct = span_correct = nested = gold_total = 0
    for text, gold in sentences:
        spans = {(s, e): kind for s, e, kind in gold}
        gold_total += len(gold)
        for start, end, label in find(text):
            predicted += 1
            kind = spans.get((start, end))
            compatible = COMPATIBLE.get(label, {label})
            if kind is not None:
                span_correct += 1
                correct += kind in compatible
            nested += any(s <= start and end <= e and k in compatible for s, e, k in gold)
    return {
        "matches": predicted,
        "precision": correct / predicted if predicted else 0.0,
        "span_precision": span_correct / predicted if predicted else 0.0,
        "inside_precision": nested / predicted if predicted else 0.0,
        "gold_entities": gold_total,
        "recall": correct / gold_total if gold_total else 0.0,
    }


def precision_table(gazetteer: Gazetteer) -> dict[str, dict[str, dict[str, float]]]:
    """Scores of nkcorpus and of the plain matcher per language and part."""
    plain = PlainMatcher(gazetteer)

    def ours(text: str) -> list[tuple[int, int, str]]:
        return [(e.span.start, e.span.end, e.label) for e in gazetteer.find(text)]

    table: dict[str, dict[str, dict[str, float]]] = {}
    for language, (name, joiner) in SETS.items():
        sentences = read_sentences(DATA / name, joiner)
        cut = int(len(sentences) * DEV_SHARE)
        for part, chunk in (("dev", sentences[:cut]), ("held-out", sentences[cut:])):
            table[f"{language} {part}"] = {
                "nkcorpus": score(chunk, ours),
                "plain": score(chunk, plain.find),
                "sentences": {"count": len(chunk)},
            }
    return table


def format_precision(table: dict[str, dict[str, dict[str, float]]]) -> str:
    """The precision table as aligned text."""
    lines = [
        f"{'set':<18}{'matches':>8}{'precision':>10}{'span P':>8}{'inside P':>9}{'recall':>8}"
        "   plain: matches, precision, inside P"
    ]
    for name, row in table.items():
        ours, plain = row["nkcorpus"], row["plain"]
        lines.append(
            f"{name:<18}{ours['matches']:>8}{ours['precision']:>10.3f}{ours['span_precision']:>8.3f}"
            f"{ours['inside_precision']:>9.3f}{ours['recall']:>8.3f}   {plain['matches']}, "
            f"{plain['precision']:.3f}, {plain['inside_precision']:.3f}"
        )
    return "\n".join(lines)


def run() -> list[Comparison]:
    """Measure precision on the three sets and matching speed against the plain matcher."""
    gazetteer = load_gazetteer()
    table = precision_table(gazetteer)
    print(format_precision(table))
    texts = [
        text
        for name, joiner in SETS.values()
        for text, _gold in read_sentences(DATA / name, joiner)
    ]
    if quick():
        texts = texts[:1000]
    plain = PlainMatcher(gazetteer)
    speed = compare(
        "KB matching vs plain Aho-Corasick",
        lambda: [gazetteer.find(t) for t in texts],
        lambda: [plain.find(t) for t in texts],
        items=len(texts),
        unit="sentences",
        repeat=3,
        notes="nkcorpus adds boundary, particle, honorific, case and cue checks",
    )
    comparisons = [speed]
    save("kb", comparisons, {"precision": table})
    return comparisons


if __name__ == "__main__":
    results = run()
    print(format_table(results))
    print(json.dumps({"saved": "benchmarks/results/kb.json"}))
