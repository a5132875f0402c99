"""Sentence splitting for municipal text.

Reads: tokens. Writes: ``token.is_sent_start``. A sentence starts after a line break
(headings, list items, table rows are lines of their own in normalised text) and after
".", "!" or "?" when the next token looks like a sentence opening (capital letter,
digit, quote, "§"). Abbreviations such as "t.ex." are single tokens, so they never end a
sentence.
"""

from __future__ import annotations

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

_ENDERS = {".", "!", "?", "…"}
_OPENERS = set("\"'”»–-(§•")


def sentence_starts(words: list[str]) -> list[bool]:
    """For each token text, whether it starts a sentence."""
    starts = [False] * len(words)
    if words:
        starts[0] = True
    for i in range(1, len(words)):
        prev, cur = words[i - 1], words[i]
        if cur.isspace():
            continue  # whitespace tokens stay with the preceding sentence
        if prev.isspace():
            if "\n" in prev:
                starts[i] = True
                continue
            prev = words[i - 2] if i >= 2 else ""
        if prev in _ENDERS and (cur[:1].isupper() or cur[:1].isdigit() or cur[:1] in _OPENERS):
            starts[i] = True
    return starts


@Language.component("nlpkommun_sentences", assigns=["token.is_sent_start"])
def sentencizer(doc: Doc) -> Doc:
    """spaCy component around :func:`sentence_starts`."""
    if len(doc):
        starts = sentence_starts([t.text for t in doc])
        # one array write: setting token.is_sent_start per token re-scans the doc (quadratic)
        values = numpy.array([1 if s else -1 for s in starts], dtype="int32").astype("uint64")
        doc.from_array([SENT_START], values.reshape(-1, 1))
    return doc
