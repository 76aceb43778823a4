"""Settings of the entity stage.

>>> from nkcorpus.entities.options import EntityOptions
>>> EntityOptions(threads=2, gazetteers=("my-aliases.jsonl",)).gazetteers
('my-aliases.jsonl',)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

from nkcorpus.errors import ConfigError
from nkcorpus.validators import flag, optional_path, whole_number

__all__ = ["DEVICE_PREFIXES", "EntityOptions"]

#: Values :attr:`EntityOptions.device` may start with.
DEVICE_PREFIXES = ("cpu", "cuda", "mps")


def _str_tuple(value: str | Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    return tuple(str(item) for item in value)


def _check_device(_instance: Any, _attribute: Any, value: Any) -> None:
    if not isinstance(value, str) or value.split(":", 1)[0] not in DEVICE_PREFIXES:
        raise ConfigError(
            f"EntityOptions.device must be 'cpu', 'cuda', 'cuda:N' or 'mps'; got {value!r}"
        )


@attrs.frozen
class EntityOptions:
    """How named entities are found.

    Which backend runs is :attr:`Config.ner <nkcorpus.Config.ner>`; these are its settings.

    Attributes:
        device: where Stanza runs: ``"cpu"``, ``"cuda"``, ``"cuda:1"`` or ``"mps"``.
        threads: torch threads per process; ``None`` leaves torch's default. One
            thread per process is fastest when several processes share a machine.
        models_dir: the Stanza resources folder to read models from. ``None``
            means ``$STANZA_RESOURCES_DIR``, else ``~/stanza_resources`` (see
            :func:`nkcorpus.models.resources_dir`).
        batch_size: how many sentences Stanza tags at once. Sentences from all
            documents of a batch are pooled, sorted by length and tagged together.
        gazetteers: extra alias files (JSON lines, see :mod:`nkcorpus.entities.gazetteer`)
            read after the built-in one; their aliases win over built-in ones.
        builtin_gazetteer: whether to use the aliases shipped with nkcorpus.
        stanza_languages: languages that must have a Stanza model when
            ``Config.ner == "stanza"``; checked when the pipeline is built, so a
            missing model fails at once instead of on the first document.
        on_translations: also find entities in each :class:`~nkcorpus.Translation`
            (kept in :attr:`Translation.entities <nkcorpus.Translation.entities>`).
    """

    device: str = attrs.field(default="cpu", validator=_check_device)
    threads: int | None = attrs.field(default=1, validator=whole_number(1, optional=True))
    models_dir: str | None = attrs.field(default=None, validator=optional_path)
    batch_size: int = attrs.field(default=32, validator=whole_number(1))
    gazetteers: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)
    builtin_gazetteer: bool = attrs.field(default=True, validator=flag)
    stanza_languages: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)
    on_translations: bool = attrs.field(default=False, validator=flag)
