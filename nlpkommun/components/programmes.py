"""Programmes: named programmes, methods, projects, plans and strategies, with acronyms.

Reads: ``doc.text`` and ``doc.ents`` (a PER span covering a candidate vetoes it; the NER
model is not trained on programmes, so ORG/LOC spans do not). Writes:
``doc._.nk_programmes``, Programme-shaped dicts ``{"name", "acronym", "mentions"}``.
Data: ``programme_cues.json``, ``known_programmes.txt``; party and authority names/acronyms from ``parties.json``
and ``authorities.json`` (never programmes); place heads from ``place_patterns.json``.

Sources:

1. :func:`find_abbreviations` — acronym definitions in the Schwartz–Hearst style, adapted
   to Swedish: "long form (ACR)", "long form [ACR]", "ACR (long form)", "(long form,
   ACR)", "ACR står för long form", "UiM åk 5 (står för long form)", the apposition "ACR,
   long form, är …", "ACR – long form" ("NES – Nacka Education Summit") and a table row
   "Long form, ACR" ("Hållbart medarbetarengagemang, HME"). The
   acronym's letters are matched right to left inside the long form, the first letter at
   a word start, the others anywhere, so compound parts count ("sociala insatsgrupp
   (SIG)": S-ociala I-nsats-G-rupp). :func:`classify_long_form` leaves out definitions
   whose head word (the last word before a preposition, else the last word) names an
   organisation (…förvaltningen, …nämnden, Inspektionen för …, myndighet, English
   "College"…), a law (…lagen, Lag om …) or a party: the organisations component owns those.
2. Undefined acronyms in programme context: "ANDT-program", "SEMLA-metoden", "metoden
   SEMLA", "ett arbetssätt som kallas för SEMLA". A hyphenated compound list right after
   ("ANDT-program för att minska alkohol-, narkotika-, dopning- och tobaksbruk") whose
   initials spell the acronym confirms it. Weak heads ("SIP-arbetet", "NPF-utbildning")
   count only for an acronym that is a programme by another rule.
3. Proper names: after a programme noun ("forskningsprojektet ”Hjärnvägar i förskolan”",
   "Projektet Språkstörning", "metoden Motiverande samtal"; there a PER span on one word
   that is no first name does not veto: "forskningsprojektet Digitaktik"), quoted sentence-case names
   ("”Rörelse för bättre inlärning”", not mottos or report titles), appositions ("Ifous
   2.0, ett samarbete om …"), mid-sentence capitalised plan titles ("Kapacitetsplan",
   "Affärsplan 2019-2021"), plan titles with an owner and years ("Affärsplan Välfärd skola
   2019-2021", also as a heading), "Rinkebysvenska-projektet", and titled names with a year
   ("Agenda 2030"); not quoted table columns ("”Utfall 2020”").
   Well-known national programmes and methods (``known_programmes.txt``: Läslyftet, NTA,
   BBIC, SSPF, …) count without a definition.
   General cues (:func:`cue_names`; lexicons in ``programme_cues.json``): a name suffix
   ("Matematiklyftet"), a capitalised compound of a definite programme head inside a sentence
   ("stötta Betonginitiativet"), a multi-word name compounded with a head ("Våga visa-projektet",
   also with an evaluation, survey or network head: "Våga Visa-observationer"), an English event
   name ("Nacka Education Summit"),
   a copula ("KIVA är ett evidensbaserat program", "Trygg start är en metod"), an apposition
   after a head ("ett nytt arbetssätt, Trygg i hemmet, införs"), "<ACR> som arbetssätt", a
   sentence-case name after a verb cue ("deltar i Trygg i Tyresö", "inom ramen för …"), English
   method names in a method context ("Signs of Safety används som arbetssätt") and bullet
   items under programme headings (:func:`heading_list_names`: "Aktiviteter", "Pågående
   projekt" …).
4. Capitalised multi-word items (or acronyms: "NTA 20 år och PEAK 10 år", "PEAK (energi och
   …)": a list is not split inside brackets) of a list that
   already holds a programme ("arbetet med allvarssamtal, Läsglädje för alla (LFA), Trygg i
   skolan, Rörelse i vardagen (RIV) och …"): sentence-case names that are not persons,
   organisations or places.

Every occurrence of an acronym ("SIG", "SIG:s", "ANDT-programmet") or a name (also with
Swedish definite/genitive endings) becomes a mention. Generic plan references
("handlingsplanen", "strategin för …", "Stockholms stads handlingsplan"), laws after a cue
word ("utbildningen Barnkonventionen") and squares named "…plan" in a place context ("mellan
Vasaplan och Teg") are not emitted.

Speed: every regex and word set is compiled once per process (:func:`_patterns`, built when
the component is created); patterns that open with a look-behind or a case-insensitive
alternation are tried only where one of their cue literals occurs (:func:`_matches_at`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from nlpkommun.components.metadata_lines import is_any_label
from nlpkommun.doc_text import doc_text
from nlpkommun.lemmatizer import is_definite_noun, lemma_table
from nlpkommun.resources import first_names, municipalities, read_json, read_lines, regions

ACRONYM = r"[A-ZÅÄÖ][A-ZÅÄÖa-zåäö0-9&]{1,9}\+?"  # "ESF+": the plus names the current programme period
_INFLECTION = r"(?:en|et|na|erna|arna|orna|n|t|s|ens|ets|ns|ts)?"


@dataclass(frozen=True)
class Abbreviation:
    """An acronym definition: the short form and its long form, with character offsets."""

    short: str
    short_start: int
    short_end: int
    long: str
    long_start: int
    long_end: int


@cache
def _cues() -> dict[str, Any]:
    data = read_json("programme_cues.json")
    out: dict[str, Any] = {k: v for k, v in data.items() if not k.startswith("_")}
    for key, value in out.items():
        if isinstance(value, list) and key not in ("titled_heads", "event_heads", "programme_families"):
            out[key] = frozenset(v.casefold() for v in value)
    return out


@cache
def _known_names() -> dict[str, frozenset[str]]:
    """Acronyms and name forms (casefolded) of parties (``parties.json``) and known
    authorities (``authorities.json``): never programmes."""
    out: dict[str, set[str]] = {"party_abbrs": set(), "party_forms": set(), "org_abbrs": set(), "org_forms": set()}
    try:
        data = read_json("parties.json")
        out["party_abbrs"] = {p["abbr"].casefold() for p in data.get("parties", [])}
        out["party_abbrs"] |= {a.casefold() for a in data.get("abbreviation_aliases", {})}
        out["party_forms"] = {f.casefold() for p in data.get("parties", []) for f in [p["name"], *p.get("forms", [])]}
    except (FileNotFoundError, ValueError):
        pass
    try:
        orgs = read_json("authorities.json").get("organisations", [])
        out["org_abbrs"] = {o["acronym"].casefold() for o in orgs if o.get("acronym")}
        out["org_forms"] = {f.casefold() for o in orgs for f in [o["name"], *o.get("forms", [])]}
    except (FileNotFoundError, ValueError):
        pass
    return {k: frozenset(v) for k, v in out.items()}


def is_acronym(word: str) -> bool:
    """Whether a word looks like an acronym: 2-10 characters, starts with a capital
    letter, at least two capitals and no more lower-case letters than capitals."""
    if not re.fullmatch(ACRONYM, word) or re.fullmatch(r"[IVXL]+", word):
        return False  # a Roman numeral ("Studio III-modellen") is a number
    upper = sum(c.isupper() for c in word)
    lower = sum(c.islower() for c in word)
    return upper >= 2 and lower <= upper


def best_long_form(short: str, candidate: str) -> int | None:
    """Schwartz–Hearst matching: the offset in ``candidate`` where the long form of
    ``short`` starts (the long form runs to the end of ``candidate``), or None.

    Letters of ``short`` are matched right to left; the first one must start a word.
    """
    s_idx = len(short) - 1
    l_idx = len(candidate) - 1
    while s_idx >= 0:
        c = short[s_idx].casefold()
        if not c.isalnum():
            s_idx -= 1
            continue
        while l_idx >= 0 and (
            candidate[l_idx].casefold() != c or (s_idx == 0 and l_idx > 0 and candidate[l_idx - 1].isalnum())
        ):
            l_idx -= 1
        if l_idx < 0:
            return None
        l_idx -= 1
        s_idx -= 1
    return l_idx + 1


def aligns_from_start(short: str, long: str) -> bool:
    """Whether the letters of ``short`` occur in order in ``long``, the first one at its start
    ("STL" in "skriva sig till lärande"); used where the long form's extent is known."""
    letters = [c.casefold() for c in short if c.isalnum()]
    if not letters or not long or long[0].casefold() != letters[0]:
        return False
    pos = 1
    for c in letters[1:]:
        pos = long.casefold().find(c, pos)
        if pos < 0:
            return False
        pos += 1
    return True


def _words(text: str) -> list[str]:
    return re.findall(r"[\wåäöÅÄÖ][\wåäöÅÄÖ-]*", text)


def _valid_long_form(short: str, long: str, titled: bool = False) -> bool:
    """Whether ``long`` can be the long form of ``short``. ``titled``: the long form starts with
    a capital inside a sentence, so a function word may open it ("med Att skriva sig till
    läsning (ASL)")."""
    words = _words(long)
    if not words or len(long) <= len(short):
        return False
    if words[0].casefold() in _cues()["long_form_bad_first"] and not (titled and words[0][:1].isupper()):
        return False
    if len(words) > len(short) + 4 or long.isupper():
        return False
    if short.casefold() in long.casefold():
        return False
    return not re.search(r"[()\[\]\d§]", long)


def _window(text: str, end: int, n_words: int) -> int:
    """Start offset of the (at most) ``n_words`` words before ``end``, not crossing a
    line break, a sentence end or a bracket."""
    start = end
    count = 0
    for m in reversed(list(re.finditer(r"\S+", text[max(0, end - 300) : end]))):
        token = m.group()
        if count >= n_words or re.search(r"[.!?]$|[()\[\]]", token) and count > 0:
            break
        if re.search(r"[()\[\]]", token):
            break
        count += 1
        start = max(0, end - 300) + m.start()
    line_start = text.rfind("\n", 0, end) + 1
    return max(start, line_start)


def find_abbreviations(text: str) -> list[Abbreviation]:
    """Acronym definitions "long form (ACR)", "long form [ACR]" and "ACR (long form)"."""
    out: list[Abbreviation] = []
    out.extend(_defined_in_running_text(text))
    for m in re.finditer(r"[(\[]([^()\[\]\n]{1,120})[)\]]", text):
        inner = m.group(1).strip()
        inner_start = m.start(1) + (len(m.group(1)) - len(m.group(1).lstrip()))
        dated = re.fullmatch(r"(\S+)\s+(?:19|20)\d\d", inner)
        if dated and is_acronym(dated.group(1)):
            inner = dated.group(1)  # "lokalprogram för förskolor (LPF 2022)": the version's year
        if is_acronym(inner):
            short = inner
            n_words = min(len(short) + 5, len(short) * 2)
            before_end = len(text[: m.start()].rstrip())
            if text[before_end - 1 : before_end] in ("”", "“", '"', "»"):  # "”Nacka Education Summit” (NES)"
                before_end -= 1
            win_start = _window(text, before_end, n_words)
            # first try without crossing a comma, then the whole window
            comma = text.rfind(",", win_start, before_end)
            for start in ([comma + 1] if comma >= 0 else []) + [win_start]:
                candidate = text[start:before_end]
                offset = best_long_form(short, candidate)
                if offset is None:
                    continue
                long = candidate[offset:].strip()
                long_start = start + offset + (len(candidate[offset:]) - len(candidate[offset:].lstrip()))
                # inside a sentence or opening a line (a list item), a capitalised long form may open
                # with a function word: "med Att skriva sig till läsning (ASL)"; after a full stop not
                titled = not _sentence_start(text, long_start) or _line_start(text, long_start)
                if _valid_long_form(short, long, titled=titled):
                    out.append(Abbreviation(short, inner_start, inner_start + len(short), long, long_start, before_end))
                    break
            continue
        # "(long form, ACR)": both inside the brackets
        tail = re.fullmatch(rf"(.{{3,100}}?),\s*({ACRONYM})", inner)
        if tail and is_acronym(tail.group(2)) and aligns_from_start(tail.group(2), tail.group(1).strip()):
            long = tail.group(1).strip()
            if _valid_long_form(tail.group(2), long):
                s0 = inner_start + inner.index(tail.group(2), len(tail.group(1)))
                out.append(
                    Abbreviation(tail.group(2), s0, s0 + len(tail.group(2)), long, inner_start, inner_start + len(long))
                )
                continue
        # "ACR (long form)": the word right before the bracket is the acronym
        offset = max(0, m.start() - 20)
        before = re.search(rf"(?<![\wåäöÅÄÖ])({ACRONYM})\s*$", text[offset : m.start()])
        if before and is_acronym(before.group(1)) and len(_words(inner)) >= 2:
            short = before.group(1)
            if aligns_from_start(short, inner) and _valid_long_form(short, inner):
                s0 = offset + before.start(1)
                out.append(Abbreviation(short, s0, s0 + len(short), inner, inner_start, inner_start + len(inner)))
                continue
        # "UiM åk 5 (står för utvärdering i matematik)": the acronym may stand a few words before
        said = _STANDS_FOR_BRACKET.match(inner)
        if said:
            long = said.group(1).strip().rstrip(".")
            long_start = inner_start + said.start(1)
            words_before = list(re.finditer(r"\S+", text[max(0, m.start() - 40) : m.start()]))[-4:]
            for w in reversed(words_before):
                short = w.group().strip(",;:")
                if is_acronym(short) and aligns_from_start(short, long) and _valid_long_form(short, long):
                    s0 = max(0, m.start() - 40) + w.start()
                    out.append(Abbreviation(short, s0, s0 + len(short), long, long_start, long_start + len(long)))
                    break
    out.extend(_defined_on_a_line(text))
    return out


_STANDS_FOR_BRACKET = re.compile(r"(?:som\s+)?står\s+för\s+(.{3,100})")
# "NES – Nacka Education Summit", "arbetar med SEMLA - Socio-emotionellt och … lärande."
_DASH_DEFINITION = re.compile(rf"({ACRONYM})\s+[–—-]\s+([A-ZÅÄÖa-zåäö][^.;:()\[\]\n–—]{{3,100}})")
# "Hållbart medarbetarengagemang, HME" alone on a line (a table row: perhaps a column after)
_LINE_COMMA_DEFINITION = re.compile(
    rf"(?m)^(?:[•●◦▪■*-][ \t]+)?([A-ZÅÄÖ][\wåäö-]*(?:[ \t]+[\wåäö-]+){{1,5}}),[ \t]+({ACRONYM})"
    r"(?=[ \t]*$|[ \t]+[A-ZÅÄÖ0-9])"
)


def _defined_on_a_line(text: str) -> list[Abbreviation]:
    """ "ACR – long form" (the long form runs to the end of the clause) and a table row that
    opens with "Long form, ACR"; both only where the acronym's letters align from the long
    form's start."""
    out = []
    for m in _DASH_DEFINITION.finditer(text) if "–" in text or " - " in text or "—" in text else ():
        if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] == "-"):
            continue  # not at a word start (no look-behind: the regex can skip ahead to a capital)
        short, long = m.group(1), m.group(2).strip()
        long = re.split(r",\s|\s+(?:som|och att|där|vilket)\s", long, maxsplit=1)[0].strip()
        if not (is_acronym(short) and aligns_from_start(short, long) and _valid_long_form(short, long)):
            continue
        if len(_words(long)) > len(short) + 2:
            continue
        out.append(Abbreviation(short, m.start(1), m.end(1), long, m.start(2), m.start(2) + len(long)))
    for m in _LINE_COMMA_DEFINITION.finditer(text) if ", " in text else ():
        short, long = m.group(2), m.group(1).strip()
        content = [w for w in _words(long) if w.casefold() not in _cues()["long_form_bad_first"]]
        if len(content) > sum(c.isalpha() for c in short):
            continue  # "Remiss från Region Östergötland, RÖ 2025-2281": more words than letters
        if is_acronym(short) and aligns_from_start(short, long) and _valid_long_form(short, long):
            out.append(Abbreviation(short, m.start(2), m.end(2), long, m.start(1), m.start(1) + len(long)))
    return out


