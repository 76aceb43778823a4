"""Where a corpus run happens and in what pieces: one frozen option object.

The command line, :class:`~nkcorpus.corpus.runner.Runner`,
:class:`~nkcorpus.corpus.job.Job` and :class:`~nkcorpus.corpus.distributed.DatasetJob`
all take their run settings from :class:`RunOptions` (and how inputs are read from
:class:`~nkcorpus.corpus.inputs.ReadOptions`), so each setting has one name, one
default and one check:

>>> from nkcorpus.corpus.options import RunOptions
>>> RunOptions(workers=2)
RunOptions(engine='local', workers=2, scheduler=None, batch_size=64, torch_threads=None, \
start_method='spawn', partition_size=1000)
>>> RunOptions(workers=2).updated(batch_size=16).batch_size
16
>>> RunOptions(scheduler="tcp://127.0.0.1:8786")
Traceback (most recent call last):
    ...
nkcorpus.errors.ConfigError: a scheduler address needs engine='dask' (--engine dask)

What the pipeline does (the stages and their models) is :class:`~nkcorpus.Config`'s
business; these objects say only how a corpus goes through it.
"""

from __future__ import annotations

from typing import Any

import attrs

from nkcorpus.config import Config
from nkcorpus.errors import ConfigError
from nkcorpus.validators import changed, one_of, whole_number

__all__ = ["ENGINES", "START_METHODS", "RunOptions"]

#: The values ``RunOptions.engine`` accepts.
ENGINES = ("local", "dask")

#: The values ``RunOptions.start_method`` accepts (the start methods of ``multiprocessing``).
START_METHODS = ("spawn", "forkserver", "fork")


@attrs.frozen(kw_only=True)
class RunOptions:
    """Where and in what pieces a corpus is processed.

    Attributes:
        engine: ``"local"`` (this process, or worker processes) or ``"dask"``.
        workers: worker processes (``1`` runs in this process with the local engine);
            with the dask engine and no ``scheduler``, the processes of the
            ``LocalCluster`` started for the run.
        scheduler: a Dask scheduler address (``"tcp://host:8786"``), or ``None``.
        batch_size: documents per batch sent to a worker and through each stage.
        torch_threads: torch threads per worker process (default: the entity
            settings' ``threads``); the calling process is left alone unless given.
        start_method: how local worker processes start: ``"spawn"`` (safe with threads
            and native libraries), ``"forkserver"`` or ``"fork"``.
        partition_size: text files per partition of a
            :class:`~nkcorpus.corpus.distributed.DatasetJob` (a record file is a
            partition of its own).

    Raises:
        ConfigError: for an unknown engine or start method, a count below 1, or a
            scheduler address without the dask engine.
    """

    engine: str = attrs.field(default="local", validator=one_of(ENGINES))
    workers: int = attrs.field(default=1, validator=whole_number(1))
    scheduler: str | None = None
    batch_size: int = attrs.field(default=64, validator=whole_number(1))
    torch_threads: int | None = attrs.field(default=None, validator=whole_number(1, optional=True))
    start_method: str = attrs.field(default="spawn", validator=one_of(START_METHODS))
    partition_size: int = attrs.field(default=1000, validator=whole_number(1))

    def __attrs_post_init__(self) -> None:
        if self.scheduler and self.engine != "dask":
            raise ConfigError("a scheduler address needs engine='dask' (--engine dask)")

    def worker_threads(self, config: Config) -> int | None:
        """Return the torch threads a worker process sets: ``torch_threads`` or the config's."""
        return self.torch_threads if self.torch_threads is not None else config.entities.threads

    def updated(self, **changes: Any) -> RunOptions:
        """Return a copy with ``changes`` applied (and checked).

        Raises:
            ConfigError: for a name that is not a run setting, or a bad value.
        """
        updated: RunOptions = changed(self, changes)
        return updated
