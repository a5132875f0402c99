"""End-to-end training on a tiny slice for a few steps (seconds), and the synthetic data."""

from __future__ import annotations

import io
import json
from pathlib import Path

import spacy

from nlpkommun.ner.synthetic import generate
from tests.conftest import shared_path


def test_train_tiny_slice_end_to_end(tmp_path: Path) -> None:
    from nlpkommun.ner.commands import train_command

    data = shared_path("data")
    out = tmp_path / "model"
    report = train_command(data, out, seed=1, max_steps=4, limit=60)
    assert (out / "config.cfg").is_file()
    nlp = spacy.load(out)
    assert nlp.pipe_names == ["ner"]
    # self-contained: the ner model embeds its own tok2vec, no listener
    assert "Tok2VecListener" not in nlp.config["components"]["ner"]["model"]["tok2vec"]["@architectures"]
    assert set(nlp.get_pipe("ner").labels) <= {"PER", "LOC", "ORG"}
    nlp("Anna Berg bor i Lund.")  # runs
    saved = json.loads((out / "training.json").read_text())
    assert saved["data"]["train"]["sentences"] == 60 and report["history"]


def test_synthetic_sentences_are_labelled_by_construction() -> None:
    sents = generate(300, seed=3)
    assert sents == generate(300, seed=3)  # reproducible
    labels = {lab for s in sents for _, _, lab in s.spans()}
    assert labels == {"PER", "LOC", "ORG"}
    tok = spacy.blank("sv")
    for s in sents[:50]:
        assert list(s.tokens) == [t.text for t in tok(" ".join(s.tokens))] or "\n" in "".join(s.tokens)
        for start, end, label in s.spans():
            if label == "PER":
                assert all(t[:1].isupper() for t in s.tokens[start:end] if t[:1].isalpha())
    assert any(s.tokens[0].isupper() and s.tags[0] == "B-PER" and len(s.tokens[0]) > 2 for s in sents)


def test_train_cli_reports_bad_data_folder(tmp_path: Path) -> None:
    from nlpkommun.cli import main

    err = io.StringIO()
    import contextlib

    with contextlib.redirect_stderr(err):
        code = main(["train", "--data", str(tmp_path), "--output", str(tmp_path / "m")])
    assert code == 2 and "not_found" in err.getvalue()


def test_train_with_misc_selects_on_core_labels(tmp_path: Path) -> None:
    from nlpkommun.ner.config import ModelOptions
    from nlpkommun.ner.dataset import DataOptions
    from nlpkommun.ner.train import train

    data = shared_path("data")
    out = tmp_path / "model"
    opts = DataOptions(labels=("PER", "LOC", "ORG", "MISC"), synthetic=20, seed=1)
    report = train(data, out, seed=1, max_steps=4, limit=200, data=opts,
                   model=ModelOptions(decay_steps=4, warmup_steps=1), log=io.StringIO())
    assert "MISC" in spacy.load(out).get_pipe("ner").labels
    # the selection score covers PER/LOC/ORG only
    assert set(report["best"]["per_type"]) == {"PER", "LOC", "ORG"}


def test_config_learning_rate_schedule() -> None:
    from nlpkommun.ner.config import ModelOptions, build_config

    assert build_config(ModelOptions(), "t", "d")["training"]["optimizer"]["learn_rate"] == 0.001
    lr = build_config(ModelOptions(decay_steps=500), "t", "d")["training"]["optimizer"]["learn_rate"]
    assert lr["@schedules"] == "warmup_linear.v1" and lr["total_steps"] == 500
