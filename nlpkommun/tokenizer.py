"""Tokenizer exceptions for Swedish municipal text, added to spaCy's Swedish defaults.

Reads: raw text. Writes: tokens. Abbreviations come from
``resources/sv/tokenizer_exceptions.txt``; "§§" stays one token; phone numbers such as
"08-508 054 40" are merged into one token by the ``nlpkommun_phone_merger`` component
(spaCy's tokenizer never puts whitespace inside a token, so this happens after it).
"""

from __future__ import annotations

import re

from spacy.attrs import NORM, ORTH
from spacy.language import Language
from spacy.tokens import Doc

from nlpkommun.resources import read_lines

# Swedish phone numbers: area code 0xx(x)-, then digit groups separated by spaces.
PHONE_RE = re.compile(r"(?<![\d/-])(?:\+46\s?\(0\)\s?|\+46\s?|0)\d{1,3}[-–]\s?\d{2,4}(?:[ ]\d{2,3}){1,3}(?![\d/-])")


def abbreviations() -> list[str]:
    """The municipal abbreviations, with lower-case and capitalised variants."""
    out: list[str] = []
    for abbr in read_lines("tokenizer_exceptions.txt"):
        for variant in (abbr, abbr.lower(), abbr[:1].upper() + abbr[1:]):
            if variant not in out:
                out.append(variant)
    return out


def add_tokenizer_exceptions(nlp: Language) -> None:
    """Add the municipal special cases to ``nlp.tokenizer`` (idempotent)."""
    for abbr in abbreviations():
        nlp.tokenizer.add_special_case(abbr, [{ORTH: abbr, NORM: abbr.lower()}])
    nlp.tokenizer.add_special_case("§§", [{ORTH: "§§"}])


def find_phone_numbers(text: str) -> list[tuple[int, int]]:
    """Character spans of phone numbers like "08-508 054 40" or "0850805440" excluded."""
    return [(m.start(), m.end()) for m in PHONE_RE.finditer(text)]


def merge_phone_numbers(doc: Doc) -> Doc:
    """Merge each phone number into one token."""
    spans = []
    for start, end in find_phone_numbers(doc.text):
        span = doc.char_span(start, end)
        if span is not None and len(span) > 1:
            spans.append(span)
    if spans:
        with doc.retokenize() as retok:
            for span in spans:
                retok.merge(span, attrs={"NORM": span.text})
    return doc


@Language.component(
    "nlpkommun_phone_merger",
    requires=["token.orth"],
    retokenizes=True,
)
def phone_merger(doc: Doc) -> Doc:
    """spaCy component around :func:`merge_phone_numbers`."""
    return merge_phone_numbers(doc)