_STANDS_FOR = re.compile(rf"(?<![\wåäöÅÄÖ-])({ACRONYM})\s+står\s+för\s+([^.;:()\n]{{3,100}})")
_APPOSITION = re.compile(rf"(?<![\wåäöÅÄÖ-])({ACRONYM}),\s+([a-zåäö][^.;:,()\n]{{3,100}}),")


def _defined_in_running_text(text: str) -> list[Abbreviation]:
    """ "ACR står för long form" and the apposition "ACR, long form, är …"."""
    out = []
    for m in _STANDS_FOR.finditer(text) if "står" in text else ():
        short, long = m.group(1), m.group(2).strip()
        if is_acronym(short) and aligns_from_start(short, long) and _valid_long_form(short, long):
            out.append(Abbreviation(short, m.start(1), m.end(1), long, m.start(2), m.start(2) + len(long)))
    for m in _APPOSITION.finditer(text):
        short, long = m.group(1), m.group(2).strip()
        if is_acronym(short) and aligns_from_start(short, long) and _valid_long_form(short, long):
            if len(_words(long)) <= len(short) + 2:
                out.append(Abbreviation(short, m.start(1), m.end(1), long, m.start(2), m.start(2) + len(long)))
    return out


# "Starta eget-lyftet", "Vård- och omsorgscollege" (a suspended compound)
_NAME_WORD = r"[A-ZÅÄÖ0-9][\wåäöÅÄÖ]*(?:\.[\wåäö]+)*(?:-[\wåäöÅÄÖ]+)*(?:-(?=[ \t]+(?:och|eller)[ \t]))?"
# a name goes on over a line break only into a lower-case word ("Hjärnvägar i\nförskolan"), not
# into the next line's label or heading ("projektet Cykelstråk Sydväst\nDnr RS 2024/0431")
_NAME_SEP = r"(?:[ \t]+|[ \t]*\n[ \t]*(?=[a-zåäö-]))"
_NAME = rf"{_NAME_WORD}(?:{_NAME_SEP}(?:-\s+)?[\wåäöÅÄÖ][\wåäöÅÄÖ]*(?:\.[\wåäö0-9]+)*(?:-[\wåäöÅÄÖ]+)*){{0,6}}"


def _alternation(words: Iterable[str], escape: bool = False) -> str:
    """A regex alternation of ``words``, longest first."""
    return "|".join(re.escape(w) if escape else w for w in sorted(words, key=len, reverse=True))


@dataclass(frozen=True)
class _Patterns:
    """Every regex and word set of the component, built once (see :func:`_patterns`)."""

    name_cue: re.Pattern[str]
    adjective_title: re.Pattern[str]
    name_cue_heads: tuple[str, ...]
    owned_head: re.Pattern[str]
    named_compound: re.Pattern[str]
    quoted: re.Pattern[str]
    appositive: re.Pattern[str]
    titled_compound: re.Pattern[str]
    titled_year: re.Pattern[str]
    bare_plan_title: re.Pattern[str]
    adjective_plan: re.Pattern[str]
    owner_compound_plan: re.Pattern[str]
    owner_plan: re.Pattern[str]
    titled_heads: tuple[str, ...]
    acronym_head: re.Pattern[str]
    acronym_compound_head: re.Pattern[str]
    acronym_after_cue: re.Pattern[str]
    cues_before: tuple[str, ...]
    heads_by_length: tuple[str, ...]
    blocked: frozenset[str]
    not_programme_upper: frozenset[str]
    quote_stops: frozenset[str]
    name_stops: frozenset[str]
    trim_stops: frozenset[str]
    known: tuple[tuple[str | None, str | None, str, re.Pattern[str]], ...]
    name_suffixes: tuple[str, ...]
    verb_cue: re.Pattern[str]
    head_apposition: re.Pattern[str]
    verb_cues: tuple[str, ...]
    place_words: frozenset[str]
    programme_context: re.Pattern[str]
    definite_name_heads: tuple[str, ...]
    generic_prefixes: frozenset[str]
    heading_first_words: frozenset[str]
    multiword_compound: re.Pattern[str]
    titled_multiword_compound: re.Pattern[str]
    acronym_as: re.Pattern[str]
    copula: re.Pattern[str]
    described_name: re.Pattern[str]
    english_name: re.Pattern[str]
    event_name: re.Pattern[str]
    event_heads: tuple[str, ...]
    english_evidence: tuple[str, ...]
    family: re.Pattern[str]
    families: tuple[str, ...]


@cache
def _patterns() -> _Patterns:
    """Compile the cue lexicons into regexes once per process."""
    cues = _cues()
    known = _known_names()
    heads = _alternation(cues["name_cue_heads"])
    strong = _alternation(cues["heads"] - cues["weak_heads"])
    compound = _alternation((cues["heads"] - cues["weak_heads"]) | cues["compound_name_heads"])
    app = _alternation(cues["appositive_heads"])
    th = _alternation(cues["titled_compound_heads"])
    cap_th = _alternation(h.capitalize() for h in cues["titled_compound_heads"])
    bodies = _alternation(cues["body_words"])
    owner_lead = "Västra|Östra|Norra|Södra|Mellersta|Stora|Lilla|Nya|Övre|Nedre"  # "Västra Götalands kulturplan"
    years = r"(?:19|20)\d\d\s?[-–]\s?(?:19|20)\d\d"  # a span of years ending a plan title
    titled = "|".join(cues["titled_heads"])
    all_heads = _alternation(cues["heads"])
    before = _alternation(cues["cues_before"], escape=True)
    preps = {"för", "i", "mot", "med", "till", "om", "på", "och"}
    not_programme_upper = frozenset(a.upper() for a in cues["not_programme_acronyms"])
    english = _alternation(cues["english_function_words"] | cues["english_connectors"])
    plan_adjectives = "|".join(w.capitalize() for w in sorted(cues["plan_adjectives"]))
    months = "|".join(m.capitalize() for m in read_json("months.json")["names"])  # "Tidplan" / "Februari 2025"
    return _Patterns(
        # "forskningsprojektet Hjärnvägar i förskolan": the head may end a longer word
        name_cue=re.compile(rf"(?i:{heads})\s+[”“„\"«']?({_NAME})"),
        name_cue_heads=tuple(h.lower() for h in cues["name_cue_heads"]),
        # "enligt stadens modell Barnets bästa först": an owner's programme noun, then the name
        # (the noun may end a compound: "Skolverkets kartläggningsmaterial Hitta språket",
        # "kommunens översiktsplan Skellefteå 2030")
        owned_head=re.compile(
            rf"(?<=[a-zåäö]s )[a-zåäö]*(?:{_alternation(cues['owned_heads'] | {'plan', 'strategi'})})\s+({_NAME})"
        ),
        named_compound=re.compile(rf"(?<![\wåäö-])([A-ZÅÄÖ][a-zåäö]{{2,}}-(?:{strong}))(?![\wåäö-])"),
        quoted=re.compile(r"[”“„\"«']([A-ZÅÄÖ][^”“\"»'\n]{2,70})[”“\"»']"),
        appositive=re.compile(
            rf"(?<![\wåäö.])({_NAME_WORD}(?:\s+[A-ZÅÄÖ0-9][\wåäö0-9.]*){{0,3}}),\s+(?:ett|en)\s+(?:[\wåäö]+\s+)?(?:{app})\b"
        ),
        titled_compound=re.compile(
            # after a word, a bracket, a list mark, a line break or a date's year ("antog den 17
            # juni 2021 Trafikstrategi för …"), never after an article ("en Solelplan för …")
            rf"(?:(?<=[a-zåäö,] )|(?<=\()|(?<=\d\. )|(?<=\n)|(?<=[–•] )|(?<=(?:19|20)\d\d )|(?<=\bI )|^)"
            rf"(?<!\sen )(?<!\sett )"
            # "Trafikstrategi", "Energi- och klimatstrategi", "Plan"
            rf"([A-ZÅÄÖ][a-zåäö]{{2,}}(?:{th})|[A-ZÅÄÖ][a-zåäö]{{2,}}-\s+och\s+[a-zåäö]{{2,}}(?:{th})|{cap_th})"
            # "… för Gotland", "… för staden Linköping", "… för ett tryggt och säkert Stockholm"
            rf"([ \t]+för[ \t]+(?:[a-zåäö]+[ \t]+){{0,5}}[A-ZÅÄÖ][a-zåäö]+(?:-[A-ZÅÄÖ][a-zåäö]+)*"
            rf"(?:\s+(?:kommun|stad|län|tätort|centrum|kommuner))?"
            # "… mot våld i nära relationer 2022–2025", "… för hemtjänst 2024–2026" (not "för kommunen")
            rf"|\s+(?:för|mot|om)(?!\s+(?:{bodies})\s)(?:\s+(?:[A-ZÅÄÖ]{{2,}}-)?[a-zåäö-]+){{1,7}}?(?=\s+(?:19|20)\d\d)"
            # "Regionplan och budget 2026–2028", "Verksamhetsplan och budget 2025"
            rf"|[ \t]+och[ \t]+budget(?=\s+(?:19|20)\d\d))?"
            rf"(?:\s+((?:19|20)\d\d(?:\s?[-–]\s?(?:19|20)\d\d)?)(?![-–]\d))?(?![\wåäö])"
        ),
        # "Smart specialiseringsstrategi för Halland", "Folkhälsopolitiskt program för Norrbottens
        # län", "Regional handlingsplan för klimatanpassning": an adjective, a plan word, "för"
        adjective_title=re.compile(
            rf"(?<![\wåäö-])((?:[A-ZÅÄÖ][a-zåäö]+(?:isk|sk|ig|lig|al|ell|iv|sam|bar)[at]?|{plan_adjectives})"
            rf"[ \t]+[a-zåäö]*(?:{th}))"
            rf"([ \t]+(?:för|mot)[ \t]+(?:[a-zåäö]+[ \t]+){{0,3}}[A-ZÅÄÖ][a-zåäö]+(?:[ \t]+[A-ZÅÄÖ][a-zåäö]+)?"
            rf"(?:[ \t]+(?:kommun|stad|län|region))?"
            # "Regional serviceplan Kronoberg 2022–2025": the place it is for before its years
            rf"|\s+[A-ZÅÄÖ][a-zåäö]+(?=[ \t]+(?:19|20)\d\d))?"
            rf"(?:[ \t]+((?:19|20)\d\d(?:\s?[-–]\s?(?:19|20)\d\d)?))?(?![\wåäö])"
        ),
        # "Affärsplan Välfärd skola 2019-2021" (a heading, "Bilaga 1 …"), "Utvecklingsplan
        # Flemingsberg 2040": a plan title with its owner or subject and a year or a span of years
        owner_plan=re.compile(
            rf"([A-ZÅÄÖ][a-zåäö]{{2,}}(?:{th})\s+(?!{months}\b)[A-ZÅÄÖ][a-zåäö]+(?:\s+[a-zåäö]+)?"
            rf"\s+(?:{years}|(?:19|20)\d\d))(?![\wåäö\d–-])"
        ),
        # "Agenda 2030", "Vision e-hälsa 2025": a title word, at most two lower-case words, a year
        titled_year=re.compile(
            rf"(?<![\wåäö])((?:{titled})((?:\s+[a-zåäö][\wåäö-]*){{0,2}}|\s+[A-ZÅÄÖ][a-zåäö]+)"
            rf"\s+20\d\d(?:\s?[-–]\s?20\d\d)?)(?![\d\w/-])"
        ),
        # "nämndens Plan för hållbara idrottsanläggningar 2023–2026", "Regeringens Nationella
        # strategi mot hemlöshet 2022–2026", "förslag till nationell plan för transportsystemet
        # 2025–2036", "Remiss – Gemensam handlingsplan för psykisk hälsa 2025–2028": a
        # capitalised or national/regional plan word mid-sentence, its subject
        # and a span of years
        bare_plan_title=re.compile(
            rf"(?:(?<=[a-zåäö,] )|(?<=[–:] ))"
            rf"((?:[A-ZÅÄÖ][a-zåäö]+(?:[aet]|sam|al|isk|ig)\s+[a-zåäö]*(?:{th})|[A-ZÅÄÖ][a-zåäö]+(?:{th})|{cap_th}"
            rf"|(?:nationell|regional)a?\s+(?:{th}))"
            rf"\s+(?:för|mot|om)"
            rf"(?:\s+[A-Za-zÅÄÖåäöé-]+){{1,7}}?\s+{years})(?![\wåäö\d])"  # words, no numbers: a table row is no title
        ),
        # "kommunfullmäktiges mål i Strategisk plan 2024–2026": an adjective, a plan word, years
        adjective_plan=re.compile(
            rf"(?<![\wåäö])([A-ZÅÄÖ][a-zåäö]+(?:isk|sk|ig|lig|al|ell|iv)a?\s+(?:{th})\s+{years})(?![\wåäö\d])"
        ),
        # "Luleå kommuns bostadsförsörjningsprogram 2021–2025", "Skolans läsfrämjande plan 2025–2027":
        # owner, a compound (or an adjective and a plan word), span of years
        owner_compound_plan=re.compile(
            rf"(?<![\wåäö])((?:(?:{owner_lead})\s+)?[A-ZÅÄÖ][a-zåäö]+(?:\s+(?:kommuns|stads|läns|regions|regionens))?\s+"
            rf"(?:[a-zåäö]{{4,}}(?:ande|ende|isk|iga|liga|ala)\s+[a-zåäö]*|[a-zåäö]{{4,}})(?:{th})\s+{years})(?![\wåäö\d])"
        ),
        titled_heads=tuple(cues["titled_heads"]),
        acronym_head=re.compile(rf"(?<![\wåäöÅÄÖ-])({ACRONYM})-({all_heads})(?![\wåäö])", re.I),
        # "FREDA-bedömningsmetoderna", "PAX-lärarmaterialet": a compound that ends in a strong head
        acronym_compound_head=re.compile(
            rf"(?<![\wåäöÅÄÖ-])({ACRONYM})-([a-zåäö]{{3,}}(?:metod|modell|program|projekt|material)"
            rf"(?:en|et|erna|er|ens|ets)?)(?![\wåäö])"
        ),
        acronym_after_cue=re.compile(rf"(?<![\wåäö])(?:{before})\s+({ACRONYM})(?![\wåäöÅÄÖ-])", re.I),
        cues_before=tuple(c.lower() for c in cues["cues_before"]),
        heads_by_length=tuple(sorted(cues["heads"], key=len)),
        blocked=(b := not_programme_upper | {a.upper() for a in known["party_abbrs"] | known["org_abbrs"]})
        | {f"{a}+" for a in b},
        not_programme_upper=not_programme_upper,
        quote_stops=cues["stop_words"] - preps,
        name_stops=cues["stop_words"] - {"för", "i", "med", "och", "mot", "på", "till", "om"},
        trim_stops=cues["stop_words"] - {"för", "i", "på", "mot"},
        known=tuple(
            (name, acronym, form, re.compile(rf"(?<![\wåäöÅÄÖ-]){re.escape(form)}(?![\wåäöÅÄÖ+]|-råd)"))
            for name, acronym, variants in _known_entries()
            for form in (f for f in (name, acronym, *variants) if f)
        ),
        name_suffixes=tuple(cues["name_suffixes"]),
        # "deltar i Trygg i Tyresö", "inom ramen för Unga vuxna på väg": a capitalised name inside a sentence
        verb_cue=re.compile(rf"(?<![\wåäö])(?i:{_alternation(cues['name_cue_verbs'], escape=True)})\s+({_NAME})"),
        verb_cues=tuple(cues["name_cue_verbs"]),
        # "ett nytt arbetssätt, Trygg i hemmet, införs", "sommarlovsprogram 2025, Sommar i X, godkänns",
        # "ta fram en handlingsplan, Trygg skolväg Kiruna, med …"
        head_apposition=re.compile(
            rf"(?<![\wåäö])[a-zåäö]*(?:{_alternation(cues['copula_heads'] | {'plan', 'strategi', 'förstudie'})})"
            rf"(?:et|en|n|t)?(?:\s+(?:19|20)\d\d)?,\s+"
            rf"([A-ZÅÄÖ][\wåäö-]*(?:\s+[\wåäöÅÄÖ-]+){{0,4}}),\s+[a-zåäö]"
        ),
        place_words=frozenset(
            w.casefold()
            for line in (*read_lines("municipalities.txt"), *regions())
            for w in re.split(r"[\t ]+", line)
            if w[:1].isupper()
        ),
        programme_context=re.compile(rf"(?<![\wåäö])(?:{_alternation(cues['programme_context_stems'], escape=True)})"),
        definite_name_heads=tuple(cues["definite_name_heads"]),
        generic_prefixes=cues["generic_name_prefixes"],
        heading_first_words=frozenset(h.split()[0] for h in cues["list_headings"] | cues["list_headings_strong"]),
        # "Våga visa-projektet"
        multiword_compound=re.compile(
            rf"(?<![\wåäöÅÄÖ])([A-ZÅÄÖ][a-zåäö]+(?:\s+[a-zåäö]+){{1,3}})-({compound})(?![\wåäö])"
        ),
        # "Våga Visa-observationer": every word capitalised
        titled_multiword_compound=re.compile(
            rf"([A-ZÅÄÖ][a-zåäö]+(?:\s+(?:[A-ZÅÄÖ][a-zåäö]+|[IVX]+|\d+)){{1,3}})-({compound})(?![\wåäö])"
        ),
        # "PBIS som arbetssätt"
        acronym_as=re.compile(rf"(?<![\wåäöÅÄÖ-])({ACRONYM})\s+som\s+(?:{_alternation(cues['as_heads'])})(?![\wåäö])"),
        # "… är ett evidensbaserat föräldraskapsprogram": the name is what comes before
        copula=re.compile(
            rf"(?<=\s)är\s+(?:ett|en)\s+(?:[\wåäö-]+\s+){{0,2}}?[\wåäö]*(?:{_alternation(cues['copula_heads'])})(?![\wåäö])"
        ),
        # "använder Språkväskan, ett material för …": a name described right after it
        described_name=re.compile(
            rf"(?<=[a-zåäö,] )([A-ZÅÄÖ][\wåäö-]+(?: [\wåäöÅÄÖ-]+){{0,3}}), (?:ett|en) (?:[\wåäö-]+ )?"
            rf"[\wåäö]*(?:{_alternation(cues['described_name_heads'])})(?![\wåäö])"
        ),
        # "Signs of Safety", "Check and Connect"
        # "Nacka Education Summit", "Umeå Science Conference": capitalised words before an event head
        event_name=re.compile(
            rf"((?:[A-ZÅÄÖ][\wåäö]+\s+){{1,3}}(?:{_alternation(cues['event_heads'], escape=True)}))"
            rf"(?![\wåäöÅÄÖ])"
        ),
        event_heads=tuple(cues["event_heads"]),
        english_name=re.compile(
            rf"(?<![\wåäöÅÄÖ-])([A-Z][a-z]+(?:\s+(?:(?:{english}|&)\s+)?[A-Z][a-z]+){{1,5}})(?![\wåäöÅÄÖ-])"
        ),
        english_evidence=tuple(f" {w} " for w in sorted(cues["english_function_words"])),
        # "inom Interreg ÖKS", "Leader Mittland": a family name and the member's name
        family=re.compile(
            rf"(?<![\wåäöÅÄÖ-])((?:{_alternation(cues['programme_families'], escape=True)})"
            rf"(?:[ \t]+(?:[A-ZÅÄÖ][a-zåäö]+(?:[-–][A-ZÅÄÖ][a-zåäö]+)*|{ACRONYM})(?![\wåäöÅÄÖ–-])){{0,2}})"
        ),
        families=tuple(cues["programme_families"]),
    )


