"""Programmes: named programmes, methods, projects, plans and strategies, with acronyms.

Reads: ``doc.text`` and ``doc.ents`` (a PER span covering a candidate vetoes it; the NER
model is not trained on programmes, so ORG/LOC spans do not). Writes:
``doc._.nk_programmes``, Programme-shaped dicts ``{"name", "acronym", "mentions"}``.
Data: ``programme_cues.json``, ``known_programmes.txt``; party and authority names/acronyms from ``parties.json``
and ``authorities.json`` (never programmes); place heads from ``place_patterns.json``.

Sources:

1. :func:`find_abbreviations` — acronym definitions in the Schwartz–Hearst style, adapted
   to Swedish: "long form (ACR)", "long form [ACR]", "ACR (long form)", "(long form,
   ACR)", "ACR står för long form" and the apposition "ACR, long form, är …". The
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
   "Projektet Språkstörning", "metoden Motiverande samtal"), quoted sentence-case names
   ("”Rörelse för bättre inlärning”", not mottos or report titles), appositions ("Ifous
   2.0, ett samarbete om …"), mid-sentence capitalised plan titles ("Kapacitetsplan",
   "Affärsplan 2019-2021"), "Rinkebysvenska-projektet", and titled names with a year
   ("Agenda 2030").
   Well-known national programmes and methods (``known_programmes.txt``: Läslyftet, NTA,
   BBIC, SSPF, …) count without a definition.
4. Capitalised multi-word items of a list that already holds a programme ("arbetet med
   allvarssamtal, Läsglädje för alla (LFA), Trygg i skolan, Rörelse i vardagen
   (RIV) och …"): sentence-case names that are not persons, organisations or places.

Every occurrence of an acronym ("SIG", "SIG:s", "ANDT-programmet") or a name (also with
Swedish definite/genitive endings) becomes a mention. Generic plan references
("handlingsplanen", "strategin för …") are not emitted.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from nlpkommun.resources import read_json, read_lines

ACRONYM = r"[A-ZÅÄÖ][A-ZÅÄÖa-zåäö0-9&]{1,9}"
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
        if isinstance(value, list) and key != "titled_heads":
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
    if not re.fullmatch(ACRONYM, word):
        return False
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


def _valid_long_form(short: str, long: str) -> bool:
    words = _words(long)
    if not words or len(long) <= len(short):
        return False
    if words[0].casefold() in _cues()["long_form_bad_first"]:
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
        if is_acronym(inner):
            short = inner
            n_words = min(len(short) + 5, len(short) * 2)
            before_end = len(text[: m.start()].rstrip())
            win_start = _window(text, before_end, n_words)
            # first try without crossing a comma, then the whole window
            comma = text.rfind(",", win_start, before_end)
            for start in ([comma + 1] if comma >= 0 else []) + [win_start]:
                candidate = text[start:before_end]
                offset = best_long_form(short, candidate)
                if offset is None:
                    continue
                long = candidate[offset:].strip()
                if _valid_long_form(short, long):
                    long_start = start + offset + (len(candidate[offset:]) - len(candidate[offset:].lstrip()))
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


_NAME_WORD = r"[A-ZÅÄÖ0-9][\wåäöÅÄÖ]*(?:\.[\wåäö]+)*"
_NAME = rf"{_NAME_WORD}(?:\s+(?:-\s+)?[\wåäöÅÄÖ][\wåäöÅÄÖ]*(?:\.[\wåäö0-9]+)*){{0,6}}"


def _alternation(words: Iterable[str], escape: bool = False) -> str:
    """A regex alternation of ``words``, longest first."""
    return "|".join(re.escape(w) if escape else w for w in sorted(words, key=len, reverse=True))


@dataclass(frozen=True)
class _Patterns:
    """Every regex and word set of the component, built once (see :func:`_patterns`)."""

    name_cue: re.Pattern[str]
    name_cue_heads: tuple[str, ...]
    named_compound: re.Pattern[str]
    quoted: re.Pattern[str]
    appositive: re.Pattern[str]
    titled_compound: re.Pattern[str]
    titled_year: re.Pattern[str]
    titled_heads: tuple[str, ...]
    acronym_head: re.Pattern[str]
    acronym_after_cue: re.Pattern[str]
    cues_before: tuple[str, ...]
    heads_by_length: tuple[str, ...]
    blocked: frozenset[str]
    not_programme_upper: frozenset[str]
    quote_stops: frozenset[str]
    name_stops: frozenset[str]
    trim_stops: frozenset[str]
    known: tuple[tuple[str | None, str | None, str, re.Pattern[str]], ...]


@cache
def _patterns() -> _Patterns:
    """Compile the cue lexicons into regexes once per process."""
    cues = _cues()
    known = _known_names()
    heads = _alternation(cues["name_cue_heads"])
    strong = _alternation(cues["heads"] - cues["weak_heads"])
    app = _alternation(cues["appositive_heads"])
    th = _alternation(cues["titled_compound_heads"])
    titled = "|".join(cues["titled_heads"])
    all_heads = _alternation(cues["heads"])
    before = _alternation(cues["cues_before"], escape=True)
    preps = {"för", "i", "mot", "med", "till", "om", "på", "och"}
    not_programme_upper = frozenset(a.upper() for a in cues["not_programme_acronyms"])
    return _Patterns(
        # "forskningsprojektet Hjärnvägar i förskolan": the head may end a longer word
        name_cue=re.compile(rf"(?i:{heads})\s+[”“„\"«']?({_NAME})"),
        name_cue_heads=tuple(h.lower() for h in cues["name_cue_heads"]),
        named_compound=re.compile(rf"(?<![\wåäö-])([A-ZÅÄÖ][a-zåäö]{{2,}}-(?:{strong}))(?![\wåäö-])"),
        quoted=re.compile(r"[”“„\"«']([A-ZÅÄÖ][^”“\"»'\n]{2,70})[”“\"»']"),
        appositive=re.compile(
            rf"(?<![\wåäö.])({_NAME_WORD}(?:\s+[A-ZÅÄÖ0-9][\wåäö0-9.]*){{0,3}}),\s+(?:ett|en)\s+(?:[\wåäö]+\s+)?(?:{app})\b"
        ),
        titled_compound=re.compile(
            rf"(?:(?<=[a-zåäö,] )|(?<=\()|(?<=\d\. ))([A-ZÅÄÖ][a-zåäö]{{2,}}(?:{th}))"
            rf"(\s+för\s+[A-ZÅÄÖ][a-zåäö]+(?:-[A-ZÅÄÖ][a-zåäö]+)*(?:\s+(?:kommun|stad|län))?"
            rf"|\s+(?:för|mot|om)(?:\s+[a-zåäö-]+){{2,7}}?(?=\s+(?:19|20)\d\d))?"  # "… mot våld i … 2022–2025"
            rf"(?:\s+((?:19|20)\d\d(?:\s?[-–]\s?(?:19|20)\d\d)?))?(?![\wåäö])"
        ),
        titled_year=re.compile(rf"(?<![\wåäö])((?:{titled})\s+20\d\d)(?![\d\w/-])"),
        titled_heads=tuple(cues["titled_heads"]),
        acronym_head=re.compile(rf"(?<![\wåäöÅÄÖ-])({ACRONYM})-({all_heads})(?![\wåäö])", re.I),
        acronym_after_cue=re.compile(rf"(?<![\wåäö])(?:{before})\s+({ACRONYM})(?![\wåäöÅÄÖ-])", re.I),
        cues_before=tuple(c.lower() for c in cues["cues_before"]),
        heads_by_length=tuple(sorted(cues["heads"], key=len)),
        blocked=not_programme_upper | {a.upper() for a in known["party_abbrs"] | known["org_abbrs"]},
        not_programme_upper=not_programme_upper,
        quote_stops=cues["stop_words"] - preps,
        name_stops=cues["stop_words"] - {"för", "i", "med", "och", "mot", "på", "till", "om"},
        trim_stops=cues["stop_words"] - {"för", "i", "på", "mot"},
        known=tuple(
            (name, acronym, form, re.compile(rf"(?<![\wåäöÅÄÖ-]){re.escape(form)}(?![\wåäöÅÄÖ])"))
            for name, acronym in _known_lexicon()
            for form in (f for f in (name, acronym) if f)
        ),
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


def _named_programmes(text: str, lowered: str | None = None) -> list[tuple[str, int]]:
    """(name, start) of proper programme names found by cues (see the module docstring)."""
    cues = _cues()
    pat = _patterns()
    out: list[tuple[str, int]] = []
    if lowered is None:
        lowered = _lowered(text)
    # "forskningsprojektet Hjärnvägar i förskolan", "Projektet Språkstörning med medel …"
    for m in _ci_matches(pat.name_cue, text, lowered, pat.name_cue_heads):
        name = _trim_name(m.group(1), min_words=1)
        if name and name[:1].isupper() and not name.isupper() and not _person_like(name):
            out.append((name, m.start(1)))
    # "Rinkebysvenska-projektet": a proper word compounded with a strong programme head
    for m in pat.named_compound.finditer(text) if "-" in text else ():
        if not _sentence_start(text, m.start()):
            out.append((m.group(1), m.start(1)))
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
        if single or _sentence_case_name(name) or re.fullmatch(r"[A-ZÅÄÖ][\wåäö]*(?:[ .][\dwåäö.]+)+", name):
            if not any(w.casefold() in pat.quote_stops for w in name.split()):
                out.append((name, m.start(1)))
    # "inom Ifous 2.0, ett samarbete om …"
    for m in pat.appositive.finditer(text):
        name = m.group(1)
        line_start = text.rfind("\n", 0, m.start()) + 1
        sentence_start = max(line_start, text.rfind(". ", 0, m.start()) + 2)
        if m.start(1) > sentence_start and name[:1].isupper() and not name.isupper():
            out.append((name, m.start(1)))
    # mid-sentence capitalised plan titles: "från Kapacitetsplan", "Affärsplan 2019-2021",
    # "Folkhälsostrategi för Gotland 2023–2027" (what it is for, when a proper name, or any
    # subject when years end the title: "Handlingsplan mot våld i nära relationer 2022–2025")
    for m in pat.titled_compound.finditer(text):
        if not (m.group(2) or m.group(3)) and m.group(1).casefold() in cues["generic_plan_titles"]:
            continue  # "6. Detaljplan för del av …": a kind of document
        name = m.group(1) + (m.group(2) or "") + (f" {m.group(3)}" if m.group(3) else "")
        out.append((name, m.start(1)))
    for m in _matches_at(pat.titled_year, text, _positions(text, pat.titled_heads)):
        out.append((m.group(1), m.start(1)))
    return out


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
    if _ends_with_any(_head_word(long), cues["org_suffixes"]):
        return "organisation"
    if any(w.casefold() in cues["english_org_words"] for w in _words(long)):
        return "organisation"  # "National College for Teaching and Learning (NCTL)"
    if short.upper() in _patterns().not_programme_upper:
        return "organisation"
    return "programme"


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


def _entity_overlaps(start: int, end: int, entities: Sequence[tuple[int, int, str]]) -> bool:
    """Whether a person entity covers the span: an NER model is not trained on programme
    names, so only its PER spans (covering the whole candidate) veto one."""
    return any(s <= start and end <= e and label == "PER" for s, e, label in entities)


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


class _Collector:
    def __init__(self, text: str, lowered: str | None = None) -> None:
        self.text = text
        self.lowered = lowered
        self.items: dict[str, dict[str, Any]] = {}

    def key(self, name: str | None, acronym: str | None) -> str:
        return (acronym or "").upper() if acronym else "n:" + (name or "").casefold()

    def add(self, name: str | None, acronym: str | None) -> dict[str, Any]:
        k = self.key(name, acronym)
        if not acronym and name:  # "metoden Motiverande samtal (MI)": the name of a known acronym
            k = next((key for key, i in self.items.items() if (i["name"] or "").casefold() == name.casefold()), k)
        item = self.items.get(k)
        if item is None:
            item = self.items[k] = {"name": name, "acronym": acronym, "mentions": []}
        elif name and not item["name"]:
            item["name"] = name
        return item

    def mentions(self) -> list[dict[str, Any]]:
        """Fill every programme's mentions and return the programmes in text order."""
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
    for ab in find_abbreviations(text):
        kind = classify_long_form(ab.short, ab.long)
        if kind != "programme":
            org_acronyms.add(ab.short)
            continue
        if _entity_overlaps(ab.long_start, ab.long_end, entities):
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
    for m in _ci_matches(pat.acronym_after_cue, text, lowered, pat.cues_before):
        short = m.group(1)
        if is_acronym(short) and short.upper() not in blocked and short not in org_acronyms:
            col.add(None, short)
            programme_spans.append((m.start(1), m.end(1)))

    for short, _base, start, end in weak:  # "SIP-arbetet": only for an acronym seen as a programme elsewhere
        if short.upper() in col.items:
            col.add(None, short)
            programme_spans.append((start, end))

    # 3. proper names: after a programme noun, in quotes, in appositions, titled plans
    for name, start in _named_programmes(text, lowered):
        if _entity_overlaps(start, start + len(name), entities) or name.upper() in blocked:
            continue
        if not _names_a_place_or_body(name):
            col.add(name, None)
            programme_spans.append((start, start + len(name)))

    # 3b. well-known national programmes and methods (known_programmes.txt)
    for name, acronym, start, end in _known_programmes(text):
        if acronym and (acronym in org_acronyms or acronym.upper() in blocked):
            continue
        col.add(name, acronym)
        programme_spans.append((start, end))

    # 4. capitalised names in lists that hold a programme
    for name, start in _list_names(text, programme_spans):
        if not _entity_overlaps(start, start + len(name), entities) and not _names_a_place_or_body(name):
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


