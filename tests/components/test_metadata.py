"""Metadata extraction: the plain function on small made-up documents, and the component
through the real pipeline on the shared example."""

from __future__ import annotations

import json

import pytest

from nlpkommun.components.metadata import extract_metadata
from nlpkommun.components.metadata_header import reference_numbers
from nlpkommun.components.metadata_lines import find_day_dates, is_name, split_lines, split_names
from nlpkommun.components.metadata_municipality import municipality
from nlpkommun.ingest.text import normalise
from tests.conftest import shared_path

STOCKHOLM_STYLE = """Handläggare
Maja Lind
Telefon: 08-508 12 345
E-post: maja.lind@example.se

Till
Rinkeby-Kista
stadsdelsnämnd 2023-03-16

Svar på motion om fler
parkbänkar i Kista

Förvaltningens förslag till beslut

Stadsdelsnämnden godkänner förvaltningens tjänsteutlåtande som svar på motionen.

Ärendet

I motion till stadsdelsnämnden frågar Per Ek om parkbänkar. Se även dnr KS 2019/44 i ett äldre ärende.

Karl Berg
Stadsdelsdirektör
Rinkeby-Kista stadsdelsförvaltning

Lena Holm
Avdelningschef

Bilagor
1. Motion om fler parkbänkar i Kista
2. Karta över Kista

Attesterat av

Detta dokument har godkänts digitalt av följande personer:

Namn

Karl Berg, Stadsdelsdirektör
Lena Holm, Avdelningschef

Datum

2023-03-01
2023-02-27
"""

NACKA_STYLE = """2021-09-01

TJÄNSTESKRIVELSE
KFKS 2021/512

Utbildningsnämnden

Ny skolskjuts för elever i Björkdala

Förslag till beslut
Utbildningsnämnden beslutar att införa skolskjuts.

Sammanfattning
Eleverna i Björkdala har lång väg till skolan. Vi föreslår skolskjuts från och med hösten.

POSTADRESS
Solna stad, 171 86 Solna

Ärendet
Skolskjuts ordnas av kommunen. Ärendet har tidigare behandlats, se KFKS 2020/77.

Bilagor
Karta över skolvägar

Anna Persson Erik Lund
Utbildningsdirektör Enhetschef
Utbildningsenheten Utbildningsenheten
"""

PROTOKOLL = """12 maj 2022

1 (9)

SAMMANTRÄDESPROTOKOLL
Kommunstyrelsens arbetsutskott

Plats och tid
Stadshuset kl 9.00 – 10.15

BESLUTANDE
Eva Strand (M)
Olof Dahl (S)

Utses att justera
Olof Dahl (S)

Underskrifter
Sekreterare
Ida Moberg
Ordförande
Eva Strand
Justerande
Olof Dahl

§ 21 Dnr KS 2022/10

Budget 2023

Beslut
Arbetsutskottet noterar informationen.

§ 22 Dnr KS 2022/11

Lokalförsörjning
"""

UTDRAG = """12 maj 2022

7 (9)

SAMMANTRÄDESPROTOKOLL
Kommunstyrelsens arbetsutskott

§ 27

KS 2022/97

Upphandling av skolmåltider

Beslut
Kommunstyrelsen tilldelar avtalet.

Ordförandes signatur

Justerandes signatur

Utdragsbestyrkande
"""

BILAGA = """KF Protokoll från 7 april 2021, Bilaga 2

Reservationer

§ 54

KS 2021/130

Detaljplan för Strandängen

Reservationer
Maria Ek anmälde reservation för Vänsterpartiet.
"""


GOTEBORG_STYLE = """Stadsledningskontoret

Tjänsteutlåtande
Utfärdat 2021-03-15
Diarienummer 0123/21

Handläggare
Sara Nilsson/Stadsledningskontoret
Telefon: 031-368 00 00
E-post: sara.nilsson@example.se

Yttrande över remiss om ny
regional cykelplan

Förslag till beslut
Kommunstyrelsen tillstyrker remissen.

Bakgrund
Regionen har remitterat en cykelplan till Göteborgs Stad.

Johan Berg
Direktör
"""

UPPSALA_STYLE = """UPPSALA KOMMUN
KOMMUNSTYRELSEN

Handläggare:
Karin Öberg
Datum:
2020-11-02
Diarienummer:
KSN-2020-01234

Kommunstyrelsen

Gratis kollektivtrafik för unga

Förslag till beslut
Kommunstyrelsen föreslår kommunfullmäktige besluta att avslå motionen.
"""

KALLELSE = """KALLELSE
Kommunfullmäktige

Tid: måndagen den 10 maj 2021 kl. 18.30
Plats: Kommunhuset

Ärenden
1. Val av justerare
2. Årsredovisning 2020

Eva Lind
Ordförande
"""

PROTOKOLL_DOTTED = """Protokoll
Kommunfullmäktige
Sammanträdesdatum 2021-05-10

Plats och tid: Kommunhuset kl. 18.30–21.00

Justerare: Maria Ek (S) och Nils Dahl (M)

Underskrifter
Sekreterare ......................................
Sofia Wall
Ordförande ......................................
Bengt Ros
Justerare ......................................
Maria Ek                      Nils Dahl

§ 40 Dnr KS 2021/101
Årsredovisning 2020

§ 41 Dnr KS 2021/77
Motion om cykelbanor
"""


STOCKHOLM_PROTOKOLL = """Protokoll nr 3/2022
fört vid Skarpnäcks stadsdelsnämnds sammanträde torsdagen den 17 mars 2022 kl. 18.30–20.15

Närvarande
Ledamöter
Anna Berg (S), ordförande
Per Ek (M), vice ordförande

Justerare
Per Ek

§ 1
Val av justerare
Dnr SK 2022/1

Justeras

Anna Berg
Ordförande

Per Ek
Justerare

Maria Lund
Sekreterare
"""

MOTION = """Motion om fler
bänkar i parkerna

Kommunfullmäktige

Många äldre saknar sittplatser. Vi föreslår att kommunfullmäktige beslutar att fler bänkar ställs ut.

Solna den 10 januari 2022

Anna Berg (V)
Per Ek (V)
"""


# --- plain functions ---------------------------------------------------------------------


def test_stockholm_style_header_block() -> None:
    m = extract_metadata(STOCKHOLM_STYLE)
    assert m["title"] == "Svar på motion om fler parkbänkar i Kista"
    assert m["document_type"] == "tjänsteutlåtande"
    assert m["body"] == "Rinkeby-Kista stadsdelsnämnd"
    assert m["meeting_date"] == "2023-03-16"
    assert m["municipality"] == "Stockholms stad"  # stadsdelsnämnder: the documented structural rule
    assert m["reference_numbers"] == []  # a dnr cited in running text is not the document's own
    (officer,) = m["case_officers"]
    assert officer["name"] == "Maja Lind"
    assert officer["phone"] == "08-508 12 345"
    assert officer["email"] == "maja.lind@example.se"
    signed = {s["name"]: s for s in m["signatories"]}
    assert list(signed) == ["Karl Berg", "Lena Holm"]
    assert signed["Karl Berg"]["title"] == "Stadsdelsdirektör"
    assert signed["Karl Berg"]["date"] == "2023-03-01"
    assert signed["Lena Holm"]["date"] == "2023-02-27"
    assert m["attachments"] == ["Motion om fler parkbänkar i Kista", "Karta över Kista"]


