"""Mojibake repair with ftfy, line by line, with the offsets of every repaired character.

Each line that ftfy's own test for mojibake (``ftfy.badness.is_bad``) flags,
or that holds C1 control characters, goes through
``ftfy.fix_encoding_and_explain`` as ftfy's ``ftfy.fix_text`` would send
it, so the repair is ftfy's. What nkcorpus adds is the map back to the raw text:

* when ftfy's plan is one re-encoding (``encode`` a single-byte codec, optionally
  ``restore_byte_a0``, ``decode`` UTF-8), every repaired character maps to the
  garbled characters, one byte each, that it came from;
* otherwise (two layers of mojibake, a lossy sequence) the stretch between the
  first and last changed character is one inexact unit of the map, or the whole
  line when the stretch does not repair the same on its own.

C1 control characters read as Latin-1 become the CP1252 punctuation they stand
for (``"\\x92"`` to ``’``), as web browsers read them; the five that CP1252 leaves
undefined are removed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from nkcorpus.cleaning.offsets import Edit, apply_edits

__all__ = ["C1_ANY", "KEPT", "mojibake_edits", "repair_line", "repair_value"]

#: C1 controls that CP1252 maps to printable characters.
_C1 = re.compile("[\x80\x82-\x8c\x8e\x91-\x9c\x9e\x9f]+")
#: What is left out of a repaired line: C1 controls that CP1252 leaves undefined, and
#: soft hyphens (kept until this rule, since garbled text uses them as bytes).
_C1_UNDEFINED = re.compile("[\x81\x8d\x8f\x90\x9d\xad]+")
#: C1 runs, and soft hyphens after a letter that a single-byte codec gives a UTF-8 lead byte.
KEPT = re.compile("[\x80-\x9f]+|(?<=[\u00c0-\u07ff])\xad+")
#: Any C1 control character.
C1_ANY = re.compile("[\x80-\x9f]+")
_ONE_STEP = re.compile(r"encode:([\w-]+)( transcode:restore_byte_a0)? decode:utf-8")


def _cp1252(match: re.Match[str]) -> str:
    return match.group().encode("latin-1").decode("cp1252")


def _punctuation(text: str) -> str:
    """C1 controls to the CP1252 characters they stand for (same length: one for one)."""
    return _C1.sub(_cp1252, text)


def _config() -> Any:
    import ftfy

    return ftfy.TextFixerConfig(
        unescape_html=False,
        remove_terminal_escapes=False,
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        fix_surrogates=False,
        remove_control_chars=False,
        normalization=None,
        max_decode_length=10**7,
    )


def repair_line(line: str) -> tuple[str, list[tuple[str, str]]]:
    """Return ftfy's repair of one line and ftfy's explanation of it.

    ftfy sees the line with tabs and lone no-break spaces as the spaces they
    become; C1 controls that ftfy's repair leaves are read as CP1252 punctuation
    (or removed, the five CP1252 leaves undefined), and ftfy looks again.

    >>> repair_line("Itâ€™s")
    ('It’s', [('encode', 'sloppy-windows-1252'), ('decode', 'utf-8')])
    """
    fixed, plan, _source = _repair(line)
    return fixed, plan


def repair_value(value: str) -> str:
    """A metadata value (a title, a name) repaired as a line of text is, where ftfy's
    measure of mojibake finds some; unchanged otherwise.

    >>> repair_value("itertools â\x80\x94 Functions creating iterators")
    'itertools — Functions creating iterators'
    >>> repair_value("Crème brûlée")
    'Crème brûlée'
    """
    return repair_line(value)[0] if _suspicious(value) else value


def _repair(line: str) -> tuple[str, list[tuple[str, str]], str]:
    """ftfy's repair, its plan, and the text ftfy was given (``line`` or its C1 read as CP1252).

    ftfy sees the line as it is first, since C1 controls can be bytes of other
    single-byte codecs (``"Р\\x98"`` is Windows-1251 garble); when that leaves C1
    controls, it sees them read as CP1252 punctuation.
    """
    import ftfy

    config = _config()
    # Tabs, and no-break spaces that no UTF-8 lead byte explains, become spaces right
    # after this rule: ftfy must see the line as it will stand.
    line = _LONE_NBSP.sub(_spaces, line.replace("\t", " "))
    source = line
    fixed, plan = ftfy.fix_encoding_and_explain(line, config=config)
    if C1_ANY.search(fixed):
        source = _punctuation(line)
        fixed, plan = ftfy.fix_encoding_and_explain(source, config=config)
    steps = [(str(step[0]), str(step[1])) for step in plan or ()]
    fixed = _C1_UNDEFINED.sub("", _punctuation(fixed))
    for _ in range(3):  # removing undefined C1 controls can reveal more to repair
        again, plan = ftfy.fix_encoding_and_explain(fixed, config=config)
        again = _C1_UNDEFINED.sub("", _punctuation(again))
        if again == fixed:
            break
        steps += [(str(step[0]), str(step[1])) for step in plan or ()]
        fixed = again
    return fixed, steps, source


#: Characters of which every pattern of ``ftfy.badness`` holds at least one (Latin-1 and
#: Latin Extended letters, Greek, Cyrillic, Hebrew, Arabic, box drawing, the rarer
#: punctuation and symbols): text without any of them is never mojibake to ftfy, so
#: curly quotes and dashes in English, and CJK text, cost one scan.
_RARE = re.compile(
    "[\u0080-\u06ff\u2020-\u2022\u2030\u2039\u203a\u2044\u201a\u201e\u20a7\u20ac"
    "\u2116\u2122\u2202-\u2265\u2310\u2500-\u259f\u25ca\ufb01\ufb02\ufffd]"
)


_LONE_NBSP = re.compile("(?<![\u00c2-\u00f4])\u00a0+")


def _spaces(match: re.Match[str]) -> str:
    return " " * len(match.group())


def _suspicious(text: str) -> bool:
    from ftfy.badness import is_bad

    return bool(KEPT.search(text)) or (bool(_RARE.search(text)) and is_bad(text))


def mojibake_edits(text: str, explanations: list[dict[str, Any]] | None = None) -> Iterator[Edit]:
    """Repair the lines that ftfy judges to be mojibake, and only those.

    Args:
        text: the text.
        explanations: when given, one ``{"line": n, "plan": [...]}`` entry per
            repaired line is appended, ``plan`` being ftfy's explanation
            (``[["encode", "sloppy-windows-1252"], ["decode", "utf-8"]]``).

    Yields:
        Sorted edits: one per repaired character where the repair is one
        re-encoding, else one inexact unit per repaired stretch or line.
    """
    number = 0
    counted = 0
    hit = _RARE.search(text)
    while hit is not None:
        start = text.rfind("\n", 0, hit.start()) + 1
        end = text.find("\n", hit.start())
        end = len(text) if end < 0 else end
        number += text.count("\n", counted, start)
        counted = start
        line = text[start:end]
        if _suspicious(line):
            fixed, plan, source = _repair(line)
            if fixed == line:
                # ftfy leaves the line alone, yet a part of it could look different alone:
                # the line is one unit of the map.
                yield Edit(start, end, line, exact=False, keep=True)
            else:
                if explanations is not None and plan:
                    explanations.append({"line": number, "plan": [list(step) for step in plan]})
                yield from _line_edits(line, fixed, plan, source, start)
        hit = _RARE.search(text, end)


def _line_edits(
    line: str, fixed: str, plan: list[tuple[str, str]], source: str, offset: int
) -> list[Edit]:
    """The finest edits that give ftfy's repair, each of which repairs the same alone."""
    for fine in (
        _leftovers(line, 0, len(line)) if not plan else None,
        _byte_walk(line, plan, source),
        _inconsistent(line, plan, source),
    ):
        if fine is None or _applied(line, fine) != fixed:
            continue
        if _stands_alone(line, fine):
            return [Edit(e.start + offset, e.end + offset, e.replacement, e.exact) for e in fine]
    head = 0
    limit = min(len(line), len(fixed))
    while head < limit and line[head] == fixed[head]:
        head += 1
    tail = 0
    while tail < limit - head and line[-1 - tail] == fixed[-1 - tail]:
        tail += 1
    unit = Edit(head, len(line) - tail, fixed[head : len(fixed) - tail], exact=False)
    if _stands_alone(line, [unit]):
        return [Edit(unit.start + offset, unit.end + offset, unit.replacement, exact=False)]
    return [Edit(offset, offset + len(line), fixed, exact=False)]


