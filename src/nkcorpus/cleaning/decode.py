"""Bytes to text: encoding detection with the encoding and confidence recorded.

The order of evidence, strongest first:

1. the signature of a binary format (PDF, ZIP, images, ...) refuses the input;
   then a byte order mark (UTF-8, UTF-16, UTF-32);
2. UTF-16 without a mark, recognised by its zero bytes in alternating positions;
3. strict UTF-8 (almost never decodes by accident);
4. a binary check: zero bytes and control bytes refuse the input with a
   :class:`~nkcorpus.errors.DecodeError`;
5. the East Asian legacy encodings (CP949 for EUC-KR, GB18030 for GB2312/GBK,
   Big5, Shift-JIS as CP932), each decoded strictly and scored by how
   plausible the text is for its language: common Hangul syllables for Korean,
   the common Han characters of GB2312 level 1 or Big5 for Chinese, kana and
   level-1 kanji for Japanese, the most frequent characters of each language,
   and spaces between Han characters counting against Chinese. Statistical
   detectors alone confuse short EUC-KR with Big5 or GBK because every EUC-KR
   Hangul byte pair is also a valid common Han character in those encodings;
6. otherwise charset-normalizer, and CP1252 as the last resort for Western
   European text.
"""

from __future__ import annotations

import codecs
import contextlib
import functools
import re
from collections.abc import Iterable

import attrs

from nkcorpus.errors import DecodeError
from nkcorpus.text.scripts import HAN_CHARS

