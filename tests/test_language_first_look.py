"""The first look at a passage: what is decided before the slower models are read."""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nkcorpus.language import detect as detect_module
from nkcorpus.language import evidence as evidence_module
from nkcorpus.language import firstlook
from nkcorpus.language import lexicon as lexicon_module
from nkcorpus.language.decide import decide
from nkcorpus.language.detect import detect
from nkcorpus.language.evidence import complete, latin_evidence, whole_text_evidence
from nkcorpus.language.lexicon import load_lexicon
from nkcorpus.language.neutral import (
    _PART,
    TYPOGRAPHIC,
    _has_ascii_date_word,
    _has_date_word_near_numbers,
    _is_part,
    ascii_blanked,
    classify,
    typeset_blanked,
)
from nkcorpus.language.options import LanguageOptions
from nkcorpus.text.scripts import classify as classify_scripts

from .strategies import texts

_WORDS = sorted(
    {
        word
        for words in json.loads(
            (resources.files("nkcorpus.language") / "data" / "function_words.json").read_text(
                encoding="utf-8"
            )
        ).values()
        for word in words
    }
)
_TOKENS = st.one_of(
    st.sampled_from(_WORDS),
    st.sampled_from(_WORDS).map(str.upper),
    st.sampled_from(_WORDS).map(str.title),
    st.tuples(
        st.sampled_from("«“(\"'"), st.sampled_from(_WORDS), st.sampled_from(".,;:!?”»)'")
    ).map("".join),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Z", "C"]), max_size=8),
)


def _counted(text: str) -> dict[str, int]:
    """Function words per language, one token at a time through the exact lookup."""
    found: dict[str, int] = {}
    for token in text.split():
        for language in load_lexicon().hits(token):
            found[language] = found.get(language, 0) + 1
    return found


@given(st.lists(_TOKENS, max_size=25).map(" ".join))
def test_quick_function_word_count_equals_the_exact_lookup(text: str) -> None:
    """The quick count that decides clear sentences finds exactly the function words that
    the token-by-token lookup finds: case, punctuation, apostrophes and acronyms alike."""
    assert load_lexicon().tally(text) == _counted(text)


@given(texts)
def test_quick_function_word_count_on_any_text(text: str) -> None:
    """Any text, whatever its scripts and marks, gets the same counts both ways."""
    assert load_lexicon().tally(text) == _counted(text)


@given(texts)
def test_date_tokens_are_found_as_before(text: str) -> None:
    """Screening tokens before the date pattern changes no answer: a token is part of a date
    exactly when the full pattern says so."""
    for token in text.split():
        token = token.strip("()[]{}.;:\"'“”‘’")
        assert _is_part(token) == bool(token and _PART.fullmatch(token))


def _forbidding_models(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: Any, **_kwargs: Any) -> Any:
        raise AssertionError("no model should be read")

    monkeypatch.setattr(evidence_module, "probabilities", refuse)
    monkeypatch.setattr(evidence_module, "_full", refuse)


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []
    real: Callable[..., Any] = evidence_module.probabilities

    def counted(text: str, *args: Any) -> Any:
        calls.append(text)
        return real(text, *args)

    monkeypatch.setattr(evidence_module, "probabilities", counted)
    return calls


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The report said that the families of the prisoners were not told where they are.", "en"),
        ("Les familles des prisonniers ne savent pas où ils sont et elles ont peur.", "fr"),
        ("Die Familien der Gefangenen wissen nicht, wo sie sind, und sie haben Angst.", "de"),
    ],
)
def test_function_words_decide_a_clear_sentence_without_models(
    monkeypatch: pytest.MonkeyPatch, text: str, language: str
) -> None:
    """A sentence full of one language's function words is decided without reading fastText
    or the n-gram profiles, with a confidence near certainty."""
    _forbidding_models(monkeypatch)
    found = detect(text)
    assert found.language == language
    assert found.confidence > 0.99


def test_function_words_give_way_to_a_disagreeing_context(monkeypatch: pytest.MonkeyPatch) -> None:
    """When the passage sits in a context of another language, every model is read before
    deciding; a clear English sentence stays English."""
    text = "The report said that the families of the prisoners were not told where they are."
    evidence = whole_text_evidence(text, None, 2000)
    assert evidence.function_words is not None
    calls = _counting(monkeypatch)
    assert decide(evidence, 0.0, context="en").language == "en"
    assert calls == []
    assert decide(evidence, 0.0, context="fr").language == "en"
    assert calls == [text]


