"""What a passage holds: its letters by script, and what the models say about it.

:func:`iter_evidence` (for the passages of a document, one passage at a time) and
:func:`whole_text_evidence` (for a whole text) count the letters
of each script and ask the models that :attr:`LanguageOptions.engines
<nkcorpus.language.options.LanguageOptions.engines>` names, only where a script does
not decide alone:

* Latin, Cyrillic, Arabic and Devanagari text (:data:`LANGUAGES_BY_SCRIPT`) gets a first
  look, and the slower models only where the first look is not enough:

  1. Latin-script text whose function words (:mod:`nkcorpus.language.lexicon`) leave no
     doubt is decided by them alone; no model is read. Most running sentences end there.
  2. Otherwise fastText's ``lid.176`` (:mod:`nkcorpus.language.lid176`) reads the first
     characters; when it is sure of a language of the script on a passage of enough
     words, in lower case or names only, that is all
     (:mod:`nkcorpus.language.firstlook` has the settings).
  3. Otherwise fastText reads the whole passage, with langdetect's n-gram profiles and
     the function words (:mod:`nkcorpus.language.profiles`) and, when asked for, lingua
     (:mod:`nkcorpus.language.lingua_model`).

  The function words belong to the ``profiles`` engine: without it, steps 1 and the
  function-word check of step 2 are skipped.
* Han without Hangul or kana: fastText's Chinese and Japanese probabilities, for runs
  shorter than :data:`CHINESE_RUN` Han characters; longer runs are not read (they are
  Chinese unless a Japanese context asks for fastText's opinion).
* letters of a script nkcorpus has no languages for: fastText's guess.

Links, markup tags and dates are blanked before the models read anything
(:mod:`nkcorpus.language.neutral`); headlines in capitals are read in lower case, and so
are words in capitals inside running text; alphabetic words written with a space between
their letters (``U P D A T E D``) are read as words.
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, cast

import attrs

from nkcorpus.language import lingua_model
from nkcorpus.language.firstlook import (
    FAST_CHARS,
    FAST_LOWERCASE,
    FAST_PROBABILITY,
    FAST_WORDS,
    NAMES_PROBABILITY,
    decided_by_counts,
    names_only,
    shouted,
    unspaced,
)
from nkcorpus.language.lexicon import load_lexicon
from nkcorpus.language.lid176 import probabilities
from nkcorpus.language.neutral import classify
from nkcorpus.language.profiles import Scores, load_model
from nkcorpus.text import scripts as sc
from nkcorpus.text.codes import normalize

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np
    import numpy.typing as npt

__all__ = [
    "CHINESE_RUN",
    "DEFAULT_ENGINES",
    "ENGINES",
    "FASTTEXT_THRESHOLD",
    "LANGUAGES_BY_SCRIPT",
    "Evidence",
    "FirstLook",
    "alphabetic_weight",
    "complete",
    "east_asian_weight",
    "iter_evidence",
    "langdetect_code",
    "latin_evidence",
    "latin_first_look",
    "script_codes",
    "script_is_alphabetic",
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

#: The smallest fastText probability read in the full look. A language below it gets only
#: the floor that :mod:`~nkcorpus.language.decide` adds to every language (a tenth of
#: this). Each language more costs fastText a label to hand over; on the tuning cases and
#: on 7,000 English sentences of other treebanks, any threshold up to ``3e-3`` gives the
#: same answers as ``1e-5``.
FASTTEXT_THRESHOLD = 1e-3
#: Han text without Hangul or kana and with at least this many Han characters is
#: Chinese without asking fastText (Japanese running text writes kana), unless it sits
#: in a Japanese context (:func:`~nkcorpus.language.decide.decide` then asks).
CHINESE_RUN = 16
#: The models a passage can be judged with, besides its script.
ENGINES = ("fasttext", "profiles", "lingua")
#: The models used by default, measured best for accuracy and speed together.
DEFAULT_ENGINES = ("fasttext", "profiles")
_ALPHABETIC_ORDER = tuple(sorted(sc.ALPHABETIC))
_ALPHABETIC_COUNTS = operator.itemgetter(*_ALPHABETIC_ORDER)
_HAN_AND_KANA = slice(sc.HAN, sc.KATAKANA + 1)  # the three Han classes and kana
_EAST_ASIAN = slice(sc.HANGUL, sc.KATAKANA + 1)  # and Hangul


def langdetect_code(code: str) -> str:
    """Return the nkcorpus code of a langdetect language name (``zh-cn`` -> ``zh-Hans``).

    >>> langdetect_code("zh-tw"), langdetect_code("en")
    ('zh-Hant', 'en')
    """
    return normalize(code)


def east_asian_weight(counts: Sequence[int]) -> float:
    """The weight of the Hangul, Han and kana letters of the class ``counts`` (a Hangul
    syllable weighs two Latin letters, a Han character or a kana three)."""
    return 2.0 * counts[sc.HANGUL] + 3.0 * sum(counts[_HAN_AND_KANA])


def alphabetic_weight(counts: Sequence[int]) -> float:
    """The weight of every other letter of the class ``counts`` (one each)."""
    return float(sum(counts) - counts[0] - sum(counts[_EAST_ASIAN]))


@attrs.define
class Evidence:
    """What one passage holds: letters by script, and n-gram scores when needed.

    One is built for every passage judged, so it is a plain (not frozen) attrs class,
    which costs half as much to build; nothing in nkcorpus changes one after it is built.

    Attributes:
        counts: letters per script class code (index = class code).
        scores: langdetect-profile scores of the passage, for alphabetic scripts that
            several languages share; ``None`` otherwise.
        script: the class code of the passage's main alphabetic script (0 for none).
        fasttext: fastText's likeliest languages with their probabilities (for
            alphabetic text of a shared script, and for Han text without kana or Hangul).
        lowercase_words: how many words start with a lower-case letter.
        lingua: lingua's probabilities, when the ``lingua`` engine is on.
        window: the text the models read, kept when fastText or the function words
            alone were sure (or a long Han run was not read), so that
            :func:`~nkcorpus.language.evidence.complete` can read the other models
            when a context disagrees.
        engines: the engines asked for.
        function_words: ``(language, margin)`` when the function words decided alone:
            the language and how many more function words it has than any other.
        east_asian_weight: the weight of the passage's Hangul, Han and kana letters.
        alphabetic_weight: the weight of the passage's other letters.
    """

    counts: tuple[int, ...]
    scores: Scores | None
    script: int
    fasttext: tuple[tuple[str, float], ...] = ()
    lowercase_words: int = 0
    lingua: tuple[tuple[str, float], ...] = ()
    window: str = attrs.field(default="", eq=False, repr=False)
    engines: tuple[str, ...] = attrs.field(default=(), eq=False, repr=False)
    function_words: tuple[str, int] | None = None
    east_asian_weight: float = attrs.field(init=False)
    alphabetic_weight: float = attrs.field(init=False)

    @east_asian_weight.default
    def _east_asian_weight(self) -> float:
        return east_asian_weight(self.counts)

    @alphabetic_weight.default
    def _alphabetic_weight(self) -> float:
        return alphabetic_weight(self.counts)

    @property
    def weight(self) -> float:
        """The weight of all of the passage's letters."""
        return self.east_asian_weight + self.alphabetic_weight


