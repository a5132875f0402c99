"""Normaliser and decoder on crafted PDF-extraction artefacts."""

from __future__ import annotations

import pytest

from nlpkommun.errors import EmptyDocumentError, UnsupportedFormatError
from nlpkommun.ingest.text import decode_bytes, normalise

BODY = "x" * 60  # a full-width line sets the typical line width


def _check_map(raw: str, n) -> None:
    assert len(n.offset_map) == len(n.text)
    for i, ch in enumerate(n.text):
        if not ch.isspace():
            assert raw[n.offset_map[i]] == ch or raw[n.offset_map[i]] in "\ufb01\ufb02"


def test_line_break_inside_name_is_joined():
    raw = (
        "I skrivelse till stadsdelsnämnden daterad november 2020 frågar Anna \n"
        "Berg, Olof Persson och Karin Lind från Vänsterpartiet om arbetet. \n"
    )
    n = normalise(raw)
    assert "frågar Anna Berg, Olof Persson" in n.text
    _check_map(raw, n)


def test_leading_spaces_and_space_runs_collapse():
    raw = f"{BODY}\n   med   flera  mellanslag \n"
    assert normalise(raw).text == f"{BODY} med flera mellanslag"


def test_hyphenation_at_line_end_is_removed():
    raw = f"{BODY} Peter Eng-\nberg från Socialdemokraterna och ytterligare ord här.\n"
    n = normalise(raw)
    assert "Peter Engberg från" in n.text
    _check_map(raw, n)


def test_suspended_compound_hyphens_are_kept():
    raw = f"{BODY} minska alkohol-, narkotika-, dopning-\noch tobaksbruk bland unga vuxna i staden.\n"
    assert "alkohol-, narkotika-, dopning- och tobaksbruk" in normalise(raw).text


def test_hyphenated_proper_compound_is_glued():
    raw = f"{BODY} det ökade våldet i Hässelby-\nVällingby och angränsande stadsdelsområden.\n"
    assert "i Hässelby-Vällingby och" in normalise(raw).text


def test_form_feed_marks_page_starts_and_joins_sentences():
    raw = (
        f"{BODY}\nHandlingsplanen innehåller sammanlagt väldigt många olika delar och \f"
        f"13 punkter att arbeta utifrån.\nSista raden på sidan två som är lång nog här.\n"
    )
    n = normalise(raw)
    assert "och 13 punkter" in n.text
    assert len(n.page_starts) == 2
    assert n.text[n.page_starts[1]:].startswith("13 punkter")
    assert n.page_of(0) == 1 and n.page_of(n.page_starts[1]) == 2


def test_glued_heading_is_split_from_paragraph():
    raw = (
        "Första stycket slutar här med en mening som fyller hela raden ut. \n"
        "Sammanfattning \n"
        "Lisa Ek och Per Al från Liberalerna frågar i en skrivelse till nämnden om \n"
        "hur arbetet går och vilka åtgärder som tas för att säkerställa arbetsmiljön.\n"
    )
    text = normalise(raw).text
    assert "\nSammanfattning\nLisa Ek" in text


def test_heading_ending_in_preposition_continues():
    raw = f"{BODY}.\nSvar på skrivelse om våldet i \nHässelby-Vällingby \nTexten börjar här och fortsätter länge nog.\n"
    assert "Svar på skrivelse om våldet i Hässelby-Vällingby\n" in normalise(raw).text


def test_blank_lines_make_paragraphs_and_ligatures_are_repaired():
    raw = "Rubrik\n\nDen \ufb01nansiella \ufb02exibiliteten.\n"
    n = normalise(raw)
    assert n.text == "Rubrik\n\nDen finansiella flexibiliteten."
    _check_map(raw, n)


def test_utf8_and_bom():
    assert decode_bytes("Hässelby".encode()).text == "Hässelby"
    d = decode_bytes(b"\xef\xbb\xbfN\xc3\xa4mnd")
    assert d.text == "Nämnd" and not d.warnings


def test_cp1252_is_detected_with_warning():
    d = decode_bytes("Kommunstyrelsen beslutar – se bilaga ÅÄÖ".encode("cp1252"))
    assert d.text == "Kommunstyrelsen beslutar – se bilaga ÅÄÖ"
    assert d.encoding == "cp1252" and d.warnings