__all__ = ["DecodedText", "decode"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

#: File signatures of common binary formats, with a hint for the error message.
_SIGNATURES = (
    (b"%PDF", "a PDF file; extract its text first (for example with pdftotext)"),
    (b"PK\x03\x04", "a ZIP archive (or a DOCX/XLSX/EPUB file); extract its text first"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip file; decompress it first"),
    (b"\x7fELF", "a program"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office file; save it as text first"),
    (b"{\\rtf", "an RTF file; save it as plain text first"),
)

_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")


@attrs.frozen
class DecodedText:
    """Decoded text with the encoding it was decoded from.

    Attributes:
        text: the decoded text.
        encoding: the Python codec name used.
        confidence: how sure the detector was, from 0 to 1.
    """

    text: str
    encoding: str
    confidence: float


def decode(data: bytes) -> DecodedText:
    """Decode ``data``, detecting its encoding.

    >>> decode("북한 인권".encode("euc-kr")).text
    '북한 인권'

    Args:
        data: the raw bytes of one document.

    Returns:
        The text, the codec it was decoded with and a confidence from 0 to 1.

    Raises:
        DecodeError: when the bytes are not text in any supported encoding.
    """
    data = bytes(data)
    for signature, what in _SIGNATURES:
        if data.startswith(signature):
            raise DecodeError(f"the bytes are {what}, not text; nkcorpus reads text documents")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return DecodedText(data.decode(encoding), encoding, 1.0)
            except UnicodeDecodeError:
                break
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16
    try:
        return DecodedText(data.decode("utf-8"), "utf-8", 1.0)
    except UnicodeDecodeError:
        pass
    _refuse_binary(data)
    best = _best_east_asian(data)
    if best is not None:
        return best
    return _western(data)


def _utf16_without_bom(data: bytes) -> DecodedText | None:
    if len(data) < 2 or len(data) % 2 or b"\x00" not in data:
        return None
    even, odd = data[0::2], data[1::2]
    zeros_even, zeros_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if zeros_odd == zeros_even:
        return None
    # ASCII characters put their zero byte second in little-endian, first in big-endian.
    encoding = "utf-16-le" if zeros_odd > zeros_even else "utf-16-be"
    text = _strict(data, encoding)
    if text is None or not text:
        return None
    printable = sum(1 for ch in text if ch.isprintable() or ch in "\t\n\r") / len(text)
    if printable < 0.95:
        return None
    return DecodedText(text, encoding, round(printable * max(0.5, abs(zeros_odd - zeros_even)), 4))


def _refuse_binary(data: bytes) -> None:
    controls = len(_CONTROL_BYTES.findall(data[:65536]))
    if b"\x00" in data or controls > 0.05 * min(len(data), 65536):
        raise DecodeError(
            "the bytes are not text in any supported encoding (zero or control bytes: is it a "
            "binary file?); convert it to UTF-8 or pass the decoded text instead"
        )


#: East Asian candidates: (codec, language).
#: EUC-KR comes after CP949 (its superset) for the syllables that EUC-KR spells as
#: eight-byte jamo sequences, which only the EUC-KR codec composes back.
_EAST_ASIAN = (
    ("cp949", "ko"),
    ("euc-kr", "ko"),
    ("gb18030", "zh-Hans"),
    ("big5", "zh-Hant"),
    ("cp932", "ja"),
)

#: Punctuation and symbols that are plausible in any CJK text.
_CJK_PUNCT = frozenset(
    "、。〈〉《》「」『』【】〔〕・…‥“”‘’·―—～！＂＃％＆＇（）＊＋，－．／：；＜＝＞？＠［＼］＾＿｛｜｝"
    "ㆍ※○●◎◇◆□■△▲▽▼→←↑↓℃°±×÷　"
)

#: The most frequent characters of each language (the first hundred or so).
_FREQUENT = {
    "ko": "이다에의는로하을가고지서한은기으년대사시를리도인스일정자국해있나게북수주보들것여부전상"
    "적연원과위말제세장어문라만미한아내성동회경우중업비공통관합방요다신무화",
    "zh-Hans": "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着"
    "下"
    "自之年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还朝鲜日月者记",
    "zh-Hant": "的一是不了在人有我他這個們中來上大為和國地到以說時要就出會可也你對生能而子那得於著"
    "下"
    "自之年過發後作裡用道行所然家種事成方多經麼去法學如都同現當沒動面起看定天分還朝鮮日月者記",
    "ja": "のにはをたがでてとしれさいるもなかられこのあっする日一人年大十二本中長出三時行見月分後前"
    "生五間上東四今金九入学高円子外八六下来気小七山話女北午百書先名川千水半男西電校語",
}


@functools.cache
def _common(language: str) -> frozenset[str]:
    """The common characters of ``language``, read from the legacy code tables themselves."""
    chars: set[str] = set()

    def table(codec: str, leads: Iterable[int], trails: Iterable[int]) -> None:
        for lead in leads:
            for trail in trails:
                with contextlib.suppress(UnicodeDecodeError):
                    chars.add(bytes((lead, trail)).decode(codec))

    if language == "ko":  # the 2,350 Hangul syllables of KS X 1001
        table("euc-kr", range(0xB0, 0xC9), range(0xA1, 0xFF))
    elif language == "zh-Hans":  # the 3,755 level-1 characters of GB2312
        table("gb2312", range(0xB0, 0xD8), range(0xA1, 0xFF))
    elif language == "zh-Hant":  # the 5,401 frequent characters of Big5
        table("big5", range(0xA4, 0xC7), (*range(0x40, 0x7F), *range(0xA1, 0xFF)))
    else:  # kana and the 2,965 level-1 kanji of JIS X 0208
        table("cp932", range(0x82, 0x84), range(0x40, 0xFD))
        table("cp932", range(0x88, 0x99), (*range(0x40, 0x7F), *range(0x80, 0xFD)))
    return frozenset(chars)


_HAN_SPACE_HAN = re.compile(f"[{HAN_CHARS}] (?=[{HAN_CHARS}])")
_HAN = re.compile(f"[{HAN_CHARS}]")


def _plausibility(text: str, language: str, composed: bool = False) -> float:
    """Score from 0 to 1: how much ``text`` looks like real text in ``language``.

    ``composed`` says that every Hangul syllable is plausible, because the
    EUC-KR codec only makes the rare ones from explicit jamo sequences.
    """
    wide = [ch for ch in text if ord(ch) > 0x7F]
    if not wide:
        return 0.0
    common = _common(language)
    good = sum(
        1
        for ch in wide
        if ch in common or ch in _CJK_PUNCT or (composed and "\uac00" <= ch <= "\ud7a3")
    )
    score = good / len(wide)
    frequent = _FREQUENT[language]
    coverage = sum(1 for ch in wide if ch in frequent) / len(wide)
    score *= 0.75 + 0.25 * min(1.0, coverage / 0.2)
    if language.startswith("zh"):
        han = len(_HAN.findall(text))
        if han:
            # Chinese puts no spaces between characters; Korean misread as Chinese does.
            score *= 1.0 - min(0.6, 1.5 * len(_HAN_SPACE_HAN.findall(text)) / han)
    return score


def _best_east_asian(data: bytes) -> DecodedText | None:
    scored: list[tuple[float, str, str]] = []
    for codec, language in _EAST_ASIAN:
        text = _strict(data, codec)
        if text is None and codec == "big5":
            codec, text = "big5hkscs", _strict(data, "big5hkscs")
        if text is not None and not (codec == "euc-kr" and b"\xa4\xd4" not in data):
            score = _plausibility(text, language, composed=codec == "euc-kr")
            if codec == "euc-kr" and text != _strict(data, "cp949"):
                # Eight-byte jamo sequences composed into syllables: a structure only
                # EUC-KR has, so the page is Korean.
                score = max(score, 0.95)
            scored.append((score, codec, text))
    scored.sort(key=lambda item: item[0], reverse=True)
    if len(scored) > 1 and scored[0][1] == "euc-kr" and scored[1][1] == "cp949":
        scored.pop(1)  # the same page read twice: keep one for the margin
    if not scored or scored[0][0] < 0.6:
        return _damaged_east_asian(data)
    best, codec, text = scored[0]
    second = scored[1][0] if len(scored) > 1 else 0.0
    margin = (best - second) / best
    confidence = best * (0.5 + 0.5 * min(1.0, 2 * margin))
    return DecodedText(text, codec, round(confidence, 4))


def _damaged_east_asian(data: bytes) -> DecodedText | None:
    """A page in a legacy encoding with a few broken bytes (a cut-off character, a stray byte)."""
    best: tuple[float, str, str] | None = None
    for codec, language in _EAST_ASIAN:
        text = data.decode(codec, errors="replace")
        wide = sum(1 for ch in text if ord(ch) > 0x7F)
        broken = text.count("\ufffd")
        if not wide or broken > max(1, 0.01 * wide):
            continue
        score = _plausibility(text.replace("\ufffd", ""), language)
        if score >= 0.8 and (best is None or score > best[0]):
            best = (score, codec, text)
    if best is None:
        return None
    score, codec, text = best
    return DecodedText(text, codec, round(0.5 * score, 4))


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


_LATIN = re.compile(r"[a-zA-Z\u00c0-\u00ff]")


def _western(data: bytes) -> DecodedText:
    text = _strict(data, "cp1252")
    if text is not None:
        letters = _LATIN.findall(text)
        accented = sum(1 for ch in letters if ord(ch) > 0x7F)
        # Western European text has accented letters here and there, not whole words of them.
        if letters and accented / len(letters) < 0.25:
            return DecodedText(text, "cp1252", round(1.0 - accented / len(letters), 4))
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and best.encoding not in ("utf_16", "utf_32"):
        return DecodedText(str(best), best.encoding, round(1.0 - float(best.chaos), 4))
    if text is not None:
        return DecodedText(text, "cp1252", 0.3)
    raise DecodeError(
        "the bytes are not text in any supported encoding; convert the file to UTF-8 "
        "(for example with iconv) or pass the decoded text instead"
    )