def _positions(text: str, literals: Iterable[str]) -> list[int]:
    """Sorted start offsets of every occurrence of each literal in ``text``."""
    out: set[int] = set()
    for lit in literals:
        i = text.find(lit)
        while i >= 0:
            out.add(i)
            i = text.find(lit, i + 1)
    return sorted(out)


def _matches_at(pattern: re.Pattern[str], text: str, starts: Iterable[int]) -> Iterator[re.Match[str]]:
    """What ``pattern.finditer(text)`` yields when every match starts at one of ``starts``
    (ascending): non-overlapping matches, tried only there. Much faster than ``finditer`` for
    patterns that open with a look-behind or a case-insensitive alternation, which keep the
    regex engine from skipping ahead."""
    end = 0
    for pos in starts:
        if pos < end:
            continue
        m = pattern.match(text, pos)
        if m:
            yield m
            end = max(m.end(), pos + 1)


def _lowered(text: str) -> str | None:
    """``text.lower()`` when it keeps every offset (else None: search the text itself)."""
    low = text.lower()
    return low if len(low) == len(text) else None


def _ci_matches(
    pattern: re.Pattern[str], text: str, lowered: str | None, literals: Iterable[str]
) -> Iterator[re.Match[str]]:
    """Matches of a case-insensitive ``pattern`` whose every match starts with one of the
    lower-case ``literals``."""
    if lowered is None:
        return pattern.finditer(text)
    return _matches_at(pattern, text, _positions(lowered, literals))


def _named_programmes(text: str, lowered: str | None = None) -> list[tuple[str, int, bool]]:
    """(name, start, after_head) of proper programme names found by cues (see the module
    docstring); ``after_head``: the name follows a programme noun ("forskningsprojektet Digitaktik")."""
    cues = _cues()
    pat = _patterns()
    out: list[tuple[str, int, bool]] = []
    if lowered is None:
        lowered = _lowered(text)
    # "forskningsprojektet Hjärnvägar i förskolan", "Projektet Språkstörning med medel …"
    for m in _ci_matches(pat.name_cue, text, lowered, pat.name_cue_heads):
        if "\n" in text[m.start() : m.start(1)] and _label_line(text, m.start(1)):
            continue  # "… regionala utvecklingsstrategin\nFöredragande: …": the next line's label
        if re.search(r"\n[ \t]*\n", text[m.start() : m.start(1)]):
            continue  # a blank line between: "… medlingsförsöket" / "" / "Ärendets tidigare behandling"
        name = _trim_name(m.group(1), min_words=1)
        quoted = pat.quoted.match(text, m.start(1) - 1) if m.start(1) and text[m.start(1) - 1] in _QUOTES else None
        if quoted and len(quoted.group(1).split()) <= 8 and not re.search(r"[.!?;:]", quoted.group(1)):
            name = quoted.group(1)  # 'projektet ”Läsa för att lära”': the quotes bound the name
        if name and re.search(r" (?:19|20)\d\d$", name):
            after = text[m.start(1) + len(" ".join(m.group(1).split()[: len(name.split())])) :]
            if re.match(r"\s?[-–]\s?(?:19|20)\d\d", after):
                name = name.rsplit(" ", 1)[0]  # "programmet Trygg Nordost 2025–2027": the name, not half a span
        if name and re.fullmatch(r".+ \S+ \d+", name) and re.match(r"\s?[-–]\s?\d", text[m.start(1) + len(name) :]):
            cut = re.search(r" (?:för|i|mot|med) [^ ]+ \d+$", name)  # "Bokstart för barn 0–3 år": the
            name = name[: cut.start()] if cut else name  # name, not the start of an age range
        if name:
            name = _AGE_RANGE_TAIL.sub("", name)  # "Läsglädje för barn 3-5 år"
            group = _GROUP_TAIL.search(name)
            if group and len(name[: group.start()].split()) >= 3 and " i " in name[: group.start()]:
                name = name[: group.start()]  # "Leda i Lysekil för förskolechefer": who it is for
        name = _coordinated_places(text, m.start(1), name) if name else name
        slogan = _SLOGAN_TAIL.match(text, _name_end(text, m.start(1), name)) if name else None
        if slogan:
            name += slogan.group()  # "Läs för mig, Sandviken!": an exclamation ends the name
        words = name.split() if name else []
        if len(words) > 2 and is_acronym(words[0]) and words[1] in ("mot", "för"):
            name = words[0]  # "programmet KiVa mot kränkande behandling": the acronym and its purpose
        elif len(words) > 2 and words[1] == "för" and words[2].islower() and words[0].casefold() in _known_words():
            name = words[0]  # "satsningen Matematiklyftet för förskoleklass": a known programme and its group
        if name and name[:1].isupper() and not name.isupper() and not _person_like(name):
            if not _generic_plan_phrase(name) and not _opens_with_body(name) and not _all_place_words(name):
                tail = _AND_LOWER_END.match(text, m.start(1) + len(name))
                single = len(name.split()) == 1 and not is_definite_noun(name)
                if tail and (single or _LOWER_PURPOSE_END.search(name) or tail.group(2)):
                    name += tail.group(1)  # "metoden Ung och trygg, som …", "… för hälsa och arbete, som",
                    # "projektet Kompetenslyft vård och omsorg (KLIV)": the acronym closes the name
                start = m.start(1)
                head = text[m.start() : m.start(1)].rstrip()
                bare_head = head.casefold() in cues["name_cue_heads"] or head.casefold() in _BARE_HEADS
                if bare_head and head[:1].isupper() and (not m.start() or not text[m.start() - 1].isalnum()):
                    if not _sentence_start(text, m.start()):  # "enligt Modellen Trappan", "Projekt Frisk luft"
                        name, start = f"{head} {name}", m.start()
                out.append((name, start, True))
    for m in pat.owned_head.finditer(text) if "s " in text else ():
        first = m.group(1).split()[0]
        if is_acronym(first) and first.isupper() and first.upper() not in pat.blocked:
            out.append((first, m.start(1), True))  # "enligt kommunens projektmodell PROSA med …"
            continue
        name = _trim_name(m.group(1), min_words=2)
        if name:  # "kommunens strategi Framkomlighet i Nacka presenterar …": a finite verb ends it
            words = name.split()
            cut = next((k for k, w in enumerate(words) if k and w.islower() and _finite_verb(w)), len(words))
            name = " ".join(words[:cut]) if cut >= 2 else None
        same_line = "\n" not in text[m.start() : m.start(1)]  # "Skolverkets stödmaterial Främja närvaro"
        liked = name and (_name_like(name) or same_line and _sentence_case_name(name))
        if liked and not _generic_plan_phrase(name) and not _opens_with_body(name):
            out.append((name, m.start(1), True))
    # "Rinkebysvenska-projektet": a proper word compounded with a strong programme head
    for m in pat.named_compound.finditer(text) if "-" in text else ():
        if not _sentence_start(text, m.start()):
            out.append((m.group(1), m.start(1), False))
    # quoted sentence-case names: ”Rörelse för bättre inlärning”
    blockers = cues["quote_blockers_before"]
    for m in pat.quoted.finditer(text):
        name = m.group(1).strip()
        prev = re.findall(r"[\wåäö]+", text[max(0, m.start() - 30) : m.start()].casefold())
        if any(w in blockers for w in prev[-3:]):
            continue  # 'motionen om ”Fler bänkar”', 'mottot är ”…”'
        if re.search(r"[.!?:;,]$", name) or len(name.split()) > 7 or name.endswith(" AB"):
            continue
        single = len(name.split()) == 1
        if re.fullmatch(r"\S+\s+(?:19|20)\d\d", name) and name.split()[0].casefold() in cues["generic_name_starts"]:
            continue  # a table column: ”Utfall 2020”, ”Budget 2021”
        if single or _sentence_case_name(name) or re.fullmatch(r"[A-ZÅÄÖ][\wåäö]*(?:[ .][\dwåäö.]+)+", name):
            if not any(w.casefold() in pat.quote_stops for w in name.split()):
                out.append((name, m.start(1), False))
    for m in _TITLED_DOCUMENT.finditer(text) if "Regler " in text or "Riktlinje" in text else ():
        if not _TITLED_DOCUMENT_BEFORE.search(text[max(0, m.start() - 8) : m.start()]):
            continue  # inside a sentence (after a lower-case word or a comma) or after "Enligt"
        phrase, years = m.group(1), ""
        year = re.search(r"\s+(?:19|20)\d\d$", phrase)
        span = _SUBJECT_YEARS.match(text, m.start(1) + year.start()) if year else None
        if year and span:  # "Riktlinjer för regionala projektmedel 2024–2027": the years end the title
            phrase, years = phrase[: year.start()], " " + span.group().strip()
        ended = bool(years) or not re.match(r"[ \t]+[\wåäöÅÄÖ]", text[m.end(1) :])
        name = _titled_document_name(phrase, ended=ended)
        if name and not re.search(r"\d", name) and not _names_a_place_or_body(name):
            out.append((name + (years if name == " ".join(phrase.split()) else ""), m.start(1), False))
    # "ett projekt om inomhusmiljö i skolor, Projekt Frisk luft, tillsammans med …"
    for m in _TITLED_PROJECT.finditer(text) if "Projekt " in text else ():
        out.append((m.group(1), m.start(1), False))
    # "Göteborgs Stads program för en jämlik stad.", "Botkyrkas strategi för trygghet … 2023–2026":
    # a proper owner's plan word with what it is for, ended by years, a mark or a finite verb
    for m in _OWNED_TITLE.finditer(text) if "s " in text else ():
        if lemma_table().get(m.group(1).split()[0].casefold()):
            continue  # "Kommunens strategi …": a common noun owns it
        subject = _owned_subject(text, m.end())
        if subject:
            out.append((m.group(1) + subject, m.start(1), False))
    # "inom Ifous 2.0, ett samarbete om …"
    for m in pat.appositive.finditer(text):
        name = m.group(1)
        line_start = text.rfind("\n", 0, m.start()) + 1
        sentence_start = max(line_start, text.rfind(". ", 0, m.start()) + 2)
        if m.start(1) > sentence_start and name[:1].isupper() and (not name.isupper() or is_acronym(name)):
            out.append((name, m.start(1), False))  # "infört KIVA, ett finskt program mot mobbning"
    # mid-sentence capitalised plan titles: "från Kapacitetsplan", "Affärsplan 2019-2021",
    # "Folkhälsostrategi för Gotland 2023–2027" (what it is for, when a proper name, or any
    # subject when years end the title: "Handlingsplan mot våld i nära relationer 2022–2025")
    owner_starts = set()
    for m in pat.owner_plan.finditer(text) if "20" in text else ():
        # at a line start, after a lower-case word or a comma, "(", "Bilaga 1 ", "4. "
        if m.start() and not _OWNER_PLAN_BEFORE.search(text, max(0, m.start() - 3), m.start()):
            continue
        if not _generic_plan_phrase(m.group(1)):
            out.append((re.sub(r"\s+", " ", m.group(1)), m.start(1), False))
            owner_starts.add(m.start(1))
    for m in pat.titled_compound.finditer(text):
        if m.start(1) in owner_starts:
            continue
        prefix = text[text.rfind("\n", 0, m.start(1)) + 1 : m.start(1)].strip()
        if prefix in ("", "–", "•") and not m.group(3):
            continue  # a line may open with a plan word; only a year makes it a title there
        free = None if m.group(2) or m.group(3) else _FREE_SUBJECT_YEARS.match(text, m.end(1))
        if free and not any(w in cues["stop_words"] or _finite_verb(w) for w in free.group(1).split()):
            out.append((m.group(1) + re.sub(r"\s+", " ", free.group()), m.start(1), False))
            continue  # "Färdplan nära vård i Sörmland 2022–2027": words and the years end the title
        subject = None if m.group(2) or m.group(3) else _lower_subject(text, m.end(1))
        if subject and prefix not in ("", "–", "•"):  # "Länets Strategi för smart specialisering pekar ut"
            out.append((m.group(1) + subject, m.start(1), False))
            continue
        if " " not in m.group(1) and m.group(1).casefold() in cues["titled_compound_heads"] and not m.group(2):
            continue  # a bare "Plan" or "Program" names nothing without what it is for
        served = None if m.group(2) or m.group(3) or " " in m.group(1) else _PLACE_WORD_AFTER.match(text, m.end(1))
        if served and re.match(r"[ \t]*(?:[,.;:)]|\n|$)", text[served.end() :]) and not _person_like(served.group(1)):
            out.append((m.group(1) + served.group(), m.start(1), False))
            continue  # "arbetet med Kustskyddsprogram Falsterbonäset.": the place it is for
        direct = bool(m.group(2)) and re.match(r"\s+för\s+[A-ZÅÄÖ]", m.group(2)) is not None
        if not m.group(3) and not direct and m.group(1).casefold() in cues["generic_plan_titles"]:
            continue  # "6. Detaljplan för del av fastigheten Visby …": a kind of document
        if not (m.group(2) or m.group(3)) and _place_context(text, m.start(1), m.end(1)):
            continue  # "mellan Vasaplan och Teg", "till Gullmarsplan, Centralen och …": a square
        name = m.group(1) + (m.group(2) or "") + (f" {m.group(3)}" if m.group(3) else "")
        owned = _GENITIVE_NOUN_AFTER.match(text, m.end(2)) if m.group(2) and not m.group(3) else None
        if owned and m.group(2).split()[-1][:-1] in municipalities() and not _finite_verb(owned.group(1)):
            name += owned.group()  # "Simplan för Värmdös grundskolor": a municipality's genitive owns a noun
        out.append((name, m.start(1), False))
    for m in pat.adjective_title.finditer(text):
        if not _mid_sentence(text, m.start(1)):
            continue
        if m.group(2):
            name = m.group(1) + m.group(2) + (f" {m.group(3)}" if m.group(3) else "")
        else:
            subject = _owned_subject(text, m.end(1)) or _lower_subject(text, m.end(1))
            if not subject and not _LOWER_OWNER_BEFORE.search(text, max(0, m.start(1) - 30), m.start(1)):
                continue  # "Regional plan" alone names nothing (but "kommunens Idrottspolitiska program")
            name = m.group(1) + (subject or "")
        out.append((re.sub(r"\s+", " ", name), m.start(1), False))
    for m in _matches_at(pat.titled_year, text, _positions(text, pat.titled_heads)):
        if not any(w.casefold() in cues["stop_words"] for w in m.group(2).split()):
            out.append((m.group(1), m.start(1), False))  # not "Projekt som startade 2025"
    if "20" in text or "19" in text:
        # a span of years makes even "kommuns bostadsförsörjningsprogram" one document
        for rx in (pat.bare_plan_title, pat.owner_compound_plan, pat.adjective_plan):
            for m in rx.finditer(text):
                out.append((re.sub(r"\s+", " ", m.group(1)), m.start(1), False))
    return out