def test_utf16_with_bom():
    assert decode_bytes("Förvaltningen".encode("utf-16")).text == "Förvaltningen"


def test_empty_and_binary_are_refused():
    with pytest.raises(EmptyDocumentError):
        decode_bytes(b"  \n ")
    with pytest.raises(UnsupportedFormatError):
        decode_bytes(b"\x00\x01\x02binary\x00")


def test_real_hyphens_after_acronyms_digits_and_letters_are_kept():
    raw = f"{BODY} beslut från EU-\nkommissionen om åren 2019-\n2021 och e-\npost till alla nämnder i kommunen.\n"
    text = normalise(raw).text
    assert "EU-kommissionen" in text and "2019-2021" in text and "e-post" in text


def test_attendance_rows_stay_separate_lines():
    raw = (
        "Närvarande ledamöter\n"
        "Anna Berg (M), ordförande\n"
        "Erik Lund (S), 1:e vice ordförande\n"
        "Karin Ek (V)\n"
        "Olof Persson (KD), ledamot\n"
    )
    lines = normalise(raw).text.split("\n")
    assert lines[1:] == ["Anna Berg (M), ordförande", "Erik Lund (S), 1:e vice ordförande", "Karin Ek (V)",
                         "Olof Persson (KD), ledamot"]


def test_acronym_in_a_running_list_does_not_break_the_line():
    raw = f"{BODY} arbetet med allvarssamtal, Läsglädje för alla (LFA), \nTrygg i skolan och nattvandring under året.\n"
    assert "(LFA), Trygg i skolan" in normalise(raw).text


def test_layout_columns_become_lines_with_their_offsets() -> None:
    """Text printed with its layout (``pdftotext -layout``): a wide gap separates columns."""
    raw = "SUNDSVALLS KOMMUN          PROTOKOLLSUTDRAG\nSocialnämnden        Sammanträdesdatum\n2024-04-24\n"
    n = normalise(raw)
    assert n.text.split("\n")[:5] == [  # two columns: read column by column
        "SUNDSVALLS KOMMUN",
        "Socialnämnden",
        "PROTOKOLLSUTDRAG",
        "Sammanträdesdatum",
        "2024-04-24",
    ]
    start = n.text.index("PROTOKOLLSUTDRAG")
    assert raw[n.original_offset(start) : n.original_offset(start) + 16] == "PROTOKOLLSUTDRAG"
    # a few spaces inside a line are not a column gap
    assert normalise("Beslut   i   korthet\n").text == "Beslut i korthet"


def test_labelled_line_after_a_full_line_starts_a_new_line():
    raw = (
        "3. Information om uppföljningen av den regionala utvecklingsstrategin och dess mål\n"
        "Föredragande: Karl Berg, enhetschef, avdelningen för regional utveckling i regionen\n"
        "Informationen gäller uppföljningen under 2024 och hur målen ska följas upp framåt.\n"
    )
    text = normalise(raw).text
    assert "och dess mål\nFöredragande: Karl Berg" in text


def test_layout_table_cells_wrapped_onto_the_next_line_are_joined():
    raw = (
        "Projekt                       Program           Ägare                   Belopp\n"
        "Levande kulturarv i           Leader Mälar-     Stiftelsen Gamla gården   320 000\n"
        "skärgården                    dalen\n"
        "Gröna jobb (GJ)    ESF+              Region Gävleborg          950 000\n"
        "                               Norrland\n"
    )
    lines = normalise(raw).text.split("\n")
    assert "Levande kulturarv i skärgården" in lines
    assert "Leader Mälardalen" in lines
    assert "Gröna jobb (GJ)" in lines and "ESF+" in lines
    assert "Norrland" in lines  # a capitalised piece is not taken for a wrapped cell


def test_capitalised_wrapped_cell_under_an_empty_first_column_is_joined():
    raw = (
        "Projekt                   Program              Ägare                 Period\n"
        "Vinterstaden Östersund    ERUF Mellersta       Östersunds kommun     2025–2027\n"
        "                          Norrland\n"
        "Unga företagare           Leader Storsjö-      Coompanion            2025–2026\n"
        "                          bygden\n"
    )
    lines = normalise(raw).text.split("\n")
    assert "ERUF Mellersta Norrland" in lines and "Norrland" not in lines
    assert "Leader Storsjöbygden" in lines and "Vinterstaden Östersund" in lines


