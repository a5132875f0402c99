"""The CLI: JSON and text output, schema, one-line errors with non-zero exit."""

from __future__ import annotations

import json
import subprocess
import sys

from nlpkommun.records import DocumentRecord


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "nlpkommun.cli", *args], capture_output=True, text=True, timeout=120
    )


def test_extract_json_and_text(tmp_path):
    doc = tmp_path / "d.txt"
    doc.write_text("Protokoll\n\nKommunstyrelsen sammanträdde den 3 mars 2021.", encoding="utf-8")
    out = run("extract", str(doc), "--format", "json")
    assert out.returncode == 0, out.stderr
    DocumentRecord.model_validate(json.loads(out.stdout))
    out = run("extract", str(doc), "--format", "text")
    assert out.returncode == 0 and "source:" in out.stdout


def test_errors_are_one_line_and_nonzero(tmp_path):
    out = run("extract", str(tmp_path / "nope.pdf"))
    assert out.returncode == 2
    assert out.stderr.strip().count("\n") == 0 and "Traceback" not in out.stderr
    bad = tmp_path / "bin.txt"
    bad.write_bytes(b"\x00\x01\x02\x03" * 10)
    out = run("extract", str(bad))
    assert out.returncode == 2 and "unsupported_format" in out.stderr


def test_schema_prints_json():
    out = run("schema")
    assert out.returncode == 0
    assert "DocumentRecord" in out.stdout


def test_text_summary_lists_entities():
    from nlpkommun.records import DocumentRecord, Organisation, Person
    from nlpkommun.summary import summarise

    record = DocumentRecord(
        id="0" * 64, source="x.txt", text="",
        persons=[Person(name="Anna Berg", kind="politician", party="M", roles=["ordförande"])],
        organisations=[
            Organisation(name="MTR", acronym="MTR"),
            Organisation(name="Inspektionen för vård och omsorg", acronym="IVO"),
        ],
    )
    text = summarise(record)
    assert "Anna Berg (M), politician, ordförande" in text
    assert "MTR;" in text and "MTR (MTR)" not in text and "(IVO)" in text