_LOWER_SUBJECT = re.compile(r"[ \t]+(?:för|mot|om)(?:[ \t]+[a-zåäö][a-zåäö-]*){1,4}")


def _lower_subject(text: str, pos: int) -> str | None:
    """ " för smart specialisering" after a capitalised plan word at ``pos``: a lower-case
    subject of one to four words that a punctuation mark or a finite verb ends ("… pekar ut")."""
    m = _LOWER_SUBJECT.match(text, pos)
    if not m:
        return None
    words = list(re.finditer(r"\S+", text[pos : m.end()]))[1:]  # after "för"/"mot"/"om"
    end = _subject_end(text, [pos + w.end() for w in words], ",.;:()")
    if end is None or any(w.group() in _patterns().name_stops for w in words if pos + w.end() <= end):
        return None
    subject = text[pos:end].split()
    while subject[-1] in ("och", "samt", "eller"):  # "Program för hållbart resande och skickar …"
        subject.pop()
    return " " + " ".join(subject) if len(subject) > 1 else None


def _subject_end(text: str, ends: Iterable[int], marks: str, years: bool = False) -> int | None:
    """The first of ``ends`` (the ends of a subject's words) that a mark of ``marks``, a line
    end or a finite verb follows; with ``years`` also a span of years, kept ("… 2023–2026")."""
    for end in ends:
        span = _SUBJECT_YEARS.match(text, end) if years else None
        if span:
            return span.end()
        after = text[end : end + 30]
        nxt = re.match(r"[ \t]+([a-zåäö]+)", after)
        verb = nxt and (_finite_verb(nxt.group(1)) or _passive_verb(nxt.group(1)))
        if re.match(rf"[ \t]*(?:[{re.escape(marks)}]|\n|$)", after) or verb:
            return end
    return None


@cache
def _lemmas() -> frozenset[str]:
    return frozenset(lemma_table().values())


_CLAUSE_ADVERBS = frozenset({"därmed", "därför", "då", "nu", "också", "även", "inte", "alltså"})


def _titled_document_name(phrase: str, ended: bool = True) -> str | None:
    """ "Riktlinjer för kommunalt byggande när taken byts" → "Riktlinjer för kommunalt byggande":
    cut before a clause word, a clause adverb ("därmed upphävs"), a finite or passive verb ("och"
    only before one); at most seven words. A phrase that runs on (``ended`` false) needs a cut."""
    words = phrase.split()
    stops = _patterns().trim_stops - {"och", "med", "om", "till", "av"}
    cut = len(words)
    for k in range(3, len(words)):
        w, nxt = words[k], words[k + 1] if k + 1 < len(words) else ""
        verb = w.islower() and (_finite_verb(w) or (w.endswith("s") and (lemma_table().get(w) or "").endswith("a")))
        if w in stops or w in _CLAUSE_ADVERBS or verb or (w == "och" and (nxt in stops or _finite_verb(nxt))):
            cut = k
            break
    if cut == len(words) and not ended:
        return None
    return " ".join(words[:cut]) if 3 <= cut <= 7 else None


def _finite_verb(word: str) -> bool:
    """Whether a lower-case word is a verb in the present or past tense ("pekar", "visade",
    "antogs" excepted), by the lemma table: its infinitive plus -r/-de/-te/-t, or its stem plus -er."""
    if word.endswith("ar") and word[:-1] in _lemmas():
        return True  # "pekar" (the table gives the noun "pekare"), "planerar", "visar"
    lemma = lemma_table().get(word)
    if not lemma or not lemma.endswith("a") or lemma == word:
        return False
    stem = lemma[:-1]
    return word in (lemma + "r", lemma + "de", lemma + "t", stem + "er", stem + "de", stem + "te", stem + "t")


_FOR_PLACE_AFTER = re.compile(r"[ \t]+för[ \t]+([A-ZÅÄÖ][a-zåäö]+)(?![\wåäö-])")
_PLACE_WORD_AFTER = re.compile(r"[ \t]+([A-ZÅÄÖ][a-zåäö]+)(?![\wåäö-])")
_IN_PLACE_AFTER = re.compile(r"[ \t]+i[ \t]+([A-ZÅÄÖ][a-zåäö]+)(?![\wåäö-])")
_ENGLISH_HEADS = frozenset(("program", "programme", "model", "method", "approach", "training", "project"))
_OWNED_TITLE = re.compile(
    r"(?<![\wåäö-])([A-ZÅÄÖ][a-zåäö]+s(?:[ \t]+(?:Stads|stads|kommuns|läns|regions))?[ \t]+"
    r"(?:[a-zåäö]+(?:ala|ella|iska|ska|liga|amma)[ \t]+)?"  # "Värmlands regionala handlingsplan för …"
    r"[a-zåäö]*(?:program|plan|strategi|policy))(?![\wåäö])"
)
_OWNED_SUBJECT = re.compile(r"[ \t]+(?:för|mot)((?:[ \t]+[a-zåäö-]+){1,6})")
_SUBJECT_YEARS = re.compile(r"[ \t]+(?:19|20)\d\d\s?[-–]\s?(?:19|20)\d\d(?![\d\wåäö])")


def _owned_subject(text: str, pos: int) -> str | None:
    """ " för en jämlik stad" after an owner's plan word at ``pos``: one to six lower-case words
    that a span of years (kept), a mark or a finite verb ends."""
    m = _OWNED_SUBJECT.match(text, pos)
    if not m or m.group(1).split()[0] == "att":
        return None  # "strategi för att minska risken för att barn, unga …": a clause, not a short subject
    ends = [m.start(1) + w.end() for w in re.finditer(r"[ \t]+[a-zåäö-]+", m.group(1))]
    end = _subject_end(text, ends, ".,;:)", years=True)
    subject = text[pos:end] if end is not None else None
    return _TRAILING_AND.sub("", subject) if subject else None  # "… för grön infrastruktur och antas"


# "enligt Riktlinjer för extern projektfinansiering,", "följer Regler för föreningsstöd i X kommun.":
# a capitalised rule document inside a sentence and what it is for, at most nine words (then cut
# before a clause word, or up to a mark or a line end: :func:`_titled_document_name`); plan, strategy, programme and
# policy titles are ``titled_compound``'s
_TITLED_DOCUMENT = re.compile(
    r"((?:Riktlinjer|Riktlinje|Regler)"
    r"[ \t]+(?:för|mot|om)(?:(?:[ \t]+|[ \t]*\n[ \t]*(?=[a-zåäö]))[\wåäöÅÄÖ-]+){1,9})"
)
_AGE_RANGE_TAIL = re.compile(r" (?:för|i) [^ ]+ \d{1,2}\s?[-–]\s?\d{1,2}(?: år)?$")
_TITLED_DOCUMENT_BEFORE = re.compile(r"(?:[a-zåäö,]|\bEnligt) $")
_TITLED_PROJECT = re.compile(
    r"(?<=[a-zåäö,] )(Projekt[ \t]+[A-ZÅÄÖ][a-zåäö]+(?:[ \t]+[a-zåäö]+){0,3}?)"
    r"(?=[,.;:)]|[ \t]+(?:som|och|i|på|för|med|tillsammans)\b)"
)
# "Färdplan nära vård i Sörmland 2022–2027" (a subject "för …" is ``titled_compound``'s)
_FREE_SUBJECT_YEARS = re.compile(
    r"(?![ \t]+(?:för|mot|om)[ \t])((?:[ \t]+(?:[a-zåäö][a-zåäö-]*|i[ \t]+[A-ZÅÄÖ][a-zåäö]+)){1,6}?)"
    r"[ \t]+(?:19|20)\d\d\s?[-–]\s?(?:19|20)\d\d(?![\wåäö])"
)
_GENITIVE_NOUN_AFTER = re.compile(r"(?<=s)[ \t]+([a-zåäö]{4,})(?![\wåäö-])")
_LOWER_PURPOSE_END = re.compile(r" (?:för|mot) [a-zåäö]+(?: [a-zåäö]+)?$")
_TRAILING_AND = re.compile(r"[ \t]+(?:och|samt|eller)$")
_LOWER_OWNER_BEFORE = re.compile(r"(?<![\wåäö-])(?:kommunens|regionens|stadens|nämndens|styrelsens|länets)[ \t]+$")
_BARE_HEADS = frozenset(("projekt", "program", "modell", "metod", "satsning"))  # not "Leaderprojektet"
_GROUP_TAIL = re.compile(r" för [a-zåäö]+$")
_SLOGAN_TAIL = re.compile(r",[ \t]+[A-ZÅÄÖ][a-zåäö]+!")
_IN_PLACE_END = re.compile(r" i [A-ZÅÄÖ][a-zåäö]+$")
_AND_PLACE_AFTER = re.compile(r"\s+(?:och|samt)\s+[A-ZÅÄÖ][a-zåäö]+[ \t]*(?:[,.;]|\n|$)")


def _coordinated_places(text: str, start: int, name: str) -> str:
    """A name found at ``start`` that ends in "i <Place>" before "och <Place>": the places are
    where it runs ("Rörelse hela livet i Skinnskatteberg och Norberg" → "Rörelse hela livet"),
    unless one word is all that is left ("Kulturarv i Vingåker och Flen" is the name)."""
    place = _IN_PLACE_END.search(name)
    both = _AND_PLACE_AFTER.match(text, _name_end(text, start, name)) if place and place.start() else None
    if both is None or place is None:
        return name
    if " " in name[: place.start()]:
        return name[: place.start()]
    return name + " " + " ".join(re.findall(r"[\wåäöÅÄÖ]+", both.group()))


def _name_end(text: str, start: int, name: str) -> int:
    """Where ``name`` (words joined by single spaces) found at ``start`` ends in ``text``."""
    pos = start
    for i, word in enumerate(name.split()):
        while i and pos < len(text) and text[pos].isspace():
            pos += 1
        if not text.startswith(word, pos):
            return start + len(name)
        pos += len(word)
    return pos


_AND_LOWER_END = re.compile(r"(\s+och\s+[a-zåäö]+)(?=\s*[,.;:)]|\s*$|(\s*\([A-ZÅÄÖ][\wåäöÅÄÖ]{1,8}\)))")
_OWNER_PLAN_BEFORE = re.compile(r"(?:\n|[a-zåäö,\d] |\(|\d\. )$")
_WORD_BEFORE = re.compile(r"([\wåäö]+)\s+$")
_PLACE_LIST_AFTER = re.compile(r",\s+([A-ZÅÄÖ][\wåäö]*)")


def _place_context(text: str, start: int, end: int) -> bool:
    """Whether a capitalised word stands where a place does: after a locative preposition
    ("mellan", "vid", "via" …: ``place_prepositions``) or at the head of a list of capitalised
    words that are not plans ("till Gullmarsplan, Centralen och Liljeholmen")."""
    m = _WORD_BEFORE.search(text, max(0, start - 20), start)
    if m and m.group(1).casefold() in _cues()["place_prepositions"]:
        return True
    nxt = _PLACE_LIST_AFTER.match(text, end)
    return bool(nxt) and not nxt.group(1).casefold().endswith(tuple(_cues()["titled_compound_heads"]))


def _generic_plan_phrase(name: str) -> bool:
    """ "Stockholms stads handlingsplan": a lower-case plan/strategy/programme word after the
    first names a kind of document of the owner before it, not a programme."""
    heads = tuple(_cues()["titled_compound_heads"])
    return any(w.islower() and w.endswith(heads) for w in name.split()[1:])


def _last_word(long: str) -> str:
    words = _words(long)
    return words[-1].casefold() if words else ""


def _ends_with_any(word: str, suffixes: Iterable[str]) -> bool:
    return any(word == s or (word.endswith(s) and len(word) > len(s) + 2) for s in suffixes)