@pytest.mark.parametrize(
    "text",
    [
        "What do you do?",
        "im traveling to lourdes for a day",
        "But where in nigeria?",
        "$2.8b - Value of Bechtel Corp contracts in Iraq.",
    ],
)
def test_fasttext_is_not_trusted_alone_against_the_function_words(text: str) -> None:
    """Short informal English that fastText takes for Italian or German (above its own
    threshold) is read by every engine, because its function words are English."""
    assert detect(text).language == "en"


def test_long_han_run_is_chinese_without_fasttext(monkeypatch: pytest.MonkeyPatch) -> None:
    """Han text of sixteen characters or more without kana is Chinese without reading
    fastText (Japanese running text writes kana); Simplified characters make it zh-Hans."""
    text = "朝鲜民主主义人民共和国最高领导人今天在平壤会见了代表团"
    _forbidding_models(monkeypatch)
    found = detect(text)
    assert found.language == "zh-Hans"
    assert found.confidence > 0.95


def test_long_han_run_in_a_japanese_context_asks_fasttext(monkeypatch: pytest.MonkeyPatch) -> None:
    """Inside a Japanese document a long Han run is weighed with fastText, as a short one is:
    Japanese titles and names are written in Han alone."""
    text = "東京都千代田区永田町国立国会図書館東京本館資料"
    evidence = whole_text_evidence(text, None, 2000)
    calls = _counting(monkeypatch)
    assert decide(evidence, 0.0).language.startswith("zh")
    assert calls == []
    decide(evidence, 0.0, context="ja")
    assert calls == [text]


def test_short_han_run_still_asks_fasttext(monkeypatch: pytest.MonkeyPatch) -> None:
    """A short Han run (a name, a title) is weighed between Chinese and Japanese by fastText."""
    calls = _counting(monkeypatch)
    detect("東京大学")
    assert calls == ["東京大学"]


@pytest.mark.parametrize(
    ("text", "language"),
    [("- U P D A T E D -", "en"), ("C O M M U N I Q U É   D E   P R E S S E", "fr")],
)
def test_letter_spaced_words_are_read_as_words(text: str, language: str) -> None:
    """A heading written with spaces between its letters is read as the word it spells
    (letter by letter, ``U P D A T E D`` looks like Catalan to the models)."""
    assert detect(text).language == language


ENGINE_SETS = [
    combination
    for size in range(1, len(evidence_module.ENGINES) + 1)
    for combination in itertools.combinations(evidence_module.ENGINES, size)
    if "lingua" not in combination  # lingua's models take tens of seconds to load
]


def test_a_word_fasttext_places_outside_its_script_still_gets_an_answer() -> None:
    """With fastText as the only engine, a word whose fastText labels are none of its
    script's languages ('estas') is decided from the rest of the evidence, not a crash."""
    detection = detect("estas", LanguageOptions(engines=("fasttext",)))
    assert detection.language == "und" or detection.confidence > 0


@given(text=texts, engines=st.sampled_from(ENGINE_SETS))
def test_detection_never_raises_whatever_the_engines(text: str, engines: tuple[str, ...]) -> None:
    """Any text, with any combination of engines, gives a detection with a confidence
    between 0 and 1."""
    detection = detect(text, LanguageOptions(engines=engines))
    assert 0.0 <= detection.confidence <= 1.0


@given(st.lists(_TOKENS, max_size=25).map(" ".join))
def test_function_words_counted_from_tokens_or_text_alike(text: str) -> None:
    """Counting the function words of a text's tokens (as the first look does, which has
    split the text already) gives the counts of the text itself."""
    assert load_lexicon().tally(text.split()) == load_lexicon().tally(text)


@given(st.one_of(texts, st.text(alphabet=st.characters(max_codepoint=127), max_size=80)))
def test_ascii_evidence_equals_the_general_evidence(text: str) -> None:
    """The shortcut for ASCII text (Latin letters and neutral characters, links, tags and
    dates blanked without a table of classes) gathers the same evidence as the general
    path, so detection does not depend on which path a text takes."""
    plain = ascii_blanked(text)
    if plain is None:
        return
    classes, blanked = classify(text)
    assert plain == (blanked, int((classes == 1).sum()))
    assert latin_evidence(*plain, 2000) == whole_text_evidence(text, None, 2000)


