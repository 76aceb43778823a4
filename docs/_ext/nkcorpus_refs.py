"""Resolve references to public aliases such as ``nkcorpus.Document`` or ``Document``.

The API reference documents every class where it is defined
(``nkcorpus.document.Document``); code and prose refer to the public alias
(``nkcorpus.Document``). This extension resolves an alias reference that Sphinx
could not find to the documented object, using the package's own export table.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment


def _resolve(
    app: Sphinx, env: BuildEnvironment, node: pending_xref, contnode: nodes.Element
) -> Any:
    if node.get("refdomain") != "py":
        return None
    import nkcorpus

    target = node.get("reftarget", "").lstrip("~.")
    if target.startswith("nkcorpus."):
        target = target[len("nkcorpus.") :]
    name, _, rest = target.partition(".")
    module = nkcorpus._EXPORTS.get(name)
    if module is None:
        return None
    full = ".".join(part for part in (module, name, rest) if part)
    domain = env.get_domain("py")
    return domain.resolve_xref(
        env, node.get("refdoc", ""), app.builder, node["reftype"], full, node, contnode
    )


def setup(app: Sphinx) -> dict[str, Any]:
    """Connect the resolver."""
    app.connect("missing-reference", _resolve)
    return {"parallel_read_safe": True, "version": "1"}
