"""The translation stage's sentence splitter and its settings (no models needed)."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import nkcorpus
from nkcorpus.errors import ConfigError
from nkcorpus.text.sentences import split_sentences
from nkcorpus.translate.options import TranslateOptions
from tests.tiny_argos import CHINESE, ENGLISH, KOREAN

pieces = st.sampled_from(
    [*ENGLISH, *KOREAN, *CHINESE, " ", "  ", "\n", "\n\n", "\r\n", "\t", "U.N.", "Mr.", "…", "。",
     "?!", "”", "a", "Z"]
)
texts = st.one_of(st.text(max_size=300), st.lists(pieces, max_size=12).map("".join))


def spans_of(text: str, **kwargs: int) -> list[str]:
    """The sentences of ``text`` as strings."""
    return [text[s.start : s.end] for s in split_sentences(text, **kwargs)]


@given(text=texts, max_chars=st.integers(min_value=1, max_value=120))
def test_spans_are_sorted_stripped_and_cover_all_text(text: str, max_chars: int) -> None:
    """Spans are sorted, disjoint, trimmed, no longer than the limit, and miss no character."""
    spans = split_sentences(text, max_chars=max_chars)
    covered = [False] * len(text)
    for span in spans:
        assert 0 <= span.start < span.end <= len(text)
        assert not text[span.start].isspace() and not text[span.end - 1].isspace()
        assert len(span) <= max_chars
        for i in range(span.start, span.end):
            covered[i] = True
    for before, after in itertools.pairwise(spans):
        assert before.end <= after.start
    assert all(covered[i] or char.isspace() for i, char in enumerate(text))


@given(text=texts, data=st.data())
def test_a_range_is_split_inside_the_range(text: str, data: st.DataObject) -> None:
    """Splitting part of a text gives spans of that part only, in positions of the whole text."""
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    spans = split_sentences(text, start, end)
    assert all(start <= s.start and s.end <= end for s in spans)
    shifted = [s.shift(start) for s in split_sentences(text[start:end])]
    assert spans == shifted


def test_sentence_rules() -> None:
    """Enders, abbreviations, initials, lower-case continuations, quotes and CJK punctuation."""
    assert spans_of("Mr. Kim met Dr. Lee at the U.N. in Geneva. Then he left.") == [
        "Mr. Kim met Dr. Lee at the U.N. in Geneva.",
        "Then he left.",
    ]
    assert spans_of('He said "Silence is complicity." Others agreed!') == [
        'He said "Silence is complicity."',
        "Others agreed!",
    ]
    assert spans_of("Wait... what? yes.") == ["Wait... what? yes."]
    assert spans_of("회의가 열렸다. 그들은 요구했다.") == ["회의가 열렸다.", "그들은 요구했다."]
    assert spans_of("他们见面了。会议结束！“真的吗？”他问。") == [
        "他们见面了。",
        "会议结束！",
        "“真的吗？”",
        "他问。",
    ]
    assert spans_of("Title\nFirst line\r\n\n  Second line  ") == [
        "Title",
        "First line",
        "Second line",
    ]


def test_long_sentences_are_cut_at_spaces_or_commas(seed_paths: list[Path]) -> None:
    """No sentence passes the limit, and cuts fall after a space or comma when there is one."""
    text = " ".join(ENGLISH)
    pieces = spans_of(text, max_chars=60)
    assert all(len(piece) <= 60 for piece in pieces)
    assert " ".join(pieces).split() == text.split()
    for path in seed_paths:
        page = path.read_text(encoding="utf-8")
        assert all(len(s) <= 80 for s in spans_of(page, max_chars=80))
    assert spans_of("가" * 25, max_chars=10) == ["가" * 10, "가" * 10, "가" * 5]


def test_bad_ranges_are_errors() -> None:
    """A range outside the text or a zero limit is a caller error."""
    with pytest.raises(ValueError, match="outside"):
        split_sentences("abc", 2, 5)
    with pytest.raises(ValueError, match="max_chars"):
        split_sentences("abc", max_chars=0)


def test_options_defaults_and_validation() -> None:
    """CPU-friendly defaults; bad values name the setting; configs stay hashable."""
    options = TranslateOptions()
    assert (options.device, options.threads, options.inter_threads) == ("cpu", 1, 1)
    assert options.beam_size == 2 and options.batch_size == 32
    for bad in (
        {"device": "tpu"},
        {"threads": -1},
        {"beam_size": 0},
        {"batch_size": True},
        {"compute_type": "int4"},
        {"packages_dir": ""},
    ):
        with pytest.raises(ConfigError, match=f"TranslateOptions.{next(iter(bad))}"):
            TranslateOptions(**bad)  # type: ignore[arg-type]
    config = nkcorpus.Config(translate_to="zh", translate=TranslateOptions(beam_size=4))
    assert hash(config) == hash(
        nkcorpus.Config(translate_to="zh", translate=TranslateOptions(beam_size=4))
    )
    assert config.fingerprint() != nkcorpus.Config(translate_to="zh").fingerprint()
    assert TranslateOptions(packages_dir=Path("/data/argos")).packages_dir == "/data/argos"