_TYPESET = st.lists(
    st.one_of(
        st.sampled_from(
            [*TYPOGRAPHIC, " ", "  ", ",", ".", "1", "2018", "@", "://", "www.", "<b>"]
        ),
        st.sampled_from([*_WORDS[::7], "May", "Tue", "pm", "It", "s", "é", "Ж"]),
    ),
    max_size=20,
).map("".join)


def test_typographic_characters_are_neutral() -> None:
    """No typographic character is a letter of any script: a text of ASCII and these has
    Latin letters and neutral characters only."""
    assert not classify_scripts(TYPOGRAPHIC, links=False).any()


@given(st.one_of(_TYPESET, texts))
def test_typeset_evidence_equals_the_general_evidence(text: str) -> None:
    """The shortcut also serves text with curly quotes, dashes and other typographic
    characters (``It’s “fine” — really…``): it blanks and counts what the general path
    does, and gathers the same evidence, so a sentence's language and confidence do not
    depend on how its quotes are typeset."""
    plain = typeset_blanked(text) if not text.isascii() else ascii_blanked(text)
    if plain is None:
        assert not set(text) <= set(TYPOGRAPHIC) | _ASCII
        return
    classes, blanked = classify(text)
    assert plain == (blanked, int((classes == 1).sum()))
    assert latin_evidence(*plain, 2000) == whole_text_evidence(text, None, 2000)


_ASCII = {chr(code) for code in range(128)}
_DATE_WORDS = ["May", "may", "JAN", "Tue", "sept", "pm", "a", "th", "dismay", "Mayo", "the"]
_DATE_PIECES = st.sampled_from(
    [*_DATE_WORDS, "x" * 17, "1", "24", "2018", " ", "  ", "   ", ",", ".", "\n", "\t", "\x1c", "_"]
)


@given(
    st.one_of(
        st.lists(_DATE_PIECES, max_size=10).map("".join),
        st.text(alphabet=st.characters(max_codepoint=127), max_size=60),
    )
)
def test_ascii_dates_found_as_in_any_text(text: str) -> None:
    """ASCII text is searched for a month or weekday name next to a number in one pass;
    it finds a date exactly where the search for any text does, so a sentence's language
    does not depend on which search read it."""
    assert _has_ascii_date_word(text) == _has_date_word_near_numbers(text)


@pytest.mark.parametrize(
    "text",
    ["See http://example.org/a today", "Mail kim@example.org on May 24, 2018 <b>now</b>"],
)
def test_ascii_links_and_dates_are_blanked_as_the_general_path_does(text: str) -> None:
    """Links, e-mail addresses, tags and dates in ASCII text are blanked by the shortcut
    exactly as by the general path."""
    plain = ascii_blanked(text)
    assert plain is not None and plain[0] == classify(text)[1] != text


@given(st.lists(st.sampled_from(["a", "b", "é", "1", "-", "ab", "U", "P"]), max_size=12))
def test_letter_spaced_words_need_four_one_character_tokens(tokens: list[str]) -> None:
    """A letter-spaced word (``U P D A T E D``) is looked for only where a text has four
    one-character tokens: every text the pattern matches has them."""
    text = " ".join(tokens)
    if firstlook._SPACED.search(text):
        assert [len(token) for token in text.split()].count(1) >= 4