def _names_a_place_or_body(name: str) -> bool:
    """Whether a name is a place or a body ("Vällingby centrum", "Stockholms stad",
    "Sickla skola"), not a programme."""
    last = _head_word(name)
    return _ends_with_any(last, _cues()["org_suffixes"]) or _ends_with_any(last, _place_words())


@cache
def _known_lexicon() -> tuple[tuple[str | None, str | None], ...]:
    """(name, acronym) pairs of ``known_programmes.txt`` (a lone acronym has no name)."""
    out = []
    for line in read_lines("known_programmes.txt"):
        name, _, acronym = line.partition("\t")
        name, acronym = name.strip(), acronym.strip()
        if not acronym and is_acronym(name) and name.isupper():
            name, acronym = "", name
        out.append((name or None, acronym or None))
    return tuple(out)


def _known_programmes(text: str) -> list[tuple[str | None, str | None, int, int]]:
    """Occurrences of well-known programmes: (name, acronym, start, end)."""
    out = []
    for name, acronym, form, pattern in _patterns().known:
        if form in text:
            m = next(_matches_at(pattern, text, _positions(text, [form])), None)
            if m:
                out.append((name, acronym, m.start(), m.end()))
    return out


@cache
def _first_names() -> frozenset[str]:
    try:
        return frozenset(read_lines("first_names.txt"))
    except FileNotFoundError:
        return frozenset()


