"""Label mapping and span placement shared by the NER backends."""

from __future__ import annotations

import spacy

from nlpkommun.backends import map_label, map_spans, set_entities


def test_map_label_maps_foreign_labels_and_drops_the_rest():
    assert map_label("PRS") == "PER"
    assert map_label("per") == "PER"
    assert map_label("PERSON") == "PER"
    assert map_label("ORG") == "ORG"
    assert map_label("GPE") == "LOC"
    assert map_label("LOC") == "LOC"
    for dropped in ("TME", "MSR", "EVN", "WRK", "OBJ", "MISC", "DATE", ""):
        assert map_label(dropped) is None


def test_map_spans_relabels_sorts_and_drops_empty():
    spans = [(20, 26, "LOC"), (0, 9, "PRS"), (10, 13, "TME"), (30, 30, "ORG")]
    assert map_spans(spans) == [(0, 9, "PER"), (20, 26, "LOC")]


def test_set_entities_snaps_to_tokens_and_resolves_overlaps():
    doc = spacy.blank("sv")("Anna Berg bor i Fisksätra centrum.")
    # "nna Berg" snaps outward to "Anna Berg"; trailing space trimmed; overlap keeps the longest
    set_entities(doc, [(1, 10, "PER"), (16, 25, "LOC"), (16, 33, "LOC")])
    assert [(e.text, e.label_) for e in doc.ents] == [("Anna Berg", "PER"), ("Fisksätra centrum", "LOC")]


def test_set_entities_ignores_whitespace_only_spans():
    doc = spacy.blank("sv")("Anna   Berg")
    set_entities(doc, [(4, 7, "PER")])
    assert list(doc.ents) == []
