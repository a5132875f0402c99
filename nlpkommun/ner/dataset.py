"""Assemble training and selection sets from ``<data>/ner`` and write spaCy DocBins."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc, DocBin, Span
from spacy.vocab import Vocab

from nlpkommun.ner.corpora import (
    CORE_LABELS,
    TaggedSentence,
    dedup,
    read_conll,
    read_klintan,
    read_suc_slice,
    remove_overlap,
)

KLINTAN_TRAIN = "ner/klintan/train_corpus.txt"
KLINTAN_TEST = "ner/klintan/test_corpus.txt"
UNER_TRAIN = "ner/uner_talbanken/sv_talbanken-ud-train.iob2"
UNER_DEV = "ner/uner_talbanken/sv_talbanken-ud-dev.iob2"
UNER_TEST = "ner/uner_talbanken/sv_talbanken-ud-test.iob2"
SUC_SLICE = "ner/sucx3_slice/removed_sents_from_original_to_simple.txt"


@dataclass
class DataOptions:
    """What goes into the training set (defaults are the shipped model's choice)."""

    labels: tuple[str, ...] = CORE_LABELS
    holdout_fraction: float = 0.1
    use_suc: bool = False
    synthetic: int = 2000
    upper_fraction: float = 0.1
    swap_fraction: float = 0.5
    seed: int = 0


@dataclass
class Splits:
    """Training and selection sentences plus the untouched test sets."""

    train: list[TaggedSentence]
    dev: list[TaggedSentence]
    tests: dict[str, list[TaggedSentence]] = field(default_factory=dict)

    def summary(self) -> dict[str, object]:
        """Sentence and entity counts per split."""

        def count(sents: Sequence[TaggedSentence]) -> dict[str, int]:
            c: Counter[str] = Counter(lab for s in sents for _, _, lab in s.spans())
            return {"sentences": len(sents), **dict(sorted(c.items()))}

        return {
            "train": count(self.train),
            "dev": count(self.dev),
            **{name: count(v) for name, v in self.tests.items()},
        }


def load_tests(data_dir: Path, labels: Iterable[str] = CORE_LABELS) -> dict[str, list[TaggedSentence]]:
    """The two test sets (klintan deduplicated, UNER Talbanken test)."""
    labels = tuple(labels)
    return {
        "klintan_test": dedup(read_klintan(data_dir / KLINTAN_TEST, keep=labels)),
        "uner_test": read_conll(data_dir / UNER_TEST, keep=labels),
    }


def upper_case_names(sent: TaggedSentence, whole: bool = False) -> TaggedSentence:
    """Copy of ``sent`` with PER spans (or every token when ``whole``) upper-cased."""
    toks = list(sent.tokens)
    for start, end, label in sent.spans():
        if label == "PER" or whole:
            for i in range(start, end):
                toks[i] = toks[i].upper()
    if whole:
        toks = [t.upper() for t in toks]
    return TaggedSentence(tuple(toks), sent.tags)


def build_splits(data_dir: str | Path, opts: DataOptions) -> Splits:
    """Read every corpus, deduplicate, remove test sentences and hold out a selection slice."""
    data_dir = Path(data_dir)
    labels = opts.labels
    tests = load_tests(data_dir, labels)
    uner_dev = read_conll(data_dir / UNER_DEV, keep=labels)
    protected = (tests["klintan_test"], tests["uner_test"], uner_dev)
    klintan = remove_overlap(dedup(read_klintan(data_dir / KLINTAN_TRAIN, keep=labels)), *protected)
    rng = random.Random(opts.seed)
    order = list(range(len(klintan)))
    rng.shuffle(order)
    n_hold = int(len(klintan) * opts.holdout_fraction)
    hold_idx = set(order[:n_hold])
    klintan_hold = [s for i, s in enumerate(klintan) if i in hold_idx]
    klintan_train = [s for i, s in enumerate(klintan) if i not in hold_idx]
    uner = remove_overlap(dedup(read_conll(data_dir / UNER_TRAIN, keep=labels)), *protected)
    train = klintan_train + uner
    if opts.use_suc:
        suc = read_suc_slice(data_dir / SUC_SLICE, keep=labels)
        train += remove_overlap(dedup(suc), *protected, klintan_hold)
    if opts.swap_fraction > 0:
        from nlpkommun.ner.augment import build_gazetteer, swap_entities

        gaz = build_gazetteer(train)
        with_ents = [s for s in train if s.spans()]
        k = int(len(with_ents) * opts.swap_fraction)
        train += [swap_entities(s, gaz, rng) for s in rng.sample(with_ents, k)]
    if opts.upper_fraction > 0:
        with_names = [s for s in train if any(lab == "PER" for _, _, lab in s.spans())]
        k = int(len(with_names) * opts.upper_fraction)
        train += [upper_case_names(s) for s in rng.sample(with_names, k)]
    if opts.synthetic > 0:
        from nlpkommun.ner.synthetic import generate

        common = [t for s in klintan_train + uner for t in s.tokens if t.isalpha() and t.islower() and len(t) >= 5]
        train += generate(opts.synthetic, seed=opts.seed, common_words=common)
    rng.shuffle(train)
    return Splits(train=train, dev=klintan_hold + uner_dev, tests=tests)


def to_doc(vocab: Vocab, sent: TaggedSentence) -> Doc:
    """A spaCy Doc with gold entities from a tagged sentence."""
    doc = Doc(vocab, words=list(sent.tokens))
    doc.ents = [Span(doc, s, e, label=lab) for s, e, lab in sent.spans()]
    return doc


def write_docbin(sents: Iterable[TaggedSentence], path: str | Path, vocab: Vocab | None = None) -> int:
    """Serialise sentences to a ``.spacy`` file; returns the number written."""
    vocab = vocab or Vocab()
    db = DocBin(attrs=["ORTH", "ENT_IOB", "ENT_TYPE"], store_user_data=False)
    n = 0
    for s in sents:
        db.add(to_doc(vocab, s))
        n += 1
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(path)
    return n
