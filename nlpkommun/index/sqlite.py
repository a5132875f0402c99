"""The embedded search index: SQLite FTS5 over title, text and Swedish lemmas, plus
entity tables for faceted filters.

One database file in WAL mode, so readers work while a writer indexes; the tables are
described in :mod:`nlpkommun.index.schema`. Re-indexing a document id replaces its rows. Queries are built by
:mod:`nlpkommun.index.query` and always bound as parameters.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path

from pydantic import ValidationError

from nlpkommun.index import query as q
from nlpkommun.index import snippets
from nlpkommun.index.errors import IndexNotFoundError, InvalidRecordError, QueryError, SearchIndexError
from nlpkommun.index.facets import count as facet_count
from nlpkommun.index.filters import Filters, facet_tokens, key, party_key
from nlpkommun.index.jsonl import BadLine, read_records
from nlpkommun.index.schema import ENTITY_TABLES, SCHEMA, SCHEMA_VERSION
from nlpkommun.index.text import Lemmas, scrub_all
from nlpkommun.records import DocumentRecord

#: bm25 column weights: title, text, lemmas (a lemma-only match ranks below an exact
#: one), facets (filters only, never ranks)
BM25_WEIGHTS = (4.0, 1.0, 0.6, 0.0)
MAX_LIMIT = 10_000


@dataclass(frozen=True)
class EntityMatch:
    """An entity of a hit that matched a filter or a query word."""

    kind: str  # "person" | "organisation" | "programme" | "place"
    name: str
    party: str | None = None
    acronym: str | None = None


@dataclass(frozen=True)
class Hit:
    """One search result."""

    id: str
    source: str
    title: str | None
    body: str | None
    municipality: str | None
    document_type: str | None
    meeting_date: str | None
    document_date: str | None
    snippet: str
    score: float | None  # higher is better (negated bm25); None for filter-only listings
    entities: list[EntityMatch] = field(default_factory=list)

    def to_dict(self) -> dict:
        """Plain JSON-ready dict."""
        return asdict(self)


@dataclass
class IndexStats:
    """What one :meth:`Index.add` call did."""

    added: int = 0
    replaced: int = 0
    bad_lines: list[BadLine] = field(default_factory=list)

    @property
    def indexed(self) -> int:
        return self.added + self.replaced


class Index:
    """A search index in one SQLite file.

    >>> index = Index("archive.sqlite")            # created if missing
    >>> index.add_jsonl(["records.jsonl"])           # doctest: +SKIP
    >>> index.search("våld ungdomar", party="S")     # doctest: +SKIP

    One ``Index`` object belongs to one thread; open one per thread or process. Any
    number of readers may search while one writer adds (WAL mode).
    """

    def __init__(self, path: str | os.PathLike[str], *, create: bool = True, timeout: float = 30.0) -> None:
        self.path = Path(path)
        if not create and not self.path.is_file():
            raise IndexNotFoundError(f"no index at {self.path} (build one with `nlpkommun index`)")
        if self.path.is_dir():
            raise SearchIndexError(f"{self.path} is a directory, not an index file")
        try:
            self._db = sqlite3.connect(self.path, timeout=timeout, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute(f"PRAGMA busy_timeout={int(timeout * 1000)}")
            self._db.execute("PRAGMA cache_size=-65536")
            self._ensure_schema(create)
        except sqlite3.DatabaseError as exc:
            if "fts5" in str(exc):
                raise SearchIndexError(
                    f"this Python's SQLite ({sqlite3.sqlite_version}) is built without FTS5, which the index needs"
                ) from exc
            raise SearchIndexError(f"cannot open index {self.path}: {exc}") from exc
        self._lemmas = Lemmas()

    # -- lifecycle -------------------------------------------------------------------

    def _ensure_schema(self, create: bool) -> None:
        tables = {r[0] for r in self._db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "docs_fts" in tables:
            row = self._db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
            if row is None or int(row[0]) != SCHEMA_VERSION:
                raise SearchIndexError(
                    f"{self.path} was built with index schema {row and row[0]}; this version of nlpkommun needs "
                    f"schema {SCHEMA_VERSION}: rebuild it with `nlpkommun index` into a new file"
                )
            return
        if tables - {"meta"}:
            raise SearchIndexError(f"{self.path} is an SQLite database but not an nlpkommun index")
        if not create:
            raise SearchIndexError(f"{self.path} is not an nlpkommun index")
        self._db.executescript("BEGIN;" + SCHEMA + "COMMIT;")
        self._db.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))

    def close(self) -> None:
        """Close the database (runs SQLite's ``PRAGMA optimize`` first)."""
        try:
            self._db.execute("PRAGMA optimize")
        except sqlite3.Error:
            pass
        self._db.close()

    def __enter__(self) -> Index:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def journal_mode(self) -> str:
        """SQLite's journal mode of this connection (``"wal"``)."""
        return self._db.execute("PRAGMA journal_mode").fetchone()[0]

    def __len__(self) -> int:
        return self._db.execute("SELECT count(*) FROM docs").fetchone()[0]

    def __contains__(self, doc_id: object) -> bool:
        return self._db.execute("SELECT 1 FROM docs WHERE id=?", (doc_id,)).fetchone() is not None

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    # -- writing ---------------------------------------------------------------------

    def add(self, records: Iterable[DocumentRecord | dict], *, batch_size: int = 500) -> IndexStats:
        """Index records (models or their JSON dicts); an id already indexed is replaced.

        Commits every ``batch_size`` records, so readers see progress and a crash loses
        at most one batch. A dict that is not a valid record raises
        :class:`~nlpkommun.index.errors.InvalidRecordError` (its batch is rolled back).
        """
        stats = IndexStats()
        iterator = iter(records)
        while True:
            with self._transaction():
                count = 0
                for record in iterator:
                    if isinstance(record, dict):
                        try:
                            record = DocumentRecord.model_validate(record)
                        except ValidationError as exc:
                            raise InvalidRecordError(f"not a DocumentRecord: {exc.errors()[0]}") from exc
                    if self._put_safely(record):
                        stats.replaced += 1
                    else:
                        stats.added += 1
                    count += 1
                    if count >= batch_size:
                        break
            if count < batch_size:
                return stats

    def add_jsonl(
        self,
        paths: Iterable[str | os.PathLike[str]],
        *,
        batch_size: int = 500,
        on_bad_line: Callable[[BadLine], None] | None = None,
    ) -> IndexStats:
        """Index every valid record of JSONL files; bad lines are collected in the stats
        (and passed to ``on_bad_line``), never fatal."""
        bad: list[BadLine] = []

        def report(line: BadLine) -> None:
            bad.append(line)
            if on_bad_line is not None:
                on_bad_line(line)

        stats = self.add(read_records(paths, report), batch_size=batch_size)
        stats.bad_lines = bad
        return stats

    def remove(self, doc_id: str) -> bool:
        """Remove one document; True if it was indexed."""
        with self._transaction():
            row = self._db.execute("SELECT rowid FROM docs WHERE id=?", (doc_id,)).fetchone()
            if row is None:
                return False
            self._clear(row[0])
            self._db.execute("DELETE FROM docs WHERE rowid=?", (row[0],))
        return True

    def optimize(self) -> None:
        """Merge the FTS5 segments into one (faster queries after a large build)."""
        self._db.execute("INSERT INTO docs_fts(docs_fts) VALUES ('optimize')")
        self._db.execute("ANALYZE")

    def _clear(self, rowid: int) -> None:
        self._db.execute("DELETE FROM docs_fts WHERE rowid=?", (rowid,))
        for table in ENTITY_TABLES:
            self._db.execute(f"DELETE FROM {table} WHERE doc=?", (rowid,))

    def _put_safely(self, record: DocumentRecord) -> bool:
        """:meth:`_put`, retried with lone surrogates replaced if SQLite cannot encode a string."""
        self._db.execute("SAVEPOINT record")
        try:
            replaced = self._put(record)
        except UnicodeEncodeError:
            self._db.execute("ROLLBACK TO record")
            replaced = self._put(DocumentRecord.model_validate(scrub_all(record.model_dump())))
        self._db.execute("RELEASE record")
        return replaced

    def _put(self, record: DocumentRecord) -> bool:
        """Write one record; True if it replaced an indexed one."""
        m = record.metadata
        values = (
            record.source,
            m.title,
            m.document_type,
            m.body,
            key(m.body),
            m.municipality,
            key(m.municipality),
            m.meeting_date,
            m.document_date,
            m.meeting_date or m.document_date,
            record.pages,
            json.dumps(m.reference_numbers, ensure_ascii=False),
        )
        db = self._db
        row = db.execute("SELECT rowid FROM docs WHERE id=?", (record.id,)).fetchone()
        if row is not None:
            rowid = row[0]
            self._clear(rowid)
            db.execute(
                "UPDATE docs SET source=?, title=?, document_type=?, body=?, body_key=?, municipality=?, "
                "municipality_key=?, meeting_date=?, document_date=?, date=?, pages=?, reference_numbers=? "
                "WHERE rowid=?",
                (*values, rowid),
            )
        else:
            rowid = db.execute(
                "INSERT INTO docs (id, source, title, document_type, body, body_key, municipality, "
                "municipality_key, meeting_date, document_date, date, pages, reference_numbers) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (record.id, *values),
            ).lastrowid
        title = m.title or ""
        db.execute(
            "INSERT INTO docs_fts (rowid, title, text, lemmas, facets) VALUES (?,?,?,?,?)",
            (rowid, title, record.text, self._lemmas.column((title, record.text)), facet_tokens(record)),
        )
        self._put_entities(rowid, record)
        return row is not None

    def _put_entities(self, rowid: int, record: DocumentRecord) -> None:
        db = self._db
        db.executemany(
            "INSERT INTO persons (doc, n, name, name_key, kind, party, party_key, party_name, roles, variants, "
            "mentions) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            [
                (
                    rowid,
                    n,
                    p.name,
                    key(p.name) or "",
                    p.kind,
                    p.party,
                    party_key(p.party),
                    p.party_name,
                    json.dumps(p.roles, ensure_ascii=False),
                    json.dumps(p.variants, ensure_ascii=False),
                    len(p.mentions),
                )
                for n, p in enumerate(record.persons)
            ],
        )
        db.executemany(
            "INSERT INTO organisations (doc, n, name, name_key, kind, acronym, acronym_key, mentions) "
            "VALUES (?,?,?,?,?,?,?,?)",
            [
                (rowid, n, o.name, key(o.name) or "", o.kind, o.acronym, key(o.acronym), len(o.mentions))
                for n, o in enumerate(record.organisations)
            ],
        )
        db.executemany(
            "INSERT INTO programmes (doc, n, name, name_key, acronym, acronym_key, mentions) VALUES (?,?,?,?,?,?,?)",
            [
                (rowid, n, p.name, key(p.name), p.acronym, key(p.acronym), len(p.mentions))
                for n, p in enumerate(record.programmes)
            ],
        )
        db.executemany(
            "INSERT INTO places (doc, n, name, name_key, mentions) VALUES (?,?,?,?,?)",
            [(rowid, n, p.name, key(p.name) or "", len(p.mentions)) for n, p in enumerate(record.places)],
        )
        db.executemany(
            "INSERT INTO dates (doc, n, text, value, granularity) VALUES (?,?,?,?,?)",
            [(rowid, n, d.text, d.value, d.granularity) for n, d in enumerate(record.dates)],
        )

    # -- reading ---------------------------------------------------------------------

    def search(
        self,
        query: str | None = None,
        *,
        person: str | Sequence[str] | None = None,
        party: str | Sequence[str] | None = None,
        organisation: str | Sequence[str] | None = None,
        programme: str | Sequence[str] | None = None,
        place: str | Sequence[str] | None = None,
        body: str | Sequence[str] | None = None,
        municipality: str | Sequence[str] | None = None,
        document_type: str | Sequence[str] | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        limit: int = 10,
        offset: int = 0,
        highlight: tuple[str, str] = ("**", "**"),
    ) -> list[Hit]:
        """Ranked hits for free text ``query`` (bm25; title weighs most) within the filters.

        Each filter takes one value or a list (OR-ed); filters are AND-ed. Names match
        case-insensitively and in full (person: canonical name or spelling variant;
        organisation: name or acronym; programme: acronym or long name). Dates filter on the meeting date
        (else the document date) and take ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``. With no
        query words the filtered documents are listed newest first. Query text is never
        parsed as FTS or SQL syntax (see :mod:`nlpkommun.index.query`).
        """
        if not isinstance(limit, int) or not 0 <= limit <= MAX_LIMIT:
            raise QueryError(f"limit must be an integer from 0 to {MAX_LIMIT}: {limit!r}")
        if not isinstance(offset, int) or offset < 0:
            raise QueryError(f"offset must be a non-negative integer: {offset!r}")
        filters = Filters.of(
            person=person,
            party=party,
            organisation=organisation,
            programme=programme,
            place=place,
            body=body,
            municipality=municipality,
            document_type=document_type,
            date_from=date_from,
            date_to=date_to,
        )
        terms = q.parse(query, self._lemmas)
        words, facets = q.match_expression(terms), filters.fts()
        where, params = filters.sql()
        if words is None:
            return self._listing(facets, where, params, limit, offset, filters)
        expression = words if facets is None else f"{words} AND {facets}"
        return self._ranked(expression, terms, where, params, limit, offset, filters, highlight)

    def facet_counts(
        self, field: str, query: str | None = None, *, limit: int = 20, **filters: str | Sequence[str] | None
    ) -> list[tuple[str, int]]:
        """How many documents matching ``query`` and ``filters`` (the keyword arguments of
        :meth:`search`) have each value of ``field``: party, person, organisation,
        programme, place, body, municipality, document_type or year. Most frequent first.
        """
        if not isinstance(limit, int) or not 0 <= limit <= MAX_LIMIT:
            raise QueryError(f"limit must be an integer from 0 to {MAX_LIMIT}: {limit!r}")
        chosen = Filters.of(**filters)
        words = q.match_expression(q.parse(query, self._lemmas))
        expression = " AND ".join(e for e in (words, chosen.fts()) if e)
        where, params = chosen.sql()
        if expression:
            docs = "SELECT docs_fts.rowid FROM docs_fts" + (" JOIN docs d ON d.rowid = docs_fts.rowid" if where else "")
            docs += " WHERE docs_fts MATCH ?" + "".join(" AND " + w for w in where)
            params = [expression, *params]
        else:
            docs = "SELECT d.rowid FROM docs d" + (" WHERE " + " AND ".join(where) if where else "")
        try:
            return facet_count(self._db, field, docs, tuple(params), limit)
        except sqlite3.OperationalError as exc:  # not reachable from user text; a bug if seen
            raise SearchIndexError(f"facet count failed: {exc}") from exc

    def _ranked(
        self,
        expression: str,
        terms: list[q.Term],
        where: list[str],
        params: list[object],
        limit: int,
        offset: int,
        filters: Filters,
        highlight: tuple[str, str],
    ) -> list[Hit]:
        weights = ", ".join(str(w) for w in BM25_WEIGHTS)
        sql = f"SELECT docs_fts.rowid, bm25(docs_fts, {weights}) AS score FROM docs_fts"
        if where:
            sql += " JOIN docs d ON d.rowid = docs_fts.rowid"
        sql += " WHERE docs_fts MATCH ?" + "".join(" AND " + w for w in where) + " ORDER BY score LIMIT ? OFFSET ?"
        ranked = self._execute(sql, (expression, *params, limit, offset))
        start, end = highlight
        hits = []
        for rowid, score in ranked:
            fragment, text = self._db.execute(
                "SELECT snippet(docs_fts, 1, ?, ?, '…', 24), text FROM docs_fts WHERE docs_fts MATCH ? AND rowid = ?",
                (snippets.FTS_START, snippets.FTS_END, expression, rowid),
            ).fetchone()
            snippet = snippets.highlight(fragment, text, terms, start, end)
            hits.append(self._hit(rowid, snippet, -score, terms, filters))
        return hits

    def _listing(
        self, facets: str | None, where: list[str], params: list[object], limit: int, offset: int, filters: Filters
    ) -> list[Hit]:
        """Filtered documents, newest first (undated last)."""
        order = " ORDER BY d.date IS NULL, d.date DESC, d.rowid DESC LIMIT ? OFFSET ?"
        if facets is None:
            sql = "SELECT d.rowid FROM docs d" + (" WHERE " + " AND ".join(where) if where else "") + order
            rows = self._execute(sql, (*params, limit, offset))
        else:
            sql = "SELECT d.rowid FROM docs_fts JOIN docs d ON d.rowid = docs_fts.rowid WHERE docs_fts MATCH ?"
            sql += "".join(" AND " + w for w in where) + order
            rows = self._execute(sql, (facets, *params, limit, offset))
        hits = []
        for (rowid,) in rows:
            text = self._db.execute("SELECT substr(text, 1, 400) FROM docs_fts WHERE rowid=?", (rowid,)).fetchone()
            hits.append(self._hit(rowid, snippets.lead(text[0] if text else None), None, [], filters))
        return hits

    def _execute(self, sql: str, params: tuple) -> list[tuple]:
        try:
            return self._db.execute(sql, params).fetchall()
        except sqlite3.OperationalError as exc:  # not reachable from user text; a bug if seen
            raise SearchIndexError(f"search failed: {exc}") from exc

    def _hit(self, rowid: int, snippet: str, score: float | None, terms: list[q.Term], filters: Filters) -> Hit:
        row = self._db.execute(
            "SELECT id, source, title, body, municipality, document_type, meeting_date, document_date "
            "FROM docs WHERE rowid=?",
            (rowid,),
        ).fetchone()
        return Hit(*row, snippet=snippet, score=score, entities=self._matching_entities(rowid, terms, filters))

    def _matching_entities(self, rowid: int, terms: list[q.Term], filters: Filters) -> list[EntityMatch]:
        """Entities of a hit named by a filter, or containing a query word."""
        words = {w for t in terms for w in t.words} | {t.lemma for t in terms if t.lemma}

        def named(name_key: str | None) -> bool:
            return bool(name_key) and bool(words.intersection(q.WORD.findall(name_key)))

        found: list[EntityMatch] = []
        persons, parties = {key(v) for v in filters.persons}, {party_key(v) for v in filters.parties}
        for name, name_key, party, party_value in self._db.execute(
            "SELECT name, name_key, party, party_key FROM persons WHERE doc=?", (rowid,)
        ):
            if name_key in persons or party_value in parties or named(name_key):
                found.append(EntityMatch("person", name, party=party))
        organisations = {key(v) for v in filters.organisations}
        for name, name_key, acronym, acronym_key in self._db.execute(
            "SELECT name, name_key, acronym, acronym_key FROM organisations WHERE doc=?", (rowid,)
        ):
            if name_key in organisations or acronym_key in organisations or named(name_key) or named(acronym_key):
                found.append(EntityMatch("organisation", name, acronym=acronym))
        programmes = {key(v) for v in filters.programmes}
        for name, name_key, acronym, acronym_key in self._db.execute(
            "SELECT name, name_key, acronym, acronym_key FROM programmes WHERE doc=?", (rowid,)
        ):
            if name_key in programmes or acronym_key in programmes or named(name_key) or named(acronym_key):
                found.append(EntityMatch("programme", name or acronym or "", acronym=acronym))
        places = {key(v) for v in filters.places}
        for name, name_key in self._db.execute("SELECT name, name_key FROM places WHERE doc=?", (rowid,)):
            if name_key in places or named(name_key):
                found.append(EntityMatch("place", name))
        return found
