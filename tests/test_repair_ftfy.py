"""ftfy's own test cases, run through ``nkcorpus.clean``: every repair ftfy makes, nkcorpus makes.

The cases are ftfy's public ones (``tests/cases/repair/README.md``). The expected
text is ftfy's, passed through nkcorpus's other character rules (NFC, spaces,
whitespace), so the comparison is about the encoding repair alone.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import nkcorpus
from nkcorpus.cleaning.cleaner import clean_text
from nkcorpus.cleaning.mojibake import mojibake_edits, repair_line
from nkcorpus.cleaning.options import CleanOptions
from nkcorpus.document import Span

CASES = Path(__file__).parent / "cases" / "repair"
CHARACTERS = CleanOptions(html=False, boilerplate=False, captions=False, metadata=False)
NO_REPAIR = CleanOptions(
    html=False, boilerplate=False, captions=False, metadata=False, mojibake=False
)


def _cases(*names: str) -> list[Any]:
    cases = []
    for name in names:
        for case in json.loads((CASES / f"ftfy-{name}.json").read_text(encoding="utf-8")):
            cases.append(pytest.param(case, id=f"{name}: {case['label'][:60]}"))
    return cases


def _expected(case: dict[str, str]) -> str:
    return clean_text(case.get("fixed-encoding", case["fixed"]), NO_REPAIR).text


@pytest.mark.parametrize("case", _cases("in-the-wild", "synthetic"))
def test_every_mojibake_ftfy_repairs_is_repaired(case: dict[str, str]) -> None:
    """Garbled text that ftfy repairs comes out of nkcorpus.clean repaired the same way."""
    doc = nkcorpus.clean(case["original"], options=CHARACTERS)
    assert doc.ok
    assert doc.text == _expected(case)
    whole = doc.offsets.to_raw(Span(0, len(doc.text)))
    assert whole.end <= len(case["original"])


@pytest.mark.parametrize("case", _cases("negative"))
def test_text_that_only_looks_garbled_is_left_alone(case: dict[str, str]) -> None:
    """ftfy's negative cases (real text that looks like mojibake) come out as ftfy leaves them."""
    doc = nkcorpus.clean(case["original"], options=CHARACTERS)
    assert doc.text == _expected(case)


def test_ftfy_cases_are_all_present() -> None:
    """The case files hold ftfy's 100 repairs and 31 negatives, all expected to pass in ftfy."""
    repairs = [c.values[0] for c in _cases("in-the-wild", "synthetic")]
    negatives = [c.values[0] for c in _cases("negative")]
    assert len(repairs) == 100 and len(negatives) == 31
    assert all(case["expect"] == "pass" for case in [*repairs, *negatives])


def test_each_repaired_character_maps_to_the_bytes_it_was_read_as() -> None:
    """Where the repair is one re-encoding, each character maps back to its own garble."""
    raw = "Le barÃ¨me permet l’Ã©valuation"
    doc = nkcorpus.clean(raw, options=CHARACTERS)
    assert doc.text == "Le barème permet l’évaluation"
    grave = doc.text.index("è")
    assert doc.raw_text(Span(grave, grave + 1)) == "Ã¨"
    assert doc.raw_text(Span(0, 6)) == "Le bar"


def test_a_two_layer_repair_maps_to_its_stretch_as_a_whole() -> None:
    """Mojibake garbled twice over (three layers, Mac Roman) maps to the garbled stretch."""
    raw = "Merci de t‚Äö√†√∂¬¨¬©l‚Äö√†√∂¬¨¬©charger le plug-in"
    doc = nkcorpus.clean(raw, options=CHARACTERS)
    assert doc.text == "Merci de télécharger le plug-in"
    assert doc.raw_text(Span(0, 9)) == "Merci de "
    assert doc.raw_text(Span(9, 18)).startswith("t‚Äö√†√∂¬¨¬©l")


def test_ftfy_explanation_is_reported_per_line() -> None:
    """The repair of each line comes with ftfy's plan (encode, transcode, decode steps)."""
    plans: list[dict[str, Any]] = []
    list(mojibake_edits("plain line\nItâ€™s here\nvoilÃ le travail", plans))
    assert plans == [
        {"line": 1, "plan": [["encode", "sloppy-windows-1252"], ["decode", "utf-8"]]},
        {
            "line": 2,
            "plan": [["encode", "latin-1"], ["transcode", "restore_byte_a0"], ["decode", "utf-8"]],
        },
    ]
    assert repair_line("plain")[1] == []
