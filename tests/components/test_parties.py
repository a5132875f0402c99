"""Party mentions: lexicon forms, inflections, abbreviations, local parties."""

from __future__ import annotations

from nlpkommun.components.parties import find_party_mentions, lexicon, local_party_names


def _parties(text: str) -> list[tuple[str, str, str | None]]:
    return [(m["text"], m["party"], m["party_name"]) for m in find_party_mentions(text)]


def test_written_out_and_inflected_forms() -> None:
    got = _parties("Socialdemokraternas förslag stöddes av Vänsterpartiet och miljöpartiet de gröna.")
    assert got == [
        ("Socialdemokraternas", "S", "Socialdemokraterna"),
        ("Vänsterpartiet", "V", "Vänsterpartiet"),
        ("miljöpartiet de gröna", "MP", "Miljöpartiet"),
    ]


def test_abbreviations_in_parentheses_any_case_and_old_names() -> None:
    got = _parties("Anna Berg (mp), Ola Ek (FP), Eva Li (F!) och Per Ås (KD)")
    assert [(t, p) for t, p, _ in got] == [("mp", "MP"), ("FP", "L"), ("F!", "FI"), ("KD", "KD")]


def test_offsets_index_the_text() -> None:
    text = "Svar på skrivelse från socialdemokraterna (S)"
    for m in find_party_mentions(text):
        assert text[m["start"] : m["end"]] == m["text"]


def test_local_party_from_its_name_and_from_letters_after_names() -> None:
    assert local_party_names("Nackalistan reserverade sig. Nackalistans ledamot") == {"Nackalistan": "NL"}
    got = _parties("Mikael Carlsson (NL) yrkade bifall. Nackalistan reserverade sig.")
    assert ("NL", "NL", "Nackalistan") in got
    assert ("Nackalistan", "NL", "Nackalistan") in got


def test_unknown_letters_need_a_person_before_them() -> None:
    # an acronym definition after a lower-case phrase is not a party
    assert _parties("arbetet med sociala insatsgrupper (SIG) fortsätter") == []
    # letters seen once after an unknown name are not enough; after a known first name they are
    assert _parties("Xqz Yvv (AB) sade") == []
    assert [p for _, p, _ in _parties("Lisa Lund (SPI) yrkade")] == ["SPI"]


def test_lexicon_canonical_abbreviation() -> None:
    lex = lexicon()
    assert lex.abbreviation("mp") == "MP"
    assert lex.abbreviation("fp") == "L"
    assert lex.abbreviation("XX") is None


def test_component_writes_doc_attribute(nlp) -> None:
    doc = nlp("Karin Ek (V) yrkade bifall.")
    assert [(m["party"], m["text"]) for m in doc._.nk_parties] == [("V", "V")]


def test_local_party_defined_with_its_own_letters_tags_inverted_names() -> None:
    text = "Ledamöter\nHolm, Eva (VÅP)\n\n5. Svar på motion från Vårdpartiet (VÅP) om vården\n"
    assert local_party_names(text) == {"Vårdpartiet": "VÅP"}
    found = {(f["text"], f["party"], f["party_name"]) for f in find_party_mentions(text)}
    assert ("VÅP", "VÅP", "Vårdpartiet") in found
    starts = [f["start"] for f in find_party_mentions(text) if f["text"] == "VÅP"]
    assert starts[0] == text.index("VÅP")  # the letters after the inverted name "Holm, Eva"