def classify_long_form(short: str, long: str) -> str:
    """ "programme", "organisation", "law" or "party" for an acronym definition."""
    cues = _cues()
    known = _known_names()
    last = _last_word(long).removesuffix("s") if _last_word(long).endswith("ens") else _last_word(long)
    if short.casefold() in known["party_abbrs"] or long.casefold() in known["party_forms"]:
        return "party"
    if short.casefold() in known["org_abbrs"] or long.casefold() in known["org_forms"]:
        return "organisation"
    if (
        _ends_with_any(last, cues["law_suffixes"])
        or _ends_with_any(_head_word(long), cues["law_suffixes"])
        or short.casefold() in {"sol", "lss", "lvu", "lvm", "lou"}
    ):
        return "law"
    if _ends_with_any(_head_word(long), cues["org_suffixes"]) or re.match(r"(?:Centrum|Center) för ", long):
        return "organisation"  # "Centrum för klinisk forskning Sörmland (CKFS)"
    if any(w.casefold() in cues["english_org_words"] for w in _words(long)):
        return "organisation"  # "National College for Teaching and Learning (NCTL)"
    if short.upper() in _patterns().not_programme_upper:
        return "organisation"
    if _places_only(long):
        return "organisation"  # "Sollentuna, Upplands Väsby och Sigtuna (SUS)": a partnership of places
    return "programme"


def _places_only(phrase: str) -> bool:
    """Whether a phrase lists two or more municipalities or regions and nothing else."""
    if " och " not in phrase and "," not in phrase:
        return False
    rest = _place_names_regex().sub(" ", phrase)
    return re.fullmatch(r"[\s,]*(?:(?:och|samt)[\s,]*)*", rest) is not None and rest != phrase


@cache
def _place_names_regex() -> re.Pattern[str]:
    """Any municipality's or region's name as a whole word, the longest first."""
    return re.compile(rf"(?<![\wåäö])(?:{_place_alternation()})(?![\wåäö])")


def _place_alternation(*extra: str) -> str:
    names = sorted({*municipalities(), *regions(), *extra}, key=len, reverse=True)
    return "|".join(re.escape(n) for n in names)


def _hyphen_list_expansion(text: str, start: int, short: str) -> str | None:
    """ "för att minska alkohol-, narkotika-, dopning- och tobaksbruk" after an acronym
    compound: the coordinated compound list whose initials spell ``short``."""
    window = text[start : start + 200].split("\n", 1)[0]
    m = re.search(r"((?:[\wåäö]+-,?\s+){1,8}(?:och|samt|eller)\s+[\wåäö]+)", window)
    if not m:
        return None
    parts = re.findall(r"[\wåäö]+", m.group(1))
    parts = [p for p in parts if p not in ("och", "samt", "eller")]
    if "".join(p[0] for p in parts).casefold() != short.casefold():
        return None
    return m.group(1)


def _entity_overlaps(
    start: int, end: int, entities: Sequence[tuple[int, int, str]], text: str | None = None
) -> bool:
    """Whether a person entity covers the span: an NER model is not trained on programme
    names, so only its PER spans (covering the whole candidate) veto one. Given the ``text``, a
    span that reaches left only over the programme noun before the name does not count
    ("Läsprojektet Läsande Lidköping" tagged PER)."""
    for s, e, label in entities:
        if label != "PER" or not (s <= start and end <= e):
            continue
        if text is not None and s < start:
            left = text[s : start + 1].split()
            if len(left) == 1 and left[0].casefold().endswith(_patterns().name_cue_heads):
                continue
        return True
    return False


def _sentence_case_name(item: str) -> bool:
    """A capitalised multi-word name in sentence case ("Trygg i skolan")."""
    words = item.split()
    if not 2 <= len(words) <= 7 or not words[0][:1].isupper() or words[0].isupper():
        return False
    if any(not re.fullmatch(r"[\wåäöÅÄÖ-]+", w) for w in words) or any(c.isdigit() for c in item):
        return False
    if not any(w[:1].islower() for w in words[1:]):
        return False  # "Karin Ek", "Nacka Forum": names of people and places
    stops = _patterns().name_stops
    if words[-1].casefold() in stops or words[-1].casefold() in _cues()["long_form_bad_first"]:
        return False
    return not any(w.casefold() in stops for w in words)


_HYPHEN_TAIL = re.compile(r"-[\wåäö]+")
# lower-case words that run on after a name (not a preposition's phrase: "Läslyftet i förskolan")
_LOWER_RUN_ON = re.compile(r"(?! (?:i|för|på|mot|med|till|om|och|inom|vid|av) )(?: [a-zåäö][a-zåäö-]*)+")
# what a title adds to its short form (both lower-cased): its years, after the place it serves
_PLACE_YEARS_TAIL = re.compile(r"(?: i [a-zåäö][\wåäö]*(?: län)?)? (?:19|20)\d\d(?:\s?[-–]\s?(?:19|20)\d\d)?")


def _item_forms(item: dict[str, Any]) -> tuple[str, str]:
    return ((item["name"] or "").casefold(), (item["acronym"] or "").casefold())


class _Collector:
    def __init__(self, text: str, lowered: str | None = None) -> None:
        self.text = text
        self.lowered = lowered
        self.items: dict[str, dict[str, Any]] = {}

    def key(self, name: str | None, acronym: str | None) -> str:
        return (acronym or "").upper() if acronym else "n:" + (name or "").casefold()

    def add(self, name: str | None, acronym: str | None, key: str | None = None) -> dict[str, Any]:
        """The item of ``name``/``acronym`` (or of ``key``: one lexicon entry's written forms)."""
        k = key or self.key(name, acronym)
        if not acronym and name:  # "metoden Motiverande samtal (MI)": the name of a known acronym
            folded = name.casefold()  # or a name that is a known acronym ("KiVa")
            k = next((key for key, i in self.items.items() if folded in _item_forms(i)), k)
        item = self.items.get(k)
        if item is None:
            item = self.items[k] = {"name": name, "acronym": acronym, "mentions": []}
        elif name and not item["name"] and name.casefold() != (item["acronym"] or "").casefold():
            item["name"] = name
        return item

    def merge_names(self) -> None:
        """Fold a name-only item into an item with an acronym and the same name (a cue found
        "Communities That Care" before the definition "Communities That Care (CTC)")."""
        named = {i["name"].casefold(): k for k, i in self.items.items() if i["acronym"] and i["name"]}
        for k in [k for k, i in self.items.items() if not i["acronym"] and i["name"]]:
            if self.items[k]["name"].casefold() in named:
                del self.items[k]
        # an acronym defined on a definite short form ("den regionala utvecklingsstrategin (RUS)")
        # names the full title found elsewhere ("Regional utvecklingsstrategi för Västra Götaland …")
        for k, item in list(self.items.items()):
            if not item["acronym"] or not item["name"] or len(item["name"].split()) < 2:
                continue
            short = _indefinite(item["name"])
            others = sorted(self.items.items(), key=lambda kv: -len(kv[1]["name"] or ""))
            for other_key, other in others:  # the longest title: "… för Västra Götaland 2021–2030"
                name = other["name"] or ""
                if other["acronym"] or other_key == k or len(name.split()) <= len(short.split()):
                    continue
                if _indefinite(" ".join(name.split()[: len(short.split())])) == short:
                    item["name"] = name
                    del self.items[other_key]
                    break
        # a definite short form of a longer title ("Energi- och klimatstrategin" of "Energi- och
        # klimatstrategi för Örnsköldsviks kommun 2021–2030") is that title
        names = [(i["name"] or "").casefold() for i in self.items.values()]
        for k in [k for k, i in self.items.items() if not i["acronym"] and i["name"]]:
            written = self.items[k]["name"]
            name = written.casefold()
            bases = [name[: -len(e)] for e in ("en", "et", "n") if name.endswith(e) and len(name) > 6]
            if any(o.startswith(b + " ") for b in bases for o in names if o != name):
                del self.items[k]
            elif any(o.startswith(name + " ") and _PLACE_YEARS_TAIL.fullmatch(o, len(name)) for o in names):
                del self.items[k]  # "Program för jämlik hälsa" of "Program för jämlik hälsa i Västmanland 2022–2026"
            elif any(
                len(o.split()) > 1 and name.startswith(o + " ") and _LOWER_RUN_ON.fullmatch(written, len(o))
                for o in names
            ):  # "bevilja projektet Vägar till vård regional medfinansiering": the name is found alone elsewhere
                del self.items[k]

    def mentions(self) -> list[dict[str, Any]]:
        """Fill every programme's mentions and return the programmes in text order."""
        self.merge_names()
        out = []
        heads = _cues()["heads"]
        for item in self.items.values():
            spans: set[tuple[int, int]] = set()
            if item["acronym"]:
                acronym = item["acronym"]
                pattern = re.compile(rf"(?<![\wåäöÅÄÖ-]){re.escape(acronym)}(?![\wåäöÅÄÖ])")
                for m in _matches_at(pattern, self.text, _positions(self.text, [acronym])):
                    end = m.end()
                    tail = _HYPHEN_TAIL.match(self.text, end)
                    if tail and tail.group()[1:].casefold() in heads:
                        end = tail.end()
                    spans.add((m.start(), end))
            if item["name"] and len(item["name"]) > 3:
                name = item["name"]
                body = re.escape(name).replace(r"\ ", r"\s+")
                pattern = re.compile(rf"(?<![\wåäöÅÄÖ-]){body}{_INFLECTION}(?![\wåäöÅÄÖ])", re.I)
                for m in _ci_matches(pattern, self.text, self.lowered, [name.split()[0].lower()]):
                    spans.add((m.start(), m.end()))
            spans_sorted = sorted(spans)
            kept = [
                s for s in spans_sorted if not any(a <= s[0] and s[1] <= b and (a, b) != s for a, b in spans_sorted)
            ]
            item["mentions"] = [{"text": self.text[s:e], "start": s, "end": e} for s, e in kept]
            if item["mentions"]:
                out.append(item)
        # a name found only inside a longer name ("Kompetenslyftet" of "Kompetenslyftet Södertörn")
        spans = [(m["start"], m["end"], id(i)) for i in out for m in i["mentions"]]

        def inside(item: dict[str, Any]) -> bool:
            return all(
                any(
                    a <= m["start"]
                    and m["end"] <= b
                    and b - a > m["end"] - m["start"]
                    and o != id(item)
                    and (m["end"] == b or self.text[m["end"]].isspace())  # not "Läsa mera" of "Läsa mera-projektet"
                    and (m["start"] == a or self.text[m["start"] - 1].isspace())
                    for a, b, o in spans
                )
                for m in item["mentions"]
            )

        # an acronym alone only ever inside a name ("PAX" of "programmet PAX i skolan") is that name
        out = [i for i in out if i["acronym"] and i["name"] or not inside(i)]
        out.sort(key=lambda i: i["mentions"][0]["start"])
        return out


def find_programmes(text: str, entities: Sequence[tuple[int, int, str]] = ()) -> list[dict[str, Any]]:
    """Programme-shaped dicts for ``text``; ``entities`` are (start, end, label) NER spans."""
    cues = _cues()
    pat = _patterns()
    lowered = _lowered(text)
    col = _Collector(text, lowered)
    org_acronyms: set[str] = set()
    programme_spans: list[tuple[int, int]] = []

    # 1. acronym definitions
    known_acronyms = {a for _, a in _known_lexicon() if a}
    for ab in find_abbreviations(text):
        kind = "programme" if ab.short in known_acronyms else classify_long_form(ab.short, ab.long)
        if kind != "programme":
            org_acronyms.add(ab.short)
            continue
        headed = _last_word(ab.long).casefold() in cues["heads"] | _ENGLISH_HEADS  # "… Education Program"
        if _entity_overlaps(ab.long_start, ab.long_end, entities) and not headed:
            continue
        col.add(ab.long, ab.short)
        programme_spans.append((min(ab.long_start, ab.short_start), max(ab.long_end, ab.short_end) + 1))

    # 2. undefined acronyms in programme context
    weak: list[tuple[str, str, int, int]] = []
    blocked = pat.blocked
    for m in pat.acronym_head.finditer(text) if "-" in text else ():
        short = m.group(1)
        if not is_acronym(short) or short.upper() in blocked or short in org_acronyms:
            continue
        if m.group(2).casefold() in cues["not_programme_heads"]:
            continue
        head = m.group(2).casefold()
        base = next((h for h in pat.heads_by_length if head.startswith(h)), head)
        expansion = _hyphen_list_expansion(text, m.end(), short)
        if base in cues["weak_heads"] and not expansion:
            weak.append((short, base, m.start(), m.end()))
            continue
        item = col.add(f"{short}-{base}", short)
        if expansion and not item.get("expansion"):
            item["expansion"] = expansion
        programme_spans.append((m.start(), m.end()))
    for m in pat.acronym_compound_head.finditer(text) if "-" in text else ():
        short = m.group(1)
        if is_acronym(short) and short.upper() not in blocked and short not in org_acronyms:
            col.add(m.group(), short)
            programme_spans.append((m.start(), m.end()))
    for m in _ci_matches(pat.acronym_after_cue, text, lowered, pat.cues_before):
        short = m.group(1)
        if is_acronym(short) and short.upper() not in blocked and short not in org_acronyms:
            col.add(None, short)
            programme_spans.append((m.start(1), m.end(1)))

    for short, _base, start, end in weak:  # "SIP-arbetet": only for an acronym seen as a programme elsewhere
        if short.upper() in col.items:
            col.add(None, short)
            programme_spans.append((start, end))

    def take_acronym(short: str, start: int) -> None:
        if short.upper() not in blocked and short not in org_acronyms:
            col.add(None, short)
            programme_spans.append((start, start + len(short)))

    defined = list(programme_spans)  # acronym definitions: "Unga leder unga (ULU)"

    def take_name(name: str, start: int, after_head: bool = False) -> None:
        if name.upper() in blocked:
            return
        end = start + len(name)
        if any(a <= start and end <= b and end - start < b - a - 1 for a, b in defined):
            return  # "Metoden Unga leder unga (ULU)": a cue took the first word of a defined name
        if _entity_overlaps(start, end, entities) and not (
            after_head
            and _no_first_name(name)
            and not _entity_overlaps(start - 1, end, entities, text=text)
            and not _entity_overlaps(start, end + 1, entities)
        ):
            return  # a PER span vetoes, unless no word is a first name and a programme noun precedes
        # "projektet Friskare förskola": a name in sentence case; "projektet Soltak Falkenberg": a
        # word and the municipality it serves
        named = after_head and (_sentence_case_name(name) or _word_and_place(name.split()))
        if named or not _names_a_place_or_body(name):
            if not _names_a_law(name):
                col.add(name, None)
                programme_spans.append((start, start + len(name)))

    # 3. proper names: after a programme noun, in quotes, in appositions, titled plans
    for name, start, after_head in _named_programmes(text, lowered):
        if is_acronym(name) and name.isupper():
            take_acronym(name, start)
        else:
            take_name(name, start, after_head)

    # 3b. well-known national programmes and methods (known_programmes.txt)
    known_ends: list[int] = []
    for name, acronym, start, end, key in sorted(_known_programmes(text), key=lambda k: k[2]):
        if acronym and (acronym in org_acronyms or acronym.upper() in blocked):
            continue
        if known_ends and re.fullmatch(r"\s*\(", text[known_ends[-1] : start]) and not acronym:
            continue  # "Bostad först (Housing First)": the other language's name of the same
        known_ends.append(end)
        if any(a <= start and end <= b for a, b in defined):
            continue  # "Europeiska socialfonden (ESF+)": the definition names it
        place = _IN_PLACE_AFTER.match(text, end)
        served = _PLACE_WORD_AFTER.match(text, end)
        if name and not acronym and place and place.group(1) in regions():
            name, end = name + place.group(), place.end()  # "Trygg hemgång i Östergötland" (not "i Luleå")
        elif name and not acronym and served and (served.group(1) in regions() or served.group(1) in municipalities()):
            name, end = name + served.group(), served.end()  # "Trygg hemgång Uppland", "Bokstart Gävleborg"
        elif name and not acronym and (pledge := _FOR_PLACE_AFTER.match(text, end)):
            if pledge.group(1) in municipalities():
                name, end = text[start : pledge.end()], pledge.end()  # "Medborgarlöftet för Vellinge"
        col.add(name, acronym, key=None if acronym else "n:" + key.casefold())
        programme_spans.append((start, end))

    for name, start in family_names(text):
        col.add(name, None)
        programme_spans.append((start, start + len(name)))

    # 3c. names by general cues: "Matematiklyftet", "Våga visa-projektet", "KIVA är ett program",
    # "PBIS som arbetssätt", "Signs of Safety", bullet items under "Aktiviteter", "Projekt" …
    suffixes = tuple(pat.name_suffixes + pat.definite_name_heads)
    verb_cue_starts: set[int] = set()
    for name, acronym, start in cue_names(text, lowered, verb_cue_starts):
        if acronym:
            take_acronym(acronym, start)
        elif name is not None:
            # one word with a programme ending ("Kulturgarantin") is no person an NER tag may veto
            # nor is "Sommarjobb Trelleborg" (a word and a municipality) after "inom ramen för"
            strong = " " not in name and name.casefold().endswith(suffixes) or _word_and_place(name.split())
            # and a sentence-case name after a verb cue ("statsbidrag för Likvärdig skola") is no school
            strong = strong or start in verb_cue_starts and _sentence_case_name(name)
            take_name(name, start, after_head=strong)

    # 3d. local names that end in the place they serve: "inom Lov i Malmö", "Trygg skolväg Kiruna"
    for name, start in place_named_names(text):
        take_name(name, start)

    # 3e. the project column of a table ("Projekt" / "Period" / "Finansiering" / …)
    for name, acronym, start in table_column_names(text):
        if name is None and acronym:
            take_acronym(acronym, start)
        elif name is not None:
            take_name(name, start, after_head=True)  # the column head names what the cell is
            if acronym and name in (i["name"] for i in col.items.values()):
                col.add(name, acronym)

    # 4. capitalised names (and acronyms: "NTA 20 år och PEAK 10 år") in lists that hold a programme
    # an apposition ("en handlingsplan, Trygg skolväg X, med …") stands between commas but is no list item
    appositions = {m.start(1) for m in pat.head_apposition.finditer(text)} if ", " in text else set()
    for name, start in _list_names(text, [sp for sp in programme_spans if sp[0] not in appositions]):
        if is_acronym(name) and name.isupper():  # an NER person span on an acronym is noise
            if name.upper() not in blocked and name not in org_acronyms:
                col.add(None, name)
        elif not _entity_overlaps(start, start + len(name), entities) and not _names_a_place_or_body(name):
            col.add(name, None)

    # 5. the other items of a colon-introduced list whose items are mostly programmes already
    known_keys = {k.casefold() for k in col.items} | {
        (i["name"] or "").casefold() for i in col.items.values() if i["name"]
    }
    for name, start in colon_list_names(text, lambda head: head.casefold() in known_keys):
        if not _entity_overlaps(start, start + len(name), entities) and not _names_a_place_or_body(name):
            if not _names_a_law(name):
                col.add(name, None)

    out = col.mentions()
    for item in out:
        item.pop("expansion", None)
    return out


