"""Tests for the Swedish date grammar (nlpkommun.components.dates)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import nlpkommun
from nlpkommun.components.dates import document_reference_year, find_dates


def values(text: str, **kwargs: object) -> list[tuple[str, str, str]]:
    return [(d["text"], d["value"], d["granularity"]) for d in find_dates(text, **kwargs)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Till stadsdelsnämnd 2022-02-24", [("2022-02-24", "2022-02-24", "day")]),
        ("beslutet den 24 februari 2022.", [("den 24 februari 2022", "2022-02-24", "day")]),
        ("Sammanträde 3 mars 2021 i stadshuset", [("3 mars 2021", "2021-03-03", "day")]),
        ("daterad november 2020 frågar", [("november 2020", "2020-11", "month")]),
        ("strategi 2019-2022 och", [("2019-2022", "2019/2022", "interval")]),
        ("strategi 2019–2022 och", [("2019–2022", "2019/2022", "interval")]),
        ("mål- och budgetramar 2019 - 2021 noterades", [("2019 - 2021", "2019/2021", "interval")]),
        ("läsåret 2019/2020 börjar", [("läsåret 2019/2020", "2019/2020", "interval")]),
        ("läsåret 2019/20 börjar", [("läsåret 2019/20", "2019/2020", "interval")]),
        ("Under 2022 prioriteras arbetet", [("2022", "2022", "year")]),
        ("för år 2017 ett överskott", [("2017", "2017", "year")]),
        ("under 2017 och 2018 ökade", [("2017", "2017", "year"), ("2018", "2018", "year")]),
        ("Information 20190409 från enheten", [("20190409", "2019-04-09", "day")]),
        ("21-02-01\n\nTill vårdnadshavare", [("21-02-01", "2021-02-01", "day")]),
        ("fyra dagar innan julafton 2011, föreslog", [("julafton 2011", "2011-12-24", "day")]),
        ("går idag (april 2019) 217 barn", [("april 2019", "2019-04", "month")]),
        ("Totalt antal barn 2019 april", [("2019 april", "2019-04", "month")]),
        ("kl. 13.00 i rummet", []),
    ],
)
def test_single_expressions(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Telefon: 08-508 054 40",
        "Telefon: 0850805440",
        "Dnr KFKS 2018/1099",
        "diarienummer 2018/1099 gäller",
        "ärende 41- 2017:3365 angående",
        "organisationsnummer 556590‐0718 och 212000-0167",
        "ungdomar mellan 12-18 år",
        "en månadshyra på 2 000 kr",
        "totalt 2019 elever i kommunen",
        "enligt Agenda 2030 ska",
        "Vision 2030 antogs",
        "§ 12 och punkten 92",
        "sedan 1960-talet",
        "Nacka kommun, 131 81 Nacka",
        "Plats och tid Nacka stadshus kl 9.00 – 9.15",
        "1 (13)",
        "prop. 2017/18:186",
        "SOU 2019:40 och Ds 2019:12",
        "SFS 2018:1197",
        "dnr KS-2019-00123",
        "Dnr 2019-000123",
        "kl 13:30-15:00",
    ],
)
def test_never_dates(text: str) -> None:
    assert find_dates(text) == []


def test_year_less_dates_take_the_document_year() -> None:
    text = "Hästhagens förskola avvecklas den 31 juli 2021. Beslut fattas den 9 februari."
    assert document_reference_year(text) == 2021
    assert values(text)[-1] == ("den 9 februari", "2021-02-09", "day")
    assert values("Beslut fattas den 9 februari.", reference_year=2019) == [("den 9 februari", "2019-02-09", "day")]
    assert values("Beslut fattas den 9 februari.") == [("den 9 februari", "--02-09", "day")]


def test_most_frequent_year_is_the_reference() -> None:
    text = "Möte 2020-01-10. Beslut 2021-03-01, 2021-04-01. Uppföljning den 3 mars."
    assert values(text)[-1][1] == "2021-03-03"


def test_range_partner_gives_the_year() -> None:
    text = "Beslut 2017-01-01. Period 18 januari till den 31 januari 2018."
    got = values(text)
    assert ("18 januari", "2018-01-18", "day") in got
    assert ("den 31 januari 2018", "2018-01-31", "day") in got


def test_seasons_weeks_and_month_ranges() -> None:
    text = "Beslut 2021-01-10. Arbetet startar våren 2021, vecka 12, pågår maj-juni och vecka 40 2022."
    got = values(text)
    assert ("våren 2021", "2021", "season") in got
    assert ("vecka 12", "2021-W12", "week") in got
    assert ("maj-juni", "2021-05/2021-06", "interval") in got
    assert ("vecka 40 2022", "2022-W40", "week") in got
    edtf = values("våren 2021 och vintern 2020/2021", season_style="edtf")
    assert edtf == [("våren 2021", "2021-21", "season"), ("vintern 2020/2021", "2020-24/2021-24", "season")]


def test_day_range_and_ht_vt() -> None:
    assert values("konferens 1–3 mars 2021") == [
        ("1–3 mars 2021", "2021-03-01/2021-03-03", "interval"),
        ("1", "2021-03-01", "day"),  # each end is a date of its own too
        ("3 mars 2021", "2021-03-03", "day"),
    ]
    assert values("i förskoleklass ht 2019 och Vt 19") == [
        ("ht 2019", "2019", "season"),
        ("Vt 19", "2019", "season"),
    ]


def test_offsets_index_the_text() -> None:
    text = "Beslut den 3 mars 2021 kl. 13.00, ärende KS 2021/12, under 2022."
    for d in find_dates(text):
        assert text[d["start"] : d["end"]] == d["text"]
    assert [d["value"] for d in find_dates(text)] == ["2021-03-03", "2022"]


def test_invalid_calendar_dates_are_skipped() -> None:
    assert find_dates("den 31 februari 2021") == []
    assert find_dates("2021-13-01") == []


def test_component_in_pipeline() -> None:
    nlp = nlpkommun.load(ner=None)
    assert "nlpkommun_dates" in nlp.pipe_names
    doc = nlp("Stadsdelsnämnden 2022-02-24. Under 2021 startade arbetet.")
    assert [(d["value"], d["granularity"]) for d in doc._.nk_dates] == [("2022-02-24", "day"), ("2021", "year")]
    record = nlpkommun.extract("Stadsdelsnämnden 2022-02-24. Skrivelse daterad november 2020.\n", nlp=nlp)
    assert [d.value for d in record.dates] == ["2022-02-24", "2020-11"]


def test_den_is_a_word_and_spans_keep_their_year() -> None:
    got = values("Under perioden 1 januari–30 juni 2021 anmäldes brott.")
    assert got == [("1 januari", "2021-01-01", "day"), ("30 juni 2021", "2021-06-30", "day")]


def test_weekday_slash_dates_and_iso_ranges() -> None:
    got = values(
        "Beslut 2022-01-10. Justering tisdag 15/2 kl. 16.00. Delegationsbeslut perioden 2022-01-01--2022-01-31."
    )
    assert ("tisdag 15/2", "2022-02-15", "day") in got
    assert ("2022-01-01", "2022-01-01", "day") in got and ("2022-01-31", "2022-01-31", "day") in got


EXAMPLES = Path(__file__).resolve().parents[2] / ".." / "shared" / "examples"


@pytest.mark.skipif(not EXAMPLES.exists(), reason="shared examples (../shared/examples) are absent")
def test_example_dates_match_the_expected_record() -> None:
    expected = json.loads((EXAMPLES / "001_48a3ee4b4388261b.expected.json").read_text(encoding="utf-8"))["dates"]
    text = (EXAMPLES / "001_48a3ee4b4388261b.txt").read_text(encoding="utf-8")
    found = {d["value"] for d in find_dates(text)}
    assert set(expected["required"]) <= found
    assert found <= set(expected["required"]) | set(expected["optional"])


def _values(text: str) -> dict[str, str]:
    return {d["text"]: d["value"] for d in find_dates(text)}


def test_schedule_heading_gives_its_year_to_dates_below_it() -> None:
    text = (
        "Protokoll 2018-05-22\n\n§ 35\n\nSammanträdesdagar 2019\n\n"
        "Vi föreslår ett sammanträde den 28 oktober.\nKS\n14 januari\n22 januari\nDecember 2018\n\n"
        "§ 36\n\nMötet hölls den 3 juni.\n"
    )
    values = _values(text)
    assert values["den 28 oktober"] == "2019-10-28"
    assert values["14 januari"] == "2019-01-14" and values["22 januari"] == "2019-01-22"
    assert values["December 2018"] == "2018-12"  # an explicit year is kept
    assert values["den 3 juni"] == "2018-06-03"  # the next § is back in the document's year


def test_schedule_heading_variants_and_non_headings() -> None:
    head = "Tjänsteskrivelse 2023-09-12\n\nFörslag till sammanträdestider för år 2024\n\n15 februari\n"
    assert _values(head)["15 februari"] == "2024-02-15"
    # a table of contents line, or the noun inside a sentence, is not a heading
    toc = "Protokoll 2018-05-22\nSammanträdesdagar 2019 ........ 12\n\n15 februari\n"
    assert _values(toc)["15 februari"] == "2018-02-15"
    prose = "Protokoll 2018-05-22\nArbetet följer tidplanen för 2019 och nästa möte är den 15 februari.\n"
    assert _values(prose)["den 15 februari"] == "2018-02-15"


def test_year_alone_on_the_next_line_belongs_to_the_date() -> None:
    """A wrapped table cell: "Från den 3 oktober till den 31 oktober⏎2017"."""
    text = (
        "Protokoll 2018-02-06\n\nDatum\nFrån den 3 oktober till den 31 oktober\n2017\n\n"
        "Nästa möte den 5 mars\n2018 års budget"
    )
    values = {d["value"] for d in find_dates(text)}
    assert {"2017-10-03", "2017-10-31"} <= values
    assert "2018-03-05" in values  # "2018 års …" on the next line is not alone: the document year applies
    assert "2018-10-31" not in values


def test_written_out_month_range_gives_both_ends() -> None:
    assert values("Beslut väntas under perioden juni–oktober 2025.") == [
        ("juni–oktober 2025", "2025-06/2025-10", "interval"),
        ("juni", "2025-06", "month"),
        ("oktober 2025", "2025-10", "month"),
    ]


def test_day_range_does_not_start_inside_a_year() -> None:
    found = [v for _, v, _ in values("för perioden 1 april 2025 – 31 mars 2027.")]
    assert found == ["2025-04-01", "2027-03-31"]


def test_last_year_shifts_a_year_less_date() -> None:
    found = find_dates("Kommunerna skrev redan den 12 november förra året.", reference_year=2025)
    assert [d["value"] for d in found] == ["2024-11-12"]


def test_abbreviated_month_range_is_a_period_label() -> None:
    assert values("Utfall jan–dec 2024") == [("jan–dec 2024", "2024-01/2024-12", "interval")]


def test_months_coordinated_before_a_year_share_it() -> None:
    found = [(d["text"], d["value"]) for d in find_dates("Under januari och februari 2025 har ansökningarna ökat.")]
    assert found == [("januari", "2025-01"), ("februari 2025", "2025-02")]
    assert [d["value"] for d in find_dates("Domar från juli, augusti och september 2025.")] == [
        "2025-07",
        "2025-08",
        "2025-09",
    ]


def test_a_day_range_with_the_document_year_gives_its_ends() -> None:
    values = [d["value"] for d in find_dates("Inspektionen gjordes den 12–13 juni.", 2024)]
    assert values == ["2024-06-12/2024-06-13", "2024-06-12", "2024-06-13"]


def test_a_year_less_month_range_gives_its_ends_and_coordinated_days_share_a_year() -> None:
    found = [(d["text"], d["value"]) for d in find_dates("Ekonomen redovisar utfallet januari–augusti. Sedan", 2025)]
    assert found == [("januari–augusti", "2025-01/2025-08"), ("januari", "2025-01"), ("augusti", "2025-08")]
    text = "Samråd hölls i skolan den 21 oktober och i Folkets hus den 23 oktober 2024. Elevråden deltog."
    assert [d["value"] for d in find_dates(text, 2025)] == ["2024-10-21", "2024-10-23"]
    text = "Mötet den 21 december och den 3 januari 2025 blir bra."  # an earlier month: not shared
    assert [d["value"] for d in find_dates(text, 2025)] == ["2025-12-21", "2025-01-03"]


def test_a_year_less_day_written_elsewhere_with_a_year_takes_that_year() -> None:
    text = (
        "Rapport 2025-02-11. Den 5 december hölls en byastämma. Bilaga: anteckningar från stämman 5 december "
        "2024. Nästa möte den 3 mars."
    )
    got = [d["value"] for d in find_dates(text)]
    assert got == ["2025-02-11", "2024-12-05", "2024-12-05", "2025-03-03"]


def test_a_month_range_with_one_full_month_name_gives_its_ends() -> None:
    got = [d["value"] for d in find_dates("Aktiviteten pågick juni–aug 2024. Budget jan–dec 2019.")]
    assert got == ["2024-06/2024-08", "2024-06", "2024-08", "2019-01/2019-12"]


def test_a_year_less_month_takes_the_year_of_a_day_before_it_on_its_line() -> None:
    text = "Rapport 2025-03-06. Utbildning hölls i Kumla 12–14 februari 2024 och i Hallsberg i oktober."
    assert [d["value"] for d in find_dates(text)][-1] == "2024-10"
    # a month range is a comparison, not the sentence's year; a line break ends the search
    text = (
        "Rapport 2025-03-06, beslut 2025-02-01. Kostnaden har ökat jämfört med januari–mars 2024, eftersom "
        "priset höjts den 1 maj."
    )
    assert [d["value"] for d in find_dates(text)][-1] == "2025-05-01"


def test_an_abbreviated_half_year_range_gives_its_ends() -> None:
    got = [d["value"] for d in find_dates("Rutinen infördes jan–jun 2024.")]
    assert got == ["2024-01/2024-06", "2024-01", "2024-06"]