@functools.cache
def script_codes(script: int) -> tuple[str, ...]:
    """The nkcorpus codes of the languages written in ``script``."""
    return tuple(langdetect_code(code) for code in LANGUAGES_BY_SCRIPT[script])


def iter_evidence(
    text: str,
    classes: npt.NDArray[np.uint8],
    spans: Sequence[tuple[int, int]],
    max_chars: int,
    engines: Sequence[str] = DEFAULT_ENGINES,
    blanked: str | None = None,
) -> Iterator[Evidence]:
    """Count letters and gather model evidence for each ``(start, end)`` passage of ``text``,
    yielding the evidence of each passage in turn.

    Args:
        text: the whole text (the passages are spans of it).
        classes: :func:`~nkcorpus.language.neutral.classify` codes of ``text``; links,
            tags and dates are neutral there and are blanked before scoring.
        spans: the passages.
        max_chars: how many characters of each passage the models read.
        engines: the models to consult (:data:`~nkcorpus.language.evidence.ENGINES`).
        blanked: ``text`` with links, tags and dates blanked (as
            :func:`~nkcorpus.language.neutral.classify` returns it); found when ``None``.

    The letter counts of every passage are found at once (in one pass over
    ``classes``); the models read each passage only when its evidence is asked for,
    so a caller that keeps only what it needs holds one passage's evidence at a time.
    """
    import numpy as np

    totals = sc.class_counts(classes)
    codes = [code for code in range(1, len(totals)) if totals[code]]
    # Letters per script in every passage, from running counts per script, kept as one
    # array (Python lists of counts would cost some 36 bytes a count).
    starts = np.fromiter((start for start, _end in spans), dtype=np.intp, count=len(spans))
    ends = np.fromiter((end for _start, end in spans), dtype=np.intp, count=len(spans))
    table = np.zeros((len(spans), len(codes)), dtype=np.int64)
    for column, code in enumerate(codes):
        table[:, column] = _running_counts(classes, code, ends)
        table[:, column] -= _running_counts(classes, code, starts)
    del starts, ends
    zero = [0] * len(sc.SCRIPT_NAMES)
    for index, (start, end) in enumerate(spans):
        counts = list(zero)
        for code, value in zip(codes, table[index].tolist(), strict=True):
            counts[code] = value
        if blanked is None and _route(counts)[2]:
            blanked = classify(text)[1]
        window = blanked[start:end] if blanked is not None else ""
        yield cast(Evidence, _evidence(window, tuple(counts), max_chars, engines))