def _person_like(name: str) -> bool:
    """ "Anna Svensson": every word capitalised and the first a known first name."""
    words = name.split()
    return len(words) >= 2 and all(w[:1].isupper() for w in words) and words[0] in _first_names()


def _sentence_start(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start]
    return start == 0 or "\n" in before or bool(re.search(r"[.!?:•]\s*$", before))


def _trim_name(words: str, min_words: int = 2) -> str | None:
    """Cut a captured name before the first stop word."""
    stops = _patterns().trim_stops
    kept: list[str] = []
    for w in words.split():
        if w.casefold() in stops:
            break
        kept.append(w)
    while kept and kept[-1].casefold() in _cues()["long_form_bad_first"]:
        kept.pop()
    return " ".join(kept) if len(kept) >= min_words else None


_SENTENCE = re.compile(r"[^.!?\n]+")


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
        if sent.group().count(",") < 1:
            continue
        pos = s0
        for part in re.split(r"(,\s*|\s+och\s+|\s+samt\s+|\s+eller\s+)", sent.group()):
            start = pos
            pos += len(part)
            if not part or re.fullmatch(r",\s*|\s+(?:och|samt|eller)\s+", part):
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
            if _sentence_case_name(item):
                out.append((item, start + lead))
    return out


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
        doc._.nk_programmes = find_programmes(doc.text, entities)
        return doc
