"""From evidence to a language: the rules for one passage of text.

Script evidence comes first, because it is certain where models guess:

* Hangul means Korean; Han characters mixed with Hangul stay Korean (Hanja).
* Any hiragana, or katakana making at least a tenth of the Han and kana letters, means
  Japanese.
* Han with no Hangul and no kana is Chinese or Japanese: fastText's odds, with Chinese
  ``CHINESE_ODDS`` times likelier to begin with and ``TRADITIONAL_ODDS`` times likelier
  for each Traditional-only character (Japanese writes reformed forms). Chinese is
  ``zh-Hant`` when more of its characters exist only in Traditional than only in
  Simplified Chinese, ``zh-Hans`` for the reverse, and plain ``zh`` when no character
  tells the standards apart (``金正恩``), unless the context is ``zh-Hans`` or
  ``zh-Hant``. Inside a Korean or Japanese context, Han stays in that language unless
  Simplified characters (in Korean) or fastText's strong odds on ten or more
  characters (in Japanese) say Chinese. A run of
  :data:`~nkcorpus.language.evidence.CHINESE_RUN` Han characters or more is Chinese
  without fastText's odds (Japanese running text writes kana), with confidence
  ``1 - SCRIPT_DOUBT ** (han / CHINESE_RUN)``, except in a Japanese context.
* Greek, Hebrew, Thai, Georgian, Armenian and the Indic scripts with one main
  language (Bengali, Gurmukhi, Gujarati, Tamil, Telugu, Kannada, Malayalam) name
  their language. Such script evidence has confidence ``1 - SCRIPT_DOUBT ** letters``.

Latin-script text whose function words alone leave no doubt
(:attr:`Evidence.function_words <nkcorpus.language.evidence.Evidence.function_words>`)
is that language, with confidence ``1 - FUNCTION_WORD_DOUBT ** margin`` (``margin``: how
many more function words it has than any other language; two or more), unless a
context of another language asks for every engine to be read. Otherwise, text in Latin,
Cyrillic, Arabic or Devanagari letters is scored among the languages written in that
script only (:data:`~nkcorpus.language.evidence.LANGUAGES_BY_SCRIPT`), adding
log-probabilities:

* fastText's (``FASTTEXT_WEIGHT`` times its log-probability, renormalized over the
  script's languages, with a floor of ``FASTTEXT_FLOOR``);
* when read, langdetect's n-gram profiles and the function words, weighed by
  ``PROFILE_WEIGHT``: each word counts ``WORD_EVIDENCE`` times its mean n-gram
  log-probability (a capitalized word, mostly a name, counts
  :data:`~nkcorpus.language.profiles.NAME_WEIGHT` of that), each function word
  ``FUNCTION_WORD_WEIGHT``;
* when asked for, lingua's (``LINGUA_WEIGHT``);
* the prior: the domain prior of :attr:`LanguageOptions.prior
  <nkcorpus.language.options.LanguageOptions.prior>` (by default English three times
  as likely as any other language). It needs running text: a passage with fewer than
  ``MIN_PLAIN_WORDS`` (two) plain words (words that are not names) gets a uniform
  prior, so a lone name or foreign word is never made English by the prior alone.

The scores become probabilities (divided by ``TEMPERATURE`` first; at 1 they are
calibrated on the tuning cases: a confidence of 0.8 is right about 80% of the time). The
best language is the answer, whatever its probability, unless ``min_confidence`` (the
abstention threshold, 0 by default) asks for more: then the passage is ``und``. A
passage with no letters at all once links, tags and dates are blanked (numbers, URLs,
e-mail addresses, punctuation, ``May 24, 2018``) is ``und`` with confidence 0; so is one
in a script no model knows. A passage whose words are all names (``Kim Jong-un``) gets a
guess, but :attr:`Decision.evidence` says it has no evidence of its own, and the
language stage gives it the language around it (:mod:`nkcorpus.language.segment`).

When a passage sits in a context whose language is known (its paragraph, or the
document), the prior becomes ``CONTEXT_PRIOR`` (one half) on that language plus one
half of the domain prior: a short passage leans to the language around it, while a
real sentence in another language still wins on its own evidence.

East Asian letters and alphabetic letters are weighed against each other with
:data:`~nkcorpus.text.scripts.WEIGHTS` (a Han character counts as three Latin
letters); the heavier side decides a passage that mixes them.
"""

from __future__ import annotations

