"""Train the Swedish NER pipeline from ``<data>/ner`` (one reproducible entry point)."""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import IO

import spacy
from spacy.training.initialize import init_nlp
from spacy.training.loop import (
    create_evaluation_callback,
    create_train_batches,
    train_while_improving,
    update_meta,
)
from spacy.util import registry, resolve_dot_names
from thinc.api import fix_random_seed

from nlpkommun.ner.config import ModelOptions, build_config
from nlpkommun.ner.corpora import CORE_LABELS, TaggedSentence
from nlpkommun.ner.dataset import DataOptions, build_splits, write_docbin


def core_label_evaluation(
    nlp: spacy.language.Language, dev: list[TaggedSentence], labels: tuple[str, ...] = CORE_LABELS
) -> Callable[[], tuple[float, dict[str, object]]]:
    """Selection callback scoring only ``labels`` (micro F on gold tokens).

    Used when the model is trained with extra labels (e.g. ``MISC``) that the pipeline
    does not use: those predictions are ignored, not counted as errors or successes.
    """
    from nlpkommun.ner.evaluate import evaluate

    def score() -> tuple[float, dict[str, object]]:
        scores = evaluate(nlp, dev, labels)
        per_type = {
            lab: {"p": scores[lab].precision, "r": scores[lab].recall, "f": scores[lab].f1} for lab in labels
        }
        micro = scores["micro"]
        return micro.f1, {"ents_f": micro.f1, "ents_p": micro.precision, "ents_r": micro.recall,
                          "ents_per_type": per_type}

    return score


def train_pipeline(
    train_path: Path,
    dev_path: Path,
    output: Path,
    model: ModelOptions,
    seed: int = 0,
    max_minutes: float | None = None,
    init_tok2vec: Path | None = None,
    log: IO[str] = sys.stdout,
    selection: list[TaggedSentence] | None = None,
) -> dict[str, object]:
    """Train on DocBins, keep the checkpoint with the best dev F and save it to ``output``.

    ``selection``, when given, replaces spaCy's scorer on the dev DocBin: the checkpoint
    is chosen by micro F on PER/LOC/ORG of these sentences (see :func:`core_label_evaluation`).

    Stops at ``model.max_steps``, when dev F has not improved for ``model.patience``
    steps, or after ``max_minutes`` of wall time, whichever comes first.
    """
    config = build_config(model, str(train_path), str(dev_path), seed=seed)
    if init_tok2vec is not None:
        config["initialize"]["init_tok2vec"] = str(init_tok2vec)
    fix_random_seed(seed)
    nlp = init_nlp(config)
    resolved = nlp.config.interpolate()
    from spacy.schemas import ConfigSchemaTraining

    T = registry.resolve(resolved["training"], schema=ConfigSchemaTraining)
    train_corpus, dev_corpus = resolve_dot_names(resolved, [T["train_corpus"], T["dev_corpus"]])
    optimizer = T["optimizer"]
    steps = train_while_improving(
        nlp,
        optimizer,
        create_train_batches(nlp, train_corpus, T["batcher"], T["max_epochs"]),
        core_label_evaluation(nlp, selection)
        if selection is not None
        else create_evaluation_callback(nlp, dev_corpus, T["score_weights"]),
        dropout=T["dropout"],
        accumulate_gradient=T["accumulate_gradient"],
        patience=T["patience"],
        max_steps=T["max_steps"],
        eval_frequency=T["eval_frequency"],
        exclude=[],
        annotating_components=[],
        before_update=None,
    )
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    tmp_best = Path(tempfile.mkdtemp(prefix="ner-best-", dir=output.parent))
    best: dict[str, object] = {"score": -1.0}
    history: list[dict[str, object]] = []
    start = time.monotonic()
    try:
        for _batch, info, is_best in steps:
            if is_best is None:
                continue
            elapsed = time.monotonic() - start
            ents = info["other_scores"]
            row = {
                "step": info["step"],
                "epoch": info["epoch"],
                "loss": round(float(info["losses"].get("ner", 0.0)), 2),
                "dev_f": round(float(ents.get("ents_f") or 0.0), 4),
                "minutes": round(elapsed / 60, 2),
            }
            history.append(row)
            print(json.dumps(row), file=log, flush=True)
            if is_best:
                update_meta(T, nlp, info)
                with nlp.use_params(optimizer.averages):
                    if tmp_best.exists():
                        shutil.rmtree(tmp_best)
                    nlp.to_disk(tmp_best)
                best = {"score": row["dev_f"], "step": row["step"], "per_type": ents.get("ents_per_type")}
            if max_minutes is not None and elapsed > max_minutes * 60:
                print(f"time cap of {max_minutes} min reached", file=log, flush=True)
                break
        if not (tmp_best / "config.cfg").exists():  # never evaluated: save what we have
            with nlp.use_params(optimizer.averages):
                nlp.to_disk(tmp_best)
        if output.exists():
            shutil.rmtree(output)
        shutil.move(str(tmp_best), str(output))
    finally:
        if tmp_best.exists():
            shutil.rmtree(tmp_best, ignore_errors=True)
    return {"best": best, "history": history, "model": model.as_dict(), "seed": seed}


