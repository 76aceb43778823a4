"""Function words: the very frequent short words that tell short texts apart.

Character n-grams need a few words before they separate close languages: in
``The meeting was held in Brussels.`` English, Dutch and Afrikaans share most
letter sequences. Function words (articles, pronouns, prepositions,
conjunctions, forms of *be* and *have*, the reporting verb *said*) settle such
sentences: ``the`` is English, ``het`` Dutch, ``les`` French, ``und`` German.

The lexicon is hand-written data shipped with nkcorpus
(``nkcorpus/language/data/function_words.json``): 35 to 75 words for each of the 31
Latin-script languages that :mod:`nkcorpus.language.decide` scores, and 255 for
English, the main alphabetic language of the corpora nkcorpus is built for: its closed
classes in full (``your``, ``because``, ``through``, ``whether``, ``all``, ``let``,
``before``, ``beyond``, ``unless``, ``nor``, ``another``, ``someone``, ``whatever``), the
honorifics (``Mr``, ``Mrs``, ``Ms``), the greetings of letters (``dear``, ``hello``), the
number words (``two``, ``three``, ``hundred``), a few frequent words no other scored
language writes (``like``, ``really``, ``thanks``, ``perhaps``, ``already``) and the words
of speech and chat (``yeah``, ``okay``, ``um``, ``uh``, ``gonna``, ``kinda``, ``hey``,
``didnt``), so that most English sentences are settled by their function words without a
model (four in five of the English treebank sentences nkcorpus was tuned on). English
words that another scored language writes as a word of its own are left out where it has
no function word of that spelling (``four``, ``six`` and ``ours`` are French, ``ten``
Dutch, ``under`` Swedish, ``sorta`` Italian): they would count for English alone. A word
may belong to several languages (``de`` is Dutch, French, Spanish, Portuguese, Catalan,
Romanian and Turkish); it then counts for each of them, and so only separates those
languages from the others.

A whitespace-separated token is looked up once its surrounding punctuation is
removed, in lower case, in Unicode NFC, with typographic apostrophes made
straight and ``ş``/``ţ`` written with a comma below (Romanian writes both; the
lexicon's words are normalized the same way, so Turkish ``şu`` is still found). A token with an
apostrophe inside is also looked up by its parts: ``l'homme`` gives ``l'`` (French,
Italian, Catalan) and ``homme``, except where the part after the apostrophe is an English
clitic (:data:`CLITICS`: ``that's``, ``don't``, ``we're``, ``Enron's``): that part is an
English function word, not the word it spells alone (``s`` is the Czech, Slovak, Slovene
and Croatian *with*), and the part before it is looked up without its apostrophe
(``that``), or the whole token where the lexicon has it (``don't``). Acronyms (all
capitals, two letters or more) and tokens with digits, hyphens or other marks inside
(``Jong-un``, ``U.S.``) are never function words, so names do not turn into evidence
(``un`` is French, ``Jong-un`` is nothing); nor is one letter with a full stop, an initial
or an abbreviation (``Kim J. Park``, ``Samuels v. Mackell``: ``v`` is the Czech *in*).

>>> lexicon = load_lexicon()
>>> lexicon.languages_of("«Nous")
('fr',)
>>> lexicon.languages_of("qu'il")
('fr', 'it')
>>> lexicon.languages_of("Jong-un"), lexicon.languages_of("UN"), lexicon.languages_of("v.")
((), (), ())
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from collections.abc import Mapping, Sequence
from importlib import resources

__all__ = [
    "CLITICS",
    "PACKED_TOKENS",
    "TOKEN_CACHE_SIZE",
    "Lexicon",
    "load_lexicon",
    "lookup_keys",
]

#: How many distinct tokens :meth:`Lexicon.tally` (and :meth:`Lexicon.counts`) keeps with
#: their languages.
TOKEN_CACHE_SIZE = 100_000
#: Up to this many tokens, :meth:`Lexicon.counts` adds the counts of all languages at
#: once, a byte per language: a token holds at most three function words of one language
#: (its whole form and its two parts around an apostrophe: ``qu'il`` holds two French
#: ones), so no count passes 255.
PACKED_TOKENS = 85

#: The English clitics, as written after an apostrophe (``'s``, ``n't``, ``'re``, ``'ll``,
#: ``'ve``, ``'m``, ``'d``), with their language: each counts as one function word of it.
CLITICS: dict[str, str] = dict.fromkeys(("s", "t", "re", "ll", "ve", "m", "d"), "en")

# Typographic apostrophes, and the grave and acute accents that keyboards without an
# apostrophe key write for one (``Mama`s``, ``don´t``).
_APOSTROPHES = str.maketrans(
    {"’": "'", "ʼ": "'", "‘": "'", "`": "'", "´": "'", "ş": "ș", "ţ": "ț"}
)
# ASCII punctuation around a word (not the apostrophe: Afrikaans writes 'n).
_PUNCTUATION = '"()[]{}<>.,;:!?*-/'
_CORE = re.compile(r"\W*?('n|[^\W\d_]+(?:'[^\W\d_]+)*)'?\W*")
_INITIALS = frozenset("ABCDEFGHJKLMNOPQRSTUVWXYZabcdefghjklmnopqrstuvwxyz")


def _initial(token: str) -> bool:
    """Whether ``token`` is one ASCII letter and a full stop (``J.``, ``v.``, ``A.``): an
    initial or an abbreviation, never a function word, except ``I.`` (the English pronoun
    ends sentences; so may the Italian ``è``, which is not ASCII)."""
    return len(token) == 2 and token[1] == "." and token[0] in _INITIALS


def lookup_keys(token: str) -> tuple[str, ...]:
    """Return the forms of one whitespace-separated token to look up in the lexicon.

    >>> lookup_keys("“L’Homme,"), lookup_keys("Jong-un"), lookup_keys("NGO")
    (("l'homme", "l'", 'homme'), (), ())
    """
    token = unicodedata.normalize("NFC", token).translate(_APOSTROPHES)
    match = _CORE.fullmatch(token)
    if match is None:
        return ()
    core = match.group(1)
    if len(core) > 1 and core.isupper():
        return ()
    core = core.lower()
    if "'" not in core or core == "'n":
        return (core,)
    first, _, rest = core.partition("'")
    return (core, first + "'", rest)


class Lexicon:
    """Function words of each language, for lookups by token.

    Args:
        words: for each language code, its function words (as in the shipped JSON file).

    Attributes:
        languages: the languages with function words, sorted.
        positions: the position of each language in ``languages``.
    """

    def __init__(self, words: Mapping[str, list[str] | tuple[str, ...]]) -> None:
        self.languages: tuple[str, ...] = tuple(sorted(words))
        index: dict[str, list[str]] = {}
        for language in self.languages:
            for word in words[language]:
                key = unicodedata.normalize("NFC", word).translate(_APOSTROPHES).lower()
                index.setdefault(key, []).append(language)
        self._index = {word: tuple(sorted(set(langs))) for word, langs in index.items()}
        self._known: dict[str, tuple[str, ...]] = {}
        self.positions: dict[str, int] = {code: i for i, code in enumerate(self.languages)}
        # Each token's languages as one integer, a byte per language (see counts()).
        self._packed: dict[str, int] = {}

    def hits(self, token: str) -> list[str]:
        """Return one language code per function word found in ``token`` (repeats allowed).

        ``qu'il`` gives ``['fr', 'fr', 'it']``: ``qu'`` is French, ``il`` French and Italian;
        ``that's`` gives ``['en', 'en']`` (``that`` and the clitic ``'s``).
        """
        if _initial(token):
            return []
        keys = lookup_keys(token)
        index = self._index
        if len(keys) == 3 and keys[2] in CLITICS and CLITICS[keys[2]] in self.languages:
            core, head, clitic = keys
            whole = index.get(core)
            return [*(whole if whole is not None else index.get(head[:-1], ())), CLITICS[clitic]]
        found: list[str] = []
        for key in keys:
            found.extend(index.get(key, ()))
        return found

    def tally(self, text: str | Sequence[str]) -> dict[str, int]:
        """Count the function words of each language among the tokens of ``text``.

        ``text`` may also be given as its whitespace-separated tokens (``text.split()``),
        when the caller has them already. The same counts as :meth:`hits` over every
        token, made cheap for the common token: an ASCII word is looked up directly,
        other tokens (with punctuation, apostrophes or accents) go through
        :func:`lookup_keys`, and each distinct token is looked up once and kept, with
        its languages, in a bounded table of at most :data:`TOKEN_CACHE_SIZE` tokens,
        emptied when full. A token's languages depend on the token alone, so the counts
        never depend on what was counted before.

        >>> load_lexicon().tally("What do you do?")["en"]
        4
        """
        tokens = text.split() if isinstance(text, str) else text
        known = self._known
        try:
            looked_up = [known[token] for token in tokens]
        except KeyError:
            if len(known) + len(tokens) > TOKEN_CACHE_SIZE:
                known.clear()
            get = known.get
            looked_up = [
                languages if (languages := get(token)) is not None else self._remember(token)
                for token in tokens
            ]
        found: dict[str, int] = {}
        for languages in looked_up:
            if languages:
                for language in languages:
                    found[language] = found.get(language, 0) + 1
        return found

    def counts(self, tokens: Sequence[str]) -> Sequence[int]:
        """:meth:`tally` of whitespace-separated ``tokens`` as one count per language of
        :attr:`languages`, in that order (0 for a language without function words).

        Up to :data:`PACKED_TOKENS` tokens, each distinct token is kept (in a bounded
        table, as in :meth:`tally`) with its languages as one integer holding a byte per
        language, so that adding the tokens' integers adds every language's count at once.

        >>> lexicon = load_lexicon()
        >>> lexicon.counts(["What", "do", "you", "do?"])[lexicon.positions["en"]]
        4
        """
        if len(tokens) > PACKED_TOKENS:
            tally = self.tally(tokens)
            return [tally.get(language, 0) for language in self.languages]
        packed = self._packed
        try:
            total = sum(map(packed.__getitem__, tokens))
        except KeyError:
            if len(packed) + len(tokens) > TOKEN_CACHE_SIZE:
                packed.clear()
            get = packed.get
            total = sum(
                [
                    value if (value := get(token)) is not None else self._pack(token)
                    for token in tokens
                ]
            )
        return total.to_bytes(len(self.languages), "little")

    def _pack(self, token: str) -> int:
        """One token's languages (:meth:`_token_languages`) as one integer, a byte per
        language of :attr:`languages` (the first language in the lowest byte), kept."""
        positions = self.positions
        value = sum(1 << 8 * positions[language] for language in self._token_languages(token))
        self._packed[token] = value
        return value

    def _remember(self, token: str) -> tuple[str, ...]:
        """The languages of one token's function words (:meth:`_token_languages`), kept."""
        languages = self._token_languages(token)
        self._known[token] = languages
        return languages

    def _token_languages(self, token: str) -> tuple[str, ...]:
        """One language code per function word in ``token`` (repeats allowed), as
        :meth:`hits` gives them, with an ASCII word looked up directly."""
        if _initial(token):
            return ()
        word = token if token.isalpha() else token.strip(_PUNCTUATION)
        if not (word.isalpha() and word.isascii()):
            return tuple(self.hits(token))  # apostrophes, accents, inner marks
        if word.islower():
            return self._index.get(word, ())
        if len(word) > 1 and word.isupper():
            return ()  # an acronym
        return self._index.get(word.lower(), ())

    def languages_of(self, token: str) -> tuple[str, ...]:
        """Return the languages in which ``token`` (or a part of it) is a function word."""
        return tuple(sorted(set(self.hits(token))))


@functools.lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Return the shipped lexicon (read once per process)."""
    path = resources.files("nkcorpus.language") / "data" / "function_words.json"
    return Lexicon(json.loads(path.read_text(encoding="utf-8")))
