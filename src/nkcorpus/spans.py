"""Spans and the offset map: the ground on which every offset in nkcorpus stands.

A :class:`Span` is a half-open range of a string. An :class:`OffsetMap` maps spans of
a clean text back to spans of the raw text it was made from, in runs whose number grows
with the number of edits, not with the length of the text. Both are re-exported by
:mod:`nkcorpus.document` and the top-level package.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from typing import Any, TypeAlias

import attrs

__all__ = ["OffsetMap", "Run", "Span"]


@attrs.frozen(order=True)
class Span:
    """A half-open character range ``[start, end)`` of a string.

    >>> from nkcorpus import Span
    >>> "Kim Jong-un"[Span(4, 11).slice()]
    'Jong-un'
    """

    start: int = attrs.field(validator=attrs.validators.ge(0))
    end: int = attrs.field()

    @end.validator
    def _check_end(self, _attribute: Any, value: int) -> None:
        if value < self.start:
            raise ValueError(f"Span end {value} is before its start {self.start}")

    def __len__(self) -> int:
        return self.end - self.start

    def slice(self) -> slice:
        """Return the span as a :class:`slice` for indexing a string."""
        return slice(self.start, self.end)

    def of(self, text: str) -> str:
        """Return the characters of ``text`` inside this span."""
        return text[self.start : self.end]

    def shift(self, offset: int) -> Span:
        """Return the span moved by ``offset`` characters."""
        return Span(self.start + offset, self.end + offset)


#: One run of an :class:`OffsetMap`, as clean start, clean end, raw start, raw end, exact.
Run: TypeAlias = tuple[int, int, int, int, bool]


def _to_runs(runs: Iterable[Iterable[Any]]) -> tuple[Run, ...]:
    out = []
    for run in runs:
        if type(run) is tuple and len(run) == 5:  # the stored form already: kept as it is
            cs, ce, rs, re_, exact = run
            if (
                type(cs) is int
                and type(ce) is int
                and type(rs) is int
                and type(re_) is int
                and type(exact) is bool
            ):
                out.append(run)
                continue
        values = tuple(run)
        if len(values) == 4:
            cs, ce, rs, re_ = values
            values = (cs, ce, rs, re_, ce - cs == re_ - rs)
        if len(values) != 5:
            raise ValueError(f"an offset run has 4 or 5 values, got {values!r}")
        cs, ce, rs, re_, exact = values
        out.append((int(cs), int(ce), int(rs), int(re_), bool(exact)))
    return tuple(out)


@attrs.frozen
class OffsetMap:
    """A compact map from offsets in the clean text to offsets in the raw text.

    The map is a sorted tuple of runs ``(clean_start, clean_end, raw_start,
    raw_end, exact)`` that tile the clean text from 0 to its length without
    gaps. In an *exact* run (both sides the same length) each clean character
    maps to one raw character; any other run maps as a whole, as when
    ``"&amp;"`` became ``"&"`` or a decomposed Hangul syllable was composed.
    Raw text between runs was removed. The size of the map grows with the number
    of edits, not with the length of the text. Runs may be given as 4-tuples;
    ``exact`` is then whether both sides have the same length.
    """

    runs: tuple[Run, ...] = attrs.field(default=(), converter=_to_runs)

    @runs.validator
    def _check_runs(self, _attribute: Any, runs: tuple[Run, ...]) -> None:
        clean_pos, raw_pos = 0, 0
        for run in runs:
            cs, ce, rs, re_, exact = run
            if cs != clean_pos or ce <= cs or rs < raw_pos or re_ < rs:
                raise ValueError(
                    f"offset runs must tile the clean text in order without gaps; bad run {run!r}"
                )
            if exact and ce - cs != re_ - rs:
                raise ValueError(f"an exact offset run has equal lengths on both sides: {run!r}")
            clean_pos, raw_pos = ce, re_

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        """Return the map of a text that is its own raw text, ``length`` characters long."""
        return cls(((0, length, 0, length, True),) if length else ())

    @property
    def clean_length(self) -> int:
        """The length of the clean text this map covers."""
        return self.runs[-1][1] if self.runs else 0

    def _run_index(self, pos: int) -> int:
        return bisect.bisect_right(self.runs, pos, key=lambda run: run[0]) - 1

    def _start(self, pos: int) -> int:
        cs, _ce, rs, _re, exact = self.runs[self._run_index(pos)]
        return rs + (pos - cs) if exact else rs

    def to_raw(self, span: Span) -> Span:
        """Return the span of raw text that the clean ``span`` came from.

        Raises:
            ValueError: if the span reaches past the end of the clean text.
        """
        if span.end > self.clean_length:
            raise ValueError(
                f"{span} reaches past the clean text ({self.clean_length} characters); "
                "use a span of Document.text"
            )
        if not self.runs:
            return Span(0, 0)
        if span.start == span.end:
            point = self.runs[-1][3] if span.start >= self.clean_length else self._start(span.start)
            return Span(point, point)
        start = self._start(span.start)
        cs, _ce, _rs, re_, exact = self.runs[self._run_index(span.end - 1)]
        end = _rs + (span.end - cs) if exact else re_
        return Span(start, end)

    def compose(self, inner: OffsetMap) -> OffsetMap:
        """Chain two maps: ``self`` maps text B to text A, ``inner`` maps text C to B.

        Returns the map from C to A, used when a stage rewrites already-clean
        text and keeps its own map to the text it started from. Linear in the number of
        runs: ``inner``'s runs point into B in order, so ``self``'s runs are walked once.
        """
        if inner.runs and inner.runs[-1][3] > self.clean_length:
            self.to_raw(Span(inner.runs[-1][2], inner.runs[-1][3]))  # raises: past B's end
        outer = self.runs
        last = len(outer) - 1
        k = 0  # the run of ``self`` that holds the B position being mapped

        def at(b: int) -> Run:
            nonlocal k
            while k < last and outer[k][1] <= b:
                k += 1
            return outer[k]

        runs: list[Run] = []
        for cs, ce, bs, be, exact in inner.runs:
            if not exact:  # the raw span of B's bs..be, as to_raw() gives it
                if bs >= self.clean_length:  # nothing of B behind it, at B's end
                    point = outer[-1][3] if outer else 0
                    runs.append((cs, ce, point, point, False))
                    continue
                ocs, _oce, ors, _ore, oexact = at(bs)
                start = ors + (bs - ocs) if oexact else ors
                end = start
                if be > bs:
                    ocs, _oce, ors, ore, oexact = at(be - 1)
                    end = ors + (be - ocs) if oexact else ore
                runs.append((cs, ce, start, end, False))
                continue
            # An exact run of C over B: split it wherever B's runs in A change.
            pos = cs
            while pos < ce:
                b = bs + (pos - cs)
                ocs, oce, ors, ore, oexact = at(b)
                take = min(ce - pos, oce - b)
                if oexact:
                    runs.append((pos, pos + take, ors + (b - ocs), ors + (b - ocs) + take, True))
                else:
                    runs.append((pos, pos + take, ors, ore, False))
                pos += take
        return OffsetMap(_merge_runs(runs))


def _merge_runs(runs: list[Run]) -> tuple[Run, ...]:
    """Merge neighbouring exact runs that continue each other, and runs sharing raw text."""
    merged: list[Run] = []
    for run in runs:
        if merged:
            cs, _, rs, re_, exact = merged[-1]
            _, nce, nrs, nre, nexact = run
            if exact and nexact and re_ == nrs:
                merged[-1] = (cs, nce, rs, nre, True)
                continue
            if nrs < re_:
                # Two runs drawn from the same raw text become one inexact run.
                merged[-1] = (cs, nce, min(rs, nrs), max(re_, nre), False)
                continue
        merged.append(run)
    return tuple(merged)
