"""Every exception nkcorpus raises on purpose.

Each class derives from :class:`NkcorpusError` and from the builtin exception a
caller would expect (``FileNotFoundError`` for a missing model, ``ValueError``
for bad settings, ...), so ``except NkcorpusError`` catches all of them and
``except FileNotFoundError`` keeps working. Every message says how to fix the
problem.
"""

from __future__ import annotations

__all__ = [
    "ConfigError",
    "DecodeError",
    "DownloadError",
    "EmptyDocumentError",
    "InputError",
    "InputTooLargeError",
    "ModelNotInstalledError",
    "NkcorpusError",
    "OutputError",
    "PipelineError",
    "SerializationError",
    "UnsafeArchiveError",
    "WorkerCrashError",
]


class NkcorpusError(Exception):
    """Base class of every error nkcorpus raises on purpose."""


class ConfigError(NkcorpusError, ValueError):
    """A setting has a value nkcorpus cannot use; the message names the setting and its choices."""


class PipelineError(ConfigError):
    """The stages of a pipeline do not fit together.

    For example, a stage needs what no earlier stage provides.
    """


class InputError(NkcorpusError, ValueError):
    """An input document cannot be processed as given."""


class InputTooLargeError(InputError):
    """An input is larger than the input size limit (``--max-input-size``)."""

    def __init__(self, what: str, limit: int) -> None:
        super().__init__(
            f"{what} of {limit:,} bytes; split it, or raise the limit with --max-input-size"
        )


class OutputError(NkcorpusError, OSError):
    """The output cannot be written (disk full, read-only folder, a file in the way).

    The message names the file and the reason.
    """


class EmptyDocumentError(InputError):
    """An input document holds no text at all (an empty file, or only whitespace)."""


class DecodeError(InputError, UnicodeError):
    """Bytes could not be decoded to text in any supported encoding (often a binary file)."""


class SerializationError(NkcorpusError, ValueError):
    """A dictionary or JSON line does not describe a valid :class:`~nkcorpus.Document`."""


class ModelNotInstalledError(NkcorpusError, FileNotFoundError):
    """A stage needs a model that is not installed.

    The message names the command that installs it.
    """


class DownloadError(NkcorpusError, ConnectionError):
    """A model download the user asked for failed (no network, or the server refused)."""


class UnsafeArchiveError(NkcorpusError, ValueError):
    """A model archive was refused.

    Path traversal, absolute paths, links, oversized members and bad checksums
    are all refused.
    """


class WorkerCrashError(NkcorpusError, RuntimeError):
    """A worker process died while processing a document (out of memory, a crash in native code)."""
