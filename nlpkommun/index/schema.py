"""The SQLite schema of the search index (bump :data:`SCHEMA_VERSION` on any change).

- ``docs``: one row per document id (title, body, municipality, type, dates);
- ``docs_fts``: FTS5 (``unicode61``, diacritics kept) over ``title``, ``text`` and
  ``lemmas`` (see :mod:`nlpkommun.index.text`); its rowid is ``docs.rowid``;
- ``persons``, ``organisations``, ``programmes``, ``places``, ``dates``: the record's
  entities, one row each, with case-folded ``*_key`` columns indexed for facet filters
  and an index on ``doc`` for listing and replacing a document's rows.
"""

from __future__ import annotations

SCHEMA_VERSION = 1

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS docs (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    source TEXT NOT NULL,
    title TEXT,
    document_type TEXT,
    body TEXT,
    body_key TEXT,
    municipality TEXT,
    municipality_key TEXT,
    meeting_date TEXT,
    document_date TEXT,
    date TEXT,
    pages INTEGER,
    reference_numbers TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX IF NOT EXISTS docs_date ON docs(date);
CREATE INDEX IF NOT EXISTS docs_body ON docs(body_key, date);
CREATE INDEX IF NOT EXISTS docs_municipality ON docs(municipality_key, date);
CREATE INDEX IF NOT EXISTS docs_type ON docs(document_type, date);
CREATE VIRTUAL TABLE IF NOT EXISTS docs_fts USING fts5(
    title, text, lemmas, tokenize = 'unicode61 remove_diacritics 0'
);
CREATE TABLE IF NOT EXISTS persons (
    doc INTEGER NOT NULL, name TEXT NOT NULL, name_key TEXT NOT NULL,
    kind TEXT, party TEXT, party_key TEXT, party_name TEXT,
    roles TEXT NOT NULL DEFAULT '[]', variants TEXT NOT NULL DEFAULT '[]', mentions INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS persons_name ON persons(name_key, doc);
CREATE INDEX IF NOT EXISTS persons_party ON persons(party_key, doc);
CREATE INDEX IF NOT EXISTS persons_doc ON persons(doc);
CREATE TABLE IF NOT EXISTS organisations (
    doc INTEGER NOT NULL, name TEXT NOT NULL, name_key TEXT NOT NULL,
    kind TEXT, acronym TEXT, acronym_key TEXT, mentions INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS organisations_name ON organisations(name_key, doc);
CREATE INDEX IF NOT EXISTS organisations_acronym ON organisations(acronym_key, doc);
CREATE INDEX IF NOT EXISTS organisations_doc ON organisations(doc);
CREATE TABLE IF NOT EXISTS programmes (
    doc INTEGER NOT NULL, name TEXT, name_key TEXT, acronym TEXT, acronym_key TEXT,
    mentions INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS programmes_name ON programmes(name_key, doc);
CREATE INDEX IF NOT EXISTS programmes_acronym ON programmes(acronym_key, doc);
CREATE INDEX IF NOT EXISTS programmes_doc ON programmes(doc);
CREATE TABLE IF NOT EXISTS places (
    doc INTEGER NOT NULL, name TEXT NOT NULL, name_key TEXT NOT NULL, mentions INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS places_name ON places(name_key, doc);
CREATE INDEX IF NOT EXISTS places_doc ON places(doc);
CREATE TABLE IF NOT EXISTS dates (
    doc INTEGER NOT NULL, text TEXT NOT NULL, value TEXT NOT NULL, granularity TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS dates_value ON dates(value, doc);
CREATE INDEX IF NOT EXISTS dates_doc ON dates(doc);
"""

ENTITY_TABLES = ("persons", "organisations", "programmes", "places", "dates")
