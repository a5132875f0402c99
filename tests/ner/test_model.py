"""The shipped NER model: loads with spacy.load, is self-contained, tags held-out text."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from nlpkommun.ner.corpora import read_conll
from nlpkommun.ner.evaluate import evaluate
from nlpkommun.pipeline import default_model_path
from tests.conftest import shared_path

MODEL = Path(__file__).resolve().parents[2] / "models" / "nlpkommun-sv-ner"


@pytest.fixture(scope="module")
def ner():
    if not (MODEL / "config.cfg").is_file():
        pytest.skip(f"no shipped NER model at {MODEL}")
    return spacy.load(MODEL)


def test_shipped_model_is_small_self_contained_and_default(ner, monkeypatch) -> None:
    size = sum(f.stat().st_size for f in MODEL.rglob("*") if f.is_file())
    assert size <= 30 * 1024 * 1024
    assert ner.pipe_names == ["ner"]
    assert set(ner.get_pipe("ner").labels) == {"PER", "LOC", "ORG"}
    monkeypatch.delenv("NLPKOMMUN_NER_MODEL", raising=False)
    assert default_model_path().resolve() == MODEL.resolve()


def test_shipped_model_tags_held_out_uner_sentences(ner) -> None:
    sents = read_conll(shared_path("data", "ner", "uner_talbanken", "sv_talbanken-ud-test.iob2"))
    scores = evaluate(ner, sents)
    assert scores["micro"].f1 > 0.7, scores["micro"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Närvarande: Karin Lindqvist (M), ordförande, och Johan Ek (S).",
         {("Karin Lindqvist", "PER"), ("Johan Ek", "PER")}),
        ("Beslutet skickas till Skolverket.", {("Skolverket", "ORG")}),
        ("Statsministern reste till Göteborg i går.", {("Göteborg", "LOC")}),
    ],
)
def test_shipped_model_finds_entities_in_new_sentences(ner, text: str, expected: set[tuple[str, str]]) -> None:
    got = {(e.text, e.label_) for e in ner(text).ents}
    assert expected <= got, got
