"""The 33 real Nacka PDFs in ../shared/corpus/nacka: no exception escapes, text comes out.

pdfium reads every document (fast); pdfminer reads the files under 200 kB, to keep the
suite quick (``benchmarks/pdf_throughput.py`` runs pdfminer on all of them).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from nlpkommun.ingest.pdf import read_pdf

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "nacka"
FILES = sorted(CORPUS.glob("*.pdf")) if CORPUS.is_dir() else []
SMALL = [f for f in FILES if f.stat().st_size < 200_000]

pytestmark = pytest.mark.skipif(not FILES, reason=f"{CORPUS} is absent (../shared is not beside the repository)")


def _check(path: Path, backend: str) -> None:
    result = read_pdf(path.read_bytes(), backend=backend)
    assert result.pages, path.name
    text = "\n".join(result.pages)
    if any("no text layer on any" in w for w in result.warnings):
        assert not text.strip()
        return
    assert len(text) > 200, path.name
    # running page numbers such as "2 (13)" never survive on their own line
    assert not any(line.strip() == f"{i + 1} ({len(result.pages)})" for i, line in enumerate(text.splitlines()))


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name[:60])
def test_corpus_pdfium(path: Path) -> None:
    pytest.importorskip("pypdfium2")
    _check(path, "pdfium")


@pytest.mark.parametrize("path", SMALL, ids=lambda p: p.name[:60])
def test_corpus_pdfminer(path: Path) -> None:
    _check(path, "pdfminer")


def test_corpus_scanned_protokollsutdrag_is_flagged() -> None:
    """The corpus has one scanned protokollsutdrag (with an OCR layer): it must say so."""
    scans = [f for f in FILES if "protokollsutdrag" in f.name]
    assert scans
    for backend in ("pdfminer", "pdfium"):
        result = read_pdf(scans[0].read_bytes(), backend=backend)
        assert result.warnings == [
            "page(s) 1 are scanned images with an OCR text layer; the text may contain recognition errors"
        ]
        assert "Kommunstyrelsen beslutar att ärendet bordläggs" in result.pages[0]
