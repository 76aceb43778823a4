"""``detect(text)``: the language of a text, with its confidence and script evidence.

>>> from nkcorpus.language.detect import detect
>>> detect("North Korean defectors met in Brussels on Tuesday.").language
'en'
>>> detect("朝鲜脱北者").language, detect("金正恩").language, detect("김정은").language
('zh-Hans', 'zh-Hans', 'ko')
>>> detect("Kim Jong-un").language
'und'

Scripts decide where they can (:mod:`nkcorpus.language.decide` lists the rules),
langdetect's profiles score the rest, and a text that mixes languages gets the
language of most of its text (:mod:`nkcorpus.language.segment`). The same text
always gives the same result, in any process and in any order: nothing in the
computation is random, and caches only ever hold values that do not depend on
what was detected before.
"""

from __future__ import annotations

import attrs

from nkcorpus.language.decide import base_language
from nkcorpus.language.options import LanguageOptions
from nkcorpus.language.scripts import ScriptProfile, script_profile
from nkcorpus.language.segment import analyze

__all__ = ["Detection", "base_language", "detect"]

_DEFAULT_OPTIONS = LanguageOptions()


@attrs.frozen
class Detection:
    """The language of a text.

    Attributes:
        language: ``en``, ``ko``, ``zh-Hans``, ``zh-Hant``, ``ja``, another ISO 639-1
            code, or ``und`` when the evidence is too thin (numbers, links, a lone name).
        confidence: from 0 to 1: the share of the text's letters that are confidently
            in ``language`` (0 for ``und``).
        scripts: the letters of each script in the text, and the Han characters that
            only Simplified or only Traditional Chinese uses.
        candidates: the languages found in the text with their shares, largest first.
    """

    language: str
    confidence: float
    scripts: ScriptProfile
    candidates: tuple[tuple[str, float], ...] = ()

    @property
    def base(self) -> str:
        """The language family (``zh`` for both Chinese standards): :func:`base_language`."""
        return base_language(self.language)


def detect(text: str, options: LanguageOptions | None = None) -> Detection:
    """Return the language of ``text``.

    Args:
        text: any text: a word, a sentence, a page. Mixed texts get the language that
            covers most of them (use the language stage for the passages).
        options: detection settings; the defaults when ``None``.

    Raises:
        TypeError: when ``text`` is not a string.
    """
    if not isinstance(text, str):
        raise TypeError(
            f"detect() takes a str, got {type(text).__name__}; decode bytes first "
            "(nkcorpus.process decodes them for you)"
        )
    analysis = analyze(text, options if options is not None else _DEFAULT_OPTIONS)
    return Detection(
        language=analysis.language,
        confidence=analysis.confidence,
        scripts=script_profile(text),
        candidates=analysis.candidates,
    )
