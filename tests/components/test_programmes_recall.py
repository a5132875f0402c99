"""Recall of programme names by general Swedish cues, and what those cues must leave alone
(nlpkommun.components.programmes). The texts are invented, in other municipalities' styles."""

from __future__ import annotations

from nlpkommun.components.programmes import cue_names, find_programmes, heading_list_names


def found(text: str) -> set[str]:
    return {p["acronym"] or p["name"] for p in find_programmes(text)}


VERKSAMHETSPLAN = """Verksamhetsplan 2024 för barn- och ungdomsnämnden

Prioriterade aktiviteter
• Våga visa – en utvärdering av kulturskolan tillsammans med grannkommunerna
• Läsande klassrum: ett gemensamt arbetssätt i årskurs 1–3
• Trygga Västerås
• Genomföra medarbetarenkäten under hösten
• Utveckla samverkan med Region Västmanland
• Anna Lindqvist – projektledare

Pågående projekt
• Unga kockar
• Sommarjobb för unga (SFU)
• Ekonomi i balans

Förvaltningen deltar i Matematiklyftet och Digitaliserings-lyftet. Rapporten från Läsfixarna-projektet
visar goda resultat och Mattecoach-satsningen fortsätter.
"""


def test_bullet_items_under_programme_headings() -> None:
    names = {n or a for n, a, _ in heading_list_names(VERKSAMHETSPLAN)}
    # "Ekonomi i balans" opens with a generic word: a goal, not a project
    assert names == {"Våga visa", "Läsande klassrum", "Trygga Västerås", "Unga kockar", "Sommarjobb för unga"}
    for name, acronym, start in heading_list_names(VERKSAMHETSPLAN):
        form = name or acronym
        assert VERKSAMHETSPLAN[start : start + len(form)] == form


def test_verksamhetsplan_programmes() -> None:
    got = found(VERKSAMHETSPLAN)
    assert {"Våga visa", "Läsande klassrum", "Trygga Västerås", "Unga kockar", "SFU"} <= got
    assert {"Matematiklyftet", "Digitaliserings-lyftet", "Läsfixarna-projektet", "Mattecoach-satsningen"} <= got
    # verbs, people and organisations in the lists are not programmes
    assert not {"Genomföra medarbetarenkäten under hösten", "Anna Lindqvist", "Region Västmanland"} & got


def test_items_only_under_programme_headings() -> None:
    text = "Bakgrund\n• Trygga Västerås\n• Unga kockar – ett projekt\n\nEkonomi\n• Budget i balans – alla enheter\n"
    assert heading_list_names(text) == []
    text = "Aktiviteter\n• Unga kockar\n• Trygghet och studiero\n"  # a weak heading: bare items are topics
    assert heading_list_names(text) == []


def test_items_without_bullets_and_wrapped_items() -> None:
    text = (
        "Insatser 2023–2024\n"
        "Stärkt föräldraskap – föräldrautbildning för alla föräldrar med barn\n"
        "Grön Flagg\n"
        "\n"
        "Ekonomiska konsekvenser\n"
        "Kostnaden ryms i budgeten.\n"
    )
    assert [n for n, _, _ in heading_list_names(text)] == ["Grön Flagg"]
    text = (
        "Utvecklingsområden\n• Lärande i fokus – ett arbete\nsom pågår i alla skolor\n"
        "• Hälsosam skola – kost och rörelse\n"
    )
    assert [n for n, _, _ in heading_list_names(text)] == ["Lärande i fokus", "Hälsosam skola"]


SOCIALTJANST = """Socialnämnden i Luleå kommun

Socialtjänsten arbetar enligt PBIS och flera medarbetare har utbildats i COPE under året.
Familjebehandlarna använder MI som samtalsmetod. KIVA är ett evidensbaserat program mot
mobbning som införts på tre skolor. Trygg start är en metod för tidiga insatser. Signs of Safety
används som arbetssätt i barnavårdsutredningar och Check and Connect prövas i gymnasiet.
Föräldrastödet Barn i fokus är ett samarbete med regionen. Nämnden stöttar Betonginitiativet,
ett sådant projekt. Utvecklingsprojektet är ett samarbete och Stadsbyggnadsprojektet likaså.
Samhällsorientering är en lagstyrd utbildning för nyanlända.
Ärendet handläggs enligt SoL och LVU. Det är en viktig insats. Detta är ett program för alla.
Utredningen gjordes av National Board of Health and Welfare och Research Institutes of Sweden.
"""


