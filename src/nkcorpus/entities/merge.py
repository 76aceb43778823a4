"""How Stanza entities and gazetteer matches become one sorted list.

The rule, applied to the entities of one text:

1. **Same span**: a Stanza entity and a gazetteer match with exactly the same
   span become one entity with ``source="stanza+gazetteer"``, the gazetteer's
   label and canonical id (the alias list is curated) and Stanza's score.
2. **Overlap**: of entities that overlap without sharing a span, the longest
   wins (``Committee for Human Rights in North Korea`` from Stanza over
   ``North Korea`` from the gazetteer; ``Kim Jong-un`` from the gazetteer over
   ``Jong-un`` from Stanza). On equal length the gazetteer match wins, then the
   one that starts first. Losers are dropped, so entities never overlap.
3. **Linking**: a Stanza entity that is left and whose normalized text is an
   alias of the knowledge base (folded, honorifics and particles cut off a
   Korean name: :func:`nkcorpus.entities.gazetteer.normalize_name`) gets that
   entity's canonical id; its label and ``source="stanza"`` stay. Otherwise it
   keeps the stable per-language id the recognizer gave it
   (:func:`nkcorpus.entities.kb.local_id`, such as ``"ko:홍길동"``).

The result is sorted by span.

>>> from nkcorpus import Entity, Span
>>> stanza = [Entity(Span(0, 11), "Kim Jong-un", "PERSON", source="stanza")]
>>> gazetteer = [Entity(Span(0, 11), "Kim Jong-un", "PER", "kim-jong-un", "gazetteer")]
>>> merge_entities(stanza, gazetteer)[0].source
'stanza+gazetteer'
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

import attrs

from nkcorpus.document import Entity
from nkcorpus.entities.gazetteer import Gazetteer

__all__ = ["merge_entities"]


def merge_entities(
    stanza: Sequence[Entity],
    gazetteer: Sequence[Entity],
    linker: Gazetteer | None = None,
) -> list[Entity]:
    """Merge Stanza entities and gazetteer matches of one text by the rule above.

    Args:
        stanza: entities from Stanza (non-overlapping among themselves).
        gazetteer: matches from :meth:`Gazetteer.find
            <nkcorpus.entities.gazetteer.Gazetteer.find>`.
        linker: the gazetteer used to give canonical ids to Stanza entities
            that are exact aliases (rule 3); ``None`` skips linking.
    """
    if not stanza and _apart(gazetteer):
        # Nothing to merge: matches that do not overlap are all kept, in order (what
        # the rule gives, without its working lists).
        return list(gazetteer)
    by_span = {(e.span.start, e.span.end): e for e in gazetteer}
    candidates: list[tuple[Entity, int]] = []  # (entity, priority: 0 gazetteer, 1 stanza)
    merged_spans = set()
    for entity in stanza:
        key = (entity.span.start, entity.span.end)
        match = by_span.get(key)
        if match is not None:
            merged_spans.add(key)
            candidates.append(
                (attrs.evolve(match, source="stanza+gazetteer", score=entity.score), 0)
            )
        else:
            candidates.append((entity, 1))
    candidates.extend(
        (e, 0) for e in gazetteer if (e.span.start, e.span.end) not in merged_spans
    )
    candidates.sort(key=lambda c: (-len(c[0].span), c[1], c[0].span.start))
    kept: list[Entity] = []
    # Characters covered by kept entities (they never overlap), and kept empty spans:
    # checking a candidate costs its own length, so merging stays linear in the text.
    limit = max((entity.span.end for entity, _priority in candidates), default=0)
    taken = bytearray(limit + 1)
    points: list[int] = []  # positions of kept empty spans, sorted (rare)
    for entity, _priority in candidates:
        start, end = entity.span.start, entity.span.end
        if start == end:
            at = bisect.bisect_left(points, start)
            if taken[start] or (at < len(points) and points[at] == start):
                continue
            points.insert(at, start)
        else:
            if taken.find(1, start, end) != -1:
                continue
            at = bisect.bisect_left(points, start)
            if at < len(points) and points[at] < end:
                continue
            taken[start:end] = b"\x01" * (end - start)
        linkable = entity.canonical_id is None or ":" in entity.canonical_id
        if entity.source == "stanza" and linkable and linker is not None:
            entry = linker.lookup(entity.text)
            if entry is not None:
                entity = attrs.evolve(entity, canonical_id=entry.id)
        kept.append(entity)
    kept.sort(key=lambda e: (e.span.start, e.span.end))
    return kept


def _apart(entities: Sequence[Entity]) -> bool:
    """Whether the spans are non-empty, in order and never overlap (and none needs linking)."""
    end = 0
    for entity in entities:
        start = entity.span.start
        if start < end or start == entity.span.end or entity.source == "stanza":
            return False
        end = entity.span.end
    return True
