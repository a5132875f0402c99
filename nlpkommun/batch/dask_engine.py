"""Beyond one machine: :func:`process_shard` (plain, for Dask, Ray or Spark) and the Dask
engine behind ``nlpkommun batch --engine dask --scheduler ADDRESS``.

The Dask engine splits the inputs (files and whole archives) into shards balanced by
size; each shard runs :func:`process_shard` on a cluster worker, writing
``OUT.parts/part-NNNNN.jsonl`` (and its ``.errors.jsonl``) durably. When the shards are
done the parts are merged into ``OUT.jsonl`` / ``OUT.errors.jsonl``, skipping content
ids already there, and removed. A crash anywhere is repaired by ``--resume``: leftover
parts are merged first, and done documents are skipped by content id, so the resume and
error-manifest guarantees of the local engine hold. Inputs and the output folder must be
on a file system every worker sees.
"""

from __future__ import annotations

import functools
import os
import sys
import time
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from nlpkommun.batch.inputs import Limits, iter_documents, iter_units
from nlpkommun.batch.local import LocalEngine, WorkerConfig
from nlpkommun.batch.manifest import Manifest, errors_path_for, line_key
from nlpkommun.batch.progress import Progress
from nlpkommun.batch.summary import BatchSummary
from nlpkommun.errors import BackendNotInstalledError, BatchError


def process_shard(
    inputs: Sequence[str | os.PathLike[str]],
    output: str | os.PathLike[str],
    *,
    workers: int = 1,
    timeout: float | None = 600.0,
    skip: Collection[str] = (),
    ner: str | None = "default",
    pdf_backend: str = "pdfminer",
    limits: Limits | None = None,
    max_worker_memory_mb: float | None = None,
    log_progress: bool = False,
) -> dict[str, Any]:
    """Process ``inputs`` (files, folders, archives) into the JSONL file ``output`` and
    its error manifest ``output.errors.jsonl``, and return the summary as a plain dict
    (``ok``, ``failed``, ``skipped``, ``duplicates``, ``pages``, ``seconds``, ...).

    Idempotent: the output is always resumed, so a retried task skips what an earlier
    attempt finished. ``skip`` holds content ids already done elsewhere. Documents run in
    ``workers`` subprocesses (the pipeline loaded once in each), so a segfault or a
    timeout costs one document, not the task. One attempt per ``output`` at a time (an
    exclusive lock refuses a second).
    """
    frozen = skip if isinstance(skip, frozenset | set) else frozenset(skip)
    with Manifest(output, resume=True, extra_done=frozen) as manifest:
        progress = Progress(None, mode="log") if log_progress else None
        engine = LocalEngine(
            manifest,
            workers=workers,
            timeout=timeout,
            max_worker_memory_mb=max_worker_memory_mb,
            config=WorkerConfig(ner=ner, pdf_backend=pdf_backend),
            progress=progress,
        )
        own = manifest.own_paths()
        summary = engine.run(iter_documents(iter_units(inputs, exclude=own), limits or Limits()))
    return summary.as_dict()


def parts_dir_for(output: str | os.PathLike[str]) -> Path:
    out = Path(output)
    return out.with_name(out.name + ".parts")


def make_shards(units: Sequence[str], n: int) -> list[list[str]]:
    """Split units into ``n`` shards of similar total size (largest first, greedy)."""
    n = max(1, min(n, len(units)))
    sizes = []
    for unit in units:
        try:
            sizes.append(os.path.getsize(unit))
        except OSError:
            sizes.append(0)
    shards: list[list[str]] = [[] for _ in range(n)]
    loads = [0] * n
    for size, unit in sorted(zip(sizes, units, strict=True), key=lambda t: (-t[0], t[1])):
        i = loads.index(min(loads))
        shards[i].append(unit)
        loads[i] += size
    return [sorted(s) for s in shards if s]


@dataclass
class _Merged:
    records: int = 0
    errors: int = 0
    duplicates: int = 0


def merge_parts(parts_dir: Path, manifest: Manifest) -> _Merged:
    """Append the parts' records and errors not yet in the manifest, then remove the parts."""
    merged = _Merged()
    if not parts_dir.is_dir():
        return merged
    files = sorted(parts_dir.glob("*.jsonl"))
    for path in files:
        is_error = path.name.endswith(".errors.jsonl")
        with path.open("rb") as f:
            for line in f:
                if not line.endswith(b"\n"):
                    continue  # torn by a crash: that document is redone
                key = line_key(line, is_error)
                if key is None:
                    continue
                if key in manifest.done:
                    merged.duplicates += 0 if is_error else 1
                    continue
                text = line.decode("utf-8").rstrip("\n")
                if is_error:
                    manifest.append_error_line(key, text)
                    merged.errors += 1
                else:
                    manifest.write_record(key, text)
                    merged.records += 1
    manifest.sync()
    for path in files:
        path.unlink()
    try:
        parts_dir.rmdir()
    except OSError:
        pass
    return merged


