"""Tokenizer exceptions, phone-number merging, sentences and lemmas."""

from __future__ import annotations

from nlpkommun.lemmatizer import lemmatize
from nlpkommun.sentences import sentence_starts
from nlpkommun.tokenizer import find_phone_numbers


def test_abbreviations_stay_whole(nlp):
    doc = nlp("Enl. beslut av ordf. och dnr. KS 2018/1099 gäller §§ 3-5 t.ex. nu.")
    words = [t.text for t in doc]
    for w in ("Enl.", "ordf.", "dnr.", "§§", "t.ex.", "2018/1099"):
        assert w in words


def test_phone_numbers_are_one_token(nlp):
    doc = nlp("Telefon: 08-508 054 40 eller 070-123 45 67.")
    words = [t.text for t in doc]
    assert "08-508 054 40" in words and "070-123 45 67" in words


def test_phone_regex_ignores_dates_and_diarienummer():
    assert find_phone_numbers("Dnr KFKS 2018/1099 den 2022-02-24 för 12-18 år") == []


def test_sentence_starts_after_period_and_newline():
    words = ["Hej", ".", "Nu", "t.ex.", "inte", "\n", "Rubrik", "Text"]
    assert sentence_starts(words) == [True, False, True, False, False, False, True, False]


def test_abbreviation_does_not_end_sentence(nlp):
    doc = nlp("Vi träffas kl. 13.00 enl. kallelsen. Sedan fortsätter mötet.")
    assert len(list(doc.sents)) == 2


def test_lemmas_with_lowercase_fallback(nlp):
    assert lemmatize("socialtjänsten") == "socialtjänst"
    assert lemmatize("Förvaltningen") == "förvaltning"
    assert lemmatize("Xyzzyplupp") == "xyzzyplupp"
    doc = nlp("Socialtjänsten samverkar med förvaltningarna.")
    assert doc[0].lemma_ == "socialtjänst"
