"""Persons: detection, party attribution, roles, kind, resolution; the example document."""

from __future__ import annotations

from pathlib import Path

import nlpkommun
from nlpkommun.components.persons import find_persons, role_at_start, role_of_words
from tests.conftest import shared_path


def _by_name(text: str) -> dict[str, dict]:
    return {p["name"]: p for p in find_persons(text)}


def test_party_in_parentheses_and_attendance_sections() -> None:
    text = (
        "Beslutande\nAnna Berg (M), ordförande\nKhashayar Farmanbar (S)\n\n"
        "Tjänstgörande ersättare\nRolf Wasteson (v)\n\n"
        "Övriga deltagare Lena Dahlstedt, Sidrah Schaider\n"
    )
    got = _by_name(text)
    assert set(got) == {"Anna Berg", "Khashayar Farmanbar", "Rolf Wasteson", "Lena Dahlstedt", "Sidrah Schaider"}
    assert got["Anna Berg"]["party"] == "M" and "ordförande" in got["Anna Berg"]["roles"]
    assert got["Rolf Wasteson"]["party"] == "V" and "tjänstgörande ersättare" in got["Rolf Wasteson"]["roles"]
    assert got["Khashayar Farmanbar"]["kind"] == "politician"
    assert got["Lena Dahlstedt"]["kind"] == "official" and got["Lena Dahlstedt"]["party"] is None


def test_coordinated_list_shares_the_party_and_reservations() -> None:
    text = (
        "Lisa Carlsson, Mario Chahrestan och Peter Engberg från Socialdemokraterna frågar hur.\n"
        "Tomas Ottosson anmälde reservation för Vänsterpartiet.\n"
        "Karin Ek, Feministiskt initiativ, yrkade avslag."
    )
    got = _by_name(text)
    assert {n: p["party"] for n, p in got.items()} == {
        "Lisa Carlsson": "S",
        "Mario Chahrestan": "S",
        "Peter Engberg": "S",
        "Tomas Ottosson": "V",
        "Karin Ek": "FI",
    }
    assert all(p["kind"] == "politician" for p in got.values())
    assert got["Karin Ek"]["party_name"] == "Feministiskt initiativ"


def test_officials_from_titles_and_signatures() -> None:
    text = (
        "Handläggare\nAnn Ulin\n\nVi träffar biträdande rektor Sanna Hagås i morgon.\n\n"
        "Deltagare\nAnders Kedhammar- rektor, Barbro Widlund Ivarsson-Utbildningsstrateg\n\n"
        "Susanna Halldin Olsson\nStadsdelsdirektör\n\nEinar Franson Ann Sundman Brott\n"
        "Produktionsdirektör Utbildningsstrateg\n"
    )
    got = _by_name(text)
    assert set(got) == {
        "Ann Ulin", "Sanna Hagås", "Anders Kedhammar", "Barbro Widlund Ivarsson",
        "Susanna Halldin Olsson", "Einar Franson", "Ann Sundman Brott",
    }  # fmt: skip
    assert all(p["kind"] == "official" for p in got.values())
    assert got["Susanna Halldin Olsson"]["roles"] == ["stadsdelsdirektör"]
    assert got["Ann Sundman Brott"]["roles"] == ["utbildningsstrateg"]
    assert got["Sanna Hagås"]["roles"] == ["biträdande rektor"]


def test_false_positives_are_rejected() -> None:
    text = (
        "Platssamverkan fortsätter runt Hässelby Torg och Vällingby Centrum.\n"
        "Sammanträdesdatum 20 Mars 2018\nBEVIS OM ANSLAGSDAG\nKommunstyrelsens Verksamhetsutskott\n"
        "Hästhagens Förskola och Stockholms Stad samverkar med Polisen Syd."
    )
    assert find_persons(text) == []


def test_all_caps_and_misspelt_mentions_merge() -> None:
    text = "Mats Gerdau (M) yrkade bifall. MATS GERDAU\nMats Gerdaus yrkande. Hans Gerdau (C) instämde."
    got = _by_name(text)
    assert set(got) == {"Mats Gerdau", "Hans Gerdau"}
    assert len(got["Mats Gerdau"]["mentions"]) == 3
    for p in got.values():
        for m in p["mentions"]:
            assert text[m["start"] : m["end"]] == m["text"]


