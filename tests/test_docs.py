"""The API reference covers every module, and every public name documents itself."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from pathlib import Path

import nkcorpus

DOCS = Path(__file__).resolve().parent.parent / "docs"


def _modules() -> list[str]:
    names = ["nkcorpus"]
    for info in pkgutil.walk_packages(nkcorpus.__path__, prefix="nkcorpus."):
        if not info.name.rsplit(".", 1)[-1].startswith("_"):
            names.append(info.name)
    return sorted(names)


def test_every_module_is_in_the_api_reference() -> None:
    """Each public module has an automodule entry in docs/api/, so none is left undocumented."""
    documented = set()
    for page in (DOCS / "api").glob("*.rst"):
        documented |= set(re.findall(r"^\.\. automodule:: (\S+)", page.read_text(), re.M))
    missing = [name for name in _modules() if name not in documented and name != "nkcorpus"]
    assert missing == [], f"add these modules to a page in docs/api/: {missing}"


def test_every_public_name_has_a_docstring() -> None:
    """Every module, and every name in a module's __all__, has a docstring."""
    undocumented = []
    for name in _modules():
        module = importlib.import_module(name)
        if not (module.__doc__ or "").strip():
            undocumented.append(name)
        for public in getattr(module, "__all__", ()):
            obj = getattr(module, public)
            if (inspect.isclass(obj) or inspect.isfunction(obj)) and not (
                obj.__doc__ or ""
            ).strip():
                undocumented.append(f"{name}.{public}")
    assert undocumented == []