@cache
def _place_words() -> tuple[str, ...]:
    """Heads and street suffixes of place names (``place_patterns.json``)."""
    pat = read_json("place_patterns.json")
    return tuple(w.casefold() for w in pat["place_heads"] + pat["street_suffixes"] + pat["school_suffixes"])


def _head_word(name: str) -> str:
    """The head of a name: the last word before a preposition ("Hjärnvägar i förskolan" →
    "hjärnvägar", "Inspektionen för vård och omsorg" → "inspektionen"), else the last word."""
    words = _words(name)
    for i, w in enumerate(words[1:], start=1):
        if w in ("i", "för", "på", "mot", "med", "av", "om", "till", "vid", "inom"):
            return words[i - 1].casefold()
    return words[-1].casefold() if words else ""


def _names_a_law(name: str) -> bool:
    """Whether a name is a law or convention ("Barnkonventionen", "Lag om …")."""
    return _ends_with_any(_head_word(name), _cues()["law_suffixes"]) or name.casefold().startswith("lag ")


def _names_a_place_or_body(name: str) -> bool:
    """Whether a name is a place or a body ("Vällingby centrum", "Stockholms stad",
    "Sickla skola"), not a programme."""
    last = _head_word(name)
    if len(name.split()) > 1 and name.split()[-1].casefold() == last and name.split()[-1][:1].isupper():
        # a proper name at the end is a place only whole ("Jobbspår Karlstad" is no body "-stad")
        return last in _cues()["org_suffixes"] or _ends_with_any(last, _place_words())
    return _ends_with_any(last, _cues()["org_suffixes"]) or _ends_with_any(last, _place_words())


@cache
def _head_endings() -> tuple[str, ...]:
    """The definite programme nouns a compound ends with ("Leaderprojektet")."""
    return tuple(h for h in _cues()["name_cue_heads"] if h.endswith(("et", "en")))


@cache
def _known_words() -> frozenset[str]:
    """The one-word names of known programmes, folded ("matematiklyftet")."""
    return frozenset(n.casefold() for n, _ in _known_lexicon() if n and " " not in n)


@cache
def _known_lexicon() -> tuple[tuple[str | None, str | None], ...]:
    """(name, acronym) pairs of ``known_programmes.txt`` (a lone acronym has no name)."""
    return tuple((name, acronym) for name, acronym, _ in _known_entries())


@cache
def _known_entries() -> tuple[tuple[str | None, str | None, tuple[str, ...]], ...]:
    """(name, acronym, other written forms) of ``known_programmes.txt``: one a line,
    ``name[<TAB>acronym[<TAB>form|form…]]``; a lone acronym has no name."""
    out = []
    for line in read_lines("known_programmes.txt"):
        name, acronym, forms = ([*line.split("\t"), "", ""])[:3]
        name, acronym = name.strip(), acronym.strip()
        if not acronym and is_acronym(name) and name.isupper():
            name, acronym = "", name
        variants = tuple(f.strip() for f in forms.split("|") if f.strip() and f.strip() != name)
        out.append((name or None, acronym or None, variants))
    return tuple(out)


def _known_programmes(text: str) -> list[tuple[str | None, str | None, int, int, str]]:
    """Occurrences of well-known programmes: (name, acronym, start, end), every one (a list
    around any of them may name more programmes), and the lexicon's name or acronym as a key.
    ``name`` is the lexicon's name, or the written form found where the text uses another form
    ("statsbidraget för likvärdig skola")."""
    out = []
    for name, acronym, form, pattern in _patterns().known:
        if form in text:
            for m in _matches_at(pattern, text, _positions(text, [form])):
                written = name if form in (name, acronym) else m.group()
                out.append((written, acronym, m.start(), m.end(), acronym or name or ""))
    return out


def _opens_with_body(name: str) -> bool:
    """Whether a phrase after a programme noun opens with an organisation, so that it is a
    clause, not a name ("materialet Skolverket tog fram", "projektet Region Skåne driver")."""
    first = name.split()[0].casefold()
    if first in _known_names()["org_forms"] or first in _cues()["body_words"]:
        return True
    return any(first.endswith(s) and len(first) >= len(s) + 3 for s in _cues()["org_suffixes"])


def _label_line(text: str, start: int) -> bool:
    """Whether the line from ``start`` opens with a label ("Föredragande:", "Dnr …")."""
    end = text.find("\n", start)
    line = text[start : end if end >= 0 else len(text)]
    if re.match(r"[^\s:]+(?:\s[^\s:]+)?:", line):
        return True
    first = re.match(r"[\wåäöÅÄÖ.]+(?:\s[\wåäö]+)?", line)
    return bool(first) and (is_any_label(first.group()) or is_any_label(line.split()[0]))


def _all_place_words(name: str) -> bool:
    """ "Stockholm", "Södra Sollentuna": every word a municipality's or a place's name."""
    return all(w.casefold() in _patterns().place_words for w in name.split())


def _no_first_name(name: str) -> bool:
    """ "Digitaktik", "Snabbspår Skåne": one to three words, none a known first name (the NER
    model may take unknown capitalised words after "forskningsprojektet" for a person)."""
    words = name.split()
    return 1 <= len(words) <= 3 and not any(w in first_names() for w in words)


def _person_like(name: str) -> bool:
    """ "Anna Svensson": every word capitalised and the first a known first name."""
    words = name.split()
    return len(words) >= 2 and all(w[:1].isupper() for w in words) and words[0] in first_names()


def _sentence_start(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start]
    return start == 0 or "\n" in before or bool(re.search(r"[.!?:•]\s*$", before))


def _mid_sentence(text: str, start: int) -> bool:
    """Whether ``start`` follows a lower-case word or a comma, on its line or at the end of the
    line before (a wrapped sentence: "… ligger i linje med" / "Folkhälsopolitiskt program …")."""
    before = text[max(0, start - 60) : start].rstrip(" \t")
    if before.endswith("\n"):
        before = before.rstrip()
        if "\n\n" in text[max(0, start - 60) : start]:
            return False
    return bool(re.search(r"[a-zåäö,]$", before))


def _line_start(text: str, start: int) -> bool:
    """Whether ``start`` opens a line, perhaps after a bullet."""
    line = text[text.rfind("\n", 0, start) + 1 : start]
    return not line.strip() or bool(_BULLET.fullmatch(line.lstrip()))


def _passive_verb(word: str) -> bool:
    """Whether a lower-case word is a verb's s-passive ("prioriteras", "genomförs"), by the
    lemma table: the word is its infinitive plus "s", or minus its final "a" plus "s"."""
    if not word.endswith("s") or not word[:1].islower():
        return False
    lemma = lemma_table().get(word)
    return bool(lemma) and lemma.endswith("a") and lemma in (word[:-1], word[:-1] + "a")


def _indefinite(name: str) -> str:
    """A name's words without definite or plural adjective endings, lower-cased, to compare
    "regionala utvecklingsstrategin" with "Regional utvecklingsstrategi"."""
    out = []
    for w in name.casefold().split():
        for end in ("na", "en", "et", "n", "a"):
            if w.endswith(end) and len(w) - len(end) >= 4:
                w = w[: -len(end)]
                break
        if len(w) > 4 and w[-1] == w[-2] and w[-1] not in "aeiouyåäö":
            w = w[:-1]  # "programmet" -> "programm" -> "program"
        out.append(w)
    return " ".join(out)


def _trim_name(words: str, min_words: int = 2) -> str | None:
    """Cut a captured name before the first stop word or s-passive verb."""
    stops = _patterns().trim_stops
    kept: list[str] = []
    split = words.split()
    for i, w in enumerate(split):
        if w in ("och", "eller") and i and split[i - 1].endswith("-"):
            kept.append(w)  # "Vård- och omsorgscollege Sörmland": a suspended compound
            continue
        nxt = split[i + 1] if i + 1 < len(split) else ""
        if i and w == "till" and _TO_WHAT.fullmatch(nxt) and not is_definite_noun(nxt) and nxt not in stops:
            kept.append(w)  # "Vägar till vård", "Från bidrag till arbete": where the way leads
            continue
        if i and w == "med" and nxt in municipalities() and i + 2 == len(split):
            kept.append(w)  # "satsningen Räkna med Burlöv"
            continue
        if i and w == "vid" and nxt[:1].isupper() and nxt.endswith(_WATERS):
            kept.append(w)  # "Levande stränder vid Glafsfjorden": the water it is about
            continue
        if i == 1 and len(split) == 3 and _finite_verb(w) and (nxt == split[0].casefold() or nxt in municipalities()):
            kept.append(w)  # "Unga leder unga", "Unga leder Skurup": who does what for whom
            continue
        if w.casefold() in stops or _passive_verb(w) or (i >= 2 and w.islower() and _finite_verb(w)):
            break  # "projektet Trygg i Vivalla ordnat samtalsgrupper": the sentence's verb
        if (
            w in ("i", "på", "inom")
            and i + 2 < len(split)
            and split[i + 1] in _QUANTIFIERS
            and split[i + 2][:1].islower()
        ):
            break  # "Vardagsrehabilitering i hela hemtjänsten": where, not the name
        if w == "i" and nxt in _cues()["adverbial_nouns_after_i"]:
            break  # "Trygg i Partille i enlighet med …": an adverbial, not the name
        if w in ("på", "vid", "i") and nxt[:1].isupper() and nxt.casefold().endswith(_VENUE_ENDS):
            break  # "Frukostklubben på Östratornskolan": the school it runs at
        if w in ("på", "vid", "i") and nxt[:1].islower() and nxt.endswith(_VENUES_PLURAL):
            break  # "Effekt på högstadieskolorna": the units it runs at
        kept.append(w)
    while kept and kept[-1].casefold() in _cues()["long_form_bad_first"]:
        kept.pop()
    if len(kept) > 2 and kept[-2] == "i" and kept[-1].casefold() in _TIME_WORDS:
        kept = kept[:-2]  # "Starta eget-lyftet i år": a time adverbial ends the name
    return " ".join(kept) if len(kept) >= min_words else None


_WATERS = ("sjön", "fjorden", "ån", "älven", "viken", "sundet", "kusten", "fjärden")
_TO_WHAT = re.compile(r"[a-zåäö]{3,}")
_VENUE_ENDS = ("skolan", "skola", "gymnasiet", "biblioteket", "fritidsgården", "badet", "huset")
_VENUES_PLURAL = ("skolorna", "gårdarna", "biblioteken", "boendena", "enheterna", "gymnasierna", "stationerna")
_QUANTIFIERS = frozenset(("hela", "alla", "samtliga", "varje", "flera", "många"))
_TIME_WORDS = frozenset(
    "år dag dagsläget höst höstas vår våras sommar somras vinter vintras fjol januari februari mars april maj juni "
    "juli augusti september oktober november december".split()
)


_SENTENCE = re.compile(r"[^.!?\n]+")
# a list item that is an acronym, perhaps with a number: "PEAK", "PEAK 10 år"
_LIST_ACRONYM = re.compile(rf"({ACRONYM})(?:\s+\d+(?:\s+[a-zåäö]+)?)?")


# an acronym with what it is for: "PAX i skolan", "KIVA mot mobbning"
_ACRONYM_LED = re.compile(r"[A-ZÅÄÖ]{2,6}\s+(?:i|för|mot|på)\s+[a-zåäö]+(?:\s+[a-zåäö]+)?")
_LIST_SEPARATOR = re.compile(r",\s*(?:och\s+|samt\s+|eller\s+)?|\s+och\s+|\s+samt\s+|\s+eller\s+")


def _split_list(sentence: str) -> list[str]:
    """What ``re.split`` with the separators in a capturing group gives, but no split inside
    brackets: "NTA (natur och teknik för alla), Naturskolan och PEAK (energi och …)"."""
    parts: list[str] = []
    pos = 0
    for m in _LIST_SEPARATOR.finditer(sentence):
        before = sentence[: m.start()]
        if before.count("(") > before.count(")"):
            continue
        parts.extend([sentence[pos : m.start()], m.group()])
        pos = m.end()
    parts.append(sentence[pos:])
    return parts


