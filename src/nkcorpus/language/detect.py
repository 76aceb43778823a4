"""``detect(text)``: the language of a text, with its confidence and script evidence.

>>> from nkcorpus.language.detect import detect
>>> detect("North Korean defectors met in Brussels on Tuesday.").language
'en'
>>> detect("朝鲜脱北者").language, detect("金正恩").language, detect("김정은").language
('zh-Hans', 'zh-Hans', 'ko')
>>> detect("Kim Jong-un").language
'und'
>>> detect("Defectors met in Brussels.").language, detect("Ich weiß es nicht.").language
('en', 'de')

Scripts decide where they can (:mod:`nkcorpus.language.decide` lists the rules);
the rest is scored on at most ``max_chars`` characters with langdetect's n-gram
profiles, a lexicon of function words (:mod:`nkcorpus.language.lexicon`) and the
domain prior of :attr:`LanguageOptions.prior
<nkcorpus.language.options.LanguageOptions.prior>`, which by default favours English,
so that short plain English is English while a short French or German sentence with
its own function words is still French or German. A
text that mixes scripts gets the language of the heavier side (a Han character
weighs three Latin letters); the language stage also finds each passage
(:mod:`nkcorpus.language.segment`). The same text
always gives the same result, in any process and in any order: nothing in the
computation is random, and caches only ever hold values that do not depend on
what was detected before.
"""

from __future__ import annotations

import attrs

from nkcorpus.language.decide import base_language, decide, whole_text_evidence
from nkcorpus.language.options import LanguageOptions
from nkcorpus.text.scripts import ScriptProfile, classify

__all__ = ["Detection", "base_language", "detect"]

_DEFAULT_OPTIONS = LanguageOptions()


@attrs.frozen
class Detection:
    """The language of a text.

    Attributes:
        language: ``en``, ``ko``, ``zh-Hans``, ``zh-Hant``, ``ja``, another ISO 639-1
            code, or ``und`` when the evidence is too thin (numbers, links, a lone name).
        confidence: from 0 to 1: the probability of ``language`` times the share of
            the text's letter weight in the script family that decided (0 for ``und``).
        scripts: the letters of each script in the text, and the Han characters that
            only Simplified or only Traditional Chinese uses.
        candidates: the likeliest languages with their probabilities, best first
            (also for ``und``, where they show the guesses that were too weak).
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
    options = options if options is not None else _DEFAULT_OPTIONS
    classes = classify(text)
    evidence = whole_text_evidence(text, classes, options.max_chars)
    decision = decide(evidence, options.min_confidence, prior=options.prior)
    return Detection(
        language=decision.language,
        confidence=decision.confidence,
        scripts=ScriptProfile.from_classes(classes),
        candidates=decision.candidates,
    )
