"""The span scorer and the evaluate-ner command on crafted input."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
import spacy

from nlpkommun.errors import InputNotFoundError, ModelNotFoundError
from nlpkommun.ner.commands import evaluate_ner_command
from nlpkommun.ner.evaluate import evaluate, score_spans


def test_score_spans_exact_match_per_label_and_micro() -> None:
    gold = [[(0, 2, "PER"), (3, 4, "LOC")], [(0, 1, "ORG")]]
    pred = [[(0, 2, "PER"), (3, 5, "LOC")], [(0, 1, "ORG"), (2, 3, "PER"), (4, 5, "MISC")]]
    s = score_spans(gold, pred)
    assert (s["PER"].tp, s["PER"].fp, s["PER"].fn) == (1, 1, 0)
    assert (s["LOC"].tp, s["LOC"].fp, s["LOC"].fn) == (0, 1, 1)
    assert s["ORG"].f1 == 1.0
    assert (s["micro"].tp, s["micro"].fp, s["micro"].fn) == (2, 2, 1)  # MISC ignored
    assert s["micro"].precision == pytest.approx(0.5)
    assert s["micro"].recall == pytest.approx(2 / 3)
    assert s["micro"].f1 == pytest.approx(4 / 7)


def _ruler_model(tmp_path: Path) -> Path:
    """A real spaCy pipeline whose 'ner' is an entity ruler (so scores are predictable)."""
    nlp = spacy.blank("sv")
    ruler = nlp.add_pipe("entity_ruler", name="ner")
    ruler.add_patterns([
        {"label": "PER", "pattern": [{"ORTH": "Anna"}, {"ORTH": "Berg"}]},
        {"label": "LOC", "pattern": "Lund"},
    ])
    path = tmp_path / "model"
    nlp.to_disk(path)
    return path


def test_evaluate_ner_command_scores_io_and_iob2_files(tmp_path: Path) -> None:
    model = _ruler_model(tmp_path)
    gold = tmp_path / "gold.iob2"
    gold.write_text("Anna B-PER\nBerg I-PER\nbor O\ni O\nLund B-LOC\n\nNämnden B-ORG\nsammanträder O\n",
                    encoding="utf-8")
    out = io.StringIO()
    res = evaluate_ner_command(gold, model=model, as_json=True, out=out)
    assert json.loads(out.getvalue()) == res
    assert res["PER"]["f1"] == 1.0 and res["LOC"]["f1"] == 1.0
    assert res["ORG"]["recall"] == 0.0
    assert res["micro"]["precision"] == 1.0 and res["micro"]["recall"] == pytest.approx(2 / 3, abs=1e-4)
    table = io.StringIO()
    evaluate_ner_command(gold, model=model, out=table)
    assert "micro" in table.getvalue() and "gold.iob2: 2 sentences" in table.getvalue()


def test_evaluate_ner_command_typed_errors(tmp_path: Path) -> None:
    with pytest.raises(InputNotFoundError):
        evaluate_ner_command(tmp_path / "missing.txt", model=tmp_path)
    f = tmp_path / "g.txt"
    f.write_text("a O\n", encoding="utf-8")
    with pytest.raises(ModelNotFoundError):
        evaluate_ner_command(f, model=tmp_path / "nope")


def test_evaluate_uses_gold_tokens() -> None:
    from nlpkommun.ner.corpora import TaggedSentence

    nlp = spacy.blank("sv")
    nlp.add_pipe("entity_ruler", name="ner").add_patterns([{"label": "ORG", "pattern": "SKR:s"}])
    sent = TaggedSentence(("SKR:s", "rapport"), ("B-ORG", "O"))
    assert evaluate(nlp, [sent])["ORG"].f1 == 1.0


def test_evaluate_ner_command_dedup_counts_repeated_sentences_once(tmp_path: Path) -> None:
    model = _ruler_model(tmp_path)
    gold = tmp_path / "dup.txt"
    gold.write_text("Lund LOC\när 0\nfin 0\n\nLund LOC\när 0\nfin 0\n\nAnna PER\nBerg PER\n", encoding="utf-8")
    assert evaluate_ner_command(gold, model=model, out=io.StringIO())["LOC"]["support"] == 2
    assert evaluate_ner_command(gold, model=model, dedup=True, out=io.StringIO())["LOC"]["support"] == 1