def test_nacka_style_tjansteskrivelse_with_two_column_signature() -> None:
    m = extract_metadata(NACKA_STYLE)
    assert m["document_type"] == "tjänsteskrivelse"
    assert m["title"] == "Ny skolskjuts för elever i Björkdala"
    assert m["body"] == "Utbildningsnämnden"
    assert m["reference_numbers"] == ["KFKS 2021/512"]
    assert m["document_date"] == "2021-09-01"
    assert m["meeting_date"] is None  # a tjänsteskrivelse's header date is its own date
    assert m["municipality"] == "Solna stad"
    signed = [(s["name"], s["title"]) for s in m["signatories"]]
    assert signed == [("Anna Persson", "Utbildningsdirektör"), ("Erik Lund", "Enhetschef")]
    assert m["attachments"] == ["Karta över skolvägar"]


def test_protokoll() -> None:
    m = extract_metadata(PROTOKOLL)
    assert m["document_type"] == "protokoll"
    assert m["title"] == "Sammanträdesprotokoll"
    assert m["body"] == "Kommunstyrelsens arbetsutskott"
    assert m["meeting_date"] == "2022-05-12"
    assert m["reference_numbers"] == ["KS 2022/10", "KS 2022/11"]
    titles = {s["name"]: s["title"] for s in m["signatories"]}
    assert titles == {"Olof Dahl": "justerare", "Ida Moberg": "sekreterare", "Eva Strand": "ordförande"}


def test_single_paragraph_protokoll_is_an_extract() -> None:
    m = extract_metadata(UTDRAG)
    assert m["document_type"] == "protokollsutdrag"
    assert m["title"] == "Upphandling av skolmåltider"
    assert m["meeting_date"] == "2022-05-12"
    assert m["reference_numbers"] == ["KS 2022/97"]
    assert m["signatories"] == []


def test_protokollsbilaga_with_abbreviated_body() -> None:
    m = extract_metadata(BILAGA)
    assert m["document_type"] == "protokollsbilaga"
    assert m["body"] == "Kommunfullmäktige"
    assert m["meeting_date"] == "2021-04-07"
    assert m["title"] == "Detaljplan för Strandängen"


def test_no_header_block_invents_nothing() -> None:
    text = "Trygga skolvägar\n\nFörslag till beslut\nBarn- och utbildningsnämnden beslutar att godkänna planen.\n"
    m = extract_metadata(text)
    assert m["title"] == "Trygga skolvägar"
    assert m["document_type"] == "other"
    assert m["body"] == "Barn- och utbildningsnämnden"
    assert m["meeting_date"] is None and m["document_date"] is None
    assert m["case_officers"] == [] and m["signatories"] == [] and m["reference_numbers"] == []


def test_goteborg_style() -> None:
    m = extract_metadata(GOTEBORG_STYLE)
    assert m["document_type"] == "tjänsteutlåtande"
    assert m["title"] == "Yttrande över remiss om ny regional cykelplan"
    assert m["document_date"] == "2021-03-15"
    assert m["reference_numbers"] == ["0123/21"]
    assert m["municipality"] == "Göteborgs Stad"
    assert m["body"] == "Kommunstyrelsen"  # the deciding body after "Förslag till beslut"
    (officer,) = m["case_officers"]
    assert (officer["name"], officer["phone"]) == ("Sara Nilsson", "031-368 00 00")
    assert [(s["name"], s["title"]) for s in m["signatories"]] == [("Johan Berg", "Direktör")]


def test_uppsala_style_labels_above_values() -> None:
    m = extract_metadata(UPPSALA_STYLE)
    assert m["municipality"] == "Uppsala kommun"  # from the upper-case logo line
    assert m["body"] == "Kommunstyrelsen"
    assert m["title"] == "Gratis kollektivtrafik för unga"
    assert m["document_date"] == "2020-11-02"
    assert m["reference_numbers"] == ["KSN-2020-01234"]
    assert [o["name"] for o in m["case_officers"]] == ["Karin Öberg"]
    assert m["signatories"] == []


def test_kallelse() -> None:
    m = extract_metadata(KALLELSE)
    assert (m["document_type"], m["title"], m["body"]) == ("kallelse", "Kallelse", "Kommunfullmäktige")
    assert m["meeting_date"] == "2021-05-10"
    assert [(s["name"], s["title"]) for s in m["signatories"]] == [("Eva Lind", "Ordförande")]


def test_protokoll_with_signature_lines_and_columns() -> None:
    m = extract_metadata(PROTOKOLL_DOTTED)
    assert m["meeting_date"] == "2021-05-10"
    assert m["reference_numbers"] == ["KS 2021/101", "KS 2021/77"]
    titles = {s["name"]: s["title"] for s in m["signatories"]}
    assert titles == {
        "Maria Ek": "justerare",
        "Nils Dahl": "justerare",
        "Sofia Wall": "sekreterare",
        "Bengt Ros": "ordförande",
    }


def test_titles_skip_genre_page_and_attachment_prefixes() -> None:
    m = extract_metadata(
        "1 (29) Bilaga\n\n2020-05-23\n\nRapport\n\nBarn- och utbildningsnämnden\n\n"
        "Behovsprognos för skolplatser 2020–2040\n\nSammanfattning\nText."
    )
    assert m["title"] == "Behovsprognos för skolplatser 2020–2040"
    assert m["body"] == "Barn- och utbildningsnämnden"
    m = extract_metadata("Bilaga 1. Styrkort för skolan\n\nSTYRKORT SKOLA 2019-2022\n")
    assert m["title"] == "Styrkort för skolan"
    assert m["reference_numbers"] == []  # "SKOLA 2019-2022" is a span of years


def test_long_and_odd_input_is_fast() -> None:
    import time

    t0 = time.perf_counter()
    extract_metadata("x" * 300_000)
    extract_metadata("\n".join(["Anna Ek"] * 20_000))
    assert time.perf_counter() - t0 < 5


def test_stockholm_protokoll_session_line() -> None:
    m = extract_metadata(STOCKHOLM_PROTOKOLL)
    assert m["document_type"] == "protokoll"
    assert m["body"] == "Skarpnäcks stadsdelsnämnd"
    assert m["meeting_date"] == "2022-03-17"
    assert m["reference_numbers"] == ["SK 2022/1"]
    titles = {s["name"]: s["title"] for s in m["signatories"]}
    assert titles == {"Per Ek": "justerare", "Anna Berg": "ordförande", "Maria Lund": "sekreterare"}


def test_motion_signed_by_its_authors() -> None:
    m = extract_metadata(MOTION)
    assert (m["document_type"], m["title"]) == ("motion", "Motion om fler bänkar i parkerna")
    assert m["body"] == "Kommunfullmäktige"
    assert [s["name"] for s in m["signatories"]] == ["Anna Berg", "Per Ek"]


def test_stockholm_till_block_over_three_lines() -> None:
    text = "Handläggare\nBo Ny\n\nTill\nSkarpnäcks\nstadsdelsnämnd\n2022-03-17\n\nRemissvar om riktlinjer\n"
    m = extract_metadata(text)
    assert (m["body"], m["meeting_date"]) == ("Skarpnäcks stadsdelsnämnd", "2022-03-17")
    assert m["title"] == "Remissvar om riktlinjer"


def test_layout_without_blank_lines_after_normalising() -> None:
    from nlpkommun.ingest.text import normalise

    raw = STOCKHOLM_STYLE.replace("\n\n", "\n")
    m = extract_metadata(normalise(raw).text)
    assert m["title"] == "Svar på motion om fler parkbänkar i Kista"
    assert (m["body"], m["meeting_date"]) == ("Rinkeby-Kista stadsdelsnämnd", "2023-03-16")
    assert [o["name"] for o in m["case_officers"]] == ["Maja Lind"]
    assert {s["name"]: s["date"] for s in m["signatories"]} == {"Karl Berg": "2023-03-01", "Lena Holm": "2023-02-27"}
    assert m["attachments"] == ["Motion om fler parkbänkar i Kista", "Karta över Kista"]


