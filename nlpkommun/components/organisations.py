"""Organisations: parties written out, nämnder/styrelser/utskott/fullmäktige, förvaltningar,
units ("avdelningen för vuxna", "Inköpsenheten"), schools, authorities (Polisen, IVO),
municipalities ("Nacka kommun", "Stockholms stad", "Region Gotland"), companies ("… AB"),
foundations and associations (also by their legal form: "… ekonomisk förening"), bodies named
with the place they serve ("ABF Sörmland", "Samordningsförbundet Eskilstuna", "Kultur i
Väst", "Lasarettet i Motala"), hospitals, and NER ``ORG`` entities.

Reads: ``doc.text``, NER ``ORG`` entities, ``doc._.nk_parties``, ``doc._.nk_programmes``
and ``doc._.nk_places`` (acronyms defined as programmes are not organisations; NER ORG
entities on a place or programme mention are dropped), the resources
``organisation_patterns.json`` and ``authorities.json``.
Writes: ``doc._.nk_organisations``: Organisation-shaped dicts (``records.Organisation``).

Inflected forms share one canonical entry: genitives ("Stockholms stads" → "Stockholms
stad"), definite forms of a named body ("stadsdelsnämnden" → "Hässelby-Vällingby
stadsdelsnämnd" when that is the only stadsdelsnämnd named in the document). Generic words
("nämnden", "förvaltningen") are kept only as mentions of a named body they clearly refer to.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from nlpkommun.components.parties import find_party_mentions
from nlpkommun.components.persons import is_common_word
from nlpkommun.doc_text import doc_text
from nlpkommun.resources import first_names, is_town_of_kommun, municipalities, read_json, regions
from nlpkommun.spans import SpanSet

UP = "A-ZÅÄÖÉÜ"
LO = "a-zåäöéüè"
CAPWORD = rf"[{UP}][{LO}]+(?:-[{UP}][{LO}]+)*"
#: CAPWORD at a word start. The patterns below test "no letter or hyphen before" after a
#: match's first character or literal (``(?<![\w-].)``) rather than before it: a leading
#: look-behind makes the regex engine try every position, while a leading character class or
#: literal lets it skip to the candidates (same matches).
CAPSTART = rf"[{UP}](?<![\w-].)[{LO}]+(?:-[{UP}][{LO}]+)*"


def _has_any(text: str, literals: Iterable[str]) -> bool:
    """Whether one of the literals occurs in ``text``: a pattern that needs one is not run
    where none occurs (most short texts)."""
    return any(w in text for w in literals)


def _at_start(words: Iterable[str]) -> str:
    """An alternation of literal words, each preceded by no letter or hyphen (see CAPSTART)."""
    return "|".join(rf"{re.escape(w)}(?<![\w-].{{{len(w)}}})" for w in words)


_SUBCOMMITTEE = re.compile(
    rf"(?<![\w-])([{UP}{LO}][{LO}]+(?:styrelsens|nämndens|fullmäktiges))[ \t]+([{LO}]+utskott|[{LO}]+beredning)"
    rf"(et|ets|en|ens|s)?(?![\w-])"
)
_SUBCOMMITTEE_OWNERS = ("styrelsens", "nämndens", "fullmäktiges")
_OWNED_UNIT = re.compile(
    rf"(?<![\w-])([{UP}][{LO}]+(?:styrelsens|nämndens))[ \t]+([{LO}]+(?:iska|ska|liga|ella|ära))?[ \t]*"
    rf"(?<=[ \t])((?:enhet|avdelning|stab|kansli|sektion|förvaltning)(?:en)?)(?![\w-])"
)
_COURTS = re.compile(
    rf"(?:{CAPSTART}s[ \t]+tingsrätt|(?:{_at_start(['Förvaltningsrätten', 'Kammarrätten', 'Hovrätten'])})"
    rf"[ \t]+i[ \t]+{CAPWORD}|(?:{_at_start(['Polisregion', 'Polisområde', 'Lokalpolisområde', 'lokalpolisområde'])})"
    rf"[ \t]+{CAPWORD}(?:[–-]{CAPWORD})?)"  # "lokalpolisområde Trelleborg–Svedala"
)
# "Länsstyrelsen i Stockholms län", "Länsstyrelsen i Skåne" (its own name: "Länsstyrelsen Skåne")
_COUNTY_BOARD = re.compile(
    rf"{_at_start(['Länsstyrelsen'])}[ \t]+i[ \t]+(?:((?:{CAPWORD}[ \t]+){{0,2}}{CAPWORD})[ \t]+län|{CAPWORD}(?![\w-]))"
)
# "Länsstyrelsen Västernorrland", "Länsstyrelsen Östergötlands regionala stöd"
_COUNTY_BOARD_NAMED = re.compile(rf"{_at_start(['Länsstyrelsen'])}[ \t]+({CAPWORD})(?![\w-])")
# an association's legal form after its name: "Sjuhärads Återbruk ekonomisk förening",
# "Kulturkvarteret Gottsunda ideell förening"
_ASSOCIATION = re.compile(
    rf"({CAPSTART}(?:[ \t]+{CAPWORD}){{0,3}})[ \t]+(?:ekonomisk|ideell|Ekonomisk|Ideell)[ \t]+förening(?:en)?(?![\w-])"
)
# a place's or a district's club or association, both words capitalised: "Hovsjö Brottarklubb",
# "Kroksbäcks Fritidsförening", "Landskrona Segelsällskap"
_DIRECTION_WORDS = r"(?:Norra|Södra|Östra|Västra|Mellersta|Nordvästra|Nordöstra|Sydvästra|Sydöstra)"
_PLACE_CLUB = re.compile(
    rf"((?:{_DIRECTION_WORDS}[ \t]+)?{CAPSTART})[ \t]+"
    rf"([{UP}][{LO}]{{2,}}(?:klubb|klubben|förening|föreningen|sällskap|sällskapet))(?![\w-])"
)
# an acronym and its county or town: "ABF Sörmland", "NTF Norrbotten", "PRO Mölndal"
_ACRONYM_PLACE = re.compile(rf"([{UP}](?<![\w-].)[{UP}]{{1,4}})[ \t]+({CAPWORD})(?![\w-])")
# a capitalised noun inside a sentence with "i <Place>": "Kultur i Väst", "Lasarettet i Motala",
# "Fritidsbanken i Skogås", "Närsjukvården i västra Östergötland"
_NAME_IN_PLACE = re.compile(
    rf"([{UP}](?<![\w-].)[{LO}]{{3,}})[ \t]+i[ \t]+"
    rf"((?:(?:norra|södra|östra|västra|mellersta)[ \t]+)?{CAPWORD})(?![\w-])"
)
_COUNTY_TRANSPORT = re.compile(rf"{_at_start(['Länstrafiken'])}(?:[ \t]+i)?[ \t]+{CAPWORD}(?![\w-])")
_CLUB_SUFFIXES = ("IF", "IK", "BK", "FF", "SK", "HK", "FK", "BoIS", "GoIF", "AIK")
#: the sport of a club's section, after its name: "Västerås SK Fotboll", "IFK Luleå Bandy"
_CLUB_SPORTS = (
    "Fotboll", "Handboll", "Bandy", "Hockey", "Ishockey", "Innebandy", "Basket", "Volleyboll", "Friidrott",
    "Simning", "Brottning", "Bowling", "Tennis", "Orientering", "Skidor", "Gymnastik", "Konståkning", "Boxning",
    "Judo", "Cykel", "Ungdom", "Dam", "Herr",
)
_CLUB = re.compile(
    rf"({CAPSTART}[ \t]+(?:{CAPWORD}[ \t]+)?)({'|'.join(_CLUB_SUFFIXES)})"
    rf"(?:[ \t]+(?:{'|'.join(_CLUB_SPORTS)}))?(?![\w-])"
)
# a regional body named by a prefix and its region or town: "RF-SISU Västmanland", "FoU Halland",
# "Högskolan Kristianstad", "Högskolan i Gävle"
_SPORTS_DISTRICT = re.compile(rf"(?:{_at_start(['RF-SISU', 'FoU', 'Högskolan'])})(?:[ \t]+i)?[ \t]+{CAPWORD}(?![\w-])")
# a health or family centre with its owner or place: "Fyrens familjecentral", "Centrums vårdcentral"
_CARE_CENTRE = re.compile(rf"({CAPSTART}s)[ \t]+(familjecentral|vårdcentral|ungdomsmottagning)(en)?(?![\w-])")
# a preschool or youth centre named after its head word: "Förskolan Tegelhagen"
_NAMED_SCHOOL = re.compile(
    rf"(?:{_at_start(['Förskolan', 'Fritidsgården', 'förskolan', 'fritidsgården'])})[ \t]+({CAPWORD})(?![\w-])"
)
# a town's or district's library or county transport: "Stuvsta bibliotek", "Norrköpings stadsbibliotek",
# "Jönköpings länstrafik"
_LIBRARY = re.compile(rf"({CAPSTART})[ \t]+((?:stads|huvud)?bibliotek|länstrafik)(?![\w-])")
# a one-word museum, opera, clinic or federation inside a sentence: "Upplandsmuseet",
# "Göteborgsoperan", "Kvinnokliniken", "Höglandsförbundet"
_INSTITUTION = re.compile(rf"[{UP}](?<![\w-].)[{LO}]{{3,}}(?:museet|operan|kliniken|förbundet)(?![\w-])")
# a centre or unit with its proper name: "Familjecentralen Kronoparken", "Behandlingsenheten Bryggan"
_NAMED_CENTRE = re.compile(
    rf"(?<![\w-])([{UP}][{LO}]*(?:centralen|enheten|mottagningen|jouren))[ \t]+({CAPWORD})(?![\w-])"
)
# a Leader area's local action group: "Leader Sydsmåland", "Leader Söderslätt"
_ACTION_GROUP = re.compile(rf"{_at_start(['Leader'])}[ \t]+({CAPWORD})(?![\w-])")
# a unit named after its head word: "enheten Vuxenstöd", "avdelningen Barn och familj"
_NAMED_UNIT = re.compile(
    rf"(?<![\w-])(?:enhet(?:en)?|avdelning(?:en)?|sektion(?:en)?)[ \t]+"
    rf"({CAPWORD}(?:[ \t]+(?:och|&)[ \t]+[{LO}]+)?)(?![\w-])"
)
_DIRECTIONS = frozenset("nord syd öst väst norr söder öster väster mitt centrum".split())
# a residential care home (hem för vård eller boende): "HVB Bredsand", "(HVB) Bredsand"
_HVB = re.compile(rf"HVB(?<![\w-]...)\)?[ \t]+({CAPWORD})(?![\w-])")
# "HVB-hemmet Solbacken", "HVB-hem Solbacken"
_HVB_HOME = re.compile(rf"(?<![\w-])HVB-hem(?:met)?[ \t]+({CAPWORD})(?![\w-])")
# a care centre in a place: "Familjecentralen i Munka-Ljungby", "Ungdomsmottagningen i Kiruna"
_CENTRE_IN_PLACE = re.compile(
    rf"(?<![\w-])[{UP}][{LO}]*(?:centralen|mottagningen)[ \t]+i[ \t]+{CAPWORD}(?![\w-])"
)
# a care home by its name: "Hjälmareds vårdboende", "Ekbackens vård- och omsorgsboende", "Bifrost vård- och
# omsorgsboende", "Lindgårdens korttidsboende" (a compound of "boende": "Nackas boende" are its residents)
_CARE_HOME = re.compile(
    rf"(?<![\w-])({CAPWORD})\s+((?:[{LO}]+-\s+(?:och|eller)\s+)?[{LO}]{{2,}}boende)(?![\w-])"
)
# a home under the disability law (LSS) by its name: "Sävedalens gruppbostad", "Tollare Port servicebostad"
_GROUP_HOME = re.compile(rf"({CAPSTART}(?:[ \t]+{CAPWORD})?)[ \t]+(gruppbostad|servicebostad)(?![\w-])")
# universities: "Luleå tekniska universitet", "Kungliga Tekniska högskolan"
_UNIVERSITY = re.compile(
    rf"({CAPSTART})[ \t]+(?:tekniska|Tekniska|medicinska)[ \t]+(universitet|högskola|högskolan)(?![\w-])"
)
# a municipality named in capitals in a letterhead: "SUNDSVALLS KOMMUN", "HELSINGBORGS STAD"
_MUNICIPALITY_CAPS = re.compile(rf"([{UP}](?<![\w-].)[{UP}]+(?:-[{UP}]+)?)[ \t]+(KOMMUN|STAD)(?![\w-])")
_BODY_WORDS = ("nämnden", "förvaltningen", "kontoret", "styrelsen")
_PLACE = rf"{CAPSTART}(?:[ \t]+{CAPWORD})?"
_DISTRICT_BODY = re.compile(
    rf"({_PLACE})(?:[ \t]+|[ \t]*\n[ \t]*)(stadsdelsnämnd|stadsdelsförvaltning)(en|ens|s)?(?![\w-])"
)
_MUNICIPALITY = re.compile(rf"({_PLACE})[ \t]+(kommun|stad|Stad)(s|en)?(?![\w-])")
_ADJECTIVAL = re.compile(r"(?:lig|ig|isk|sam|bar|vänlig)$")
# "Region Gotland", "Region Jämtland Härjedalen", "Region Jönköpings län"
_REGION = re.compile(rf"{_at_start(['Region'])}[ \t]+({CAPWORD}(?:[ \t]+{CAPWORD})?)(s)?(?:[ \t]+(län)\b)?(?![\w-])")
_PREV_WORD = re.compile(r"([\wåäö]+)[ \t]+$")
_WORD = re.compile(rf"(?:[{UP}{LO}](?<![\w-].)[{LO}]+|[{UP}](?<![\w-].)[{UP}]{{1,3}}(?=-))(?:-[{LO}]+)?(?![\w-])")
# "Kultur- och fritidsnämnden", "Barn-, ungdoms- och utbildningsnämnden"
_COORDINATED = re.compile(rf"((?:[{UP}{LO}][{LO}]+-,[ \t]+){{0,4}}[{UP}{LO}][{LO}]+-[ \t]+(?:och|eller)[ \t]+)$")
_ACRONYM_PREFIX = re.compile(rf"[{UP}]{{2,4}}-")
_OWNER_BEFORE = re.compile(rf"[{UP}][{LO}]+(?:ens|ets|s)[ \t]+$")
# a town's council, learning centre or women's shelter: "Landskrona ungdomsråd", "Sundbybergs
# tillgänglighetsråd", "Härnösands lärcentrum", "Järfälla kvinno- och tjejjour"
_TOWN_BODY = re.compile(
    rf"(?<![\w-])({CAPWORD})[ \t]+(?:kommunala[ \t]+)?"
    rf"((?:[{LO}]+-[ \t]+och[ \t]+)?[{UP}{LO}][{LO}]{{2,}}(?:råd|jour)|[Ll]ärcentrum)(?![\w-])"
)
# a federation named after its area: "Södra Älvsborgs Räddningstjänstförbund"
_AREA_FEDERATION = re.compile(
    rf"(?<![\w-])(?:{_DIRECTION_WORDS}[ \t]+)?{CAPWORD}s[ \t]+[{UP}][{LO}]{{3,}}förbund(?:et)?(?![\w-])"
)
# a county's or town's federation in lower case: "Dalarnas kommunförbund", "Norrbottens kommunförbunds nätverk"
_AREA_FEDERATION_LOWER = re.compile(rf"({CAPSTART})s[ \t]+([{LO}]{{3,}}förbund)(s|et|ets)?(?![\w-])")
# a town's or county's institution, its noun capitalised: "Varbergs Näringslivscenter", "Smålands Akademi"
_PLACE_INSTITUTION = re.compile(
    rf"({CAPSTART})s[ \t]+"
    rf"([{UP}][{LO}]*(?:center|centrum|akademi|museum|teater|institut|sällskap)|Center|Centrum|Akademi|Museum|Teater"
    rf"|Institut|Sällskap)(?![\w-])"
)
# an administration or unit named with its indefinite head word: "Sektor samhällsutveckling" (the
# administrations of some municipalities), "Avdelning Regional utveckling", "Sektor vård och omsorg"
_HEAD_NAMED_UNIT = re.compile(
    rf"(?:{_at_start(['Sektor', 'Avdelning', 'sektor'])})[ \t]+([{UP}{LO}][{LO}]{{3,}})"
    rf"(?:[ \t]+(och[ \t]+[{LO}]{{3,}}|[{LO}]{{4,}}))?(?![\w-])"
)
_INSTITUTION_STEMS = ("enter", "entrum", "kademi", "useum", "eater", "nstitut", "ällskap")
_SIGNATURE_COMMA = re.compile(r",[ \t]*$")
_ADJECTIVE_END = re.compile(r"(?:al|ell|isk|iska|lig|liga|ig|iga|ala|ella)$")
# an association named after its village or area: "Rosvik-Sjulnäs byaförening", "Piteå hembygdsförening"
_PLACE_ASSOCIATION = re.compile(
    rf"({CAPSTART})[ \t]+((?:bya|hembygds|idrotts|intresse|samfällighets|väg|fiskevårds|tomtägare|villaägare"
    rf"|byalags|bygde|kultur)förening)(en)?(?![\w-])"
)
# a named body's adjective and council, capitalised as a name: "Regionala pensionärsrådet", "Samiska rådet"
_ADJECTIVE_COUNCIL = re.compile(
    rf"[{UP}](?<![\w-].)[{LO}]+(?:ala|iska|ska|liga|ella)[ \t]+[{LO}]*rådet(?![\w-])"
)
# a club named with its prefix and town: "IFK Skövde HK", "IK Mark Skidor" (after "IK Mark")
_CLUB_PREFIXES = ("IK", "IF", "IFK", "BK", "FK", "SK", "GIF", "AIK", "GoIF")
_CLUB_TAIL = re.compile(rf"[ \t]+(?:{'|'.join(_CLUB_SUFFIXES + _CLUB_SPORTS)})(?![\w-])")
# a youth venue by its name: "Mötesplats Västra Port", "Mötesplats Kvarnen"
_MEETING_PLACE = re.compile(rf"{_at_start(['Mötesplats'])}[ \t]+((?:{_DIRECTION_WORDS}[ \t]+)?{CAPWORD})(?![\w-])")
_CERTIFICATION_LEVELS = frozenset({"Brons", "Silver", "Guld", "Platina"})
_UNIT_WORD = re.compile(r"([\wåäöÅÄÖ-]+)(,?)[ \t]*")
_SCHOOL_PLURAL_IN_NAME = re.compile(r"(?:skolans?|skolor)$")
_DEFINITE_GENITIVE = re.compile(r"(?:ens|ets|ans)$")
_AB = re.compile(r"AB(?<=[ \t]AB)(?![\w-])")
_AB_TAIL = re.compile(rf"[ \t]+{CAPWORD}(?![\w-])")
_AB_FIRST = re.compile(rf"{_at_start(['AB'])}[ \t]+({CAPWORD}(?:[ \t]+{CAPWORD}){{0,2}}(?:[ \t]+i[ \t]+{CAPWORD})?)")
_WS = re.compile(r"\s+")
_NONSPACE = re.compile(r"\S+")
_UNIT_SUFFIX = re.compile(r"enhet(?:en|ens|s)?$")
_BARE_BASES = {
    "nämnden": "nämnd",
    "förvaltningen": "förvaltning",
    "styrelsen": "styrelse",
    "utskottet": "utskott",
    "rådet": "råd",
    "kommunen": "kommun",
    "staden": "stad",
}
_BARE_GENERIC = re.compile(rf"(?<![\w-])((?i:{'|'.join(_BARE_BASES)}))(s)?(?![\w-])")


@dataclass
class OrgMention:
    """One organisation mention before grouping."""

    start: int
    end: int
    text: str
    name: str  # canonical name
    kind: str
    acronym: str | None = None
    generic: bool = False  # only kept as a mention of a named organisation
    base: str | None = None  # indefinite head of a generic/definite form, for merging
    priority: int = 0


@cache
def _patterns() -> dict[str, Any]:
    return read_json("organisation_patterns.json")


@cache
def _heads() -> list[dict[str, str]]:
    return sorted(_patterns()["heads"], key=lambda h: -len(h["indef"]))


@cache
def _authority_index() -> tuple[re.Pattern[str], dict[str, dict[str, Any]]]:
    """One regex over every written form of the lexicon organisations, and form → entry. A
    capitalised form's genitive counts too ("Rädda Barnens material", "Svenskt Demenscentrums
    modell"), where the lexicon does not write it."""
    by_form = {form: org for org in _authorities() for form in org["forms"]}
    for form, org in list(by_form.items()):
        if form[:1].isupper() and not form.isupper() and not form.endswith(("s", "x", "z")):
            by_form.setdefault(form + "s", org)
        if len(form) >= 2 and form.isupper() and form.isalpha():
            by_form.setdefault(form + ":s", org)  # "SCB:s statistik"
    return re.compile(rf"(?:{_trie_at_start(by_form)})(?![\w-]|:s)"), by_form


