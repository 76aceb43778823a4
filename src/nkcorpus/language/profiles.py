"""langdetect's language profiles, scored exactly instead of by random sampling.

langdetect ships character 1-, 2- and 3-gram frequencies for 55 languages and
decides by multiplying the probabilities of n-grams drawn *at random* from the
text, seven times over. That is slow (a few milliseconds even for one sentence)
and the answer depends on the random generator's state. This module scores the
same profiles without sampling: every n-gram of the text is counted, each word
gets the mean of ``log(p + alpha / 10000)`` over its n-grams (``alpha = 0.5``,
langdetect's smoothing), and a text gets the weighted sum over its words. Counting
a word once rather than once per n-gram keeps the correlated n-grams of one word
from making short texts look certain; for the same reason a word the text repeats
(case and punctuation aside) counts once, with its function words: ``"No, no, no."``
is one word's evidence, not three. The result is deterministic by construction
(no random numbers at all) and about two orders of magnitude faster.

Text is prepared as langdetect prepares it: Vietnamese combining marks composed,
every character normalized by langdetect's own ``NGram.normalize`` (compiled once
into a ``str.translate`` table), and all-capital words (acronyms) skipped. The
work is done once per distinct word (a bounded cache), since words repeat; a
text's score is the sum of its words' scores, so the cache never changes a result.
Callers remove URLs and e-mail addresses first.

Only languages that a script does not already decide are scored: the profiles
of Korean, Japanese and both Chinese standards, and every n-gram written in
Hangul, Han or kana, are left out (:mod:`nkcorpus.text.scripts` decides those).

In the same pass each word is looked up in the function-word lexicon
(:mod:`nkcorpus.language.lexicon`): :attr:`Scores.function_words` counts, per
language, the words of the text that are function words of that language. That
count is kept apart from the n-gram scores; :mod:`nkcorpus.language.decide`
weighs the two.
"""

from __future__ import annotations

import functools
import itertools
import json
import logging
import os
import re
import string
import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING

import attrs

from nkcorpus.language.lexicon import load_lexicon

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np
    import numpy.typing as npt

__all__ = ["NAME_WEIGHT", "ProfileModel", "Scores", "load_model"]

logger = logging.getLogger(__name__)

#: langdetect's smoothing: each n-gram probability gets ``ALPHA / BASE_FREQ`` added.
ALPHA = 0.5
BASE_FREQ = 10000

#: How many distinct words keep their scores before the cache starts over (it starts over
#: between two calls, so one call with more words than this grows it for a while).
WORD_CACHE_SIZE = 1 << 17

#: The weight of a capitalized ASCII word. Those are mostly names, which say little about the
#: language (``Pyongyang`` scores as Tagalog, ``Yi Whan-woo`` as Somali).
NAME_WEIGHT = 0.4

#: langdetect profile names decided by script, and so not scored here.
_SCRIPT_DECIDED = frozenset({"ko", "ja", "zh-cn", "zh-tw"})

_SENTENCE_END = frozenset(".!?…:")
_CLOSING = "\"'”’)]»"

_EAST_ASIAN = re.compile(
    r"[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]"
)


@attrs.frozen
class Scores:
    """The evidence of one text for every scored language.

    Attributes:
        loglik: for each language of :attr:`ProfileModel.languages`, the sum over the
            text's words of the word's mean n-gram log-probability times the word's
            weight (1, or :data:`NAME_WEIGHT` for a likely name: see ``_word_weights``).
        words: the summed weight of the words that had any n-gram in the profiles.
        ngrams: how many n-grams of the text were found in the profiles.
        function_words: for each language, how many function words of that language
            the text has, a repeated word once (:mod:`nkcorpus.language.lexicon`; a word may
            count for several).
        plain: how many words are not names: words of weight 1 that had n-grams in the
            profiles, and function words (``The``, ``Il``) whatever their case.
    """

    loglik: npt.NDArray[np.float64] = attrs.field(eq=False)
    words: float
    ngrams: int
    function_words: npt.NDArray[np.float64] = attrs.field(eq=False)
    plain: int