def test_roles_lexicon() -> None:
    assert role_of_words(["Vice", "ordförande"]).kind == "political"
    assert role_of_words(["Avdelningschef"]).kind == "official"
    assert role_of_words(["kommunalråd"]).kind == "political"
    assert role_of_words(["Hässelby"]) is None
    assert role_at_start("Stadsdelsdirektör Hässelby-Vällingby").role == "stadsdelsdirektör"


def _example_people(nlp, name: str) -> dict[str, dict]:
    text = shared_path("examples", name).read_text(encoding="utf-8")
    doc = nlp(text)
    return {p["name"]: p for p in doc._.nk_persons}


POLITICIANS = {"Lisa Carlsson", "Norma Arranda De Guitierrez", "Mario Chahrestan", "Shuta Bari", "Peter Engberg"}


def test_example_001_persons_through_the_pipeline(nlp) -> None:
    got = _example_people(nlp, "001_48a3ee4b4388261b.txt")
    assert set(got) == POLITICIANS | {"Ann Ulin", "Susanna Halldin Olsson", "Fredrik Skoglund"}
    for name in POLITICIANS:
        assert (got[name]["kind"], got[name]["party"]) == ("politician", "S")
    assert got["Fredrik Skoglund"]["kind"] == "official"


def test_raw_000_text_yields_the_same_politicians(nlp) -> None:
    got = _example_people(nlp, "000_aa01f17c69945c3b.txt")
    politicians = {n: p for n, p in got.items() if p["kind"] == "politician"}
    assert set(politicians) == POLITICIANS
    assert all(p["party"] == "S" for p in politicians.values())
    assert "Norma Arranda De Guiterrez" in politicians["Norma Arranda De Guitierrez"]["variants"]
    assert "Mario Charestan" in politicians["Mario Chahrestan"]["variants"]


def test_protocol_phrasings_and_signature_labels() -> None:
    text = (
        "Ordföranden Anna Berg (M) yrkar bifall. Erik Svensson m.fl. (S) yrkar återremiss.\n"
        "Karin Ek och Lars Holmberg (båda V) reserverar sig.\n\n"
        "Vid protokollet\nSara Björk\n\nOrdförande\nAnna Berg\n"
    )
    got = _by_name(text)
    assert set(got) == {"Anna Berg", "Erik Svensson", "Karin Ek", "Lars Holmberg", "Sara Björk"}
    assert got["Erik Svensson"]["party"] == "S"
    assert got["Karin Ek"]["party"] == "V" and got["Lars Holmberg"]["party"] == "V"
    assert "ordförande" in got["Anna Berg"]["roles"]
    assert "ordförande" not in got["Sara Björk"]["roles"]


def test_bare_party_letters_and_roles_in_parentheses() -> None:
    got = _by_name("Beslutande\nAnna Berg S\nKarin Ek KD\n\nOla Lind, V, yrkar bifall. Eva Ås (ekonomichef) föredrar.")
    assert {n: p["party"] for n, p in got.items()} == {
        "Anna Berg": "S",
        "Karin Ek": "KD",
        "Ola Lind": "V",
        "Eva Ås": None,
    }
    assert got["Eva Ås"]["kind"] == "official" and got["Eva Ås"]["roles"] == ["ekonomichef"]


def test_motion_authors_and_list_items() -> None:
    got = _by_name(
        "Motion den 18 november 2019 från Tomas Ottosson och Fredrik Holmqvist (V)\n"
        "• Produktionsdirektör Välfärd samhällsservice Anette Böe\n"
        "Fyllnadsval efter Eva Olin för perioden 2021."
    )
    assert got["Fredrik Holmqvist"]["party"] == "V" and got["Tomas Ottosson"]["party"] == "V"
    assert got["Anette Böe"]["roles"] == ["produktionsdirektör"]
    assert got["Eva Olin"]["kind"] == "politician"
    # without a motion context, "A och B (S)" gives the party to B only
    got = _by_name("Anna Berg och Karin Ek (S) träffades.")
    assert got["Anna Berg"]["party"] is None and got["Karin Ek"]["party"] == "S"


