"""Implementations behind ``nlpkommun train`` and ``nlpkommun evaluate-ner``."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import IO

from spacy.language import Language

from nlpkommun.errors import InputNotFoundError, ModelNotFoundError


def load_ner_model(path: str | Path | None = None) -> Language:
    """Load the NER pipeline at ``path`` (default: the model ``nlpkommun.load()`` uses)."""
    import spacy

    from nlpkommun.pipeline import default_model_path

    model = Path(path) if path is not None else default_model_path()
    if not (model / "config.cfg").is_file():
        raise ModelNotFoundError(f"no spaCy pipeline at {model} (expected {model / 'config.cfg'})")
    nlp = spacy.load(model)
    if "ner" not in nlp.pipe_names:
        raise ModelNotFoundError(f"the pipeline at {model} has no 'ner' component")
    return nlp


def evaluate_ner_command(
    file: str | Path,
    model: str | Path | None = None,
    labels: tuple[str, ...] | None = None,
    as_json: bool = False,
    dedup: bool = False,
    out: IO[str] = sys.stdout,
) -> dict[str, dict[str, float | int]]:
    """Score the NER model on an IOB2/IO CoNLL file and print per-label and micro P/R/F1.

    ``dedup`` scores each distinct sentence once (the klintan test set has duplicates).
    """
    from nlpkommun.ner.corpora import CORE_LABELS, read_conll
    from nlpkommun.ner.corpora import dedup as dedup_sentences
    from nlpkommun.ner.evaluate import evaluate, format_scores

    path = Path(file)
    if not path.is_file():
        raise InputNotFoundError(f"no such file: {path}")
    labels = labels or CORE_LABELS
    sents = read_conll(path, keep=labels)
    if dedup:
        sents = dedup_sentences(sents)
    if not sents:
        from nlpkommun.ner.corpora import CorpusFormatError

        raise CorpusFormatError(f"{path}: no sentences (expected 'token tag' lines)")
    nlp = load_ner_model(model)
    scores = evaluate(nlp, sents, labels)
    result = {k: v.as_dict() for k, v in scores.items()}
    if as_json:
        out.write(json.dumps(result, indent=2) + "\n")
    else:
        out.write(f"{path.name}: {len(sents)} sentences, {sum(len(s.tokens) for s in sents)} tokens\n")
        out.write(format_scores(scores) + "\n")
    return result


def train_command(
    data: str | Path,
    output: str | Path,
    seed: int = 0,
    max_steps: int | None = None,
    max_minutes: float | None = None,
    limit: int | None = None,
) -> dict[str, object]:
    """Train the shipped NER configuration from ``data`` (the shared data folder)."""
    from nlpkommun.ner.dataset import KLINTAN_TRAIN, DataOptions
    from nlpkommun.ner.train import train

    data = Path(data)
    if not (data / KLINTAN_TRAIN).is_file():
        raise InputNotFoundError(f"{data} does not look like the NER data folder (no {KLINTAN_TRAIN})")
    return train(
        data, output, seed=seed, max_steps=max_steps, max_minutes=max_minutes,
        data=DataOptions(seed=seed), limit=limit,
    )
