"""From evidence to a language: the rules for one passage of text.

Script evidence comes first, because it is certain where langdetect guesses:

* Hangul means Korean; Han characters mixed with Hangul stay Korean (Hanja).
* Kana (at least a tenth of the Han and kana letters) means Japanese.
* Han with no Hangul and no kana is Chinese: ``zh-Hant`` when more of its
  characters exist only in Traditional than only in Simplified Chinese, else
  ``zh-Hans`` (also when no character tells the standards apart, as in ``金正恩``).
* Greek, Hebrew, Thai, Georgian, Armenian and the Indic scripts with one main
  language (Bengali, Gurmukhi, Gujarati, Tamil, Telugu, Kannada, Malayalam) name
  their language.

Text in Latin, Cyrillic, Arabic or Devanagari letters is scored among the languages
written in that script only, from three kinds of evidence added as log-probabilities:

* langdetect's character n-gram profiles (:mod:`nkcorpus.language.profiles`): each
  word counts ``WORD_EVIDENCE`` times its mean n-gram log-probability; a capitalized
  word (mostly a name) counts :data:`~nkcorpus.language.profiles.NAME_WEIGHT` of that.
* function words (:mod:`nkcorpus.language.lexicon`): each word of the passage that is a
  function word of a language adds ``FUNCTION_WORD_WEIGHT`` to that language (to each
  of them when it belongs to several). They decide short sentences that n-grams alone
  leave between close languages (``the`` against Dutch ``de``, ``que`` against ``di``).
* the prior: the domain prior of :attr:`LanguageOptions.prior
  <nkcorpus.language.options.LanguageOptions.prior>` (by default English twenty times
  as likely as any other language). It needs running text: a passage with fewer than
  ``MIN_PLAIN_WORDS`` (two) plain words gets a uniform prior instead. A plain word is
  a function word, or a word with n-grams in the profiles that is not taken for a name
  (a name is a capitalized ASCII word, except a sentence's first word followed by a
  lower-case word). So a lone foreign word (``desertores``) gets its own language or
  ``und``, never English by the prior alone.

A passage with no plain word at all, only names (``Kim Jong-un``, ``Pyong Ping``), is
``und`` unless it has a context: the n-grams of romanized Korean and Chinese names
look Tagalog or Somali, and that is no evidence of anything. With a context (a name
as a heading inside an English article) the context's prior decides, as for any
passage.

The scores become probabilities; a passage whose best language is less likely than
``min_confidence`` is ``und``. A passage with no letters at all (numbers, URLs,
e-mail addresses, punctuation) is ``und`` with confidence 0.

When a passage sits in a context whose language is known (its paragraph, or the
document), the prior becomes ``CONTEXT_PRIOR`` (one half) on that language plus one
half of the domain prior: a short or name-heavy passage then takes the language around
it, while a real sentence in another language still wins on its own evidence. Inside
a Korean or Chinese document the context is not a language of the script, so a short
English paragraph there is judged with the domain prior alone (and stays English).

East Asian letters and alphabetic letters are weighed against each other with
:data:`~nkcorpus.text.scripts.WEIGHTS` (a Han character counts as three Latin
letters); the heavier side decides a passage that mixes them.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import TYPE_CHECKING

import attrs

from nkcorpus.language.profiles import Scores, load_model
from nkcorpus.text import scripts as sc
from nkcorpus.text.codes import base_language, normalize

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np
    import numpy.typing as npt

__all__ = [
    "LANGUAGES_BY_SCRIPT",
    "SCRIPT_LANGUAGES",
    "Decision",
    "Evidence",
    "base_language",
    "decide",
    "gather_evidence",
    "langdetect_code",
    "whole_text_evidence",
]

#: Languages written in a script that several scored languages share.
LANGUAGES_BY_SCRIPT: dict[int, tuple[str, ...]] = {
    sc.LATIN: (
        "af", "ca", "cs", "cy", "da", "de", "en", "es", "et", "fi", "fr", "hr", "hu", "id",
        "it", "lt", "lv", "nl", "no", "pl", "pt", "ro", "sk", "sl", "so", "sq", "sv", "sw",
        "tl", "tr", "vi",
    ),
    sc.CYRILLIC: ("bg", "mk", "ru", "uk"),
    sc.ARABIC: ("ar", "fa", "ur"),
    sc.DEVANAGARI: ("hi", "mr", "ne"),
}

#: Scripts that name their language.
SCRIPT_LANGUAGES: dict[int, str] = {
    sc.GREEK: "el",
    sc.HEBREW: "he",
    sc.THAI: "th",
    sc.BENGALI: "bn",
    sc.GURMUKHI: "pa",
    sc.GUJARATI: "gu",
    sc.TAMIL: "ta",
    sc.TELUGU: "te",
    sc.KANNADA: "kn",
    sc.MALAYALAM: "ml",
    sc.GEORGIAN: "ka",
    sc.ARMENIAN: "hy",
}

#: How many independent observations one word counts as when scores become
#: probabilities (n-grams of one word are not independent; words nearly are).
WORD_EVIDENCE = 3.0
#: The share of Han and kana letters that must be kana for Japanese.
KANA_SHARE = 0.1
#: The share of East Asian letters that must be Hangul for Korean.
HANGUL_SHARE = 0.2
#: The prior probability of the context's language.
CONTEXT_PRIOR = 0.5
#: The log-probability one function word adds to each language it belongs to.
FUNCTION_WORD_WEIGHT = 2.5
#: The plain words (not names) a passage needs before the domain prior applies.
MIN_PLAIN_WORDS = 2

def langdetect_code(code: str) -> str:
    """Return the nkcorpus code of a langdetect language name (``zh-cn`` -> ``zh-Hans``).

    >>> langdetect_code("zh-tw"), langdetect_code("en")
    ('zh-Hant', 'en')
    """
    return normalize(code)


@attrs.frozen
class Evidence:
    """What one passage holds: letters by script, and n-gram scores when needed.

    Attributes:
        counts: letters per script class code (index = class code).
        scores: langdetect-profile scores of the passage, for alphabetic scripts that
            several languages share; ``None`` otherwise.
        script: the class code of the passage's main alphabetic script (0 for none).
        east_asian_weight: the weight of the passage's Hangul, Han and kana letters.
        alphabetic_weight: the weight of the passage's other letters.
    """

    counts: tuple[int, ...]
    scores: Scores | None
    script: int
    east_asian_weight: float = attrs.field(init=False)
    alphabetic_weight: float = attrs.field(init=False)

    @east_asian_weight.default
    def _east_asian_weight(self) -> float:
        return sum(self.counts[code] * sc.WEIGHTS[code] for code in sc.CJK)

    @alphabetic_weight.default
    def _alphabetic_weight(self) -> float:
        return float(sum(self.counts[code] for code in sc.ALPHABETIC))

    @property
    def weight(self) -> float:
        """The weight of all of the passage's letters."""
        return self.east_asian_weight + self.alphabetic_weight


