"""Places: named places (stadsdelar, torg, centrum, streets, property units, municipalities
and countries used as places).

Reads: ``doc.text``, ``doc.ents`` (LOC entities are candidates, PER/ORG spans are never
places), ``doc._.nk_programmes`` and ``doc._.nk_parties`` (their mentions are not places).
Writes: ``doc._.nk_places``, Place-shaped dicts ``{"name", "mentions"}``.
Data: ``place_patterns.json``, ``countries.txt``, ``municipalities.txt``, ``regions.txt``, the organisation
and law suffixes in ``programme_cues.json``, party names in ``parties.json``.

Sources, in priority order (an earlier source's span wins an overlap):

1. "<Name> torg/centrum/strand/stadshus/forum/…" ("Hässelby torg", "Nacka stadshus"), and
   the name before "stadsdelsområde"/"stadsdel"/"tätort" ("Spånga-Tensta stadsdelsområde");
2. streets with or without a number ("Granitvägen 15", "Storgatan");
3. property units ("Stora Fjäll 1:2", "Sicklaön 40:12", "del av Solrosen 4"); municipal
   buildings ("Stadshuset", "Regionens hus") and roads ("E10", "riksväg 50"); one-word names
   by a place ending mid-sentence ("Sidsjön", "Hammarkullen", "Stadsparksbadets renovering",
   with a capitalised word before it: "Fjärran Höjderbadet") and "Norra stadsberget";
4. a capitalised name after a locative cue ("i Hässelby-Vällingby", "runt Ängsbacken",
   "på Hisingen", "stadsdelen Fisksätra") and names coordinated with it ("i Tensta, Hjulsta
   och Akalla") that are not an organisation, school, law, event, party, programme or person;
5. municipality and country names from the lexicons, not followed by "kommun"/"stad"
   (then they name the organisation) and not inside a person's name;
6. NER LOC entities, minus junk (common words, first names, digits, organisation, school
   and genitive forms); a single-word LOC also needs a locative cue, the gazetteer or a
   second LOC occurrence, or a capitalised name listed with it ("Vä och Önnestad");
7. names listed with an accepted place, before or after it ("Runn, Varpan, Faluån", "även
   Rud och Orrholmen", "sträckan Linköping–Ljungsbro–Borensberg").

A name that a text also calls a project, model or programme ("projektet Språkstigen",
"Språkstegen, nämndens modell") is dropped. Once a name is accepted, all its occurrences
are mentions (genitive "Nackas" included). Case variants ("Hässelby Torg"/"Hässelby torg")
and genitives merge into one Place, named by its most frequent written form. Schools and
förskolor are not emitted: they are organisations/units unless a reader clearly means the
place, which rules cannot tell.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from nlpkommun.doc_text import doc_text
from nlpkommun.resources import first_names, is_town_of_kommun, municipalities, read_json, read_lines, regions

_W = r"[A-ZÅÄÖ][\wåäöéü]+"
_PROPER = rf"{_W}(?:-{_W})*"


def _alt(words: Sequence[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


_CENTRE_FOR = re.compile(r"[ \t]+för[ \t]+(?!att\b)[a-zåäö]")


@cache
def _lex() -> dict[str, Any]:
    pat = read_json("place_patterns.json")
    cues = read_json("programme_cues.json")
    try:
        municipalities = [line.split("\t")[0] for line in read_lines("municipalities.txt")]
    except FileNotFoundError:
        municipalities = []
    try:
        parties = read_json("parties.json").get("parties", [])
    except FileNotFoundError:
        parties = []
    org_forms = {f.casefold() for p in parties for f in [p["name"], *p.get("forms", [])]}
    try:
        authorities = read_json("authorities.json").get("organisations", [])
    except FileNotFoundError:
        authorities = []
    org_forms |= {f.casefold() for o in authorities for f in [o["name"], *o.get("forms", [])]}
    return {
        "heads": pat["place_heads"],
        "areas": pat["area_heads"],
        "capitalised_heads": frozenset(pat["capitalised_heads"]),
        "cue_heads": frozenset(pat["heads_after_cue_only"]),
        "streets": pat["street_suffixes"],
        "word_suffixes": pat["place_word_suffixes"],
        "directions": pat["direction_words"],
        "locatives": pat["locative_prepositions"],
        "not_after": frozenset(pat["not_place_after"]),
        "org_words_before": frozenset(pat["organisation_words_before_place"]),
        "water_suffixes": ("sjön", "ån", "älven", "viken", "fjärden", "ön", "udden", "näset", "sundet", "banan"),
        "coordinators": frozenset(("och", "eller", "samt", "som", "i", "på", "med", "till", "från", "för", "under")),
        "not_words": frozenset(pat["not_place_words"]),
        "schools": tuple(pat["school_suffixes"]),
        "events": tuple(pat["event_suffixes"]),
        "org_suffixes": tuple(cues["org_suffixes"]),
        "company_endings": tuple(read_json("organisation_patterns.json")["company_word_endings"]),
        "english_org_words": frozenset(cues["english_org_words"]),
        "law_suffixes": tuple(cues["law_suffixes"]),
        "gazetteer": frozenset(municipalities)
        | frozenset(read_lines("countries.txt"))
        | regions(),
        "org_forms": frozenset(org_forms),
        "buildings": tuple(pat["municipal_buildings"]),
        "role_suffixes": tuple(pat["role_suffixes"]),
        "project_words": tuple(pat["project_words"]),
    }


@cache
def _regexes() -> dict[str, re.Pattern[str]]:
    """The lexicon-built patterns, compiled once (not per document)."""
    lex = _lex()
    heads, areas, streets = _alt(lex["heads"]), _alt(lex["areas"]), _alt(lex["streets"])
    streets_cap = _alt([w.capitalize() for w in lex["streets"]])  # "Västra Esplanaden"
    directions, endings, locs = _alt(lex["directions"]), _alt(lex["word_suffixes"]), _alt(lex["locatives"])
    gaz = _alt(sorted(lex["gazetteer"]))
    return {
        "heads": re.compile(
            rf"(?<![\wåäö-])({_PROPER}(?:\s+{_W})?)\s+((?i:{heads}))"
            rf"(?:[ \t]+\d{{1,3}}[A-Za-z]?(?![\d:,.]\d))?(?![\wåäö])"
        ),
        "areas": re.compile(rf"(?<![\wåäö-])({_PROPER})\s+(?:{areas})(?![\wåäö])"),
        "streets": re.compile(
            rf"(?<![\wåäö-])((?:(?:{directions})[ \t]+)?[A-ZÅÄÖ][\wåäö]*(?:{streets})"
            rf"|(?:{directions})[ \t]+(?:{streets})|(?:{directions})[ \t]+(?:{streets_cap}))"
            rf"(?:\s+(\d{{1,3}}[A-Za-z]?)(?![\d:,.]\d))?(?![\wåäö])"
        ),
        "property": re.compile(rf"(?<![\wåäö-])({_PROPER}(?:\s+{_W})?)\s+(\d{{1,4}}:\d{{1,4}})(?![\d:])"),
        # a block written without its unit number: "del av Solrosen 4", "fastigheten Solrosen 4"
        "block": re.compile(
            rf"(?<![\wåäö-])(?:[Dd]el av|[Ff]astigheten|[Kk]varteret)[ \t]+({_PROPER}[ \t]+\d{{1,4}})"
            rf"(?![\d:.,]?\d|[\wåäö:-])"
        ),
        "campus": re.compile(rf"(?<![\wåäö-])Campus[ \t]+{_PROPER}(?![\wåäö-])"),  # "Campus Valla"
        "buildings": re.compile(rf"(?<![\wåäö-])(?:{_alt(lex['buildings'])})(?![\wåäö-])"),
        # European, national and county roads: "E10", "riksväg 50", "länsväg 151", "väg 44"
        "roads": re.compile(
            r"(?<![\wåäö-])(?:E(?:4|6|10|12|14|16|18|20|22|45|47|55|65)|(?:[Rr]iks|[Ll]äns)?väg \d{1,4})"
            r"(?![\wåäö-]|[.,:/]\d)"
        ),
        # a street named with an adjective and its number: "Röda vägen 50", "Breda gatan 3"
        "adjective_street": re.compile(
            rf"(?<![\wåäö-])[A-ZÅÄÖ][a-zåäö]+a[ \t]+(?:{streets})[ \t]+\d{{1,3}}[A-Za-z]?(?![\d:,.]\d|[\wåäö-])"
        ),
        "project_before": re.compile(rf"(?<![\wåäö-])(?i:{_alt(lex['project_words'])})[ \t]+$"),
        "project_after": re.compile(
            rf"[ \t]*[,–][ \t]*(?:[\wåäö]+s[ \t]+)?(?:{_alt(lex['project_words'])})(?![\wåäö])"
        ),
        "endings": re.compile(
            rf"(?<![\wåäö-])((?:(?:{directions})\s+[a-zåäö]+|[A-ZÅÄÖ][a-zåäö]+)(?:{endings}))s?(?![\wåäö-])"
        ),
        "direction_before": re.compile(rf"(?<![\wåäö-])(?:{directions})\s+$"),
        "chain": re.compile(rf"(?:,[ \t]*|[ \t]+(?:och|samt|eller)[ \t]+|[ \t]*–[ \t]*)({_PROPER})(?![\wåäö-])"),
        # a name listed before a place: "Runn, Varpan, Faluån", "även Rud och Orrholmen"
        "chain_before": re.compile(
            rf"(?<![\wåäö-])({_PROPER})(?:,[ \t]*|[ \t]+(?:och|samt|eller)[ \t]+|[ \t]*–[ \t]*)$"
        ),
        # with a lower-case direction word before the name: "i södra Gottsunda"; a capitalised one
        # belongs to the name: "detaljplan för Norra Strandområdet"
        "locative": re.compile(
            rf"(?<![\wåäö])(?i:{locs})\s+(?:(?:norra|södra|östra|västra)\s+)?"
            rf"((?:(?:Norra|Södra|Östra|Västra)[ \t]+(?=[A-ZÅÄÖ]))?{_PROPER})(?![\wåäö-])"
        ),
        "cue_before": re.compile(rf"(?i:{locs})\s+$"),
        # with a direction word before it, across a line break: "Mellersta⏎Norrland", "Övre Norrland"
        "gazetteer": re.compile(rf"(?<![\wåäö-])((?:(?:{directions})\s+)?(?:{gaz}))(s?)(?![\wåäö-])"),
    }


@cache
def _common_words() -> frozenset[str]:
    """Swedish word forms and lemmas (to tell "Vissa torg" from "Hässelby torg")."""
    from nlpkommun.lemmatizer import lemma_table

    table = lemma_table()
    return frozenset(table) | frozenset(table.values())


def _ends_with(word: str, suffixes: Sequence[str]) -> bool:
    w = word.casefold()
    return any(w == s or (w.endswith(s) and len(w) > len(s) + 2) for s in suffixes)


def _sentence_start(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start]
    return start == 0 or "\n" in before or bool(re.search(r"[.!?:•\-–]\s*$", before))


def _bad_name(name: str, lex: dict[str, Any]) -> bool:
    """Whether a capitalised candidate names something other than a place: a party or
    authority, an organisation, law, school or event (by its last word), a heading word."""
    words = name.split()
    first, last = words[0], words[-1]
    if first in lex["not_words"] or name.isupper() and name not in lex["gazetteer"]:
        return True
    if any(w.casefold() in lex["english_org_words"] for w in words):
        return True
    if name.casefold() in lex["org_forms"] or name.casefold().removesuffix("s") in lex["org_forms"]:
        return True
    last = last.removesuffix("s") if last.endswith(("ans", "ens", "ets", "ats")) else last
    if len(words) == 1 and last.endswith("staden") and len(last) > 9 and last.casefold() not in _common_words():
        return False  # a district named as a town: "Munksjöstaden", "Vallastaden" (not "Staden")
    if len(words) == 1 and last.endswith("stad") and len(last) > 6 and last.casefold() not in _common_words():
        return False  # a town or village named "-stad": "Vikingstad", "Önnestad" (not "Huvudstad")
    if last.casefold().endswith("området") and len(last) > 10:
        return False  # "Bolagsområdet", "Norra Hamnområdet": an area ("-området", not the council "-rådet")
    if last.casefold().endswith(lex["role_suffixes"]):
        return True  # "Regiondirektören": a role
    if len(words) == 1 and _ends_with(last, _PROJECT_NOUNS) and last not in lex["gazetteer"]:
        return True  # "Resursfördelningsmodell", "Införandeprojekt": a model or project
    if len(words) == 1 and last.casefold().endswith(lex["company_endings"]):
        return True  # "Familjebostäder", "Blekingetrafiken": a company
    town = re.fullmatch(r"(.+?)s?hem", last)
    if len(words) == 1 and town and town.group(1) in lex["gazetteer"]:
        return True  # "Stockholmshem": the town's housing company (but the district "Ålidhem")
    return any(_ends_with(last, lex[k]) for k in ("org_suffixes", "law_suffixes", "schools", "events"))


def _role_word(word: str) -> bool:
    """Whether a word names a role ("Ersättare", "Ordförande")."""
    from nlpkommun.components.persons import role_of_words

    return role_of_words([word]) is not None


def _sentence_start_common(text: str, start: int, name: str) -> bool:
    """A capitalised common word at a sentence start ("Varje stadsdel"), not a name."""
    return _sentence_start(text, start) and name.casefold() in _common_words()


def _in_name_context(text: str, start: int, end: int, genitive: bool, lex: dict[str, Any]) -> bool:
    """Whether an occurrence of a place name is part of another name: an organisation
    ("Nacka kommun", "Stockholms stad"), a person ("Anna Lund", "Lund, Maria", "Nora
    Svensson") or a longer proper name ("Sveriges Kommuner och Regioner")."""
    after = text[end : end + 40]
    nxt = re.match(r"\s+([\wåäö]+)", after)
    if nxt and nxt.group(1).casefold() in lex["not_after"]:
        if not genitive or not _ends_with(nxt.group(1), lex["schools"]):
            return True
    same_line = re.match(r"[ \t]+([\wåäö]+)", after)
    if same_line and same_line.group(1)[:1].isupper() and same_line.group(1) not in lex["not_words"]:
        return True
    inverted = re.match(r",[ \t]*([A-ZÅÄÖ][\wåäö]+)", after)
    if inverted and inverted.group(1) in first_names():
        return True
    window = max(0, start - 40)
    org_word = re.search(r"([\wåäö-]+)[ \t]+$", text[window:start])
    if org_word and org_word.group(1).casefold() in lex["org_words_before"]:
        return True  # "Region Västmanland", "FoU Halland" at a sentence start: an organisation
    prev = re.search(r"([\wåäö][\wåäö-]*)[ \t]+$", text[window:start])  # "RF-SISU Västmanland": one word
    if prev and prev.group(1) in first_names():
        return True  # "Johan Ekstrand (C)" at a line start: a person
    return bool(prev and prev.group(1)[:1].isupper() and not _sentence_start(text, window + prev.start()))


def _company_follows(text: str, end: int) -> bool:
    """Whether the name continues into a company name ("Pedagogpoolen i Sverige AB")."""
    return bool(re.match(r"(?:[ \t]+[\wåäö]+){0,3}[ \t]+AB\b", text[end : end + 60]))


def _ner_junk(text: str, start: int, end: int, name: str, lex: dict[str, Any], common: frozenset[str]) -> bool:
    """Whether an NER LOC span is not a place name (common word, first name, table cell,
    the genitive of a school's name, an organisation)."""
    if len(name) < 2 or not name[:1].isupper() or "\n" in name or any(c.isdigit() for c in name):
        return True
    if _bad_name(name, lex) or name.split()[-1].casefold() in lex["not_after"]:
        return True
    words = name.split()
    if len(words) == 1 and (name.casefold() in common or name in first_names()) and name not in lex["gazetteer"]:
        return True
    if len(words) > 1 and _role_word(words[-1]):
        return True  # "rum Domnarvet⏎Ersättare som …": a heading run into the next line
    nxt = re.match(r"\s+([\wåäö]+)", text[end : end + 40])
    if nxt and nxt.group(1).casefold() in lex["not_after"] or _company_follows(text, end):
        return True
    return name.endswith("s") and name not in lex["gazetteer"] and name[:-1] not in lex["gazetteer"]


#: the cues after which a capitalised common word may still be a place ("i Berget")
_COMMON_NAME_CUES = (
    "i", "runt", "kring", "omkring", "vid", "utanför", "nära", "närmare", "stadsdelen", "stadsdelsområdet",
    "området", "kommundelen", "tätorten", "orten", "bostadsområdet", "tätorterna", "orterna", "stadsdelarna",
    "kommundelarna", "bostadsområdena", "sträckan",
)  # fmt: skip
#: nouns of a model, method or project, the end of a compound that is no place
_PROJECT_NOUNS = ("modell", "metod", "projekt", "program", "verktyg", "koncept")
#: locative cues after which a one-word PER tag that is no first name does not veto a place
_SPATIAL_CUES = frozenset(("i", "på", "vid", "runt", "kring", "utanför", "nära", "invid"))
_COUNTY = re.compile(r"(?<![\wåäöÅÄÖ-])((?:Västra |Södra )?[A-ZÅÄÖ][a-zåäö]+) län(?![\wåäö-])")
_COUNTY_OWNER = re.compile(r"(?:Region|Länsstyrelsen|[Ll]änsstyrelsen i)[ \t]+$")
_TOWN_STAD = re.compile(r"(?<![\wåäöÅÄÖ-])([A-ZÅÄÖ][a-zåäö]+(?:-[A-ZÅÄÖ][a-zåäö]+)?) stad(?![\wåäö-])")
_COORD_BEFORE = re.compile(r"(?:,|[ \t]+(?:och|samt|eller))[ \t]+$")


def _coordinated(text: str, start: int, end: int, spans: Sequence[tuple[int, int]], lex: dict[str, Any]) -> bool:
    """Whether ``text[start:end]`` is listed after one of ``spans`` ("Skultuna och Barkarö",
    "Hjulsta, Tensta") and is no school ("Björknäs och Eklunda fsk")."""
    nxt = re.match(r"[ \t]+([\wåäö]+)", text[end : end + 30])
    if nxt and (nxt.group(1).casefold() in lex["not_after"] or _ends_with(nxt.group(1), lex["schools"])):
        return False
    before = _COORD_BEFORE.search(text, max(0, start - 8), start)
    return before is not None and any(e == before.start() for s, e in spans)


def _school_follows(text: str, end: int, lex: dict[str, Any]) -> bool:
    """Whether the word after ``end`` makes the name a school's or organisation's ("Eklunda fsk")."""
    nxt = re.match(r"[ \t]+([\wåäö]+)", text[end : end + 30])
    return nxt is not None and (nxt.group(1).casefold() in lex["not_after"] or _ends_with(nxt.group(1), lex["schools"]))


def _can_be_person(span: str) -> bool:
    """Two words or more, or a known first name in it."""
    return len(span.split()) > 1 or any(w in first_names() for w in re.split(r"[\s-]", span))


def _overlaps(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def find_places(
    text: str,
    entities: Sequence[tuple[int, int, str]] = (),
    exclude: Sequence[tuple[int, int]] = (),
) -> list[dict[str, Any]]:
    """Place-shaped dicts for ``text``. ``entities``: (start, end, label) NER spans;
    ``exclude``: character spans already claimed (programmes, parties)."""
    lex = _lex()
    rx = _regexes()
    common = _common_words()
    # NER ORG spans are not trusted to veto: the organisation suffix rules do that job
    # a PER tag over names joined by a dash is a route, no person ("Linköping–Ljungsbro–Borensberg")
    persons = [(s, e) for s, e, label in entities if label == "PER" and "–" not in text[s:e]]
    loc_spans = {(s, e) for s, e, label in entities if label == "LOC"}
    blocked = list(exclude) + persons
    # in a list of places, a person tag vetoes only where it can be a person: two words or a
    # first name ("Andersberg" in "i Sätra, Andersberg och Nordost" is a place)
    listed_veto = list(exclude) + [(s, e) for s, e in persons if _can_be_person(text[s:e])]
    taken: list[tuple[int, int]] = []
    found: list[tuple[int, int, str]] = []  # (start, end, name)
    names: set[str] = set()

    def accept(start: int, end: int, name: str, head_at: int | None = None, listed: bool = False) -> None:
        """``head_at``: where the place word starts in a name ending in one ("Sergels torg",
        "Donners plats"): a person's name before it does not veto, one covering it does.
        ``listed``: the name follows a place in a list."""
        veto = blocked if head_at is None else list(exclude) + [(s, e) for s, e in persons if s < start or e > head_at]
        if listed:
            veto = listed_veto
        if _overlaps(start, end, taken) or _overlaps(start, end, veto):
            return
        taken.append((start, end))
        found.append((start, end, name))
        names.add(name)

    # 1. <Name> torg/centrum/…
    for m in rx["heads"].finditer(text):
        start, name = m.start(), m.group(1)
        first = name.split()[0]
        if (_sentence_start(text, start) and first.casefold() in common and first not in lex["gazetteer"]) or (
            first in lex["not_words"]
        ):
            if len(name.split()) == 1:
                continue
            second = re.search(r"\s+", name)
            assert second is not None
            start, name = start + second.end(), name[second.end() :]  # "Vid Hässelby torg"
        words = name.split()
        classifier = words[0] not in lex["directions"] and words[0] not in first_names() and not words[0].endswith("s")
        genitive = len(words) == 2 and words[1].endswith("s") and words[1][:-1].casefold() not in common
        if genitive and classifier and re.fullmatch(r"\S+[ \t]+\S+", name):
            start, name = start + name.index(words[1], len(words[0])), words[1]  # "Konstgräsplan Lillegårdens IP"
        if _bad_name(name, lex) and name not in lex["gazetteer"]:
            continue
        if m.group(2)[0].isupper() and m.group(2).casefold() not in lex["capitalised_heads"]:
            continue
        if m.group(2)[0].isupper() and name in first_names():
            continue  # "Mikael Strand (M)": a person
        if m.group(2).casefold() == "centrum" and _CENTRE_FOR.match(text, m.end()):
            continue  # "Nationellt centrum för kvinnofrid": an organisation
        if m.group(2).casefold() in lex["cue_heads"] and not rx["cue_before"].search(text[max(0, start - 30) : start]):
            continue  # "samt Fisksätra folkets hus" (the association), but "möten i Rottne folkets hus"
        accept(start, m.end(), text[start : m.end()], head_at=m.start(2))
    # 1b. "<Name> stadsdelsområde": the name is the place
    for m in rx["areas"].finditer(text):
        if not _bad_name(m.group(1), lex) and not _sentence_start_common(text, m.start(1), m.group(1)):
            accept(m.start(1), m.end(1), m.group(1))
    # 2. streets, with a direction word before ("Södra Förstadsgatan 24", "Stora gatan 18")
    for m in rx["streets"].finditer(text):
        word = m.group(1)
        if not m.group(2) and (word.casefold() in common or _sentence_start(text, m.start())):
            continue
        accept(m.start(), m.end(), m.group())
    # 3. property units
    for m in rx["property"].finditer(text):
        start, words = m.start(), m.group(1).split()
        lead = words[0].casefold()
        if len(words) == 2 and (words[0] in lex["not_words"] or lead in common and lead.endswith(("en", "et", "na"))):
            start = m.start() + m.group(1).index(words[1], len(words[0]))  # "Fastigheten Kista 1:4"
            words = words[1:]
        if words[0] in lex["not_words"] or m.group(1).isupper():
            continue
        accept(start, m.end(), text[start : m.end()], head_at=m.start(2))  # NER PER "Rocklunda" in "Rocklunda 1:14"
    for m in rx["block"].finditer(text):
        if not _bad_name(m.group(1).split()[0], lex):
            accept(m.start(1), m.end(1), re.sub(r"\s+", " ", m.group(1)))  # "del av Solrosen 4"
    # 3a. municipal buildings and roads: "Plats: Stadshuset, sal Viskan", "korsar E10"
    for m in rx["buildings"].finditer(text):
        if not _school_follows(text, m.end(), lex):
            accept(m.start(), m.end(), re.sub(r"\s+", " ", m.group()))
    for m in rx["campus"].finditer(text):
        accept(m.start(), m.end(), re.sub(r"\s+", " ", m.group()))
    for m in rx["roads"].finditer(text) if "väg" in text or "E" in text else ():
        if m.group().startswith("väg") and _NAMED_ROAD_BEFORE.search(text, max(0, m.start() - 20), m.start()):
            continue  # "Kristian IV:s väg 3", "Gamla väg 2": a street's name ends there
        accept(m.start(), m.end(), m.group())
    for m in rx["adjective_street"].finditer(text):
        accept(m.start(), m.end(), re.sub(r"\s+", " ", m.group()))
    # 3b. one-word place names by their ending ("Sidsjön", "Stenstaden") and "Norra stadsberget"
    for m in rx["endings"].finditer(text):
        name = m.group(1)
        one_word = " " not in name
        if one_word and (_sentence_start(text, m.start()) or name.casefold() in common or name in first_names()):
            continue
        genitive = m.end() > m.end(1)  # "Stadsparksbadets renovering" (not "Storängens fritidsgård")
        if genitive and not _ACTION_NOUN_AFTER.match(text, m.end()):
            continue
        start = m.start()
        lead = _NAME_BEFORE.search(text, max(0, start - 30), start) if one_word else None
        if lead and lead.group(1).casefold() not in common and lead.group(1) not in first_names():
            if lead.group(1) not in lex["not_words"] and not _bad_name(lead.group(1), lex):
                start, name = lead.start(1), f"{lead.group(1)} {name}"  # "Fjärran Höjderbadet"
        if not _bad_name(name, lex) and not _in_name_context(text, start, m.end(), genitive, lex):
            # a NER PER on just "Faluån" does not veto (but on "Sjöstrand", a surname's ending, it does)
            end = m.end(1)
            accept(start, end, name, head_at=end if _ends_with(name, lex["water_suffixes"]) else None)
    # 4. capitalised name after a locative cue, and names coordinated with it
    chain = rx["chain"]

    def locative_ok(name: str, end: int, cue: str) -> bool:
        if cue.split()[-1] == "i" or cue == "i bland annat":
            cue = "i"  # "boende i", "bland annat i"
        nxt = re.match(r"\s+([\wåäö]+)", text[end : end + 40])
        if nxt and nxt.group(1).casefold() in lex["not_after"]:
            return False
        if nxt and nxt.group(1).islower() and _ends_with(nxt.group(1), lex["org_suffixes"] + lex["events"]):
            return False  # "i Tekniska nämnden", "vid Internationella dagen": an organisation, an event
        same_line = re.match(r"[ \t]+([\wåäö]+)", text[end : end + 40])
        if same_line and same_line.group(1)[:1].isupper() and same_line.group(1) not in lex["not_words"]:
            return False  # but "på Österlen Dnr RS 2024/0390": a heading run into the next line
        if _company_follows(text, end):
            return False
        if _bad_name(name, lex) or name.endswith("s") and name[:-1] in lex["gazetteer"]:
            return False
        if name in first_names() and (end - len(name), end) not in loc_spans:
            return False  # but "tätorterna Sturefors, Vikingstad och Ulrika" (NER: a place)
        if name.endswith("s") and name not in lex["gazetteer"] and nxt and re.fullmatch(r"[a-zåäö]+", nxt.group(1)):
            if nxt.group(1) not in lex["coordinators"]:
                return False  # a genitive before its noun: "vid Vuxenutbildningens lokaler", "i Fyrens familjecentral"
        if name.casefold() in common and name not in lex["gazetteer"] and "-" not in name:
            if cue not in _COMMON_NAME_CUES or _sentence_start(text, end - len(name)):
                return False  # "utanför området⏎Barn i förskolan": a new line, no name
            if name.casefold().endswith(("ning", "het", "else", "ande", "ende", "tion", "ism", "ur")):
                return False
            if name.casefold().endswith(("bar", "lig", "ig", "isk", "sam")):
                return False  # an adjective: "i Hållbar tillväxt" (a title)
        return True

    def listed_ok(name: str, start: int, end: int) -> bool:
        """A name listed before an accepted place: as after "i", and inside a sentence (after a
        colon, no common word) unless the NER tags it a place; not the end of an English name
        ("Center for the Gifted in Science och USA")."""
        if (start, end) not in loc_spans and _sentence_start(text, start):
            # after a colon, or heading a list ("Mjörn, Gerdsken och Säveån påverkar")
            head_of_list = text[end : end + 1] == "," and name not in first_names()
            if not (text[:start].rstrip().endswith(":") or head_of_list) or name.casefold() in common:
                return False
        if _english_before(text, start) or _school_follows(text, end, lex):
            return False
        return not _in_name_context(text, start, end, False, lex) and locative_ok(name, end, "i")

    def chained_ok(name: str, start: int, end: int) -> bool:
        """A name listed after an accepted place: as after "i", no label ("Sollentuna, Besök:"),
        and a common word only where the NER tags it a place ("i hela Nacka, Stark och
        balanserad tillväxt")."""
        if text[end : end + 1] == ":" or _school_follows(text, end, lex):
            return False
        if name.casefold() in common and ((start, end) not in loc_spans or _LOWER_AFTER.match(text, end)):
            return False
        return locative_ok(name, end, "i")

    for m in rx["locative"].finditer(text):
        cue = m.group()[: m.start(1) - m.start()].strip().casefold()
        cue = re.sub(r"\s+(?:norra|södra|östra|västra)$", "", cue)
        if not locative_ok(m.group(1), m.end(1), cue):
            continue
        # after "i"/"på"/"vid", a one-word PER tag that is no first name does not veto ("i Borensberg")
        accept(m.start(1), m.end(1), m.group(1), listed=cue in _SPATIAL_CUES)
        pos = m.end(1)
        while (c := chain.match(text, pos)) and locative_ok(c.group(1), c.end(1), cue):
            accept(c.start(1), c.end(1), c.group(1), listed=bool(found))  # "i Tensta, Hjulsta och Akalla"
            pos = c.end(1)
    # 4a. counties: "i Kronobergs län", "Kalmar län" (not "Region Kalmar län", "Länsstyrelsen i …")
    for m in _COUNTY.finditer(text) if " län" in text else ():
        base = m.group(1)[:-1] if m.group(1).endswith("s") else m.group(1)
        known = base in regions() or base in municipalities() or base.split()[-1] in regions()
        if known and not _COUNTY_OWNER.search(text, max(0, m.start() - 40), m.start()):
            accept(m.start(), m.end(), f"{m.group(1)} län")
    # 4b. the town of a municipality whose own name is "<X> kommun": "i Rimbo och Norrtälje stad"
    for m in _TOWN_STAD.finditer(text) if " stad" in text else ():
        if is_town_of_kommun(m.group(1)):
            accept(m.start(), m.end(), f"{m.group(1)} stad")
    # 5. gazetteer names
    directed: dict[str, bool] = {}  # name → written after a direction word somewhere in the text
    for m in rx["gazetteer"].finditer(text):
        if _in_name_context(text, m.start(), m.end(), bool(m.group(2)), lex):
            continue
        if m.group(1).casefold() in common:
            cue = rx["cue_before"].search(text[max(0, m.start() - 30) : m.start()])
            if not cue:
                continue  # "Vara", "Mark": a word unless used after a locative cue
        if " " not in m.group(1):
            if m.group(1) not in directed:
                after = re.search(rf"(?:{_alt(lex['directions'])})\s+{re.escape(m.group(1))}", text)
                directed[m.group(1)] = after is not None
            if directed[m.group(1)]:
                continue  # "Norrland" alone in a table cell wrapped from "Mellersta⏎Norrland" written elsewhere
        accept(m.start(), m.end(), re.sub(r"\s+", " ", m.group(1)))
    # 6. NER LOC, filtered
    # occurrences where capitalisation means something (not at a sentence start)
    loc_counts = Counter(
        text[s:e].strip() for s, e, label in entities if label == "LOC" and not _sentence_start(text, s)
    )
    for s, e, label in entities:
        if label != "LOC":
            continue
        name = text[s:e].strip()
        if _ner_junk(text, s, e, name, lex, common):
            continue
        d = rx["direction_before"].search(text, max(0, s - 40), s)
        if d:  # "Mellersta⏎Norrland": the direction word belongs to the name
            if _in_name_context(text, d.start(), e, False, lex):
                continue
            s, name = d.start(), re.sub(r"\s+", " ", text[d.start() : e].strip())
        single = len(name.split()) == 1 and "-" not in name
        if single and name not in lex["gazetteer"] and loc_counts[name] < 2:
            cue = rx["cue_before"].search(text[max(0, s - 30) : s])
            if not cue and not _coordinated(text, s, e, [(a, b) for a, b, _ in found], lex):
                if not _listed_with_name(text, s, e, lex, common):
                    continue
        accept(s, e, name)
    # 7. names listed with an accepted place, before or after it ("Runn, Varpan, Faluån",
    # "även Rud och Orrholmen", "Degeberga och Fjälkinge", "sträckan Linköping–Ljungsbro")
    queue = sorted((a, b) for a, b, _ in found)
    while queue:
        a, b = queue.pop()
        before = rx["chain_before"].search(text, max(0, a - 60), a)
        if before and listed_ok(before.group(1), before.start(1), before.end(1)):
            if not _overlaps(before.start(1), before.end(1), taken):
                accept(before.start(1), before.end(1), before.group(1), listed=True)
                queue.append((before.start(1), before.end(1)))
        after = chain.match(text, b)
        if after and chained_ok(after.group(1), after.start(1), after.end(1)):
            if not _overlaps(after.start(1), after.end(1), taken):
                accept(after.start(1), after.end(1), after.group(1), listed=True)
                queue.append((after.start(1), after.end(1)))

    projects = {n for n in {n for _, _, n in found if n not in lex["gazetteer"]} if _project_name(text, n, rx)}
    found = [f for f in found if f[2] not in projects]
    return _group(text, found, names - projects, blocked, lex)


def _project_name(text: str, name: str, rx: dict[str, re.Pattern[str]]) -> bool:
    """Whether ``name`` names a project, model or programme somewhere in the text ("projektet
    Språkstigen", "Språkstegen, nämndens modell"); asked once for each distinct name."""
    if " " in name or any(c.isdigit() for c in name) or name not in text:
        return False
    pos = text.find(name)
    while pos >= 0:
        end = pos + len(name)
        whole = (not pos or not (text[pos - 1].isalnum() or text[pos - 1] == "-")) and (
            end == len(text) or not (text[end].isalnum() or text[end] == "-")
        )
        if whole and (rx["project_before"].search(text, max(0, pos - 30), pos) or rx["project_after"].match(text, end)):
            return True
        pos = text.find(name, pos + 1)
    return False


#: a genitive or capitalised word before "väg 3": a street's name ("Kristian IV:s väg 3"), no road number
_NAMED_ROAD_BEFORE = re.compile(r"(?:(?<![Ll]äng)s|[A-ZÅÄÖ][\wåäö]*)[ \t]+$")  # not "längs väg 520"
#: a capitalised word right before a name, on its line ("Fjärran Höjderbadet")
_NAME_BEFORE = re.compile(rf"(?<![\wåäö-])({_W})[ \t]$")
#: a noun of an action or event after a genitive: "Stadsparksbadets renovering", "Sidsjöns utbyggnad"
_ACTION_NOUN_AFTER = re.compile(r"[ \t]+[a-zåäö]+(?:ing|nad|ande|ende)(?![\wåäö-])")
_LOWER_AFTER = re.compile(r"[ \t]+(?:och|eller|samt)[ \t]+[a-zåäö]")
_ENGLISH_FUNCTION_WORDS = frozenset(("in", "of", "for", "the", "and", "at", "on"))
_LIST_BEFORE = re.compile(rf"(?<![\wåäö-])({_PROPER})(?:,[ \t]*|[ \t]+(?:och|samt|eller)[ \t]+)$")
_LIST_AFTER = re.compile(rf"(?:,[ \t]*|[ \t]+(?:och|samt|eller)[ \t]+)({_PROPER})(?![\wåäö-])")


def _english_before(text: str, start: int) -> bool:
    """Whether an English function word comes before ``start`` ("Gifted in Science")."""
    prev = re.search(r"([\wåäö]+)[ \t]+$", text[max(0, start - 20) : start])
    return prev is not None and prev.group(1) in _ENGLISH_FUNCTION_WORDS


def _listed_with_name(text: str, start: int, end: int, lex: dict[str, Any], common: frozenset[str]) -> bool:
    """Whether the NER place ``text[start:end]`` is listed with a capitalised word inside a
    sentence that is no common word, first name or organisation and no part of a longer name
    ("Vä och Önnestad"; not "Björknäs och Eklunda fsk", "lokalpolisområde Farsta, …")."""
    if (
        _in_name_context(text, start, end, False, lex)
        or _school_follows(text, end, lex)
        or _english_before(text, start)
    ):
        return False
    window = max(0, start - 40)
    for m in (_LIST_BEFORE.search(text, window, start), _LIST_AFTER.match(text, end, end + 40)):
        if m is None:
            continue
        word = m.group(1)
        if word.casefold() in common or word in first_names() or _bad_name(word, lex):
            continue
        if _school_follows(text, m.end(1), lex):
            continue
        if _sentence_start(text, m.start(1)) or _in_name_context(text, m.start(1), m.end(1), False, lex):
            continue
        return True
    return False


def _group(
    text: str,
    found: list[tuple[int, int, str]],
    names: set[str],
    blocked: list[tuple[int, int]],
    lex: dict[str, Any],
) -> list[dict[str, Any]]:
    """All occurrences of the accepted names, grouped by case-insensitive name."""
    spans = {(s, e) for s, e, _ in found}
    if names:
        alternation = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(names, key=len, reverse=True))
        taken = sorted(spans)
        for m in re.finditer(rf"(?<![\wåäö-])(?:{alternation})(s?)(?![\wåäö-])", text, re.I):
            if not m.group()[:1].isupper() or (m.start(), m.end()) in spans:
                continue
            if _in_name_context(text, m.start(), m.end(), bool(m.group(1)), lex):
                continue
            if _overlaps(m.start(), m.end(), taken) or _overlaps(m.start(), m.end(), blocked):
                continue
            spans.add((m.start(), m.end()))
    canonical = {re.sub(r"\s+", " ", n.casefold()): n for n in names}
    groups: dict[str, list[tuple[int, int]]] = {}
    for s, e in sorted(spans):
        key = re.sub(r"\s+", " ", text[s:e].casefold())
        base = key[:-1] if key.endswith("s") and key[:-1] in canonical else key
        groups.setdefault(base, []).append((s, e))
    out = []
    for base, occ in groups.items():
        forms = Counter(
            re.sub(r"\s+", " ", text[s:e]) for s, e in occ if re.sub(r"\s+", " ", text[s:e].casefold()) == base
        )
        fallback = canonical.get(base, text[occ[0][0] : occ[0][1]])
        name = forms.most_common(1)[0][0] if forms else re.sub(r"\s+", " ", fallback)
        mentions = [{"text": text[s:e], "start": s, "end": e} for s, e in occ]
        out.append({"name": name, "mentions": mentions})
    out.sort(key=lambda p: p["mentions"][0]["start"])
    return out


@Language.factory("nlpkommun_places", assigns=["doc._.nk_places"])
def make_places(nlp: Language, name: str) -> PlaceFinder:
    """spaCy factory for :class:`PlaceFinder`."""
    return PlaceFinder()


class PlaceFinder:
    """spaCy component around :func:`find_places`."""

    def __call__(self, doc: Doc) -> Doc:
        entities = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        exclude = [(m["start"], m["end"]) for p in doc._.nk_programmes or [] for m in p.get("mentions", [])]
        exclude += [(m["start"], m["end"]) for m in doc._.nk_parties or []]
        doc._.nk_places = find_places(doc_text(doc), entities, exclude)
        return doc
