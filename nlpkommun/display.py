"""Rich display of records in notebooks.

- :func:`record_html` (``DocumentRecord._repr_html_``): a summary of the record and the
  start of its text with entities highlighted. Everything from the document is
  HTML-escaped, so document text can never inject markup or scripts.
- :func:`render_entities`: displaCy's entity view of the text, built from the record's
  mention offsets (persons, parties, organisations, programmes, places, dates), with
  :data:`DISPLACY_OPTIONS` (labels and colours) usable in your own ``displacy.render``.
- :func:`records_to_frames`: pandas DataFrames (persons, organisations, programmes,
  places, dates, documents) for many records; needs ``pip install nlpkommun[frames]``.

Reads: :class:`~nlpkommun.records.DocumentRecord` objects. Writes: HTML strings, DataFrames.
"""

from __future__ import annotations

import bisect
import html
from collections.abc import Iterable
from dataclasses import dataclass, fields
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

from spacy import displacy

from nlpkommun.api import Failure
from nlpkommun.errors import BackendNotInstalledError, InputError
from nlpkommun.records import DocumentRecord

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

#: entity label -> highlight colour, in priority order (earlier wins an exact overlap tie)
COLORS: dict[str, str] = {
    "PERSON": "#f7b2b7",
    "PARTY": "#d3b8f5",
    "ORG": "#9ad9e8",
    "PROGRAMME": "#ffd97a",
    "PLACE": "#a8e6a1",
    "DATE": "#d9d9d9",
}

#: options for ``spacy.displacy.render(..., style="ent", options=DISPLACY_OPTIONS)``
DISPLACY_OPTIONS: dict[str, Any] = {"ents": list(COLORS), "colors": COLORS}

#: how many characters of text :func:`record_html` highlights
HTML_TEXT_CHARS = 3000

FRAMES_INSTALL = "pip install nlpkommun[frames]"


def entity_spans(record: DocumentRecord) -> list[dict[str, Any]]:
    """Non-overlapping ``{"start", "end", "label"}`` spans of the record's mentions, sorted.

    Organisations of kind ``party`` are labelled PARTY, other organisations ORG. Where
    mentions overlap, the longer one is kept (ties: the order of :data:`COLORS`).
    Offsets outside the text are ignored.
    """
    candidates: list[tuple[int, int, str]] = []

    def add(start: int, end: int, label: str) -> None:
        if 0 <= start < end <= len(record.text):
            candidates.append((start, end, label))

    for person in record.persons:
        for m in person.mentions:
            add(m.start, m.end, "PERSON")
    for org in record.organisations:
        for m in org.mentions:
            add(m.start, m.end, "PARTY" if org.kind == "party" else "ORG")
    for programme in record.programmes:
        for m in programme.mentions:
            add(m.start, m.end, "PROGRAMME")
    for place in record.places:
        for m in place.mentions:
            add(m.start, m.end, "PLACE")
    for date in record.dates:
        add(date.start, date.end, "DATE")

    priority = {label: i for i, label in enumerate(COLORS)}
    starts: list[int] = []  # the chosen spans, kept sorted and non-overlapping
    ends: list[int] = []
    chosen: list[tuple[int, int, str]] = []
    for start, end, label in sorted(candidates, key=lambda c: (-(c[1] - c[0]), priority[c[2]], c[0])):
        i = bisect.bisect_right(starts, start)
        if (i > 0 and ends[i - 1] > start) or (i < len(starts) and starts[i] < end):
            continue
        starts.insert(i, start)
        ends.insert(i, end)
        chosen.append((start, end, label))
    return [{"start": s, "end": e, "label": label} for s, e, label in sorted(chosen)]


def render_entities(record: DocumentRecord, start: int = 0, end: int | None = None) -> str:
    """displaCy HTML of ``record.text[start:end]`` with the record's entities highlighted.

    In a notebook: ``IPython.display.HTML(render_entities(record))``.
    """
    end = len(record.text) if end is None else min(end, len(record.text))
    start = max(0, min(start, end))
    ents = [
        {"start": s["start"] - start, "end": s["end"] - start, "label": s["label"]}
        for s in entity_spans(record)
        if s["start"] >= start and s["end"] <= end
    ]
    data = {"text": record.text[start:end], "ents": ents, "title": None}
    return displacy.render(data, style="ent", manual=True, options=DISPLACY_OPTIONS, page=False, jupyter=False)


