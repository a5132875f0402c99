"""The stanza NER adapter, on real stanza Documents built offline (no stanza model can be
downloaded here), and its error paths."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest

import nlpkommun
from nlpkommun.backends.stanza import StanzaNER, download_command, stanza_entities
from nlpkommun.errors import BackendNotInstalledError, ModelNotFoundError

REPO = Path(__file__).resolve().parents[2]
#: torch + stanza live in a venv of their own (scripts/setup.sh), so importing spaCy in .venv
#: does not import torch
STANZA_PYTHON = REPO / ".venv-stanza" / "bin" / "python"

TEXT = "Ordförande Anna Berg (S) från Nacka kommun besökte Fisksätra centrum den 3 mars 2021."

#: word -> BIOES tag, as a stanza Swedish NER model (SUC3 labels) would tag TEXT
TAGS = {
    "Anna": "B-PRS",
    "Berg": "E-PRS",
    "Nacka": "B-ORG",
    "kommun": "E-ORG",
    "Fisksätra": "B-LOC",
    "centrum": "E-LOC",
    "3": "B-TME",
    "mars": "I-TME",
    "2021": "E-TME",
}


def stanza_document(text: str, tags: dict[str, str]):
    """A real ``stanza.models.common.doc.Document`` from token dicts with BIOES ``ner`` tags."""
    doc_module = pytest.importorskip("stanza.models.common.doc")
    tokens = [
        {"id": i, "text": m.group(), "ner": tags.get(m.group(), "O"), "start_char": m.start(), "end_char": m.end()}
        for i, m in enumerate(re.finditer(r"\w+|[^\w\s]", text), start=1)
    ]
    return doc_module.Document([tokens], text=text)


def test_stanza_entities_reads_offsets_and_labels_of_a_real_document():
    document = stanza_document(TEXT, TAGS)
    spans = stanza_entities(document)
    assert [(TEXT[s:e], label) for s, e, label in spans] == [
        ("Anna Berg", "PRS"),
        ("Nacka kommun", "ORG"),
        ("Fisksätra centrum", "LOC"),
        ("3 mars 2021", "TME"),
    ]


def test_component_maps_labels_onto_the_nlpkommun_doc():
    nlp = nlpkommun.load(ner=None, components=False)
    component = StanzaNER(nlp, "ner", pipeline=lambda text: stanza_document(text, TAGS))
    doc = component(nlp.make_doc(TEXT))
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Anna Berg", "PER"),
        ("Nacka kommun", "ORG"),
        ("Fisksätra centrum", "LOC"),
    ]  # TME dropped


def test_component_leaves_blank_text_alone():
    nlp = nlpkommun.load(ner=None, components=False)
    component = StanzaNER(nlp, "ner", pipeline=lambda text: pytest.fail("stanza must not run on blank text"))
    assert list(component(nlp.make_doc("  \n ")).ents) == []


def test_missing_stanza_names_the_install_command(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "stanza", None)  # import stanza -> ImportError
    with pytest.raises(BackendNotInstalledError, match=re.escape("pip install nlpkommun[stanza]")):
        nlpkommun.load(ner="stanza", stanza_dir=tmp_path, components=False)


def test_missing_model_dir_names_the_download_command(tmp_path):
    pytest.importorskip("stanza")
    missing = tmp_path / "stanza_resources"
    with pytest.raises(ModelNotFoundError) as info:
        nlpkommun.load(ner="stanza", stanza_dir=missing, components=False)
    assert download_command(missing) in str(info.value)
    assert "stanza.download('sv'" in str(info.value)


def test_unusable_model_dir_is_a_typed_error_and_never_downloads(tmp_path):
    pytest.importorskip("stanza")
    (tmp_path / "resources.json").write_text("{}", encoding="utf-8")
    (tmp_path / "sv").mkdir()
    with pytest.raises(ModelNotFoundError, match="stanza.download"):
        nlpkommun.load(ner="stanza", stanza_dir=tmp_path, components=False)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["resources.json", "sv"]  # nothing fetched
    assert list((tmp_path / "sv").iterdir()) == []


def test_adapter_tests_pass_in_the_stanza_environment():
    """Where stanza is not installed in this environment, run this file's tests with the
    interpreter of .venv-stanza, so the adapter is exercised on real stanza objects."""
    if importlib.util.find_spec("stanza") is not None:
        pytest.skip("stanza is installed here: the tests above ran on it directly")
    if not STANZA_PYTHON.exists():
        pytest.skip("no .venv-stanza (scripts/setup.sh makes one where the CPU torch 2.13.0 wheel is on disk)")
    result = subprocess.run(
        [str(STANZA_PYTHON), "-m", "pytest", "-q", "-p", "no:cacheprovider", str(Path(__file__)),
         "-k", "not in_the_stanza_environment"],
        capture_output=True, text=True, timeout=300, cwd=REPO,
    )
    summary = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "passed" in summary and "skipped" not in summary, summary