def test_structural_rule_beats_a_passing_mention() -> None:
    text = "Till\nSkarpnäcks stadsdelsnämnd\n\nRubrik\n\nÄrendet\nVi samarbetar med Solna stad i ett projekt."
    assert extract_metadata(text)["municipality"] == "Stockholms stad"


def test_protokoll_role_label_lines_sign() -> None:
    text = (
        "Protokoll\nKommunstyrelsen\nSammanträdesdatum 2021-05-12\n\nOrdförande: Axel Holm (M)\n"
        "Sekreterare: Eva Berg\nJusterare: Ola Nord (S)\n\n§ 1\nVal av justerare\n\n§ 2\nBudget\n"
    )
    titles = {s["name"]: s["title"] for s in extract_metadata(text)["signatories"]}
    assert titles == {"Axel Holm": "ordförande", "Eva Berg": "sekreterare", "Ola Nord": "justerare"}


def test_signing_handlaggare_is_a_case_officer() -> None:
    text = "Rubrik\n\nÄrendet\nText här.\n\nKarin Ek\nEnhetschef\n\nOlle Berg\nHandläggare\n"
    m = extract_metadata(text)
    assert [o["name"] for o in m["signatories"]] == ["Karin Ek", "Olle Berg"]
    assert [o["name"] for o in m["case_officers"]] == ["Olle Berg"]


def test_ocr_text_without_diacritics() -> None:
    text = (
        "SAMMANTRADESPROTOKOLL\nKommunstyrelsen\nSammantradesdatum 3 juni 2019\n\n§136\n\nKS 2019/476\n\n"
        "Overlatelse av fastighet\n\nBeslut\nKommunstyrelsen beslutar att godkanna avtalet.\n"
    )
    m = extract_metadata(text)
    assert (m["document_type"], m["title"]) == ("protokollsutdrag", "Overlatelse av fastighet")
    assert (m["body"], m["meeting_date"], m["reference_numbers"]) == ("Kommunstyrelsen", "2019-06-03", ["KS 2019/476"])


def test_participant_lists_are_not_signatures() -> None:
    text = (
        "Rubrik\n\nÄrendet\nText.\n\nDeltagare\nAnna Ek\nRektor\nPer Holm\nController\n\n"
        "Mer text i ärendet.\n\nKarin Berg\nFörvaltningschef\n"
    )
    assert [s["name"] for s in extract_metadata(text)["signatories"]] == ["Karin Berg"]


def test_label_row_over_value_row() -> None:
    text = "Tjänsteskrivelse\nHandläggare Datum Diarienummer\nAnn Berg 2022-02-03 KS 2022/123\n\nRubrik här\n"
    m = extract_metadata(text)
    assert [o["name"] for o in m["case_officers"]] == ["Ann Berg"]
    assert (m["document_date"], m["reference_numbers"], m["title"]) == ("2022-02-03", ["KS 2022/123"], "Rubrik här")


def test_title_label_and_running_footer_type() -> None:
    text = (
        "Socialförvaltningen\nÄrende: Revidering av taxa för färdtjänst\n\nBakgrund\nText om taxan.\n\n"
        "Tjänsteskrivelse 2021-03-01\n\nMer text på nästa sida.\n\nTjänsteskrivelse 2021-03-01\n"
    )
    m = extract_metadata(text)
    assert (m["title"], m["document_type"]) == ("Revidering av taxa för färdtjänst", "tjänsteskrivelse")


def test_motion_to_a_body_on_its_type_line() -> None:
    m = extract_metadata("Motion till kommunfullmäktige\n\nFler cykelbanor i centrum\n\nVi föreslår cykelbanor.\n")
    assert (m["document_type"], m["body"], m["title"]) == ("motion", "Kommunfullmäktige", "Fler cykelbanor i centrum")


def test_signature_name_and_title_on_one_line() -> None:
    text = "Rubrik\n\nÄrendet\nText om saken.\n\nKarin Holm Stadsdelsdirektör\nOla Persson Avdelningschef\n"
    signed = [(s["name"], s["title"]) for s in extract_metadata(text)["signatories"]]
    assert signed == [("Karin Holm", "Stadsdelsdirektör"), ("Ola Persson", "Avdelningschef")]


def test_name_title_tables_count_only_in_the_closing_half() -> None:
    chart = "".join(f"Anna Ek{i}\nEnhetschef\n\nText om enhet {i} som är en vanlig mening.\n\n" for i in range(4))
    chart = chart.replace("Ek0", "Ek").replace("Ek1", "Lind").replace("Ek2", "Berg").replace("Ek3", "Holm")
    text = "Rubrik\n\nÄrendet\n" + chart + "Avslutande text i ärendet.\n" * 12 + "\nKarin Berg\nFörvaltningschef\n"
    assert [s["name"] for s in extract_metadata(text)["signatories"]] == ["Karin Berg"]


def test_empty_text() -> None:
    m = extract_metadata("")
    assert m["title"] is None and m["document_type"] is None and m["signatories"] == []


def test_municipality_rules() -> None:
    lines = split_lines
    assert municipality("Beslut i Uppsala kommun. Uppsala kommuns riktlinjer.", lines("")) == "Uppsala kommun"
    assert municipality("Region Gotland beslutar.", lines("")) == "Region Gotland"
    assert municipality("Skolor i Lund och i Lund igen.", lines("")) == "Lunds kommun"
    assert municipality("Inget om någon ort här.", lines("")) is None
    assert municipality("E-post: anna.berg@stadshuset.goteborg.se\nwww.goteborg.se", lines("")) == "Göteborgs Stad"
    assert municipality("Region Skåne beslutar. Region Skånes styrelse. Region Skåne.", lines("")) == "Region Skåne"
    text = "Rubrik\n\nÄrendet\nRegion Stockholm och Region Stockholm. Nacka kommun, Nacka kommun."
    assert municipality(text, lines(text)) == "Nacka kommun"


def test_reference_numbers_only_standalone_or_header() -> None:
    text = "TJÄNSTESKRIVELSE\nDnr 1.2.3-456/2021\n\nRubrik\n\nI ärende KS 2018/99 beslutades något annat än nu."
    assert reference_numbers(split_lines(text)) == ["1.2.3-456/2021"]
    assert reference_numbers(split_lines("Anmälningar KSVU 2018-03-20")) == []


def test_line_helpers() -> None:
    assert [f.value for f in find_day_dates("den 3 mars 2021 och 2021-04-01")] == ["2021-03-03", "2021-04-01"]
    assert [f.value for f in find_day_dates("13 maj", year=2019)] == ["2019-05-13"]
    assert find_day_dates("08-718 80 00") == []
    assert is_name("Anna B. Svensson") and not is_name("B. Svensson")
    assert [f.value for f in find_day_dates("2022‐02‐24")] == ["2022-02-24"]  # Unicode hyphens
    assert is_name("Norma De La Cruz") and not is_name("Välfärd skola") and not is_name("Ordförandes signatur")
    assert split_names("Anna Persson Erik Lund") == ["Anna Persson", "Erik Lund"]


# --- through the pipeline ------------------------------------------------------------------


def _required(expected: dict) -> dict:
    return expected["metadata"]