def _trie_at_start(words: Iterable[str]) -> str:
    """An alternation of literal words at a word start (see CAPSTART) written as a prefix
    tree: the engine tries a character once instead of once per word. At each node a longer
    word is tried before the word ending there, so the longest word that fits wins, as in an
    alternation sorted longest first."""
    trie: dict[str, Any] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        alts = [re.escape(ch) + build(child) for ch, child in node.items() if ch]
        if not alts:
            return ""
        if len(alts) == 1 and "" not in node:
            return alts[0]
        return "(?:" + "|".join(alts) + ("|" if "" in node else "") + ")"

    return "|".join(rf"{re.escape(ch)}(?<![\w-].){build(child)}" for ch, child in trie.items())


@cache
def _lexicon_patterns() -> dict[str, re.Pattern[str]]:
    """The patterns built from ``organisation_patterns.json``, compiled once."""
    pats = _patterns()
    return {
        "adjective_body": re.compile(
            rf"(?<![\w-])((?i:{'|'.join(pats['adjective_bodies'])}))[ \t]+"
            rf"([{LO}]*(?:{'|'.join(_BODY_WORDS)}))(s)?(?![\w-])"
        ),
        "company_word": re.compile(rf"[{UP}](?<![\w-].)[{LO}]+(?:{'|'.join(pats['company_word_endings'])})(?![\w-])"),
        "unit_phrase": re.compile(rf"({_at_start(pats['unit_phrase_heads'])})[ \t]+för[ \t]+"),
        "school": re.compile(
            rf"({CAPSTART}(?:[ \t]+{CAPWORD})?)[ \t]+({'|'.join(pats['school_heads'])})(s|n|ns)?(?![\w-])"
        ),
        "school_plural": re.compile(rf"({CAPSTART})[ \t]+({'|'.join(pats['school_plural_heads'])})(?![\w-])"),
        "school_compound": re.compile(
            rf"([{UP}](?<![\w-].)[{LO}]{{2,}}(?:-[{UP}][{LO}]+)?)({'|'.join(pats['school_compound_heads'])})(s)?(?![\w-])"
        ),
        "foundation": re.compile(
            rf"({_at_start(pats['foundation_heads'])})((?:[ \t]+{CAPWORD}){{1,4}}(?:[ \t]+i[ \t]+{CAPWORD})?)"
            rf"((?<=s)[ \t]+[{LO}]+)?(?![\w-])"
        ),
    }


