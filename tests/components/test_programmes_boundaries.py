"""Where a programme name begins and ends (nlpkommun.components.programmes): places, years,
slogans and coordinated purposes around a name. The texts are invented."""

from __future__ import annotations

from nlpkommun.components.programmes import find_programmes


def names(text: str) -> set[str]:
    return {p["name"] or p["acronym"] for p in find_programmes(text)}


def test_a_short_form_of_a_title_with_place_and_years_is_that_title() -> None:
    text = (
        "Uppföljning av Plan för aktiv fritid i Uppsala 2023–2027\n\n"
        "Planen för aktiv fritid (PAF) antogs 2023. Uppföljning Plan för aktiv fritid, mars 2025."
    )
    got = find_programmes(text)
    assert [(p["name"], p["acronym"]) for p in got] == [("Plan för aktiv fritid i Uppsala 2023–2027", "PAF")]


def test_places_coordinated_after_a_name_are_where_it_runs() -> None:
    text = "Kommunen har genomfört satsningen Rörlig vardag i Älvkarleby och Tierp. Andra satsningar väntar."
    assert names(text) == {"Rörlig vardag"}
    # one place, no coordination: the place may be part of the name
    assert names("Nämnden driver projektet Trygg i Tyresö och Skolverket stödjer det.") == {"Trygg i Tyresö"}


def test_places_on_the_next_line_are_still_where_it_runs() -> None:
    text = "Ansökan om bidrag för projektet Levande hagar i\n   Kila och Ösmo\n\nProjektet Levande hagar pågår."
    assert names(text) == {"Levande hagar"}


def test_an_exclamation_after_a_comma_ends_a_slogan_name() -> None:
    text = "Kulturprojektet Dansa för livet, Karlshamn! genomfördes under hösten."
    assert names(text) == {"Dansa för livet, Karlshamn!"}


def test_a_municipality_genitive_owns_the_noun_after_it() -> None:
    text = "Förvaltningen tar fram en gemensam Cykelplan för Solnas skolor, som ska gälla från hösten."
    assert names(text) == {"Cykelplan för Solnas skolor"}
    # "Alingsås" is a name ending in s, not a genitive of a municipality
    assert names("Kommunen antog Trafikplan för Alingsås samma år.") == {"Trafikplan för Alingsås"}


def test_words_and_a_span_of_years_end_a_plan_title() -> None:
    text = "Regionfullmäktige antog den 2 maj 2023 Färdplan god vård i Jämtland 2023–2026, där hemsjukvården ingår."
    assert names(text) == {"Färdplan god vård i Jämtland 2023–2026"}
    # a finite verb is no part of a title
    assert names("Enligt Verksamhetsplan gäller 2024–2026 samma regler.") == {"Verksamhetsplan"}


def test_a_plan_compound_and_the_place_it_is_for() -> None:
    text = "Åtgärden ingår i arbetet med Erosionsskyddsprogram Skanör. Det tas fram under året."
    assert names(text) == {"Erosionsskyddsprogram Skanör"}


def test_a_coordinated_purpose_before_a_relative_clause_is_part_of_the_name() -> None:
    text = "Kommunen deltar i samverkansmodellen Norrlandsmodellen för arbete och hälsa, som införts i år."
    assert names(text) == {"Norrlandsmodellen för arbete och hälsa"}


def test_a_centre_for_something_is_an_organisation_not_a_programme() -> None:
    text = "Utvärderingen gjordes av Centrum för vårdforskning Uppland (CVU) under våren."
    assert names(text) == set()


def test_a_way_to_something_and_a_verb_between_mirrored_words() -> None:
    text = (
        "Regionen beviljar projektet Steg till arbete regional medfinansiering. Projektet Steg till arbete "
        "ägs av regionen. Skolan prövar metoden Elever lär elever, som fungerar."
    )
    assert names(text) == {"Steg till arbete", "Elever lär elever"}
    # a definite noun after "till" is where something goes, not the name
    assert names("Nämnden överlämnar projektet Trygg skola till nämnden.") == {"Trygg skola"}


def test_a_known_programme_for_a_group_is_the_known_programme() -> None:
    text = "Ansökan avser satsningen Matematiklyftet för fritidshem, samt fortsatt arbete."
    assert names(text) == {"Matematiklyftet"}


def test_coordinated_lower_case_words_before_an_acronym() -> None:
    text = "Kommunen drev projektet Kompetenssteg vård och omsorg (KSVO), som avslutades 2023."
    assert names(text) == {"Kompetenssteg vård och omsorg"}


def test_a_clause_in_a_list_is_no_programme() -> None:
    text = "Metoden är Samordnad trygghet (SAT), som Brottsförebyggande rådet (Brå) och Polismyndigheten rekommenderar."
    assert names(text) == {"Samordnad trygghet"}