@attrs.frozen
class Decision:
    """The language of one passage.

    Attributes:
        language: the language code, or ``und``.
        confidence: the probability of ``language`` (0 for ``und``).
        weight: the passage's letter weight, used when passages vote.
        family: 1 when alphabetic letters decided, 2 when East Asian letters did,
            0 for a passage without letters.
        candidates: the likeliest languages with their probabilities, best first.
    """

    language: str
    confidence: float
    weight: float
    family: int = 0
    candidates: tuple[tuple[str, float], ...] = ()


def gather_evidence(
    text: str,
    classes: npt.NDArray[np.uint8],
    spans: Sequence[tuple[int, int]],
    max_chars: int,
) -> list[Evidence]:
    """Count letters and score n-grams for each ``(start, end)`` passage of ``text``.

    Args:
        text: the whole text (the passages are spans of it).
        classes: :func:`~nkcorpus.text.scripts.classify` codes of ``text``; link
            characters are neutral there and are blanked before scoring.
        spans: the passages.
        max_chars: how many characters of each passage the profiles read.
    """
    import numpy as np

    present = np.flatnonzero(np.bincount(classes, minlength=len(sc.SCRIPT_NAMES))).tolist()
    cumulative = {
        code: np.concatenate(([0], np.cumsum(classes == code))).tolist()
        for code in present
        if code != sc.NEUTRAL
    }
    zero = [0] * len(sc.SCRIPT_NAMES)
    counted: list[tuple[int, ...]] = []
    scripts: list[int] = []
    to_score: list[int] = []
    for start, end in spans:
        counts = list(zero)
        for code, cum in cumulative.items():
            counts[code] = cum[end] - cum[start]
        alphabetic = max(sc.ALPHABETIC, key=lambda code: (counts[code], -code))
        script = alphabetic if counts[alphabetic] else 0
        counted.append(tuple(counts))
        scripts.append(script)
        if script in LANGUAGES_BY_SCRIPT:
            to_score.append(len(counted) - 1)
    scores: list[Scores | None] = [None] * len(counted)
    if to_score:
        blanked = _blank_links(text, classes)
        texts = [blanked[spans[i][0] : spans[i][1]] for i in to_score]
        for i, score in zip(to_score, load_model().score_many(texts, max_chars), strict=True):
            scores[i] = score
    return [
        Evidence(counts, score, script)
        for counts, score, script in zip(counted, scores, scripts, strict=True)
    ]


