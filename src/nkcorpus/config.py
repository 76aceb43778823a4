"""``Config``: one frozen object that says which stages run and how.

>>> import nkcorpus
>>> config = nkcorpus.Config(ner="gazetteer", translate_to=None)
>>> config.ner
'gazetteer'

Each stage has a field. A stage with detailed settings has an options object
(:class:`~nkcorpus.cleaning.options.CleanOptions`, ...); set it to ``None`` to turn
that stage off. Configs are hashable and compare by value, so they can key caches.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

import attr
import attrs

from nkcorpus.cleaning.options import CleanOptions
from nkcorpus.entities.options import EntityOptions
from nkcorpus.errors import ConfigError
from nkcorpus.language.options import LanguageOptions
from nkcorpus.translate.options import TRANSLATION_TARGETS, TranslateOptions
from nkcorpus.validators import one_of

__all__ = ["NER_BACKENDS", "TRANSLATION_TARGETS", "Config"]

#: The values :attr:`Config.ner` accepts.
NER_BACKENDS = ("auto", "stanza", "gazetteer", "off")
#: The values :attr:`Config.translate_to` accepts besides ``None``.


def _options(cls: type, *, optional: bool) -> Any:
    def check(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is None and optional:
            return
        if not isinstance(value, cls):
            hint = " (or None to turn the stage off)" if optional else ""
            raise ConfigError(
                f"Config.{attribute.name} must be a {cls.__name__}{hint}; "
                f"got {type(value).__name__}"
            )

    return check


@attrs.frozen
class Config:
    """Which stages run, with which settings.

    Attributes:
        clean: cleaning rules, or ``None`` to keep the decoded text as it is.
        language: language detection settings, or ``None`` to skip detection.
        ner: the entity backend: ``"auto"`` (Stanza where a model for the language is
            installed, the alias gazetteer elsewhere), ``"stanza"``, ``"gazetteer"``
            or ``"off"``.
        entities: entity settings (device, threads, model directory, gazetteers).
        translate_to: ``"en"``, ``"ko"``, ``"zh"`` to translate every passage not
            already in that language, or ``None`` (the default) to not translate.
        translate: translation settings (device, threads, beam size, batch size).
    """

    clean: CleanOptions | None = attrs.field(
        factory=CleanOptions, validator=_options(CleanOptions, optional=True)
    )
    language: LanguageOptions | None = attrs.field(
        factory=LanguageOptions, validator=_options(LanguageOptions, optional=True)
    )
    ner: str = attrs.field(default="auto", validator=one_of(NER_BACKENDS))
    entities: EntityOptions = attrs.field(
        factory=EntityOptions, validator=_options(EntityOptions, optional=False)
    )
    translate_to: str | None = attrs.field(
        default=None, validator=one_of((*TRANSLATION_TARGETS, None))
    )
    translate: TranslateOptions = attrs.field(
        factory=TranslateOptions, validator=_options(TranslateOptions, optional=False)
    )

    def to_dict(self) -> dict[str, Any]:
        """Return the settings as JSON-ready data."""
        return attr.asdict(self, retain_collection_types=False)

    def resources(self) -> tuple[str, ...]:
        """Return the files and folders the stages these settings turn on read.

        The alias files (``--gazetteer``), the Stanza models folder when ``ner`` may
        use Stanza, and the Argos packages folder when translating.
        """
        paths = [str(path) for path in self.entities.gazetteers]
        if self.ner in ("auto", "stanza"):
            from nkcorpus.models import resources_dir

            paths.append(str(resources_dir(self.entities.models_dir)))
        if self.translate_to is not None:
            from nkcorpus.models.argos import argos_packages_dir

            paths.append(str(argos_packages_dir(self.translate.packages_dir)))
        return tuple(paths)

    def resources_key(self) -> str:
        """Return a key of the files :meth:`resources` names (paths, sizes, times)."""
        from nkcorpus.resources import resource_identity

        return resource_identity(self.resources())

    def fingerprint(self) -> str:
        """Return a short stable hash of the settings (not of the files they name)."""
        text = json.dumps(self.to_dict(), sort_keys=True, default=str)
        return hashlib.blake2b(text.encode(), digest_size=8).hexdigest()