def test_titles_in_comma_lists_belong_to_the_following_name() -> None:
    got = _by_name(
        "Tjänstemän: Stadsdelsdirektör Susanna Halldin Olsson, avdelningschef Fredrik Skoglund\n"
        "Ledamöter Çiğdem Yılmaz (V), José Ramírez (S)\n"
    )
    assert got["Susanna Halldin Olsson"]["roles"] == ["stadsdelsdirektör"]
    assert got["Fredrik Skoglund"]["roles"] == ["avdelningschef"]
    assert got["Çiğdem Yılmaz"]["party"] == "V" and got["José Ramírez"]["roles"] == ["ledamot"]


def test_street_church_and_school_names_with_first_names_are_not_persons() -> None:
    text = (
        "Bostäderna ligger vid Karl Johans gata och Olof Palmes plats nära Gustav Vasa kyrka. "
        "Hans Majestät Konungen besökte Maria Magdalena församling. Maria Skolgata 5. Eva Braun nämndes."
    )
    assert list(_by_name(text)) == ["Eva Braun"]


def test_party_genitive_before_a_name_with_or_without_a_role() -> None:
    got = _by_name("Socialdemokraternas gruppledare Anna Berg framförde. Moderaternas Karin Ek svarade. "
                   "Vänsterpartiets förslag om Eva Lind.")  # fmt: skip
    assert {n: p["party"] for n, p in got.items()} == {"Anna Berg": "S", "Karin Ek": "M", "Eva Lind": None}


def test_place_word_surnames_are_names() -> None:
    got = _by_name("Handläggare: Jonas Strand, utredare\n\nTexten gäller Hässelby strand.\n\nJonas Strand\nUtredare\n")
    assert set(got) == {"Jonas Strand"}


def test_role_right_after_the_party_letters_in_an_inline_attendance_list() -> None:
    text = "Närvarande: Ledamöter: Ola Berg (S) ordförande, Eva Lund (L) första vice ordförande, Per Ek (M)\n"
    got = _by_name(text)
    assert got["Ola Berg"]["roles"][0] == "ordförande"
    assert got["Eva Lund"]["roles"][0] == "första vice ordförande"
    assert "ordförande" not in got["Per Ek"]["roles"]


def test_names_with_two_particles() -> None:
    got = _by_name("Vi träffade Jenny de la Cruz (S) och Anna van der Berg (M) i går.\n\nOla Lind\nHandläggare\n")
    parties = {n: p["party"] for n, p in got.items()}
    assert parties == {"Jenny de la Cruz": "S", "Anna van der Berg": "M", "Ola Lind": None}


def test_capitals_surname_first_attendance_list() -> None:
    """Capitals, surname first, party after: "ANDERSSON, KARIN (S) ordförande"."""
    text = (
        "Beslutande\nANDERSSON, KARIN (S) ordförande\nPETTERSSON, JONAS (V)\nVALLIN, PER-OLOF (L)\n"
        "HOLM, ANNIKA (s)\n\nEnligt BESLUT, KOMMUNFULLMÄKTIGE (KF) gäller planen.\n"
    )
    found = {p["name"]: p.get("party") for p in find_persons(text)}
    assert found == {"Karin Andersson": "S", "Jonas Pettersson": "V", "Per-Olof Vallin": "L", "Annika Holm": "S"}


def test_surnames_ending_in_strand_are_names(nlp) -> None:
    text = "Beslutande ledamöter\nKarin Nordstrand (C)\nTjänstepersoner\nOlle Westerstrand, nämndsekreterare\n"
    names = {p["name"] for p in nlp(text)._.nk_persons}
    assert {"Karin Nordstrand", "Olle Westerstrand"} <= names


def test_capitalised_heading_with_a_preposition_is_no_person(nlp) -> None:
    # "BEVIS OM ANSLAG" in a protokoll (development fixture) was read as a person "Om Anslag"
    path = Path(__file__).resolve().parents[1] / "fixtures" / "municipal_dev" / "vaxjo_un_protokoll.txt"
    names = {p.name for p in nlpkommun.extract(path, nlp=nlp).persons}
    assert "Johan Ekstrand" in names and not any("Anslag" in n for n in names)


