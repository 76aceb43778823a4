"""Paragraphs, sentences and the passages of a text in each language.

What the segments of a document cover, so that later stages can rely on it:

* Segments are spans of ``Document.text``, sorted, never overlapping, each starting
  and ending on a non-whitespace character. Together they cover every
  non-whitespace character of the text; only whitespace between them is left out.
* Paragraphs are separated by blank lines (or U+2029). A paragraph in one language
  is one segment with level ``"paragraph"``.
* A paragraph with passages in more than one language is cut into its passages,
  each with level ``"sentence"``: a passage is one or more whole sentences in one
  language, or, where a sentence switches script, the part in the other script (a
  Korean quote or a Chinese title inside an English sentence). Neighbouring passages
  always differ in language; the punctuation between two passages goes with the
  passage it belongs to (an opening quote or bracket with the text after it).
* Letters of another script make their own passage only when there are enough of
  them: two East Asian characters inside alphabetic text, or
  :data:`MIN_ALPHABETIC_RUN` letters inside East Asian text (so acronyms and short
  names such as ``UN`` or ``NGO`` stay inside a Korean sentence).
* Sentences end at ``.``, ``!``, ``?`` or ``…`` followed by a space (not after an
  initial or a common abbreviation such as ``Mr.`` or ``U.S.``, nor before a
  lower-case word), at ``。``, ``！``, ``？``, and at line breaks.
* Every segment has a language code (``und`` when the evidence is too thin, as for
  a line of numbers) and the confidence of that language.

The document's language is decided on the whole text at once (the heavier family
of scripts decides; alphabetic text is scored on its first ``max_chars``
characters), exactly as :func:`~nkcorpus.language.detect.detect` does. Each
passage is first judged on its own; a paragraph's language is the one with the
most letter weight times confidence over its passages; passages are then judged
again with their paragraph's (or the document's) language as a prior, so that a
heading or a name takes the language around it. Inside a Korean or Chinese document
that context is no Latin-script language, so a short English paragraph there is
judged with the domain prior (:attr:`~nkcorpus.language.options.LanguageOptions.prior`)
and stays English instead of taking the document's language.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

import attrs

from nkcorpus.document import Segment, Span
from nkcorpus.language.decide import Decision, decide
from nkcorpus.language.evidence import Evidence, iter_evidence, whole_text_evidence
from nkcorpus.language.neutral import classify
from nkcorpus.text import scripts as sc
from nkcorpus.text.sentences import sentence_spans

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np
    import numpy.typing as npt

    from nkcorpus.language.options import LanguageOptions

__all__ = [
    "MIN_ALPHABETIC_RUN",
    "MIN_EAST_ASIAN_RUN",
    "Analysis",
    "analyze",
    "paragraph_spans",
]

#: Alphabetic letters needed for a passage of their own inside East Asian text.
MIN_ALPHABETIC_RUN = 20
#: East Asian letters needed for a passage of their own inside alphabetic text.
MIN_EAST_ASIAN_RUN = 2

_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n\s*|\u2029\s*")
_OPENING = frozenset("([{“‘«「『〈《【\"'")

_FAMILY_OF_CLASS = tuple(
    0 if code == sc.NEUTRAL else 2 if code in sc.CJK else 1 for code in range(len(sc.SCRIPT_NAMES))
)


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Return the ``(start, end)`` spans of the paragraphs of ``text``, trimmed of whitespace.

    >>> paragraph_spans("One.\\n\\n  Two.\\nStill two.\\n")
    [(0, 4), (8, 23)]
    """
    spans = []
    pos = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        spans.append((pos, match.start()))
        pos = match.end()
    spans.append((pos, len(text)))
    return [trimmed for start, end in spans if (trimmed := _trim(text, start, end))]


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


@attrs.frozen
class Analysis:
    """The languages of a text: the whole, and each passage.

    Attributes:
        language: the language of the text as a whole (``und`` when none is clear),
            the same as :func:`~nkcorpus.language.detect.detect` gives.
        confidence: the probability of ``language`` times the share of the text's
            letter weight in the deciding family of scripts.
        candidates: the likeliest languages with their probabilities, best first.
        segments: the passages, as described in this module's docstring.
        classes: the script class of every character (see
            :func:`~nkcorpus.text.scripts.classify`).
    """

    language: str
    confidence: float
    candidates: tuple[tuple[str, float], ...]
    segments: tuple[Segment, ...]
    classes: npt.NDArray[np.uint8] = attrs.field(eq=False, repr=False)