def test_socialtjanst_cues() -> None:
    got = found(SOCIALTJANST)
    assert {"PBIS", "COPE", "KIVA", "Trygg start", "Signs of Safety", "Check and Connect", "Betonginitiativet"} <= got
    assert "MI" in got and "Barn i fokus" in got
    assert not {"SoL", "LVU", "Samhällsorientering", "Det", "Detta", "Utvecklingsprojektet"} & got
    assert not any("National" in g or "Research" in g for g in got)


def test_cue_names_positions() -> None:
    for name, acronym, start in cue_names(SOCIALTJANST):
        form = name or acronym
        assert SOCIALTJANST[start : start + len(form)] == form


def test_name_suffix_and_multiword_compound() -> None:
    text = (
        "Skolan deltar i Läs- och skrivlyftet. Lyftet har varit uppskattat. "
        "Under hösten startade Våga visa-projektet i Gävle. Idrottslyftets medel fördelas av RF."
    )
    got = found(text)
    assert {"Våga visa", "Idrottslyftet"} <= got
    assert "Lyftet" not in got


def test_generic_plan_references_and_places_are_not_programmes() -> None:
    text = (
        "Arbetet med Stockholms stads handlingsplan för socialsekreterare fortsätter. "
        "Busstrafiken mellan Vasaplan och Teg utökas. Linjerna går till Odenplan, Kista och Centralen. "
        "Uppgifterna kommer från Kapacitetsplan och Klimatprogrammet och Riktlinjer för hållbart byggande."
    )
    got = found(text)
    assert "Kapacitetsplan" in got and "Klimatprogrammet" in got
    assert not {"Vasaplan", "Odenplan", "Stockholms stads handlingsplan"} & got


def test_cue_names_that_are_laws_or_organisations() -> None:
    text = (
        "Personalen gick utbildningen Barnkonventionen och kursen Lag om valfrihetssystem. Kursen Lärande lek startar."
    )
    assert found(text) == {"Lärande lek"}


STYRKORT = """Styrkort Äldreomsorgsnämnden 2024

Aktiviteter
Heltidsresan – fler medarbetare ska arbeta heltid
Införa digital tillsyn nattetid
Trygghet – alla ska känna sig trygga

Indikatorer
Andel brukare som är nöjda med hemtjänsten

Under året har förvaltningen deltagit i Sveriges Kommuner och Regioners satsning Nära vård. Vi
fortsätter arbete med Senior alert och deltar i Anna Svenssons projekt, i Skolverkets uppdrag och
i Stockholms läns arbete. Inom ramen för Unga vuxna på väg erbjuds stöd. Ett nytt arbetssätt,
Trygg i hemmet, införs under våren. Ett projekt, Karin Ek, leder arbetet.
"""


def test_styrkort_cues() -> None:
    got = found(STYRKORT)
    assert got == {"Heltidsresan", "Nära vård", "Senior alert", "Unga vuxna på väg", "Trygg i hemmet"}


def test_heading_with_a_tail_and_bullets_on_their_own_lines() -> None:
    text = (
        "Insatser för att nå målet\n•\nUnga kockar – matlagning på fritidsgården\n•\nUtveckla rutiner\n\n"
        "Projekt som pågår under 2024\n• Läsande klassrum\n"
        "Projekt Orminge centrum har budgeterats och ska genomföras.\n• Unga kockar\n"
    )
    assert [n for n, _, _ in heading_list_names(text)] == ["Unga kockar", "Läsande klassrum"]


def test_acronym_apposition_genitive_owner_and_numerals() -> None:
    text = (
        "Sju skolor har infört KIVA, ett finskt program mot mobbning. 14 skolor har deltagit i Skolverkets "
        "Läsande förebilder i Norden. Under hösten startade pilotprojektet Skolnärvaro i fokus på två skolor. "
        "Med piloten Christopher Spring vann laget."
    )
    assert found(text) == {"KIVA", "Läsande förebilder i Norden", "Skolnärvaro i fokus"}


def test_a_project_table_with_a_period_cell_wrapped_onto_its_own_line() -> None:
    text = (
        "Projekt\nFinansiär\nPeriod\nBeviljat (kr)\n"
        "Jobbspår Dalarna\nESF+\n2023-09-01–\n6 240 000\n2026-08-31\n"
        "Fiber till byarna\nPost- och telestyrelsen (PTS)\n2024–2025\n3 900 000\n"
        "Ungdomshuset Sälen\nAllmänna arvsfonden\n2024-02-01–\n2 100 000\n2027-01-31\n"
        "Summa\n\n\n12 240 000\n"
    )
    names = [n for n, _, _ in heading_list_names(text)] + [p["name"] for p in find_programmes(text)]
    assert {"Jobbspår Dalarna", "Fiber till byarna", "Ungdomshuset Sälen"} <= set(names)
