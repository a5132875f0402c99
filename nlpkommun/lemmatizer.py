"""Lookup lemmatizer: spaCy's Swedish lookup table (spacy-lookups-data) with a
lower-case fallback.

Reads: ``token.text``. Writes: ``token.lemma_``. The table (660k forms) is loaded lazily
on first use and shared by all pipelines in the process.
"""

from __future__ import annotations

import gzip
import json
from functools import cache
from importlib import resources

from spacy.language import Language
from spacy.tokens import Doc


@cache
def lemma_table() -> dict[str, str]:
    """The Swedish lemma lookup table from spacy-lookups-data (empty if not installed)."""
    try:
        data = resources.files("spacy_lookups_data").joinpath("data", "sv_lemma_lookup.json.gz")
        return json.loads(gzip.decompress(data.read_bytes()))
    except (ModuleNotFoundError, FileNotFoundError):
        return {}


def is_definite_noun(word: str) -> bool:
    """Whether a word is an inflected common noun in the definite form by the lemma table
    ("Forskaren" → "forskare", "Trappan" → "trappa"), not a name the table does not know."""
    low = word.casefold()
    lemma = lemma_table().get(low)
    return bool(lemma) and lemma != low and low.endswith(("en", "n", "et", "na"))


def lemmatize(word: str, table: dict[str, str] | None = None) -> str:
    """Lemma of one word form: exact lookup, then lower-case lookup, else the lower-cased word."""
    table = lemma_table() if table is None else table
    lemma = table.get(word)
    if lemma is None:
        lower = word.lower()
        lemma = table.get(lower, lower)
    return lemma


@Language.component("nlpkommun_lemmatizer", assigns=["token.lemma"])
def lemmatizer(doc: Doc) -> Doc:
    """spaCy component around :func:`lemmatize`."""
    table = lemma_table()
    for token in doc:
        if not token.is_space:
            token.lemma_ = lemmatize(token.text, table)
    return doc
