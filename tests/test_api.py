"""End to end on the shared examples, plus error paths of the public API."""

from __future__ import annotations

import pytest

import nlpkommun
from nlpkommun.errors import EmptyDocumentError, InputNotFoundError, NlpkommunError, UnsupportedFormatError
from nlpkommun.records import DocumentRecord
from tests.conftest import shared_path


def _all_mentions(record: DocumentRecord):
    for group in (record.persons, record.organisations, record.programmes, record.places):
        for item in group:
            yield from item.mentions
    yield from record.dates


@pytest.mark.parametrize("name", ["000_aa01f17c69945c3b.txt", "001_48a3ee4b4388261b.txt"])
def test_examples_validate_and_offsets_slice(name, nlp):
    path = shared_path("examples", name)
    record = nlpkommun.extract(path, nlp=nlp)
    again = DocumentRecord.model_validate_json(record.model_dump_json())
    assert again == record
    assert len(record.id) == 64 and record.pages is None
    for m in _all_mentions(record):
        assert record.text[m.start:m.end] == m.text


def test_shuta_bari_is_one_token_pair_in_one_sentence(nlp):
    path = shared_path("examples", "000_aa01f17c69945c3b.txt")
    record = nlpkommun.extract(path, nlp=nlp)
    doc = nlp(record.text)
    for i, tok in enumerate(doc[:-1]):
        if tok.text == "Shuta":
            assert doc[i + 1].text == "Bari"
            assert doc[i + 1].sent == tok.sent
            break
    else:
        pytest.fail("Shuta not found")


def test_text_input_and_stable_id(nlp):
    a = nlpkommun.extract("Kommunstyrelsen sammanträdde.\nAnna Berg (M) var ordförande.", nlp=nlp)
    b = nlpkommun.extract("Kommunstyrelsen sammanträdde.\nAnna Berg (M) var ordförande.", nlp=nlp)
    assert a.id == b.id and a.source == "<text>"


def test_error_paths(tmp_path, nlp):
    with pytest.raises(InputNotFoundError):
        nlpkommun.extract(tmp_path / "missing.pdf", nlp=nlp)
    with pytest.raises(InputNotFoundError):
        nlpkommun.extract("missing.txt", nlp=nlp)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(EmptyDocumentError):
        nlpkommun.extract(empty, nlp=nlp)
    docx = tmp_path / "x.txt"
    docx.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    with pytest.raises(UnsupportedFormatError):
        nlpkommun.extract(docx, nlp=nlp)
    assert issubclass(UnsupportedFormatError, NlpkommunError)


def test_extract_many_collects_failures(tmp_path, nlp):
    good = tmp_path / "a.txt"
    good.write_text("Nämnden beslutade att godkänna förslaget.", encoding="utf-8")
    bad = tmp_path / "b.txt"
    bad.write_bytes(b"")
    results = list(nlpkommun.extract_many([good, bad, tmp_path / "c.txt"], errors="collect", nlp=nlp))
    assert isinstance(results[0], DocumentRecord)
    assert [type(r).__name__ for r in results[1:]] == ["Failure", "Failure"]
    assert results[1].error == "EmptyDocumentError" and results[2].error == "InputNotFoundError"
    with pytest.raises(NlpkommunError):
        list(nlpkommun.extract_many([bad], nlp=nlp))


def test_extract_many_in_two_processes(tmp_path):
    paths = []
    for i in range(3):
        p = tmp_path / f"{i}.txt"
        p.write_text(f"Dokument nummer {i} behandlades av nämnden.", encoding="utf-8")
        paths.append(p)
    records = list(nlpkommun.extract_many(paths, n_process=2))
    assert [r.source for r in records] == [str(p) for p in paths]