def _list_names(text: str, programme_spans: list[tuple[int, int]]) -> list[tuple[str, int]]:
    """Sentence-case multi-word items of comma lists that contain a programme span."""
    out: list[tuple[str, int]] = []
    starts = sorted(a for a, _ in programme_spans)
    if not starts:
        return out
    for sent in _SENTENCE.finditer(text):
        s0, s1 = sent.span()
        i = bisect_left(starts, s0)
        if i == len(starts) or starts[i] >= s1:
            continue
        if sent.group().count(",") < 1 and " och " not in sent.group():
            continue
        pos = s0
        for part in _split_list(sent.group()):
            start = pos
            pos += len(part)
            if not part or re.fullmatch(r",\s*(?:(?:och|samt|eller)\s+)?|\s+(?:och|samt|eller)\s+", part):
                continue
            item = re.sub(r"\s*[(\[][^)\]]*[)\]]\s*$", "", part).strip()
            lead = len(part) - len(part.lstrip())
            if start == s0:
                # the first item follows the lead-in: "Förvaltningen arbetar med Äldre för äldre"
                tail = list(re.finditer(r"(?<=\s)[A-ZÅÄÖ]", item))
                if not tail:
                    continue
                cut = tail[-1].start()
                if not re.search(
                    r"(?:\bmed|\bsåsom|\bsom|bland annat|\bexempelvis|t\.ex\.|\binklusive|:)\s+$", item[:cut]
                ):
                    continue  # only after a list-introducing word: "arbetar med Äldre för äldre, …"
                lead += cut
                item = item[cut:]
            if not item:
                continue
            if any(start <= a < start + len(part) for a, _ in programme_spans):
                continue
            if _passive_verb(item.split()[-1]) or _finite_verb(item.split()[-1]):
                continue  # "biblioteken i Vårby gård och Visättra prioriteras, liksom …": a clause
            led = _trim_name(item, min_words=3) if _ACRONYM_LED.match(item) else None
            if _sentence_case_name(item) and "," in sent.group():
                out.append((item, start + lead))  # "Föräldraskap i Sverige" (an "och" alone is no list)
            elif led and _ACRONYM_LED.fullmatch(led):
                out.append((led, start + lead))  # "PAX i skolan (ingår …)"
            elif (m := _LIST_ACRONYM.fullmatch(item)) and is_acronym(m.group(1)) and m.group(1).isupper():
                out.append((m.group(1), start + lead))
    return out


_BULLET = re.compile(r"(?:[•●◦▪■□➢►‣∙·*-]|[–—]|\d{1,2}[.)])\s+")
_ITEM_SEPARATOR = re.compile(r"\s+[–—-]\s+|:\s+|\s*\(|,\s+")
_LINE = re.compile(r"[^\n]+")
_BULLET_ALONE = re.compile(r"\s*(?:[•●◦▪■□➢►‣∙·*\uf0b7\uf0a7-]|[–—])\s*")
_HEADING_TAIL = re.compile(r"(.+?)\s+(?:för|som|inom|under|i|och|att|med|mot|till)\b")
# a long single word in a definite form: "Heltidsresan", "Skolstegen" (not "Trygghet")
_DEFINITE_COMPOUND = re.compile(r"[A-ZÅÄÖ][a-zåäö]{5,}(?:en|et|an|na)(?<!het)(?<!tet)")
_QUOTES = "”“„\"«»'"


def cue_names(
    text: str, lowered: str | None = None, verb_cue_starts: set[int] | None = None
) -> list[tuple[str | None, str | None, int]]:
    """(name, acronym, start) of programmes found by general Swedish cues: a name suffix
    ("Matematiklyftet", "stötta Betonginitiativet"), a multi-word name compounded with a
    programme head ("Våga visa-projektet"), a copula ("KIVA är ett evidensbaserat program",
    "Trygg start är en metod …"), "<ACRONYM> som metod/arbetssätt", English method names in a
    method context ("Signs of Safety"), an apposition after a head ("ett nytt arbetssätt, Trygg
    i hemmet, införs"), a sentence-case name after a verb cue ("deltar i Trygg i Tyresö") and
    bullet items under programme headings (:func:`heading_list_names`). ``lowered`` is
    ``text.lower()`` when the caller has it."""
    pat = _patterns()
    out: list[tuple[str | None, str | None, int]] = []
    out.extend((name, None, start) for name, start in _suffix_names(text))
    for m in pat.multiword_compound.finditer(text) if "-" in text else ():
        if _sentence_case_name(m.group(1)) and _name_like(m.group(1)):
            out.append((_with_method_head(m), None, m.start(1)))
    for m in pat.titled_multiword_compound.finditer(text) if "-" in text else ():
        if m.start() and text[m.start() - 1].isalnum():
            continue
        if _name_like(m.group(1)) and not _sentence_start(text, m.start(1)):
            out.append((_with_method_head(m), None, m.start(1)))
    for m in pat.acronym_as.finditer(text) if " som " in text else ():
        if is_acronym(m.group(1)) and m.group(1).isupper():
            out.append((None, m.group(1), m.start(1)))
    for m in _matches_at(pat.copula, text, _positions(text, ["är "])):
        found = _name_before(text, m.start())
        if found:
            name, start = found
            if is_acronym(name) and name.isupper():
                out.append((None, name, start))
            else:
                out.append((name, None, start))
    for m in pat.described_name.finditer(text) if ", e" in text else ():
        name = m.group(1)
        if name.split()[0] in first_names() or _person_like(name):
            continue
        if " " not in name or _sentence_case_name(name):  # "Språkväskan", "Läsa och skriva"
            out.append((name, None, m.start(1)))
    for m in pat.event_name.finditer(text) if any(h in text for h in pat.event_heads) else ():
        words = m.group(1).split()
        if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] == "-"):
            continue
        if words[0].casefold() not in _cues()["generic_name_starts"] and not _person_like(" ".join(words[:-1])):
            out.append((" ".join(words), None, m.start(1)))
    english = any(w in text for w in pat.english_evidence)
    for m in pat.english_name.finditer(text) if english else ():
        words = m.group(1).split()
        if "\n" in m.group(1) and m.group(1).rpartition("\n")[2].split()[0] in first_names():
            words = m.group(1).rpartition("\n")[0].split()  # "Signs of Safety" / "Peter Lindbäck informerar"
        if _english_name(words) and _programme_context(text, m.start(1), m.end(1)):
            out.append((" ".join(words), None, m.start(1)))
    for m in pat.head_apposition.finditer(text) if ", " in text else ():
        name = m.group(1)
        if _name_like(name) and (len(name.split()) > 1 or is_acronym(name)):
            out.append((None, name, m.start(1)) if is_acronym(name) and name.isupper() else (name, None, m.start(1)))
    lowered = lowered or _lowered(text) or text
    for pos in _positions(lowered, pat.verb_cues):  # overlapping: "deltar i X och inom ramen för Y"
        m = pat.verb_cue.match(text, pos)
        name = _trim_name(m.group(1), min_words=2) if m else None
        if name and re.search(r" (?:19|20)\d\d$", name):
            name = name[:-5]  # "statsbidrag för Likvärdig skola 2026": the year's round, not the name
        if name and re.search(r"- (?:och|eller) ", name):
            continue  # "inom ramen för Vård- och omsorgscollege": as likely a body; a programme noun decides
        start = m.start(1) if m else 0
        owner = _GENITIVE_OWNER.match(name) if name else None
        if owner:  # "deltagit i Skolverkets Samverkan för bästa skola": the owner is not the name
            name, start = name[owner.end() :], start + owner.end()
        head = re.match(r"\S+ ", name) if name else None
        if head and head.group().strip().casefold().endswith(_head_endings()):
            name, start = name[head.end() :], start + head.end()  # "medverkat i Leaderprojektet Kulturarv …"
        name = _coordinated_places(text, start, name) if name else name
        if name and _verb_cue_name(name):
            out.append((name, None, start))
            if verb_cue_starts is not None:
                verb_cue_starts.add(start)
    out.extend((name, acronym, start) for name, acronym, start in heading_list_names(text))
    return out


@cache
def _place_name_regex() -> re.Pattern[str]:
    """ "Trygg i Umeå", "Hållbart resande Skellefteå": a capitalised word, up to two lower-case
    words, and a municipality's, a region's or Sweden's name (after "i" or directly)."""
    place = _place_alternation("Sverige")
    return re.compile(
        rf"(?<=[a-zåäö,] )([A-ZÅÄÖ][a-zåäö]+(?:-[a-zåäö]+)?((?:[ \t]+(?!i[ \t])[a-zåäö]+){{0,2}}))"
        rf"[ \t]+(i[ \t]+(?:hela[ \t]+)?)?({place})(?![\wåäö-])"
    )


_WITHIN_BEFORE = re.compile(r"(?<![\wåäö])(?:inom|genom)[ \t]+$")


def place_named_names(text: str) -> list[tuple[str, int]]:
    """(name, start) of local programme names that end in the place they serve, inside a
    sentence: "aktiviteterna inom Lov i Malmö", "kommunens strategi Framkomlighet i Nacka",
    "Trygg skolväg Kiruna". One word before "i <place>" must be no definite noun
    ("Länsstyrelsen i Skåne"), genitive, first name, party, place, body or known programme
    ("Huskurage i Järfälla" is Huskurage); without "i" the name needs a lower-case word
    ("Hållbart resande Skellefteå", not "Komvux Enköping")."""
    out: list[tuple[str, int]] = []
    if not any(c.isupper() for c in text):
        return out
    cues = _cues()
    blockers = (
        cues["stop_words"]
        | cues["long_form_bad_first"]
        | cues["place_prepositions"]
        | _QUANTIFIERS
        | cues["place_name_lower_blockers"]
    )
    known = {n.casefold() for n, _ in _known_lexicon() if n}
    places = _patterns().place_words
    for m in _place_name_regex().finditer(text):
        head, lower, with_i = m.group(1), m.group(2).split(), bool(m.group(3))
        first = head.split()[0]
        low = first.casefold()
        cued = _WITHIN_BEFORE.search(text, max(0, m.start(1) - 8), m.start(1)) is not None
        if not with_i and not lower and not (cued and _word_and_place([head, m.group(4)])):
            continue  # "Komvux Enköping" (but "insatser inom Läslust Södertälje", "genom Kompetenstrappan Skåne")
        if lower and "hela" in (m.group(3) or ""):
            continue  # "Attraktiva livsmiljöer i hela Nacka": a goal, not a name
        if any(w in blockers or is_definite_noun(w) for w in lower):
            continue  # "Botkyrka kommun och Södertälje", "Tekniska verken i Kiruna"
        if first in first_names() or is_definite_noun(first) or low in known or head.casefold() in known:
            continue
        if _DEFINITE_COMPOUND.fullmatch(first) or not lower and _ends_with_any(low, cues["place_like_endings"]):
            continue  # "Pedagogpoolen i Sverige", "Mittstråket mellan …", "Svindersvik i Nacka"
        if low.endswith("s") and (lemma_table().get(low[:-1]) or low[:-1] in places):
            continue  # a genitive owner: "Strategins förankring i Nacka", "Skånes psykiatri i …"
        if low in places or _opens_with_body(head) or low in cues["generic_name_starts"]:
            continue
        if _names_a_place_or_body(head) or _names_a_law(head) or _names_a_party(first):
            continue  # "Moderaterna i Nacka"
        if with_i and _AND_PLACE_AFTER.match(text, m.end()):
            continue  # "Rörelse hela livet i Skinnskatteberg och Norberg": where it runs
        before = _WORD_BEFORE.search(text, max(0, m.start(1) - 40), m.start(1))
        if before and _ends_with_any(before.group(1).casefold(), cues["org_suffixes"]):
            continue  # "ungdomsrådet Ung i Österåker": the council's name, an organisation
        out.append((m.group(0), m.start(1)))
    return out


def _names_a_party(word: str) -> bool:
    """Whether a word is a party's written name ("Moderaterna", "Socialdemokraternas") or a local
    party's ("Sjukvårdspartiet"), by the party component's own finder."""
    from nlpkommun.components.parties import find_party_mentions

    return any(p["start"] == 0 and p["end"] == len(word) for p in find_party_mentions(word))


def family_names(text: str) -> list[tuple[str, int]]:
    """(name, start) of members of programme families ("inom Interreg ÖKS", "Leader Mittland";
    ``programme_families``); the family alone where no name follows."""
    pat = _patterns()
    out = []
    for m in pat.family.finditer(text) if any(f in text for f in pat.families) else ():
        words = m.group(1).split()
        while len(words) > 1 and words[-1].casefold() in _cues()["stop_words"] | _cues()["heads"]:
            words.pop()
        out.append((" ".join(words), m.start(1)))
    return out


def _with_method_head(m: re.Match[str]) -> str:
    """The name of a hyphen compound: "Våga visa" of "Våga visa-projektet", but the whole
    "Studio III-modellen" where the head is a model or method, part of the method's name."""
    if m.group(2).casefold().startswith(tuple(_cues()["name_keeping_heads"])):
        return m.group(0)
    return m.group(1)


_GENITIVE_OWNER = re.compile(r"[A-ZÅÄÖ][\wåäö]+s\s+(?=[A-ZÅÄÖ][\wåäö]*\s+\S)")


def _verb_cue_name(name: str) -> bool:
    """Whether a capitalised phrase after a verb cue ("deltar i", "arbetar med") is a name in
    sentence case that no municipality ("Nacka stads arbete"), genitive owner ("Skolverkets
    material"), plan reference, person, organisation or place opens."""
    words = name.split()
    first = words[0]
    if first in first_names():
        return False  # "Anna Svenssons projekt"
    if first.casefold() in _patterns().place_words or first.rstrip("s").casefold() in _patterns().place_words:
        return False
    if (
        first.endswith("s")
        and len(words) > 1
        and words[1].islower()
        and first.casefold()[:-1] not in _cues()["stop_words"]
    ):
        return False  # a genitive owner: "Skolverkets material"
    if _word_and_place(words):
        return True  # "inom ramen för Sommarjobb Trelleborg"
    return _sentence_case_name(name) and _name_like(name) and not _generic_plan_phrase(name)


def _word_and_place(words: list[str]) -> bool:
    """ "Sommarjobb Trelleborg", "Jobbspår Karlstad": a capitalised word that is no definite noun,
    body or place, and a municipality's or region's name."""
    if len(words) != 2 or words[1] not in municipalities() and words[1] not in regions():
        return False
    first = words[0]
    if not re.fullmatch(r"[A-ZÅÄÖ][a-zåäö]{3,}", first) or _DEFINITE_COMPOUND.fullmatch(first):
        return False
    if first.casefold() in read_json("place_patterns.json")["organisation_words_before_place"]:
        return False  # "Komvux Enköping", "Lärcentrum Kramfors": an organisation
    return not (is_definite_noun(first) or _opens_with_body(first) or _names_a_place_or_body(first))


def _suffix_names(text: str) -> list[tuple[str, int]]:
    """(name, start) of capitalised words ending in a name suffix: "Matematiklyftet",
    "Digitaliserings-lyftets" (→ "Digitaliserings-lyftet"), and, inside a sentence, in a
    definite programme head ("stötta Betonginitiativet")."""
    out = []
    pat = _patterns()
    for suffix in pat.name_suffixes + pat.definite_name_heads:
        inside_only = suffix not in pat.name_suffixes
        for pos in _positions(text, [suffix]):
            end = pos + len(suffix)
            after = end + 1 if text[end : end + 1] == "s" else end
            if after < len(text) and (text[after].isalnum() or text[after] == "-"):
                continue
            start = pos
            while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "-"):
                start -= 1
            if pos - start >= 2 and text[start].isupper() and text[start:pos].strip("-"):
                prefix = text[start:pos]
                if inside_only and (
                    _sentence_start(text, start)
                    or prefix.casefold() in pat.generic_prefixes
                    or prefix.strip("-").isupper()
                ):
                    continue  # "Projektet …", "Utvecklingsprojektet", "SPA-projektet" (an acronym rule's)
                if inside_only and _NAMED_NEXT.match(text, end):
                    continue  # "i Leaderprojektet Kulturarv i …": the head of the name after it
                place = _PLACE_AFTER.match(text, end)
                if place and place.group(1).casefold() in pat.place_words:
                    end = place.end()  # "Simlyftet Gävle", "Matematiklyftet Sollentuna"
                out.append((text[start:end], start))
    return out