import functools
import math
import operator
from collections.abc import Sequence
from typing import TYPE_CHECKING

import attrs

from nkcorpus.language.evidence import (
    CHINESE_RUN,
    LANGUAGES_BY_SCRIPT,
    Evidence,
    alphabetic_weight,
    complete,
    east_asian_weight,
    langdetect_code,
    script_codes,
)
from nkcorpus.language.profiles import load_model
from nkcorpus.text import scripts as sc
from nkcorpus.text.codes import base_language

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np
    import numpy.typing as npt

__all__ = [
    "SCRIPT_LANGUAGES",
    "Decision",
    "base_language",
    "decide",
    "fasttext_candidates",
    "function_word_confidence",
    "settled_by_letters",
]

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
#: The floor added to fastText's probabilities before taking logarithms.
FASTTEXT_FLOOR = 1e-4
#: Scores are divided by this before they become probabilities (calibration).
TEMPERATURE = 1.0
#: How many times likelier Chinese is than Japanese for Han text without kana.
CHINESE_ODDS = 5.0
#: How many times likelier each Traditional-only character (up to three) makes Chinese.
TRADITIONAL_ODDS = 10.0
#: The chance that one function word more than any other language is misleading, when
#: the function words decide alone (:data:`~nkcorpus.language.firstlook.FUNCTION_WORDS_ALONE`):
#: confidence is ``1 - FUNCTION_WORD_DOUBT ** margin``.
FUNCTION_WORD_DOUBT = 0.1
#: How much lingua's log-probability counts, when it is on.
LINGUA_WEIGHT = 1.0


@attrs.define
class Decision:
    """The language of one passage.

    Built for every passage, so a plain (not frozen) attrs class, which costs half as
    much to build; nothing in nkcorpus changes one after it is built.

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


def decide(
    evidence: Evidence,
    min_confidence: float,
    context: str | None = None,
    prior: tuple[tuple[str, float], ...] = (),
) -> Decision:
    """Return the language of one passage from its evidence.

    Args:
        evidence: from :func:`~nkcorpus.language.evidence.iter_evidence` or
            :func:`~nkcorpus.language.evidence.whole_text_evidence`.
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


def function_word_confidence(margin: int, purity: float = 1.0) -> float:
    """The confidence of a passage that its function words decide alone:
    ``1 - FUNCTION_WORD_DOUBT ** margin``, times the share ``purity`` of its letter
    weight in the Latin script."""
    return (1.0 - FUNCTION_WORD_DOUBT**margin) * purity


def settled_by_letters(counts: Sequence[int]) -> tuple[str, float] | None:
    """The language and confidence that :func:`decide` gives, without a context, to a
    passage whose letters settle it without any model; ``None`` for any other passage.

    Such a passage has more East Asian than alphabetic letter weight, and its East Asian
    letters are Korean (Hangul), Japanese (kana), or a run of at least
    :data:`~nkcorpus.language.evidence.CHINESE_RUN` Han characters with neither. This
    is the path of most Korean and Chinese sentences, so it builds no evidence.

    Args:
        counts: letters per script class code, as ``numpy.bincount`` of
            :func:`~nkcorpus.language.neutral.classify`'s classes gives them.
    """
    hangul = counts[sc.HANGUL]
    han = counts[sc.HAN] + counts[sc.HAN_SIMPLIFIED] + counts[sc.HAN_TRADITIONAL]
    kana = counts[sc.HIRAGANA] + counts[sc.KATAKANA]
    east_asian, alphabetic = east_asian_weight(counts), alphabetic_weight(counts)
    if east_asian == 0 or east_asian < alphabetic:
        return None  # no letters, or alphabetic letters decide
    found = _by_script(counts, hangul, kana, han)
    if found is None:
        if hangul or kana or han < CHINESE_RUN:
            return None  # Han that fastText reads
        found = _chinese(counts[sc.HAN_SIMPLIFIED], counts[sc.HAN_TRADITIONAL]), _han_run(han)
    language, probability = found
    return language, probability * (east_asian / (east_asian + alphabetic))


def _by_script(counts: Sequence[int], hangul: int, kana: int, han: int) -> tuple[str, float] | None:
    """Korean or Japanese, with its probability, where the East Asian letters' scripts
    say so (``hangul``, ``kana`` and ``han`` letters, of the class ``counts``)."""
    if hangul and hangul >= HANGUL_SHARE * (hangul + kana + han):
        return "ko", 1.0 - SCRIPT_DOUBT**hangul
    if counts[sc.HIRAGANA] or (kana and kana >= KANA_SHARE * (kana + han)):
        return "ja", 1.0 - SCRIPT_DOUBT**kana
    return None


