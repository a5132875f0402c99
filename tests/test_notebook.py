"""The quickstart notebook runs top to bottom, and its saved outputs show the highlighted
entities and the plot."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
NOTEBOOK = REPO / "notebooks" / "quickstart.ipynb"

nbformat = pytest.importorskip("nbformat")
pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")
pytest.importorskip("matplotlib")
pytest.importorskip("pandas")


def outputs(notebook) -> list[dict]:
    return [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.get("outputs", [])]


def html_outputs(notebook) -> list[str]:
    return [o["data"]["text/html"] for o in outputs(notebook) if "text/html" in o.get("data", {})]


def check_outputs(notebook) -> None:
    assert not [o for o in outputs(notebook) if o.get("output_type") == "error"]
    marks = [h for h in html_outputs(notebook) if 'class="entity"' in h]
    assert marks, "no displaCy entity highlighting in the outputs"
    assert any("PERSON" in h and "DATE" in h for h in marks)
    assert any("image/png" in o.get("data", {}) for o in outputs(notebook)), "no plot in the outputs"
    assert any("<table" in h for h in html_outputs(notebook)), "no DataFrame in the outputs"


def test_saved_notebook_shows_entities_and_plot():
    check_outputs(nbformat.read(NOTEBOOK, as_version=4))


def test_notebook_runs_top_to_bottom():
    sys.path.insert(0, str(REPO / "scripts"))
    try:
        from execute_notebooks import execute
    finally:
        sys.path.pop(0)
    notebook = execute(NOTEBOOK, timeout=300)  # raises CellExecutionError on any failing cell
    check_outputs(notebook)


def test_fallback_corpus_writes_a_readable_pdf(tmp_path):
    sys.path.insert(0, str(REPO / "notebooks"))
    try:
        import sample_corpus
    finally:
        sys.path.pop(0)
    from nlpkommun.ingest import ingest

    pdf, texts = sample_corpus.write_corpus(tmp_path)
    assert len(texts) == len(sample_corpus.DOCUMENTS) - 1 and pdf.suffix == ".pdf"
    ingested = ingest(pdf)
    assert ingested.pages == 1
    assert "Läsa, skriva, räkna (LSR)" in ingested.text  # å/ä survive the WinAnsi encoding
    assert "Sammanträdesdatum 2021-09-14" in ingested.text
