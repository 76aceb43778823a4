"""Legacy-encoded pages decode to the text their labelled encoding gives, as often as
charset-normalizer alone manages or more.

The pages are real (``tests/cases/encodings/README.md``): Korean, Chinese and
Japanese in EUC-KR, CP949, Johab, ISO-2022-KR, GB2312, Big5, EUC-JP, Shift_JIS,
CP932 and ISO-2022-JP. A page counts as right when the decoded text equals the
bytes decoded with the labelled codec; a superset codec that reads the same
characters is right too.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from nkcorpus.cleaning.decode import decode
from nkcorpus.errors import DecodeError

ROOT = Path(__file__).parent / "cases" / "encodings"
LABELS = {
    "Big5": "big5",
    "CP932": "cp932",
    "CP949": "cp949",
    "EUC-JP": "euc_jp",
    "EUC-KR": "euc_kr",
    "GB2312": "gb2312",
    "SHIFT_JIS": "shift_jis",
    "iso-2022-jp": "iso2022_jp",
    "iso-2022-kr": "iso2022_kr",
    "Johab": "johab",
}
HELD_OUT = {
    "uchardet-ja-euc-jp.txt": "euc_jp",
    "uchardet-ja-iso-2022-jp.txt": "iso2022_jp",
    "uchardet-ja-shift_jis.txt": "shift_jis",
    "uchardet-ko-iso-2022-kr.txt": "iso2022_kr",
    "uchardet-ko-uhc.smi": "cp949",
    "uchardet-zh-big5.txt": "big5",
    "uchardet-zh-gb18030.txt": "gb18030",
    "charset-normalizer-sample-chinese.txt": "big5",
    "charset-normalizer-sample-korean.txt": "cp949",
}


def _pages() -> list[tuple[Path, str]]:
    pages = []
    for folder, codec in LABELS.items():
        pages.extend((path, codec) for path in sorted((ROOT / folder).iterdir()))
    return pages


def _scores(pages: list[tuple[Path, str]]) -> tuple[int, int, list[str]]:
    from charset_normalizer import from_bytes

    ours = peer = 0
    wrong = []
    for path, codec in pages:
        data = path.read_bytes()
        truth = data.decode(codec)
        best = from_bytes(data).best()
        peer += best is not None and str(best) == truth
        try:
            right = decode(data).text == truth
        except DecodeError:
            right = False
        ours += right
        if not right:
            wrong.append(f"{path.parent.name}/{path.name}")
    return ours, peer, wrong


@pytest.mark.timeout(300)
def test_legacy_pages_decode_as_labelled_at_least_as_often_as_charset_normalizer() -> None:
    """On 147 real pages nkcorpus is right at least as often as charset-normalizer, and 98% of the time."""
    pages = _pages()
    assert len(pages) == 147
    ours, peer, wrong = _scores(pages)
    print(f"nkcorpus {ours}/{len(pages)}, charset-normalizer {peer}/{len(pages)}; wrong: {wrong}")
    assert ours >= peer
    assert ours >= 0.98 * len(pages)


def test_held_out_pages_decode_as_labelled() -> None:
    """Files never used to write the rules decode as labelled, as charset-normalizer does."""
    pages = [(ROOT / "heldout" / name, codec) for name, codec in HELD_OUT.items()]
    ours, peer, wrong = _scores(pages)
    print(f"held out: nkcorpus {ours}/{len(pages)}, charset-normalizer {peer}/{len(pages)}")
    assert ours >= peer and not wrong


@pytest.mark.parametrize(
    ("codec", "escape"), [("iso2022_kr", "escape sequence"), ("iso2022_jp", "escape sequence")]
)
def test_seven_bit_encodings_are_not_read_as_ascii(codec: str, escape: str) -> None:
    """ISO-2022 text is all ASCII bytes; its escape sequences, not UTF-8, decide the reading."""
    text = "북한 인권" if codec == "iso2022_kr" else "北朝鮮の人権"
    result = decode(text.encode(codec))
    assert result.text == text
    assert result.encoding == codec and result.note.startswith(escape)


def test_a_superset_codec_that_reads_characters_differently_is_recorded() -> None:
    """Shift_JIS bytes that CP932 reads differently decode as Shift_JIS, and the note says why."""
    text = "北朝鮮の人権問題について、国連で会議が開かれました〜"  # U+301C: CP932 reads U+FF5E
    result = decode(text.encode("shift_jis"))
    assert result.text == text
    assert result.encoding == "shift_jis"
    assert "cp932 would read 1 character(s) differently" in result.note
