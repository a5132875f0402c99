"""Export records for OpenSearch and Elasticsearch: ``_bulk`` NDJSON plus an index
definition (settings and mappings) both engines accept.

The bulk file is pairs of lines, an action ``{"index": {"_index": NAME, "_id": ID}}`` and
the document (no ``_type``: removed in Elasticsearch 7 / OpenSearch 1). Load it with::

    curl -XPUT  "$URL/nlpkommun" -H 'Content-Type: application/json' --data-binary @mapping.json
    curl -XPOST "$URL/_bulk"     -H 'Content-Type: application/x-ndjson' --data-binary @bulk.ndjson

Text and title use the built-in ``swedish`` analyzer; facets (party, person names,
organisations, programme acronyms, body, municipality, document type) are ``keyword``
fields, with a case-folded ``.folded`` sub-field on names; dates are ``date`` fields.
Entities are indexed twice: as ``nested`` objects (to ask for "a person of party S named
X") and as flat keyword arrays (``person_names``, ``parties`` …) for simple terms
aggregations. Mention offsets are left out: they index into ``text`` and only bloat the
engine.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Iterable, Iterator
from typing import IO

from nlpkommun.index.errors import ExportError
from nlpkommun.index.jsonl import BadLine, read_records
from nlpkommun.records import DocumentRecord

DEFAULT_INDEX = "nlpkommun"
DAY = {"type": "date", "format": "strict_date"}
KEYWORD = {"type": "keyword", "ignore_above": 512}
NAME = {**KEYWORD, "fields": {"folded": {"type": "keyword", "normalizer": "nk_folded", "ignore_above": 512}}}
SWEDISH_TEXT = {"type": "text", "analyzer": "swedish"}


def mapping(shards: int = 1, replicas: int = 1) -> dict:
    """The index definition (``PUT /<index>`` body) for exported records."""
    official = {"properties": {"name": NAME, "title": KEYWORD, "date": DAY}}
    return {
        "settings": {
            "number_of_shards": shards,
            "number_of_replicas": replicas,
            "analysis": {"normalizer": {"nk_folded": {"type": "custom", "filter": ["lowercase"]}}},
        },
        "mappings": {
            "dynamic": False,
            "properties": {
                "id": {"type": "keyword"},
                "source": {"type": "keyword", "ignore_above": 2048},
                "schema_version": {"type": "keyword"},
                "language": {"type": "keyword"},
                "pages": {"type": "integer"},
                "title": {**SWEDISH_TEXT, "fields": {"keyword": KEYWORD}},
                "text": SWEDISH_TEXT,
                "document_type": {"type": "keyword"},
                "body": NAME,
                "municipality": NAME,
                "meeting_date": DAY,
                "document_date": DAY,
                "reference_numbers": KEYWORD,
                "attachments": {**SWEDISH_TEXT, "fields": {"keyword": KEYWORD}},
                "case_officers": {"type": "nested", **official},
                "signatories": {"type": "nested", **official},
                "persons": {
                    "type": "nested",
                    "properties": {
                        "name": {**NAME, "fields": {**NAME["fields"], "text": {"type": "text"}}},
                        "kind": {"type": "keyword"},
                        "party": {"type": "keyword"},
                        "party_name": {"type": "keyword"},
                        "roles": KEYWORD,
                        "variants": NAME,
                        "mention_count": {"type": "integer"},
                    },
                },
                "organisations": {
                    "type": "nested",
                    "properties": {
                        "name": NAME,
                        "kind": {"type": "keyword"},
                        "acronym": {"type": "keyword"},
                        "mention_count": {"type": "integer"},
                    },
                },
                "programmes": {
                    "type": "nested",
                    "properties": {"name": NAME, "acronym": {"type": "keyword"}, "mention_count": {"type": "integer"}},
                },
                "places": {"type": "nested", "properties": {"name": NAME, "mention_count": {"type": "integer"}}},
                "dates": {
                    "type": "nested",
                    "properties": {
                        "text": KEYWORD,
                        "value": {"type": "keyword"},
                        "granularity": {"type": "keyword"},
                    },
                },
                "person_names": NAME,
                "parties": {"type": "keyword"},
                "organisation_names": NAME,
                "programme_acronyms": {"type": "keyword"},
                "programme_names": NAME,
                "place_names": NAME,
                "warnings": {"type": "text"},
            },
        },
    }


_BAD_INDEX_CHARS = re.compile(r'[\\/*?"<>| ,#:]')


def check_index_name(name: str) -> str:
    """``name`` if OpenSearch and Elasticsearch accept it as an index name, else ExportError."""
    if (
        not name
        or name in {".", ".."}
        or name[0] in "-_+"
        or name != name.lower()
        or _BAD_INDEX_CHARS.search(name)
        or len(name.encode("utf-8")) > 255
    ):
        raise ExportError(
            f'invalid index name {name!r}: use lower case, no spaces or \\/*?"<>|,#: and not starting with - _ +'
        )
    return name


def _unique(values: Iterable[str | None]) -> list[str]:
    return list(dict.fromkeys(v for v in values if v))


def document(record: DocumentRecord) -> dict:
    """The search-engine document for one record (the mapping's shape, no offsets)."""
    m = record.metadata

    def official(o: object) -> dict:
        return {"name": o.name, "title": o.title, "date": o.date}  # type: ignore[attr-defined]

    return {
        "id": record.id,
        "source": record.source,
        "schema_version": record.schema_version,
        "language": record.language,
        "pages": record.pages,
        "title": m.title,
        "text": record.text,
        "document_type": m.document_type,
        "body": m.body,
        "municipality": m.municipality,
        "meeting_date": m.meeting_date,
        "document_date": m.document_date,
        "reference_numbers": m.reference_numbers,
        "attachments": m.attachments,
        "case_officers": [official(o) for o in m.case_officers],
        "signatories": [official(o) for o in m.signatories],
        "persons": [
            {
                "name": p.name,
                "kind": p.kind,
                "party": p.party,
                "party_name": p.party_name,
                "roles": p.roles,
                "variants": p.variants,
                "mention_count": len(p.mentions),
            }
            for p in record.persons
        ],
        "organisations": [
            {"name": o.name, "kind": o.kind, "acronym": o.acronym, "mention_count": len(o.mentions)}
            for o in record.organisations
        ],
        "programmes": [
            {"name": p.name, "acronym": p.acronym, "mention_count": len(p.mentions)} for p in record.programmes
        ],
        "places": [{"name": p.name, "mention_count": len(p.mentions)} for p in record.places],
        "dates": [{"text": d.text, "value": d.value, "granularity": d.granularity} for d in record.dates],
        "person_names": _unique(p.name for p in record.persons),
        "parties": _unique(p.party for p in record.persons),
        "organisation_names": _unique(o.name for o in record.organisations),
        "programme_acronyms": _unique(p.acronym for p in record.programmes),
        "programme_names": _unique(p.name for p in record.programmes),
        "place_names": _unique(p.name for p in record.places),
        "warnings": record.warnings,
    }


def bulk_lines(records: Iterable[DocumentRecord], index: str = DEFAULT_INDEX) -> Iterator[str]:
    """``_bulk`` NDJSON lines (each ending in a newline): action, document, action, …"""
    check_index_name(index)
    for record in records:
        yield json.dumps({"index": {"_index": index, "_id": record.id}}, ensure_ascii=False) + "\n"
        yield json.dumps(document(record), ensure_ascii=False) + "\n"


def write_bulk(records: Iterable[DocumentRecord], out: IO[str], index: str = DEFAULT_INDEX) -> int:
    """Write bulk NDJSON to ``out``; returns the number of documents."""
    count = 0
    for n, line in enumerate(bulk_lines(records, index)):
        out.write(line)
        count += n % 2
    return count


def export(
    paths: Iterable[str | os.PathLike[str]],
    out: IO[str],
    *,
    index: str = DEFAULT_INDEX,
    on_bad_line: Callable[[BadLine], None] | None = None,
) -> int:
    """Bulk NDJSON for every valid record of JSONL files; returns the document count."""
    return write_bulk(read_records(paths, on_bad_line), out, index)
