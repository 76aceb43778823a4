"""The first look at a passage: what is decided before the slower models are read."""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable
from importlib import resources
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nkcorpus.language import evidence as evidence_module
from nkcorpus.language.decide import decide
from nkcorpus.language.detect import detect
from nkcorpus.language.evidence import whole_text_evidence
from nkcorpus.language.lexicon import load_lexicon
from nkcorpus.language.neutral import _PART, _is_part
from nkcorpus.language.options import LanguageOptions

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