def _han_run(han: int) -> float:
    """The probability that a run of ``han`` Han characters, with no Hangul or kana and
    at least :data:`~nkcorpus.language.evidence.CHINESE_RUN` long, is Chinese."""
    return float(1.0 - SCRIPT_DOUBT ** (han / CHINESE_RUN))


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
    by_script = _by_script(counts, hangul, kana, han)
    if by_script is not None:
        return (by_script,), True
    if evidence.window and not evidence.fasttext:
        # A long Han run, not read by fastText: Chinese, except in a Japanese context.
        if context == "ja":
            evidence = complete(evidence)
        elif context != "ko" or simplified > traditional:
            variant = _chinese(simplified, traditional)
            if variant == "zh" and context in ("zh-Hans", "zh-Hant"):
                variant = context
            return ((variant, _han_run(han)),), True
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
def _columns(script: int) -> npt.NDArray[np.intp]:
    """The score columns of the languages written in ``script``."""
    import numpy as np

    model = load_model()
    return np.asarray([model.index(code) for code in LANGUAGES_BY_SCRIPT[script]], dtype=np.intp)


@functools.cache
def _positions(script: int) -> dict[str, int]:
    """The position of each language of ``script`` in :func:`script_codes`."""
    return {code: position for position, code in enumerate(script_codes(script))}


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


@functools.cache
def _log_prior_values(
    script: int, context: str | None, prior: tuple[tuple[str, float], ...]
) -> tuple[float, ...]:
    """:func:`_log_prior` as a tuple of floats."""
    return tuple(_log_prior(script, context, prior).tolist())


def _alphabetic(
    evidence: Evidence,
    min_confidence: float,
    context: str | None,
    prior: tuple[tuple[str, float], ...],
    weight: float,
    purity: float,
) -> Decision:
    codes = script_codes(evidence.script)
    if evidence.function_words is not None:
        language, margin = evidence.function_words
        if context not in codes or context == language:
            confidence = function_word_confidence(margin, purity)
            if confidence < min_confidence:
                return Decision("und", 0.0, weight, 1, ((language, confidence),))
            return Decision(language, confidence, weight, 1, ((language, confidence),))
        evidence = complete(evidence)  # the function words were clear, the context disagrees
    elif evidence.window and context in codes and context != evidence.fasttext[0][0]:
        evidence = complete(evidence)  # fastText alone was sure, but the context disagrees
    if evidence.scores is None and not evidence.lingua and evidence.fasttext:
        decided = _fasttext_only(evidence, min_confidence, context, prior, weight, purity)
        if decided is not None:
            return decided
        evidence = complete(evidence)  # fastText named no language of this script
    # Plain Python over the script's few languages: cheaper than NumPy at this size. A
    # logit adds its terms in this order: fastText, lingua, the profiles, the prior.
    positions = _positions(evidence.script)
    count = len(codes)
    logits: list[float] | None = None
    for opinion, opinion_weight in (
        (evidence.fasttext, FASTTEXT_WEIGHT),
        (evidence.lingua, LINGUA_WEIGHT),
    ):
        if not opinion:
            continue
        values = [0.0] * count
        named = []
        for code, value in opinion:
            position = positions.get(code)
            if position is not None:
                values[position] = value
                named.append(position)
        total = sum(values)
        if total > 0:
            log = math.log
            # A language it did not name gets the floor alone.
            term = [opinion_weight * log(FASTTEXT_FLOOR)] * count
            for position in named:
                term[position] = opinion_weight * log(values[position] / total + FASTTEXT_FLOOR)
            logits = term if logits is None else [a + b for a, b in zip(logits, term, strict=True)]
    scores = evidence.scores
    plain = evidence.lowercase_words
    if scores is not None and scores.words > 0:
        plain = scores.plain
    elif logits is None:
        return Decision("und", 0.0, weight, 1, evidence=False)
    domain = prior if plain >= MIN_PLAIN_WORDS else ()
    use_prior = domain or context in codes
    log_prior = _log_prior_values(evidence.script, context, domain) if use_prior else None
    if scores is not None and scores.words > 0:
        columns = _columns(evidence.script)
        profile = zip(
            logits if logits is not None else [0.0] * count,
            scores.loglik[columns].tolist(),
            scores.function_words[columns].tolist(),
            log_prior if log_prior is not None else [0.0] * count,
            strict=True,
        )
        if log_prior is None:
            logits = [
                a + PROFILE_WEIGHT * (WORD_EVIDENCE * ngram + FUNCTION_WORD_WEIGHT * words)
                for a, ngram, words, _ in profile
            ]
        else:
            logits = [
                a + PROFILE_WEIGHT * (WORD_EVIDENCE * ngram + FUNCTION_WORD_WEIGHT * words) + b
                for a, ngram, words, b in profile
            ]
    elif log_prior is not None and logits is not None:
        logits = [a + b for a, b in zip(logits, log_prior, strict=True)]
    assert logits is not None  # without any opinion, the passage was und above
    exp, top = math.exp, max(logits)
    exponentials = (
        [exp(logit - top) for logit in logits]
        if TEMPERATURE == 1.0
        else [exp((logit - top) / TEMPERATURE) for logit in logits]
    )
    norm = sum(exponentials)
    # The three likeliest, ties in the order of the script's languages (a stable sort).
    order = sorted(range(count), key=exponentials.__getitem__, reverse=True)[:3]
    candidates = tuple((codes[i], exponentials[i] / norm * purity) for i in order)
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
) -> Decision | None:
    """:func:`fasttext_candidates` as a decision (``None`` where it gives none)."""
    plain, script = evidence.lowercase_words, evidence.script
    candidates = fasttext_candidates(evidence.fasttext, script, plain, context, prior, purity)
    if candidates is None:
        return None
    language, confidence = candidates[0]
    if confidence < min_confidence:
        return Decision("und", 0.0, weight, 1, candidates, plain > 0)
    return Decision(language, confidence, weight, 1, candidates, plain > 0)


