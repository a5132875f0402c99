"""Readers and converters for the Swedish NER corpora.

Every reader returns a list of :class:`TaggedSentence` whose tags are BIO (IOB2)
with the project's labels (``PER``, ``LOC``, ``ORG`` and, where a corpus has it,
``MISC``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from nlpkommun.errors import InputError

CORE_LABELS: tuple[str, ...] = ("PER", "LOC", "ORG")

#: SUC 3.0 name types mapped to project labels; unmapped types become ``O``.
SUC_LABEL_MAP: dict[str, str] = {"person": "PER", "place": "LOC", "inst": "ORG"}

_OUTSIDE = {"O", "0", "_", "-", ""}


class CorpusFormatError(InputError):
    """Raised when a corpus file cannot be parsed."""

    code = "corpus_format"


@dataclass(frozen=True)
class TaggedSentence:
    """A tokenised sentence with one BIO tag per token."""

    tokens: tuple[str, ...]
    tags: tuple[str, ...]

    def __post_init__(self) -> None:
        if len(self.tokens) != len(self.tags):
            raise CorpusFormatError(
                f"{len(self.tokens)} tokens but {len(self.tags)} tags: {self.tokens[:8]}"
            )

    @property
    def key(self) -> str:
        """Normalised token string used to find duplicate sentences."""
        return sentence_key(self.tokens)

    def spans(self) -> list[tuple[int, int, str]]:
        """Entity spans as ``(start, end_exclusive, label)``."""
        return bio_to_spans(self.tags)


def sentence_key(tokens: Sequence[str]) -> str:
    """Case- and whitespace-insensitive identity of a sentence."""
    return " ".join(t.lower() for t in tokens)


def _label(tag: str) -> str:
    return tag[2:] if len(tag) > 2 and tag[1] == "-" and tag[0] in "BIES" else tag


def bio_to_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Convert BIO/IOB2 tags to spans; a stray ``I-X`` starts a new span."""
    spans: list[tuple[int, int, str]] = []
    start: int | None = None
    label = ""
    for i, tag in enumerate(tags):
        if tag in _OUTSIDE:
            if start is not None:
                spans.append((start, i, label))
                start = None
            continue
        prefix, lab = (tag[0], tag[2:]) if tag[1:2] == "-" else ("I", tag)
        if start is not None and (prefix == "B" or lab != label):
            spans.append((start, i, label))
            start = None
        if start is None:
            start, label = i, lab
    if start is not None:
        spans.append((start, len(tags), label))
    return spans


def io_to_bio(tags: Sequence[str]) -> list[str]:
    """Convert IO tags (bare labels, ``0``/``O`` outside) to BIO: a run is one entity."""
    out: list[str] = []
    prev = None
    for tag in tags:
        lab = _label(tag)
        if lab in _OUTSIDE:
            out.append("O")
            prev = None
        else:
            out.append(("I-" if lab == prev else "B-") + lab)
            prev = lab
    return out


def map_labels(
    tags: Sequence[str], mapping: dict[str, str] | None = None, keep: Iterable[str] = CORE_LABELS
) -> list[str]:
    """Rename entity labels via ``mapping`` and turn labels not in ``keep`` into ``O``.

    A span is kept or dropped whole, so a dropped ``B-`` never leaves an orphan ``I-``.
    """
    keep = set(keep)
    out = ["O"] * len(tags)
    for start, end, label in bio_to_spans(tags):
        new = mapping.get(label, label) if mapping else label
        if new in keep:
            out[start] = "B-" + new
            for i in range(start + 1, end):
                out[i] = "I-" + new
    return out


def _read_lines(path: str | Path) -> list[str]:
    """Lines of a UTF-8 text file; a binary or non-UTF-8 file is a :class:`CorpusFormatError`."""
    try:
        return Path(path).read_text(encoding="utf-8").splitlines(keepends=True)
    except UnicodeDecodeError as exc:
        raise CorpusFormatError(f"{path}: not a UTF-8 text file ({exc.reason})") from exc


