import spacy

from nlpkommun.doc_text import doc_text


def test_doc_text_is_the_text_of_each_document():
    nlp = spacy.blank("sv")
    a, b = nlp("Nacka kommun  beslutar.\n"), nlp("Kommunstyrelsen")
    assert doc_text(a) == a.text == "Nacka kommun  beslutar.\n"
    assert doc_text(a) is doc_text(a)  # built once
    assert doc_text(b) == "Kommunstyrelsen"
    assert doc_text(a) == a.text


def test_doc_text_follows_a_merge():
    nlp = spacy.blank("sv")
    doc = nlp("Region Gotland beslutar")
    assert doc_text(doc) == "Region Gotland beslutar"
    with doc.retokenize() as retok:
        retok.merge(doc[0:2])
    assert len(doc) == 2 and doc_text(doc) == doc.text
