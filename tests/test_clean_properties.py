"""Properties of cleaning that hold for any input: idempotence, offsets, no banned characters."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import example, given
from hypothesis import strategies as st

import nkcorpus
from nkcorpus.cleaning.cleaner import clean_text
from nkcorpus.cleaning.mojibake import repair_line
from nkcorpus.cleaning.options import CleanOptions
from nkcorpus.cleaning.unicode import INVISIBLE, ODD_SPACES
from nkcorpus.document import OffsetMap, Span

#: Text like the corpus and worse: CJK, combining marks, emoji, controls, odd spaces,
#: invisible characters, backticks, full-width forms, mojibake and everything else.
_pieces = st.one_of(
    st.characters(codec="utf-8"),
    st.characters(blacklist_categories=("Cs",)),
    st.sampled_from(
        [
            *"가나다김정은로동金正恩朝鲜脱北者ひらがなカタカナｶﾞＡ１，abc XY.\n\n\r\t`'’“”",
            *("\u0301", "\u0308", "\u1100", "\u1161", "\u11a8", "\u200b", "\u200d", "\u00ad"),
            *("\u202e", "\u2066", "\x00", "\x07", "\u00a0", "\u3000", "\u2028", "\ufeff"),
            *("\uf914", "\u212b", "ﬁ", "ㅋ", "👩\u200d👩\u200d👧", "Ã©", "â€™", "\r\n", "  "),
            *("It`s", "\n\n\n", " \n ", "\x92", "\x81"),
        ]
    ),
)
messy = st.lists(_pieces, max_size=60).map("".join)

#: The rules that work character by character: no layout, and no reading of the text as a
#: markdown or HTML document, which is decided for a whole text (``"#\t0"`` alone is a
#: markdown heading; inside ``"\xa0#\t0"`` it is plain text).
CHARACTER_RULES = CleanOptions(
    boilerplate=False, captions=False, metadata=False, markdown=False, html=False
)
_BANNED = re.compile(f"[{INVISIBLE}{ODD_SPACES}\r\u2028\u2029\x0b\x0c\x85]")


def _boundaries(offsets: OffsetMap) -> set[int]:
    """Positions of the clean text where a span may start or end: not inside a replacement."""
    points = {0}
    for cs, ce, _rs, _re, exact in offsets.runs:
        points.update(range(cs, ce + 1) if exact else (cs, ce))
    return points


_BREAKS = re.compile("[\n\r\u2028\u2029\x0b\x0c\x1c-\x1e\x85]")


def _lines_around(text: str, span: Span) -> str:
    """The whole raw lines that ``span`` of ``text`` touches."""
    starts = [m.end() for m in _BREAKS.finditer(text, 0, span.start)]
    end = _BREAKS.search(text, span.end)
    return text[starts[-1] if starts else 0 : end.start() if end else len(text)]


def _plan(text: str) -> list[list[tuple[str, str]]]:
    """ftfy's repair plan of each line of ``text``."""
    return [repair_line(line)[1] for line in _BREAKS.split(text)]


@given(messy)
@example("e\u0301\u200b\u0301 It`s")
@example("Ã©tÃ© â€™ ok")
def test_cleaning_is_idempotent(text: str) -> None:
    """Cleaning clean text changes nothing, with every rule on."""
    once = clean_text(text).text
    assert clean_text(once).text == once


@given(messy, st.data())
def test_each_clean_span_comes_back_from_its_raw_span(text: str, data: st.DataObject) -> None:
    """For every clean span between character boundaries, cleaning its raw span gives it back."""
    cleaned = clean_text(text, CHARACTER_RULES)
    clean = cleaned.text
    points = sorted(p for p in _boundaries(cleaned.offsets) if p <= len(clean))
    if len(clean) == 0:
        return
    for _ in range(5):
        start = data.draw(st.sampled_from(points))
        end = data.draw(st.sampled_from([p for p in points if p >= start]))
        span = Span(start, end)
        piece = clean[start:end]
        if piece != piece.strip(" \n"):
            continue  # a span that starts or ends on a space: its raw cleans to less
        if re.match("[\u200d\ufe0f]", piece) or re.search("\u200d$", piece):
            continue  # a span that cuts an emoji sequence apart at its joiner
        raw = cleaned.offsets.to_raw(span)
        again = clean_text(text[raw.start : raw.end], CHARACTER_RULES).text
        if again != piece:
            # ftfy chooses a line's repair from the whole line: a piece of it may read as
            # another mojibake ("‘â€™" alone is MacRoman to ftfy, "‘â€™˞" is not). That,
            # and nothing else, may make the piece clean differently.
            assert _plan(text[raw.start : raw.end]) != _plan(_lines_around(text, raw)), piece