def test_example_001_required_metadata(nlp) -> None:
    import nlpkommun

    path = shared_path("examples", "001_48a3ee4b4388261b.txt")
    gold = _required(json.loads(shared_path("examples", "001_48a3ee4b4388261b.expected.json").read_text()))
    meta = nlpkommun.extract(path, nlp=nlp).metadata
    assert meta.title == gold["title"]
    assert meta.document_type == gold["document_type"]
    assert meta.body in gold["body"]
    assert meta.municipality == gold["municipality"]
    assert meta.meeting_date == gold["meeting_date"]
    assert meta.reference_numbers == gold["reference_numbers"]
    assert [o.name for o in meta.case_officers] == gold["case_officers"]
    assert sorted(o.name for o in meta.signatories) == sorted(gold["signatories"])
    assert {o.name: o.date for o in meta.signatories} == {
        "Susanna Halldin Olsson": "2022-02-03",
        "Fredrik Skoglund": "2022-01-31",
    }


def test_example_000_without_header(nlp) -> None:
    import nlpkommun

    meta = nlpkommun.extract(shared_path("examples", "000_aa01f17c69945c3b.txt"), nlp=nlp).metadata
    assert meta.title == "Svar på skrivelse om det ökade våldet i Hässelby-Vällingby"
    assert meta.document_type == "tjänsteutlåtande"
    assert meta.case_officers == [] and meta.meeting_date is None


def test_nacka_pdfs(nlp) -> None:
    import nlpkommun

    tjskr = nlpkommun.extract(
        shared_path(
            "corpus",
            "nacka",
            "Kommunstyrelsens_verksamhetsutskott__2018__2018-02-06__06_Nedlaggning_Skogsglantans_forskola__"
            "06a_Nedlaggning_Skogsglantans_forskola_tjskr.pdf",
        ),
        nlp=nlp,
    ).metadata
    assert (tjskr.document_type, tjskr.body, tjskr.municipality) == (
        "tjänsteskrivelse",
        "Kommunstyrelsens verksamhetsutskott",
        "Nacka kommun",
    )
    assert tjskr.meeting_date is None and tjskr.reference_numbers == ["KFKS 2018/53"]
    assert len(tjskr.signatories) == 2  # two names side by side over two titles
    utdrag = nlpkommun.extract(
        shared_path(
            "corpus",
            "nacka",
            "Kommunstyrelsens_verksamhetsutskott__2020__2020-03-17__00_Protokoll_KSVU_2020-03-17__17_omedelbar_justering.pdf",
        ),
        nlp=nlp,
    ).metadata
    assert (utdrag.document_type, utdrag.meeting_date) == ("protokollsutdrag", "2020-03-17")
    assert utdrag.title.startswith("Tilldelningsbeslut") and utdrag.signatories == []


@pytest.mark.parametrize("text", [NACKA_STYLE])
def test_component_writes_plain_dict(nlp, text: str) -> None:
    doc = nlp(text)
    meta = doc._.nk_metadata
    assert isinstance(meta, dict) and meta["document_type"] == "tjänsteskrivelse"
    json.dumps(meta)  # plain data only


def test_motion_by_a_named_author_and_cosigners_with_foreign_letters() -> None:
    text = (
        "Kommunfullmäktige\n\nMotion av Per Ek (V) om fler bänkar i parkerna\n\nVi vill ha fler bänkar.\n\n"
        "Borlänge den 6 februari 2023\n\nPer Ek (V)\nEmre Yıldız (V)\nOla Lind (V)\n"
    )
    m = extract_metadata(text)
    assert (m["document_type"], m["title"]) == ("motion", "Motion av Per Ek (V) om fler bänkar i parkerna")
    assert [s["name"] for s in m["signatories"]] == ["Per Ek", "Emre Yıldız", "Ola Lind"]
    assert extract_metadata("Interpellation av Eva Holm (M) om skolan\n\nText.\n")["document_type"] == "interpellation"


def test_kallelse_agenda_items_give_their_reference_numbers() -> None:
    text = (
        "Kallelse\nKommunstyrelsen\n\nÄrenden\n1. Val av justerare\n2. Budget 2023, dnr KS 2022/12\n"
        "3. Svar på motion om bänkar, KS 2021/7\n\nI ärendet KS 2020/1 beslutades 3 saker.\n"
    )
    assert extract_metadata(text)["reference_numbers"] == ["KS 2022/12", "KS 2021/7"]


def test_goteborg_district_body_written_head_first() -> None:
    text = "Göteborgs Stad\nStadsdelsnämnden Lundby\nProtokoll\nSammanträdesdatum 2019-05-14\n\n§ 3\nText.\n"
    assert extract_metadata(text)["body"] == "Stadsdelsnämnden Lundby"
    from nlpkommun.components.metadata_header import is_body_name

    assert not is_body_name("Kommunstyrelsen Sammanträdesdatum") and not is_body_name("Kommunstyrelsen Protokoll")


def test_paragraph_heading_with_its_reference_number_after_it() -> None:
    for heading, ref in (("Svar på motion om vården KSN-2023-01234", "KSN-2023-01234"),
                         ("Revidering av taxa KS 2021/45", "KS 2021/45")):  # fmt: skip
        text = f"Protokollsutdrag\nKommunstyrelsen\nSammanträdesdatum 2023-06-07\n\n§ 163\n{heading}\n\nBeslut\nText.\n"
        m = extract_metadata(text)
        assert (m["title"], m["reference_numbers"]) == (heading.removesuffix(" " + ref), [ref])
    text = "Protokollsutdrag\nKommunstyrelsen\n\n§ 4\nHandlingsplan för LSS 2019-2022\n\nBeslut\nText.\n"
    assert extract_metadata(text)["title"] == "Handlingsplan för LSS 2019-2022"


@pytest.mark.parametrize("letterhead", ["LUND", "Lund", "UPPLANDS VÄSBY"])
def test_a_bare_municipality_name_is_not_the_title(letterhead: str) -> None:
    text = f"{letterhead}\n\n2021-03-02\n\nRevidering av taxa för bygglov\n\nFörslag till beslut\n"
    assert extract_metadata(text)["title"] == "Revidering av taxa för bygglov"


# --- signatures after "Ort den <datum>" (other municipalities' layouts) -----------------


def _signed(text: str, kind: str | None = None) -> list[tuple[str, str | None]]:
    from nlpkommun.components.metadata_people import signatories

    return [(o["name"], o["title"]) for o in signatories(split_lines(text), kind)]


def test_inverted_signature_names():
    from nlpkommun.components.metadata_people import inverted_name

    assert inverted_name("Nyström, Therese nämndsekreterare") == ("Therese Nyström", "nämndsekreterare")
    assert inverted_name("Paulsson, Ingrid (V)") == ("Ingrid Paulsson", "")
    assert inverted_name("Stockholm, Anna Berg") is None  # a place, then a full name
    assert inverted_name("Kommunstyrelsen, Anna") is None
    text = "Luleå den 18 mars 2024\n\nMaria Lundkvist (V)\nEmil Öhman (V)\nPaulsson, Ingrid (V)\n"
    assert [n for n, _ in _signed(text, "motion")] == ["Maria Lundkvist", "Emil Öhman", "Ingrid Paulsson"]
    text = "Utdrag bestyrkes\nSundsvall 2024-04-30\nNyström, Therese nämndsekreterare\n"
    assert _signed(text, "protokollsutdrag") == [("Therese Nyström", "nämndsekreterare")]