def test_two_column_signature_keeps_titles_apart_from_names():
    raw = "Karin Berg                      Olle Lund\nförvaltningschef                avdelningschef\n"
    lines = normalise(raw).text.split("\n")
    assert lines == ["Karin Berg", "förvaltningschef", "Olle Lund", "avdelningschef"]


def test_two_column_header_is_read_column_by_column():
    raw = (
        "                                            Tjänsteutlåtande\n"
        "Södermalms stadsdelsförvaltning             2025-04-08\n"
        "\n"
        "Handläggare                                 Till\n"
        "Karin Berg                                  Södermalms stadsdelsnämnd\n"
        "Telefon: 08-508 12 000                      2025-04-24\n"
        "\n"
        "1. Nämnden godkänner förvaltningens tjänsteutlåtande som svar på\n"
        "      skrivelsen.\n"
    )
    lines = normalise(raw).text.split("\n")
    assert lines[:3] == ["Södermalms stadsdelsförvaltning", "Tjänsteutlåtande", "2025-04-08"]
    assert lines[4:10] == [
        "Handläggare", "Karin Berg", "Telefon: 08-508 12 000", "Till", "Södermalms stadsdelsnämnd", "2025-04-24"
    ]
    # indented lines with no column gap among them are text: a wrapped list item
    assert lines[-1] == "1. Nämnden godkänner förvaltningens tjänsteutlåtande som svar på skrivelsen."


def test_list_items_ending_in_commas_after_a_colon_stay_lines():
    raw = (
        "Satsningen har byggt på tre delar som vi beskriver närmare i rapporten nedan:\n\n"
        "Läsa tillsammans (LT), där föräldrar och barn läser tillsammans på biblioteket,\n"
        "Bokcirkeln, en träff varje vecka för barn som vill prata om böcker och läsning,\n"
        "Sagostunden, som biblioteket håller i varje lördag under hela läsåret.\n"
        "Arbetet har varit framgångsrikt, Förvaltningen följer upp det under hela läsåret.\n"
    )
    lines = normalise(raw).text.split("\n")
    assert lines[2].startswith("Läsa tillsammans") and lines[3].startswith("Bokcirkeln")
    assert lines[4].startswith("Sagostunden")


def test_labels_with_values_on_their_lines_are_read_row_by_row():
    raw = "Tid:        Torsdagen den 12 juni 2025, kl. 09.30\nPlats:      Regionens hus, Vänersborg\n"
    assert normalise(raw).text.split("\n") == [
        "Tid:", "Torsdagen den 12 juni 2025, kl. 09.30", "Plats:", "Regionens hus, Vänersborg"
    ]


def test_time_plan_of_two_columns_is_read_row_by_row():
    raw = (
        "   Tidplan\n"
        "   Beslut i tekniska nämnden                                        25 mars 2025\n"
        "   Ansökan till regionen                                            senast 15 april 2025\n"
        "   Besked om medfinansiering                                        juni 2025\n"
        "   Detaljprojektering etapp 1                                       maj–augusti 2025\n"
        "   Byggstart etapp 1                                                hösten 2025\n"
        "   Hela sträckan klar                                               2027\n"
    )
    lines = normalise(raw).text.split("\n")
    i = lines.index("Beslut i tekniska nämnden")
    assert lines[i + 1] == "25 mars 2025" and lines[i + 2] == "Ansökan till regionen"


def test_an_e_mail_or_web_address_line_stays_a_line():
    raw = "Länsstyrelsen i Lindby län\nEnheten för klimatanpassning och krisberedskap\n"
    raw += "lindby@lansstyrelsen.se\nwww.lindby.se\n"
    lines = normalise(raw).text.split("\n")
    assert "Enheten för klimatanpassning och krisberedskap" in lines and "lindby@lansstyrelsen.se" in lines


