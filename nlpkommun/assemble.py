"""Doc → :class:`DocumentRecord`.

Reads: the ``Doc._.nk_*`` attributes written by the domain components (and, where a
component is absent, the NER entities directly). Writes: the validated record, with a
page number on every mention of a paged document.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.tokens import Doc

from nlpkommun.ingest import IngestedText
from nlpkommun.records import (
    DateMention,
    DocumentRecord,
    Metadata,
    Organisation,
    Person,
    Place,
    Programme,
)


def _group_ents(doc: Doc, label: str) -> list[dict[str, Any]]:
    """Entities of one label grouped by exact text (fallback when no component ran)."""
    groups: dict[str, dict[str, Any]] = {}
    for ent in doc.ents:
        if ent.label_ != label:
            continue
        item = groups.setdefault(ent.text, {"name": ent.text, "mentions": []})
        item["mentions"].append({"text": ent.text, "start": ent.start_char, "end": ent.end_char})
    return list(groups.values())


def _with_pages(items: list[dict[str, Any]], page_of: Callable[[int], int | None]) -> list[dict[str, Any]]:
    for item in items:
        for m in item.get("mentions", []):
            if m.get("page") is None:
                m["page"] = page_of(m["start"])
    return items


def assemble(doc: Doc, ingested: IngestedText) -> DocumentRecord:
    """Build the record for one processed document."""
    x = doc._
    page_of = ingested.page_of
    persons = x.nk_persons if x.nk_persons is not None else _group_ents(doc, "PER")
    organisations = x.nk_organisations if x.nk_organisations is not None else _group_ents(doc, "ORG")
    places = x.nk_places if x.nk_places is not None else _group_ents(doc, "LOC")
    programmes = x.nk_programmes or []
    dates = [dict(d) for d in (x.nk_dates or [])]
    for d in dates:
        if d.get("page") is None:
            d["page"] = page_of(d["start"])
    return DocumentRecord(
        id=ingested.id,
        source=ingested.source,
        text=ingested.text,
        pages=ingested.pages,
        metadata=Metadata(**(x.nk_metadata or {})),
        persons=[Person(**p) for p in _with_pages(persons, page_of)],
        organisations=[Organisation(**o) for o in _with_pages(organisations, page_of)],
        programmes=[Programme(**p) for p in _with_pages(programmes, page_of)],
        places=[Place(**p) for p in _with_pages(places, page_of)],
        dates=[DateMention(**d) for d in dates],
        warnings=list(ingested.warnings) + list(x.nk_warnings or []),
    )
