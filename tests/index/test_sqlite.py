"""The SQLite FTS5 index: build, lemma matching, facets, re-index, WAL, errors."""

from __future__ import annotations

import sqlite3

import pytest

from nlpkommun.index import Index
from nlpkommun.index.errors import IndexNotFoundError, InvalidRecordError, QueryError, SearchIndexError
from tests.index.records import CORPUS, record, write_jsonl


@pytest.fixture()
def index(tmp_path):
    ix = Index(tmp_path / "archive.sqlite")
    ix.add(CORPUS)
    yield ix
    ix.close()


def ids(hits) -> list[str]:
    return [h.id for h in hits]


def test_build_from_jsonl_reports_malformed_lines(tmp_path):
    path = write_jsonl(
        tmp_path / "out.jsonl",
        CORPUS[:2],
        ["{not json", '{"id": 3}', "", "[1, 2]"],
    )
    write_jsonl(tmp_path / "more.jsonl", CORPUS[2:])
    with Index(tmp_path / "a.sqlite") as ix:
        stats = ix.add_jsonl([path, tmp_path / "more.jsonl"])
        assert (stats.added, stats.replaced) == (4, 0)
        assert [b.line for b in stats.bad_lines] == [3, 4, 6]
        assert all(b.path == str(path) for b in stats.bad_lines)
        assert "not a DocumentRecord" in stats.bad_lines[1].message
        assert len(ix) == 4 and "d3" in ix


def test_ranked_hits_carry_metadata_snippet_and_score(index):
    hits = index.search("våld ungdomar")
    assert ids(hits)[0] == "d1"
    top = hits[0]
    assert (top.title, top.body, top.meeting_date) == ("Åtgärder mot ungdomsvåld", "Socialnämnden", "2021-03-15")
    assert "**våld**" in top.snippet and "**ungdomar**" in top.snippet
    assert top.score is not None and top.score > 0
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_lemma_matching_finds_other_inflections(index):
    # "socialtjänst" is written as "Socialtjänsten" in d1, as itself in d3
    assert set(ids(index.search("socialtjänst"))) == {"d1", "d3"}
    # an inflected query finds the base form and other inflections
    assert set(ids(index.search("socialtjänstens"))) == {"d1", "d3"}
    assert set(ids(index.search("ungdomarna"))) == {"d1", "d2"}
    assert "d3" in ids(index.search("våld"))  # "Våldet"
    hit = next(h for h in index.search("socialtjänst") if h.id == "d1")
    assert "**Socialtjänsten**" in hit.snippet  # lemma matches are highlighted too


def test_function_words_do_not_match_unrelated_lemmas(index):
    # the lookup table maps "vill" to "villa"; only d4 really mentions a villa
    assert ids(index.search("villa")) == ["d4"]


def test_exact_phrase_and_prefix(index):
    assert ids(index.search('"våld bland ungdomar"')) == ["d1"]
    assert ids(index.search('"ungdomar bland"')) == []
    assert set(ids(index.search("ungdom*"))) == {"d1", "d2"}


def test_facets_filter_and_combine(index):
    assert set(ids(index.search("", party="M"))) == {"d1", "d2"}
    assert set(ids(index.search("", party=["mp", "L"]))) == {"d2", "d3"}  # OR within a facet
    assert ids(index.search("ungdomar", party="M", body="utbildningsnämnden")) == ["d2"]  # AND across
    assert ids(index.search("", person="anna  LINDQVIST")) == ["d1"]
    assert ids(index.search("", person="A. Lindqvist")) == ["d1"]  # a spelling variant
    assert ids(index.search("", programme="mvp")) == ["d1"]
    assert ids(index.search("", programme="Mentorer i våldsprevention")) == ["d1"]
    assert ids(index.search("", organisation="Polisen")) == ["d1"]  # acronym
    assert ids(index.search("", organisation="polismyndigheten")) == ["d1"]
    assert ids(index.search("", place="storgatan")) == ["d1"]
    assert ids(index.search("", document_type="protokoll")) == ["d2", "d3"]
    assert ids(index.search("", municipality="Exempelby kommun", party="MP")) == ["d3"]
    assert index.search("våld", party="KD") == []
    assert index.search("", person="") == []  # an empty name matches nothing, not everything


def test_date_range_is_inclusive_and_partial_dates_widen(index):
    assert ids(index.search("", date_from="2020-06-10", date_to="2021-03-15")) == ["d1", "d2"]
    assert ids(index.search("", date_from="2020", date_to="2020")) == ["d2"]
    assert ids(index.search("", date_to="2019-11")) == ["d3"]
    with pytest.raises(QueryError):
        index.search("", date_from="2020-13-01")
    with pytest.raises(QueryError):
        index.search("", date_to="10 mars 2020")


def test_empty_query_lists_newest_first_with_undated_last(index):
    hits = index.search("")
    assert ids(hits) == ["d1", "d2", "d3", "d4"]
    assert all(h.score is None for h in hits)
    assert ids(index.search(None, limit=2, offset=1)) == ["d2", "d3"]