def _letter_runs(classes: npt.NDArray[np.uint8]) -> list[tuple[int, int, int, int]]:
    """Maximal runs of letters of one family: ``(start, end, family, letters)``.

    Characters that are not letters neither break a run nor count in it. The text is
    read a piece of :data:`~nkcorpus.text.scripts.CHUNK` characters at a time (the
    positions of all letters at once would cost 8 bytes a letter); a run that goes
    on over a piece's end is continued in the next piece.
    """
    import numpy as np

    lookup = np.asarray(_FAMILY_OF_CLASS, dtype=np.uint8)
    out: list[tuple[int, int, int, int]] = []
    for offset in range(0, len(classes), sc.CHUNK):
        family = lookup[classes[offset : offset + sc.CHUNK]]
        positions = np.flatnonzero(family)
        if not len(positions):
            continue
        families = family[positions]
        changes = np.flatnonzero(families[1:] != families[:-1]) + 1
        starts = np.concatenate(([0], changes))
        ends = np.concatenate((changes, [len(positions)]))
        # Only the runs' own values become Python ints.
        runs = zip(
            (positions[starts] + offset).tolist(),
            (positions[ends - 1] + 1 + offset).tolist(),
            families[starts].tolist(),
            (ends - starts).tolist(),
            strict=True,
        )
        first = next(runs)
        if out and out[-1][2] == first[2]:
            start, _end, kind, letters = out[-1]
            first = (start, first[1], kind, letters + first[3])
            out[-1] = first
        else:
            out.append(first)
        out.extend(runs)
    return out


def _cut(text: str, left_end: int, right_start: int) -> int:
    """Where to cut the neutral gap between two passages (see the module docstring)."""
    gap = text[left_end:right_start]
    for i, char in enumerate(gap):
        if char.isspace():
            return left_end + i
    for i, char in enumerate(gap):
        if char in _OPENING:
            return left_end + i
    return right_start


def _pieces(
    text: str,
    sentences: Sequence[tuple[int, int]],
    runs: Sequence[tuple[int, int, int, int]],
) -> list[tuple[int, int]]:
    """Cut the sentences of one paragraph into passages of one script family each."""
    import bisect

    run_starts = [run[0] for run in runs]
    pieces: list[tuple[int, int]] = []
    for s_start, s_end in sentences:
        first = max(0, bisect.bisect_right(run_starts, s_start) - 1)
        inside = []
        for r_start, r_end, family, letters in runs[first:]:
            if r_start >= s_end:
                break
            if r_end <= s_start:
                continue
            clipped_start, clipped_end = max(r_start, s_start), min(r_end, s_end)
            if (clipped_start, clipped_end) != (r_start, r_end):
                letters = -1  # recounted below only if it matters
            inside.append([clipped_start, clipped_end, family, letters])
        if not inside:
            # No letters: the sentence goes with the passage before it (or after it).
            pieces.append((s_start, s_end))
            continue
        merged = _merge_minor_runs(inside)
        bounds = [s_start]
        for left, right in itertools.pairwise(merged):
            bounds.append(_cut(text, left[1], right[0]))
        bounds.append(s_end)
        for a, b in itertools.pairwise(bounds):
            trimmed = _trim(text, a, b)
            if trimmed:
                pieces.append(trimmed)
    return pieces


def _merge_minor_runs(runs: list[list[int]]) -> list[list[int]]:
    """Fold runs too short to stand alone into their neighbours, then join equal families."""
    if len(runs) == 1:
        return runs
    majority = max((1, 2), key=lambda f: sum(r[1] - r[0] for r in runs if r[2] == f))
    kept: list[list[int]] = []
    for run in runs:
        start, end, family, letters = run
        minimum = MIN_EAST_ASIAN_RUN if family == 2 else MIN_ALPHABETIC_RUN
        if family != majority and 0 <= letters < minimum:
            continue
        if letters < 0 and family != majority and end - start < minimum:
            continue
        if kept and kept[-1][2] == family:
            kept[-1][1] = end
        else:
            kept.append(list(run))
    if not kept:
        kept = [[runs[0][0], runs[-1][1], majority, -1]]
    kept[0][0] = runs[0][0]
    kept[-1][1] = runs[-1][1]
    return kept