class ProfileModel:
    """langdetect's n-gram profiles as a log-probability matrix.

    Use :func:`load_model` to get the shared instance; building one reads the 55
    profile files shipped with langdetect (about a quarter of a second).

    Attributes:
        languages: the scored languages, as langdetect names them (``en``, ``de``, ...).
    """

    def __init__(self, profile_directory: str | None = None) -> None:
        import numpy as np
        from langdetect.detector_factory import PROFILES_DIRECTORY

        directory = profile_directory or PROFILES_DIRECTORY
        profiles = []
        for name in sorted(os.listdir(directory)):
            path = os.path.join(directory, name)
            if name.startswith(".") or not os.path.isfile(path):
                continue
            with open(path, encoding="utf-8") as handle:
                profiles.append(json.load(handle))
        profiles = [p for p in profiles if p["name"] not in _SCRIPT_DECIDED]
        self.languages: tuple[str, ...] = tuple(p["name"] for p in profiles)
        rows: dict[str, int] = {}
        for profile in profiles:
            for gram in profile["freq"]:
                if 1 <= len(gram) <= 3 and gram not in rows and not _EAST_ASIAN.search(gram):
                    rows[gram] = len(rows)
        probabilities = np.zeros((len(rows), len(profiles)), dtype=np.float64)
        for column, profile in enumerate(profiles):
            totals = profile["n_words"]
            for gram, freq in profile["freq"].items():
                row = rows.get(gram)
                if row is not None:
                    probabilities[row, column] = freq / totals[len(gram) - 1]
        self._rows = rows
        self._matrix = np.log(probabilities + ALPHA / BASE_FREQ).astype(np.float32)
        self._matrix.setflags(write=False)
        self._table = _normalization_table()
        self._ascii_table = {cp: out for cp, out in self._table.items() if cp < 0x80}
        self._lexicon = load_lexicon()
        column_of = {language: column for column, language in enumerate(self.languages)}
        self._lexicon_columns = {
            language: column_of[language]
            for language in self._lexicon.languages
            if language in column_of
        }
        self._lock = threading.Lock()
        self._word_ids: dict[str, int] = {}
        self._vectors = np.zeros((4096, len(self.languages)), dtype=np.float64)
        self._counts = np.zeros(4096, dtype=np.int64)
        self._hits = np.zeros((4096, len(self.languages)), dtype=np.float32)
        self._size = 0
        # For each word id: how many of its n-grams are in the profiles, and whether it
        # is a function word of a scored language (what the rows above say, as Python
        # values, so that one text is scored with few array operations).
        self._facts: list[tuple[int, bool]] = []

    def index(self, language: str) -> int:
        """Return the column of ``language`` in score vectors (``ValueError`` if unknown)."""
        return self.languages.index(language)

    def _word_rows(self, word: str) -> list[int]:
        """The profile rows of every 1-, 2- and 3-gram of one whitespace-separated token."""
        from langdetect.utils.ngram import NGram

        if word.isascii():
            word = word.translate(self._ascii_table)
        else:
            word = NGram.normalize_vi(word).translate(self._table)
        rows = self._rows
        found: list[int] = []
        for part in word.split():
            if len(part) > 1 and part.isupper():
                continue  # an acronym, skipped as langdetect skips all-capital words
            padded = f" {part} "
            grams = [*part]
            grams += [padded[i : i + 2] for i in range(len(padded) - 1)]
            grams += [padded[i : i + 3] for i in range(len(padded) - 2)]
            found.extend(row for row in map(rows.get, grams) if row is not None)
        return found

    def _add_word(self, word: str) -> int:
        """Compute one word's score vector, store it, and return its id (lock held)."""
        import numpy as np

        known = self._word_ids.get(word)
        if known is not None:
            return known
        if self._size == len(self._vectors):
            grown = np.zeros((2 * len(self._vectors), len(self.languages)))
            grown[: self._size] = self._vectors[: self._size]
            self._vectors = grown
            counts = np.zeros(len(grown), dtype=np.int64)
            counts[: self._size] = self._counts[: self._size]
            self._counts = counts
            hit_rows = np.zeros((len(grown), len(self.languages)), dtype=np.float32)
            hit_rows[: self._size] = self._hits[: self._size]
            self._hits = hit_rows
        rows = self._word_rows(word)
        index = self._size
        if rows:
            self._vectors[index] = self._matrix[rows].sum(axis=0, dtype=np.float64) / len(rows)
        else:
            self._vectors[index] = 0.0
        self._counts[index] = len(rows)
        columns = self._lexicon_columns
        self._hits[index] = 0.0
        hit = False
        for code in self._lexicon.hits(word):
            if code in columns:
                self._hits[index, columns[code]] += 1.0
                hit = True
        if index == len(self._facts):
            self._facts.append((len(rows), hit))
        else:
            self._facts[index] = (len(rows), hit)
        self._word_ids[word] = index
        self._size += 1
        return index

    def score(self, text: str, limit: int | None = None) -> Scores:
        """Score one text (its first ``limit`` characters when given).

        The same computation as :meth:`score_many` for a list of one text, without
        the bookkeeping that many texts need.
        """
        import numpy as np

        words = (text[:limit] if limit is not None else text).split()
        if not words:
            return self.score_many([text], limit)[0]
        with self._lock:
            if self._size and self._size + len(words) > WORD_CACHE_SIZE:
                self._word_ids.clear()
                self._size = 0
            get = self._word_ids.get
            add = self._add_word
            ids = [i if (i := get(word)) is not None else add(word) for word in words]
            facts = list(map(self._facts.__getitem__, ids))
            index_array = np.asarray(ids, dtype=np.intp)
            vectors = self._vectors[index_array]
            hits = self._hits[index_array]
        # As score_many: a word without n-grams weighs nothing; plain words weigh 1 or
        # are function words.
        weights = _word_weights(words)
        ngrams = plain = 0
        for position, (count, hit) in enumerate(facts):
            if count:
                ngrams += count
            else:
                weights[position] = 0.0
            if hit or weights[position] == 1.0:
                plain += 1
        repeated = _repeated(words)
        if repeated:
            hits[repeated] = 0.0
            for position in repeated:
                weights[position] = 0.0
        weight_array = np.asarray(weights, dtype=np.float64)
        return Scores(
            (vectors * weight_array[:, None]).sum(axis=0),
            float(weight_array.sum()),
            ngrams,
            hits.sum(axis=0, dtype=np.float64),
            plain,
        )

    def score_many(self, texts: Sequence[str], limit: int | None = None) -> list[Scores]:
        """Score many texts at once; each result equals scoring that text alone.

        Each distinct word is scored once (the sum of its n-gram rows) and kept in a
        bounded cache; a text's score is the sum of its words' scores, in order, so
        the result never depends on what was scored before.
        """
        import numpy as np

        split = [(text[:limit] if limit is not None else text).split() for text in texts]
        with self._lock:
            if self._size and self._size + sum(map(len, split)) > WORD_CACHE_SIZE:
                # Start over between calls, never during one: ids below must stay valid.
                self._word_ids.clear()
                self._size = 0
            get = self._word_ids.get
            add = self._add_word
            bounds = [0]
            ids: list[int] = []
            weights: list[float] = []
            repeats: list[int] = []
            for words in split:
                repeats.extend(len(ids) + position for position in _repeated(words))
                ids.extend([i if (i := get(word)) is not None else add(word) for word in words])
                weights.extend(_word_weights(words))
                bounds.append(len(ids))
            index_array = np.asarray(ids, dtype=np.intp)
            vectors = self._vectors[index_array]
            counts = self._counts[index_array]
            hits = self._hits[index_array]
        weight_array = np.asarray(weights, dtype=np.float64)
        weight_array[counts == 0] = 0.0
        plain = (weight_array == 1.0) | hits.any(axis=1)
        if repeats:
            weight_array[repeats] = 0.0
            hits[repeats] = 0.0
        weighted = vectors * weight_array[:, None]
        width = len(self.languages)
        out = []
        for start, end in itertools.pairwise(bounds):
            function_words = hits[start:end].sum(axis=0, dtype=np.float64)
            if end == start:
                out.append(Scores(np.zeros(width), 0.0, 0, function_words, 0))
                continue
            out.append(
                Scores(
                    weighted[start:end].sum(axis=0),
                    float(weight_array[start:end].sum()),
                    int(counts[start:end].sum()),
                    function_words,
                    int(plain[start:end].sum()),
                )
            )
        return out


