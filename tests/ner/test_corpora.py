"""Converters: IO→BIO by runs, column detection, dedup, test-sentence removal, SUC mapping."""

from __future__ import annotations

from pathlib import Path

import pytest

from nlpkommun.errors import NlpkommunError
from nlpkommun.ner.corpora import (
    CorpusFormatError,
    TaggedSentence,
    bio_to_spans,
    dedup,
    io_to_bio,
    map_labels,
    read_conll,
    read_klintan,
    read_suc_slice,
    remove_overlap,
)


def test_io_to_bio_splits_runs_by_label_change() -> None:
    assert io_to_bio(["PER", "PER", "0", "ORG", "LOC", "LOC", "O"]) == [
        "B-PER", "I-PER", "O", "B-ORG", "B-LOC", "I-LOC", "O",
    ]


def test_bio_to_spans_handles_adjacent_and_stray_inside() -> None:
    assert bio_to_spans(["B-PER", "B-PER", "I-PER", "O", "I-ORG", "I-LOC"]) == [
        (0, 1, "PER"), (1, 3, "PER"), (4, 5, "ORG"), (5, 6, "LOC"),
    ]


def test_map_labels_drops_whole_spans() -> None:
    tags = ["B-work", "I-work", "B-person", "I-person", "B-inst"]
    assert map_labels(tags, {"person": "PER", "inst": "ORG"}) == ["O", "O", "B-PER", "I-PER", "B-ORG"]


def test_read_klintan_mixed_separators_and_missing_tag(tmp_path: Path) -> None:
    f = tmp_path / "k.txt"
    f.write_text("Anna\tPER\nBerg    PER\nbor\t0\ni\t0\nbn\nLund  LOC\n.\t0\n\nSaab\tORG\nvann\t0\nEM\tMISC\n",
                 encoding="utf-8")
    sents = read_klintan(f)
    assert sents[0].tokens == ("Anna", "Berg", "bor", "i", "bn", "Lund", ".")
    assert sents[0].spans() == [(0, 2, "PER"), (5, 6, "LOC")]
    assert sents[1].tags == ("B-ORG", "O", "O")  # MISC is not a core label
    assert read_klintan(f, keep=("PER", "LOC", "ORG", "MISC"))[1].spans()[-1] == (2, 3, "MISC")


def test_read_conll_detects_uner_columns_and_comments(tmp_path: Path) -> None:
    f = tmp_path / "u.iob2"
    f.write_text("# sent_id = 1\n# text = Olof Palme i Stockholm\n1\tOlof\tB-PER\t-\t-\n2\tPalme\tI-PER\t-\t-\n"
                 "3\ti\tO\t-\t-\n4\tStockholm\tB-LOC\t-\t-\n\n1\tFN\tB-OTH\t-\t-\n2\t.\tO\t-\t-\n",
                 encoding="utf-8")
    sents = read_conll(f)
    assert sents[0].tokens == ("Olof", "Palme", "i", "Stockholm")
    assert sents[0].spans() == [(0, 2, "PER"), (3, 4, "LOC")]
    assert sents[1].spans() == []  # OTH dropped


def test_read_conll_reads_io_tagged_token_tag_files(tmp_path: Path) -> None:
    f = tmp_path / "io.txt"
    f.write_text("Kommunstyrelsen ORG\nträffar 0\nAnna PER\nBerg PER\n", encoding="utf-8")
    assert read_conll(f)[0].spans() == [(0, 1, "ORG"), (2, 4, "PER")]


def test_read_conll_rejects_single_column(tmp_path: Path) -> None:
    f = tmp_path / "bad.txt"
    f.write_text("just\nwords\n", encoding="utf-8")
    with pytest.raises(CorpusFormatError):
        read_conll(f)
    assert issubclass(CorpusFormatError, NlpkommunError)


def test_read_suc_slice_maps_types_and_skips_id_lines(tmp_path: Path) -> None:
    f = tmp_path / "suc.txt"
    f.write_text("abc-def\nGöran    B-person  B-PRS\nHägg     I-person  I-PRS\npå       O  O\n"
                 "Volvo    B-inst    B-ORG\ni        O O\nGöteborg B-place B-LOC\nläser    O O\n"
                 "Ulysses  B-work    B-WRK\n\n", encoding="utf-8")
    [s] = read_suc_slice(f)
    assert s.tokens[0] == "Göran" and len(s.tokens) == 8
    assert s.spans() == [(0, 2, "PER"), (3, 4, "ORG"), (5, 6, "LOC")]


def _s(text: str) -> TaggedSentence:
    toks = tuple(text.split())
    return TaggedSentence(toks, ("O",) * len(toks))


def test_dedup_is_case_insensitive_and_keeps_first() -> None:
    a, b, c = _s("Hej på dig"), _s("hej PÅ dig"), _s("Annat")
    assert dedup([a, b, c]) == [a, c]


def test_remove_overlap_drops_sentences_found_in_any_held_out_set() -> None:
    train = [_s("a b"), _s("c d"), _s("e f")]
    assert remove_overlap(train, [_s("C D")], [_s("e f"), _s("x")]) == [_s("a b")]


def test_tagged_sentence_rejects_length_mismatch() -> None:
    with pytest.raises(CorpusFormatError):
        TaggedSentence(("a", "b"), ("O",))


def test_binary_or_empty_files_are_typed_errors(tmp_path: Path) -> None:
    from nlpkommun.ner.commands import evaluate_ner_command

    binary = tmp_path / "model.bin"
    binary.write_bytes(b"\x84\x00\xff\xfe" * 50)
    for reader in (read_conll, read_klintan, read_suc_slice):
        with pytest.raises(CorpusFormatError):
            reader(binary)
    empty = tmp_path / "empty.txt"
    empty.write_text("\n\n", encoding="utf-8")
    with pytest.raises(CorpusFormatError):
        evaluate_ner_command(empty, model=tmp_path)
