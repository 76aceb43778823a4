"""Validators for settings objects (:class:`~nkcorpus.Config` and the stage options).

Each returns an attrs validator that raises :class:`~nkcorpus.errors.ConfigError`
with a message naming the class, the setting, what it accepts and what it got:

>>> import attrs
>>> from nkcorpus.validators import one_of
>>> @attrs.frozen
... class Options:
...     mode: str = attrs.field(default="fast", validator=one_of(("fast", "exact")))
>>> Options(mode="slow")
Traceback (most recent call last):
...
nkcorpus.errors.ConfigError: Options.mode must be one of 'fast', 'exact'; got 'slow'
"""

from __future__ import annotations

from typing import Any, cast

import attrs

from nkcorpus.errors import ConfigError

__all__ = ["between", "changed", "flag", "one_of", "optional_path", "whole_number"]

Validator = Any


def _name(instance: Any, attribute: attrs.Attribute[Any]) -> str:
    return f"{type(instance).__name__}.{attribute.name}"


def one_of(choices: tuple[Any, ...]) -> Validator:
    """Accept only the values in ``choices`` (which may include ``None``)."""

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value not in choices:
            shown = ", ".join(repr(choice) for choice in choices if choice is not None)
            if None in choices:
                shown += " or None"
            raise ConfigError(f"{_name(instance, attribute)} must be one of {shown}; got {value!r}")

    return check


def flag(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Accept only ``True`` or ``False``."""
    if not isinstance(value, bool):
        raise ConfigError(f"{_name(instance, attribute)} must be True or False; got {value!r}")


def whole_number(minimum: int, *, optional: bool = False) -> Validator:
    """Accept an ``int`` of at least ``minimum`` (and ``None`` when ``optional``)."""

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is None and optional:
            return
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            extra = " (or None)" if optional else ""
            raise ConfigError(
                f"{_name(instance, attribute)} must be a whole number of at least "
                f"{minimum}{extra}; got {value!r}"
            )

    return check


def between(low: float, high: float) -> Validator:
    """Accept a number from ``low`` to ``high``, both included."""

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        number = isinstance(value, (int, float)) and not isinstance(value, bool)
        if not number or not low <= value <= high:
            raise ConfigError(
                f"{_name(instance, attribute)} must be a number from {low} to {high}; "
                f"got {value!r}"
            )

    return check


def optional_path(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Accept a non-empty path string, or ``None``."""
    if value is not None and (not isinstance(value, str) or not value):
        raise ConfigError(
            f"{_name(instance, attribute)} must be a path as a string, or None; got {value!r}"
        )


def changed(options: Any, changes: dict[str, Any]) -> Any:
    """Return a copy of the attrs object ``options`` with ``changes`` applied and checked.

    Raises:
        ConfigError: for a name that is not one of its settings (the message lists
            them), or a value its validators refuse.
    """
    names = {field.name for field in attrs.fields(cast(Any, type(options)))}
    unknown = sorted(set(changes) - names)
    if unknown:
        raise ConfigError(
            f"{type(options).__name__} has no setting {', '.join(map(repr, unknown))}; "
            f"its settings are {', '.join(sorted(names))}"
        )
    return attrs.evolve(options, **changes) if changes else options
