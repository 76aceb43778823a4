"""Settings of the language stage."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from nkcorpus.errors import ConfigError
from nkcorpus.validators import between

__all__ = ["DEFAULT_PRIOR", "LanguageOptions"]

#: The default domain prior, which makes English three times as likely as any other language
#: scored by n-grams, so one eleventh of the prior weight of Latin-script text (3 of 33) is
#: English.
DEFAULT_PRIOR: tuple[tuple[str, float], ...] = (("en", 3.0),)

Prior = tuple[tuple[str, float], ...]


def _to_prior(value: Any) -> Any:
    """Turn a mapping or pairs into sorted ``(code, weight)`` pairs (checked afterwards)."""
    if isinstance(value, Mapping):
        value = value.items()
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        return value
    pairs = []
    for item in value:
        if not isinstance(item, (tuple, list)) or len(item) != 2:
            return value
        pairs.append((item[0], item[1]))
    try:
        return tuple(sorted(pairs, key=lambda pair: pair[0]))
    except TypeError:
        return value


def _check_prior(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    from nkcorpus.language.evidence import LANGUAGES_BY_SCRIPT, langdetect_code

    name = f"{type(instance).__name__}.{attribute.name}"
    scored = sorted(
        {langdetect_code(code) for codes in LANGUAGES_BY_SCRIPT.values() for code in codes}
    )
    if not isinstance(value, tuple):
        raise ConfigError(
            f"{name} must map language codes to weights, e.g. {{'en': 3.0}}; got {value!r}"
        )
    codes = [code for code, _weight in value]
    for code, weight in value:
        if code not in scored:
            raise ConfigError(
                f"{name} names {code!r}, which is not a language scored by n-grams; use codes "
                f"among {', '.join(scored)} (ko, ja and Chinese are decided by script)"
            )
        number = isinstance(weight, (int, float)) and not isinstance(weight, bool)
        if not number or not math.isfinite(weight) or weight <= 0:
            raise ConfigError(
                f"{name}[{code!r}] must be a positive number (1 is the weight of a language "
                f"not named); got {weight!r}"
            )
    if len(set(codes)) != len(codes):
        raise ConfigError(f"{name} names a language twice: {codes}")


def _to_engines(value: Any) -> Any:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, Iterable):
        return tuple(value)
    return value


def _check_engines(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    from nkcorpus.language.evidence import ENGINES

    name = f"{type(instance).__name__}.{attribute.name}"
    if not isinstance(value, tuple) or not value:
        raise ConfigError(f"{name} must name at least one of {', '.join(ENGINES)}; got {value!r}")
    unknown = [engine for engine in value if engine not in ENGINES]
    if unknown:
        raise ConfigError(f"{name}: unknown engine(s) {unknown}; choose among {', '.join(ENGINES)}")
    if len(set(value)) != len(value):
        raise ConfigError(f"{name} names an engine twice: {list(value)}")


def _sorted_engines(value: Any) -> Any:
    from nkcorpus.language.evidence import ENGINES

    value = _to_engines(value)
    if isinstance(value, tuple) and all(engine in ENGINES for engine in value):
        return tuple(sorted(value, key=ENGINES.index))
    return value


@attrs.frozen
class LanguageOptions:
    """How languages are detected.

    Attributes:
        segments: also split the document into passages in one language each
            (:attr:`~nkcorpus.Document.segments`); when false only
            :attr:`~nkcorpus.Document.language` is set.
        min_confidence: the abstention threshold: a passage whose best language is
            less likely than this is labelled ``und`` (undetermined). The default, 0,
            always gives the best guess where there is linguistic evidence (letters
            that are not part of a link, a tag or a date), with its calibrated
            confidence; raise it to label only what is clear.
        engines: the models that judge alphabetic text besides its script (Hangul,
            kana and Han are decided by script, with fastText telling Chinese from
            Japanese): ``"fasttext"`` (fastText's ``lid.176``), ``"profiles"``
            (langdetect's n-gram profiles and the function words of
            :mod:`nkcorpus.language.lexicon`) and ``"lingua"`` (optional, slow to load).
            The default, fastText with the profiles, measured best for accuracy and
            speed together (``benchmarks/bench_language.py``).
        max_chars: how many characters of each passage the n-gram profiles read
            (Latin, Cyrillic, Arabic and Devanagari text; scripts decide the rest).
        prior: the domain prior over the languages scored by n-grams: how many times likelier
            each named language is, before any evidence, than a language not named (weight 1).
            Give a mapping (``{"en": 3.0, "fr": 2.0}``); it is kept as sorted ``(code, weight)``
            pairs. The default, ``{"en": 3.0}`` (:data:`DEFAULT_PRIOR`), fits a corpus whose
            alphabetic text is mostly English: among the 31 Latin-script languages English then
            holds one eleventh of the prior (3 of 33), three times the share of any other, so a
            short plain English sentence that its evidence leaves in doubt is English, while a
            French or German sentence with its own function words still wins on its evidence.
            ``{}`` weighs every language alike (langdetect's behaviour). The prior needs running
            text: a passage with fewer than two plain words (words that are not names; see
            :mod:`nkcorpus.language.decide`) gets a uniform prior, so a lone name (``Kim
            Jong-un``, ``Pyongyang``) or a lone foreign word (``desertores``) is judged on its
            own letters and never made English by the prior alone.
    """

    segments: bool = True
    min_confidence: float = attrs.field(default=0.0, validator=between(0.0, 1.0))
    max_chars: int = attrs.field(default=2000, validator=between(1, 10**9))
    prior: Prior = attrs.field(default=DEFAULT_PRIOR, converter=_to_prior, validator=_check_prior)
    engines: tuple[str, ...] = attrs.field(
        default=("fasttext", "profiles"), converter=_sorted_engines, validator=_check_engines
    )
