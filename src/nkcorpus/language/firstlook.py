"""The first look at an alphabetic passage: what is settled before the slower models.

:mod:`nkcorpus.language.evidence` reads a passage in Latin, Cyrillic, Arabic or
Devanagari letters in up to three steps; these are the settings and the helpers of the
first two:

1. Latin-script text whose function words (:mod:`nkcorpus.language.lexicon`) leave no
   doubt, at least :data:`FUNCTION_WORDS_ALONE` of one language and
   :data:`FUNCTION_WORD_MARGIN` more than any other (:func:`decided_by_function_words`),
   is decided by them alone; no model is read. Most running sentences end there.
2. Otherwise fastText's ``lid.176`` reads the first :data:`FAST_CHARS` characters. When it
   gives a language of the script at least :data:`FAST_PROBABILITY` on a passage of at
   least :data:`FAST_WORDS` words, at least :data:`FAST_LOWERCASE` of them lower-case,
   and no other language has more function words in the passage, that is all. So it is
   for a passage of names only (:func:`names_only`) that fastText gives at least
   :data:`NAMES_PROBABILITY`: such a passage has no evidence of its own
   (:attr:`Decision.evidence <nkcorpus.language.decide.Decision.evidence>`), and the
   profiles, which weigh names little, would not change fastText's guess.

Words written with a space between their letters (``U P D A T E D``) are read as words
first (:func:`unspaced`), and so are words in capitals inside running text (``GREAT food,
FAST service``; :func:`shouted`).

>>> decided_by_function_words({"en": 4, "nl": 1})
('en', 3)
>>> names_only(["Kim", "Jong-un", "--"]), names_only(["Kim", "met", "Moon"])
(True, False)
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from nkcorpus.text.codes import normalize

__all__ = [
    "FAST_CHARS",
    "FAST_LOWERCASE",
    "FAST_PROBABILITY",
    "FAST_WORDS",
    "FUNCTION_WORDS_ALONE",
    "FUNCTION_WORD_MARGIN",
    "NAMES_PROBABILITY",
    "decided_by_counts",
    "decided_by_function_words",
    "names_only",
    "shouted",
    "unspaced",
]

#: fastText decides alone (the profiles are not read) when it gives a language of the
#: script at least this probability on a passage of at least ``FAST_WORDS`` words with
#: ``FAST_LOWERCASE`` lower-case ones (or of names only), unless a context disagrees (then
#: every engine is read). Below it, fastText's doubt leaves room for the prior and the
#: profiles (``Defectors met in Brussels.`` is English or Dutch by the prior).
FAST_PROBABILITY = 0.6
#: The probability that fastText needs to decide a passage of names only alone. Such a
#: passage gets no prior (it has no plain words), so only the profiles could overturn
#: fastText, and they weigh names little: on the tuning cases and on 7,000 English
#: sentences of other treebanks, 0.5 gives the same answers as reading every engine.
NAMES_PROBABILITY = 0.5
#: The words a passage needs before fastText may decide it alone (two words are too few:
#: ``hai giờ`` is Italian to fastText) ...
FAST_WORDS = 3
#: ... of which at least this many lower-case (names and headings are capitalized). On
#: all the sentences of the ten tuning treebanks, two gives the same answers as three.
FAST_LOWERCASE = 2
#: How many characters fastText reads for that first look (all of them otherwise).
FAST_CHARS = 100
#: Function words decide Latin-script text alone (no model is read) when one language
#: has at least this many in the passage ...
FUNCTION_WORDS_ALONE = 3
#: ... and at least this many more than any other language. Three and two give the
#: same answers as four and three on all the sentences of the ten tuning treebanks (and
#: spare the models a fifth more of English sentences); three and one or two and two
#: do not.
FUNCTION_WORD_MARGIN = 2

#: A word in capitals of at least this many ASCII letters, in a passage with a word in lower
#: case, is read in lower case (:func:`shouted`). Two-letter acronyms (``UN``, ``EU``) are
#: left as they are.
SHOUTED_LETTERS = 3

_LETTER = re.compile(r"[^\W\d_]")
# A whole word of SHOUTED_LETTERS or more ASCII capitals, and a cheaper search that finds
# every text with one (the character class written out searches fastest).
_SHOUTED = re.compile(rf"\b[A-Z]{{{SHOUTED_LETTERS},}}\b")
_CAPITALS = re.compile("[A-Z]" * SHOUTED_LETTERS).search
# Four or more single letters, each followed by one space: a letter-spaced word.
_SPACED = re.compile(r"(?<!\S)(?:[^\W\d_] ){3,}[^\W\d_](?!\S)")


def names_only(words: list[str]) -> bool:
    """Whether every word is an ASCII word with a capital or has no letters: the words
    that :mod:`~nkcorpus.language.profiles` weighs as names, or not at all."""
    return all(
        (word[0].isupper() and word.isascii()) or _LETTER.search(word) is None for word in words
    )


def _unspace(match: re.Match[str]) -> str:
    return match.group().replace(" ", "")


def unspaced(window: str, words: list[str]) -> tuple[str, list[str]]:
    """``window`` and its ``words`` with letter-spaced words (``U P D A T E D``) closed up.

    >>> unspaced("- U P D A T E D -", "- U P D A T E D -".split())
    ('- UPDATED -', ['-', 'UPDATED', '-'])
    """
    if list(map(len, words)).count(1) >= 4 and _SPACED.search(window):
        window = _SPACED.sub(_unspace, window)
        return window, window.split()
    return window, words


def _lowered(match: re.Match[str]) -> str:
    return match.group().lower()


def shouted(window: str, words: list[str]) -> tuple[str, list[str]]:
    """``window`` and its ``words`` with words in capitals in lower case, where the passage
    is running text (a word starts with a lower-case letter): the models and the function
    words read them as the words they are (``THE`` is *the*), not as names or acronyms. A
    passage without a word in lower case (a heading, a list of names) is left as it is.

    >>> shouted("GREAT food, FAST service", "GREAT food, FAST service".split())[0]
    'great food, fast service'
    >>> shouted("Kim met KCNA staff", ["Kim", "met", "KCNA", "staff"])[1]
    ['Kim', 'met', 'kcna', 'staff']
    >>> shouted("NK News UN", ["NK", "News", "UN"])[0]
    'NK News UN'
    """
    if _CAPITALS(window) is None or _SHOUTED.search(window) is None:
        return window, words
    if not any(word[0].islower() for word in words):
        return window, words
    window = _SHOUTED.sub(_lowered, window)
    return window, window.split()


def decided_by_function_words(tally: dict[str, int]) -> tuple[str, int] | None:
    """``(language, margin)`` when one language's function words leave no doubt."""
    return decided_by_counts(list(tally.values()), list(tally))[1]


