"""Reading inputs, running the pipeline over a corpus, writing and summarising results.

The names most programs need, loaded on first use:

>>> from nkcorpus.corpus import Job, Runner, process_corpus, read_inputs, to_frames

* :func:`~nkcorpus.corpus.inputs.read_inputs`: files, directories, JSON Lines, CSV,
  Parquet and standard input as pipeline inputs (:mod:`nkcorpus.corpus.inputs`).
* :class:`~nkcorpus.corpus.runner.Runner` and :func:`~nkcorpus.corpus.runner.process_corpus`:
  the pipeline in this process, in worker processes or on Dask (:mod:`nkcorpus.corpus.runner`).
* :class:`~nkcorpus.corpus.job.Job`: inputs to one output file, resumable
  (:mod:`nkcorpus.corpus.job`, :mod:`nkcorpus.corpus.checkpoint`).
* :class:`~nkcorpus.corpus.options.RunOptions` and
  :class:`~nkcorpus.corpus.inputs.ReadOptions`: where a run happens, how inputs are read.
* :func:`~nkcorpus.corpus.outputs.write_documents` and
  :func:`~nkcorpus.corpus.outputs.read_documents`: JSON Lines and Parquet
  (:mod:`nkcorpus.corpus.outputs`).
* :class:`~nkcorpus.corpus.cache.ResultCache`: finished documents by content and settings.
* :func:`~nkcorpus.corpus.frames.to_frames` and :func:`~nkcorpus.corpus.frames.read_frames`:
  pandas DataFrames of documents and entities (:mod:`nkcorpus.corpus.frames`).
"""

from __future__ import annotations

from nkcorpus._exports import lazy_exports

_EXPORTS = {
    "Job": "nkcorpus.corpus.job",
    "ReadOptions": "nkcorpus.corpus.inputs",
    "RunOptions": "nkcorpus.corpus.options",
    "ResultCache": "nkcorpus.corpus.cache",
    "Runner": "nkcorpus.corpus.runner",
    "Summary": "nkcorpus.corpus.summary",
    "process_corpus": "nkcorpus.corpus.runner",
    "read_documents": "nkcorpus.corpus.outputs",
    "read_frames": "nkcorpus.corpus.frames",
    "read_inputs": "nkcorpus.corpus.inputs",
    "to_frames": "nkcorpus.corpus.frames",
    "write_documents": "nkcorpus.corpus.outputs",
}

__all__ = sorted(_EXPORTS)


__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