@cache
def _head_endings() -> re.Pattern[str]:
    forms = {f for h in _heads() for f in (h["def"], h["indef"])}
    return re.compile(rf"(?:{'|'.join(sorted(forms, key=len, reverse=True))})s?$")


@cache
def _head_roots() -> tuple[str, ...]:
    """The head forms that hold no other head form: a one-word name holds one of them (its
    head, in lower case, after a prefix of three letters or more)."""
    forms = {f for h in _heads() for f in (h["def"], h["indef"])}
    return tuple(sorted(f for f in forms if not any(g != f and g in f for g in forms)))


@cache
def _authorities() -> list[dict[str, Any]]:
    return read_json("authorities.json")["organisations"]


def lexicon_names_as_written(hits: list[tuple[str, dict[str, Any]]]) -> dict[str, str]:
    """Lexicon name → the name the document writes for it, where the document never writes
    the lexicon's own name (in any case): its most frequent capitalised, non-genitive form
    ("Polismyndigheten" when a text only says "Polismyndigheten" and "polis")."""
    out: dict[str, str] = {}
    by_org: dict[str, list[str]] = {}
    for form, org in hits:
        by_org.setdefault(org["name"], []).append(_WS.sub(" ", form.removesuffix(":s")))
    for name, forms in by_org.items():
        folded = {f.casefold() for f in forms}
        if name.casefold() in folded:
            continue
        lexicon_forms = {f.casefold() for org in _authorities() if org["name"] == name for f in org["forms"]}
        proper = [
            f for f in forms
            if f[:1].isupper() and not f.isupper() and not (f.endswith("s") and f[:-1].casefold() in lexicon_forms)
        ]
        if proper:
            out[name] = max(proper, key=lambda f: (proper.count(f), -proper.index(f)))
        else:  # only genitives: "Kulturrådets beslut" → "Kulturrådet"
            stems = [f[:-1] for f in forms if f[:1].isupper() and not f.isupper() and f.endswith("s")]
            if stems:
                out[name] = max(stems, key=lambda f: (stems.count(f), -stems.index(f)))
    return out


def _ucfirst(s: str) -> str:
    return s[:1].upper() + s[1:]


def _head_of(word: str) -> tuple[dict[str, str], str, bool] | None:
    """(head, prefix, definite) of a word ending in an organisation head, genitive removed:
    "Utbildningsnämndens" → (nämnd, "Utbildnings", True)."""
    low = word.casefold()
    if not _head_endings().search(low):
        return None
    for h in _heads():
        forms = [(h["def"] + "s", True), (h["def"], True), (h["indef"] + "s", False), (h["indef"], False)]
        for form, definite in forms:
            if low.endswith(form):
                return h, word[: len(word) - len(form)], definite and h["def"] != h["indef"]
    return None


@lru_cache(maxsize=1 << 16)
def canonical_compound(word: str) -> tuple[str, str, str] | None:
    """Canonical name, kind and indefinite base of a one-word organisation name
    ("utbildningsförvaltningens" → ("Utbildningsförvaltningen", "administration",
    "utbildningsförvaltning")), or None when the word is no organisation name.
    Cached: every word of a document is asked about."""
    pats = _patterns()
    low = word.casefold()
    if low.endswith(tuple(pats["excluded_endings"])):
        return None
    eh = _UNIT_SUFFIX.search(low)
    if eh and _is_common(low[: eh.start()] + "en") and not (eh.start() >= 4 and _is_common(low[: eh.start()])):
        return None  # "öppenheten", "medvetenhet", "lägenheten": -het nouns (but "Ekonomienheten" is a unit)
    hit = _head_of(word)
    if hit is None:
        return None
    head, prefix, definite = hit
    if len(prefix) < 3:
        return None
    base = (prefix + head["indef"]).casefold()
    if base in pats["not_organisations"] or (prefix + head["def"]).casefold() in pats["not_organisations"]:
        return None
    if not word[0].isupper() and (head["indef"] in pats["capitalised_only_heads"] or not definite):
        if head["indef"] != "fullmäktige":
            return None
    form = prefix + (head["def"] if definite else head["indef"])
    if head["indef"] == "fullmäktige":
        form = prefix + "fullmäktige"
    return _ucfirst(form), head["kind"], base


def is_generic(base: str) -> bool:
    """Whether a compound's indefinite base is a generic reference ("stadsdelsnämnd")."""
    pats = _patterns()
    if base in pats["named_with_prefix"]:
        return False
    for h in _heads():
        if base == h["indef"]:
            return True
        if base.endswith(h["indef"]):
            prefix = base[: -len(h["indef"])]
            return prefix.rstrip("s") in pats["generic_prefixes"] or prefix in pats["generic_prefixes"]
    return False