def _running_counts(
    classes: npt.NDArray[np.uint8], code: int, positions: npt.NDArray[np.intp]
) -> npt.NDArray[np.int64]:
    """How many characters of class ``code`` come before each of ``positions``.

    The running count is made a piece of :data:`~nkcorpus.text.scripts.CHUNK`
    characters at a time, not for the whole text at once.
    """
    import numpy as np

    order = np.argsort(positions, kind="stable")
    wanted = positions[order]
    found = np.zeros(len(positions), dtype=np.int64)
    before = 0
    for start in range(0, len(classes), sc.CHUNK):
        running = np.cumsum(classes[start : start + sc.CHUNK] == code, dtype=np.int64)
        # Positions start + 1 .. start + len(running) count through this piece.
        lo = int(np.searchsorted(wanted, start + 1, side="left"))
        hi = int(np.searchsorted(wanted, start + len(running), side="right"))
        found[lo:hi] = before + running[wanted[lo:hi] - start - 1]
        before += int(running[-1])
    result = np.empty_like(found)
    result[order] = found
    return result


def whole_text_evidence(
    text: str,
    classes: npt.NDArray[np.uint8] | None,
    max_chars: int,
    engines: Sequence[str] = DEFAULT_ENGINES,
    counts: Sequence[int] | None = None,
    blanked: str | None = None,
) -> Evidence:
    """Count the letters of all of ``text`` and gather model evidence, capped.

    The models read ``max_chars`` characters from the first letter of the deciding
    script on. ``counts`` (letters per class, as ``numpy.bincount`` gives them) and
    ``blanked`` (see :func:`iter_evidence`) may be passed when already known; then
    ``classes`` is only needed for a text longer than ``max_chars``.
    """
    import numpy as np

    if classes is None and (counts is None or blanked is None or len(text) > max_chars):
        classes, blanked = classify(text)
    if counts is None:
        assert classes is not None  # classified above when counts are not given
        counts = sc.class_counts(classes)
    counts = (0, *counts[1:])
    route = _route(counts)
    script, alphabetic, needed = route
    if not needed:
        return Evidence(counts, None, script)
    if blanked is None:
        blanked = classify(text)[1]
    if len(text) > max_chars:
        assert classes is not None  # classified above for a long text
        if alphabetic:
            mask = classes == script
        else:
            mask = (classes >= sc.HANGUL) & (classes <= sc.KATAKANA)
        first = int(np.argmax(mask))
        window = blanked[first : first + max_chars]
    else:
        window = blanked
    return cast(Evidence, _evidence(window, counts, max_chars, engines, route))


def latin_evidence(
    text: str, letters: int, max_chars: int, engines: Sequence[str] = DEFAULT_ENGINES
) -> Evidence:
    """:func:`whole_text_evidence` of a text of at most ``max_chars`` characters whose
    ``letters`` letters are all Latin and whose other characters are all neutral, with
    links, tags and dates already blanked (as :func:`~nkcorpus.language.neutral.ascii_blanked`
    gives it): the same evidence, without counting or routing again."""
    counts = (0,) * sc.LATIN + (letters,) + _AFTER_LATIN
    if not letters:
        return Evidence(counts, None, 0)
    return cast(Evidence, _evidence(text, counts, max_chars, engines, _LATIN_ROUTE))


