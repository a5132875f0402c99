"""SIGKILL the batch process mid-run, resume: every document exactly once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from nlpkommun.batch import errors_path_for
from nlpkommun.batch.worker import TEST_HOOKS_ENV
from tests.batch.conftest import REPO, read_jsonl, run_cli


def test_sigkill_then_resume_yields_each_document_once(tmp_path, monkeypatch):
    docs = tmp_path / "docs"
    docs.mkdir()
    sources = []
    for i in range(8):
        p = docs / f"doc{i}.txt"
        p.write_text(f"Protokoll nummer {i} från nämnden. NLPKOMMUN-TEST-SLEEP=0.4\n", encoding="utf-8")
        sources.append(str(p))
    out = tmp_path / "out.jsonl"
    env = dict(os.environ, **{TEST_HOOKS_ENV: "1"})
    proc = subprocess.Popen(
        [sys.executable, "-m", "nlpkommun.cli", "batch", str(docs), "--output", str(out), "--workers", "1",
         "--progress", "off"],
        cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline and proc.poll() is None:
            if out.exists() and out.read_bytes().count(b"\n") >= 2:
                break
            time.sleep(0.05)
        assert proc.poll() is None, "the batch finished before it could be killed"
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    done_before = read_jsonl(out)
    assert 2 <= len(done_before) < len(sources)
    with out.open("ab") as f:  # as if the kill had landed in the middle of a write
        f.write(out.read_bytes().splitlines()[0][:120])

    monkeypatch.setenv(TEST_HOOKS_ENV, "1")
    code, stdout, err = run_cli("batch", str(docs), "--output", str(out), "--resume", "--workers", "2",
                                "--progress", "off")
    assert code == 0, err
    records = read_jsonl(out)
    assert sorted(r["source"] for r in records) == sorted(sources)
    assert len({r["id"] for r in records}) == len(sources)
    assert read_jsonl(errors_path_for(out)) == []
    assert f"{len(sources) - len(done_before)} ok, 0 failed, {len(done_before)} skipped" in stdout
