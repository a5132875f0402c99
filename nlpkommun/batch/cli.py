"""The ``nlpkommun batch`` command (registered on the main app by :func:`register`)."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path

import typer

BATCH_HELP = (
    "Process files, folders (recursive) and .zip/.tar archives into OUT.jsonl (or Parquet).\n\n"
    "Every input ends either as a record in OUTPUT or as an entry (typed error name, code, message, "
    "source) in OUT.errors.jsonl beside it; a content id is written at most once. Archives are read in "
    "memory with limits; unsafe members (../ paths, absolute paths, links, devices, zip bombs) are "
    "refused and listed in the error manifest.\n\n"
    "Worker processes each load the model once; a worker that crashes, runs past --timeout or grows past "
    "--max-worker-memory costs only its document and is replaced. Output is appended durably: after a "
    "crash or Ctrl-C, --resume skips what is done (by content id). A final line gives the counts (ok, "
    "failed, skipped as already done).\n\n"
    "Exit status: 0 when the run completed, even if some documents failed (they are counted in the "
    "summary line and listed in OUT.errors.jsonl; add --strict to get 4 instead); 2 when the run itself "
    "could not run or finish (bad arguments, missing input path, OUTPUT exists without --resume, output "
    "locked by another run, missing extra, failed Dask shard); 130 on Ctrl-C (rerun with --resume to "
    "continue)."
)


class BatchFormat(str, Enum):
    jsonl = "jsonl"
    parquet = "parquet"


class BatchEngine(str, Enum):
    local = "local"
    dask = "dask"


class BatchPdfBackend(str, Enum):
    pdfminer = "pdfminer"
    pdfium = "pdfium"


def batch(
    inputs: list[Path] = typer.Argument(..., help="Files, folders and .zip/.tar(.gz/.bz2/.xz) archives."),
    output: Path = typer.Option(..., "--output", "-o", help="OUT.jsonl (or OUT.parquet with --format parquet)."),
    workers: int | None = typer.Option(None, "--workers", "-w", help="Worker processes (default: CPU cores, max 8)."),
    resume: bool = typer.Option(False, "--resume", help="Continue an interrupted run: skip documents already done."),
    retry_failed: bool = typer.Option(
        False, "--retry-failed", help="With --resume: run the documents in OUT.errors.jsonl again."
    ),
    format: BatchFormat = typer.Option(BatchFormat.jsonl, "--format", "-f", help="jsonl, or parquet (needs pyarrow)."),
    engine: BatchEngine = typer.Option(BatchEngine.local, "--engine", help="local processes, or a Dask cluster."),
    scheduler: str | None = typer.Option(None, "--scheduler", help="Dask scheduler address, e.g. tcp://host:8786."),
    shards: int | None = typer.Option(None, "--shards", help="Dask tasks (default: 4 per cluster thread)."),
    timeout: float = typer.Option(600.0, "--timeout", help="Seconds one document may take (0: no limit)."),
    max_worker_memory: float | None = typer.Option(
        None, "--max-worker-memory", help="MB a worker may use before its document fails (default: no limit)."
    ),
    pdf_backend: BatchPdfBackend = typer.Option(BatchPdfBackend.pdfminer, "--pdf-backend", help="PDF text engine."),
    strict: bool = typer.Option(False, "--strict", help="Exit with status 4 when any document failed."),
    progress: str = typer.Option("auto", "--progress", help="auto (bar on a terminal, else log lines), bar, log, off."),
) -> None:
    from nlpkommun.batch.run import run_batch
    from nlpkommun.errors import BatchError

    if progress not in {"auto", "bar", "log", "off"}:
        raise BatchError(f"--progress must be auto, bar, log or off, not {progress!r}")
    summary = run_batch(
        [str(p) for p in inputs],
        output,
        workers=workers,
        resume=resume,
        retry_failed=retry_failed,
        format=format.value,
        engine=engine.value,
        scheduler=scheduler,
        shards=shards,
        timeout=timeout if timeout > 0 else None,
        pdf_backend=pdf_backend.value,
        max_worker_memory_mb=max_worker_memory,
        progress=progress,
    )
    sys.stdout.write(summary.line() + "\n")
    sys.stdout.flush()
    if strict and summary.failed:
        raise typer.Exit(4)


def register(app: typer.Typer) -> None:
    """Add the ``batch`` command to the main CLI."""
    app.command("batch", help=BATCH_HELP)(batch)


__all__ = ["register", "batch"]
