"""Doc extension attributes through which the components hand results to the assembler.

They hold plain data only (lists of dicts with character offsets and strings, never Span
objects), so Docs serialise with DocBin and across ``nlp.pipe(n_process=...)``.
Registration is idempotent: safe to call in every worker process.
"""

from __future__ import annotations

from spacy.tokens import Doc

#: attribute name -> what it holds (each a list of dicts shaped like the record models,
#: except ``nk_metadata``, a dict shaped like ``records.Metadata``)
DOC_ATTRIBUTES: dict[str, str] = {
    "nk_persons": "list of Person-shaped dicts",
    "nk_organisations": "list of Organisation-shaped dicts",
    "nk_programmes": "list of Programme-shaped dicts",
    "nk_places": "list of Place-shaped dicts",
    "nk_dates": "list of DateMention-shaped dicts",
    "nk_metadata": "Metadata-shaped dict",
    "nk_parties": "list of party mentions: {start, end, text, party, party_name}",
    "nk_warnings": "list of strings",
}


def register_extensions() -> None:
    """Register every ``Doc._.nk_*`` attribute (default None) unless already registered."""
    for name in DOC_ATTRIBUTES:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


register_extensions()