def analyze(text: str, options: LanguageOptions) -> Analysis:
    """Find the language of ``text`` and of each of its passages.

    Passages are judged one paragraph at a time, and a paragraph's evidence is
    dropped once its segments are made, so memory holds the model evidence of one
    paragraph (and of the leading paragraphs that wait for a language around them),
    not of the whole text.

    Args:
        text: clean text (``Document.text``).
        options: the language settings.
    """
    classes, blanked = classify(text)
    runs = _letter_runs(classes)
    paragraphs = paragraph_spans(text)
    run_index = 0
    piece_spans: list[tuple[int, int]] = []
    piece_counts: list[int] = []
    for p_start, p_end in paragraphs:
        while run_index < len(runs) and runs[run_index][1] <= p_start:
            run_index += 1
        end_index = run_index
        while end_index < len(runs) and runs[end_index][0] < p_end:
            end_index += 1
        sentences = sentence_spans(text, p_start, p_end)
        pieces = _pieces(text, sentences, runs[run_index:end_index])
        piece_spans.extend(pieces)
        piece_counts.append(len(pieces))
    del runs
    floor, prior, engines = options.min_confidence, options.prior, options.engines
    whole_evidence = whole_text_evidence(text, classes, options.max_chars, engines, None, blanked)
    whole = decide(whole_evidence, floor, prior=prior)
    evidence = iter_evidence(text, classes, piece_spans, options.max_chars, engines, blanked)
    segments: list[Segment] = []
    # Paragraphs with no language of their own before the first one that has one: they
    # take the language of that first one (or the document's when none has one).
    waiting: list[tuple[tuple[int, int], Sequence[tuple[int, int]], list[Evidence]]] = []
    earlier: tuple[str, float] | None = None  # the nearest paragraph language before
    first = 0
    for paragraph, count in zip(paragraphs, piece_counts, strict=True):
        spans = piece_spans[first : first + count]
        items = list(itertools.islice(evidence, count))
        first += count
        own = _own_language([decide(item, floor, prior=prior) for item in items])
        if own is not None:
            for held in waiting:
                segments.extend(_judged(*held, own, whole.language, floor, prior))
            waiting = []
            earlier = own
        if earlier is None:
            waiting.append((paragraph, spans, items))
            continue
        segments.extend(_judged(paragraph, spans, items, earlier, whole.language, floor, prior))
    document = (whole.language, whole.confidence)
    for held in waiting:
        segments.extend(_judged(*held, document, whole.language, floor, prior))
    return Analysis(whole.language, whole.confidence, whole.candidates, tuple(segments), classes)


def _own_language(decisions: Sequence[Decision]) -> tuple[str, float] | None:
    """A paragraph's own language and confidence: the vote of its passages with evidence
    of their own, or ``None`` when they give none."""
    voters = [d for d in decisions if d.evidence]
    language, confidence, _ = _vote(voters) if voters else ("und", 0.0, ())
    return (language, confidence) if language != "und" else None


def _judged(
    paragraph: tuple[int, int],
    spans: Sequence[tuple[int, int]],
    items: Sequence[Evidence],
    language: tuple[str, float],
    document: str,
    floor: float,
    prior: tuple[tuple[str, float], ...],
) -> list[Segment]:
    """The segments of one paragraph, its passages judged again in its ``language``.

    A paragraph without a language of its own takes the nearest paragraph's before it
    (else after it), else the document's.
    """
    final = []
    for item in items:
        context, sureness = _context(item, language, document)
        found = decide(item, floor, context, prior)
        if not found.evidence and context is not None:
            found = attrs.evolve(found, language=context, confidence=sureness)
        final.append(found)
    return _segments(paragraph, spans, final)