def test_signatures_after_place_and_date():
    # name, party and title on one line; the title on the line under the name
    text = "Malmö den 6 maj 2024\n\nPia Gustafsson Ljung (M) ordförande\n\nSara Wikström nämndsekreterare\n"
    assert _signed(text, "kallelse") == [("Pia Gustafsson Ljung", "ordförande"), ("Sara Wikström", "nämndsekreterare")]
    text = "Rätt utdraget betygar\nKristianstad den 26 mars 2025\nLena Wallin\nNämndsekreterare\n"
    assert _signed(text, "protokollsutdrag") == [("Lena Wallin", "Nämndsekreterare")]
    # the senders (party, group) between the date and the names
    text = (
        "Stockholm den 27 maj 2025\nSocialdemokraterna\nVänsterpartiet\nKadir Yilmaz (S)\nGruppledare\n"
        "Emma Lundström (S)\nJens Nordenfelt (S)\nRebecka Holm (V)\n"
        "Region Stockholm, Trafiknämnden, Box 22550, 104 22 Stockholm. Telefon: 08-123 130 00\n"
    )
    assert _signed(text, "skrivelse") == [
        ("Kadir Yilmaz", "Gruppledare"),
        ("Emma Lundström", None),
        ("Jens Nordenfelt", None),
        ("Rebecka Holm", None),
    ]
    text = "Falun den 30 september 2024\nVänsterpartiet i Falun\nHelena Sundqvist (V)\nAhmad Karimi (V)\nYttrande\n"
    assert [n for n, _ in _signed(text, "motion")] == ["Helena Sundqvist", "Ahmad Karimi"]


def test_underskrifter_roles_above_names_and_on_the_same_line():
    # "Justeringens plats och tid" gives a place and a date, not a justerare; the role of each
    # name is the label above it, or on its own line before the dotted line to sign on
    text = (
        "Utses att justera\nMats Lindqvist (M)\n\nJusteringens plats och tid\n"
        "Kultur-, idrotts- och fritidsförvaltningen, 2024-03-26\n\nUnderskrifter\n"
        "Sekreterare ......................... Paragrafer 21–25 Moa Lindén\n"
        "Ordförande .........................\nKarin Andersson\n"
        "Justerande .........................\nMats Lindqvist\n"
    )
    assert _signed(text, "protokoll") == [
        ("Mats Lindqvist", "justerare"),
        ("Moa Lindén", "sekreterare"),
        ("Karin Andersson", "ordförande"),
    ]
    text = "Justeras\nAnna-Lena Forsgren, ordförande\nLars Olofsson, justerare\n"
    assert _signed(text, "protokollsutdrag") == [("Anna-Lena Forsgren", "ordförande"), ("Lars Olofsson", "justerare")]


def test_kallelse_proposed_justerare_and_party_signature():
    text = (
        "KALLELSE\n\nJusterare\nLotta Bergqvist (S), ersättare Farid Amini (C)\nJustering\n"
        "Onsdagen den 21 maj 2025, Arbetsmarknadsförvaltningen\n"
        "Förhinder anmäls till nämndsekreterare Johanna Ek, telefon 016-710 42 96, så att ersättare kan kallas in.\n"
        "Mikael Strand (M)\nOrdförande\nJohanna Ek\nNämndsekreterare\n"
    )
    assert _signed(text, "kallelse") == [("Mikael Strand", "Ordförande"), ("Johanna Ek", "Nämndsekreterare")]


def test_case_officers_not_presenters_but_listed_handlaggare():
    from nlpkommun.components.metadata_people import case_officers

    # "Föredragande" presents an item at the meeting; a kallelse names one per item
    text = "4. Medfinansiering\nFöredragande: Amira Haddad, trafikplanerare\nProjektet avser en cykelväg.\n"
    assert case_officers(split_lines(text)) == []
    # the handläggare of the tjänsteskrivelse a protokollsutdrag lists under "Handlingar"
    text = "Handlingar\nTjänsteskrivelse från socialförvaltningen, handläggare Rickard Berg, 2024-04-10\n"
    assert [(o["name"], o["title"]) for o in case_officers(split_lines(text))] == [("Rickard Berg", "handläggare")]


# --- header fields in other municipalities' layouts ----------------------------------


def test_addressee_body_with_its_municipality():
    m = extract_metadata("MOTION\n2024-03-18\n\nTill kommunfullmäktige i Luleå kommun\n\nMotion om att införa X\n")
    assert m["body"] == "Kommunfullmäktige"


def test_meeting_date_from_the_body_that_treats_or_adopted_it():
    from nlpkommun.components.metadata_header import body_meeting_date, decision_meeting_date

    lines = split_lines("Ärendet föreslås behandlas av skol- och fritidsnämnden den 24 oktober.")
    assert body_meeting_date(lines, "Skol- och fritidsnämnden", 2023) == "2023-10-24"
    head = split_lines("Verksamhetsplan 2026\nFastställd av barn- och ungdomsnämnden den 20 november 2025, § 98")
    assert decision_meeting_date(head, "Barn- och ungdomsnämnden", 2025) == "2025-11-20"
    assert decision_meeting_date(head, "Kommunstyrelsen", 2025) is None
    lines = split_lines("Arbetsutskottet behandlar ärendet den 10 september och socialnämnden den 24 september 2025.")
    assert body_meeting_date(lines, "Socialnämnden", 2025) == "2025-09-24"
    lines = split_lines("Tidplan\nBeslut i tekniska nämnden\n25 mars 2025\nAnsökan till regionen\n15 april 2025\n")
    assert body_meeting_date(lines, "Tekniska nämnden", 2025) == "2025-03-25"
    assert body_meeting_date(lines, "Kommunstyrelsen", 2025) is None
    lines = split_lines("Motionen väcks vid kommunfullmäktiges sammanträde den 26 maj 2025.")
    assert body_meeting_date(lines, "Kommunfullmäktige", 2025) == "2025-05-26"
    lines = split_lines("Svar ska lämnas senast den 2 juni 2025. Ärendet behandlas i socialnämnden den 21 maj 2025.")
    assert body_meeting_date(lines, "Socialnämnden", 2025) == "2025-05-21"
    lines = split_lines("Ärendet behandlas vid nämndens sammanträde den 11 juni 2025 i Falun.")
    assert body_meeting_date(lines, "Hälso- och sjukvårdsnämnden", 2025) == "2025-06-11"
    lines = split_lines("Beslutsplanering\nFritidsnämndens arbetsutskott\n2025-03-11\nFritidsnämnden\n2025-03-25\n")
    assert body_meeting_date(lines, "Fritidsnämnden", 2025) == "2025-03-25"


def test_slash_references_and_agenda_numbers_on_their_own_line():
    text = "Föredragningslista\n4\nMånadsrapport april 2025\nAVN/2025:18\n7\nYttrande över strategin AVN/2025:140\n"
    assert reference_numbers(split_lines(text)) == ["AVN/2025:18", "AVN/2025:140"]


