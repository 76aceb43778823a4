"""Lingua's language models, as an optional third opinion (off by default).

``lingua-language-detector`` ships n-gram models for 75 languages in its wheel. It is
accurate on single words, but loading the models of the Latin-script languages takes
tens of seconds and each text costs about a millisecond, so nkcorpus uses it only
when :attr:`LanguageOptions.engines <nkcorpus.language.options.LanguageOptions.engines>`
names ``"lingua"``. The detector is built on first use, once per process, for the
languages that :mod:`nkcorpus.language.decide` scores (those lingua knows), and it
loads each language's model when a text first needs it.
"""

from __future__ import annotations

import functools
import threading
from typing import Any

__all__ = ["DECIMALS", "available", "probabilities"]

_LOCK = threading.Lock()


def available() -> bool:
    """Whether ``lingua-language-detector`` is installed."""
    try:
        import lingua  # noqa: F401
    except ImportError:
        return False
    return True


@functools.cache
def _detector() -> Any:
    with _LOCK:
        import lingua

        from nkcorpus.language.evidence import LANGUAGES_BY_SCRIPT, langdetect_code

        codes = sorted({langdetect_code(c) for cs in LANGUAGES_BY_SCRIPT.values() for c in cs})
        known = []
        for code in codes:
            try:
                known.append(lingua.IsoCode639_1.from_str(code))
            except ValueError:
                continue  # a language lingua has no model for (Nepali, Norwegian)
        return lingua.LanguageDetectorBuilder.from_iso_codes_639_1(*known).build()


#: The decimal places lingua's confidences are rounded to. Its own values for one text
#: differ from call to call in their last bits, and a detection must not.
DECIMALS = 9


def probabilities(text: str) -> tuple[tuple[str, float], ...]:
    """Return lingua's confidence for each of its languages, best first, as ISO 639-1 codes.

    The confidences are rounded to :data:`DECIMALS` places, so that the same text always
    gets the same values (lingua's differ in their last bits from call to call); those
    that round to 0 are left out.

    Raises:
        ImportError: when ``lingua-language-detector`` is not installed.
    """
    values = _detector().compute_language_confidence_values(text)
    found = (
        (value.language.iso_code_639_1.name.lower(), round(float(value.value), DECIMALS))
        for value in values
    )
    return tuple((code, value) for code, value in found if value > 0)
