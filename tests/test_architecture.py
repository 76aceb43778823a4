"""The layers of the package: each imports only from its own layer and those below it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "nkcorpus"

GROUND = frozenset(
    {
        "document",
        "frozen",
        "spans",
        "resources",
        "errors",
        "stage",
        "validators",
        "serialization",
        "_version",
        "_exports",
    }
)
TEXT = GROUND | {"text"}
MODELS = TEXT | {"models"}
STAGES = frozenset({"cleaning", "language", "translate", "entities"})
PIPELINE = MODELS | STAGES | {"pipeline", "config"}
CORPUS = PIPELINE | {"corpus"}
EVERYTHING = CORPUS | {"views", "cli", ""}

#: The top-level parts of nkcorpus a part may import (besides itself).
ALLOWED: dict[str, frozenset[str]] = {
    **{name: GROUND for name in GROUND},
    "text": TEXT,
    "models": MODELS,
    **{name: MODELS for name in STAGES},
    "config": PIPELINE,
    "pipeline": PIPELINE,
    "corpus": CORPUS,
    "views": CORPUS | {"views"},
    "cli": EVERYTHING,
    "": EVERYTHING,  # nkcorpus/__init__.py re-exports the public names
}


#: Imports that break the layers on purpose, each inside one function and with its reason.
EXCEPTIONS = {
    # Notebooks call Document._repr_html_(); the view is imported when it is called.
    ("nkcorpus.document", "nkcorpus.views.document"),
    ("nkcorpus.document", "nkcorpus.views.document.document_html"),
}


def _part(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _imports() -> list[tuple[str, str, int, str]]:
    """Every ``nkcorpus`` import: (importing module, its part, line, imported module)."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        module = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
                names += [f"{node.module}.{alias.name}" for alias in node.names]
            else:
                continue
            for name in names:
                if name == "nkcorpus" or name.startswith("nkcorpus."):
                    found.append((module, _part(module), node.lineno, name))
    return found


def test_the_package_has_the_parts_the_rules_name() -> None:
    """Every top-level module or package of nkcorpus has a rule (no part escapes the check)."""
    parts = {p.stem if p.suffix == ".py" else p.name for p in PACKAGE.iterdir()}
    parts = {p for p in parts if not p.startswith("__") and p not in {"py", "data"}}
    parts.discard("py.typed")
    assert parts <= set(ALLOWED), sorted(parts - set(ALLOWED))


@pytest.mark.parametrize("part", sorted(ALLOWED))
def test_each_part_imports_only_from_its_layer_and_below(part: str) -> None:
    """No import goes up a layer, and no stage imports another stage."""
    wrong = []
    for module, owner, line, name in _imports():
        if owner != part or (module, name) in EXCEPTIONS:
            continue
        target = _part(name) if name.count(".") >= 1 else ""
        if target in (owner, "") and name != "nkcorpus":
            continue
        if name == "nkcorpus" and owner != "":
            wrong.append(f"{module}:{line} imports the top-level nkcorpus package")
        elif target not in ALLOWED[owner]:
            wrong.append(f"{module}:{line} imports {name}")
    assert not wrong, "imports that break the layers:\n" + "\n".join(wrong)


def test_the_declared_python_compiles_the_packages_patterns() -> None:
    """The page reader's and the cleaning rules' regular expressions use possessive
    quantifiers (``*+``) and atomic groups (``(?>…)``), which Python's ``re`` reads from
    3.11 on (3.10 stops with "multiple repeat" at import): the package declares 3.11 at
    least, so that an older Python is refused at install, not at the first page."""
    import re
    import tomllib

    project = tomllib.loads((PACKAGE.parents[1] / "pyproject.toml").read_text("utf-8"))
    minimum = re.fullmatch(r">=\s*3\.(\d+)", project["project"]["requires-python"])
    assert minimum is not None and int(minimum.group(1)) >= 11
    sources = "".join(path.read_text("utf-8") for path in PACKAGE.rglob("*.py"))
    assert "*+" in sources and "(?>" in sources  # the reason, still there