def test_att_satser_of_a_proposal_stay_lines():
    raw = "Omsorgsnämnden beslutar\natt tillsynen införs i hela kommunen,\natt kostnaderna ryms i ramen.\n"
    assert normalise(raw).text.split("\n")[:3] == [
        "Omsorgsnämnden beslutar",
        "att tillsynen införs i hela kommunen,",
        "att kostnaderna ryms i ramen.",
    ]


def test_labels_beside_their_values_and_a_dated_decision_plan_are_read_row_by_row():
    raw = (
        "Tid            Tisdagen den 16 september 2025 kl. 08.30\n"
        "Plats          Stadshus A, sammanträdesrum Lindberg\n"
    )
    assert normalise(raw).text.split("\n")[:2] == ["Tid", "Tisdagen den 16 september 2025 kl. 08.30"]
    raw = "Beslutsplanering\nFritidsnämndens arbetsutskott       2025-03-11\n"
    raw += "Fritidsnämnden                      2025-03-25\n"
    assert normalise(raw).text.split("\n")[1:5] == [
        "Fritidsnämndens arbetsutskott",
        "2025-03-11",
        "Fritidsnämnden",
        "2025-03-25",
    ]
    # labels over their values stay column by column
    raw = "Handläggare                 Till\nAnna Berg, utredare         Utbildningsnämnden\n"
    assert normalise(raw).text.split("\n")[:2] == ["Handläggare", "Anna Berg, utredare"]


def test_a_full_layout_row_is_its_own_row_though_a_cell_opens_in_lower_case():
    raw = (
        "  Delprojekt                        Ort           Tid                 Kostnad (tkr)   Finansiering\n"
        "  Skyfallsplan Bredaryd             Bredaryd      jan 2026–jun 2026       450          Kommunen\n"
        "  Blågröna stråk Forsheda           Forsheda      2026–2027             1 900          Kommunen\n"
        "  Våtmark Ljusseboån                Rydaholm      hösten 2026           1 350          LONA\n"
        "\n"
        "  Mål                         Mått                                          Utfall      Mål\n"
        "  Fler läser och tar del      Utlån per invånare, stadsbiblioteket            4,1         4,5\n"
        "  av kultur                   Antal elever i kulturskolan, 6–19 år          1 730       1 850\n"
    )
    lines = normalise(raw).text.split("\n")
    assert "Tid" in lines and "jan 2026–jun 2026" in lines
    assert "2026–2027" in lines and "hösten 2026" in lines
    assert "Fler läser och tar del av kultur" in lines  # a first cell still wraps


def test_a_year_wrapped_onto_the_next_line_is_no_numbered_list_item():
    raw = (
        "Förvaltningen föreslår att nämnden genomför projektet under perioden 1 maj 2025–30 april\n"
        "2027. Projektet riktar sig till unga i åldern 12–20 år.\n"
        "Nämnden beslutar\n"
        "1. att godkänna förslaget\n"
    )
    lines = normalise(raw).text.split("\n")
    joined = "1 maj 2025–30 april 2027. Projektet riktar sig till unga i åldern 12–20 år."
    assert any(ln.endswith(joined) for ln in lines)
    assert "1. att godkänna förslaget" in lines


def test_lines_of_names_with_a_dash_and_a_description_stay_lines():
    raw = (
        "Under sommaren erbjuds bland annat:\n"
        "Idrott för alla – prova-på-idrott i Vasaparken och på Bäckby torg\n"
        "Kulturkollo – skapande verksamhet på Västerås konstmuseum och i parken i centrum\n"
    )
    lines = normalise(raw).text.split("\n")
    assert "Idrott för alla – prova-på-idrott i Vasaparken och på Bäckby torg" in lines


def test_a_stated_title_line_is_not_joined_to_the_text_under_it():
    raw = (
        "Yttrande över Förslag till trafikförsörjningsprogram för Stockholms län 2026–2035\n"
        "Sigtuna kommun har den 28 februari 2025 fått rubricerade remiss från Trafiknämnden i Region\n"
        "Stockholm med begäran om svar.\n"
        "Svar på skrivelse om det ökade våldet i\nHässelby-Vällingby\n"
    )
    lines = normalise(raw).text.split("\n")
    assert lines[0] == "Yttrande över Förslag till trafikförsörjningsprogram för Stockholms län 2026–2035"
    assert "Svar på skrivelse om det ökade våldet i Hässelby-Vällingby" in lines
