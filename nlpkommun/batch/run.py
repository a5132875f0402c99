"""``run_batch``: what ``nlpkommun batch`` does, as a Python function."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Literal

from nlpkommun.batch.inputs import Limits, count_inputs, iter_documents, iter_units
from nlpkommun.batch.local import LocalEngine, WorkerConfig, default_workers
from nlpkommun.batch.manifest import Manifest, errors_path_for
from nlpkommun.batch.progress import Progress
from nlpkommun.batch.summary import BatchSummary
from nlpkommun.errors import BatchError, InputNotFoundError


def run_batch(
    inputs: Sequence[str | os.PathLike[str]],
    output: str | os.PathLike[str],
    *,
    workers: int | None = None,
    resume: bool = False,
    retry_failed: bool = False,
    format: Literal["jsonl", "parquet"] = "jsonl",
    engine: Literal["local", "dask"] = "local",
    scheduler: Any = None,
    timeout: float | None = 600.0,
    ner: str | None = "default",
    pdf_backend: str = "pdfminer",
    limits: Limits | None = None,
    max_worker_memory_mb: float | None = None,
    progress: str = "auto",
    shards: int | None = None,
) -> BatchSummary:
    """Process files, folders and archives into ``output`` (JSONL or Parquet) and
    ``OUT.errors.jsonl``; every input ends in exactly one of them.

    ``resume`` continues an interrupted run (done content ids are skipped); without it an
    existing non-empty output is refused; ``retry_failed`` (implies ``resume``) also runs
    the documents of the error manifest again. ``progress``: ``auto``, ``bar``, ``log`` or ``off``.
    With ``engine="dask"``, ``scheduler`` is an address or a ``distributed.Client`` and
    ``shards`` the number of tasks (default: 4 per cluster thread).
    Raises :class:`~nlpkommun.errors.BatchError` (or another typed error) when the run
    itself cannot proceed; per-document failures only go to the error manifest.
    """
    if not inputs:
        raise BatchError("no inputs given")
    resume = resume or retry_failed
    if workers is not None and workers < 1:
        raise BatchError(f"--workers must be at least 1, not {workers}")
    missing = [str(p) for p in inputs if not os.path.exists(p)]
    if missing:
        raise InputNotFoundError(f"no such file or folder: {', '.join(missing)}")
    limits = limits or Limits()
    config = WorkerConfig(ner=ner, pdf_backend=pdf_backend)
    output = Path(output)
    errors = errors_path_for(output)
    journal = output
    extra_done: set[str] = set()
    if format == "parquet":
        from nlpkommun.batch import parquet

        parquet.require_pyarrow()
        journal = parquet.journal_path_for(output)
        if output.exists():
            if not resume:
                raise BatchError(f"{output} already exists; pass --resume to add to it, or remove it first")
            extra_done = parquet.read_ids(output)
    elif format != "jsonl":
        raise BatchError(f"unknown output format {format!r} (jsonl or parquet)")
    retried = errors.with_name(errors.name + ".retried")
    own_files = (output, output.with_name(output.name + ".tmp"), journal, errors, retried)  # never inputs
    if engine == "dask":
        if scheduler is None:
            raise BatchError("--engine dask needs --scheduler ADDRESS (e.g. tcp://10.0.0.5:8786)")
        from nlpkommun.batch.dask_engine import run_dask

        summary = run_dask(
            inputs, journal, scheduler=scheduler, errors=errors, resume=resume, retry_failed=retry_failed,
            extra_done=extra_done,
            shards=shards, timeout=timeout, config=config, limits=limits,
            max_worker_memory_mb=max_worker_memory_mb, progress=progress, final_outputs=own_files,
        )
    elif engine == "local":
        summary = _run_local(
            inputs, journal, errors, resume=resume, retry_failed=retry_failed, extra_done=extra_done,
            workers=workers, timeout=timeout,
            config=config, limits=limits, max_worker_memory_mb=max_worker_memory_mb, progress=progress,
            own_files=own_files,
        )
    else:
        raise BatchError(f"unknown engine {engine!r} (local or dask)")
    if format == "parquet":
        from nlpkommun.batch import parquet

        parquet.finalize(journal, output)
        summary.output = str(output)
    return summary


def largest_first(units: Iterable[str]) -> list[str]:
    """Files and archives by size, largest first, so the slowest documents start early
    instead of running alone at the end of the run (records are written as they finish)."""

    def size(unit: str) -> int:
        try:
            return os.path.getsize(unit)
        except OSError:
            return -1

    return sorted(units, key=lambda u: (-size(u), u))


def _run_local(
    inputs: Sequence[str | os.PathLike[str]],
    output: Path,
    errors: Path,
    *,
    resume: bool,
    retry_failed: bool,
    extra_done: set[str],
    workers: int | None,
    timeout: float | None,
    config: WorkerConfig,
    limits: Limits,
    max_worker_memory_mb: float | None,
    progress: str,
    own_files: Sequence[Path],
) -> BatchSummary:
    units = largest_first(iter_units(inputs, exclude=own_files))
    with Manifest(output, errors, resume=resume, extra_done=extra_done, retry_failed=retry_failed) as manifest:
        bar = Progress(count_inputs(units, limits), mode=progress) if progress != "off" else None
        engine = LocalEngine(
            manifest,
            workers=workers or default_workers(),
            timeout=timeout,
            max_worker_memory_mb=max_worker_memory_mb,
            config=config,
            progress=bar,
        )
        try:
            return engine.run(iter_documents(units, limits))
        except KeyboardInterrupt:
            s = engine.summary
            print(
                f"\nnlpkommun batch: interrupted after {s.ok} ok, {s.failed} failed; everything written is "
                "kept: rerun with --resume to continue",
                file=sys.stderr,
            )
            raise
        finally:
            if bar is not None:
                bar.close()
