"""Notebook display: escaped HTML, displaCy spans, DataFrames."""

from __future__ import annotations

import re
import sys

import pytest

import nlpkommun
from nlpkommun.api import Failure
from nlpkommun.display import (
    COLORS,
    FRAME_COLUMNS,
    FRAMES_INSTALL,
    entity_spans,
    record_html,
    records_to_frames,
    render_entities,
)
from nlpkommun.errors import BackendNotInstalledError, InputError
from nlpkommun.records import DocumentRecord

TEXT = "Anna Berg (S) i Nacka kommun presenterade MVP i Fisksätra den 3 mars 2021."


def make_record(text: str = TEXT, source: str = "a.txt", meeting_date: str | None = "2021-03-03", **extra):
    def m(s: str, occurrence: int = 0) -> dict:
        start = [x.start() for x in re.finditer(re.escape(s), text)][occurrence]
        return {"text": s, "start": start, "end": start + len(s)}

    defaults = {
        "persons": lambda: [{"name": "Anna Berg", "kind": "politician", "party": "S", "roles": ["ordförande"],
                             "mentions": [m("Anna Berg")]}],
        "organisations": lambda: [
            {"name": "Socialdemokraterna", "kind": "party", "acronym": "S", "mentions": [m("S")]},
            {"name": "Nacka kommun", "kind": "other", "mentions": [m("Nacka kommun")]},
        ],
        "programmes": lambda: [{"name": None, "acronym": "MVP", "mentions": [m("MVP")]}],
        "places": lambda: [{"name": "Fisksätra", "mentions": [m("Fisksätra")]}],
        "dates": lambda: [{**m("3 mars 2021"), "value": "2021-03-03", "granularity": "day"}],
    }
    data = {
        "id": "0" * 64,
        "source": source,
        "text": text,
        "metadata": {"title": "Test", "meeting_date": meeting_date},
        **{key: make() for key, make in defaults.items() if key not in extra},
    }
    data.update(extra)
    return DocumentRecord.model_validate(data)


def test_entity_spans_label_every_kind_without_overlap():
    record = make_record()
    spans = entity_spans(record)
    labelled = [(TEXT[s["start"]:s["end"]], s["label"]) for s in spans]
    assert labelled == [
        ("Anna Berg", "PERSON"),
        ("S", "PARTY"),
        ("Nacka kommun", "ORG"),
        ("MVP", "PROGRAMME"),
        ("Fisksätra", "PLACE"),
        ("3 mars 2021", "DATE"),
    ]
    assert {s["label"] for s in spans} == set(COLORS)


def test_overlapping_mentions_keep_the_longest():
    text = "Fisksätra centrum"
    record = make_record(
        text=text,
        persons=[], organisations=[], programmes=[], dates=[],
        places=[{"name": "Fisksätra", "mentions": [{"text": "Fisksätra", "start": 0, "end": 9}]},
                {"name": "Fisksätra centrum", "mentions": [{"text": text, "start": 0, "end": 17}]}],
    )
    assert entity_spans(record) == [{"start": 0, "end": 17, "label": "PLACE"}]


def test_render_entities_colours_and_window():
    html = render_entities(make_record(), 0, 20)
    assert "Anna Berg" in html and COLORS["PERSON"] in html
    assert "Fisksätra" not in html  # outside the window


def test_document_text_cannot_inject_html():
    text = "Anna Berg skrev <script>alert('x')</script> och <img src=x onerror=alert(1)> till MVP."
    evil_name = "<b onmouseover=alert(2)>Berg</b>"
    record = make_record(text=text, source="<iframe>.txt", organisations=[], places=[], dates=[], programmes=[])
    record.persons[0].roles = [evil_name]
    html = record._repr_html_()
    assert "<script" not in html and "<img" not in html and "<iframe" not in html and "<b onmouseover" not in html
    assert "&lt;script&gt;" in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "&lt;b onmouseover=alert(2)&gt;" in html
    assert "Anna Berg" in html


def test_repr_html_of_an_extracted_document_escapes_its_text(nlp):
    text = "Kommunstyrelsen beslutade <script>alert(1)</script> den 3 mars 2021."
    record = nlpkommun.extract(text.encode("utf-8"), nlp=nlp)
    html = record._repr_html_()
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_long_text_is_truncated_with_a_note():
    text = TEXT + " Mer text." * 1000
    html = record_html(make_record(text=text), max_chars=500)
    assert "first 500 of" in html
    assert len(html) < 20_000


def test_frames_shapes_and_columns():
    records = [make_record(source="dir/a.txt"), make_record(source="b.txt", meeting_date="2021-04-01")]
    frames = records_to_frames(records)
    assert frames.documents.shape == (2, len(FRAME_COLUMNS["documents"]))
    assert frames.persons.shape == (2, len(FRAME_COLUMNS["persons"]))
    assert frames.organisations.shape == (4, len(FRAME_COLUMNS["organisations"]))
    assert frames.programmes.shape == (2, len(FRAME_COLUMNS["programmes"]))
    assert frames.places.shape == (2, len(FRAME_COLUMNS["places"]))
    assert frames.dates.shape == (2, len(FRAME_COLUMNS["dates"]))
    assert list(frames.persons.columns) == FRAME_COLUMNS["persons"]
    assert frames.persons["document"].tolist() == ["a.txt", "b.txt"]
    assert frames.persons["party"].tolist() == ["S", "S"]
    assert frames.persons["meeting_date"].tolist() == ["2021-03-03", "2021-04-01"]
    assert frames.persons["roles"].tolist() == ["ordförande", "ordförande"]
    assert set(frames.as_dict()) == set(FRAME_COLUMNS)


def test_frames_accept_dicts_skip_failures_and_handle_empty_input():
    record = make_record()
    frames = records_to_frames([record.model_dump(mode="json"), Failure("x.pdf", "PdfCorruptError", "broken")])
    assert len(frames.documents) == 1 and len(frames.persons) == 1
    empty = records_to_frames([])
    for name, cols in FRAME_COLUMNS.items():
        assert getattr(empty, name).shape == (0, len(cols))


def test_frames_reject_other_objects():
    with pytest.raises(InputError):
        records_to_frames(["not a record"])
    with pytest.raises(InputError):
        records_to_frames([{"id": "x"}])


def test_frames_without_pandas_name_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(BackendNotInstalledError, match=re.escape(FRAMES_INSTALL)):
        records_to_frames([make_record()])
    assert FRAMES_INSTALL == "pip install nlpkommun[frames]"