def test_hits_name_matching_entities(index):
    hit = index.search("våld", party="M")[0]
    assert [(e.kind, e.name, e.party) for e in hit.entities if e.kind == "person"] == [("person", "Olof Berg", "M")]
    hit = index.search("", programme="MVP")[0]
    assert any(e.kind == "programme" and e.acronym == "MVP" for e in hit.entities)
    hit = next(h for h in index.search("polisen") if h.id == "d1")
    assert any(e.kind == "organisation" and e.name == "Polismyndigheten" for e in hit.entities)


def test_reindex_replaces_without_duplicates(index):
    changed = record(
        "d1",
        "Helt ny text om cykelbanor.",
        title="Cykelplan",
        body="Trafiknämnden",
        date="2022-01-01",
        persons=[("Olof Berg", "M")],
    )
    stats = index.add([changed, changed])
    assert (stats.added, stats.replaced) == (0, 2)
    assert len(index) == 4
    assert ids(index.search("cykelbanor")) == ["d1"]
    assert "d1" not in ids(index.search("ungdomar"))
    assert index.search("", party="S") == []  # the old persons are gone
    assert ids(index.search("", person="Olof Berg")) == ["d1", "d2"]
    rows = index._db.execute("SELECT count(*) FROM persons WHERE doc=(SELECT rowid FROM docs WHERE id='d1')")
    assert rows.fetchone()[0] == 1
    fts_rows = index._db.execute("SELECT count(*) FROM docs_fts").fetchone()[0]
    assert fts_rows == 4


def test_remove(index):
    assert index.remove("d2") and not index.remove("d2")
    assert "d2" not in ids(index.search("", party="M")) and len(index) == 3


def test_wal_mode_and_reading_during_a_write(tmp_path):
    path = tmp_path / "wal.sqlite"
    writer = Index(path)
    writer.add(CORPUS[:2])
    assert writer.journal_mode == "wal"
    seen: list[list[str]] = []

    def records():
        yield CORPUS[2]
        # the writer's transaction is open here (d3 written, not committed): a reader works
        with Index(path, create=False, timeout=1.0) as reader:
            assert reader.journal_mode == "wal"
            seen.append(ids(reader.search("")))
        yield CORPUS[3]

    writer.add(records())
    assert seen == [["d1", "d2"]]
    assert len(writer) == 4
    writer.close()


def test_invalid_record_dict_is_a_typed_error(tmp_path):
    with Index(tmp_path / "x.sqlite") as ix, pytest.raises(InvalidRecordError):
        ix.add([{"id": "x"}])


def test_opening_errors_are_typed(tmp_path):
    with pytest.raises(IndexNotFoundError):
        Index(tmp_path / "missing.sqlite", create=False)
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(SearchIndexError):
        Index(junk)
    other = tmp_path / "other.sqlite"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE t (x)")
    con.close()
    with pytest.raises(SearchIndexError, match="not an nlpkommun index"):
        Index(other)
    with pytest.raises(SearchIndexError):
        Index(tmp_path)
    with Index(tmp_path / "i.sqlite") as ix:
        with pytest.raises(QueryError):
            ix.search("x", limit=-1)
        with pytest.raises(QueryError):
            ix.search("x", party=5)
        with pytest.raises(QueryError):
            ix.search("x", person=["Anna", 3])


def test_lone_surrogates_in_records_are_replaced_not_fatal(tmp_path):
    path = tmp_path / "s.jsonl"
    path.write_text(
        '{"id": "s1", "source": "s.pdf", "text": "trasig \\ud800 text om budget", "metadata": {"title": "x\\udc80"}}\n',
        encoding="utf-8",
    )
    with Index(tmp_path / "s.sqlite") as ix:
        assert ix.add_jsonl([path]).added == 1
        (hit,) = ix.search("budget")
        assert hit.title == "x?" and "trasig ? text" in hit.snippet


def test_facet_counts_over_matches_and_filters(index):
    assert index.facet_counts("party") == [("M", 2), ("L", 1), ("MP", 1), ("S", 1)]
    assert index.facet_counts("party", "ungdomar") == [("M", 2), ("L", 1), ("S", 1)]
    assert index.facet_counts("person", "ungdomar", party="L") == [("Karin Holm", 1), ("Olof Berg", 1)]
    assert index.facet_counts("programme") == [("MVP", 1), ("SIG", 1)]
    assert index.facet_counts("year", date_from="2020") == [("2021", 1), ("2020", 1)]
    assert index.facet_counts("document_type", limit=1) == [("protokoll", 2)]
    assert index.facet_counts("body", "'; DROP TABLE docs; --") == []
    with pytest.raises(QueryError):
        index.facet_counts("colour")
    with pytest.raises(QueryError):
        index.facet_counts("party", colour="red")