def _require_distributed() -> Any:
    try:
        import distributed
    except ImportError as exc:
        raise BackendNotInstalledError("--engine dask needs dask.distributed: pip install 'nlpkommun[dask]'") from exc
    return distributed


def run_dask(
    inputs: Iterable[str | os.PathLike[str]],
    output: str | os.PathLike[str],
    *,
    scheduler: Any,
    errors: str | os.PathLike[str] | None = None,
    resume: bool = False,
    retry_failed: bool = False,
    extra_done: Collection[str] = frozenset(),
    shards: int | None = None,
    timeout: float | None = 600.0,
    config: WorkerConfig | None = None,
    limits: Limits | None = None,
    max_worker_memory_mb: float | None = None,
    progress: str = "auto",
    final_outputs: Sequence[str | os.PathLike[str]] = (),
) -> BatchSummary:
    """Run a batch on a Dask cluster; ``scheduler`` is an address or a ``distributed.Client``.
    ``final_outputs``: files the run writes afterwards (a Parquet file), never inputs."""
    distributed = _require_distributed()
    config = config or WorkerConfig()
    started = time.monotonic()
    output = Path(output)
    parts_dir = parts_dir_for(output)
    manifest = Manifest(output, errors if errors is not None else errors_path_for(output), resume=resume,
                        extra_done=frozenset(extra_done), retry_failed=retry_failed)
    client = None
    own_client = False
    try:
        if not resume and parts_dir.is_dir() and any(parts_dir.iterdir()):
            raise BatchError(f"{parts_dir} holds parts of an earlier run; pass --resume to merge and continue them")
        leftover = merge_parts(parts_dir, manifest)
        units = list(iter_units(inputs, exclude=(*manifest.own_paths(), parts_dir, *final_outputs)))
        if isinstance(scheduler, distributed.Client):
            client = scheduler
        else:
            try:
                client = distributed.Client(scheduler, timeout="30s")
            except OSError as exc:
                raise BatchError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
            own_client = True
        threads = sum(client.nthreads().values()) or 1
        shard_lists = make_shards(units, shards or 4 * threads) if units else []
        parts_dir.mkdir(parents=True, exist_ok=True)
        [done] = client.scatter([frozenset(manifest.done)], broadcast=True)
        # keyword arguments travel in a partial: Dask's submit() has its own ``workers=``
        task = functools.partial(
            process_shard, workers=1, timeout=timeout, ner=config.ner, pdf_backend=config.pdf_backend,
            limits=limits, max_worker_memory_mb=max_worker_memory_mb,
        )
        futures = {}
        for i, shard in enumerate(shard_lists):
            fut = client.submit(task, shard, str(parts_dir / f"part-{i:05d}.jsonl"), skip=done, pure=False)
            futures[fut] = i
        shard_total = BatchSummary()
        failures: list[str] = []
        show = progress != "off"
        for n, fut in enumerate(distributed.as_completed(futures), 1):
            try:
                part = BatchSummary.from_dict(fut.result())
                shard_total.add(part)
                note = f"{part.ok} ok, {part.failed} failed, {part.skipped} skipped"
            except Exception as exc:  # noqa: BLE001 - reported below; the run fails as a whole
                failures.append(f"shard {futures[fut]}: {type(exc).__name__}: {exc}")
                note = f"FAILED ({type(exc).__name__})"
            if show:
                print(f"nlpkommun batch: shard {n}/{len(futures)} done: {note}", file=sys.stderr, flush=True)
        merged = merge_parts(parts_dir, manifest)
        summary = BatchSummary(
            ok=merged.records,
            failed=merged.errors,
            skipped=shard_total.skipped,
            duplicates=shard_total.duplicates + merged.duplicates,
            pages=shard_total.pages,
            worker_peak_rss_mb=shard_total.worker_peak_rss_mb,
            workers_replaced=shard_total.workers_replaced,
            output=str(manifest.output),
            errors=str(manifest.errors),
        )
        summary.ok += leftover.records
        summary.failed += leftover.errors
        summary.seconds = time.monotonic() - started
        if failures:
            raise BatchError(
                f"{len(failures)} of {len(futures)} Dask shards failed ({failures[0]}); the documents they "
                "finished are saved; rerun with --resume to finish the rest"
            )
        return summary
    finally:
        manifest.close()
        if client is not None and own_client:
            client.close()
