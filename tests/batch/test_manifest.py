"""The durable output: resume keys, torn-line repair, refusal and locking."""

from __future__ import annotations

import json

import pytest

from nlpkommun.batch.manifest import Manifest, errors_path_for, scan_jsonl, source_key
from nlpkommun.errors import BatchError

ID_A = "a" * 64
ID_B = "b" * 64


def _record(doc_id: str, source: str = "x.txt") -> str:
    return json.dumps({"schema_version": "1", "id": doc_id, "source": source, "text": "t"}, separators=(",", ":"))


def test_errors_path_for():
    assert errors_path_for("out/run.jsonl").name == "run.errors.jsonl"
    assert errors_path_for("run.parquet").name == "run.errors.jsonl"
    assert errors_path_for("run").name == "run.errors.jsonl"


def test_write_then_resume_knows_what_is_done(tmp_path):
    out = tmp_path / "out.jsonl"
    with Manifest(out, resume=False) as m:
        m.write_record(ID_A, _record(ID_A))
        m.write_error("bad.txt", "EmptyDocumentError", "empty", "no text", ID_B)
        m.write_error("arkiv.zip!../x", "ArchiveError", "archive", "refused", None)
    with Manifest(out, resume=True) as m:
        assert m.done == {ID_A, source_key("bad.txt"), source_key("arkiv.zip!../x")}
        assert m.is_done(ID_A, "elsewhere.txt") and m.is_done(ID_B, "bad.txt") and not m.is_done(ID_B, "new.txt")
        assert m.previous_records == 1 and m.previous_errors == 2
    entry = json.loads(errors_path_for(out).read_text().splitlines()[0])
    assert entry["error"] == "EmptyDocumentError" and entry["source"] == "bad.txt" and entry["message"] == "no text"


def test_existing_output_needs_resume(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text(_record(ID_A) + "\n")
    with pytest.raises(BatchError, match="--resume"):
        Manifest(out, resume=False)
    errs = tmp_path / "other.jsonl"
    errors_path_for(errs).write_text('{"source": "s", "id": null}\n')
    with pytest.raises(BatchError):
        Manifest(errs, resume=False)


def test_torn_last_line_is_cut_and_never_duplicated(tmp_path):
    out = tmp_path / "out.jsonl"
    full = _record(ID_A) + "\n"
    torn = _record(ID_B)[:40]  # a crash in the middle of writing B
    out.write_text(full + torn)
    with Manifest(out, resume=True) as m:
        assert m.done == {ID_A}
        m.write_record(ID_B, _record(ID_B))
    lines = out.read_text().splitlines()
    assert [json.loads(line)["id"] for line in lines] == [ID_A, ID_B]


def test_complete_json_without_newline_is_redone(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text(_record(ID_A) + "\n" + _record(ID_B))  # cut just before the newline
    keys, _ = scan_jsonl(out, is_error=False, repair=True)
    assert keys == {ID_A}
    assert out.read_text() == _record(ID_A) + "\n"


def test_corrupt_middle_line_is_ignored(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text(_record(ID_A) + "\n" + "{not json\n" + _record(ID_B) + "\n")
    with Manifest(out, resume=True) as m:
        assert m.done == {ID_A, ID_B} and m.corrupt_lines == 1


def test_second_writer_is_refused(tmp_path):
    out = tmp_path / "out.jsonl"
    with Manifest(out, resume=False):
        with pytest.raises(BatchError, match="another batch run"):
            Manifest(out, resume=True)
    with Manifest(out, resume=True):  # released on close
        pass


def test_retry_failed_moves_the_error_manifest_aside(tmp_path):
    out = tmp_path / "out.jsonl"
    with Manifest(out, resume=False) as m:
        m.write_record(ID_A, _record(ID_A))
        m.write_error("bad.txt", "DocumentTimeoutError", "timeout", "slow", ID_B)
    with Manifest(out, resume=True, retry_failed=True) as m:
        assert m.done == {ID_A} and not m.is_done(ID_B, "bad.txt")
    assert not errors_path_for(out).read_text()
    assert "bad.txt" in (tmp_path / "out.errors.jsonl.retried").read_text()
