"""Script profiles: letters counted per script by the compiled table, links neutral."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from nkcorpus.text.scripts import classify, link_spans, script_profile
from tests.strategies import texts

SAMPLES = {
    "Latin": "Kim Jong-un Überläufer người",
    "Hangul": "김정은탈북민",
    "Han": "金正恩朝鲜朝鮮",
    "Hiragana": "ひらがな",
    "Katakana": "カタカナ",
    "Cyrillic": "Перебежчики",
    "Greek": "Ελλάδα",
}


@given(st.lists(st.sampled_from(sorted(SAMPLES)), min_size=1, max_size=8), st.sampled_from(" ,.1"))
def test_counts_match_the_letters_of_each_script(scripts: list[str], glue: str) -> None:
    """Glued samples give exactly the letters of each script; glue characters are neutral."""
    text = glue.join(SAMPLES[name] for name in scripts)
    profile = script_profile(text)
    for name in set(scripts):
        expected = sum(
            sum(1 for c in SAMPLES[name] if unicodedata.category(c).startswith("L"))
            for n in scripts
            if n == name
        )
        assert profile.count(name) == expected
    assert profile.letters + profile.neutral == len(text)


@given(texts)
def test_every_character_is_counted_once(text: str) -> None:
    """Letters plus neutral characters add up to the length of any text, surrogates included."""
    profile = script_profile(text)
    assert profile.letters + profile.neutral == len(text)
    assert len(classify(text)) == len(text)
    assert profile.simplified + profile.traditional <= profile.count("Han")


def test_non_letters_are_neutral() -> None:
    """Digits, punctuation, symbols, spaces and circled letters are not letters of any script."""
    profile = script_profile("2012-03-14 07:41 ⓕ ★ — “” () ①")
    assert profile.letters == 0


def test_links_are_neutral_and_found() -> None:
    """URLs and e-mail addresses are found and their letters do not count."""
    text = "Write to taylor55@donga.com or see https://www.koreatimes.co.kr/a?b=1 and www.nk.org."
    assert [text[s:e] for s, e in link_spans(text)] == [
        "taylor55@donga.com",
        "https://www.koreatimes.co.kr/a?b=1",
        "www.nk.org",
    ]
    assert script_profile(text).count("Latin") == len("Writetoorseeand")
    assert script_profile("no links here").letters == 11
    assert link_spans("a @ b, 3 // 4") == []


def test_simplified_and_traditional_evidence() -> None:
    """Characters used by one standard only are counted; shared ones are not."""
    profile = script_profile("金正恩 朝鲜 國")
    assert (profile.simplified, profile.traditional) == (1, 1)
    assert profile.main == "Han"
