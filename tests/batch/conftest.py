"""Fixtures for the batch tests: small corpora made here (text, PDFs via reportlab, bad
files, a zip with a hostile member) and helpers to read a run's output."""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from nlpkommun.batch.worker import TEST_HOOKS_ENV

REPO = Path(__file__).resolve().parents[2]


def make_pdf(path: Path, pages: list[str]) -> None:
    """A small text PDF, one string per page."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path))
    for text in pages:
        for i, line in enumerate(text.split("\n")):
            c.drawString(72, 750 - 14 * i, line)
        c.showPage()
    c.save()


def make_corpus(root: Path) -> dict[str, str]:
    """Good and bad inputs; returns {source: expected outcome ("ok" or an error class name)}."""
    docs = root / "docs"
    (docs / "sub" / "deeper").mkdir(parents=True)
    expected: dict[str, str] = {}

    def add(path: Path, data: bytes | str, outcome: str) -> None:
        if isinstance(data, str):
            data = data.encode("utf-8")
        path.write_bytes(data)
        expected[str(path)] = outcome

    add(docs / "protokoll.txt", "Protokoll\n\nKommunstyrelsen sammanträdde den 3 mars 2021.\n", "ok")
    add(docs / "sub" / "tjskr.txt", "Tjänsteskrivelse\n\nÄrendet gäller Fisksätra centrum.\n", "ok")
    add(docs / "sub" / "deeper" / "motion.txt", "Motion om cykelvägar i kommunen.\n", "ok")
    make_pdf(docs / "beslut.pdf", ["Kommunfullmäktige beslutade den 5 maj 2020.", "Sida två av beslutet."])
    expected[str(docs / "beslut.pdf")] = "ok"
    make_pdf(docs / "sub" / "kallelse.pdf", ["Kallelse till sammanträde med socialnämnden."])
    expected[str(docs / "sub" / "kallelse.pdf")] = "ok"
    add(docs / "empty.txt", b"", "EmptyDocumentError")
    add(docs / "image.bin", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "UnsupportedFormatError")
    add(docs / "broken.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage\n", "PdfError")
    (docs / ".hidden.txt").write_text("hidden files are skipped", encoding="utf-8")

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("arkiv/yttrande.txt", "Yttrande över detaljplan för Orminge.\n")
        zf.writestr("arkiv/tom.txt", "")
        zf.writestr("../../evil.txt", "path traversal attempt\n")
        zf.writestr("/etc/abs.txt", "absolute path\n")
        link = zipfile.ZipInfo("arkiv/link.txt")
        link.external_attr = (0o120777 << 16)  # a symlink member
        zf.writestr(link, "/etc/passwd")
    zip_path = docs / "arkiv.zip"
    add(zip_path, buf.getvalue(), "archive")
    del expected[str(zip_path)]
    expected[f"{zip_path}!arkiv/yttrande.txt"] = "ok"
    expected[f"{zip_path}!arkiv/tom.txt"] = "EmptyDocumentError"
    expected[f"{zip_path}!../../evil.txt"] = "ArchiveError"
    expected[f"{zip_path}!/etc/abs.txt"] = "ArchiveError"
    expected[f"{zip_path}!arkiv/link.txt"] = "ArchiveError"
    return expected


def read_jsonl(path: Path) -> list[dict]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def outcomes(output: Path) -> dict[str, list[str]]:
    """{source: [outcome, ...]} over the output and its error manifest (lists expose duplicates)."""
    from nlpkommun.batch import errors_path_for

    seen: dict[str, list[str]] = {}
    for rec in read_jsonl(output):
        seen.setdefault(rec["source"], []).append("ok")
    for err in read_jsonl(errors_path_for(output)):
        seen.setdefault(err["source"], []).append(err["error"])
    return seen


def cli(*args: str, hooks: bool = True, timeout: float = 180) -> subprocess.CompletedProcess:
    """Run ``nlpkommun`` in a subprocess (test hooks on unless asked otherwise)."""
    env = dict(os.environ)
    if hooks:
        env[TEST_HOOKS_ENV] = "1"
    return subprocess.run(
        [sys.executable, "-m", "nlpkommun.cli", *args],
        capture_output=True, text=True, timeout=timeout, env=env, cwd=REPO,
    )


def run_cli(*args: str) -> tuple[int, str, str]:
    """``nlpkommun ARGS`` in this process: (exit status, stdout, stderr)."""
    from nlpkommun.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


def add_misbehaving(docs: Path, expected: dict[str, str]) -> None:
    """Documents that segfault their worker, outlive the timeout, or grow past the memory
    limit (test hooks)."""
    crash = docs / "crash.txt"
    crash.write_text("Protokoll NLPKOMMUN-TEST-SEGFAULT\n", encoding="utf-8")
    expected[str(crash)] = "WorkerCrashedError"
    slow = docs / "sub" / "slow.txt"
    slow.write_text("Protokoll NLPKOMMUN-TEST-SLEEP=300\n", encoding="utf-8")
    expected[str(slow)] = "DocumentTimeoutError"
    hog = docs / "sub" / "hog.txt"
    hog.write_text("Protokoll NLPKOMMUN-TEST-ALLOC-MB=1200 NLPKOMMUN-TEST-SLEEP=30\n", encoding="utf-8")
    expected[str(hog)] = "WorkerMemoryError"


@pytest.fixture(scope="session")
def local_run(tmp_path_factory):
    """One local CLI run (2 workers, 10 s timeout: slack for a loaded machine, 1000 MB per worker, hooks on)
    over the mixed corpus:
    (root, output, expected outcomes, (exit status, stdout, stderr))."""
    root = tmp_path_factory.mktemp("batch")
    expected = make_corpus(root)
    add_misbehaving(root / "docs", expected)
    out = root / "out.jsonl"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(TEST_HOOKS_ENV, "1")
        result = run_cli("batch", str(root / "docs"), "--output", str(out), "--workers", "2", "--timeout", "10",
                         "--max-worker-memory", "1000", "--progress", "log")
    return root, out, expected, result


def assert_outcomes(output: Path, expected: dict[str, str]) -> None:
    """Every expected input exactly once, with the expected outcome (or a subclass of it)."""
    import nlpkommun.errors as errors

    seen = outcomes(output)
    assert sorted(seen) == sorted(expected), set(seen) ^ set(expected)
    for source, want in expected.items():
        got = seen[source]
        assert len(got) == 1, f"{source} appears {len(got)} times: {got}"
        if want == "ok" or got[0] == "ok":
            assert got[0] == want, f"{source}: {got[0]} != {want}"
        else:
            assert issubclass(getattr(errors, got[0]), getattr(errors, want)), f"{source}: {got[0]} is not a {want}"
