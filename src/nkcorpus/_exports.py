"""Public names of a package that load on first use (PEP 562), so that imports stay light.

>>> import types
>>> package = types.ModuleType("example")
>>> getattr_, dir_ = lazy_exports("example", {"sqrt": "math"})
>>> getattr_("sqrt")(9.0)
3.0
>>> dir_()
['sqrt']
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["lazy_exports"]


def lazy_exports(
    package: str, exports: Mapping[str, str], modules: Mapping[str, str] | None = None
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """Return the module ``__getattr__`` and ``__dir__`` of ``package`` for ``exports``.

    Args:
        package: the package's module name (``__name__``).
        exports: each public name, with the module that defines it.
        modules: public names that are whole modules (``{"errors": "nkcorpus.errors"}``).

    The first access imports the defining module and keeps the value in the package's
    namespace, so later accesses cost nothing.
    """

    def getattr_(name: str) -> Any:
        if modules and name in modules:
            value = importlib.import_module(modules[name])
        elif name in exports:
            value = getattr(importlib.import_module(exports[name]), name)
        else:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        namespace = sys.modules.get(package)
        if namespace is not None:
            setattr(namespace, name, value)
        return value

    def dir_() -> list[str]:
        namespace = sys.modules.get(package)
        names = set(vars(namespace)) if namespace is not None else set()
        return sorted(names | set(exports) | set(modules or ()))

    return getattr_, dir_
