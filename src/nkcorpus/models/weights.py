"""Check Stanza's ``.pt`` model files before anything unpickles them.

A ``.pt`` file is a pickle, and unpickling runs whatever callables the file
names. Stanza loads most files with ``torch.load(weights_only=True)``, but it
falls back to ``weights_only=False`` (arbitrary code) for word vectors
(``pretrain/*.pt``) that the safe loader refuses. So a model folder or bundle
with a crafted ``pretrain`` file would run its payload the first time a
pipeline loads it.

nkcorpus therefore reads every ``.pt`` file itself, with torch's restricted
unpickler (``weights_only=True``: tensors, plain containers, numbers and
strings only) and the few extra globals Stanza's genuine files need
(:data:`STANZA_SAFE_GLOBALS`: NumPy arrays, in word vectors saved by older
Stanza versions), and refuses the file otherwise, *before* Stanza sees it: when
a bundle is installed (:func:`nkcorpus.models.install`) and every time a
pipeline is built (:func:`nkcorpus.entities.stanza.load_pipeline`). Tensors are
memory-mapped while checking; the cost is unpickling the rest (a word-vector
vocabulary), about as long as Stanza's own load of the file, once per file and
process: results are cached per file, size and modification time.
"""

from __future__ import annotations

import contextlib
import re
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from nkcorpus.errors import ModelNotInstalledError, UnsafeArchiveError

__all__ = ["STANZA_SAFE_GLOBALS", "check_model_file", "check_model_files", "stanza_safe_globals"]

#: Globals allowed beyond torch's own safe set, as ``module.name`` strings: what the
#: word-vector files of older Stanza releases hold (NumPy arrays).
STANZA_SAFE_GLOBALS = (
    "numpy.core.multiarray._reconstruct",
    "numpy._core.multiarray._reconstruct",
    "numpy.ndarray",
    "numpy.dtype",
    "numpy.dtypes.Float32DType",
    "numpy.dtypes.Float64DType",
    "numpy.dtypes.Int64DType",
)

_CHECKED: set[tuple[str, int, int]] = set()
_LOCK = threading.Lock()
_GLOBAL = re.compile(r"GLOBAL ([\w.]+)")


def _resolve(dotted: str) -> Any | None:
    import importlib

    module_name, _, name = dotted.rpartition(".")
    try:
        return getattr(importlib.import_module(module_name), name)
    except (ImportError, AttributeError):
        return None


def _torch() -> Any:
    try:
        import torch
    except ImportError as error:
        raise ModelNotInstalledError(
            "checking Stanza model files needs torch, which comes with Stanza: "
            "pip install 'nkcorpus[ner]'"
        ) from error
    return torch


@contextlib.contextmanager
def stanza_safe_globals() -> Iterator[None]:
    """Allow :data:`STANZA_SAFE_GLOBALS` in ``torch.load(weights_only=True)`` within the block.

    Used while Stanza builds a pipeline, so Stanza's own safe load of older
    word-vector files succeeds and it never falls back to an unsafe load.
    """
    torch = _torch()
    allowed = [obj for obj in map(_resolve, STANZA_SAFE_GLOBALS) if obj is not None]
    with torch.serialization.safe_globals(allowed):
        yield


def check_model_file(path: str | Path, label: str | None = None) -> None:
    """Refuse a ``.pt`` file that holds anything but tensors and plain data.

    Loads it with ``torch.load(weights_only=True)`` (memory-mapped) allowing only
    :data:`~nkcorpus.models.weights.STANZA_SAFE_GLOBALS` beyond torch's safe set; no other
    code can run.

    Args:
        path: the file.
        label: how messages name it (default: its path).

    Raises:
        UnsafeArchiveError: when the file names other Python objects (a pickle
            that would run code when unpickled) or is not a torch file.
        ModelNotInstalledError: when torch is not installed.
    """
    file = Path(path)
    stat = file.stat()
    key = (str(file.resolve()), stat.st_size, stat.st_mtime_ns)
    with _LOCK:
        if key in _CHECKED:
            return
    torch = _torch()
    import pickle

    shown = label or str(file)
    try:
        with stanza_safe_globals():
            try:
                torch.load(file, map_location="cpu", weights_only=True, mmap=True)
            except RuntimeError as error:
                if "mmap" not in str(error):
                    raise
                torch.load(file, map_location="cpu", weights_only=True)  # older format
    except pickle.UnpicklingError as error:
        names = sorted(set(_GLOBAL.findall(str(error))))
        if not names:
            raise UnsafeArchiveError(
                f"refusing the model file {shown}: it is not a readable torch model file ({error})"
            ) from None
        raise UnsafeArchiveError(
            f"refusing the model file {shown}: it holds Python objects that can run code when "
            f"loaded ({', '.join(names)}), where Stanza's models hold only tensors and plain "
            "data. nkcorpus never loads such a file. Delete it and get the model again from "
            "Stanza (`nkcorpus models download LANG`) or from a source you trust"
        ) from None
    except Exception as error:
        raise UnsafeArchiveError(
            f"refusing the model file {shown}: it is not a readable torch model file "
            f"({type(error).__name__}: {str(error)[:200]})"
        ) from error
    with _LOCK:
        _CHECKED.add(key)


def check_model_files(paths: Iterable[str | Path]) -> None:
    """Run :func:`check_model_file` on every ``.pt`` file in ``paths``; others are skipped.

    Raises:
        UnsafeArchiveError: for the first file refused.
    """
    for path in paths:
        if Path(path).suffix == ".pt":
            check_model_file(path)
