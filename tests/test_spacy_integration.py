"""spaCy ecosystem: entry-point factories, plain ``spacy.load`` of a saved pipeline in a
fresh process, components in a user's own pipeline, DocBin and ``n_process=2``."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from importlib import import_module, metadata
from pathlib import Path

import pytest
import tomllib
from spacy.language import Language
from spacy.tokens import Doc, DocBin

import nlpkommun
from nlpkommun.assemble import assemble
from nlpkommun.extensions import DOC_ATTRIBUTES, register_extensions
from nlpkommun.ingest import ingest
from nlpkommun.pipeline import DOMAIN_COMPONENTS

REPO = Path(__file__).resolve().parents[1]

TEXTS = [
    "Kommunstyrelsen sammanträdde den 3 mars 2021.\nAnna Berg (S) var ordförande och Karl Holm (M) justerade.",
    "Projektet Mer värde för pengarna (MVP) pågår 2019–2022 i Fisksätra.\nBeslutet fattades i april 2020.",
    "Utbildningsnämnden föreslår att Lena Ek (C) och Per Ström (L) utses till ersättare vecka 12 2021.",
]


def entry_points_in_pyproject() -> dict[str, str]:
    data = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    return data["project"]["entry-points"]["spacy_factories"]


def factory_names(nlp: Language) -> list[str]:
    return [nlp.get_pipe_meta(name).factory for name in nlp.pipe_names]


def extension_values(doc: Doc) -> dict[str, object]:
    """The ``nk_*`` attributes as JSON data (DocBin's msgpack turns lists into tuples)."""
    return json.loads(json.dumps({name: getattr(doc._, name) for name in DOC_ATTRIBUTES}))


def run_python(code: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code), *args],
        capture_output=True, text=True, timeout=300, cwd=str(REPO.parent),  # not the repo: no implicit import path
    )


def test_every_registered_factory_has_an_entry_point():
    entries = entry_points_in_pyproject()
    pipeline_factories = set(factory_names(nlpkommun.load(ner=None)))
    domain = {factory for _, factory in DOMAIN_COMPONENTS}
    missing = (pipeline_factories | domain | {"nlpkommun_spacy_ner", "nlpkommun_stanza_ner"}) - set(entries)
    assert not missing, f"add these to [project.entry-points.spacy_factories]: {sorted(missing)}"


def test_every_entry_point_imports_and_registers_its_factory():
    for name, target in entry_points_in_pyproject().items():
        module, _, attr = target.partition(":")
        assert callable(getattr(import_module(module), attr)), target
        assert Language.has_factory(name), f"{module} does not register {name}"


def test_entry_points_are_installed():
    installed = {ep.name: ep.value for ep in metadata.entry_points(group="spacy_factories")}
    declared = entry_points_in_pyproject()
    stale = {k: v for k, v in declared.items() if installed.get(k) != v}
    assert not stale, f"installed metadata is stale; run `pip install -e .`: {stale}"


def test_extensions_register_idempotently():
    register_extensions()
    register_extensions()
    assert all(Doc.has_extension(name) for name in DOC_ATTRIBUTES)


@pytest.fixture(scope="module")
def saved_pipeline(tmp_path_factory, nlp):
    path = tmp_path_factory.mktemp("saved") / "nlpkommun_pipeline"
    nlp.to_disk(path)
    docs = list(nlp.pipe(TEXTS))
    DocBin(store_user_data=True, docs=docs).to_disk(path.parent / "docs.spacy")
    return path, docs


def test_saved_pipeline_loads_with_plain_spacy_in_a_fresh_process(saved_pipeline, nlp):
    path, docs = saved_pipeline
    code = """
        import json, sys
        import spacy
        from spacy.tokens import DocBin
        before = "nlpkommun" in sys.modules
        nlp = spacy.load(sys.argv[1])
        out = {"imported_before": before, "pipe_names": nlp.pipe_names, "docs": [], "docbin": []}
        attrs = [a for a in dir(nlp("x")._) if a.startswith("nk_")]
        for text in json.loads(sys.argv[2]):
            doc = nlp(text)
            out["docs"].append({a: getattr(doc._, a) for a in attrs} | {"ents": [(e.text, e.label_) for e in doc.ents]})
        for doc in DocBin().from_disk(sys.argv[3]).get_docs(spacy.blank("sv").vocab):
            out["docbin"].append({a: getattr(doc._, a) for a in attrs})
        print(json.dumps(out))
    """
    result = run_python(code, str(path), json.dumps(TEXTS), str(path.parent / "docs.spacy"))
    assert result.returncode == 0, result.stderr[-3000:]
    out = json.loads(result.stdout.strip().splitlines()[-1])
    assert out["imported_before"] is False  # found through the spacy_factories entry points
    assert out["pipe_names"] == nlp.pipe_names
    expected = [extension_values(d) | {"ents": [[e.text, e.label_] for e in d.ents]} for d in docs]
    assert expected == out["docs"]
    assert [extension_values(d) for d in docs] == out["docbin"]
    assert any(d["nk_dates"] for d in out["docs"])


def test_components_join_a_users_own_swedish_pipeline():
    code = """
        import json
        import spacy
        nlp = spacy.blank("sv")
        nlp.add_pipe("nlpkommun_sentences")
        nlp.add_pipe("nlpkommun_dates")
        nlp.add_pipe("nlpkommun_programmes")
        doc = nlp("Satsningen Tidiga och samordnade insatser (TSI) startar den 1 september 2021.")
        print(json.dumps({"dates": doc._.nk_dates, "programmes": doc._.nk_programmes}))
    """
    result = run_python(code)
    assert result.returncode == 0, result.stderr[-3000:]
    out = json.loads(result.stdout.strip().splitlines()[-1])
    assert [d["value"] for d in out["dates"]] == ["2021-09-01"]
    assert any(p.get("acronym") == "TSI" for p in out["programmes"]), out["programmes"]


def test_docbin_round_trip_keeps_extension_attributes(nlp):
    docs = list(nlp.pipe(TEXTS))
    data = DocBin(store_user_data=True, docs=docs).to_bytes()
    restored = list(DocBin().from_bytes(data).get_docs(nlp.vocab))
    assert [extension_values(d) for d in restored] == [extension_values(d) for d in docs]
    def ents(d: Doc) -> list[tuple[str, str]]:
        return [(e.text, e.label_) for e in d.ents]

    assert [ents(d) for d in restored] == [ents(d) for d in docs]
    assert any(d._.nk_dates for d in restored)
    for text, doc, again in zip(TEXTS, docs, restored, strict=True):  # the record survives the round trip
        assert assemble(again, ingest(text)) == assemble(doc, ingest(text))


def test_pipe_with_two_processes_matches_one(nlp):
    one = [extension_values(d) for d in nlp.pipe(TEXTS)]
    two = [extension_values(d) for d in nlp.pipe(TEXTS, n_process=2, batch_size=1)]
    assert two == one
    assert any(v["nk_dates"] for v in two)