def fasttext_candidates(
    found: tuple[tuple[str, float], ...],
    script: int,
    plain: int,
    context: str | None = None,
    prior: tuple[tuple[str, float], ...] = (),
    purity: float = 1.0,
) -> tuple[tuple[str, float], ...] | None:
    """The three likeliest languages of ``script`` by fastText's probabilities ``found``
    alone, times the prior, as :func:`decide` gives them for a passage that fastText's first
    look settles; ``None`` when fastText named none of the script's languages.

    The same formula as the full decision with fastText alone, computed over the few
    languages fastText returned (every other language has the floor's share): this is the
    path of many plain sentences, and it must cost little.

    Args:
        found: fastText's likeliest languages with their probabilities.
        script: the class code of the passage's script.
        plain: the passage's plain words (the domain prior needs ``MIN_PLAIN_WORDS``).
        context: the language around the passage, or ``None``.
        prior: the domain prior, as in :func:`decide`.
        purity: the share of the passage's letter weight in the script.
    """
    domain = prior if plain >= MIN_PLAIN_WORDS else ()
    weights, floor_sum = _prior_weights(script, context, domain)
    exponent = FASTTEXT_WEIGHT / TEMPERATURE
    named = [(code, p) for code, p in found if code in weights]
    if not named:
        return None
    total = sum([p for _code, p in named]) or 1.0
    base = FASTTEXT_FLOOR**exponent
    scored, norm = [], floor_sum
    for code, p in named:
        value = (p / total + FASTTEXT_FLOOR) ** exponent * weights[code]
        norm += value - base * weights[code]
        scored.append((value, code))
    scored.sort(key=operator.itemgetter(0), reverse=True)  # stable: ties in fastText's order
    return tuple([(code, value / norm * purity) for value, code in scored[:3]])


@functools.cache
def _prior_weights(
    script: int, context: str | None, prior: tuple[tuple[str, float], ...]
) -> tuple[dict[str, float], float]:
    """The prior of :func:`_log_prior` as ``{code: weight}``, with the sum of every
    language's weight times the floor's share (what the languages fastText left out add)."""
    import numpy as np

    codes = script_codes(script)
    if not prior and context not in codes:
        values = [1.0] * len(codes)
    else:
        values = [float(x) for x in np.exp(_log_prior(script, context, prior) / TEMPERATURE)]
    base = FASTTEXT_FLOOR ** (FASTTEXT_WEIGHT / TEMPERATURE)
    return dict(zip(codes, values, strict=True)), base * sum(values)