def _e(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _table(headers: list[str], rows: list[list[object]], limit: int = 25) -> str:
    if not rows:
        return "<p><em>none</em></p>"
    head = "".join(f"<th style='text-align:left'>{_e(h)}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(f"<td style='text-align:left'>{_e(c)}</td>" for c in row) + "</tr>" for row in rows[:limit]
    )
    more = f"<p><em>… and {len(rows) - limit} more</em></p>" if len(rows) > limit else ""
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{more}"


def _legend() -> str:
    chips = "".join(
        f"<span style='background:{color};padding:0.1em 0.5em;margin-right:0.4em;border-radius:0.3em'>"
        f"{_e(label)}</span>"
        for label, color in COLORS.items()
    )
    return f"<p>{chips}</p>"


def record_html(record: DocumentRecord, max_chars: int = HTML_TEXT_CHARS) -> str:
    """HTML summary of a record (metadata, persons, organisations, programmes, places,
    dates) and its first ``max_chars`` characters with entities highlighted; all escaped."""
    md = record.metadata
    meta_rows = [
        ["title", md.title],
        ["document type", md.document_type],
        ["body", md.body],
        ["municipality", md.municipality],
        ["meeting date", md.meeting_date],
        ["document date", md.document_date],
        ["reference numbers", ", ".join(md.reference_numbers)],
        ["case officers", ", ".join(o.name for o in md.case_officers)],
        ["signatories", ", ".join(o.name for o in md.signatories)],
        ["source", record.source],
        ["pages", record.pages],
    ]
    meta_rows = [row for row in meta_rows if row[1] not in (None, "")]
    persons = [[p.name, p.party or "", p.kind, ", ".join(p.roles), len(p.mentions)] for p in record.persons]
    orgs = [[o.name, o.kind, o.acronym or "", len(o.mentions)] for o in record.organisations]
    programmes = [[p.name or "", p.acronym or "", len(p.mentions)] for p in record.programmes]
    places = [[p.name, len(p.mentions)] for p in record.places]
    dates = [[d.text, d.value, d.granularity] for d in record.dates]
    shown = min(max_chars, len(record.text))
    note = (
        f"<p><em>first {shown} of {len(record.text)} characters; "
        f"<code>nlpkommun.display.render_entities(record)</code> shows all</em></p>"
        if shown < len(record.text)
        else ""
    )
    sections = [
        ("Persons", _table(["name", "party", "kind", "roles", "mentions"], persons), len(persons)),
        ("Organisations", _table(["name", "kind", "acronym", "mentions"], orgs), len(orgs)),
        ("Programmes", _table(["name", "acronym", "mentions"], programmes), len(programmes)),
        ("Places", _table(["name", "mentions"], places), len(places)),
        ("Dates", _table(["text", "value", "granularity"], dates), len(dates)),
    ]
    boxes = "".join(f"<div><h4>{title} ({count})</h4>{table}</div>" for title, table, count in sections)
    parts = [
        "<div class='nlpkommun-record'>",
        f"<h3>{_e(md.title or PurePath(record.source).name or 'document')}</h3>",
        _table(["field", "value"], meta_rows),
        f"<div style='display:flex;flex-wrap:wrap;gap:0 2em;align-items:flex-start'>{boxes}</div>",
        "<h4>Text</h4>",
        _legend(),
        render_entities(record, 0, shown),
        note,
        "</div>",
    ]
    return "\n".join(parts)


@dataclass(frozen=True)
class RecordFrames:
    """One DataFrame per kind of item; every row carries ``document_id``, ``document``
    (the file name) and the document's ``meeting_date`` so frames join and group easily."""

    documents: pd.DataFrame
    persons: pd.DataFrame
    organisations: pd.DataFrame
    programmes: pd.DataFrame
    places: pd.DataFrame
    dates: pd.DataFrame

    def as_dict(self) -> dict[str, pd.DataFrame]:
        """The frames keyed by name."""
        return {f.name: getattr(self, f.name) for f in fields(self)}


#: column names of each frame (fixed, also for empty input)
FRAME_COLUMNS: dict[str, list[str]] = {
    "documents": [
        "document_id", "document", "source", "title", "document_type", "body", "municipality",
        "meeting_date", "document_date", "pages", "persons", "organisations", "programmes", "places", "dates",
    ],
    "persons": [
        "document_id", "document", "meeting_date", "name", "kind", "party", "party_name", "roles", "mentions",
    ],
    "organisations": ["document_id", "document", "meeting_date", "name", "kind", "acronym", "mentions"],
    "programmes": ["document_id", "document", "meeting_date", "name", "acronym", "mentions"],
    "places": ["document_id", "document", "meeting_date", "name", "mentions"],
    "dates": ["document_id", "document", "meeting_date", "text", "value", "granularity", "start", "end", "page"],
}


def _import_pandas() -> Any:
    try:
        import pandas
    except ImportError as exc:
        raise BackendNotInstalledError(
            f"records_to_frames needs pandas, which is not installed: {FRAMES_INSTALL}"
        ) from exc
    return pandas


def _as_record(item: object) -> DocumentRecord | None:
    if isinstance(item, DocumentRecord):
        return item
    if isinstance(item, dict):
        try:
            return DocumentRecord.model_validate(item)
        except ValueError as exc:
            raise InputError(f"not a DocumentRecord: {exc}") from exc
    if isinstance(item, Failure):  # a document that has no record
        return None
    raise InputError(f"records_to_frames expects DocumentRecord objects or their dicts, got {type(item).__name__}")


def _rows(records: list[DocumentRecord]) -> dict[str, list[dict[str, Any]]]:
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in FRAME_COLUMNS}
    for r in records:
        md = r.metadata
        base = {"document_id": r.id, "document": PurePath(r.source).name or r.source, "meeting_date": md.meeting_date}
        rows["documents"].append({
            "document_id": r.id, "document": base["document"], "source": r.source, "title": md.title,
            "document_type": md.document_type, "body": md.body, "municipality": md.municipality,
            "meeting_date": md.meeting_date, "document_date": md.document_date, "pages": r.pages,
            "persons": len(r.persons), "organisations": len(r.organisations), "programmes": len(r.programmes),
            "places": len(r.places), "dates": len(r.dates),
        })
        for p in r.persons:
            rows["persons"].append({**base, "name": p.name, "kind": p.kind, "party": p.party,
                                    "party_name": p.party_name, "roles": "; ".join(p.roles),
                                    "mentions": len(p.mentions)})
        for o in r.organisations:
            rows["organisations"].append({**base, "name": o.name, "kind": o.kind, "acronym": o.acronym,
                                          "mentions": len(o.mentions)})
        for p in r.programmes:
            rows["programmes"].append({**base, "name": p.name, "acronym": p.acronym, "mentions": len(p.mentions)})
        for p in r.places:
            rows["places"].append({**base, "name": p.name, "mentions": len(p.mentions)})
        for d in r.dates:
            rows["dates"].append({**base, "text": d.text, "value": d.value, "granularity": d.granularity,
                                  "start": d.start, "end": d.end, "page": d.page})
    return rows


def records_to_frames(records: Iterable[DocumentRecord | dict[str, Any]]) -> RecordFrames:
    """pandas DataFrames of many records: one row per document, person, organisation,
    programme and place per document, and per date mention (see :data:`FRAME_COLUMNS`).

    Accepts records or their JSON dicts (e.g. lines of a batch JSONL file); ``Failure``
    items from :func:`nlpkommun.extract_many` are skipped. Needs pandas
    (``pip install nlpkommun[frames]``), else :class:`BackendNotInstalledError`.
    """
    pd = _import_pandas()
    kept = [r for r in (_as_record(item) for item in records) if r is not None]
    rows = _rows(kept)
    frames = {name: pd.DataFrame(rows[name], columns=cols) for name, cols in FRAME_COLUMNS.items()}
    frames["documents"]["pages"] = frames["documents"]["pages"].astype("Int64")
    frames["dates"]["page"] = frames["dates"]["page"].astype("Int64")
    return RecordFrames(**frames)
