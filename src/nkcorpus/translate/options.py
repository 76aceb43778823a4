"""Settings of the translation stage.

>>> from nkcorpus.translate.options import TranslateOptions
>>> TranslateOptions(beam_size=1, batch_size=64).beam_size
1
"""

from __future__ import annotations

from typing import Any

import attrs

from nkcorpus.errors import ConfigError
from nkcorpus.validators import one_of, whole_number

__all__ = ["COMPUTE_TYPES", "DEVICES", "TRANSLATION_TARGETS", "TranslateOptions"]

#: The languages nkcorpus translates into (through Argos Translate, or OpenCC for
#: Chinese scripts).
TRANSLATION_TARGETS = ("en", "ko", "zh")

#: The values :attr:`TranslateOptions.device` accepts.
DEVICES = ("cpu", "cuda", "auto")
#: The values :attr:`TranslateOptions.compute_type` accepts (CTranslate2's names).
COMPUTE_TYPES = (
    "auto",
    "default",
    "int8",
    "int8_float32",
    "int8_float16",
    "int8_bfloat16",
    "int16",
    "float16",
    "bfloat16",
    "float32",
)


def _optional_path(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value)
    if not text:
        raise ConfigError(
            "TranslateOptions.packages_dir must be a folder path or None; got an empty string"
        )
    return text


@attrs.frozen
class TranslateOptions:
    """How translation runs. The defaults suit a CPU with a few cores.

    The target language is :attr:`nkcorpus.Config.translate_to`; these options
    say how the CTranslate2 models of the installed Argos Translate packages run.

    Attributes:
        device: ``"cpu"``, ``"cuda"``, or ``"auto"`` (CUDA when CTranslate2 sees a GPU).
        threads: CTranslate2 intra-op threads per translator. ``1`` is the right
            value on a small machine or when several worker processes share the
            cores; raise it for one process on a big machine. ``0`` lets
            CTranslate2 choose.
        inter_threads: how many batches one translator runs in parallel.
        beam_size: beam search width; ``1`` is greedy decoding (fastest), Argos
            Translate's own default is ``4``.
        batch_size: how many sentences go to the model at once. Sentences are
            gathered across segments and documents and sorted by length before
            they are cut into batches of this size.
        max_decoding_length: the most tokens generated for one sentence.
        max_sentence_chars: sentences longer than this many characters are cut
            (at a space or punctuation where possible) before translation, so
            that no input is truncated by the model.
        compute_type: CTranslate2's computation type; ``"auto"`` picks the
            fastest the device supports (as Argos Translate does).
        packages_dir: the folder holding installed Argos packages; ``None`` uses
            :func:`nkcorpus.models.argos.argos_packages_dir` (environment
            variables ``NKCORPUS_ARGOS_DIR`` or ``ARGOS_PACKAGES_DIR``, or the
            per-user default).
    """

    device: str = attrs.field(default="cpu", validator=one_of(DEVICES))
    threads: int = attrs.field(default=1, validator=whole_number(0))
    inter_threads: int = attrs.field(default=1, validator=whole_number(1))
    beam_size: int = attrs.field(default=2, validator=whole_number(1))
    batch_size: int = attrs.field(default=32, validator=whole_number(1))
    max_decoding_length: int = attrs.field(default=256, validator=whole_number(1))
    max_sentence_chars: int = attrs.field(default=400, validator=whole_number(20))
    compute_type: str = attrs.field(default="auto", validator=one_of(COMPUTE_TYPES))
    packages_dir: str | None = attrs.field(default=None, converter=_optional_path)