def whole_text_evidence(
    text: str, classes: npt.NDArray[np.uint8], max_chars: int
) -> Evidence:
    """Count the letters of all of ``text`` and score its alphabetic part, capped.

    Only when alphabetic letters outweigh East Asian ones and their script is shared
    by several languages are n-grams scored, and then only ``max_chars`` characters
    from the first alphabetic letter on.
    """
    import numpy as np

    counts = tuple(np.bincount(classes, minlength=len(sc.SCRIPT_NAMES)).tolist())
    counts = (0, *counts[1:])
    alphabetic = max(sc.ALPHABETIC, key=lambda code: (counts[code], -code))
    script = alphabetic if counts[alphabetic] else 0
    evidence = Evidence(counts, None, script)
    if script not in LANGUAGES_BY_SCRIPT:
        return evidence
    if evidence.alphabetic_weight <= evidence.east_asian_weight:
        return evidence
    first = int(np.argmax(classes == script))
    window = _blank_links(text, classes)[first : first + max_chars]
    return Evidence(counts, load_model().score(window), script)


def _blank_links(text: str, classes: npt.NDArray[np.uint8]) -> str:
    """``text`` with URLs and e-mail addresses replaced by spaces (same length)."""
    spans = sc.link_spans(text)
    if not spans:
        return text
    parts, pos = [], 0
    for start, end in spans:
        parts.append(text[pos:start])
        parts.append(" " * (end - start))
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


def decide(
    evidence: Evidence,
    min_confidence: float,
    context: str | None = None,
    prior: tuple[tuple[str, float], ...] = (),
) -> Decision:
    """Return the language of one passage from its evidence.

    Args:
        evidence: from :func:`gather_evidence`.
        min_confidence: below this probability the passage is ``und``.
        context: the language around the passage (its paragraph's or document's),
            which gets a prior of ``CONTEXT_PRIOR``; ``None`` for no context.
        prior: the domain prior as sorted ``(code, weight)`` pairs
            (:attr:`~nkcorpus.language.options.LanguageOptions.prior`); ``()`` for a
            uniform one.
    """
    weight = evidence.weight
    if weight == 0:
        return Decision("und", 0.0, 0.0)
    family = 2 if evidence.east_asian_weight >= evidence.alphabetic_weight else 1
    if family == 2:
        language, confidence = _east_asian(evidence, context)
        purity = evidence.east_asian_weight / weight
    else:
        purity = evidence.alphabetic_weight / weight
        if evidence.script in SCRIPT_LANGUAGES:
            letters = evidence.counts[evidence.script]
            language = SCRIPT_LANGUAGES[evidence.script]
            confidence = 1.0 - 0.5 ** (letters / 3)
        elif evidence.scores is not None:
            return _alphabetic(evidence, min_confidence, context, prior, weight, purity)
        else:
            return Decision("und", 0.0, weight, family)
    confidence *= purity
    if confidence < min_confidence:
        return Decision("und", 0.0, weight, family, ((language, confidence),))
    return Decision(language, confidence, weight, family, ((language, confidence),))