def train(
    data_dir: str | Path,
    output: str | Path,
    seed: int = 0,
    max_steps: int | None = None,
    max_minutes: float | None = None,
    data: DataOptions | None = None,
    model: ModelOptions | None = None,
    work_dir: str | Path | None = None,
    init_tok2vec: Path | None = None,
    limit: int | None = None,
    log: IO[str] = sys.stdout,
    on_splits: Callable[[dict[str, object]], None] | None = None,
) -> dict[str, object]:
    """Build the corpora from ``data_dir``, train, and write the pipeline to ``output``.

    ``limit`` truncates the training and selection sets (for smoke tests). Returns a
    report with data counts, options and the dev history; it is also written to
    ``output/training.json``.
    """
    data = data or DataOptions(seed=seed)
    model = model or ModelOptions()
    if max_steps is not None:
        model.max_steps = max_steps
        model.eval_frequency = min(model.eval_frequency, max(1, max_steps // 2))
    splits = build_splits(data_dir, data)
    if limit is not None:
        splits.train, splits.dev = splits.train[:limit], splits.dev[: max(1, limit // 4)]
    summary = splits.summary()
    if on_splits:
        on_splits(summary)
    print(json.dumps({"data": summary}), file=log, flush=True)
    tmp = None
    if work_dir is None:
        tmp = tempfile.mkdtemp(prefix="nlpkommun-ner-")
        work_dir = tmp
    work = Path(work_dir)
    try:
        write_docbin(splits.train, work / "train.spacy")
        write_docbin(splits.dev, work / "dev.spacy")
        report = train_pipeline(
            work / "train.spacy",
            work / "dev.spacy",
            Path(output),
            model,
            seed=seed,
            max_minutes=max_minutes,
            init_tok2vec=init_tok2vec,
            log=log,
            selection=None if set(data.labels) == set(CORE_LABELS) else splits.dev,
        )
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
    report["data"] = summary
    report["data_options"] = asdict(data)
    _stamp_meta(Path(output), report)
    (Path(output) / "training.json").write_text(json.dumps(report, indent=1, ensure_ascii=False))
    return report


def _stamp_meta(path: Path, report: dict[str, object]) -> None:
    meta_path = path / "meta.json"
    meta = json.loads(meta_path.read_text()) if meta_path.exists() else {}
    meta.update(
        {
            "name": "nlpkommun_sv_ner",
            "version": "0.1.0",
            "description": "Swedish NER (PER, LOC, ORG) for municipal documents, nlpkommun",
            "license": "CC BY-SA 4.0",
            "author": "nlpkommun",
            "spacy_version": f">={_minor(spacy.__version__)}.0,<{_next_minor(spacy.__version__)}.0",
        }
    )
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False))


def _minor(version: str) -> str:
    return ".".join(version.split(".")[:2])


def _next_minor(version: str) -> str:
    major, minor = version.split(".")[:2]
    return f"{major}.{int(minor) + 1}"