def test_composed_marks_map_to_their_decomposed_raw() -> None:
    """A base and its marks, composed by NFC, map as a whole to the raw characters."""
    raw = "a\u0308\u0301b  c\n\n\n d"
    cleaned = clean_text(raw)
    assert cleaned.text == "ä\u0301b c\n\nd"
    assert cleaned.offsets.to_raw(Span(0, 1)) == Span(0, 3)
    assert cleaned.offsets.to_raw(Span(0, 2)) == Span(0, 3)
    assert cleaned.offsets.to_raw(Span(2, 3)) == Span(3, 4)
    assert cleaned.offsets.to_raw(Span(4, 5)) == Span(6, 7)
    assert cleaned.offsets.to_raw(Span(7, 8)) == Span(11, 12)


@given(messy)
def test_whole_text_maps_to_raw(text: str) -> None:
    """The map tiles the clean text and stays inside the raw text."""
    cleaned = clean_text(text)
    assert cleaned.offsets.clean_length == len(cleaned.text)
    if cleaned.offsets.runs:
        assert cleaned.offsets.runs[-1][3] <= len(text)
    for removal in cleaned.removed:
        assert 0 <= removal.raw_span.start <= removal.raw_span.end <= len(text)


@given(messy)
@example("Ｎｏｒｔｈ Ｋｏｒｅａ\u00a0\u00a0said\u200b \r\n\r\n\r\nIt`s")
def test_clean_text_holds_none_of_the_removed_classes(text: str) -> None:
    """No invisible or control characters, odd spaces, runs of spaces or of blank lines remain."""
    clean = clean_text(text).text
    assert not _BANNED.search(clean)
    assert "  " not in clean and "\n\n\n" not in clean
    assert " \n" not in clean and "\n " not in clean
    assert clean == clean.strip(" \n")
    assert unicodedata.is_normalized("NFC", clean)
    assert not re.search("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]", clean)
    assert not re.search(r"(?<=\w)`(?=\w)", clean)
    assert not re.search("\u200d(?![\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff])", clean)


@given(st.one_of(messy, st.binary(max_size=200)))
def test_no_input_crashes_it(item: str | bytes) -> None:
    """Any text or bytes gives one document, ok or failed with a message, never an exception."""
    doc = nkcorpus.clean(item, source="x")
    assert doc.source == "x"
    if doc.ok:
        assert doc.offsets.clean_length == len(doc.text)
    else:
        assert doc.failure is not None and doc.failure.message


@given(messy)
def test_nfkc_keeps_hangul_compatibility_jamo(text: str) -> None:
    """NFKC by setting is idempotent and never turns ㅋ or ㄱ into conjoining jamo.

    Mojibake repair is off here: NFKC rewrites Latin-1 characters (``¸`` to a
    space and a combining cedilla) and can uncover a garbled pattern that the
    repair, which runs first, did not see.
    """
    options = CleanOptions(normalization="NFKC", fullwidth="all", mojibake=False)
    once = clean_text(text, options).text
    assert clean_text(once, options).text == once
    assert not re.search("[\u1100-\u11ff]", once) or re.search("[\u1100-\u11ff]", text)
    assert clean_text("ㅋㅋㅋ ｶﾞ", options).text == "ㅋㅋㅋ ガ"


def test_a_piece_of_a_repaired_line_may_read_as_other_mojibake() -> None:
    """ftfy reads ``"‘â€™˞"`` as one line of broken UTF-8 (``‘’˞``), but its first four
    characters alone as MacRoman mojibake: the one way a clean span's raw text may clean
    to something else on its own."""
    text = "‘â€™˞"
    cleaned = clean_text(text, CHARACTER_RULES)
    assert cleaned.text == "‘’˞"
    raw = cleaned.offsets.to_raw(Span(0, 2))
    assert text[raw.start : raw.end] == "‘â€™"
    assert clean_text("‘â€™", CHARACTER_RULES).text != "‘’"
    assert _plan("‘â€™") != _plan(_lines_around(text, raw))
