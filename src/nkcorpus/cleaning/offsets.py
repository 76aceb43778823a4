"""Edits on a text, applied in one go, with the :class:`~nkcorpus.OffsetMap` they imply.

Each cleaning pass finds its edits with compiled regular expressions over the
whole text and hands them to :func:`apply_edits`, which copies the untouched
stretches between edits in one slice each. The map therefore has one run per
edit, not one entry per character. Passes chain with
:meth:`OffsetMap.compose <nkcorpus.OffsetMap.compose>`.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence

import attrs

from nkcorpus.document import OffsetMap, Span

__all__ = ["Edit", "Edited", "apply_edits", "chain", "to_new"]


@attrs.frozen
class Edit:
    """Replace ``text[start:end]`` with ``replacement``.

    Attributes:
        start: where the replaced stretch begins.
        end: where it ends (``start == end`` inserts).
        replacement: the new characters (empty to delete).
        exact: when both sides have the same length, map them character by
            character (``"Ａ"`` to ``"A"``); otherwise the replacement maps to the
            replaced stretch as a whole.
        keep: make the stretch one unit of the map even when the replacement
            equals it (a stretch that a rule judged as a whole and left alone).
    """

    start: int
    end: int
    replacement: str = ""
    exact: bool = True
    keep: bool = False


@attrs.frozen
class Edited:
    """The result of :func:`apply_edits`.

    Attributes:
        text: the edited text.
        offsets: the map from ``text`` back to the text the edits were made on.
        changes: how many edits changed something.
    """

    text: str
    offsets: OffsetMap
    changes: int


def apply_edits(text: str, edits: Iterable[Edit]) -> Edited:
    """Apply sorted, non-overlapping ``edits`` to ``text``.

    Edits that replace a stretch with the same characters are skipped.

    >>> result = apply_edits("It`s", [Edit(2, 3, "'")])
    >>> result.text, result.offsets.runs
    ("It's", ((0, 4, 0, 4, True),))

    Raises:
        ValueError: when the edits overlap or are out of order.
    """
    pieces: list[str] = []
    runs: list[tuple[int, int, int, int, bool]] = []
    pos = 0  # position in the old text
    out = 0  # position in the new text
    changes = 0

    def add_run(length: int, raw_start: int, raw_end: int, exact: bool) -> None:
        nonlocal out
        if length == 0:
            return
        if runs and exact:
            cs, ce, rs, re_, ex = runs[-1]
            if ex and re_ == raw_start:
                runs[-1] = (cs, ce + length, rs, raw_end, True)
                out += length
                return
        runs.append((out, out + length, raw_start, raw_end, exact))
        out += length

    for edit in edits:
        if edit.start < pos or edit.end < edit.start:
            raise ValueError(f"edits must be sorted and must not overlap; bad edit {edit!r}")
        if text[edit.start : edit.end] == edit.replacement:
            if not edit.keep or edit.exact or edit.end - edit.start < 2:
                continue
        else:
            changes += 1
        if edit.start > pos:
            pieces.append(text[pos : edit.start])
            add_run(edit.start - pos, pos, edit.start, True)
        if edit.replacement:
            pieces.append(edit.replacement)
            size = len(edit.replacement)
            exact = edit.exact and size == edit.end - edit.start
            add_run(size, edit.start, edit.end, exact)
        pos = edit.end
    if not runs and not pieces and pos == 0:
        return Edited(text, OffsetMap.identity(len(text)), 0)
    if pos < len(text):
        pieces.append(text[pos:])
        add_run(len(text) - pos, pos, len(text), True)
    return Edited("".join(pieces), OffsetMap(runs), changes)


def chain(outer: OffsetMap, inner: OffsetMap) -> OffsetMap:
    """Return the map from the newest text to the oldest.

    ``outer`` maps text B to text A (an earlier pass), ``inner`` maps C to B
    (the pass after it).
    """
    if not inner.runs:
        return inner
    runs = outer.runs
    if len(runs) == 1 and runs[0][4] and runs[0][0] == runs[0][2] == 0 and runs[0][1] == runs[0][3]:
        return inner  # ``outer`` maps a text to itself: nothing to compose
    return outer.compose(inner)


def to_new(offsets: OffsetMap, old: Span, ends: Sequence[int] | None = None) -> Span | None:
    """Map a span of the old text forward to the new text, or ``None`` if it was removed.

    ``offsets`` maps the new text to the old one; the result covers every new
    character that came from inside ``old``. ``ends``, the old-text end of each run
    (``[run[3] for run in offsets.runs]``), may be given to map many spans in linear time.
    """
    runs = offsets.runs
    if not runs:
        return None
    if ends is None:
        ends = [run[3] for run in runs]
    first = bisect.bisect_right(ends, old.start)
    start = end = None
    for cs, ce, rs, re_, exact in runs[first:]:
        if rs >= old.end and not (rs == re_ == old.end):
            break
        if exact:
            lo, hi = max(rs, old.start), min(re_, old.end)
            if lo >= hi:
                continue
            s, e = cs + (lo - rs), cs + (hi - rs)
        else:
            s, e = cs, ce
        start = s if start is None else start
        end = e
    if start is None or end is None:
        return None
    return Span(start, end)