#: What is stripped from a word's ends before it is compared with the words before it:
#: ASCII punctuation, the General Punctuation block (dashes, curly quotes, ellipsis) and
#: the Spanish and French marks.
_PUNCTUATION = (
    string.punctuation + "".join(map(chr, range(0x2000, 0x2070))) + "¡¿«»"
)


def _repeated(words: Sequence[str]) -> list[int]:
    """The positions of the words that repeat an earlier word of the same text (case and
    punctuation aside): ``"No, no, no."`` is one word's evidence, not three."""
    seen: set[str] = set()
    repeated = []
    for position, word in enumerate(words):
        key = word.strip(_PUNCTUATION).casefold()
        if key in seen:
            repeated.append(position)
        elif key:
            seen.add(key)
    return repeated


def _word_weights(words: Sequence[str]) -> list[float]:
    """The weight of each word of one text: 1, or :data:`NAME_WEIGHT` for a likely name.

    A word that starts with a capital letter and is written in ASCII letters is taken
    for a name (romanized Korean and Chinese names such as ``Pyongyang`` or ``Jong-un``
    are what fools the profiles), except the first word of a sentence when the word
    after it starts in lower case (``Defectors met ...``): that one is most likely a
    common word with a capital only because of its place. Capitalized words with other
    letters (German nouns such as ``Flüchtlinge``, ``Brüssel``) count in full.
    """
    weights = [NAME_WEIGHT if word[0].isupper() and word.isascii() else 1.0 for word in words]
    last = len(words) - 1
    for position in [i for i, weight in enumerate(weights) if weight != 1.0]:
        if position < last and words[position + 1][0].islower():
            previous = words[position - 1].rstrip(_CLOSING) if position else "."
            if previous[-1:] in _SENTENCE_END:
                weights[position] = 1.0
    return weights


def _normalization_table() -> dict[int, str]:
    """langdetect's per-character normalization as a ``str.translate`` table."""
    from langdetect.utils.ngram import NGram

    table: dict[int, str] = {}
    for cp in range(0x10000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        char = chr(cp)
        normal = NGram.normalize(char)
        if normal != char:
            table[cp] = normal
    # Characters beyond the Basic Multilingual Plane are not in any scored profile.
    return table


@functools.lru_cache(maxsize=1)
def load_model() -> ProfileModel:
    """Return the process-wide :class:`ProfileModel`, built on first use."""
    logger.debug("loading langdetect profiles")
    return ProfileModel()
