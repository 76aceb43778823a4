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

from nkcorpus.language import lingua_model
from nkcorpus.language.lid176 import probabilities
from nkcorpus.language.neutral import classify
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
        "af",
        "ca",
        "cs",
        "cy",
        "da",
        "de",
        "en",
        "es",
        "et",
        "fi",
        "fr",
        "hr",
        "hu",
        "id",
        "it",
        "lt",
        "lv",
        "nl",
        "no",
        "pl",
        "pt",
        "ro",
        "sk",
        "sl",
        "so",
        "sq",
        "sv",
        "sw",
        "tl",
        "tr",
        "vi",
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
#: The share of Han and kana letters that must be katakana for Japanese (any hiragana is).
KANA_SHARE = 0.1
#: The share of East Asian letters that must be Hangul for Korean.
HANGUL_SHARE = 0.2
#: The chance that one letter of a script with one language (a Hangul syllable, a kana,
#: a Greek letter) is not in that language: confidence is ``1 - SCRIPT_DOUBT ** letters``.
SCRIPT_DOUBT = 0.02
#: The prior probability of the context's language.
CONTEXT_PRIOR = 0.5
#: The log-probability one function word adds to each language it belongs to.
FUNCTION_WORD_WEIGHT = 2.5
#: The plain words (not names) a passage needs before the domain prior applies.
MIN_PLAIN_WORDS = 2
#: How much fastText's log-probability counts against the n-gram and function-word score.
FASTTEXT_WEIGHT = 1.0
#: How much the n-gram profiles and function words count (see the module docstring).
PROFILE_WEIGHT = 0.5
#: fastText decides alone (the profiles are not read) when it gives a language of the
#: script at least this probability on a passage with at least ``FAST_WORDS`` lower-case
#: words: the profiles never overturned such a passage on the tuning data.
FAST_PROBABILITY = 0.9
FAST_WORDS = 3
#: The floor added to fastText's probabilities before taking logarithms.
FASTTEXT_FLOOR = 1e-4
#: Scores are divided by this before they become probabilities (calibration).
TEMPERATURE = 1.0
#: How many times likelier Chinese is than Japanese for Han text without kana.
CHINESE_ODDS = 5.0
#: How many times likelier each Traditional-only character (up to three) makes Chinese.
TRADITIONAL_ODDS = 10.0

#: The models a passage can be judged with, besides its script.
ENGINES = ("fasttext", "profiles", "lingua")
#: The models used by default: measured best for accuracy and speed together.
DEFAULT_ENGINES = ("fasttext", "profiles")
#: How much lingua's log-probability counts, when it is on.
LINGUA_WEIGHT = 1.0

_ALPHABETIC_ORDER = tuple(sorted(sc.ALPHABETIC))

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
        fasttext: fastText's likeliest languages with their probabilities (for
            alphabetic text of a shared script, and for Han text without kana or Hangul).
        lowercase_words: how many words start with a lower-case letter.
        lingua: lingua's probabilities, when the ``lingua`` engine is on.
        east_asian_weight: the weight of the passage's Hangul, Han and kana letters.
        alphabetic_weight: the weight of the passage's other letters.
    """

    counts: tuple[int, ...]
    scores: Scores | None
    script: int
    fasttext: tuple[tuple[str, float], ...] = ()
    lowercase_words: int = 0
    lingua: tuple[tuple[str, float], ...] = ()
    east_asian_weight: float = attrs.field(init=False)
    alphabetic_weight: float = attrs.field(init=False)

    @east_asian_weight.default
    def _east_asian_weight(self) -> float:
        counts = self.counts
        return 2.0 * counts[sc.HANGUL] + 3.0 * sum(counts[sc.HAN : sc.KATAKANA + 1])

    @alphabetic_weight.default
    def _alphabetic_weight(self) -> float:
        counts = self.counts
        return float(sum(counts) - counts[0] - sum(counts[sc.HANGUL : sc.KATAKANA + 1]))

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
        evidence: whether the passage holds evidence of its own: false for a passage
            without letters (numbers, dates, links) and for one made of names only.
    """

    language: str
    confidence: float
    weight: float
    family: int = 0
    candidates: tuple[tuple[str, float], ...] = ()
    evidence: bool = True