def _stands_alone(line: str, edits: list[Edit]) -> bool:
    """Whether each unit repairs the same on its own and nothing between them is suspicious.

    This is what lets any clean span be cleaned again from its raw span alone.
    """
    pos = 0
    for edit in edits:
        if _RISKY.search(line, pos, edit.start):
            return False
        if edit.end - edit.start > 1 and _alone(line, edit) != edit.replacement:
            return False
        pos = edit.end
    return not _RISKY.search(line, pos)


#: Characters that single-byte codecs make of UTF-8 bytes: between two repaired units,
#: one of them could join a unit into a different repair.
_RISKY = re.compile(
    "[\u0080-\u024f\u0370-\u04ff\u02c6-\u02dd\u2020-\u2022\u2030\u2122\u20ac\u201a\u201e\u2039\u203a\ufffd]"
)


def _leftovers(line: str, start: int, end: int) -> list[Edit]:
    """C1 runs read as CP1252 (undefined ones removed) and soft hyphens removed."""
    edits = []
    for match in KEPT.finditer(line, start, end):
        text = _C1_UNDEFINED.sub("", _punctuation(match.group()))
        edits.append(Edit(match.start(), match.end(), text, len(text) == len(match.group())))
    return edits


def _inconsistent(line: str, plan: list[tuple[str, str]], source: str) -> list[Edit] | None:
    """Edits for ftfy's ``decode_inconsistent_utf8``: each garbled stretch repaired alone."""
    if plan != [("apply", "decode_inconsistent_utf8")]:
        return None
    from ftfy.badness import is_bad
    from ftfy.chardata import UTF8_DETECTOR_RE

    edits: list[Edit] = []
    pos = 0
    for match in UTF8_DETECTOR_RE.finditer(source):
        piece = match.group()
        if len(piece) < len(source) and is_bad(piece):
            edits.extend(_leftovers(line, pos, match.start()))
            for edit in mojibake_edits(piece):
                start, end = edit.start + match.start(), edit.end + match.start()
                edits.append(Edit(start, end, edit.replacement, edit.exact))
            pos = match.end()
    edits.extend(_leftovers(line, pos, len(line)))
    return edits