def test_agenda_item_document_and_kallelse_heading():
    text = (
        "Region Stockholm\nTrafiknämnden\nSKRIVELSE\n2025-05-27\nÄrende 19\nTN 2025-0588\n"
        "Skrivelse från Socialdemokraterna om trygghet på stationerna\nDen som reser ska kunna lita på hissen.\n"
    )
    m = extract_metadata(text)
    assert m["title"] == "Skrivelse från Socialdemokraterna om trygghet på stationerna"
    assert m["meeting_date"] == "2025-05-27"  # the date of the meeting whose agenda holds it
    # the label "Tid" glued to the heading line above it, as joined PDF lines come out
    text = (
        "Eskilstuna kommun\nArbetsmarknadsnämnden\nKALLELSE\n2025-05-06\n"
        "Kallelse till sammanträde med Arbetsmarknadsnämnden Tid\nTorsdagen den 15 maj 2025 klockan 08.30\n"
        "Plats\nStadshuset\n"
    )
    m = extract_metadata(text)
    assert m["title"] == "Kallelse till sammanträde med Arbetsmarknadsnämnden"
    assert m["meeting_date"] == "2025-05-15"
    m = extract_metadata("Region Gotland\n\nKALLELSE\nSammanträde med regionstyrelsen\n\nTid: 24 maj 2022\n")
    assert m["title"] == "Sammanträde med regionstyrelsen"
    text = "Lindby stad\nKALLELSE\nVård- och omsorgsnämnden\nDatum\n2025-04-09\n"
    text += "Kallelse till sammanträde med nämnden\nTid\n"
    assert extract_metadata(text)["title"] == "Kallelse till sammanträde med nämnden"


def test_municipality_by_its_own_name():
    text = "Motion\n\nVi vill att Falu kommun inför simskola. Skolorna badar enligt avtal med Rättviks kommun."
    text += " Vi föreslår att Falu kommun inför avgiftsfri simskola.\n"
    assert municipality(text, split_lines(text)) == "Falu kommun"


def test_fullest_type_heading_is_the_title() -> None:
    m = extract_metadata(
        "UMEÅ KOMMUN\nKulturnämnden\nPROTOKOLL\nSammanträdesdatum\n2025-03-18\n\nSammanträdesprotokoll\n\n"
        "Plats och tid\nRådhuset, kl. 13.30\n"
    )
    assert (m["title"], m["document_type"]) == ("Sammanträdesprotokoll", "protokoll")
    m = extract_metadata(
        "KALLELSE\nKulturnämnden\nDatum: 2025-06-02\n\nKallelse och föredragningslista\nLedamöter kallas.\n"
    )
    assert (m["title"], m["document_type"]) == ("Kallelse och föredragningslista", "kallelse")


def test_a_region_letterhead_line_names_the_author() -> None:
    text = (
        "KALLELSE\nKulturnämnden\nDatum: 2025-06-02\n\nKallelse och föredragningslista\n"
        "Ledamöter och ersättare kallas till sammanträde.\n\n1. Val av justerare\n\n2. Världsarvet\n"
        "Information om samarbetet med Tanums kommun kring världsarvet.\n\n"
        "Region Västra Götaland\nFörvaltningen för kulturutveckling\nPostadress: Regionens hus, 462 80 Vänersborg\n"
    )
    assert extract_metadata(text)["municipality"] == "Region Västra Götaland"


def test_region_document_with_units_above_its_body_and_an_address_footer():
    text = (
        "TJÄNSTESKRIVELSE\n2025-10-07\nRL 2025/1874\n1(3)\nRegional utveckling\nLindby länstrafik\n"
        "Nämnd för trafik, infrastruktur och miljö\nFörsöksverksamhet med anropsstyrd trafik på landsbygden\n"
        "Förslag till beslut\nNämnden föreslås besluta att starta trafiken i Aneby kommun och Eksjö kommun.\n"
        "Samråd har skett med Aneby kommun och Eksjö kommun.\n"
        "Region Jönköpings län · Box 1024 · 551 11 Jönköping\n"
    )
    m = extract_metadata(text)
    assert m["title"] == "Försöksverksamhet med anropsstyrd trafik på landsbygden"
    assert m["body"] == "Nämnd för trafik, infrastruktur och miljö"
    assert m["municipality"] == "Region Jönköpings län"


def test_region_from_its_bodies_and_the_county_it_names():
    from nlpkommun.components.metadata_municipality import municipality

    text = "Regionstyrelsen beslutade i maj. Trafiken i Jönköpings län ska öka, enligt planen för Jönköpings län."
    assert municipality(text, split_lines(text)) == "Region Jönköpings län"


def test_closing_name_comma_title_lines_are_signatures_but_one_alone_is_not():
    text = "DELÅRSRAPPORT\nText om året.\n\nUtbildningsförvaltningen\nSofia Blom, utbildningsdirektör\n"
    text += "Jesper Kallio, ekonomichef\n"
    names = [(o["name"], o["title"]) for o in extract_metadata(text)["signatories"]]
    assert names == [("Sofia Blom", "utbildningsdirektör"), ("Jesper Kallio", "ekonomichef")]
    text = "KALLELSE\n7\nÅrsredovisning 2024\nAVN/2025:12\nAnders Möller, förvaltningsdirektör\n8\nÖvrigt\n"
    assert extract_metadata(text)["signatories"] == []


def test_yttrande_to_an_authority_with_its_reference_and_the_deciding_meeting():
    text = (
        "Lindby kommun\nKommunstyrelsen\nYTTRANDE\nDatum\n2025-02-12\nDiarienummer\nKS 2024/0874\n"
        "Er beteckning\n537-38122-2024\nHandläggare\nErik Sandvall\nLänsstyrelsen i Lindby län\n"
        "Enheten för klimatanpassning\nYttrande över remiss – Regional handlingsplan för klimatanpassning\n"
        "Kommunen har tagit del av remissen. Kommunstyrelsen har vid sitt sammanträde den 5 februari 2025, "
        "§ 23, beslutat att lämna följande yttrande.\n"
    )
    m = extract_metadata(text)
    assert m["title"] == "Yttrande över remiss – Regional handlingsplan för klimatanpassning"
    assert m["meeting_date"] == "2025-02-05"


def test_motion_authors_under_the_att_satser_sign_it():
    text = (
        "Motion till kommunfullmäktige i Lindby kommun\n2024-03-11\nMotion om att införa Huskurage\n"
        "Våld sker bakom stängda dörrar.\nMed anledning av ovanstående föreslår vi kommunfullmäktige besluta\n"
        "att ge bolaget i uppdrag att införa metoden,\natt information sprids i kommunens kanaler.\n"
        "Cecilia Lindqvist (S)\nDaniel Abebe (S)\n"
    )
    names = [o["name"] for o in extract_metadata(normalise(text).text)["signatories"]]
    assert names == ["Cecilia Lindqvist", "Daniel Abebe"]


def test_case_officer_under_a_label_whose_column_neighbour_is_the_body():
    text = "Lindby kommun\nTJÄNSTESKRIVELSE\n2025-03-04\nHandläggare\nBarn- och grundskolenämnden\n"
    text += "Linda Öhman\nUtredare\n"
    text += "\nTillfällig utökning av skolplatser\n"
    officers = extract_metadata(text)["case_officers"]
    assert [(o["name"], o["title"]) for o in officers] == [("Linda Öhman", "Utredare")]


def test_district_body_diarienummer_line_and_meeting_reference_label():
    text = (
        "Lindby Stad Socialnämnden Nordost, protokollsutdrag\n1 (3)\nProtokollsutdrag\n"
        "Sammanträdesdatum: 2025-04-22\n§ 112\nSNNO-2025-00318\nUppdrag om fördjupad samverkan för trygghet\nBeslut\n"
        "1. Socialnämnden Nordost godkänner förvaltningens förslag.\n"
    )
    m = extract_metadata(text)
    assert m["title"] == "Uppdrag om fördjupad samverkan för trygghet" and m["body"] == "Socialnämnden Nordost"
    text = "SKRIVELSE\n2025-04-22\nTyresö kommun\n\nTill kultur- och fritidsnämnden\n\n"
    text += "Ärende: Kultur- och fritidsnämndens sammanträde den 13 maj 2025\nDnr KFN/2025:87\n"
    text += "\nSäkra lovaktiviteterna\n"
    m = extract_metadata(text)
    assert m["title"] == "Säkra lovaktiviteterna" and m["meeting_date"] == "2025-05-13"