def gather_evidence(
    text: str,
    classes: npt.NDArray[np.uint8],
    spans: Sequence[tuple[int, int]],
    max_chars: int,
    engines: Sequence[str] = DEFAULT_ENGINES,
    blanked: str | None = None,
) -> list[Evidence]:
    """Count letters and gather model evidence for each ``(start, end)`` passage of ``text``.

    Args:
        text: the whole text (the passages are spans of it).
        classes: :func:`~nkcorpus.language.neutral.classify` codes of ``text``; links,
            tags and dates are neutral there and are blanked before scoring.
        spans: the passages.
        max_chars: how many characters of each passage the models read.
        engines: the models to consult (:data:`ENGINES`).
        blanked: ``text`` with links, tags and dates blanked (as
            :func:`~nkcorpus.language.neutral.classify` returns it); found when ``None``.
    """
    import numpy as np

    present = np.flatnonzero(np.bincount(classes, minlength=len(sc.SCRIPT_NAMES))).tolist()
    cumulative = {
        code: np.concatenate(([0], np.cumsum(classes == code))).tolist()
        for code in present
        if code != sc.NEUTRAL
    }
    zero = [0] * len(sc.SCRIPT_NAMES)
    out: list[Evidence] = []
    for start, end in spans:
        counts = list(zero)
        for code, cum in cumulative.items():
            counts[code] = cum[end] - cum[start]
        if blanked is None and _route(counts)[2]:
            blanked = classify(text)[1]
        window = blanked[start:end] if blanked is not None else ""
        out.append(_evidence(window, tuple(counts), max_chars, engines))
    return out


def whole_text_evidence(
    text: str,
    classes: npt.NDArray[np.uint8],
    max_chars: int,
    engines: Sequence[str] = DEFAULT_ENGINES,
    counts: Sequence[int] | None = None,
    blanked: str | None = None,
) -> Evidence:
    """Count the letters of all of ``text`` and gather model evidence, capped.

    The models read ``max_chars`` characters from the first letter of the deciding
    script on. ``counts`` (letters per class, as ``numpy.bincount`` gives them) and
    ``blanked`` (see :func:`gather_evidence`) may be passed when already known.
    """
    import numpy as np

    if counts is None:
        counts = np.bincount(classes, minlength=len(sc.SCRIPT_NAMES)).tolist()
    counts = (0, *counts[1:])
    script, alphabetic, needed = _route(counts)
    if not needed:
        return _evidence("", counts, max_chars, engines)
    if blanked is None:
        blanked = classify(text)[1]
    if len(text) > max_chars:
        if alphabetic:
            mask = classes == script
        else:
            mask = (classes >= sc.HANGUL) & (classes <= sc.KATAKANA)
        first = int(np.argmax(mask))
        window = blanked[first : first + max_chars]
    else:
        window = blanked
    return _evidence(window, counts, max_chars, engines)


def script_is_alphabetic(counts: Sequence[int]) -> bool:
    """Whether alphabetic letters outweigh East Asian ones in ``counts``."""
    east_asian_letters = sum(counts[sc.HANGUL : sc.KATAKANA + 1])
    east_asian = east_asian_letters + east_asian_letters - counts[sc.HANGUL]
    return sum(counts) - counts[0] - east_asian_letters > east_asian + east_asian_letters


def _route(counts: Sequence[int]) -> tuple[int, bool, bool]:
    """The main alphabetic script, whether alphabetic letters decide, whether models help."""
    script, most = 0, 0
    for code in _ALPHABETIC_ORDER:
        if counts[code] > most:
            script, most = code, counts[code]
    if script_is_alphabetic(counts):
        return script, True, script in LANGUAGES_BY_SCRIPT or script == sc.OTHER
    han = counts[sc.HAN] + counts[sc.HAN_SIMPLIFIED] + counts[sc.HAN_TRADITIONAL]
    kana = counts[sc.HIRAGANA] + counts[sc.KATAKANA]
    # Han without Hangul or kana: Chinese or Japanese, which fastText tells apart.
    return script, False, bool(han) and not counts[sc.HANGUL] and not kana


def _evidence(
    window: str, counts: tuple[int, ...], max_chars: int, engines: Sequence[str]
) -> Evidence:
    """The evidence of one passage: fastText, and the profiles unless fastText is sure."""
    script, alphabetic, needed = _route(counts)
    if not window or not needed:
        return Evidence(counts, None, script)
    window = window[:max_chars]
    if window.isupper():
        window = window.lower()  # headlines in capitals: the models read lower case best
    use_fasttext = "fasttext" in engines
    if not alphabetic or script not in LANGUAGES_BY_SCRIPT:
        # Han (Chinese or Japanese?) or a script nkcorpus has no scored languages for.
        found = tuple(probabilities(window, 5 if not alphabetic else 60)) if use_fasttext else ()
        return Evidence(counts, None, script, found)
    lowercase = 0
    for word in window.split():
        if word[:1].islower():
            lowercase += 1
            if lowercase == FAST_WORDS:
                break
    if use_fasttext and lowercase >= FAST_WORDS:
        found = tuple(probabilities(window, 3))
        if found and found[0][1] >= FAST_PROBABILITY and found[0][0] in _codes(script):
            return Evidence(counts, None, script, found, lowercase)
    found = tuple(probabilities(window)) if use_fasttext else ()
    opinion = lingua_model.probabilities(window) if "lingua" in engines else ()
    scores = load_model().score(window) if "profiles" in engines else None
    return Evidence(counts, scores, script, found, lowercase, opinion)


