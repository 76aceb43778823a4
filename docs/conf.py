"""Sphinx configuration for the nkcorpus documentation.

Build: ``bash scripts/docs.sh`` (HTML with ``-n -W``, then the doctests).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "_ext"))
sys.path.insert(0, str(HERE.parent / "src"))

from nkcorpus import __version__  # noqa: E402

project = "nkcorpus"
author = "The nkcorpus developers"
copyright = "2026, The nkcorpus developers"
version = release = __version__

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.intersphinx",
    "sphinx.ext.doctest",
    "sphinx.ext.viewcode",
    "nkcorpus_cli",
    "nkcorpus_refs",
]

html_theme = "furo"
html_title = f"nkcorpus {release}"
exclude_patterns = ["_build"]
nitpicky = True
default_role = "py:obj"

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_typehints_description_target = "documented_params"
autodoc_default_options = {"members": True, "show-inheritance": True}
autodoc_preserve_defaults = True
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_ivar = False

# Intersphinx needs inventories. Where the machine has them on disk (Debian's
# python3-doc puts Python's at the path below) they are used; with a network,
# NKCORPUS_DOCS_ONLINE=1 fetches them; otherwise references into other
# projects' docs are shown as plain text instead of links.
_PYTHON_INVENTORY = Path("/usr/share/doc/python3/html/objects.inv")
intersphinx_mapping: dict[str, tuple[str, str | None]] = {}
if os.environ.get("NKCORPUS_DOCS_ONLINE"):
    intersphinx_mapping = {
        "python": ("https://docs.python.org/3", None),
        "attrs": ("https://www.attrs.org/en/stable", None),
        "pandas": ("https://pandas.pydata.org/docs", None),
    }
elif _PYTHON_INVENTORY.exists():
    intersphinx_mapping = {"python": ("https://docs.python.org/3", str(_PYTHON_INVENTORY))}

# Names from other projects that cannot be linked without their inventories.
nitpick_ignore_regex = [
    (
        "py:class",
        r"(attrs|attr|pandas|pd|pyarrow|dask|distributed|stanza|argostranslate|ctranslate2|torch|numpy)\..*",
    ),
    ("py:class", r"(pandas\.)?DataFrame"),
    ("py:class", r"(np|npt|numpy)\..*"),
]
if "python" not in intersphinx_mapping:
    nitpick_ignore_regex += [
        (
            "py:class",
            r"(collections\.abc|typing|pathlib|os|io|argparse|logging|datetime|concurrent\.futures|multiprocessing|subprocess|re|json|tarfile|zipfile|types|enum|decimal)\..*",
        ),
        (
            "py:class",
            r"(Path|PathLike|IO|TextIO|BinaryIO|Iterator|Iterable|Sequence|Mapping|Callable|Any|TypeVar|Namespace|ArgumentParser)",
        ),
        ("py:exc", r".*Error|Exception"),
        ("py:class", r".*Error|Exception|BaseException"),
        ("py:func", r"(attrs|open)\..*|open"),
    ]

# Examples in docstrings run under pytest --doctest-modules, with their module's
# names in scope; the doctest builder runs the explicit ``.. doctest::`` blocks of
# the pages.
doctest_test_doctest_blocks = ""
doctest_global_setup = """
import os
os.chdir(os.environ.get("NKCORPUS_DOCS_ROOT", "."))
import nkcorpus
"""
