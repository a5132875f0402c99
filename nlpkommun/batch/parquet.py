"""Parquet output (the ``parquet`` extra): an Arrow schema derived from the record models,
and conversion of the run's JSONL journal into one Parquet file.

Parquet files cannot be appended to durably, so ``--format parquet`` writes records to a
JSONL journal beside the output (``OUT.parquet.journal.jsonl``, resumable like any
output) and, when the run completes, writes ``OUT.parquet`` atomically (temporary file +
rename) from the rows already in it plus the journal, then removes the journal.
"""

from __future__ import annotations

import json
import os
import types
import typing
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel

from nlpkommun.errors import BackendNotInstalledError
from nlpkommun.records import DocumentRecord

_BATCH_ROWS = 512


def require_pyarrow() -> Any:
    """Import pyarrow, or raise a typed error naming the install command."""
    try:
        import pyarrow
        import pyarrow.parquet  # noqa: F401
    except ImportError as exc:
        raise BackendNotInstalledError(
            "--format parquet needs pyarrow: pip install 'nlpkommun[parquet]'"
        ) from exc
    return pyarrow


def journal_path_for(output: str | os.PathLike[str]) -> Path:
    """Where a Parquet run keeps its JSONL journal."""
    out = Path(output)
    return out.with_name(out.name + ".journal.jsonl")


def _arrow_type(annotation: Any, pa: Any) -> tuple[Any, bool]:
    """(Arrow type, nullable) of a pydantic field annotation."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        inner, _ = _arrow_type(args[0], pa)
        return inner, True
    if origin is Literal or annotation is str:
        return pa.string(), False
    if annotation is int:
        return pa.int64(), False
    if annotation is float:
        return pa.float64(), False
    if annotation is bool:
        return pa.bool_(), False
    if origin is list:
        inner, _ = _arrow_type(typing.get_args(annotation)[0], pa)
        return pa.list_(inner), False
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return pa.struct(_fields(annotation, pa)), False
    raise TypeError(f"no Arrow type for {annotation!r}")


def _fields(model: type[BaseModel], pa: Any) -> list[Any]:
    out = []
    for name, info in model.model_fields.items():
        arrow, _ = _arrow_type(info.annotation, pa)
        out.append(pa.field(name, arrow))  # nullable: rows of older schemas may lack a field
    return out


def arrow_schema() -> Any:
    """The Arrow schema of :class:`~nlpkommun.records.DocumentRecord` (nested structs and lists)."""
    pa = require_pyarrow()
    return pa.schema(_fields(DocumentRecord, pa))


def read_ids(path: Path) -> set[str]:
    """Content ids of the records in an existing Parquet output."""
    if not path.exists():
        return set()
    pq = require_pyarrow().parquet
    return set(pq.read_table(path, columns=["id"]).column("id").to_pylist())


def finalize(journal: Path, output: Path) -> int:
    """Write ``output`` from its previous rows plus the journal's; remove the journal.

    Returns the number of rows written. Rows of the journal already in the previous file
    (same id) are not repeated.
    """
    pa = require_pyarrow()
    pq = pa.parquet
    schema = arrow_schema()
    tmp = output.with_name(output.name + ".tmp")
    seen: set[str] = set()
    rows_written = 0
    with pq.ParquetWriter(tmp, schema, compression="zstd") as writer:
        if output.exists():
            previous = pq.ParquetFile(output)
            for batch in previous.iter_batches(batch_size=_BATCH_ROWS):
                table = pa.Table.from_batches([batch]).select(schema.names).cast(schema)
                seen.update(table.column("id").to_pylist())
                writer.write_table(table)
                rows_written += table.num_rows
        rows: list[dict[str, Any]] = []
        if journal.exists():
            with journal.open("rb") as f:
                for line in f:
                    if not line.endswith(b"\n"):
                        continue
                    try:
                        row = json.loads(line)
                    except ValueError:
                        continue
                    if row.get("id") in seen:
                        continue
                    seen.add(row["id"])
                    rows.append(row)
                    if len(rows) >= _BATCH_ROWS:
                        writer.write_table(pa.Table.from_pylist(rows, schema=schema))
                        rows_written += len(rows)
                        rows = []
        if rows:
            writer.write_table(pa.Table.from_pylist(rows, schema=schema))
            rows_written += len(rows)
    with open(tmp, "rb") as f:
        os.fsync(f.fileno())
    os.replace(tmp, output)
    journal.unlink(missing_ok=True)
    return rows_written