def test_signature_titles_of_other_layouts():
    from nlpkommun.components.persons import find_persons, title_line_role

    assert title_line_role("Tf produktionsdirektör").role == "produktionsdirektör"
    assert title_line_role("Trafik-och fastighetsdirektör").role == "fastighetsdirektör"
    assert title_line_role("EU-samordnare").kind == "official"
    assert title_line_role("Stadsledningskontoret") is None

    def kinds(text: str) -> dict[str, tuple[str, list[str]]]:
        return {p["name"]: (p["kind"], p["roles"]) for p in find_persons(text)}

    # name and title on one line (a PDF line join), the title on the line under the name
    found = kinds("Text.\n\nAnna-Karin Bergfeldt skoldirektör\n\nTomas Hult verksamhetschef grundskola\n")
    assert found["Anna-Karin Bergfeldt"] == ("official", ["skoldirektör"])
    assert found["Tomas Hult"][0] == "official"
    found = kinds("Beslutsfattare\nAnne Sjö\nTf produktionsdirektör\n")
    assert found["Anne Sjö"] == ("official", ["produktionsdirektör"])
    # a title followed by a unit's name is the title of the name before it
    found = kinds("Föredragande\nNadia Berisha, rektor Eskilstuna Vuxenutbildning\n")
    assert found["Nadia Berisha"] == ("official", ["rektor"])


def test_adjective_titles_and_a_title_under_a_labelled_name() -> None:
    from nlpkommun.components.persons import title_line_role

    assert title_line_role("Teknisk direktör").role == "direktör"
    assert title_line_role("Regional utvecklingsdirektör").kind == "official"
    assert title_line_role("Teknisk plan") is None
    found = _by_name("Justeras\nVid protokollet\nIda Marklund\nSekreterare\nJusteras\nPer Olsson (S)\n")
    assert found["Ida Marklund"]["kind"] == "official" and found["Ida Marklund"]["roles"] == ["sekreterare"]
    # a role line followed by a name labels that name, not the one above it
    found = _by_name("Vid protokollet\nIda Marklund\nJusterare\nPer Olsson\n")
    assert "justerare" not in found["Ida Marklund"]["roles"]


def test_role_with_its_place_before_the_name_and_vd() -> None:
    found = _by_name("Eleverna går dit. Rektorn på Norrbyskolan, Maja Lantto, har påtalat problemen.")
    assert found["Maja Lantto"]["kind"] == "official" and found["Maja Lantto"]["roles"] == ["rektor"]
    assert _by_name("Vi besökte Norrby skola i Lindby, Maja Lantto var där.")["Maja Lantto"]["roles"] == []
    assert _by_name("Vd Tomas Nyberg informerar om stödet.")["Tomas Nyberg"]["kind"] == "official"


def test_names_in_an_agenda_presenter_column_are_officials() -> None:
    text = (
        "Nr\nÄrende\nDiarienummer\nFöredragande\n4\nDelårsrapport april 2025\nKUN 2025-00098\nLena Wiklund\n"
        "5\nVerksamhetsstöd 2026\nKUN 2025-00102\nJohan Persson\n6\nÖvrigt\nJohan Persson\n"
    )
    found = _by_name(text)
    assert found["Lena Wiklund"]["kind"] == "official" and found["Lena Wiklund"]["roles"] == ["föredragande"]
    # without a presenter column, a name after a number is nobody's role
    assert _by_name(text.replace("Föredragande", "Ansvarig"))["Lena Wiklund"]["roles"] == []


def test_a_definite_noun_before_a_first_name_is_no_part_of_the_name() -> None:
    found = _by_name("Slutrapporten finns. Forskaren Ylva Berglund vid Lunds universitet har följt projektet.")
    assert "Ylva Berglund" in found and "Forskaren Ylva Berglund" not in found


def test_medical_nurse_title() -> None:
    found = _by_name("Text.\n\nMedicinskt ansvarig sjuksköterska Reza Tavakoli lämnar sin berättelse.\n")
    assert found["Reza Tavakoli"]["kind"] == "official"


def test_first_name_equal_to_a_street_suffix() -> None:
    found = _by_name("Jesper Lindfors (SD) och Stig Dahlén (SD) reserverar sig mot beslutet.")
    assert "Stig Dahlén" in found and found["Stig Dahlén"]["party"] == "SD"


def test_a_voting_table_flattened_one_cell_a_line_gives_parties() -> None:
    text = "Omröstning\nNamn\nParti\nJa\nNej\nEwa Holmqvist\nS\nX\nJohan Nyberg\nC\nX\nAmir Rahimi\nSD\n\nX\n"
    got = {p["name"]: p.get("party") for p in find_persons(text)}
    assert got == {"Ewa Holmqvist": "S", "Johan Nyberg": "C", "Amir Rahimi": "SD"}