def find_organisation_mentions(
    text: str,
    parties: list[dict[str, Any]] | None = None,
    org_spans: list[tuple[int, int]] | None = None,
    programme_acronyms: set[str] | None = None,
    blocked_spans: list[tuple[int, int]] | None = None,
) -> list[OrgMention]:
    """All organisation mentions, overlapping ones resolved (longest, then highest priority)."""
    pats = _patterns()
    parties = find_party_mentions(text) if parties is None else parties
    out: list[OrgMention] = []

    def add(m: OrgMention) -> None:
        out.append(m)

    # parties written out, and their abbreviations when written out somewhere
    written = {p["party"] for p in parties if p.get("form") == "name"}
    # a party's name as written in full ("Miljöpartiet de gröna"), where a text writes it so
    full = {
        p["party"]: _WS.sub(" ", p["text"])
        for p in parties
        if p.get("party_name")
        and " " in p["text"].strip()
        and p["text"].casefold().startswith(p["party_name"].casefold() + " ")
    }
    for p in parties:
        if p["party"] in written and p.get("party_name"):
            name = full.get(p["party"], p["party_name"])
            add(OrgMention(p["start"], p["end"], p["text"], name, "party", p["party"], priority=5))

    # authorities and other lexicon organisations
    rx, by_form = _authority_index()
    hits = list(rx.finditer(text))
    written = lexicon_names_as_written([(m.group(0), by_form[m.group(0)]) for m in hits])
    for m in hits:
        if blocked_spans and any(s < m.start() and m.end() <= e for s, e in blocked_spans):
            continue  # inside a longer place name: "Andersbergs Folkets hus"
        org = by_form[m.group(0)]
        if org.get("needs_union_context") and not _union_context(text, m.start(), m.end(), hits, by_form):
            continue  # "Kommunal vuxenutbildning", "Vision 2030": words, not the unions
        if m.group(0) == org.get("acronym") and _defined_otherwise(text, m.group(0), org["name"]):
            continue  # "Läsprojektet Vallentuna läser (VL)": the text defines the letters otherwise
        name = written.get(org["name"], org["name"])
        division = _DIVISION.match(text, m.end()) if not m.group(0).endswith("s") else None
        if division:  # "Trafikverket Region Syd", "Hyresgästföreningen Region Stockholm"
            end = division.end()
            span = text[m.start() : end]
            add(OrgMention(m.start(), end, span, _WS.sub(" ", span), org["kind"], priority=6))
            continue
        local = _LOCAL_BRANCH.match(text, m.end()) if org["kind"] != "authority" and org["name"][:1].isupper() else None
        if local and local.group(1) and org["kind"] != "other":
            local = None  # "i <place>" makes a branch of an association only: "Naturskyddsföreningen i Höör"
        if local and (local.group(2) in _municipality_names() or local.group(2) in regions()):
            end = local.end()  # a national organisation's local branch: "Fastighetsägarna Stockholm"
            span = text[m.start() : end]
            add(OrgMention(m.start(), end, span, _WS.sub(" ", span), org["kind"], priority=6))
            continue
        add(OrgMention(m.start(), m.end(), m.group(0), name, org["kind"], org.get("acronym"), priority=4))

    if "Länsstyrelsen" in text:
        for m in _COUNTY_BOARD.finditer(text):
            add(OrgMention(m.start(), m.end(), m.group(0), _WS.sub(" ", m.group(0)), "authority", priority=6))
        for m in _COUNTY_BOARD_NAMED.finditer(text):
            county = m.group(1)
            if county.endswith("s") and county[:-1] in regions():
                county = county[:-1]  # "Länsstyrelsen Östergötlands regionala stöd"
            if county in regions() or county in _municipality_names():
                end = m.start(1) + len(county)
                add(
                    OrgMention(
                        m.start(), end, text[m.start() : end], f"Länsstyrelsen {county}", "authority", priority=6
                    )
                )
    for m in _HOSPITAL.finditer(text) if "sjukhus" in text or "lasarett" in text else ():
        st = m.start()
        lead = m.group(1)
        if lead and (_sentence_initial(text, st) and _is_common(lead) or lead.casefold() in _stop_first()):
            st = m.start(2)  # "Vid Vrinnevisjukhuset"
        if m.group(1) and m.group(1) in _municipality_names():
            st = m.start(2)  # "Linköping Universitetssjukhuset" is two names
        own = m.group(3)
        if own and not own.endswith("s") and (
            _sentence_initial(text, st) or _is_common(own) or own.casefold() in _stop_first() or own in first_names()
        ):
            continue  # "Sunderby sjukhus" (a village's name), not "Nytt sjukhus", "Vid sjukhus"
        add(OrgMention(st, m.end(), text[st : m.end()], _WS.sub(" ", text[st : m.end()]), "other", priority=5))
    for m in _ASSOCIATION.finditer(text) if "förening" in text else ():
        st = _lead_trim(text, m.start(), m.start(1) + len(m.group(1)))
        if st < m.start(1) + len(m.group(1)):
            add(OrgMention(st, m.end(), text[st : m.end()], _WS.sub(" ", text[st : m.end()]), "other", priority=7))
    for m in _PLACE_CLUB.finditer(text) if any(w in text for w in ("klubb", "förening", "sällskap")) else ():
        own = m.group(1)  # "Sofielunds Boxningsklubb", "Järna Konstförening", "Ronna Kulturförening"
        if _sentence_initial(text, m.start()) and _is_common(own) or own.casefold() in _stop_first():
            continue  # "Många Idrottsföreningar", "Vår Kulturförening"
        add(OrgMention(m.start(), m.end(), m.group(0), _WS.sub(" ", m.group(0)), "other", priority=5))
    for m in _ACRONYM_PLACE.finditer(text):
        acr, place = m.group(1), m.group(2)
        if acr in _party_abbreviations() or not (place in regions() or place in _municipality_names()):
            continue
        if re.match(r"[ \t]+\d", text[m.end() : m.end() + 3]) or _sentence_initial(text, m.start()) and acr == "I":
            continue
        tail = _CLUB_TAIL.match(text, m.end()) if acr in _CLUB_PREFIXES else None
        end = tail.end() if tail else m.end()  # "IK Mark Skidor", "IFK Skövde HK"
        add(OrgMention(m.start(), end, text[m.start() : end], _WS.sub(" ", text[m.start() : end]), "other", priority=5))
    for m in _word_before_place().finditer(text):
        place = m.group(2).split()[-1]  # "Samordningsförbundet Nordvästra Skåne": the part of a county
        if place.endswith("s") and place[:-1] in regions() and text[m.end() : m.end() + 4] == " län":
            end = m.end() + 4  # "Coompanion Jämtlands län"
        elif place in regions() or place in _municipality_names() or place == "Sverige":
            end = m.end()
        else:
            continue
        if text[m.start() : end] in by_form:
            continue  # "Fritidsbanken Sverige": the lexicon names it
        add(OrgMention(m.start(), end, text[m.start() : end], _WS.sub(" ", text[m.start() : end]), "other", priority=6))
    for m in _NAME_IN_PLACE.finditer(text) if " i " in text else ():
        word = m.group(1)
        if _sentence_initial(text, m.start()) or not _name_in_place_word(word):
            continue
        prev = _PREV_WORD.search(text, max(0, m.start() - 30), m.start())
        pw = prev.group(1) if prev else ""
        if pw[:1].isupper() or pw.casefold() in pats["generic_school_words"] or _DEFINITE_NOUN.search(pw):
            continue  # "Lovsimskolan Plask i Furuvik", "fritidsgårdarna Tegelbruket i Bagarmossen": a longer name
        if blocked_spans and SpanSet(blocked_spans).overlaps(m.start(), m.start() + len(word)):
            continue  # "Fisksätra i Nacka": a place
        add(OrgMention(m.start(), m.end(), m.group(0), _WS.sub(" ", m.group(0)), "other", priority=3))
    # a county's public transport company: "Länstrafiken i Norrbotten", "Länstrafiken Kronoberg"
    if "Länstrafiken" in text:
        for m in _COUNTY_TRANSPORT.finditer(text):
            add(OrgMention(m.start(), m.end(), m.group(0), _WS.sub(" ", m.group(0)), "company", priority=6))

    # courts and police areas: "Stockholms tingsrätt", "Förvaltningsrätten i Malmö", "Polisregion Syd"
    for m in _COURTS.finditer(text) if "tingsrätt" in text or "rätten" in text or "olis" in text else ():
        add(OrgMention(m.start(), m.end(), m.group(0), _WS.sub(" ", m.group(0)), "authority", priority=6))
    # sports clubs: "Hammarby IF", "Nacka HK"
    for m in _CLUB.finditer(text) if _has_any(text, _CLUB_SUFFIXES) else ():
        st = _lead_trim(text, m.start(), m.start(2))
        lead = text[st : m.start(2)].split()
        if len(lead) == 2 and _is_common(lead[0]) and re.search(r"(?:na|en|et)$", lead[0]):
            st = text.index(lead[1], st + len(lead[0]))  # "Idrottsföreningarna Västerås SK"
        if st < m.start(2):
            add(OrgMention(st, m.end(), text[st : m.end()], _WS.sub(" ", text[st : m.end()]), "other", priority=5))

    for m in _SPORTS_DISTRICT.finditer(text) if _has_any(text, ("RF-SISU", "FoU", "Högskolan")) else ():
        add(OrgMention(m.start(), m.end(), m.group(0), _WS.sub(" ", m.group(0)), "other", priority=6))
    for m in _CARE_CENTRE.finditer(text) if _has_any(text, ("central", "mottagning")) else ():
        if not _sentence_initial(text, m.start()):  # "Fyrens familjecentral": names are often nouns
            name = f"{m.group(1)} {m.group(2)}"
            add(OrgMention(m.start(), m.end(), m.group(0), name, "unit", priority=6))
    for m in _NAMED_SCHOOL.finditer(text) if _has_any(text, ("örskolan", "ritidsgården")) else ():
        if m.group(1) not in _municipality_names():  # "Förskolan Blåklinten", not "Förskolan Nacka"
            name = _ucfirst(_WS.sub(" ", m.group(0)))  # "förskolan Ljuset" → "Förskolan Ljuset"
            if m.group(0)[0].islower() and (m.group(1) in first_names() or m.group(1).casefold() in _stop_first()):
                continue
            add(OrgMention(m.start(), m.end(), m.group(0), name, "unit", priority=6))
    for m in _MEETING_PLACE.finditer(text) if "Mötesplats" in text else ():
        prev = _PREV_WORD.search(text, max(0, m.start() - 30), m.start())
        if prev and prev.group(1).casefold() in pats["not_organisation_before"]:
            continue  # "arbetsmetoden Mötesplats Unga": a method
        if blocked_spans and SpanSet(blocked_spans).overlaps(m.start(), m.end()):
            continue  # a programme's name
        if m.group(1).split()[-1] not in first_names():
            add(OrgMention(m.start(), m.end(), m.group(0), _WS.sub(" ", m.group(0)), "unit", priority=6))
    for m in _LIBRARY.finditer(text) if "bibliotek" in text or "länstrafik" in text else ():
        if _sentence_initial(text, m.start()) and _is_common(m.group(1)) or m.group(1).casefold() in _stop_first():
            continue
        add(OrgMention(m.start(), m.end(), m.group(0), _WS.sub(" ", m.group(0)), "other", priority=6))
    for m in _INSTITUTION.finditer(text) if _has_any(text, ("museet", "operan", "kliniken", "förbundet")) else ():
        if not _sentence_initial(text, m.start()) and not _is_common(m.group(0)):
            add(OrgMention(m.start(), m.end(), m.group(0), m.group(0), "other", priority=4))
    for m in _NAMED_CENTRE.finditer(text) if _has_any(text, ("centralen", "enheten", "mottagningen", "jouren")) else ():
        name = m.group(2)
        if name in first_names() or name.casefold() in _stop_first() or _verb_form(name.casefold()):
            continue  # "Enheten Anna …", "Mottagningen Har …" (a proper name may be a common noun: "Bryggan")
        kind = "other" if m.group(1).endswith("jouren") else "unit"  # "Kvinnojouren Tranan": an association
        add(OrgMention(m.start(), m.end(), m.group(0), _WS.sub(" ", m.group(0)), kind, priority=6))
    for m in _ACTION_GROUP.finditer(text) if "Leader " in text else ():
        if m.group(1).casefold() not in _stop_first() and m.group(1) not in first_names():
            add(OrgMention(m.start(), m.end(), m.group(0), m.group(0), "other", priority=6))
    # "enheten Vuxenstöd", "avdelningen Barn och familj": the name after the unit word
    for m in _NAMED_UNIT.finditer(text) if _has_any(text, ("enhet", "avdelning", "sektion")) else ():
        words = m.group(1).split()
        first = words[0]
        if first.casefold() in _DIRECTIONS or first in first_names() or first.casefold() in _stop_first():
            continue
        if first in _municipality_names() or canonical_compound(first) is not None:
            continue  # "enheten Nacka", "avdelningen Socialförvaltningen"
        end = m.end()
        last = words[-1]
        if len(words) > 1 and (
            last in pats["unit_phrase_stop"] or last in _stop_first() or last in _PREPOSITIONS or _verb_form(last)
        ):
            end = m.start(1) + len(first)  # "enheten Vuxenstöd och har": the name ends before "och"
        name = _WS.sub(" ", text[m.start(1) : end])
        add(OrgMention(m.start(1), end, text[m.start(1) : end], name, "unit", priority=6))
    for m in _GROUP_HOME.finditer(text) if "bostad" in text else ():
        st = _lead_trim(text, m.start(), m.start(2))
        words = text[st : m.start(2)].split()
        if not words or (_sentence_initial(text, st) and _is_common(words[0])) or words[-1] in _municipality_names():
            continue  # "Ny gruppbostad", "Nackas servicebostad"
        if words[0] in first_names() or words[0].casefold() in _determiners():
            continue
        stem = " ".join(words)
        if stem.endswith("s") and f"{stem[:-1]} {m.group(2)}" in text:
            stem = stem[:-1]  # "Tollare Ports servicebostad" where "Tollare Port servicebostad" is written
        add(OrgMention(st, m.end(), text[st : m.end()], f"{stem} {m.group(2)}", "unit", priority=6))
    for m in _CARE_HOME.finditer(text) if "boende" in text else ():
        word = m.group(1)
        stem = word[:-1] if word.endswith("s") else word
        if _sentence_initial(text, m.start()) and (_is_common(word.casefold()) or _is_common(stem.casefold())):
            continue  # "Kommunens vårdboende" (mid-sentence a capital marks a name: "på Ekbackens vårdboende")
        if word.casefold() in _determiners() or any(
            w in _municipality_names() or w in first_names() for w in (word, stem)
        ):
            continue  # "Nackas äldreboende": the town's residents
        name = _WS.sub(" ", m.group(0))
        add(OrgMention(m.start(), m.end(), m.group(0), name, "unit", priority=6))
    for m in _TOWN_BODY.finditer(text) if _has_any(text, ("råd", "jour", "ärcentrum")) else ():
        town, noun = m.group(1), m.group(2).split()[-1].casefold()
        if town.endswith("s") and town[:-1] in _municipality_names():
            town = town[:-1]
        water = noun.endswith("vattenråd") and m.group(1).endswith("s") and not _sentence_initial(text, m.start())
        # a capitalised council after a place or owner is a name: "Bara Ungdomsråd", "Ringsjöns Vattenråd"
        named = m.group(2)[:1].isupper() and not (_sentence_initial(text, m.start()) and _is_common(m.group(1)))
        named = named and m.group(1).casefold() not in _stop_first()
        if (town not in _municipality_names() and not water and not named) or noun in _patterns()["not_organisations"]:
            continue  # "Nackas kommunalråd": a role (but "Lagans vattenråd": a river's water council)
        add(OrgMention(m.start(), m.end(), m.group(0), _WS.sub(" ", m.group(0)), "other", priority=6))
    for m in _AREA_FEDERATION.finditer(text) if "förbund" in text else ():
        add(OrgMention(m.start(), m.end(), m.group(0), _WS.sub(" ", m.group(0)), "other", priority=6))
    for m in _AREA_FEDERATION_LOWER.finditer(text) if "förbund" in text else ():
        if m.group(1) in regions() or m.group(1) in _municipality_names():
            name = f"{m.group(1)}s {m.group(2)}"  # "Dalarnas kommunförbunds nätverk" → "Dalarnas kommunförbund"
            add(OrgMention(m.start(), m.end(), m.group(0), name, "other", priority=6))
    for m in _PLACE_INSTITUTION.finditer(text) if _has_any(text, _INSTITUTION_STEMS) else ():
        if m.group(1) in regions() or m.group(1) in _municipality_names():
            add(OrgMention(m.start(), m.end(), m.group(0), _WS.sub(" ", m.group(0)), "other", priority=6))
    for m in _HEAD_NAMED_UNIT.finditer(text) if _has_any(text, ("Sektor", "Avdelning", "sektor")) else ():
        first, end = m.group(1), m.end(1)
        signature = _SIGNATURE_COMMA.search(text, max(0, m.start() - 3), m.start()) and first.islower()
        if text[m.start()] == "s" and not signature:
            continue  # lower case only in a signature: "Oscar Ek, trafikstrateg, sektor samhällsbyggnad, 0303-…"
        if first.casefold() in _stop_first() or first.casefold() in _PREPOSITIONS or first in first_names():
            continue  # "Avdelning för …" (a unit phrase), "Avdelning Anna …"
        if _verb_form(first) or first.casefold() in _determiners():
            continue
        second = m.group(2)
        if second and (second.startswith("och") or _ADJECTIVE_END.search(first.casefold())):
            last = second.split()[-1]
            passive = last.endswith("s") and _verb_form(last[:-1] + "r") or _passive_form(last)  # "och berörs"
            if not (last in _stop_first() or _verb_form(last) or passive):
                end = m.end(2)  # "Sektor vård och omsorg", "Avdelning Regional utveckling"
        if first[:1].isupper() and end == m.end(1):
            continue  # "Avdelning Stab": a heading cell or a name the other patterns find
        span = text[m.start() : end]
        add(OrgMention(m.start(), end, span, _ucfirst(_WS.sub(" ", span)), "administration", priority=6))
    for m in _PLACE_ASSOCIATION.finditer(text) if "förening" in text else ():
        place = m.group(1)
        if place.casefold() in _stop_first() or place.casefold() in _determiners() or place in first_names():
            continue
        if _sentence_initial(text, m.start()) and _is_common(place):
            continue  # "Nya hembygdsförening …"
        name = f"{place} {m.group(2)}"
        add(OrgMention(m.start(), m.end(), m.group(0), _WS.sub(" ", name), "other", priority=6))
    for m in _ADJECTIVE_COUNCIL.finditer(text) if "rådet" in text else ():
        if not _sentence_initial(text, m.start()) or _wrapped_line(text, m.start()):
            add(OrgMention(m.start(), m.end(), m.group(0), _WS.sub(" ", m.group(0)), "committee", priority=7))
    for m in _HVB_HOME.finditer(text) if "HVB-hem" in text else ():
        if not _is_common(m.group(1).casefold()) or not _sentence_initial(text, m.start(1)):
            add(OrgMention(m.start(), m.end(), m.group(0), _WS.sub(" ", m.group(0)), "unit", priority=7))
    for m in _CENTRE_IN_PLACE.finditer(text) if _has_any(text, ("centralen i", "mottagningen i")) else ():
        add(OrgMention(m.start(), m.end(), m.group(0), _WS.sub(" ", m.group(0)), "unit", priority=6))
    for m in _HVB.finditer(text) if "HVB" in text else ():
        if not _is_common(m.group(1)):
            add(OrgMention(m.start(1), m.end(), m.group(1), f"HVB {m.group(1)}", "unit", priority=6))
    for m in _UNIVERSITY.finditer(text) if "niversitet" in text or "ögskola" in text else ():
        st = _lead_trim(text, m.start(), m.start(2))
        if st < m.start(2):
            add(OrgMention(st, m.end(), text[st : m.end()], _WS.sub(" ", text[st : m.end()]), "other", priority=6))
    for m in _MUNICIPALITY_CAPS.finditer(text) if "KOMMUN" in text or "STAD" in text else ():
        name = f"{m.group(1).title()} {m.group(2).lower()}"
        if name.casefold() in _municipality_self_names():
            add(OrgMention(m.start(), m.end(), m.group(0), name, "other", priority=6))

    # "<Place> stadsdelsnämnd", "Nacka kommun", "Stockholms stad", "Region Gotland"
    for m in _DISTRICT_BODY.finditer(text) if "stadsdels" in text else ():
        st = _lead_trim(text, m.start(), m.start(2))
        if st >= m.start(2):
            continue
        head = m.group(2)
        kind = "committee" if head.endswith("nämnd") else "administration"
        add(OrgMention(st, m.end(), text[st : m.end()], f"{text[st : m.start(2)].strip()} {head}", kind, priority=6))
    for m in _MUNICIPALITY.finditer(text) if _has_any(text, ("kommun", "stad", "Stad")) else ():
        st = _lead_trim(text, m.start(), m.start(2))
        if m.group(3) == "en" or st >= m.start(2) or text[st : m.start(2)].strip().casefold() == "region":
            continue
        if _ADJECTIVAL.search(text[st : m.start(2)].strip()):
            continue  # "Åldersvänlig kommun", "Hållbar stad"
        if m.group(2) == "stad" and not m.group(3) and is_town_of_kommun(text[st : m.start(2)].strip()):
            continue  # "i Rimbo och Norrtälje stad": the town of Norrtälje kommun, a place
        name = f"{text[st : m.start(2)].strip()} {m.group(2).lower()}"
        add(OrgMention(st, m.end(), text[st : m.end()], name, "other", priority=6))
    for m in _REGION.finditer(text) if "Region" in text else ():
        words, end = m.group(1).split(), m.end()
        if m.group(3) and len(words) == 1:  # "Region Jönköpings län", "Region Örebro län"
            county = words[0] if words[0].endswith("s") or not m.group(2) else f"{words[0]}s"
            add(OrgMention(m.start(), end, text[m.start() : end], f"Region {county} län", "other", priority=6))
            continue
        if m.group(3):
            end = m.end(2) if m.group(2) else m.end(1)
        known = regions() | _municipality_names()
        if len(words) == 2 and words[1].endswith("s") and words[1][:-1] in regions():
            words = [words[0], words[1][:-1]]  # "Region Jämtland Härjedalens vård"
        if len(words) == 2 and words[1] not in regions():  # only "Region Jämtland Härjedalen"
            end = m.start(1) + len(words[0])
            words = words[:1]
        if len(words) == 1 and words[0].endswith("s") and words[0][:-1] in known:
            words = [words[0][:-1]]  # "Region Skånes ansvar": the genitive of "Region Skåne"
        add(OrgMention(m.start(), end, text[m.start() : end], f"Region {' '.join(words)}", "other", priority=6))

    # "Kommunstyrelsens verksamhetsutskott", "Utbildningsnämndens arbetsutskott"
    for m in _SUBCOMMITTEE.finditer(text) if any(w in text for w in _SUBCOMMITTEE_OWNERS) else ():
        st, owner = m.start(), _ucfirst(m.group(1))
        co = _COORDINATED.search(text[max(0, st - 100) : st])
        if co:  # "Hälso- och sjukvårdsnämndens arbetsutskott"
            st -= len(co.group(1))
            owner = _ucfirst(text[st : m.start()] + m.group(1))
        add(OrgMention(st, m.end(), text[st : m.end()], f"{owner} {m.group(2)}", "committee", priority=7))
    # a unit of a named body: "Kommunstyrelsens juridiska enhet", "Socialnämndens kansli"
    for m in _OWNED_UNIT.finditer(text) if any(w in text for w in _SUBCOMMITTEE_OWNERS) else ():
        owner = _ucfirst(m.group(1))
        name = " ".join(w for w in (owner, m.group(2), m.group(3)) if w)
        add(OrgMention(m.start(), m.end(), m.group(0), _WS.sub(" ", name), "unit", priority=7))

    # an adjective and a definite body word: "tekniska nämnden", "Sociala resursförvaltningen"
    lex = _lexicon_patterns()
    for m in lex["adjective_body"].finditer(text) if _has_any(text, _BODY_WORDS) else ():
        prev = _PREV_WORD.search(text[max(0, m.start() - 20) : m.start()])
        if prev and prev.group(1).casefold() in _determiners():
            continue  # "den regionala nämnden": a description, not a name
        kind = "committee" if m.group(2).endswith(("nämnden", "styrelsen")) else "administration"
        name = _ucfirst(f"{m.group(1).lower()} {m.group(2)}")
        add(OrgMention(m.start(), m.end(), m.group(0), name, kind, priority=7))

    # companies by their word's ending, inside a sentence: "Familjebostäder", "Bostadsbolaget"
    for m in lex["company_word"].finditer(text) if _has_any(text, pats["company_word_endings"]) else ():
        if not _sentence_initial(text, m.start()):
            add(OrgMention(m.start(), m.end(), m.group(0), m.group(0), "company", priority=5))

    # a municipality's housing company: "Stockholmshem", "Uppsalahem" (not the district "Ålidhem")
    for m in _TOWN_HOME.finditer(text) if "hem" in text else ():
        if m.group(1) in _municipality_names() and not _sentence_initial(text, m.start()):
            add(OrgMention(m.start(), m.end(), m.group(0), m.group(0), "company", priority=5))

    # one-word compounds: Kommunstyrelsen, utbildningsförvaltningen, trygghetsrådet, Inköpsenheten
    # (a short text is first asked whether it holds a head at all, then whether any of its words
    # is one: most hold none)
    compounds = len(text) > 5000 or (
        _has_any(text, _head_roots()) and any(map(canonical_compound, _WORD.findall(text)))
    )
    for m in _WORD.finditer(text) if compounds else ():
        res = canonical_compound(m.group(0))
        if res is None or _in_address(text, m.start(), m.end()):
            continue  # "vastragotaland@lansstyrelsen.se": part of an e-mail address or a web address
        name, kind, base = res
        if _ACRONYM_PREFIX.match(name):  # "VA-avdelningen", "IT-enheten": its acronym gives the capital
            hit = _head_of(name)
            if hit is None or (not hit[2] and not _OWNER_BEFORE.search(text, max(0, m.start() - 60), m.start())):
                continue  # "en IT-avdelning": no name (but "Samhällsbyggnadsförvaltningens VA-avdelning")
            name = hit[1] + hit[0]["def"]
        generic = is_generic(base)
        start = m.start()
        co = _COORDINATED.search(text[max(0, start - 100) : start])
        if co:
            start -= len(co.group(1))
            name, generic = _ucfirst(text[start : m.start()] + name[:1].lower() + name[1:]), False
        add(OrgMention(start, m.end(), text[start : m.end()], name, kind, generic=generic, base=base, priority=2))
    # bare generic heads: "nämnden", "förvaltningen", "staden", "kommunen"
    for m in _BARE_GENERIC.finditer(text):
        base = _BARE_BASES[m.group(1).casefold()]
        add(
            OrgMention(
                m.start(),
                m.end(),
                m.group(0),
                _ucfirst(m.group(1).casefold()),
                "other",
                generic=True,
                base=base,
                priority=1,
            )
        )

    # "avdelningen för vuxna", "enheten för barn och unga"
    stop = set(pats["unit_phrase_stop"]) - {"och"}
    for m in lex["unit_phrase"].finditer(text) if _has_any(text, pats["unit_phrase_heads"]) else ():
        words: list[str] = []
        pos = m.end()
        end = pos
        last = 0
        for wm in _UNIT_WORD.finditer(text[pos : pos + 120]):
            if wm.start() != last:
                break  # a line break, a mark or an address between: the name has ended
            last = wm.end()
            w = wm.group(1)
            if w == "och":
                nxt = text[pos + wm.end() : pos + wm.end() + 30].split()
                if (
                    not nxt
                    or nxt[0] in stop
                    or nxt[0] in pats["unit_phrase_heads"]
                    or not nxt[0].islower()
                    or canonical_compound(nxt[0].strip(".,;:")) is not None
                ):
                    break
                words.append(w)
                continue
            if w in stop or not w.islower() or not w.replace("-", "").isalpha() or len(words) >= 6 or _verb_form(w):
                break
            if w.endswith("s") and len(w) > 4:
                words.append(w[:-1])  # a genitive ends the name: "enheten för fastighetsförvaltnings förslag"
                end = pos + wm.start(1) + len(w) - 1
                break
            words.append(w)
            end = pos + wm.start(1) + len(w)
            if wm.group(2):
                break
        while words and words[-1] == "och":
            words.pop()
        if not words:
            continue
        head = m.group(1).casefold()
        kind = "unit"
        add(
            OrgMention(
                m.start(), end, text[m.start() : end], _ucfirst(f"{head} för {' '.join(words)}"), kind, priority=6
            )
        )

    # schools: "Igelboda skola", "Hästhagens förskola", "Fisksätraskolan", "Järlahöjdens rektorsområde"
    for m in lex["school"].finditer(text) if _has_any(text, pats["school_heads"]) else ():
        if _SCHOOL_PLURAL_IN_NAME.search(m.group(1)):
            continue
        st = _lead_trim(text, m.start(), m.start(2))
        prefix = text[st : m.start(2)].split()
        if len(prefix) == 2 and (_is_common(prefix[0]) or _role_word(prefix[0])):
            st = text.index(prefix[1], st)
            prefix = prefix[1:]
        if st >= m.start(2) or not prefix:
            continue
        if len(prefix) == 1 and _inflected_common(prefix[0]) and _sentence_initial(text, st):
            continue  # "Siffror skola och förskola" (a heading)
        if len(prefix) == 1 and prefix[0].endswith(("ande", "ende", "are")) and _inflected_common(prefix[0]):
            continue  # "Skapande skola", "Friskare förskola": a programme or project, no school
        if len(prefix) == 1 and _ADJECTIVAL.search(prefix[0]) and _is_common(prefix[0].casefold()):
            continue  # "Likvärdig skola", "Hållbar förskola": a programme's name
        name = f"{' '.join(prefix)} {m.group(2)}"
        add(OrgMention(st, m.end(), text[st : m.end()], name, "unit", priority=5))
    for m in lex["school_plural"].finditer(text) if _has_any(text, pats["school_plural_heads"]) else ():
        prefix = m.group(1)
        if "-" in prefix or _DEFINITE_GENITIVE.search(prefix):
            add(OrgMention(m.start(), m.end(), m.group(0), f"{prefix} {m.group(2)}", "unit", priority=5))
    folded_text: str | None = None
    for m in lex["school_compound"].finditer(text) if _has_any(text, pats["school_compound_heads"]) else ():
        word = (m.group(1) + m.group(2)).casefold()
        if m.group(1).casefold() in _determiners() or word in pats["generic_school_words"]:
            continue
        if m.group(3) and m.group(1).endswith("s"):
            folded_text = text.casefold() if folded_text is None else folded_text
            if (m.group(1)[:-1] + m.group(2)).casefold() in folded_text:
                continue
        st, name = m.start(), m.group(1) + m.group(2)
        first = _FIRST_NAME_BEFORE.search(text, max(0, st - 30), st)
        if first and _name_part_before(text, first.start(1), first.group(1)):
            st, name = first.start(1), f"{first.group(1)} {name}"  # "Hjalmar Lundbohmsskolan"
        add(OrgMention(st, m.end(), text[st : m.end()], name, "unit", priority=4))

    # foundations, associations: "Stiftelsen Viktor Rydbergs skolor"
    for m in lex["foundation"].finditer(text) if _has_any(text, pats["foundation_heads"]) else ():
        name = _WS.sub(" ", m.group(0))
        if m.group(1) == "Föreningen" and len(m.group(2).split()) >= 2 and " i " not in name and not m.group(3):
            name = name.split(" ", 1)[1]  # "Föreningen Hela Människan Luleå": the association's name follows
        add(OrgMention(m.start(), m.end(), m.group(0), name, "other", priority=7))

    # companies: "Pedagogpoolen i Sverige AB", "AB Stockholmshem"
    has_ab = "AB" in text
    for m in _AB.finditer(text) if has_ab else ():
        st = _company_start(text, m.start())
        if st is None or len(text[st : m.end()].split()) < 2:
            continue
        words = text[st : m.start()].split()
        tail = _AB_TAIL.match(text[m.end() : m.end() + 40])
        if tail and tail.group(0).strip().casefold() in _stop_first():
            tail = None
        if len(words) == 1 and _is_common(words[0]) and not tail:
            continue  # "Energi AB": the rest of the name is on another line
        if "och" in words:  # "Region Uppsala och Uppsalahem AB": two organisations
            before_och = words[: words.index("och")]
            # "Kusten-Ådalen och Härnösandshus AB" (not "Svenska Bostäder och Fastigheter AB")
            one_word = len(words) - words.index("och") == 2 and not _is_common(words[-1])
            if one_word or before_och[0] in pats["company_stop_words"] or before_och[-1] in pats["company_stop_words"]:
                st = text.index(words[words.index("och") + 1], st + len(" ".join(before_och)))
                words = text[st : m.start()].split()
        lead_noun = len(words) >= 2 and words[1][:1].isupper() and re.search(r"(?:en|et)$", words[0])
        if lead_noun and _common_compound(words[0]):
            st = text.index(words[1], st + len(words[0]))  # "Fastighetsägaren Mölndalsbostäder AB"
        end = m.end() + (tail.end() if tail else 0)  # "Förvaltnings AB Framtiden"
        add(OrgMention(st, end, text[st:end], _WS.sub(" ", text[st:end]), "company", priority=7))
    for m in _AB_FIRST.finditer(text) if has_ab else ():
        add(OrgMention(m.start(), m.end(), m.group(0), m.group(0), "company", priority=7))

    # NER ORG entities (not where a place or a programme was found)
    blocked = SpanSet(blocked_spans)
    for s, e in org_spans or []:
        if blocked.overlaps(s, e) and not (" " in text[s:e] and _ORG_NOUN_END.search(text[s:e])):
            continue  # but "Västerås konstmuseum" holds the place "Västerås" and is an organisation
        t = text[s:e]
        if t.endswith(":s"):
            t, e = t[:-2], e - 2
        stripped = t.rstrip("”\"'’.,;:")
        t, e = stripped, s + len(stripped)
        if _plausible_ner_org(text, s, t):
            add(OrgMention(s, e, t, _WS.sub(" ", t).strip(" ,.;:"), "other", priority=0))

    kept = _resolve_overlaps(out)
    # acronyms coordinated with organisations: "Fastighetsägare, polis, MTR, trafikförvaltningen"
    kept += _listed_acronyms(text, kept, programme_acronyms or set(), {p["text"] for p in parties})
    return with_place_suffix(text, _resolve_overlaps(kept))