def test_stated_title_under_the_recipients_postal_address_and_the_boards_meeting():
    text = (
        "Ale kommun\nKommunstyrelsen\nYTTRANDE\nDatum: 2025-06-10\nDiarienummer: KS.2025.142\n"
        "Västra Götalandsregionen\nKollektivtrafiknämnden\nRegionens Hus\n405 44 Göteborg\n"
        "Yttrande över remiss av Regionalt trafikförsörjningsprogram\n"
        "Kommunen har fått förslaget på remiss. Kommunstyrelsen behandlade ärendet vid sitt sammanträde "
        "den 9 juni 2025, § 97, och lämnar följande yttrande.\n"
    )
    m = extract_metadata(text)
    assert m["title"] == "Yttrande över remiss av Regionalt trafikförsörjningsprogram"
    assert m["meeting_date"] == "2025-06-09"


def test_region_line_is_no_title_and_the_boards_own_date_beats_its_committees():
    text = (
        "Tjänsteskrivelse\nDiarienummer\nRS 2025-1187\nDatum\n2025-08-19\nHandläggare\nJohan Niemi\n"
        "Regionstyrelsen\nRegion Norrbotten\n\nPermanent drift av distansmottagningar\n\nSammanfattning\n"
        "Projektet avslutas snart.\nÄrendet behandlas i regionstyrelsens arbetsutskott den 2 september och i "
        "regionstyrelsen\nden 17 september 2025.\n"
    )
    m = extract_metadata(text)
    assert m["title"] == "Permanent drift av distansmottagningar"
    assert m["meeting_date"] == "2025-09-17"


def test_kallelse_heading_and_time_below_the_member_columns():
    text = (
        "KALLELSE\nVETLANDA KOMMUN\nUtbildningsnämnden\nDatum\n2025-10-07\n\nLedamöter\nErsättare för kännedom\n\n"
        "Kallelse till sammanträde med utbildningsnämnden\n\nTid: Onsdagen den 15 oktober 2025, kl. 08.30\n"
        "Plats: Sessionssalen\n"
    )
    m = extract_metadata(text)
    assert m["title"] == "Kallelse till sammanträde med utbildningsnämnden"
    assert m["meeting_date"] == "2025-10-15"


def test_a_section_heading_after_a_long_title_line_stays_a_line():
    title = "Medfinansiering av projektet Grön omställning i halländska industriföretag (GOHI)"
    text = f"Region Halland\nTjänsteskrivelse\nRegionala utvecklingsnämnden\n{title}\nFörslag till beslut\n"
    text += "Nämnden beslutar att bevilja medfinansiering med högst 2 400 000 kronor för projektet under 2026.\n"
    assert title in normalise(text).text.splitlines()
    assert extract_metadata(normalise(text).text)["title"] == title


def test_extract_certifier_and_report_authors():
    text = (
        "PROTOKOLLSUTDRAG\nBarn- och utbildningsnämnden\n§ 12\nRubrik här\nText.\nJusterandes sign\n"
        "Utdragsbestyrkande\nRätt utdraget intygar:\nUlrika Sundqvist, nämndsekreterare\nPiteå 2025-02-14\n"
    )
    signed = extract_metadata(text)["signatories"]
    expected = [("Ulrika Sundqvist", "nämndsekreterare", "2025-02-14")]
    assert [(o["name"], o["title"], o["date"]) for o in signed] == expected
    text = (
        "DELÅRSRAPPORT\nBarn- och ungdomsnämnden\nText om året.\nRapporten är upprättad av\n"
        "Jesper Nordin, förvaltningschef\nMira Ahlström, controller\nUtbildningsförvaltningen, Vallentuna kommun\n"
    )
    officers = extract_metadata(text)["case_officers"]
    expected = [("Jesper Nordin", "förvaltningschef"), ("Mira Ahlström", "controller")]
    assert [(o["name"], o["title"]) for o in officers] == expected
    text = "VERKSAMHETSPLAN 2026\nKultur- och fritidsnämnden\n"
    text += "Dokumentansvarig: Linnea Åkerström, verksamhetscontroller\n"
    assert [o["name"] for o in extract_metadata(text)["case_officers"]] == ["Linnea Åkerström"]


def test_a_later_addressee_line_dates_the_meeting_an_answer_is_for():
    text = (
        "Lindby kommun\nKommunfullmäktige\nDiarienummer: 25KS41\n\nINTERPELLATION\n2025-02-03\n\n"
        "Interpellation om simkunnighet\n\nAtt kunna simma är viktigt.\n"
        "Kultur- och fritidsnämnden\nSvar på interpellation\nDatum: 2025-03-12\n\n"
        "Till kommunfullmäktige 24 mars 2025\n\nSvar på interpellation om simkunnighet\n"
    )
    assert extract_metadata(text)["meeting_date"] == "2025-03-24"


def test_ampersand_body_unit_title_certified_excerpt_and_this_years_decision():
    text = (
        "KUNGSBACKA KOMMUN\nTJÄNSTESKRIVELSE\nFörvaltningen för Kultur & Fritid\nDatum\n2025-03-04\n"
        "Till\nNämnden för Kultur & Fritid\n\nLovverksamhet för barn och unga 2025\n\nFörslag till beslut\n"
    )
    m = extract_metadata(text)
    assert m["title"] == "Lovverksamhet för barn och unga 2025" and m["body"] == "Nämnden för Kultur & Fritid"
    text = (
        "LINDBY KOMMUN\nSAMMANTRÄDESPROTOKOLL\nVård- och omsorgsnämnden\nSammanträdesdatum\n2025-09-24\n"
        "Beslutande\nGunilla Ek (M), ordförande\nOmar Hadi (S)\n§ 82\nDigital nattillsyn i hemtjänsten\n"
        "Nämnden beslutar att utöka tillsynen.\nJusterandes sign\nUtdraget bestyrks\nMaja Svensson\n"
    )
    assert extract_metadata(text)["document_type"] == "protokollsutdrag"
    text = (
        "LINDBY KOMMUN\nKommunstyrelsen\nYTTRANDE\nDatum\n2025-05-26\nYttrande över remiss om trafik\n"
        "Nämnden beslutade den 14 september 2022, § 61, att söka medel. "
        "Kommunstyrelsen beslutade den 26 maj 2025, § 88, att lämna följande yttrande.\n"
    )
    assert extract_metadata(text)["meeting_date"] == "2025-05-26"


def test_layout_genre_label_row_is_no_title_and_adoption_gives_the_meeting() -> None:
    text = (
        "  TIMRÅ KOMMUN                                                     HANDLINGSPLAN\n"
        "  Kommunstyrelseförvaltningen                                      Dnr KS 2024/512\n"
        "                                                                   Antagen av kommunstyrelsen\n"
        "                                                                   2025-01-28, § 12\n\n\n"
        "  Handlingsplan för trygghet och brottsförebyggande\n"
        "  arbete 2025–2026\n\n\n"
        "  1 Inledning\n"
        "  Handlingsplanen konkretiserar kommunens del av lägesbilden.\n"
    )
    meta = extract_metadata(normalise(text).text)
    assert meta["title"] == "Handlingsplan för trygghet och brottsförebyggande arbete 2025–2026"
    assert meta["meeting_date"] == "2025-01-28"