_PLACE_AFTER = re.compile(r"[ \t]+([A-ZÅÄÖ][a-zåäö]+)(?![\wåäö-])")
_NAMED_NEXT = re.compile(r"[ \t]+[A-ZÅÄÖ][a-zåäö]+[ \t]+[a-zåäö]")  # "Leaderprojektet Kulturarv i …"


def _name_before(text: str, end: int) -> tuple[str, int] | None:
    """The name that opens a clause and ends at ``end`` ("KIVA", "Trygg start", "”Läsande klass”"):
    at most five words from a line, sentence or bullet start, the first not a determiner,
    pronoun or generic word."""
    line_start = text.rfind("\n", 0, end) + 1
    start = line_start
    for m in re.finditer(r"[.!?:;]\s+", text[line_start:end]):
        start = line_start + m.end()
    if bm := _BULLET.match(text, start):
        start = bm.end()
    name = text[start:end].strip()
    start += len(text[start:end]) - len(text[start:end].lstrip())
    if name[:1] in _QUOTES and name[-1:] in _QUOTES:
        name, start = name[1:-1].strip(), start + 1
    words = name.split()
    if len(words) >= 2 and words[1][:1].isupper() and re.fullmatch(r"[A-ZÅÄÖ][a-zåäö]{3,}(?:et|en)", words[0]):
        # "Föräldrastödet Barn i fokus är …": a definite noun names the kind, the name follows
        cut = name.index(words[1], len(words[0]))
        name, start = name[cut:], start + cut
    return (name, start) if _name_like(name) else None


def _name_like(name: str) -> bool:
    """Whether a clause-initial phrase or list item can be a programme name: 1-5 words, a
    capital first, not a generic or organisation word first; an acronym or a name in sentence
    or title case, not a person."""
    words = name.split()
    if not 1 <= len(words) <= 5 or not name[:1].isupper() or any(not re.fullmatch(r"[\wåäöÅÄÖ.&-]+", w) for w in words):
        return False
    cues = _cues()
    if words[0].casefold() in cues["generic_name_starts"] or words[0].casefold() in cues["heads"]:
        return False
    if any(w.casefold() in cues["stop_words"] - {"för", "i", "med", "och", "mot", "på", "till", "om"} for w in words):
        return False
    if len(words) == 1:  # "Utvecklingsprojektet är ett …" is generic: only an acronym
        return is_acronym(name) and name.isupper()
    if words[0].casefold() in cues["org_suffixes"]:
        return False  # "Region Västmanland", "Stiftelsen …"
    if words[0].casefold().endswith(("arna", "orna", "erna")):
        return False  # "Sökningarna på tv är …": a definite plural opens a clause, not a name
    if _person_like(name):
        return False
    return _sentence_case_name(name) or _title_case_name(words)


def _title_case_name(words: list[str]) -> bool:
    """ "Trygga Västerås", "Grön Flagg": two or more capitalised words, lower-case ones only
    between them as connectors ("och", "i", "för")."""
    caps = [w for w in words if w[:1].isupper()]
    connectors = {"och", "i", "för", "på", "med", "mot", "till", "om", "&"}
    return len(caps) >= 2 and words[-1][:1].isupper() and all(w[:1].isupper() or w in connectors for w in words)


def _programme_context(text: str, start: int, end: int) -> bool:
    """Whether the sentence around a span speaks of a method or programme ("… används som
    arbetssätt", "utbildning i …"): a word there opens with a ``programme_context_stems`` stem."""
    s0 = max(text.rfind(". ", 0, start) + 2, text.rfind("\n\n", 0, start) + 2, start - 300)
    ends = [i for i in (text.find(". ", end), text.find("\n\n", end), end + 300) if i >= 0]
    s1 = min(ends) if ends else len(text)
    sentence = text[s0:start] + " " + text[end:s1]
    return bool(_patterns().programme_context.search(sentence.lower()))


def _english_name(words: list[str]) -> bool:
    """ "Signs of Safety", "Check and Connect": capitalised English words joined by an English
    function word; not an organisation ("National College for …")."""
    cues = _cues()
    if not any(w in cues["english_function_words"] for w in words[1:-1]):
        return False
    if any(w.casefold() in cues["english_org_words"] or w.casefold()[:-1] in cues["english_org_words"] for w in words):
        return False
    return not any(c in "åäöÅÄÖ" for w in words for c in w)


def _heading_line(line: str) -> str | None:
    """ "strong", "weak" or None: whether a line is a heading over programme names
    ("Aktiviteter", "Pågående projekt:", "Insatser 2024")."""
    first = line.split(None, 1)[0].rstrip(":").casefold() if line.strip() else ""
    if first not in _patterns().heading_first_words:
        return None
    key = re.sub(r"[\s:]*(?:(?:19|20)\d\d(?:\s*[-–/]\s*(?:19|20)?\d\d)?)?[\s:]*$", "", line.strip()).casefold()
    if len(key.split()) > 7 or key.endswith("."):
        return None
    # "Insatser för att nå målen", "Projekt som pågår": a heading word and what it is about
    lead = _HEADING_TAIL.match(key)
    for k in (key, lead.group(1) if lead else None):
        if k in _cues()["list_headings_strong"]:
            return "strong"
        if k in _cues()["list_headings"]:
            return "weak"
    return None


def heading_list_names(text: str) -> list[tuple[str | None, str | None, int]]:
    """(name, acronym, start) of programme names in the bullet items under a programme
    heading: an item "Name – description" (or "Name: …", "Name (…)"), an item in title case
    ("Trygga Västerås"), an acronym item; under a strong heading ("Projekt", "Satsningar") also a
    bare sentence-case item ("Våga visa"). Items run until the first line that is neither a
    bullet item nor a wrapped continuation (or, without bullets, a short capitalised line)."""
    out: list[tuple[str | None, str | None, int]] = []
    if not any(w[1:] in text for w in _patterns().heading_first_words):  # [1:]: either case
        return out
    lines = [(m.start(), m.group()) for m in _LINE.finditer(text)]
    i = 0
    while i < len(lines):
        kind = _heading_line(lines[i][1])
        i += 1
        if not kind:
            continue
        bullets = None
        pending = False  # a bullet alone on the line before: this line is its item
        while i < len(lines):
            start, line = lines[i]
            stripped = line.strip()
            bm = _BULLET.match(line.lstrip())
            if not stripped:
                i += 1
                continue
            if _BULLET_ALONE.fullmatch(line):
                bullets, pending = True, True
                i += 1
                continue
            if bullets is None:
                bullets = bool(bm)
            if pending and not bm:
                item_start = start + len(line) - len(line.lstrip())
            elif bm and bullets:
                item_start = start + (len(line) - len(line.lstrip())) + bm.end()
            elif not bullets and stripped[:1].isupper() and len(stripped.split()) <= 12 and not _heading_line(line):
                item_start = start + len(line) - len(line.lstrip())
            elif bullets and stripped[:1].islower():
                i += 1  # a wrapped bullet item
                continue
            else:
                break
            pending = False
            found = _item_name(text[item_start : start + len(line)], strong=kind == "strong")
            if found:
                name, offset = found
                acronym = name if is_acronym(name) and name.isupper() else None
                out.append((None if acronym else name, acronym, item_start + offset))
            i += 1
    return out


_RANGE_END = re.compile(r"(?:19|20)\d\d(?:-\d\d(?:-\d\d)?)?")
_TOTAL_CELLS = frozenset(("summa", "totalt", "total", "delsumma", "summa totalt"))
_CELL_NAME = re.compile(r"\(([A-ZÅÄÖ][a-zåäö]+(?: [\wåäöÅÄÖ]+){1,4})\)$")
_CELL_ACRONYM = re.compile(rf"(.+?)\s+\(({ACRONYM})\)$")


def _table_head(line: str) -> bool:
    """Whether a line can be a column head of a table ("Period", "Kommunens insats, kr")."""
    words = re.findall(r"[\wåäöÅÄÖ/]+", line.casefold())
    if not words or len(words) > 4 or any(c.isdigit() for c in line) or not line[:1].isupper():
        return False
    vocabulary = _cues()["table_column_words"]
    return any(w in vocabulary or w in _cues()["table_project_heads"] for w in words)


def table_column_names(text: str) -> list[tuple[str | None, str | None, int]]:
    """(name, acronym, start) of the cells under a "Projekt" column head of a table read one
    cell a line ("Projekt" / "Period" / "Finansiering" / "Jobbspår Karlstad" / "2021–" / …).

    The head row is the run of short column-head lines around the project head; the rows that
    follow have as many cells, each with a number in some cell (a period, an amount), and a
    project cell that starts with a capital and is no column head. Rows are read until one
    breaks that shape or a blank line ends the table; two rows at least."""
    heads = _cues()["table_project_heads"]
    lines: list[tuple[int, str]] = []  # (start of the stripped line, stripped line)
    offset = 0
    for raw in text.split("\n"):
        lines.append((offset + len(raw) - len(raw.lstrip()), raw.strip()))
        offset += len(raw) + 1
    out: list[tuple[str | None, str | None, int]] = []
    i = 0
    while i < len(lines):
        if lines[i][1].casefold() not in heads:
            i += 1
            continue
        first = i
        while first > 0 and _table_head(lines[first - 1][1]):
            first -= 1
        last = i
        while last + 1 < len(lines) and _table_head(lines[last + 1][1]):
            last += 1
        width, column = last - first + 1, i - first
        rows: list[tuple[int, str]] = []
        j = last + 1
        while width >= 2 and j + width <= len(lines):
            row = lines[j : j + width]
            start, cell = row[column]
            if any(not c for _, c in row) or not any(ch.isdigit() for _, c in row for ch in c):
                break
            if any(c.casefold() in _TOTAL_CELLS for _, c in row):
                break  # "Summa" in any cell: the total row, or a short row shifted the columns
            if not cell[:1].isupper() or len(cell.split()) > 8 or _table_head(cell) or ":" in cell:
                break
            rows.append((start, cell))
            j += width
            if any(c.endswith(("–", "-")) for _, c in row) and j < len(lines) and _RANGE_END.fullmatch(lines[j][1]):
                j += 1  # "2023-09-01–" … "2026-08-31": a period cell wrapped onto a line of its own
        if len(rows) >= 2:
            for start, cell in rows:
                m = _CELL_ACRONYM.match(cell)
                named = _CELL_NAME.search(cell)
                if m:
                    out.append((m.group(1), m.group(2), start))
                elif named:  # "Information och dialog (Klimatsmart Värnamo)": the project's name
                    out.append((named.group(1), None, start + named.start(1)))
                elif is_acronym(cell) and cell.isupper():
                    out.append((None, cell, start))
                else:
                    out.append((cell, None, start))
        i = max(j, i + 1)
    return out


_OFFER_LEAD = re.compile(r"\b(?:erbjud\w*|aktivitet\w*|satsning\w*|projekt\w*|program\w*)\b", re.IGNORECASE)
_LEAD_IN = re.compile(r"(?m)^[^\n]*[a-zåäö)]:[ \t]*\n")  # anchored: one pass a line


def colon_list_names(text: str, is_programme: Callable[[str], bool]) -> list[tuple[str, int]]:
    """(name, start) of the other items of a list introduced by a line ending in ':' when at
    least two items, and at least half of them, open with a programme (``is_programme`` of the
    item's head, an acronym or a name): "byggt på tre delar:" / "Att skriva sig till läsning
    (ASL), …" / "Läslyftet, …" / "Bokstart, som drivs …" gives "Bokstart". Each item is one line,
    its head what comes before ", ", " – ", ": " or "("; a head must be a name (one capitalised
    word that is not a generic word, or a name in sentence or title case)."""
    out: list[tuple[str, int]] = []
    if ":\n" not in text and ": \n" not in text:
        return out
    org_words = read_json("place_patterns.json")["organisation_words_before_place"]
    for lead in _LEAD_IN.finditer(text):
        heads: list[tuple[str, int, bool]] = []
        described: list[tuple[str, int]] = []  # "Idrott för alla – prova-på-idrott i …"
        offers = bool(_OFFER_LEAD.search(lead.group()))
        pos = lead.end()
        for line in _LINE.finditer(text, pos):
            gap = text[pos : line.start()]
            if gap.count("\n") > 1 or not line.group().strip()[:1].isupper():
                break
            item = line.group()
            lead_ws = len(item) - len(item.lstrip())
            bm = _BULLET.match(item.lstrip())
            if bm:
                lead_ws += bm.end()
            body = item[lead_ws:]
            sep = _ITEM_SEPARATOR.search(body)
            if offers and not sep and len(body) < 60:
                pos = line.end()
                continue  # "Simskola i Lögarängsbadet": an item without a description
            if not sep or len(body) > 300:
                break  # not "Name, description": a paragraph
            head = body[: sep.start()].strip()
            acronym = re.search(rf"\(({ACRONYM})\)", body[sep.start() : sep.start() + 14])
            known = is_programme(head) or bool(acronym and is_programme(acronym.group(1)))
            heads.append((head, line.start() + lead_ws, known))
            if sep.group().strip() in ("–", "—", "-") and head.split()[0].casefold() not in org_words:
                described.append((head, line.start() + lead_ws))
            pos = line.end()
        if offers and len(described) >= 2:  # "Under sommaren erbjuds bland annat:" / "Name – what it is"
            generic = _cues()["generic_name_starts"] | _cues()["heads"]
            for head, start in described:
                single = re.fullmatch(r"[A-ZÅÄÖ][a-zåäö]{3,}", head) and head.casefold() not in generic
                if len(head.split()) > 1 and _name_like(head) or single and not _DEFINITE_COMPOUND.fullmatch(head):
                    out.append((head, start))
            continue
        n_known = sum(k for _, _, k in heads)
        if n_known < 2 or 2 * n_known < len(heads):
            continue
        for head, start, known in heads:
            if known:
                continue
            words = head.split()
            single = len(words) == 1 and re.fullmatch(r"[A-ZÅÄÖ][a-zåäö]{3,}", head)
            if single and head.casefold() not in _cues()["generic_name_starts"] | _cues()["heads"]:
                out.append((head, start))
            elif len(words) > 1 and _name_like(head):
                out.append((head, start))
    return out


def _item_name(item: str, strong: bool) -> tuple[str, int] | None:
    """The programme name that a bullet item gives, with its offset in the item, or None."""
    offset = 0
    if item[:1] in _QUOTES:
        end = next((j for j in range(1, len(item)) if item[j] in _QUOTES), None)
        if end is None:
            return None
        name = item[1:end].strip()
        return (name, 1) if _name_like(name) else None
    sep = _ITEM_SEPARATOR.search(item)
    head = (item[: sep.start()] if sep else item).strip().rstrip(".;,")
    if not head:
        return None
    words = head.split()
    if is_acronym(head) and head.isupper():
        return head, offset
    if _title_case_name(words) and _name_like(head):
        return head, offset
    described = bool(sep) and sep.group().strip() in ("–", "—", "-", ":")
    if described and len(words) == 1 and _DEFINITE_COMPOUND.fullmatch(head):
        first = head.casefold()
        if first not in _cues()["generic_name_starts"] and first not in _cues()["heads"]:
            return head, offset  # "Heltidsresan – fler ska arbeta heltid"
    if (described or strong) and len(words) >= 2 and _name_like(head):
        return head, offset
    return None


@Language.factory("nlpkommun_programmes", assigns=["doc._.nk_programmes"])
def make_programmes(nlp: Language, name: str) -> ProgrammeFinder:
    """spaCy factory for :class:`ProgrammeFinder`."""
    return ProgrammeFinder()


class ProgrammeFinder:
    """spaCy component around :func:`find_programmes`."""

    def __init__(self) -> None:
        _patterns()  # compile the lexicons now, not on the first document

    def __call__(self, doc: Doc) -> Doc:
        entities = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        doc._.nk_programmes = find_programmes(doc_text(doc), entities)
        return doc
