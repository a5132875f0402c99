"""OpenSearch / Elasticsearch export: bulk NDJSON shape and mapping structure."""

from __future__ import annotations

import io
import json
import re

import pytest

from nlpkommun.index.errors import ExportError
from nlpkommun.index.opensearch import bulk_lines, check_index_name, document, export, mapping
from nlpkommun.records import DocumentRecord
from tests.index.records import CORPUS, write_jsonl

FIELD_TYPES = {"keyword", "text", "date", "integer", "nested", "object"}
FACETS = [
    "document_type",
    "parties",
    "person_names",
    "organisation_names",
    "programme_acronyms",
    "body",
    "municipality",
]


def walk_mapping(properties: dict, prefix: str = ""):
    for name, spec in properties.items():
        yield prefix + name, spec
        if "properties" in spec:
            yield from walk_mapping(spec["properties"], prefix + name + ".")
        for sub, sub_spec in spec.get("fields", {}).items():
            yield f"{prefix}{name}.{sub}", sub_spec


def assert_fits(doc: dict, properties: dict, path: str = "") -> None:
    """Every field of ``doc`` is mapped, with a value of the mapped kind."""
    for name, value in doc.items():
        assert name in properties, f"unmapped field {path}{name}"
        spec = properties[name]
        values = value if isinstance(value, list) else [value]
        for v in values:
            if v is None:
                continue
            if spec.get("type") == "nested" or "properties" in spec:
                assert isinstance(v, dict), f"{path}{name} must hold objects"
                assert_fits(v, spec["properties"], f"{path}{name}.")
            elif spec["type"] == "date":
                assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", v), f"{path}{name}={v!r}"
            elif spec["type"] == "integer":
                assert isinstance(v, int)
            else:
                assert isinstance(v, str), f"{path}{name}={v!r}"


def test_mapping_structure():
    body = mapping(shards=2, replicas=0)
    assert set(body) == {"settings", "mappings"}
    assert body["settings"]["number_of_shards"] == 2 and body["settings"]["number_of_replicas"] == 0
    props = body["mappings"]["properties"]
    assert "_doc" not in body["mappings"] and "_type" not in body["mappings"]  # typeless (ES 7+ / OpenSearch)
    for path, spec in walk_mapping(props):
        assert spec.get("type", "object") in FIELD_TYPES, path
        if "normalizer" in spec:
            assert spec["normalizer"] in body["settings"]["analysis"]["normalizer"]
    assert props["text"] == {"type": "text", "analyzer": "swedish"}
    assert props["title"]["analyzer"] == "swedish" and props["title"]["fields"]["keyword"]["type"] == "keyword"
    for facet in FACETS:
        assert props[facet]["type"] == "keyword", facet
    assert props["meeting_date"]["type"] == "date" and props["document_date"]["type"] == "date"
    assert props["persons"]["type"] == "nested"
    assert props["persons"]["properties"]["party"]["type"] == "keyword"
    assert props["programmes"]["properties"]["acronym"]["type"] == "keyword"
    json.dumps(body)  # serialisable


def test_bulk_ndjson_pairs_action_and_document():
    records = [DocumentRecord.model_validate(r) for r in CORPUS]
    out = io.StringIO()
    lines = list(bulk_lines(records, index="kommun-arkiv"))
    out.write("".join(lines))
    text = out.getvalue()
    assert text.endswith("\n") and len(text.splitlines()) == 2 * len(records)
    props = mapping()["mappings"]["properties"]
    parsed = [json.loads(line) for line in text.splitlines()]
    for action, doc, record in zip(parsed[::2], parsed[1::2], records, strict=True):
        assert action == {"index": {"_index": "kommun-arkiv", "_id": record.id}}  # no _type
        assert_fits(doc, props)
        assert doc["id"] == record.id and doc["text"] == record.text
    first = parsed[1]
    assert first["parties"] == ["S", "M"] and first["programme_acronyms"] == ["MVP"]
    assert first["persons"][0] == {
        "name": "Anna Lindqvist",
        "kind": "politician",
        "party": "S",
        "party_name": None,
        "roles": ["ledamot"],
        "variants": ["A. Lindqvist"],
        "mention_count": 0,
    }
    assert "mentions" not in json.dumps(first)


def test_export_from_jsonl_reports_bad_lines(tmp_path):
    path = write_jsonl(tmp_path / "r.jsonl", CORPUS, ["nonsense"])
    out, bad = io.StringIO(), []
    assert export([path], out, on_bad_line=bad.append) == len(CORPUS)
    assert [b.line for b in bad] == [len(CORPUS) + 1]
    assert len(out.getvalue().splitlines()) == 2 * len(CORPUS)


def test_document_handles_unicode_and_missing_metadata():
    record = DocumentRecord.model_validate({"id": "x", "source": "s", "text": "Åtgärd ✓ \u2028 ny rad"})
    line = "".join(bulk_lines([record]))
    assert line.count("\n") == 2  # U+2028 stays inside its JSON string
    assert document(record)["meeting_date"] is None


@pytest.mark.parametrize("name", ["", "Upper", "_x", "-x", "a b", "a/b", "a*", ".", "x" * 300, "a:b"])
def test_index_names_that_engines_reject(name):
    with pytest.raises(ExportError):
        check_index_name(name)
    with pytest.raises(ExportError):
        list(bulk_lines([], index=name))


def test_good_index_names():
    for name in ["nlpkommun", "kommun-arkiv-2024", "a.b_c"]:
        assert check_index_name(name) == name
