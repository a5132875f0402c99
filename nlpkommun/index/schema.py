"""The SQLite schema of the search index (bump :data:`SCHEMA_VERSION` on any change).

- ``docs``: one row per document id (title, body, municipality, type, dates);
- ``docs_fts``: FTS5 (``unicode61``, diacritics kept) over ``title``, ``text``,
  ``lemmas`` (see :mod:`nlpkommun.index.text`) and ``facets`` (hashed facet values, see
  :mod:`nlpkommun.index.filters`); its rowid is ``docs.rowid``;
- ``persons``, ``organisations``, ``programmes``, ``places``, ``dates``: the record's
  entities, one row each in record order (``n``), clustered by document (``WITHOUT
  ROWID``, primary key ``(doc, n)``) so a hit's entities are one range read, with the
  case-folded ``*_key`` columns indexed for SQL users and facet counts.
"""

from __future__ import annotations

SCHEMA_VERSION = 2

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
    title, text, lemmas, facets, tokenize = 'unicode61 remove_diacritics 0'
);
CREATE TABLE IF NOT EXISTS persons (
    doc INTEGER NOT NULL, n INTEGER NOT NULL, name TEXT NOT NULL, name_key TEXT NOT NULL,
    kind TEXT, party TEXT, party_key TEXT, party_name TEXT,
    roles TEXT NOT NULL DEFAULT '[]', variants TEXT NOT NULL DEFAULT '[]', mentions INTEGER NOT NULL,
    PRIMARY KEY (doc, n)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS persons_name ON persons(name_key);
CREATE INDEX IF NOT EXISTS persons_party ON persons(party_key);
CREATE TABLE IF NOT EXISTS organisations (
    doc INTEGER NOT NULL, n INTEGER NOT NULL, name TEXT NOT NULL, name_key TEXT NOT NULL,
    kind TEXT, acronym TEXT, acronym_key TEXT, mentions INTEGER NOT NULL,
    PRIMARY KEY (doc, n)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS organisations_name ON organisations(name_key);
CREATE INDEX IF NOT EXISTS organisations_acronym ON organisations(acronym_key);
CREATE TABLE IF NOT EXISTS programmes (
    doc INTEGER NOT NULL, n INTEGER NOT NULL, name TEXT, name_key TEXT, acronym TEXT, acronym_key TEXT,
    mentions INTEGER NOT NULL,
    PRIMARY KEY (doc, n)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS programmes_name ON programmes(name_key);
CREATE INDEX IF NOT EXISTS programmes_acronym ON programmes(acronym_key);
CREATE TABLE IF NOT EXISTS places (
    doc INTEGER NOT NULL, n INTEGER NOT NULL, name TEXT NOT NULL, name_key TEXT NOT NULL,
    mentions INTEGER NOT NULL,
    PRIMARY KEY (doc, n)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS places_name ON places(name_key);
CREATE TABLE IF NOT EXISTS dates (
    doc INTEGER NOT NULL, n INTEGER NOT NULL, text TEXT NOT NULL, value TEXT NOT NULL,
    granularity TEXT NOT NULL,
    PRIMARY KEY (doc, n)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS dates_value ON dates(value);
"""

ENTITY_TABLES = ("persons", "organisations", "programmes", "places", "dates")