#: What the first look settles alone, as :func:`latin_first_look` gives it:
#: ``(0, (language, margin), ())`` when the function words decide,
#: ``(lowercase_words, None, fasttext)`` when fastText does.
FirstLook = tuple[int, tuple[str, int] | None, tuple[tuple[str, float], ...]]


def latin_first_look(
    text: str, letters: int, max_chars: int, engines: Sequence[str] = DEFAULT_ENGINES
) -> Evidence | FirstLook:
    """:func:`latin_evidence`, except where the first look settles the text alone: then
    the fields such evidence sets (:data:`FirstLook`), for a caller without a context."""
    looked = None
    if letters and "profiles" in engines:
        # The function words, as _evidence() counts them, here for the commonest text
        # (not all in capitals, no letter-spaced words): most end the look.
        window = text[:max_chars]
        if not window.isupper():
            words = window.split()
            if list(map(len, words)).count(1) < 4:
                by_language, most, decided = _function_words(words)
                if decided is not None:
                    return 0, decided, ()  # the lower-case words are not needed
                looked = words, by_language, most
    counts = (*_BEFORE_LATIN, letters, *_AFTER_LATIN)
    if not letters:
        return Evidence(counts, None, 0)
    return _evidence(text, counts, max_chars, engines, _LATIN_ROUTE, bare=True, looked=looked)


def _function_words(words: list[str]) -> tuple[Sequence[int], int, tuple[str, int] | None]:
    """The function words of ``words`` by language (:meth:`Lexicon.counts
    <nkcorpus.language.lexicon.Lexicon.counts>`), the most of one language, and
    ``(language, margin)`` when they decide alone (:func:`decided_by_counts`)."""
    lexicon = load_lexicon()
    by_language = lexicon.counts(words)
    return (by_language, *decided_by_counts(by_language, lexicon.languages))


#: The letter counts of the classes before and after Latin, in a text of Latin letters only.
_BEFORE_LATIN = (0,) * sc.LATIN
_AFTER_LATIN = (0,) * (len(sc.SCRIPT_NAMES) - sc.LATIN - 1)


def script_is_alphabetic(counts: Sequence[int]) -> bool:
    """Whether alphabetic letters outweigh East Asian ones in ``counts``."""
    east_asian_letters = sum(counts[sc.HANGUL : sc.KATAKANA + 1])
    east_asian = east_asian_letters + east_asian_letters - counts[sc.HANGUL]
    return sum(counts) - counts[0] - east_asian_letters > east_asian + east_asian_letters


def _route(counts: Sequence[int]) -> tuple[int, bool, bool]:
    """The main alphabetic script, whether alphabetic letters decide, whether models help."""
    # The alphabetic script with the most letters (the first in code order on a tie).
    alphabetic = _ALPHABETIC_COUNTS(counts)
    most = max(alphabetic)
    script = _ALPHABETIC_ORDER[alphabetic.index(most)] if most > 0 else 0
    if script_is_alphabetic(counts):
        return script, True, script in LANGUAGES_BY_SCRIPT or script == sc.OTHER
    han = counts[sc.HAN] + counts[sc.HAN_SIMPLIFIED] + counts[sc.HAN_TRADITIONAL]
    kana = counts[sc.HIRAGANA] + counts[sc.KATAKANA]
    # Han without Hangul or kana: Chinese or Japanese, which fastText tells apart.
    return script, False, bool(han) and not counts[sc.HANGUL] and not kana


#: The route of Latin letters alone: Latin decides, and the models are needed.
_LATIN_ROUTE = (sc.LATIN, True, True)