def _east_asian(evidence: Evidence, context: str | None) -> tuple[str, float]:
    counts = evidence.counts
    hangul = counts[sc.HANGUL]
    kana = counts[sc.HIRAGANA] + counts[sc.KATAKANA]
    han = counts[sc.HAN] + counts[sc.HAN_SIMPLIFIED] + counts[sc.HAN_TRADITIONAL]
    total = hangul + kana + han
    if hangul and hangul >= HANGUL_SHARE * total:
        return "ko", 1.0 - 0.5**hangul
    if kana and kana >= KANA_SHARE * (kana + han):
        return "ja", 1.0 - 0.5 ** (kana + han)
    if context in ("ko", "ja") and han <= 8:
        # A few Han characters inside Korean (Hanja) or Japanese text (kanji).
        return context, 1.0 - 0.5**han
    if counts[sc.HAN_TRADITIONAL] > counts[sc.HAN_SIMPLIFIED]:
        return "zh-Hant", 1.0 - 0.5**han
    return "zh-Hans", 1.0 - 0.5**han


@functools.cache
def _columns(script: int) -> npt.NDArray[np.intp]:
    """The score columns of the languages written in ``script``."""
    import numpy as np

    model = load_model()
    return np.asarray([model.index(code) for code in LANGUAGES_BY_SCRIPT[script]], dtype=np.intp)


@functools.cache
def _log_prior(
    script: int, context: str | None, prior: tuple[tuple[str, float], ...]
) -> npt.NDArray[np.float64]:
    """Log prior over the languages of ``script``: the domain prior mixed with the context."""
    import numpy as np

    languages = [langdetect_code(code) for code in LANGUAGES_BY_SCRIPT[script]]
    weights = dict(prior)
    domain = np.asarray([float(weights.get(code, 1.0)) for code in languages])
    probabilities = domain / domain.sum()
    if context in languages:
        probabilities = (1 - CONTEXT_PRIOR) * probabilities
        probabilities[languages.index(context)] += CONTEXT_PRIOR
    log_prior: npt.NDArray[np.float64] = np.log(probabilities)
    log_prior.setflags(write=False)
    return log_prior


def _alphabetic(
    evidence: Evidence,
    min_confidence: float,
    context: str | None,
    prior: tuple[tuple[str, float], ...],
    weight: float,
    purity: float,
) -> Decision:
    import numpy as np

    assert evidence.scores is not None  # checked by the caller
    scores = evidence.scores
    if scores.words == 0:
        return Decision("und", 0.0, weight, 1)
    languages = LANGUAGES_BY_SCRIPT[evidence.script]
    columns = _columns(evidence.script)
    logits = scores.loglik[columns] * WORD_EVIDENCE
    logits = logits + scores.function_words[columns] * FUNCTION_WORD_WEIGHT
    domain = prior if scores.plain >= MIN_PLAIN_WORDS else ()
    if domain or context in languages:
        logits = logits + _log_prior(evidence.script, context, domain)
    logits = logits - logits.max()
    probabilities = np.exp(logits)
    probabilities /= probabilities.sum()
    order = np.argsort(-probabilities, kind="stable")[:3]
    candidates = tuple(
        (langdetect_code(languages[i]), float(probabilities[i]) * purity) for i in order
    )
    language, confidence = candidates[0]
    if confidence < min_confidence or (scores.plain == 0 and context not in languages):
        return Decision("und", 0.0, weight, 1, candidates)
    return Decision(language, confidence, weight, 1, candidates)