def decide(
    evidence: Evidence,
    min_confidence: float,
    context: str | None = None,
    prior: tuple[tuple[str, float], ...] = (),
) -> Decision:
    """Return the language of one passage from its evidence.

    Args:
        evidence: from :func:`gather_evidence`.
        min_confidence: below this probability the passage is ``und`` (0: always the
            best guess where there are letters).
        context: the language around the passage (its paragraph's or document's),
            which gets a prior of ``CONTEXT_PRIOR``; ``None`` for no context.
        prior: the domain prior as sorted ``(code, weight)`` pairs
            (:attr:`~nkcorpus.language.options.LanguageOptions.prior`); ``()`` for a
            uniform one.
    """
    weight = evidence.weight
    if weight == 0:
        return Decision("und", 0.0, 0.0, evidence=False)
    family = 2 if evidence.east_asian_weight >= evidence.alphabetic_weight else 1
    own = True
    if family == 2:
        candidates, own = _east_asian(evidence, context)
        purity = evidence.east_asian_weight / weight
    else:
        purity = evidence.alphabetic_weight / weight
        if evidence.script in SCRIPT_LANGUAGES:
            letters = evidence.counts[evidence.script]
            candidates = ((SCRIPT_LANGUAGES[evidence.script], 1.0 - SCRIPT_DOUBT**letters),)
        elif evidence.script in LANGUAGES_BY_SCRIPT:
            return _alphabetic(evidence, min_confidence, context, prior, weight, purity)
        elif evidence.fasttext:
            candidates = tuple(evidence.fasttext[:3])
        else:
            return Decision("und", 0.0, weight, family, evidence=False)
    candidates = tuple((code, p * purity) for code, p in candidates)
    language, confidence = candidates[0]
    if confidence < min_confidence:
        return Decision("und", 0.0, weight, family, candidates, own)
    return Decision(language, confidence, weight, family, candidates, own)


def _east_asian(
    evidence: Evidence, context: str | None
) -> tuple[tuple[tuple[str, float], ...], bool]:
    """Candidates for East Asian letters, and whether they are evidence of their own
    (Han inside a Korean or Japanese context only keeps that context)."""
    counts = evidence.counts
    hangul = counts[sc.HANGUL]
    kana = counts[sc.HIRAGANA] + counts[sc.KATAKANA]
    han = counts[sc.HAN] + counts[sc.HAN_SIMPLIFIED] + counts[sc.HAN_TRADITIONAL]
    simplified, traditional = counts[sc.HAN_SIMPLIFIED], counts[sc.HAN_TRADITIONAL]
    total = hangul + kana + han
    if hangul and hangul >= HANGUL_SHARE * total:
        return (("ko", 1.0 - SCRIPT_DOUBT**hangul),), True
    if counts[sc.HIRAGANA] or (kana and kana >= KANA_SHARE * (kana + han)):
        return (("ja", 1.0 - SCRIPT_DOUBT**kana),), True
    found = dict(evidence.fasttext)
    japanese = found.get("ja", 0.0)
    chinese = CHINESE_ODDS * (found.get("zh", 0.0) + found.get("wuu", 0.0) + found.get("yue", 0.0))
    # Japanese writes the reformed (shinjitai) forms, never Traditional-only characters.
    chinese *= TRADITIONAL_ODDS ** min(traditional, 3)
    if context == "ko" and not simplified > traditional:
        # Hanja inside Korean: Korean unless Simplified characters say Chinese.
        return (("ko", 1.0 - 0.5**han),), False
    if context == "ja" and not (han >= 10 and chinese > 20 * japanese):
        return (("ja", 1.0 - 0.5**han),), False
    if japanese + chinese == 0:
        japanese, chinese = 1.0, CHINESE_ODDS
    share = chinese / (chinese + japanese)
    variant = _chinese(simplified, traditional)
    if variant == "zh" and context in ("zh-Hans", "zh-Hant"):
        variant = context  # no character tells the standards apart: the context's
    if share < 0.5:
        return (("ja", 1 - share), (variant, share)), True
    return ((variant, share), ("ja", 1 - share)), True