@pytest.mark.parametrize(
    "text",
    [
        "The families of the prisoners were told.",  # three English function words
        "Il a dit que la famille était là.",  # French
    ],
)
def test_three_function_words_two_ahead_decide_alone(
    monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    """Three function words of one language, two more than any other language has, decide
    a sentence without reading a model."""
    tally = load_lexicon().tally(text)
    ranked = sorted(tally.values(), reverse=True)
    assert ranked[0] >= 3
    assert ranked[0] - (ranked[1] if len(ranked) > 1 else 0) >= 2
    _forbidding_models(monkeypatch)
    assert detect(text).language == ("en" if text.startswith("The") else "fr")


@pytest.mark.parametrize(
    "text",
    [
        "Somebody left two bags outside before noon.",
        "Nobody knew whether anyone else would come either.",
        "Perhaps three hundred people were already waiting around the corner.",
    ],
)
def test_english_closed_classes_beyond_the_commonest_decide_alone(
    monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    """English prepositions, indefinite pronouns, adverbs of degree and number words
    (``before``, ``somebody``, ``either``, ``perhaps``, ``two``) are function words: a
    sentence made of them is decided without reading a model."""
    _forbidding_models(monkeypatch)
    assert detect(text).language == "en"


@pytest.mark.parametrize(
    ("word", "text", "language"),
    [
        ("four", "Il faut cuire le pain au four pendant une heure.", "fr"),
        ("under", "Under sommaren reser vi till landet.", "sv"),
        ("sorta", "È una sorta di festa per tutti.", "it"),
    ],
)
def test_english_words_other_languages_write_are_not_english_function_words(
    word: str, text: str, language: str
) -> None:
    """A word that another scored language writes as a word of its own (French *four*,
    Swedish *under*, Italian *sorta*) is no English function word: it would count for
    English alone in that language's sentences."""
    assert "en" not in load_lexicon().languages_of(word)
    assert detect(text).language == language


def test_fasttext_decides_three_words_with_two_in_lower_case(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A short question with two lower-case words ('Any feedback from Rick Buy?') is decided
    by fastText's first look alone; a pair of words never is (two words are too few)."""
    calls = _counting(monkeypatch)
    evidence = whole_text_evidence("Any feedback from Rick Buy?", None, 2000)
    assert evidence.scores is None and evidence.fasttext
    assert len(calls) == 1
    assert whole_text_evidence("hai giờ", None, 2000).scores is not None


@pytest.mark.parametrize(
    "text",
    [
        "Mary John, Russell Dyk, Webb Jennings, Martin Gonzales",
        "Digital Humanities Clinics -",
        "Executive Committee Weekly Meeting",
    ],
)
def test_fasttext_decides_a_line_of_names_alone(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    """A line of capitalized names or title words without a function word (from the English
    tuning and training treebanks) is judged by fastText's first look alone when fastText is sure: the same
    language as when every engine is read, and, as then, no evidence of its own."""
    calls = _counting(monkeypatch)
    evidence = whole_text_evidence(text, None, 2000)
    assert evidence.scores is None and evidence.fasttext
    assert len(calls) == 1
    alone = decide(evidence, 0.0)
    every = decide(complete(evidence), 0.0)
    assert every.language == alone.language == "en"
    assert not alone.evidence and not every.evidence


def test_a_title_with_a_function_word_reads_every_engine() -> None:
    """A capitalized title with a function word in it ('Of') has evidence of its own, so it
    is not left to fastText's first look."""
    evidence = whole_text_evidence("King Of Fighters XIV.", None, 2000)
    assert evidence.scores is not None
    assert decide(evidence, 0.0).evidence


#: The ``(kind, language, text)`` cases of the language benchmark's tuning split.
_TUNE = [
    tuple(line.split("\t", 2))
    for line in (Path(__file__).parent / "cases" / "language" / "tune.tsv")
    .read_text(encoding="utf-8")
    .splitlines()
]
_TUNE_SENTENCES = sorted(
    text for kind, _language, text in _TUNE if kind == "sentence" and text.isascii()
)


@given(
    st.one_of(
        st.sampled_from(_TUNE_SENTENCES),
        st.text(alphabet=st.characters(max_codepoint=127), max_size=80),
    )
)
def test_the_ascii_shortcut_decides_as_the_evidence_does(text: str) -> None:
    """An ASCII text (tuning sentences, any ASCII text) that the first look settles gets the
    same language, confidence and candidates from detect() as from its evidence and
    decide(), whether the function words or fastText settled it."""
    found = detect(text)
    decision = decide(whole_text_evidence(text, None, 2000), 0.0, prior=LanguageOptions().prior)
    assert (found.language, found.confidence, found.candidates) == (
        decision.language,
        decision.confidence,
        decision.candidates,
    )


_EAST_ASIAN_TUNE = sorted(text for _kind, language, text in _TUNE if language in ("ko", "zh", "ja"))
#: Hangul, Han (Simplified-only, Traditional-only and shared), kana, Latin, digits and
#: punctuation, in the mixtures that real pages hold.
_EAST_ASIAN_CHARS = (
    "김정은평양북한朝鲜鮮會会金正恩国國の한テレビ東京ひらがなカタカナKim Jong 2018.,「」 "
)


@given(
    st.one_of(
        st.sampled_from(_EAST_ASIAN_TUNE),
        st.text(alphabet=_EAST_ASIAN_CHARS, max_size=60),
        st.tuples(st.sampled_from(_EAST_ASIAN_TUNE), st.text(alphabet=_EAST_ASIAN_CHARS)).map(
            "".join
        ),
    ),
    st.sampled_from([0.0, 0.5, 0.99]),
)
def test_letters_settle_east_asian_text_as_the_evidence_does(
    text: str, min_confidence: float
) -> None:
    """Korean, Japanese and long Han runs that detect() settles from their letters alone
    get the same language, confidence and candidates as from their evidence and decide(),
    at any abstention threshold; other mixtures take the full path."""
    options = LanguageOptions(min_confidence=min_confidence)
    found = detect(text, options)
    evidence = whole_text_evidence(text, None, options.max_chars)
    decision = decide(evidence, min_confidence, prior=options.prior)
    assert (found.language, found.confidence, found.candidates) == (
        decision.language,
        decision.confidence,
        decision.candidates,
    )


def test_korean_and_long_han_runs_are_settled_without_gathering_evidence(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A Korean sentence, a Japanese one and a long Chinese one are decided from their
    letters: no evidence is gathered for them, as none is needed."""

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("evidence gathered for a text its letters settle")

    monkeypatch.setattr(detect_module, "whole_text_evidence", refuse)
    assert detect("북한 인권 문제에 대한 보고서가 발표되었다.").language == "ko"
    assert detect("東京で会議がありました。").language == "ja"
    assert detect("朝鲜民主主义人民共和国最高领导人今天在平壤会见了代表团").language == "zh-Hans"
    with pytest.raises(AssertionError):
        detect("東京大学")  # a short Han run: fastText weighs Chinese against Japanese


@given(st.lists(_TOKENS, max_size=120))
def test_function_words_counted_per_language_as_tallied(tokens: list[str]) -> None:
    """The counts of every language at once (a byte per language up to
    ``PACKED_TOKENS`` tokens, a list beyond) are the tally's counts, and they decide a
    passage exactly as the tally does."""
    lexicon = load_lexicon()
    counts = lexicon.counts(tokens)
    tally = lexicon.tally(tokens)
    assert list(counts) == [tally.get(language, 0) for language in lexicon.languages]
    most, decided = firstlook.decided_by_counts(counts, lexicon.languages)
    assert most == max(tally.values(), default=0)
    assert decided == firstlook.decided_by_function_words(tally)


def test_many_function_words_of_one_language_are_counted_in_full() -> None:
    """Two French function words in each token (``qu'il``), in as many tokens as the byte
    counts take, and more: no count wraps around."""
    lexicon = load_lexicon()
    french = lexicon.positions["fr"]
    for size in (lexicon_module.PACKED_TOKENS, lexicon_module.PACKED_TOKENS + 1, 400):
        counts = lexicon.counts(["qu'il"] * size)
        assert counts[french] == lexicon.tally(["qu'il"] * size)["fr"] == 2 * size


def test_lingua_gives_the_same_confidences_for_the_same_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """lingua's own confidences for one text vary in their last bits from call to call;
    nkcorpus's reading of them does not (a small detector, to load quickly)."""
    import lingua

    from nkcorpus.language import lingua_model

    codes = (lingua.IsoCode639_1.EN, lingua.IsoCode639_1.DE, lingua.IsoCode639_1.NL)
    small = lingua.LanguageDetectorBuilder.from_iso_codes_639_1(*codes).build()
    monkeypatch.setattr(lingua_model, "_detector", lambda: small)
    text = "Hello dear list members,"
    read = {lingua_model.probabilities(text) for _ in range(100)}
    assert len(read) == 1, read
    assert abs(sum(p for _code, p in read.pop()) - 1.0) < 1e-6