def _applied(line: str, edits: list[Edit]) -> str:
    return apply_edits(line, edits).text


def _alone(line: str, edit: Edit) -> str:
    """What the raw stretch of ``edit`` repairs to when it stands alone."""
    piece = line[edit.start : edit.end]
    return repair_line(piece)[0] if _suspicious(piece) else piece


def _byte_walk(line: str, plan: list[tuple[str, str]], source: str) -> list[Edit] | None:
    """Map each repaired character to the garbled characters (one byte each) it came from."""
    import ftfy.bad_codecs  # noqa: F401  (registers the sloppy codecs)
    from ftfy.fixes import restore_byte_a0

    found = _ONE_STEP.fullmatch(" ".join(f"{kind}:{name}" for kind, name in plan))
    if found is None:
        return None
    try:
        data = source.encode(found.group(1))
    except (UnicodeEncodeError, LookupError):
        return None
    if len(data) != len(source):
        return None
    if found.group(2):
        data = restore_byte_a0(data)
        if len(data) != len(source):
            return None
    try:
        decoded = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    edits: list[Edit] = []
    pos = 0
    for char in decoded:
        size = len(char.encode("utf-8"))
        final = _C1_UNDEFINED.sub("", _punctuation(char))
        if size > 1 or line[pos] != final:
            edits.append(Edit(pos, pos + size, final, exact=False))
        pos += size
    return edits if pos == len(line) else None
