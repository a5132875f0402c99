"""Exact-span precision/recall/F1 of an NER pipeline on gold-tokenised sentences."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from nlpkommun.ner.corpora import CORE_LABELS, TaggedSentence, read_conll

Span3 = tuple[int, int, str]


@dataclass(frozen=True)
class PRF:
    """Counts and derived precision, recall and F1 for one label (or micro)."""

    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "support": self.tp + self.fn,
        }


def score_spans(
    gold: Iterable[Iterable[Span3]],
    pred: Iterable[Iterable[Span3]],
    labels: Sequence[str] = CORE_LABELS,
) -> dict[str, PRF]:
    """Per-label and ``micro`` scores; spans must match exactly (start, end, label)."""
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    keep = set(labels)
    for g_sent, p_sent in zip(gold, pred, strict=True):
        g = {s for s in g_sent if s[2] in keep}
        p = {s for s in p_sent if s[2] in keep}
        for s in g & p:
            tp[s[2]] += 1
        for s in p - g:
            fp[s[2]] += 1
        for s in g - p:
            fn[s[2]] += 1
    out = {lab: PRF(tp[lab], fp[lab], fn[lab]) for lab in labels}
    out["micro"] = PRF(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    return out


def predict_spans(nlp: Language, sents: Sequence[TaggedSentence], batch_size: int = 256) -> list[list[Span3]]:
    """Run ``nlp`` on the gold tokens of each sentence and return predicted spans."""
    docs = (Doc(nlp.vocab, words=list(s.tokens)) for s in sents)
    return [
        [(e.start, e.end, e.label_) for e in doc.ents]
        for doc in nlp.pipe(docs, batch_size=batch_size)
    ]


def evaluate(
    nlp: Language, sents: Sequence[TaggedSentence], labels: Sequence[str] = CORE_LABELS
) -> dict[str, PRF]:
    """Score ``nlp`` against gold sentences."""
    return score_spans([s.spans() for s in sents], predict_spans(nlp, sents), labels)


def evaluate_file(
    nlp: Language, path: str | Path, labels: Sequence[str] = CORE_LABELS
) -> dict[str, PRF]:
    """Score ``nlp`` on an IOB2/IO CoNLL file (token and tag columns)."""
    return evaluate(nlp, read_conll(path, keep=labels), labels)


def format_scores(scores: dict[str, PRF]) -> str:
    """A fixed-width table of per-label and micro figures."""
    lines = [f"{'label':<8}{'P':>8}{'R':>8}{'F1':>8}{'support':>9}"]
    for lab, s in scores.items():
        lines.append(
            f"{lab:<8}{s.precision:>8.3f}{s.recall:>8.3f}{s.f1:>8.3f}{s.tp + s.fn:>9d}"
        )
    return "\n".join(lines)