def _split_blocks(lines: Iterable[str]) -> Iterable[list[str]]:
    block: list[str] = []
    for line in lines:
        if line.strip():
            block.append(line.rstrip("\n"))
        elif block:
            yield block
            block = []
    if block:
        yield block


def read_klintan(path: str | Path, keep: Iterable[str] = CORE_LABELS) -> list[TaggedSentence]:
    """Read a klintan file (``token<TAB or spaces>IO-tag``), converting IO to BIO by runs."""
    sents: list[TaggedSentence] = []
    for block in _split_blocks(_read_lines(path)):
        toks, tags = [], []
        for line in block:
            parts = line.split()
            if len(parts) == 1:  # a known defect: a token with its tag missing
                parts.append("O")
            toks.append(parts[0])
            tags.append(parts[-1])
        sents.append(TaggedSentence(tuple(toks), tuple(map_labels(io_to_bio(tags), keep=keep))))
    return sents


def _is_tag(value: str) -> bool:
    return value in _OUTSIDE or bool(re.fullmatch(r"[BIES]-[A-Za-z_]+|[A-Z]{2,5}", value))


def read_conll(path: str | Path, keep: Iterable[str] = CORE_LABELS) -> list[TaggedSentence]:
    """Read a CoNLL-like file with BIO or IO tags, auto-detecting the columns.

    Accepts ``token tag`` lines, UNER's ``id token tag …`` lines and files whose tags are
    plain IO labels (klintan style). Lines starting with ``#`` are comments. ``OTH``
    and any label outside ``keep`` become ``O``.
    """
    sents: list[TaggedSentence] = []
    lines = [ln for ln in _read_lines(path) if not ln.startswith("#")]
    for block in _split_blocks(lines):
        rows = [ln.split("\t") if "\t" in ln else ln.split() for ln in block]
        toks, tags = [], []
        for row in rows:
            row = [c.strip() for c in row]
            if len(row) < 2:
                raise CorpusFormatError(f"{path}: expected at least 2 columns, got {row!r}")
            if row[0].isdigit() and len(row) >= 3 and _is_tag(row[2]):
                tok, tag = row[1], row[2]  # id token tag ...
            else:
                tok, tag = row[0], row[1]
            toks.append(tok)
            tags.append(tag)
        if not any(t[1:2] == "-" for t in tags):
            tags = io_to_bio(tags)
        sents.append(TaggedSentence(tuple(toks), tuple(map_labels(tags, keep=keep))))
    return sents


def read_suc_slice(
    path: str | Path,
    mapping: dict[str, str] | None = None,
    keep: Iterable[str] = CORE_LABELS,
) -> list[TaggedSentence]:
    """Read the SUC 3.0 slice (sentence-id lines, ``token manual-BIO automatic-BIO``).

    The manual column is used; ``person``→PER, ``place``→LOC, ``inst``→ORG.
    """
    mapping = SUC_LABEL_MAP if mapping is None else mapping
    sents: list[TaggedSentence] = []
    for block in _split_blocks(_read_lines(path)):
        rows = [ln.split() for ln in block]
        rows = [r for r in rows if len(r) >= 2]  # drop the sentence-id line
        if not rows:
            continue
        toks = tuple(r[0] for r in rows)
        tags = map_labels([r[1] for r in rows], mapping=mapping, keep=keep)
        sents.append(TaggedSentence(toks, tuple(tags)))
    return sents


def dedup(sents: Iterable[TaggedSentence]) -> list[TaggedSentence]:
    """Drop repeated sentences (same tokens, case-insensitive), keeping the first."""
    seen: set[str] = set()
    out: list[TaggedSentence] = []
    for s in sents:
        if s.key not in seen:
            seen.add(s.key)
            out.append(s)
    return out


def remove_overlap(
    train: Iterable[TaggedSentence], *held_out: Iterable[TaggedSentence]
) -> list[TaggedSentence]:
    """Drop every training sentence whose tokens occur as a sentence in a held-out set."""
    banned = {s.key for group in held_out for s in group}
    return [s for s in train if s.key not in banned]
