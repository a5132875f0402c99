"""Chunked NER for long documents: sentence-aligned chunks, same entities as one pass."""

from __future__ import annotations

import pytest

from nlpkommun import pipeline
from nlpkommun.pipeline import chunk_bounds, process


def test_chunk_bounds_cut_at_sentence_starts():
    assert chunk_bounds([0, 3, 7, 12], 15, max_tokens=8) == [(0, 7), (7, 15)]
    assert chunk_bounds([0], 5, max_tokens=8) == [(0, 5)]


def test_chunk_bounds_without_sentence_starts_cut_at_the_limit():
    assert chunk_bounds([], 20, max_tokens=8) == [(0, 8), (8, 16), (16, 20)]


def test_process_matches_one_pass(nlp, monkeypatch):
    if "ner" not in nlp.pipe_names:
        pytest.skip("no NER model shipped in models/")
    text = " ".join(
        f"Anna Berg (M) och Erik Lund från Socialdemokraterna besökte Uppsala den {d} mars. "
        "Kommunstyrelsen i Västerås kommun beslutade enligt förslaget."
        for d in range(1, 29)
    )
    whole = [(e.start_char, e.end_char, e.label_) for e in nlp(text).ents]
    monkeypatch.setattr(pipeline, "NER_CHUNK_TOKENS", 50)
    chunked = [(e.start_char, e.end_char, e.label_) for e in process(nlp, text).ents]
    assert whole and chunked == whole
