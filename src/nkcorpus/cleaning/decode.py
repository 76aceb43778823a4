"""Bytes to text: encoding detection with the encoding and confidence recorded."""

from __future__ import annotations

import codecs

import attrs

from nkcorpus.errors import DecodeError

__all__ = ["DecodedText", "decode"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


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

    Raises:
        DecodeError: when the bytes are not text in any supported encoding.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return DecodedText(data.decode(encoding), encoding, 1.0)
            except UnicodeDecodeError:
                break
    try:
        return DecodedText(data.decode("utf-8"), "utf-8", 1.0)
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or b"\x00" in data:
        raise DecodeError(
            "the bytes are not text in any supported encoding (is it a binary file?); "
            "convert it to UTF-8 or pass the decoded text instead"
        )
    return DecodedText(str(best), best.encoding, round(1.0 - float(best.chaos), 4))
