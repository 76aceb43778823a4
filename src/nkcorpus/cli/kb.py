"""``nkcorpus kb``: search the knowledge base and count what it holds.

``nkcorpus kb search NAME`` prints every entity one of whose names (in any
script) is, contains or is found in ``NAME``, with all its names and sources;
``nkcorpus kb stats`` prints the entities and names per type and language.
Both read the built-in knowledge base and the files given with ``--gazetteer``
(as ``nkcorpus process`` does).
"""

from __future__ import annotations

import argparse
from typing import Any

from nkcorpus.entities.kb import KBEntity, load_entities, search, stats

__all__ = ["format_entity", "format_stats", "register"]


def register(subparsers: Any) -> None:
    """Add the ``kb`` subcommand and its ``search`` and ``stats`` commands."""
    parser = subparsers.add_parser(
        "kb",
        help="search the knowledge base of names, or count what it holds",
        description="Search the knowledge base of people, organisations and places.",
    )
    commands = parser.add_subparsers(title="kb commands", metavar="KB_COMMAND", required=True)
    find = commands.add_parser("search", help="show the entities a name (any script) refers to")
    find.add_argument("name", metavar="NAME", help="a name in English, Korean, Chinese...")
    find.add_argument("-n", "--limit", type=int, default=10, metavar="N", help="at most N (10)")
    find.set_defaults(handler=_search)
    count = commands.add_parser("stats", help="entities and names per type and language")
    count.set_defaults(handler=_stats)
    for sub in (find, count):
        sub.add_argument(
            "--gazetteer",
            action="append",
            default=[],
            metavar="FILE",
            help="extra knowledge-base or alias file; repeat for more; later files win",
        )
        sub.add_argument(
            "--no-builtin", action="store_true", help="leave out the built-in knowledge base"
        )


def format_entity(entity: KBEntity) -> str:
    """Return a few lines describing one entity: id, type, QID, names per language, sources."""
    head = f"{entity.id}  {entity.type}  {entity.wikidata or '-'}"
    fields = ", ".join(f"{k}: {v}" for k, v in entity.fields if k != "note")
    lines = [head + (f"  ({fields})" if fields else "")]
    names: dict[str, list[str]] = {}
    for lang, name in entity.aliases + entity.acronyms:
        names.setdefault(lang, []).append(name)
    lines.extend(f"    {lang:<8} {' | '.join(values)}" for lang, values in names.items())
    lines.extend(f"    missing  {lang}: {why}" for lang, why in entity.missing)
    lines.extend(f"    source   {url}" for url in entity.source)
    return "\n".join(lines)


def format_stats(table: dict[str, dict[str, int]]) -> str:
    """Return the table of :func:`nkcorpus.entities.kb.stats` as aligned text."""
    languages = sorted({k for row in table.values() for k in row if k != "entities"})
    header = f"{'type':<14}{'entities':>9}" + "".join(f"{lang:>9}" for lang in languages)
    lines = [header]
    totals: dict[str, int] = {}
    for kind, row in table.items():
        for key, value in row.items():
            totals[key] = totals.get(key, 0) + value
        cells = "".join(f"{row.get(lang, 0):>9}" for lang in languages)
        lines.append(f"{kind:<14}{row['entities']:>9}{cells}")
    cells = "".join(f"{totals.get(lang, 0):>9}" for lang in languages)
    lines.append(f"{'total':<14}{totals.get('entities', 0):>9}{cells}")
    return "\n".join(lines)


def _search(args: argparse.Namespace) -> int:
    entities = load_entities(args.gazetteer, builtin=not args.no_builtin)
    hits = search(args.name, entities)
    if not hits:
        print(f"no entity has a name like {args.name!r}")
        return 1
    print("\n\n".join(format_entity(e) for e in hits[: args.limit]))
    return 0


def _stats(args: argparse.Namespace) -> int:
    entities = load_entities(args.gazetteer, builtin=not args.no_builtin)
    print(format_stats(stats(entities)))
    return 0
