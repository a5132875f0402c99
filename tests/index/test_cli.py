"""The index, search and export commands (run in-process through the CLI entry point)."""

from __future__ import annotations

import json

from nlpkommun.cli import main
from tests.index.records import CORPUS, write_jsonl


def test_index_search_export_round_trip(tmp_path, capsys):
    jsonl = write_jsonl(tmp_path / "out.jsonl", CORPUS, ["{broken"])
    db = tmp_path / "archive.sqlite"
    assert main(["index", str(jsonl), "--db", str(db)]) == 0
    err = capsys.readouterr().err
    assert "indexed 4 document(s) (4 new, 0 replaced)" in err and "1 malformed line(s) skipped" in err
    assert f"{jsonl}:5:" in err
    assert main(["index", str(jsonl), "--db", str(db), "--no-optimize"]) == 0
    assert "(0 new, 4 replaced)" in capsys.readouterr().err

    args = ["search", "våld ungdomar", "--db", str(db), "--party", "S", "--format", "json", "--facet", "party"]
    assert main(args) == 0
    result = json.loads(capsys.readouterr().out)
    hits = result["hits"]
    assert [h["id"] for h in hits] == ["d1"]
    assert result["facets"] == {"party": [["M", 1], ["S", 1]]}
    assert hits[0]["meeting_date"] == "2021-03-15" and "**" in hits[0]["snippet"]
    assert hits[0]["entities"][0]["name"] == "Anna Lindqvist"

    assert main(["search", "", "--db", str(db), "--programme", "SIG", "--from", "2019", "--to", "2019"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("1. Budget 2019  [Kommunstyrelsen · 2019-11-04")
    assert main(["search", "", "--db", str(db), "--facet", "year", "--facet", "body", "--limit", "0"]) == 0
    out = capsys.readouterr().out
    assert "year: 2021 1 · 2020 1 · 2019 1\n" in out
    assert "body: Kommunstyrelsen 1 · Socialnämnden 1 · Utbildningsnämnden 1\n" in out

    assert main(["search", "'; DROP TABLE docs; --", "--db", str(db)]) == 0
    assert main(["search", "v\udce5ld", "--db", str(db), "-f", "json"]) == 0  # undecodable argv byte
    assert json.loads(capsys.readouterr().out)["query"] == "v?ld"
    assert main(["search", "", "--db", str(db), "--limit", "2", "-f", "json"]) == 0
    capsys.readouterr()

    bulk, mapping = tmp_path / "bulk.ndjson", tmp_path / "mapping.json"
    args = ["export", "opensearch", str(jsonl), "--index", "arkiv", "--output", str(bulk), "--mapping", str(mapping)]
    assert main(args) == 0
    assert "exported 4 document(s)" in capsys.readouterr().err
    assert len(bulk.read_text("utf-8").splitlines()) == 8
    assert json.loads(mapping.read_text("utf-8"))["mappings"]["properties"]["text"]["analyzer"] == "swedish"


def test_errors_are_one_line_with_exit_2(tmp_path, capsys):
    cases = [
        (["search", "x", "--db", str(tmp_path / "missing.sqlite")], "index_not_found"),
        (["index", str(tmp_path / "missing.jsonl"), "--db", str(tmp_path / "a.sqlite")], "not_found"),
        (["export", "opensearch", str(tmp_path / "missing.jsonl")], "not_found"),
    ]
    jsonl = write_jsonl(tmp_path / "r.jsonl", CORPUS)
    main(["index", str(jsonl), "--db", str(tmp_path / "ok.sqlite")])
    cases.append((["search", "x", "--db", str(tmp_path / "ok.sqlite"), "--from", "igår"], "query"))
    cases.append((["export", "opensearch", str(jsonl), "--index", "Stora Bokstäver"], "export"))
    cases.append((["search", "x", "--db", str(tmp_path / "ok.sqlite"), "--facet", "colour"], "query"))
    capsys.readouterr()
    for args, code in cases:
        assert main(args) == 2, args
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and f"[{code}]" in err and "Traceback" not in err, err


def test_index_logs_progress_when_not_on_a_terminal(tmp_path, capsys, monkeypatch):
    import nlpkommun.index.cli as index_cli

    monkeypatch.setattr(index_cli, "PROGRESS_EVERY", 2)
    jsonl = write_jsonl(tmp_path / "r.jsonl", CORPUS)
    assert main(["index", str(jsonl), "--db", str(tmp_path / "p.sqlite")]) == 0
    err = capsys.readouterr().err
    assert "indexing: 2 documents read" in err and "indexing: 4 documents read" in err