def test_an_english_name_does_not_run_into_the_next_line() -> None:
    text = "Information om införandet av Signs of Safety\nMaria Holm informerar om arbetsmodellen Signs of Safety."
    assert names(text) == {"Signs of Safety"}


def test_rule_documents_and_regional_plans_over_a_line_break_keep_their_years() -> None:
    text = (
        "Ansökan har bedömts mot kriterierna i Riktlinjer för regionala\nprojektmedel 2024–2027, och den uppfyller "
        "dem. Inriktningen finns i Region Blekinges Regional serviceplan\n   Blekinge 2022–2025, som pekar ut byarna."
    )
    assert names(text) == {"Riktlinjer för regionala projektmedel 2024–2027", "Regional serviceplan Blekinge 2022–2025"}


def test_a_date_after_a_plan_word_is_no_year_of_its_title() -> None:
    text = (
        "KOMMUNEN                    Handlingsplan\n                            2025-01-29\n\n"
        "Vi följer Handlingsplan 2025–2026."
    )
    assert names(text) == {"Handlingsplan 2025–2026"}


def test_a_pilot_study_names_its_subject_and_an_acronym_with_a_version_year() -> None:
    text = (
        "Projektet bygger vidare på förstudien Sjön runt, som pågick under våren. Förskolan byggs enligt "
        "kommunens lokalprogram för förskolor (LPF 2022)."
    )
    got = {(p["name"], p["acronym"]) for p in find_programmes(text)}
    assert got == {("Sjön runt", None), ("lokalprogram för förskolor", "LPF")}


def test_owned_plans_with_an_adjective_and_capitalised_adjective_titles() -> None:
    text = (
        "Planen bygger på Jämtlands regionala handlingsplan för grön infrastruktur och antas i höst. "
        "Hallen ingår i kommunens Friluftspolitiska program. Det gäller också Regional plan i allmänhet."
    )
    assert names(text) == {"Jämtlands regionala handlingsplan för grön infrastruktur", "Friluftspolitiska program"}


def test_an_owners_material_a_known_pledge_for_a_town_and_a_water_after_vid() -> None:
    text = (
        "Arbetet följer Skolverkets stödmaterial Främja närvaro och den lokala trappan. Medborgarlöftet för "
        "Borlänge, som undertecknas i vår, gäller 2026. Nämnden söker bidrag för projektet Friska stränder vid "
        "Runnsjön."
    )
    assert names(text) == {"Främja närvaro", "Medborgarlöftet för Borlänge", "Friska stränder vid Runnsjön"}


def test_an_owners_method_does_not_name_the_next_table_row() -> None:
    text = "Trygghetsvandringar enligt\nBoverkets metod\nNy belysning Mjölby resecentrum Tekniska\n"
    assert names(text) == set()


def test_generic_plan_words_month_headings_and_a_councils_name() -> None:
    text = (
        "Tidplan\nMars 2025 start. Bilagor: 1. Projektplan Läsglädje i fokus, reviderad 2025-02-03.\n"
        "Protokoll från ungdomsrådet Unga i Vaxholm, 2025-04-23. Hallen ingår i Lokalförsörjningsplan 2025–2034. "
        "Se Lokalförsörjningsplan, utdrag."
    )
    got = find_programmes(text)
    assert [p["name"] for p in got] == ["Lokalförsörjningsplan 2025–2034"]


def test_one_word_before_coordinated_places_keeps_them_and_a_compound_head_is_no_name() -> None:
    text = "Kommunen har tidigare medverkat i Leaderprojektet Bygdeminnen i Gnesta och Trosa, som avslutades 2022."
    assert names(text) == {"Bygdeminnen i Gnesta och Trosa"}


def test_the_county_and_a_later_verb_end_a_name() -> None:
    text = (
        "4. Modellen Stoppa självskada i länet       Pågår\n"
        "Kommunen har inom projektet Trygg i Brickebacken ordnat samtalsgrupper för föräldrar."
    )
    assert names(text) == {"Stoppa självskada", "Trygg i Brickebacken"}


def test_national_curricula_are_known_programmes_under_the_form_written() -> None:
    text = "Simundervisning ingår enligt läroplanen för grundskolan (Lgr22). Förskolorna följer förskolans läroplan."
    got = {(p["name"], p["acronym"]) for p in find_programmes(text)}
    assert got == {("läroplanen för grundskolan", "Lgr22"), ("förskolans läroplan", "Lpfö18")}


def test_a_target_group_after_a_full_name_and_a_partnership_of_places() -> None:
    text = (
        "Förvaltningen deltar i programmet Leda i Borås för rektorer under året. Samverkan sker i "
        "Sollentuna, Upplands Väsby och Sigtuna (SUS). Vi driver projektet Unga i Sigtuna och Solna (UISS)."
    )
    assert names(text) == {"Leda i Borås", "Unga i Sigtuna och Solna"}