_PLACE_SUFFIX = re.compile(rf" (i )?({CAPWORD}(?: län)?)(?![\w-]| {CAPWORD})")
_COMPASS = frozenset("nord syd öst väst nordost nordväst sydost sydväst".split())
_UNSUFFIXED_KINDS = frozenset({"party", "authority"})


@lru_cache(maxsize=4096)
def _common_noun(word: str) -> bool:
    """Whether ``word`` is a Swedish common noun or a compound of two ("Naturskolan",
    "Trygghetscentralen"), not a proper name's compound ("Vrinnevisjukhuset", "Vegaskolan")."""
    w = word.casefold()
    if " " in w or not w.isalpha():
        return False
    if is_common_word(w):
        return True
    for i in range(3, len(w) - 3):
        head, tail = w[:i], w[i:]
        if is_common_word(tail) and (is_common_word(head) or (head.endswith("s") and is_common_word(head[:-1]))):
            return True
    return False


def with_place_suffix(text: str, mentions: list[OrgMention]) -> list[OrgMention]:
    """Extend organisation names by the place they serve: "Kulturskolan Hudiksvall",
    "Barnahus Kalmar län", "Naturskolan i Ystad", "Socialnämnden Nordost"; a bare "Kulturskolan"
    elsewhere in the text is then that organisation. Bodies take compass suffixes only; "i <place>"
    only follows a unit named by common nouns ("Socialnämnden i Kalmar", "Vrinnevisjukhuset i
    Norrköping" stay as they are)."""
    places = _municipality_names() | regions()
    extended: dict[str, set[str]] = {}
    out = []
    for m in mentions:
        suffix = _PLACE_SUFFIX.match(text, m.end)
        if suffix and m.kind not in _UNSUFFIXED_KINDS and not m.generic and m.name == _WS.sub(" ", m.text):
            place = suffix.group(2)
            body = m.kind in ("committee", "administration")
            common_unit = m.kind == "unit" and _common_noun(m.name)
            ok = place.casefold() in _COMPASS if body else (
                place.removesuffix(" län") in places and (not suffix.group(1) or common_unit)
            )
            if ok and not any(o.start < suffix.end() and m.end < o.end for o in mentions if o is not m):
                name = f"{m.name}{suffix.group()}"
                extended.setdefault(m.name, set()).add(name)
                m = OrgMention(m.start, suffix.end(), text[m.start : suffix.end()], name, m.kind, m.acronym,
                               base=None, priority=m.priority)
        out.append(m)
    for m in out:  # the bare head elsewhere: "Kulturskolan" of "Kulturskolan Hudiksvall"
        names = extended.get(m.name)
        if names and len(names) == 1:
            m.name = next(iter(names))
    return out


