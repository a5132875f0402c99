"""Bring-your-own NER: run another NER system and put its entities on the nlpkommun Doc.

Two backends, each a thin spaCy component around plain functions:

- :mod:`nlpkommun.backends.spacy_model` (``nlpkommun_spacy_ner``): any installed spaCy
  pipeline (a package such as ``sv_core_news_lg`` or a directory).
- :mod:`nlpkommun.backends.stanza` (``nlpkommun_stanza_ner``): a locally installed stanza
  Swedish model (never downloads).

Both map the foreign labels to the three nlpkommun labels with :func:`map_label`
(``PRS``/``PER`` → ``PER``, ``ORG`` → ``ORG``, ``LOC``/``GPE`` → ``LOC``; every other label is
dropped) and write ``doc.ents`` with :func:`set_entities`.
Reads: ``doc.text``. Writes: ``doc.ents`` (labels PER, ORG, LOC).
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Span
from spacy.util import filter_spans

#: foreign NER label (upper-cased) -> nlpkommun label; labels not listed are dropped
LABEL_MAP: dict[str, str] = {
    "PER": "PER",
    "PRS": "PER",
    "PERSON": "PER",
    "ORG": "ORG",
    "ORGANIZATION": "ORG",
    "ORGANISATION": "ORG",
    "LOC": "LOC",
    "GPE": "LOC",
    "LOCATION": "LOC",
}

#: (start_char, end_char, label) of one entity
CharSpan = tuple[int, int, str]


def map_label(label: str) -> str | None:
    """The nlpkommun label for a foreign NER label, or None when it is dropped.

    BIO/BIOES prefixes are not expected here: pass whole-entity labels (``"PRS"``, ``"LOC"``).
    """
    return LABEL_MAP.get(label.strip().upper())


def map_spans(spans: Iterable[CharSpan]) -> list[CharSpan]:
    """Keep the spans whose label maps to an nlpkommun label, relabelled; sorted by offset."""
    out = []
    for start, end, label in spans:
        mapped = map_label(label)
        if mapped is not None and end > start:
            out.append((start, end, mapped))
    return sorted(out)


def set_entities(doc: Doc, spans: Iterable[CharSpan]) -> Doc:
    """Put character spans (already mapped) on ``doc.ents``.

    Each span is snapped outward to token boundaries; spans that would start or end on
    whitespace are trimmed first; overlapping spans keep the longest (spaCy's
    ``filter_spans``). Existing entities take part in the overlap resolution.
    """
    text = doc.text
    new: list[Span] = []
    for start, end, label in spans:
        start, end = max(0, start), min(len(text), end)
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end <= start:
            continue
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
        if span is not None and len(span) > 0:
            new.append(span)
    doc.ents = filter_spans(list(doc.ents) + new)
    return doc