def decided_by_counts(
    counts: Sequence[int], languages: Sequence[str]
) -> tuple[int, tuple[str, int] | None]:
    """:func:`decided_by_function_words` of the function words of each of ``languages``
    counted in ``counts`` (as :meth:`Lexicon.counts
    <nkcorpus.language.lexicon.Lexicon.counts>` gives them), after the most function words
    one language has.

    >>> decided_by_counts([1, 4, 0], ["nl", "en", "fr"]), decided_by_counts(b"\\1\\4", ["nl", "en"])
    ((4, ('en', 3)), (4, ('en', 3)))
    """
    # The languages without function words, mostly, left out of bytes before sorting.
    ranked = sorted(counts.translate(None, b"\0") if isinstance(counts, bytes) else counts)
    top = ranked[-1] if ranked else 0
    if top < FUNCTION_WORDS_ALONE:
        return top, None
    margin = top - (ranked[-2] if len(ranked) > 1 else 0)
    if margin < FUNCTION_WORD_MARGIN:
        return top, None
    # The margin is positive, so one language has ``top`` function words.
    return top, (_nkcorpus_code(languages[counts.index(top)]), margin)


#: The nkcorpus code of a language of the lexicon, kept for its few codes.
_nkcorpus_code = functools.cache(normalize)