_UNION_CUE = re.compile(
    r"(?<![\w-])(?:fack|facket|fackliga?|fackförbund\w*|MBL|samverkan\w*|samverkansgrupp\w*|förhandl\w*"
    r"|(?:huvud)?skyddsombud\w*|arbetstagarorganisation\w*|personalorganisation\w*|kollektivavtal\w*)(?![\w-])",
    re.IGNORECASE,
)


def _union_context(
    text: str, start: int, end: int, hits: list[re.Match[str]], by_form: dict[str, dict[str, Any]]
) -> bool:
    """Whether a union name that is also a word ("Kommunal", "Vision") names the union: inside
    a sentence, with another union or a labour-relations word ("fackliga", "MBL",
    "samverkansgruppen") within 300 characters."""
    if _sentence_initial(text, start) or re.match(r"[ \t]*\d", text[end : end + 4]):
        return False
    lo, hi = max(0, start - 300), end + 300
    own = by_form[text[start:end]]["name"]
    for h in hits:
        org = by_form[h.group(0)]
        if lo <= h.start() < hi and org.get("union") and org["name"] != own:
            return True
    return bool(_UNION_CUE.search(text, lo, hi))


def _name_in_place_word(word: str) -> bool:
    """Whether a capitalised word inside a sentence can start a name "<word> i <Place>"
    ("Kultur i Väst", "Lasarettet i Motala"): no first name, function word, municipality or
    organisation compound of its own ("Kommunstyrelsen i Nacka" is the board)."""
    if word in first_names() or word.casefold() in _stop_first() or word.casefold() in _determiners():
        return False
    if word in _municipality_names() or word in regions() or word.casefold() in _PREPOSITIONS:
        return False
    if canonical_compound(word) is not None or _verb_form(word) or _role_word(word):
        return False
    low = word.casefold()
    if low.endswith(tuple(_patterns()["school_compound_heads"])) or low in _patterns()["generic_school_words"]:
        return False  # "Skolan i Fisksätra", "Vegaskolan i Vega"
    # a common noun that needs its place to be a name ("Kultur", "Lasarettet", "Konstmuseet"), or
    # a compound ending in a service noun ("Fritidsbanken", "Närsjukvården"); not "Vrinnevisjukhuset"
    return _is_common(word) or low.endswith(_SERVICE_NOUNS)


_SERVICE_NOUNS = ("banken", "vården", "jouren")
_TOWN_HOME = re.compile(rf"([{UP}](?<![\w-].)[{LO}]+?)s?hem(?![\w-])")
#: a lower-case noun in the definite form before a name in apposition ("förskolan Ljuset")
_DEFINITE_NOUN = re.compile(rf"^[{LO}]{{3,}}(?:en|et|na)$")
_FIRST_NAME_BEFORE = re.compile(rf"(?<![\w-])([{UP}][{LO}]+)[ \t]$")
# hospitals: "Vrinnevisjukhuset", "Karolinska Universitetssjukhuset", "Mölndals sjukhus"
_HOSPITAL = re.compile(
    rf"(?:({CAPWORD})[ \t]+)?([{UP}](?<![\w-].)[{LO}]{{3,}}sjukhuset)(?![\w-])"
    rf"|({CAPSTART}s?)[ \t]+(?:sjukhus|lasarett)(?![\w-])"
)
def _defined_otherwise(text: str, acronym: str, name: str) -> bool:
    """Whether ``text`` defines ``acronym`` in brackets after words that are not ``name``'s and
    whose initials spell it ("Vallentuna läser (VL)"; not "Medborgarundersökningen (SCB)", a source)."""
    at = text.find(f"({acronym})")
    if at < 0:
        return False
    before = text[max(0, at - 60) : at].casefold()
    words = re.findall(r"[\wåäö]+", before)[-len(acronym) :]
    spelled = "".join(w[0] for w in words) == acronym.casefold()
    return spelled and not any(w.casefold()[:6] in before for w in name.split() if len(w) > 3)


