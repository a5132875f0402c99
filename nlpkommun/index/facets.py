"""Facet counts: how many matching documents have each party, person, body, year …"""

from __future__ import annotations

import sqlite3

from nlpkommun.index.errors import QueryError

# field -> SQL over the matching documents ({docs} is a subquery of their rowids);
# grouped by the case-folded key, shown by one spelling of it
_COUNTS = {
    "party": "SELECT min(party), count(DISTINCT doc) FROM persons WHERE party_key IS NOT NULL AND doc IN ({docs}) "
    "GROUP BY party_key",
    "person": "SELECT min(name), count(DISTINCT doc) FROM persons WHERE doc IN ({docs}) GROUP BY name_key",
    "organisation": "SELECT min(name), count(DISTINCT doc) FROM organisations WHERE doc IN ({docs}) GROUP BY name_key",
    "programme": "SELECT min(coalesce(acronym, name)), count(DISTINCT doc) FROM programmes WHERE doc IN ({docs}) "
    "GROUP BY coalesce(acronym_key, name_key)",
    "place": "SELECT min(name), count(DISTINCT doc) FROM places WHERE doc IN ({docs}) GROUP BY name_key",
    "body": "SELECT min(body), count(*) FROM docs WHERE body_key IS NOT NULL AND rowid IN ({docs}) GROUP BY body_key",
    "municipality": "SELECT min(municipality), count(*) FROM docs WHERE municipality_key IS NOT NULL "
    "AND rowid IN ({docs}) GROUP BY municipality_key",
    "document_type": "SELECT document_type, count(*) FROM docs WHERE document_type IS NOT NULL AND rowid IN ({docs}) "
    "GROUP BY document_type",
    "year": "SELECT substr(date, 1, 4), count(*) FROM docs WHERE date IS NOT NULL AND rowid IN ({docs}) "
    "GROUP BY substr(date, 1, 4)",
}

FIELDS = tuple(_COUNTS)


def count(db: sqlite3.Connection, field: str, docs: str, params: tuple, limit: int) -> list[tuple[str, int]]:
    """(value, number of documents) for ``field`` over the documents selected by the SQL
    subquery ``docs``, most frequent first (ties by value; years newest first)."""
    if field not in _COUNTS:
        raise QueryError(f"unknown facet {field!r}; choose from {', '.join(FIELDS)}")
    order = " ORDER BY 1 DESC" if field == "year" else " ORDER BY 2 DESC, 1"
    sql = _COUNTS[field].format(docs=docs) + order + " LIMIT ?"
    return [(value, n) for value, n in db.execute(sql, (*params, limit))]