def _context(
    item: Evidence, paragraph: tuple[str, float], document: str
) -> tuple[str | None, float]:
    """The language around a passage and its confidence: its paragraph's, except that
    Han without kana or Hangul keeps a Korean or Japanese document's language."""
    language, confidence = paragraph
    if item.east_asian_weight >= item.alphabetic_weight:
        if document in ("ko", "ja") and language not in ("ko", "ja"):
            return document, confidence
        if language == "zh" and document in ("zh-Hans", "zh-Hant"):
            return document, confidence
    return (language, confidence) if language != "und" else (None, 0.0)


def _vote(decisions: Sequence[Decision]) -> tuple[str, float, tuple[tuple[str, float], ...]]:
    total = sum(d.weight for d in decisions)
    if not total:
        return "und", 0.0, ()
    tally: dict[str, float] = {}
    for d in decisions:
        if d.language != "und":
            tally[d.language] = tally.get(d.language, 0.0) + d.weight * d.confidence
    if not tally:
        return "und", 0.0, ()
    ranked = sorted(tally.items(), key=lambda item: (-item[1], item[0]))
    candidates = tuple((code, share / total) for code, share in ranked[:3])
    return ranked[0][0], candidates[0][1], candidates


def _segments(
    paragraph: tuple[int, int],
    pieces: Sequence[tuple[int, int]],
    decisions: Sequence[Decision],
) -> list[Segment]:
    """The segments of one paragraph from its passages and their decisions."""
    p_start, p_end = paragraph
    items: list[_Item] = []
    for (start, end), d in zip(pieces, decisions, strict=True):
        context = not d.evidence and d.language != "und"
        items.append(_Item(start, end, d.language, d.family, d.weight, d.weight * d.confidence))
        items[-1].context = context
        items[-1].fallback = d.confidence
    items = _resolve(items)
    level = "paragraph" if len(items) == 1 else "sentence"
    out: list[Segment] = []
    for item in items:
        span = Span(p_start, p_end) if len(items) == 1 else Span(item.start, item.end)
        confidence = item.weighted / item.weight if item.weight else item.fallback
        confidence = min(1.0, max(0.0, confidence))
        method = "context" if item.context else "detected"
        out.append(Segment(span, item.language, confidence, level, method))
    return out


@attrs.define
class _Item:
    """A passage while the passages of one paragraph are being joined."""

    start: int
    end: int
    language: str
    family: int
    weight: float
    weighted: float
    context: bool = False
    fallback: float = 0.0

    def absorb(self, other: _Item) -> None:
        self.start = min(self.start, other.start)
        self.end = max(self.end, other.end)
        self.weight += other.weight
        self.weighted += other.weighted
        self.context = self.context and other.context
        self.fallback = max(self.fallback, other.fallback)


def _resolve(items: list[_Item]) -> list[_Item]:
    """Join passages that cannot stand alone, then neighbours in the same language.

    A passage without letters joins the passage before it (the one after it at the
    start of a paragraph). An ``und`` passage joins a neighbour written in the same
    family of scripts (before it first), as a name or an acronym goes with the
    sentence around it. Nothing joins across a passage in another language.
    """
    if len(items) <= 1:
        return items
    for letterless in (True, False):
        kept: list[_Item] = []
        pending: list[_Item] = []
        for item in items:
            if item.weight == 0 if letterless else item.language == "und":
                target = kept[-1] if kept else None
                if target is not None and _can_join(item, target):
                    target.absorb(item)
                else:
                    pending.append(item)
                continue
            for waiting in pending:
                if _can_join(waiting, item):
                    item.absorb(waiting)
                else:
                    kept.append(waiting)
            pending = []
            kept.append(item)
        kept.extend(pending)
        items = sorted(kept, key=lambda i: i.start)
    merged: list[_Item] = []
    for item in items:
        if merged and merged[-1].language == item.language:
            merged[-1].absorb(item)
        else:
            merged.append(item)
    return merged


def _can_join(item: _Item, target: _Item) -> bool:
    if target.language == "und" and target.weight > 0:
        return item.weight == 0
    return item.weight == 0 or item.family == target.family
