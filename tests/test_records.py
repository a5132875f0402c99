"""The record models serialise to the contract's shape."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from nlpkommun.records import DocumentRecord, Mention, Person, json_schema

TOP_KEYS = {
    "schema_version", "id", "source", "text", "pages", "language", "metadata", "persons",
    "organisations", "programmes", "places", "dates", "warnings",
}


def test_empty_record_has_contract_keys():
    data = DocumentRecord(id="0" * 64, source="x.txt", text="").model_dump(mode="json")
    assert set(data) == TOP_KEYS
    assert data["schema_version"] == "1" and data["language"] == "sv"
    assert set(data["metadata"]) >= {
        "title", "document_type", "body", "municipality", "meeting_date", "document_date",
        "reference_numbers", "case_officers", "signatories", "attachments",
    }


def test_person_shape_and_validation():
    p = Person(name="Anna Berg", kind="politician", party="M", mentions=[Mention(text="Anna Berg", start=0, end=9)])
    assert set(p.model_dump()) == {"name", "kind", "party", "party_name", "roles", "variants", "mentions"}
    with pytest.raises(ValidationError):
        Person(name="X", kind="wizard")


def test_bad_dates_and_types_rejected():
    with pytest.raises(ValidationError):
        DocumentRecord(id="x", source="s", text="", metadata={"meeting_date": "24 februari 2022"})
    with pytest.raises(ValidationError):
        DocumentRecord(id="x", source="s", text="", metadata={"document_type": "roman"})


def test_json_schema_is_serialisable():
    schema = json_schema()
    assert "DocumentRecord" in json.dumps(schema) or schema.get("title") == "DocumentRecord"