# a regional division after an authority's name: "Trafikverket Region Syd"
_DIVISION = re.compile(rf"[ \t]+Region[ \t]+{CAPWORD}(?![\w-])")
# a place right after a national organisation's name: "Fastighetsägarna Stockholm"
_LOCAL_BRANCH = re.compile(rf"[ \t]+(i[ \t]+)?({CAPWORD})(?:[ \t]+län)?(?![\w-])")


def _name_part_before(text: str, start: int, word: str) -> bool:
    """Whether a capitalised word right before a school's name is part of it: a first name, or
    a word inside a sentence that is no common word, place or organisation ("Hjalmar
    Lundbohmsskolan"; not "Vid Fisksätraskolan", "Nacka Fisksätraskolan")."""
    if word in first_names():
        return True
    if _sentence_initial(text, start) or _is_common(word) or _common_compound(word) or word.casefold() in _stop_first():
        return False  # "Likvärdighetsgaranti Fisksätraskolan": a common compound
    return word not in _municipality_names() and word not in regions() and canonical_compound(word) is None


@cache
def _party_abbreviations() -> frozenset[str]:
    return frozenset(p["abbr"] for p in read_json("parties.json").get("parties", []))


@cache
def _word_before_place() -> re.Pattern[str]:
    """ "Samordningsförbundet Eskilstuna", "Mansjouren Östergötland": a body's word and the
    county or town it serves (``place_patterns.json``: organisation_words_before_place)."""
    words = read_json("place_patterns.json")["organisation_words_before_place"]
    caps = sorted({w[:1].upper() + w[1:] for w in words if w.isalpha() and w not in ("region", "regionen")}, key=len)
    # an acronym of the body's own may come between: "Samordningsförbundet RAR i Sörmland"
    return re.compile(
        rf"({_at_start(reversed(caps))})[ \t]+(?:[{UP}]{{2,5}}[ \t]+(?:i[ \t]+)?)?"
        rf"((?:{_DIRECTION_WORDS}[ \t]+)?{CAPWORD})(?![\w-])"
    )


@cache
def _municipality_names() -> frozenset[str]:
    return frozenset(municipalities())


@cache
def _municipality_self_names() -> frozenset[str]:
    return frozenset(own.casefold() for own in municipalities().values())


def _in_address(text: str, start: int, end: int) -> bool:
    """Whether the word at ``start:end`` is part of an e-mail or web address ("namn@lansstyrelsen.se")."""
    before, after = text[max(0, start - 1) : start], text[end : end + 2]
    return before in ("@", ".", "/") or after[:1] == "@" or (after[:1] == "." and after[1:].isalpha())


def _is_common(word: str) -> bool:
    from nlpkommun.components.persons import is_common_word

    return is_common_word(word)


def _verb_form(word: str) -> bool:
    """A finite or participle verb form ("föreslår", "daterad", "anser"): its lemma is an
    infinitive (ends in a vowel) and the form ends like a verb."""
    from nlpkommun.lemmatizer import lemma_table

    lemma = lemma_table().get(word.casefold())
    if lemma is None or lemma == word.casefold():
        return False
    return lemma[-1] in "aåeiouy" and bool(re.search(r"(?:r|ad|at|ade|de|te|t)$", word))


def _passive_form(word: str) -> bool:
    """An s-passive verb form ("berörs", "hanteras"): its lemma is an infinitive."""
    from nlpkommun.lemmatizer import lemma_table

    lemma = lemma_table().get(word.casefold())
    return lemma is not None and word.endswith("s") and lemma[-1] in "aåeiouy" and lemma != word.casefold()


def _inflected_common(word: str) -> bool:
    """An inflected form of a common word ("Siffror"), not a genitive name ("Vilans")."""
    from nlpkommun.lemmatizer import lemma_table

    low = word.casefold()
    lemma = lemma_table().get(low)
    return lemma is not None and lemma != low and not low.endswith("s")


def _role_word(word: str) -> bool:
    from nlpkommun.components.persons import role_of_words

    return role_of_words([word]) is not None


def _wrapped_line(text: str, pos: int) -> bool:
    """Whether ``pos`` starts a line that goes on the sentence of the line before (that line
    ends in a lower-case word: "… och i⏎Samiska rådet den 11 juni")."""
    before = text[max(0, pos - 40) : pos]
    return bool(re.search(rf"[{LO}][ \t]*\n[ \t]*$", before))


def _sentence_initial(text: str, pos: int) -> bool:
    """Whether ``pos`` starts a sentence, line or list item."""
    before = text[max(0, pos - 6) : pos].rstrip(" \t")
    return not before or before[-1] in ".!?:\n•–-" or bool(re.search(r"(?:^|\n)\s*\d+[.)]?$", before))


def _plausible_ner_org(text: str, start: int, t: str) -> bool:
    """Filter NER ORG spans: no headings in capitals, common words, table headers."""
    from nlpkommun.components.persons import is_common_word

    words = t.split()
    if len(t) < 2 or "\n" in t or not t[0].isupper() or not words:
        return False
    if all(w.isupper() for w in words):
        return False  # headings ("BEVIS OM ANSLAGSDAG") and unexplained acronyms
    if len(words) >= 2 and words[0] in first_names():
        return False  # "Maria Sandelin-Hr": a person
    if any(w.casefold() in _stop_first() and not (w == "och" and i and words[i - 1].endswith("-"))
           for i, w in enumerate(words)):
        return False  # but "Sydsvenska Industri- och Handelskammaren", "Barn- och ungdomspsykiatrin"
    prev = _PREV_WORD.search(text[max(0, start - 30) : start])
    if prev and prev.group(1).casefold() in _patterns()["not_organisation_before"]:
        return False  # "appen Västerås Fritid", "projektet Framtid Norr": a product or a project
    if len(words) == 1:
        w = words[0]
        if w.endswith("-") or _role_word(w) or (len(w) > 8 and re.search(r"(?:en|et|na|erna|arna|orna|ena)$", w)):
            return False  # "Avtalsspärren", "Fokusområden": common nouns in the definite form
        if re.search(r"(?:vägen|gatan|torget|plan|parken|backen|stigen|gränd|allén)$", w):
            return False
        initial = _sentence_initial(text, start) and w[1:].islower()
        if (w.endswith("s") and len(w) > 4) or initial or _common_compound(w):
            return False  # genitives, sentence starts, "Markanvisningstävling", "Behovsprognos"
    if any(_verb_form(w) for w in words[1:]):
        return False  # "Skanska följer"
    if re.fullmatch(r"(?:Nord|Syd|Norra|Södra|Östra|Västra|Nordöstra|Nordvästra|Sydöstra|Sydvästra)", words[0]):
        return False  # "Sydöstra Älta": a place (but "Sydsvenska Industri- och Handelskammaren")
    if re.fullmatch(rf"[{UP}]{{2,}}-[{LO}]+", words[-1]):
        return False  # "VA-taxa"
    if len(words) >= 2 and _role_word(words[-1]) and _head_of(words[-1]) is None:
        return False  # a title: "Kultur- och fritidsdirektör", "Barn- och grundskoldirektör"
    if len(words) >= 2 and words[-1] in _CERTIFICATION_LEVELS:
        return False  # a certification and its level: "Miljöbyggnad Silver"
    last = words[-1]
    after = text[start + len(t) : start + len(t) + 3]
    if len(words) >= 2 and re.search(r"(?:iska|ska|liga)$", last) and re.match(r"[ \t]+[a-zåäö]", after):
        return False  # "Borås Stads Idrottspolitiska program": an adjective cut from its noun
    if len(words) >= 2 and last.islower() and is_common_word(last) and _head_of(last) is None:
        if not _ORG_NOUN_END.search(last):
            return False  # "Stockholmsregionens norra"
    common = [is_common_word(w) for w in words]
    if all(common) or common[0]:
        # unless an organisation noun ends it: "Sydsvenska Industri- och Handelskammaren"
        return len(words) >= 2 and bool(_ORG_NOUN_END.search(last.casefold())) and not last.islower()
    return True


def _common_compound(word: str) -> bool:
    """A lower-case compound ending in a common word ("Gatukostnadsutredning" → "utredning")."""
    from nlpkommun.components.persons import is_common_word

    if not word[1:].islower():
        return False  # "AcadeMedia"
    low = word.casefold()
    if is_common_word(low):
        return True
    return any(is_common_word(low[i:]) for i in range(3, len(low) - 3))


@cache
def _determiners() -> frozenset[str]:
    return frozenset(_patterns()["determiners"])


@cache
def _stop_first() -> frozenset[str]:
    return frozenset(_patterns()["leading_function_words"])


_PREPOSITIONS = frozenset("inom hos vid av om på under enligt mellan genom utanför efter före bland".split())


def _lead_trim(text: str, start: int, end: int) -> int:
    """Start of a capitalised phrase after dropping leading heading/function words ("Inom Nacka")."""
    for m in re.finditer(r"\S+", text[start:end]):
        w = m.group(0).casefold()
        if w in _stop_first() or w in _determiners() or w in _PREPOSITIONS:
            continue
        return start + m.start()
    return end


def _company_start(text: str, ab_start: int) -> int | None:
    """Start of a company name that ends just before "AB" at ``ab_start``, walking back over
    capitalised words and acronyms, connectors ("i", "&", English "in"/"of"/"for": "Tourism in
    Skåne AB") and one lower-case word after a capitalised one ("Stena fastigheter AB"). An
    "och" joins two words of one name ("Lindström och Son AB") but not two names: it stops the
    walk where the name after it already has two words ("Handelskammaren och Almi
    Företagspartner Skåne AB")."""
    line_start = text.rfind("\n", 0, ab_start) + 1
    toks = list(re.finditer(r"\S+", text[line_start:ab_start]))
    start = None
    i = len(toks) - 1
    lower_ok = False  # a lower-case word before "i": "Tekniska verken i Kiruna AB"
    while i >= 0:
        w = toks[i].group(0)
        if w.startswith("(") and re.fullmatch(CAPWORD, w[1:]):  # "HFAB (Halmstads Fastighets AB)"
            return line_start + toks[i].start() + 1
        if re.fullmatch(CAPWORD, w) or re.fullmatch(rf"[{UP}]{{2,6}}", w):
            if w.casefold() in _stop_first() or w.casefold() in _determiners() or w.casefold() in _PREPOSITIONS:
                break
            start = line_start + toks[i].start()
        elif w in ("i", "&", "och", "in", "of", "for") or (
            (i == len(toks) - 1 or lower_ok) and re.fullmatch(rf"[{LO}]+", w)
        ):
            lower_ok = False
            if w == "i" and i >= 2 and re.fullmatch(rf"[{LO}]+", toks[i - 1].group(0)):
                if re.fullmatch(CAPWORD, toks[i - 2].group(0)) and start is not None:
                    lower_ok = True
                    i -= 1
                    continue
            if i == 0 or not re.fullmatch(CAPWORD, toks[i - 1].group(0)):
                break
            if w == "och" and len(toks) - 1 - i >= 2:
                break
        else:
            break
        i -= 1
    return start


def _resolve_overlaps(ms: list[OrgMention]) -> list[OrgMention]:
    ms = sorted(ms, key=lambda m: (-(m.end - m.start), -m.priority, m.start))
    kept: list[OrgMention] = []
    used = bytearray(max((m.end for m in ms), default=0) + 1)
    for m in ms:
        if any(used[m.start : m.end]):
            continue
        used[m.start : m.end] = b"\x01" * (m.end - m.start)
        kept.append(m)
    kept.sort(key=lambda m: m.start)
    return kept


