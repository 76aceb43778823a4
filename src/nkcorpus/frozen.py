"""Frozen JSON values: the immutable form of step parameters and metadata extras.

Documents are frozen all the way down, so free-form data inside them (a step's
parameters, :attr:`Metadata.extra <nkcorpus.Metadata.extra>`) is kept as sorted tuples of
``(key, value)`` pairs whose values are JSON scalars or tuples of them.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any, TypeAlias

__all__ = ["JSONValue", "freeze_mapping"]

#: A JSON value in frozen form, meaning a scalar or a tuple of JSON values (a JSON list).
JSONValue: TypeAlias = str | int | float | bool | tuple["JSONValue", ...] | None

def _freeze_value(value: Any) -> JSONValue:
    if value is None or isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"parameter values must be finite numbers, got {value!r}")
        return value
    if isinstance(value, (list, tuple)):
        return tuple(_freeze_value(v) for v in value)
    raise TypeError(
        f"parameter values must be str, int, float, bool, None or sequences of them, "
        f"got {type(value).__name__}: convert it to one of those first"
    )


def freeze_mapping(
    items: Mapping[str, Any] | Iterable[tuple[str, Any]] | None,
) -> tuple[tuple[str, JSONValue], ...]:
    """Turn a mapping (or pairs) into a sorted tuple of ``(key, value)`` pairs.

    Lists become tuples, so the result is hashable and immutable. Used for
    :attr:`Step.parameters` and :attr:`Metadata.extra`.

    >>> from nkcorpus.frozen import freeze_mapping
    >>> freeze_mapping({"b": [1, 2], "a": "x"})
    (('a', 'x'), ('b', (1, 2)))
    """
    if items is None:
        return ()
    pairs = items.items() if isinstance(items, Mapping) else items
    out: dict[str, JSONValue] = {}
    for key, value in pairs:
        if not isinstance(key, str):
            raise TypeError(f"keys must be strings, got {key!r}")
        out[key] = _freeze_value(value)
    return tuple(sorted(out.items()))
