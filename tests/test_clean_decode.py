"""Decoding: legacy Korean and Chinese pages, Unicode forms, and bytes that are not text."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import nkcorpus
from nkcorpus.cleaning.decode import decode
from nkcorpus.errors import DecodeError

KOREAN = "북한 인권 단체들은 21일 서울에서 기자회견을 열고 중국 정부에 탈북민 강제 북송을 중단하라고 촉구했다."
SIMPLIFIED = "朝鲜人权组织21日在首尔举行记者会，敦促中国政府停止强制遣返脱北者。"
TRADITIONAL = "朝鮮人權組織21日在首爾舉行記者會，敦促中國政府停止強制遣返脫北者。"
JAPANESE = "北朝鮮の人権問題について、国連で会議が開かれました。"

LEGACY = [
    (KOREAN, "euc-kr", "cp949"),
    ("탈북민", "euc-kr", "cp949"),
    ("북한 인권", "euc-kr", "cp949"),
    ("똠방각하 펲시콜라 북한 인권", "cp949", "cp949"),
    (SIMPLIFIED, "gb2312", "gb18030"),
    ("朝鲜人权", "gb2312", "gb18030"),
    ("脱北者强制遣返问题", "gbk", "gb18030"),
    (SIMPLIFIED, "gb18030", "gb18030"),
    (TRADITIONAL, "big5", "big5"),
    ("北韓人權", "big5", "big5"),
    (JAPANESE, "shift_jis", "cp932"),
    ("Cinéma à Bruxelles: « naïve » réfugiés", "cp1252", "cp1252"),
    ("It’s “quoted” – dash… €5", "cp1252", "cp1252"),
    ("Menschenrechte für Flüchtlinge", "latin-1", "cp1252"),
]


@pytest.mark.parametrize(("text", "written_as", "detected"), LEGACY)
def test_legacy_encodings_decode_to_the_right_text(
    text: str, written_as: str, detected: str
) -> None:
    """Short and long Korean, Chinese, Japanese and Western pages come back exactly."""
    result = decode(text.encode(written_as))
    assert result.text == text
    assert result.encoding == detected
    assert 0.0 < result.confidence <= 1.0


@pytest.mark.parametrize(
    "codec", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32"]
)
def test_unicode_forms_decode_with_or_without_a_mark(codec: str) -> None:
    """UTF-8 with or without BOM, UTF-16 with a BOM or without one, and UTF-32 all decode."""
    text = "Defectors 탈북민 脱北者 met in Brussels."
    assert decode(text.encode(codec)).text == text


def test_a_legacy_korean_seed_page_decodes_and_cleans_like_the_utf8_one(
    seed_paths: list[Path],
) -> None:
    """A page re-encoded in EUC-KR cleans to the same text as the UTF-8 original."""
    raw = "홍길동 기자\n\n" + KOREAN + "\n\n" + seed_paths[0].read_text(encoding="utf-8")
    raw = raw.replace("ⓕ", "").replace("•", "*")  # not in EUC-KR
    utf8 = nkcorpus.clean(raw.encode("utf-8"))
    legacy = nkcorpus.clean(raw.encode("euc-kr"))
    assert legacy.metadata.encoding == "cp949"
    assert legacy.text == utf8.text
    assert legacy.metadata.authors == ("홍길동",)


def test_a_few_broken_bytes_do_not_lose_the_page() -> None:
    """A legacy page with a stray byte decodes, with a replacement character and less confidence."""
    data = KOREAN.encode("euc-kr")
    result = decode(data[:10] + b"\xff" + data[10:])
    assert result.encoding == "cp949"
    assert result.text.replace("\ufffd", "") == KOREAN
    assert result.confidence <= 0.5


@pytest.mark.parametrize(
    ("data", "hint"),
    [
        (b"%PDF-1.7\n\x93\x8c\x8b\x9e binary stream", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00", "ZIP"),
        (b"\x00\x01\x02\x03\xfe\xfa\x00\x00\x12\x13binary", "binary"),
    ],
)
def test_binary_input_is_refused_with_a_reason(data: bytes, hint: str) -> None:
    """Binary files raise DecodeError saying what they are and what to do."""
    with pytest.raises(DecodeError, match=hint):
        decode(data)


def test_undecodable_bytes_become_a_failed_document_not_a_crash() -> None:
    """nkcorpus.clean on a binary file returns a failed record with the decode stage named."""
    doc = nkcorpus.clean(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", source="photo.png")
    assert not doc.ok
    assert doc.failure is not None and doc.failure.stage == "decode"
    assert doc.source == "photo.png"


@given(st.binary(max_size=300))
def test_decode_returns_text_or_raises_decode_error(data: bytes) -> None:
    """Any bytes decode to text or raise DecodeError; nothing else escapes."""
    try:
        result = decode(data)
    except DecodeError:
        return
    assert isinstance(result.text, str)
    assert 0.0 <= result.confidence <= 1.0


@given(
    st.text(alphabet=st.characters(codec="euc-kr", min_codepoint=0xAC00), min_size=4, max_size=40)
)
def test_hangul_in_euc_kr_is_never_taken_for_chinese(text: str) -> None:
    """Runs of common Hangul syllables in EUC-KR decode as Korean, not Big5 or GBK."""
    words = " ".join(text[i : i + 3] for i in range(0, len(text), 3))
    assert decode(words.encode("euc-kr")).text == words
