"""``detect(text)``: the language of a text, with its confidence and script evidence.

>>> from nkcorpus.language.detect import detect
>>> detect("North Korean defectors met in Brussels on Tuesday.").language
'en'
>>> detect("朝鲜脱北者").language, detect("美朝峰會").language, detect("金正恩").language
('zh-Hans', 'zh-Hant', 'zh')
>>> detect("김정은").language, detect("politique").language, detect("May 24, 2018").language
('ko', 'fr', 'und')
>>> detect("Defectors met in Brussels.").language, detect("Ich weiß es nicht.").language
('en', 'de')

Scripts decide where they can (:mod:`nkcorpus.language.decide` lists the rules); the
rest is judged on at most ``max_chars`` characters by fastText's ``lid.176`` and, where
fastText is not sure, langdetect's n-gram profiles with a lexicon of function words
(:mod:`nkcorpus.language.evidence`), under the domain prior of
:attr:`LanguageOptions.prior <nkcorpus.language.options.LanguageOptions.prior>`. Every
text with letters gets its best guess and a calibrated confidence; ``und`` is kept for
text without linguistic evidence (numbers, dates, links, markup tags, punctuation), or
for guesses below the abstention threshold
:attr:`LanguageOptions.min_confidence <nkcorpus.language.options.LanguageOptions.min_confidence>`
(0 by default). A text that mixes scripts gets the language of the heavier side (a Han
character weighs three Latin letters); the language stage also finds each passage
(:mod:`nkcorpus.language.segment`). The same text always gives the same result, in any
process and in any order: nothing in the computation is random, and caches only ever
hold values that do not depend on what was detected before. The models are loaded on
first use, once per process, and only those a text needs (Korean text needs none).
"""

from __future__ import annotations

import attrs

from nkcorpus.language.decide import (
    FUNCTION_WORD_DOUBT,
    base_language,
    decide,
    fasttext_candidates,
    settled_by_letters,
)
from nkcorpus.language.evidence import Evidence, latin_first_look, whole_text_evidence
from nkcorpus.language.neutral import ascii_blanked, classify, typeset_blanked
from nkcorpus.language.options import LanguageOptions
from nkcorpus.text.scripts import CHUNK, LATIN, SCRIPT_NAMES, ScriptProfile, class_counts

__all__ = ["Detection", "base_language", "detect"]

_DEFAULT_OPTIONS = LanguageOptions()
_LATIN_NAME = SCRIPT_NAMES[LATIN]


@attrs.frozen
class Detection:
    """The language of a text.

    Attributes:
        language: ``en``, ``ko``, ``zh-Hans``, ``zh-Hant``, ``zh`` (Chinese in
            characters both standards share), ``ja``, another ISO 639-1 code, or ``und``
            when the text has no linguistic evidence (numbers, dates, links, tags) or the
            best guess is below the abstention threshold.
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
    plain = None
    if len(text) <= options.max_chars:
        plain = ascii_blanked(text)
        if plain is None:
            plain = typeset_blanked(text)
    letters = None
    if plain is not None:
        # ASCII text (or with typographic punctuation): Latin letters and neutral
        # characters, links and dates blanked.
        blanked, letters = plain
        found = latin_first_look(blanked, letters, options.max_chars, options.engines)
        if type(found) is tuple:
            # Settled by the first look, as decide() would settle it without a context; all
            # the letters are Latin, so the confidence needs no share of the weight.
            profile = ScriptProfile(((_LATIN_NAME, letters),), 0, 0, len(text) - letters)
            lowercase, words, fasttext = found
            if words is not None:
                language, margin = words
                # function_word_confidence(margin), inline: the commonest path.
                confidence = 1.0 - FUNCTION_WORD_DOUBT**margin
                candidates: tuple[tuple[str, float], ...] = ((language, confidence),)
            else:
                ranked = fasttext_candidates(fasttext, LATIN, lowercase, None, options.prior)
                assert ranked is not None  # the first look needs a Latin-script language first
                candidates = ranked
                language, confidence = candidates[0]
            if confidence < options.min_confidence:
                return Detection("und", 0.0, profile, candidates)
            return Detection(language, confidence, profile, candidates)
        assert isinstance(found, Evidence)  # the first look left the rest to decide()
        evidence = found
    else:
        classes, blanked = classify(text)
        if len(classes) <= CHUNK:
            import numpy as np

            # One piece: the same counts as class_counts, in one call.
            counts = np.bincount(classes, minlength=len(SCRIPT_NAMES)).tolist()
        else:
            counts = class_counts(classes)
        settled = settled_by_letters(counts)
        if settled is not None:
            # Korean, Japanese or a long Han run: the letters decide, as decide() would
            # without a context, and no evidence is gathered.
            profile = ScriptProfile.from_counts(counts)
            if settled[1] < options.min_confidence:
                return Detection("und", 0.0, profile, (settled,))
            return Detection(*settled, profile, (settled,))
        evidence = whole_text_evidence(
            text, classes, options.max_chars, options.engines, counts, blanked
        )
    decision = decide(evidence, options.min_confidence, prior=options.prior)
    if letters is not None:
        profile = ScriptProfile(
            ((_LATIN_NAME, letters),) if letters else (), neutral=len(text) - letters
        )
    else:
        profile = ScriptProfile.from_counts(counts)
    return Detection(decision.language, decision.confidence, profile, decision.candidates)
