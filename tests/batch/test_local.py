"""End to end through the CLI entry point: a folder of good and bad files and a hostile
zip, a worker that segfaults, a document past the timeout, resume, and run-level errors.

The CLI runs in this process (``nlpkommun.cli.main``) to save interpreter start-ups;
the kill-and-resume test in test_kill_resume.py runs it as a real subprocess."""

from __future__ import annotations

import pytest

from nlpkommun.batch import errors_path_for
from nlpkommun.records import DocumentRecord
from tests.batch.conftest import assert_outcomes, read_jsonl, run_cli


@pytest.fixture(scope="module")
def first_run(local_run):
    return local_run


def test_every_input_exactly_once_with_typed_errors(first_run):
    _, out, expected, (code, _, err) = first_run
    assert code == 0, err
    assert_outcomes(out, expected)
    errors = read_jsonl(errors_path_for(out))
    assert all(e["message"] and e["code"] for e in errors)
    crash = next(e for e in errors if e["source"].endswith("crash.txt"))
    assert "SIGSEGV" in crash["message"] and crash["code"] == "worker_crashed"
    hostile = next(e for e in errors if e["source"].endswith("!../../evil.txt"))
    assert hostile["error"] == "ArchiveError" and "traversal" in hostile["message"]


def test_records_are_valid_and_pdfs_have_pages(first_run):
    _, out, _, _ = first_run
    records = [DocumentRecord.model_validate(r) for r in read_jsonl(out)]
    pdf = next(r for r in records if r.source.endswith("beslut.pdf"))
    assert pdf.pages == 2 and "Kommunfullmäktige" in pdf.text
    member = next(r for r in records if r.source.endswith("arkiv.zip!arkiv/yttrande.txt"))
    assert "Orminge" in member.text
    assert len({r.id for r in records}) == len(records)


def test_summary_line_and_progress_log(first_run):
    _, out, expected, (_, stdout, stderr) = first_run
    ok = sum(1 for v in expected.values() if v == "ok")
    failed = len(expected) - ok
    last = stdout.strip().splitlines()[-1]
    assert f"{ok} ok, {failed} failed, 0 skipped (already done)" in last, last
    assert "3 pages" in last and str(errors_path_for(out)) in last
    assert "Traceback" not in stderr


def test_resume_of_a_finished_run_skips_everything(first_run):
    _, out, expected, _ = first_run
    before = out.read_bytes(), errors_path_for(out).read_bytes()
    code, stdout, err = run_cli("batch", str(out.parent / "docs"), "--output", str(out), "--resume",
                                "--progress", "off")
    assert code == 0, err
    assert f"0 ok, 0 failed, {len(expected)} skipped (already done)" in stdout
    assert (out.read_bytes(), errors_path_for(out).read_bytes()) == before


def test_run_level_errors_exit_2_with_one_line(first_run, tmp_path):
    _, out, _, _ = first_run
    docs = str(out.parent / "docs")
    for args, needle in [
        (("batch", docs, "--output", str(out)), "--resume"),
        (("batch", str(tmp_path / "nope"), "--output", str(tmp_path / "o.jsonl")), "no such file"),
        (("batch", docs, "--output", str(tmp_path / "d.jsonl"), "--engine", "dask"), "--scheduler"),
        (("batch", docs, "--output", str(tmp_path / "w.jsonl"), "--workers", "0"), "--workers"),
    ]:
        code, _, err = run_cli(*args)
        assert code == 2 and needle in err, (args, err)
        assert err.strip().count("\n") == 0 and "Traceback" not in err


def test_strict_exit_status(tmp_path):
    """Only inputs that fail before extraction: no worker is even started."""
    import zipfile

    bad = tmp_path / "only_bad"
    bad.mkdir()
    (bad / "missing-link.txt").symlink_to(tmp_path / "gone.txt")
    with zipfile.ZipFile(bad / "evil.zip", "w") as zf:
        zf.writestr("../../../tmp/evil.txt", "x")
    out = bad / "s.jsonl"  # inside the input folder: the run's own files are never inputs
    code, stdout, err = run_cli("batch", str(bad), "--output", str(out), "--strict", "--progress", "off")
    assert code == 4, err
    assert "0 ok, 2 failed" in stdout
    entries = read_jsonl(bad / "s.errors.jsonl")
    assert sorted(e["error"] for e in entries) == ["ArchiveError", "InputNotFoundError"]
    code, stdout, err = run_cli("batch", str(bad), "--output", str(out), "--resume", "--progress", "off")
    assert code == 0 and "0 ok, 0 failed, 2 skipped" in stdout, stdout + err
    code, stdout, err = run_cli("batch", str(bad), "--output", str(out), "--retry-failed", "--progress", "off")
    assert code == 0 and "0 ok, 2 failed, 0 skipped" in stdout, stdout + err
    assert len(read_jsonl(bad / "s.errors.jsonl")) == 2  # failed again, listed once
    assert len(read_jsonl(bad / "s.errors.jsonl.retried")) == 2  # the previous list, kept aside
    code, stdout, err = run_cli("batch", str(bad), "--output", str(out), "--resume", "--progress", "off")
    assert code == 0 and "0 ok, 0 failed, 2 skipped" in stdout, stdout + err  # .retried is no input either
