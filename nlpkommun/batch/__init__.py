"""Batch processing of archives: files, folders and zip/tar archives → JSONL or Parquet
records plus an error manifest, on local worker processes or a Dask cluster.

>>> from nlpkommun.batch import run_batch                       # doctest: +SKIP
>>> run_batch(["arkiv/", "protokoll.zip"], "out.jsonl", workers=2).line()  # doctest: +SKIP

Modules: :mod:`~nlpkommun.batch.inputs` (safe expansion), :mod:`~nlpkommun.batch.manifest`
(durable output, resume), :mod:`~nlpkommun.batch.local` (worker pool),
:mod:`~nlpkommun.batch.dask_engine` (:func:`process_shard`, Dask),
:mod:`~nlpkommun.batch.progress`, :mod:`~nlpkommun.batch.parquet`.
"""

from nlpkommun.batch.dask_engine import process_shard
from nlpkommun.batch.inputs import Limits
from nlpkommun.batch.manifest import errors_path_for
from nlpkommun.batch.run import run_batch
from nlpkommun.batch.summary import BatchSummary

__all__ = ["BatchSummary", "Limits", "errors_path_for", "process_shard", "run_batch"]
