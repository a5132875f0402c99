"""Parquet output: schema from the record models, journal → Parquet, resume, missing extra."""

from __future__ import annotations

import shutil
import sys

import pytest

from nlpkommun.batch import errors_path_for, run_batch
from nlpkommun.batch.parquet import arrow_schema, finalize, journal_path_for, require_pyarrow
from nlpkommun.errors import BackendNotInstalledError, BatchError
from tests.batch.conftest import read_jsonl

pq = pytest.importorskip("pyarrow.parquet")


def test_schema_follows_the_record_models():
    schema = arrow_schema()
    assert schema.names[:3] == ["schema_version", "id", "source"]
    persons = schema.field("persons").type
    assert str(persons.value_type.field("mentions").type.value_type.field("page").type) == "int64"
    assert str(schema.field("metadata").type.field("meeting_date").type) == "string"


def test_journal_to_parquet_round_trip_and_resume(local_run, tmp_path):
    root, local_out, expected, _ = local_run
    records = read_jsonl(local_out)
    out = tmp_path / "archive.parquet"
    journal = journal_path_for(out)
    shutil.copy(local_out, journal)
    assert finalize(journal, out) == len(records)
    assert not journal.exists()
    table = pq.read_table(out)
    assert sorted(table.column("id").to_pylist()) == sorted(r["id"] for r in records)
    rows = {row["id"]: row for row in table.to_pylist()}
    for rec in records:
        assert rows[rec["id"]]["text"] == rec["text"] and rows[rec["id"]]["pages"] == rec["pages"]
        assert rows[rec["id"]]["metadata"]["title"] == rec["metadata"]["title"]

    with pytest.raises(BatchError, match="--resume"):
        run_batch([root / "docs"], out, format="parquet", progress="off")
    shutil.copy(errors_path_for(local_out), errors_path_for(out))
    summary = run_batch([root / "docs"], out, format="parquet", resume=True, progress="off")
    assert (summary.ok, summary.failed, summary.skipped) == (0, 0, len(expected))
    assert pq.read_table(out).num_rows == len(records)  # nothing doubled by the rewrite


def test_missing_pyarrow_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(BackendNotInstalledError, match=r"pip install 'nlpkommun\[parquet\]'"):
        require_pyarrow()