def _chinese(simplified: int, traditional: int) -> str:
    """``zh-Hans`` or ``zh-Hant`` when characters that differ say so, else plain ``zh``."""
    if traditional > simplified:
        return "zh-Hant"
    if simplified > traditional:
        return "zh-Hans"
    return "zh"


@functools.cache
def _codes(script: int) -> tuple[str, ...]:
    """The nkcorpus codes of the languages written in ``script``."""
    return tuple(langdetect_code(code) for code in LANGUAGES_BY_SCRIPT[script])


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

    codes = _codes(evidence.script)
    if evidence.scores is None and not evidence.lingua and evidence.fasttext:
        return _fasttext_only(evidence, min_confidence, context, prior, weight, purity)
    logits = np.zeros(len(codes))
    found = dict(evidence.fasttext)
    fasttext = np.asarray([found.get(code, 0.0) for code in codes])
    informative = fasttext.sum() > 0
    if informative:
        logits += FASTTEXT_WEIGHT * np.log(fasttext / fasttext.sum() + FASTTEXT_FLOOR)
    if evidence.lingua:
        opinion = dict(evidence.lingua)
        lingua = np.asarray([opinion.get(code, 0.0) for code in codes])
        if lingua.sum() > 0:
            logits += LINGUA_WEIGHT * np.log(lingua / lingua.sum() + FASTTEXT_FLOOR)
            informative = True
    scores = evidence.scores
    plain = evidence.lowercase_words
    if scores is not None and scores.words > 0:
        columns = _columns(evidence.script)
        profile = scores.loglik[columns] * WORD_EVIDENCE
        profile = profile + scores.function_words[columns] * FUNCTION_WORD_WEIGHT
        logits += PROFILE_WEIGHT * profile
        plain = scores.plain
        informative = True
    if not informative:
        return Decision("und", 0.0, weight, 1, evidence=False)
    domain = prior if plain >= MIN_PLAIN_WORDS else ()
    if domain or context in codes:
        logits = logits + _log_prior(evidence.script, context, domain)
    logits = (logits - logits.max()) / TEMPERATURE
    probabilities_ = np.exp(logits)
    probabilities_ /= probabilities_.sum()
    order = np.argsort(-probabilities_, kind="stable")[:3]
    candidates = tuple((codes[i], float(probabilities_[i]) * purity) for i in order)
    language, confidence = candidates[0]
    own = plain > 0
    if confidence < min_confidence:
        return Decision("und", 0.0, weight, 1, candidates, own)
    return Decision(language, confidence, weight, 1, candidates, own)


def _fasttext_only(
    evidence: Evidence,
    min_confidence: float,
    context: str | None,
    prior: tuple[tuple[str, float], ...],
    weight: float,
    purity: float,
) -> Decision:
    """fastText's probabilities over the script's languages, times the prior.

    The same formula as :func:`_alphabetic` with fastText alone, computed over the few
    languages fastText returned (every other language has the floor's share), without
    NumPy: this is the path of most plain sentences, and it must cost little.
    """
    plain = evidence.lowercase_words
    domain = prior if plain >= MIN_PLAIN_WORDS else ()
    weights, floor_sum = _prior_weights(evidence.script, context, domain)
    exponent = FASTTEXT_WEIGHT / TEMPERATURE
    found = [(code, p) for code, p in evidence.fasttext if code in weights]
    total = sum(p for _code, p in found) or 1.0
    base = FASTTEXT_FLOOR**exponent
    scored = []
    norm = floor_sum
    for code, p in found:
        value = (p / total + FASTTEXT_FLOOR) ** exponent * weights[code]
        norm += value - base * weights[code]
        scored.append((value, code))
    scored.sort(key=lambda item: -item[0])
    candidates = tuple((code, value / norm * purity) for value, code in scored[:3])
    language, confidence = candidates[0]
    if confidence < min_confidence:
        return Decision("und", 0.0, weight, 1, candidates, plain > 0)
    return Decision(language, confidence, weight, 1, candidates, plain > 0)


@functools.cache
def _prior_weights(
    script: int, context: str | None, prior: tuple[tuple[str, float], ...]
) -> tuple[dict[str, float], float]:
    """The prior of :func:`_log_prior` as ``{code: weight}``, with the sum of every
    language's weight times the floor's share (what the languages fastText left out add)."""
    import numpy as np

    codes = _codes(script)
    if not prior and context not in codes:
        values = [1.0] * len(codes)
    else:
        values = [float(x) for x in np.exp(_log_prior(script, context, prior) / TEMPERATURE)]
    base = FASTTEXT_FLOOR ** (FASTTEXT_WEIGHT / TEMPERATURE)
    return dict(zip(codes, values, strict=True)), base * sum(values)