#: lower-case last words of an organisation's name ("Västerås konstmuseum", "Luleå tekniska
#: universitet", "Barn- och ungdomspsykiatrin", "Västmanlands läns museum")
_ORG_NOUN_END = re.compile(
    r"(?:förening|förbund|fastigheter|kooperativ|stiftelse|museum|museet|bibliotek|biblioteket|universitet"
    r"|universitetet|högskola|högskolan|konsthall|konsthallen|arkiv|arkivet|teater|teatern|akademi|akademien"
    r"|institut|institutet|sällskap|sällskapet|kammare|kammaren|psykiatri|psykiatrin|klinik|kliniken"
    r"|mottagning|mottagningen|vårdcentral|vårdcentralen|familjecentral|familjecentralen)$"
)
_ACRONYM = re.compile(rf"([{UP}](?<![\w-].)[{UP}]{{1,4}})(?![\w-]|:)")


def _listed_acronyms(text: str, kept: list[OrgMention], skip: set[str], party_texts: set[str]) -> list[OrgMention]:
    out: list[OrgMention] = []
    used = bytearray(len(text) + 1)
    for k in kept:
        used[k.start : k.end] = b"\x01" * (k.end - k.start)
    for m in _ACRONYM.finditer(text):
        acr = m.group(1)
        if acr in skip or acr in party_texts or used[m.start()]:
            continue
        before = text[max(0, m.start() - 3) : m.start()]
        after = text[m.end() : m.end() + 5]
        if re.match(r"\s*\d", after):
            continue  # a diarienummer prefix: "KFKS 2018/44"
        if not (re.search(r",\s*$", before) or re.match(r"\s*,", after)):
            continue
        # a neighbour in the enumeration must be an organisation
        near = [k for k in kept if not k.generic and (0 <= m.start() - k.end <= 4 or 0 <= k.start - m.end() <= 4)]
        if near:
            out.append(OrgMention(m.start(), m.end(), acr, acr, "other", acronym=acr, priority=1))
    return out


def school_key(name: str) -> str | None:
    """A spelling-independent key of a school name, or None for other names:
    "Fisksätra skola", "Fisksätraskolan" and "Fisksätraskolenhet" → "fisksätraskola"."""
    low = re.sub(r"[\s-]+", "", name.casefold())
    m = re.fullmatch(r"(.{3,}?)s?(skola|skolan|skolenhet|skolenheten)", low)
    if m is None or m.group(1).endswith("för"):
        return None
    return m.group(1) + "skola"


def compound_initials(name: str) -> str:
    """Initials of a name's words and compound parts: "Kommunstyrelsens verksamhetsutskott" →
    "KSVU", "Kommunstyrelsen" → "KS"."""
    out = []
    for word in name.split():
        hit = _head_of(word)
        if hit and len(hit[1]) >= 3:
            out.append(hit[1][0] + hit[0]["indef"][0])
        elif word[:1].isalpha():
            out.append(word[0])
    return "".join(out).upper()


def _is_word_char(c: str) -> bool:
    """``[\\w-]`` of the ``re`` module."""
    return c.isalnum() or c in "_-"


def _word_occurrences(text: str, word: str) -> list[int]:
    """Offsets of ``word`` (word characters) standing alone: ``(?<![\\w-])word(?![\\w-])``
    without compiling a pattern for each word."""
    out = []
    i = text.find(word)
    while i >= 0:
        j = i + len(word)
        if (i == 0 or not _is_word_char(text[i - 1])) and (j == len(text) or not _is_word_char(text[j])):
            out.append(i)
        i = text.find(word, i + 1)
    return out


_ACRONYM_BEFORE = re.compile(rf"(?<![\w-])([{UP}]{{2,6}})[ \t]*\([ \t]*$")
_DEFINED_ACRONYM = re.compile(rf"[ \t]*\(([{UP}][{UP}a-zåäö]{{1,5}})\)")


def _add_defined_acronym(item: dict[str, Any], text: str) -> None:
    """ "Kommunala pensionärsrådet (KPR)": the letters become the acronym, and their other
    occurrences mentions of the organisation."""
    for m in list(item["mentions"]):
        d = _DEFINED_ACRONYM.match(text[m["end"] : m["end"] + 12])
        if not d or not d.group(1)[-1].isupper():
            # "HFAB (Halmstads Fastighets AB)": the letters before the bracketed name
            d = _ACRONYM_BEFORE.search(text, max(0, m["start"] - 12), m["start"])
            if not d or text[m["end"] : m["end"] + 1] != ")" or not _spells(d.group(1), item["name"]):
                continue
        acr = d.group(1)
        if item.get("acronym") is None:
            item["acronym"] = acr
        if item["acronym"] != acr:
            return
        taken = {(x["start"], x["end"]) for x in item["mentions"]}
        for a in _word_occurrences(text, acr):
            if (a, a + len(acr)) not in taken:
                item["mentions"].append({"text": acr, "start": a, "end": a + len(acr)})
        item["mentions"].sort(key=lambda x: x["start"])
        return


def group_organisations(mentions: list[OrgMention], text: str | None = None) -> list[dict[str, Any]]:
    """Group mentions into Organisation-shaped dicts, merging generic and definite forms into
    the one named organisation they refer to."""
    named: dict[str, dict[str, Any]] = {}
    order: list[str] = []
    keys = {m.name.casefold() for m in mentions if not m.generic}
    for m in mentions:
        if m.generic:
            continue
        if m.name.endswith("s") and m.name[:-1].casefold() in keys:
            m.name = m.name[:-1]  # "Boo Energis" → "Boo Energi"
        key = m.name.casefold()
        if key not in named:
            named[key] = {"name": m.name, "kind": m.kind, "acronym": m.acronym, "mentions": [], "_base": m.base}
            order.append(key)
        item = named[key]
        item["acronym"] = item["acronym"] or m.acronym
        item["mentions"].append({"text": m.text, "start": m.start, "end": m.end})

    def targets(base: str) -> list[str]:
        hits = []
        for key in order:
            words = key.split()
            last = words[-1]
            if len(words) >= 2 and (last == base or (last.endswith(base) and last != base and len(base) > 6)):
                hits.append(key)
        if not hits:
            hits = [k for k in order if k.split()[-1].endswith(base) and k != base]
        return hits

    # a one-word definite form ("verksamhetsutskottet") joins a multi-word name ending in its base
    for key in list(order):
        item = named[key]
        base = item.get("_base")
        if not base or " " in key:
            continue
        t = [k for k in order if k != key and len(k.split()) >= 2 and k.split()[-1] == base]
        if len(t) == 1:
            named[t[0]]["mentions"].extend(item["mentions"])
            order.remove(key)
            del named[key]
    for m in mentions:
        if not m.generic or not m.base:
            continue
        t = targets(m.base)
        if len(t) == 1:
            named[t[0]]["mentions"].append({"text": m.text, "start": m.start, "end": m.end})
    # one school written apart and together: "Fisksätra skola" / "Fisksätraskolan" / "Fisksätraskolenhet"
    by_school: dict[str, str] = {}
    for key in list(order):
        sk = school_key(named[key]["name"])
        if sk is None:
            continue
        if sk in by_school:
            keep = by_school[sk]
            if len(named[key]["mentions"]) > len(named[keep]["mentions"]):
                keep, key = key, keep
                by_school[sk] = keep
            named[keep]["mentions"].extend(named[key]["mentions"])
            named[keep]["mentions"].sort(key=lambda x: x["start"])
            order.remove(key)
            del named[key]
        else:
            by_school[sk] = key
    # a bare acronym that abbreviates a compound name in the document: "KS" → Kommunstyrelsen
    for key in list(order):
        item = named[key]
        acr = item["name"]
        if not (item["acronym"] == acr and acr.isupper() and 2 <= len(acr) <= 5):
            continue
        t = [k for k in order if k != key and compound_initials(named[k]["name"]) == acr]
        if len(t) == 1:
            named[t[0]]["mentions"].extend(item["mentions"])
            named[t[0]]["acronym"] = named[t[0]]["acronym"] or acr
            order.remove(key)
            del named[key]
    # an acronym before its long form in brackets: "HFAB (Halmstads Fastighets AB)"
    for key in list(order):
        item = named[key]
        acr = item["name"]
        if text is None or not (acr.isupper() and 2 <= len(acr) <= 6 and item["acronym"] in (None, acr)):
            continue
        t = [
            k for k in order
            if k != key and _spells(acr, named[k]["name"])
            and any(_bracketed_after(text, a, b) for a in item["mentions"] for b in named[k]["mentions"])
        ]
        if len(t) == 1:
            named[t[0]]["mentions"].extend(item["mentions"])
            named[t[0]]["acronym"] = named[t[0]]["acronym"] or acr
            order.remove(key)
            del named[key]
    # a lexicon name and the one longer name that starts with it: "Länsstyrelsen" and
    # "Länsstyrelsen i Hallands län", "Polisen" and "Polisen i Sundsvall"
    lexicon_names = {o["name"].casefold() for o in _authorities()}
    for key in list(order):
        if key not in lexicon_names:
            continue
        t = [
            k for k in order
            if k != key and k.startswith(key + " ") and " region " not in k and k not in lexicon_names
        ]  # but "Fritidsbanken" and "Fritidsbanken Sverige" are two lexicon organisations
        if len(t) == 1:
            named[t[0]]["mentions"].extend(named[key]["mentions"])
            order.remove(key)
            del named[key]
    out = []
    for key in order:
        item = named[key]
        item.pop("_base", None)
        if text is not None:
            _add_defined_acronym(item, text)
        item["mentions"].sort(key=lambda x: x["start"])
        out.append(item)
    return out


def _spells(acr: str, name: str) -> bool:
    """Whether the letters of an acronym occur in order in a name, the first one starting it
    ("HFAB" in "Halmstads Fastighets AB")."""
    low = name.casefold()
    if not low.startswith(acr[0].casefold()):
        return False
    pos = 1
    for c in acr[1:].casefold():
        pos = low.find(c, pos) + 1
        if pos == 0:
            return False
    return True


def _bracketed_after(text: str, a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Whether mention ``b`` stands in brackets right after mention ``a``."""
    between = text[a["end"] : b["start"]]
    return re.fullmatch(r"[ \t]*\([ \t]*", between) is not None and text[b["end"] : b["end"] + 1] == ")"


def find_organisations(
    text: str,
    parties: list[dict[str, Any]] | None = None,
    org_spans: list[tuple[int, int]] | None = None,
    programme_acronyms: set[str] | None = None,
    blocked_spans: list[tuple[int, int]] | None = None,
) -> list[dict[str, Any]]:
    """Organisation-shaped dicts for ``text``. ``blocked_spans`` (place and programme mentions)
    keep NER ORG entities out."""
    mentions = find_organisation_mentions(text, parties, org_spans, programme_acronyms, blocked_spans)
    return group_organisations(mentions, text)


@Language.factory("nlpkommun_organisations")
def make_organisations(nlp: Language, name: str) -> OrganisationsComponent:
    """spaCy factory for :class:`OrganisationsComponent`."""
    return OrganisationsComponent()


class OrganisationsComponent:
    """Writes ``doc._.nk_organisations`` with :func:`find_organisations`."""

    def __call__(self, doc: Doc) -> Doc:
        ext = doc._  # one extension accessor for all reads (each ``doc._`` builds a new one)
        orgs = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "ORG"]
        programmes = ext.nk_programmes or []
        acronyms = {p["acronym"] for p in programmes if p.get("acronym")}
        places = ext.nk_places or []
        blocked = [(m["start"], m["end"]) for item in places + programmes for m in item.get("mentions", [])]
        ext.nk_organisations = find_organisations(doc_text(doc), ext.nk_parties, orgs, acronyms, blocked)
        return doc