def test_capitals_letterhead_outweighs_a_region_in_a_distribution_list() -> None:
    text = (
        "SALA KOMMUN\nKommunstyrelsen\nPROTOKOLLSUTDRAG\n2025-03-11\n\n§ 41 Projekt\n"
        "Region Västmanland har bjudit in länets kommuner. Sala kommuns del är liten.\n\n"
        "Utdrag\nRegion Västmanland\nNäringslivsenheten\n"
    )
    assert municipality(text, split_lines(text)) == "Sala kommun"


def test_addressee_block_stops_at_the_case_officers_job_title() -> None:
    text = (
        "Handläggare                                  Till\n"
        "Linnea Bengtsson                             Socialnämnden\n"
        "Utvecklingsledare\n"
        "Telefon 042-33 71 46\n\n"
        "Förlängning av projektet\n"
    )
    assert extract_metadata(normalise(text).text)["body"] == "Socialnämnden"


def test_a_title_case_genre_label_before_the_full_title_and_the_adopting_body() -> None:
    text = (
        "  OSBY KOMMUN                                                      Handlingsplan\n"
        "  Kommunledningskontoret                                           Fastställd av kommunstyrelsen\n"
        "                                                                   2025-02-04 § 11\n\n"
        "  Handlingsplan för folkhälsa 2025–2026\n\n"
        "  1. Inledning\n"
        "  Planen beskriver arbetet.\n"
    )
    meta = extract_metadata(normalise(text).text)
    assert meta["title"] == "Handlingsplan för folkhälsa 2025–2026"
    assert meta["body"] == "Kommunstyrelsen"
    assert meta["meeting_date"] == "2025-02-04"


def test_a_heading_ending_in_a_programme_noun_names_it_on_the_next_line() -> None:
    text = (
        "Kultur- och fritidsförvaltningen\nHandläggare\nAnna Berg\n\n"
        "Ansökan om medel från Allmänna arvsfonden för projektet\nMötesplats Torget\n\n"
        "Förslag till beslut\nKultur- och fritidsnämnden föreslås besluta att ansöka.\n"
    )
    assert extract_metadata(normalise(text).text)["title"] == (
        "Ansökan om medel från Allmänna arvsfonden för projektet Mötesplats Torget"
    )


def test_sammanfattning_av_arendet_ends_a_paragraph_heading() -> None:
    text = (
        "YSTADS KOMMUN\nPROTOKOLLSUTDRAG\nKommunstyrelsen\nSammanträdesdatum 2 april 2025\n§ 84\n"
        "Dnr KS 2025/211\nAnsökan om statsbidrag för erosionsskydd vid Kåseberga\nSammanfattning av ärendet\n"
        "Stranderosionen har ökat.\n"
    )
    assert extract_metadata(normalise(text).text)["title"] == "Ansökan om statsbidrag för erosionsskydd vid Kåseberga"


def test_a_report_for_a_meeting_and_the_parent_body_treating_the_matter() -> None:
    text = (
        "Kommunledningsförvaltningen            RAPPORT\n\n"
        "Uppföljning av trygghetsplanen 2024\n\n"
        "Upprättad av:      Eva Ek, trygghetssamordnare\n"
        "Redovisas för:     Kommunstyrelsen den 25 mars 2025\n\n"
        "Bakgrund\nPlanen antogs 2023.\n"
    )
    meta = extract_metadata(normalise(text).text)
    assert (meta["body"], meta["meeting_date"]) == ("Kommunstyrelsen", "2025-03-25")
    text = (
        "Tjänsteskrivelse\n2025-02-11\n\nKommunstyrelsens arbetsutskott\n\nMedfinansiering av projektet X\n\n"
        "Förslag till beslut\nArbetsutskottet föreslår kommunstyrelsen besluta att medfinansiera projektet.\n\n"
        "Ärendet\nKommunstyrelsen behandlar ärendet vid sammanträdet 2025-03-04.\n"
    )
    assert extract_metadata(normalise(text).text)["meeting_date"] == "2025-03-04"
    # a past meeting of the body itself is no meeting of this document
    past = text.replace("Kommunstyrelsens arbetsutskott", "Kommunstyrelsen").replace(
        "Kommunstyrelsen behandlar ärendet vid sammanträdet 2025-03-04",
        "Kommunstyrelsen behandlade ärendet vid sammanträdet den 3 februari 2025",
    )
    assert extract_metadata(normalise(past).text)["meeting_date"] is None


def test_an_area_unit_is_no_title_an_excerpt_note_is_dropped_and_a_project_name_wraps() -> None:
    text = (
        "Region Örebro län                                   UPPFÖLJNING\n"
        "Område folkhälsa och sjukvård                       Datum: 2025-03-06\n\n"
        "Till Hälso- och sjukvårdsnämnden\n\n"
        "Uppföljning 2024 av Regional handlingsplan för psykisk hälsa\noch suicidprevention 2022–2025\n\n"
        "Sammanfattning\nPlanen följs upp.\n"
    )
    assert extract_metadata(normalise(text).text)["title"] == (
        "Uppföljning 2024 av Regional handlingsplan för psykisk hälsa och suicidprevention 2022–2025"
    )
    text = (
        "EKSJÖ KOMMUN\nKommunledningsförvaltningen\nHandläggare\nSofia Lind\n\n"
        "Ansökan om extern finansiering för projektet Kompetenslyft\nHöglandet (KLH) samt medfinansiering\n\n"
        "Förslag till beslut\nKommunstyrelsen beslutar att ansöka.\n"
    )
    assert extract_metadata(normalise(text).text)["title"] == (
        "Ansökan om extern finansiering för projektet Kompetenslyft Höglandet (KLH) samt medfinansiering"
    )
    text = "Handlingsplan för trygghet 2025–2026 (utdrag, avsnitt 3–5)\n\n1. Inledning\nPlanen gäller.\n"
    assert extract_metadata(normalise(text).text)["title"] == "Handlingsplan för trygghet 2025–2026"


def test_a_department_line_is_no_title() -> None:
    text = (
        "Region Västerbotten\nAvdelning Kompetensförsörjning och utbildning\n\n"
        "Uppföljning 2024 av handlingsplanen för kompetensförsörjning\n\nSammanfattning\nPlanen följs upp.\n"
    )
    assert extract_metadata(normalise(text).text)["title"] == (
        "Uppföljning 2024 av handlingsplanen för kompetensförsörjning"
    )


def test_case_officers_joined_with_their_title_and_unlabelled_in_the_header() -> None:
    text = "Kommunen\nYTTRANDE\nHandläggare\nOskar Lind\nutvecklingsstrateg\nBarn- och utbildningsnämnden\n\nText.\n"
    officers = extract_metadata(normalise(text).text)["case_officers"]
    assert [(o["name"], o["title"]) for o in officers] == [("Oskar Lind", "utvecklingsstrateg")]
    text = (
        "Socialförvaltningen\nEmelie Strand, verksamhetsutvecklare\nemelie.strand@example.se\n\n"
        "Slutrapport för projektet\n\nText.\n"
    )
    officers = extract_metadata(normalise(text).text)["case_officers"]
    assert [(o["name"], o["email"]) for o in officers] == [("Emelie Strand", "emelie.strand@example.se")]


def test_a_certifier_under_a_place_and_date_line() -> None:
    from nlpkommun.components.metadata_people import attestations

    text = "Text.\n\nRätt utdraget intygar\nFlen 2025-05-15\nMona Karl\nKommunsekreterare\n"
    signed = attestations(split_lines(text))
    assert [(s["name"], s["date"]) for s in signed] == [("Mona Karl", "2025-05-15")]
