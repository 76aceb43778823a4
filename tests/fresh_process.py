"""Run language detection in a fresh interpreter, to prove results do not depend on the process."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

_CODE = (
    "import json, sys\n"
    "from nkcorpus.language.detect import detect\n"
    "texts = json.loads(sys.stdin.read())\n"
    "out = {t: [d.language, d.confidence, [list(c) for c in d.candidates]]"
    " for t, d in ((t, detect(t)) for t in texts)}\n"
    "print(json.dumps(out))\n"
)


def run_fresh(code: str, payload: object) -> Any:
    """Run ``code`` in a new interpreter with ``payload`` as JSON on its standard input,
    and return what it prints, read as JSON."""
    completed = subprocess.run(
        [sys.executable, "-c", code],
        input=json.dumps(payload),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(completed.stdout)


def detections_in_fresh_process(texts: list[str]) -> dict[str, list[object]]:
    """Return ``{text: [language, confidence, candidates]}`` computed in a new interpreter.

    Candidates come back as lists of ``[language, probability]``.
    """
    result: dict[str, list[object]] = run_fresh(_CODE, texts)
    return result