def _evidence(
    window: str,
    counts: tuple[int, ...],
    max_chars: int,
    engines: Sequence[str],
    route: tuple[int, bool, bool] | None = None,
    bare: bool = False,
    looked: tuple[list[str], Sequence[int], int] | None = None,
) -> Evidence | FirstLook:
    """The evidence of one passage: what the first look settles, else every engine
    (``bare``: what the first look settles alone as :func:`latin_first_look` gives it;
    ``looked``: the Latin window's words, function words by language and the most of
    one language, when they were counted already and did not decide)."""
    script, alphabetic, needed = route or _route(counts)
    if not window or not needed:
        return Evidence(counts, None, script)
    window = window[:max_chars]
    if window.isupper():
        window = window.lower()  # headlines in capitals: the models read lower case best
    use_fasttext = "fasttext" in engines
    if not alphabetic:
        # Han without Hangul or kana: Chinese or Japanese, which fastText tells apart.
        if sum(counts[sc.HAN : sc.HAN_TRADITIONAL + 1]) >= CHINESE_RUN:
            return Evidence(counts, None, script, window=window, engines=tuple(engines))
        found = tuple(probabilities(window, 5)) if use_fasttext else ()
        return Evidence(counts, None, script, found)
    if script not in LANGUAGES_BY_SCRIPT:
        found = tuple(probabilities(window, 60)) if use_fasttext else ()
        return Evidence(counts, None, script, found)
    decided: tuple[str, int] | None = None
    counted = script == sc.LATIN and "profiles" in engines
    if looked is not None:
        words, by_language, most = looked  # counted by latin_first_look(), undecided
    else:
        words = window.split()
        if list(map(len, words)).count(1) >= 4:  # perhaps letter-spaced words
            window, words = unspaced(window, words)
        if counted:
            by_language, most, decided = _function_words(words)
    if counted:
        positions = load_lexicon().positions
        if decided is None:
            # Words in capitals inside running text, read in lower case (not looked for
            # where the function words decide: most running sentences).
            window, lowered = shouted(window, words)
            if lowered is not words:
                words = lowered
                by_language, most, decided = _function_words(words)
    else:
        window, words = shouted(window, words)
        by_language, positions, most = (), {}, 0
    if decided is not None and bare:
        return 0, decided, ()  # the lower-case words are not needed
    lowercase = 0
    for word in words:
        if word[0].islower():
            lowercase += 1
            if lowercase == FAST_WORDS:
                break
    if decided is not None:
        return Evidence(counts, None, script, (), lowercase, (), window, tuple(engines), decided)
    if use_fasttext and len(words) >= FAST_WORDS:
        every: tuple[tuple[str, float], ...] | None = None
        if lowercase >= FAST_LOWERCASE:
            least = FAST_PROBABILITY
        elif not lowercase and not most and names_only(words):
            least = NAMES_PROBABILITY
            if len(window) <= FAST_CHARS:
                # fastText is often unsure of names: one reading serves both looks.
                every = tuple(probabilities(window, 60, FASTTEXT_THRESHOLD))
        else:
            return _full(window, counts, script, lowercase, engines)
        # Three languages: each one more costs fastText a label to hand over.
        found = every[:3] if every is not None else tuple(probabilities(window[:FAST_CHARS], 3))
        top = found[0][0] if found else ""
        if (
            found
            and found[0][1] >= least
            and top in script_codes(script)
            and (not most or (top in positions and by_language[positions[top]] >= most))
        ):
            if bare:
                return lowercase, None, found
            return Evidence(counts, None, script, found, lowercase, (), window, tuple(engines))
        return _full(window, counts, script, lowercase, engines, every)
    return _full(window, counts, script, lowercase, engines)


def _full(
    window: str,
    counts: tuple[int, ...],
    script: int,
    lowercase: int,
    engines: Sequence[str],
    found: tuple[tuple[str, float], ...] | None = None,
) -> Evidence:
    """Every engine's reading of ``window`` (fastText's, ``found``, may be given)."""
    if found is None and "fasttext" in engines:
        found = tuple(probabilities(window, 60, FASTTEXT_THRESHOLD))
    opinion = lingua_model.probabilities(window) if "lingua" in engines else ()
    scores = load_model().score(window) if "profiles" in engines else None
    return Evidence(counts, scores, script, found or (), lowercase, opinion)


def complete(evidence: Evidence) -> Evidence:
    """Return ``evidence`` with every engine read, where the first look was enough."""
    if not evidence.window:
        return evidence
    if not script_is_alphabetic(evidence.counts):
        found = tuple(probabilities(evidence.window, 5)) if "fasttext" in evidence.engines else ()
        return Evidence(evidence.counts, None, evidence.script, found)
    return _full(
        evidence.window,
        evidence.counts,
        evidence.script,
        evidence.lowercase_words,
        evidence.engines,
    )
