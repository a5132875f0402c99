"""Persons: politicians, officials and other named people, with party, roles and kind.

Reads: ``doc.text``, NER ``PER`` entities (when the model is present), ``doc._.nk_parties``
(party mentions), ``doc._.nk_organisations`` and ``doc._.nk_places`` (to reject names that
are parts of organisations or places), and the resources ``roles.txt``, ``first_names.txt``,
``name_stopwords.txt``, ``person_sections.json``.
Writes: ``doc._.nk_persons``: Person-shaped dicts (``records.Person``), one per real person
(mentions merged by :func:`nlpkommun.resolve.resolve_persons`).

A capitalised word run is a person's name when evidence says so: a party in parentheses
after it ("Karin Ek (S)"), a role or title next to it ("rektor Sanna Hagås",
"Einar Fransson, produktionsdirektör", a title on the next line of a signature), an
attendance section ("Beslutande", "Ersättare", "Övriga deltagare"), a political verb
("yrkade", "anmälde reservation"), a coordinated list ending in a party ("A, B och C från
Socialdemokraterna"), a NER ``PER`` entity, or a known first name. Runs with heading words,
months, organisation or place words are rejected.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from nlpkommun.components.parties import find_party_mentions, lexicon
from nlpkommun.doc_text import doc_text
from nlpkommun.lemmatizer import is_definite_noun, lemma_table
from nlpkommun.resolve import clean_name, is_all_caps, resolve_persons
from nlpkommun.resources import first_names, read_json, read_lines
from nlpkommun.spans import SpanSet

UP = "A-ZÅÄÖÉÈÜØÆÁÍÓÚÑÇŞĞİŠŽĆČŁŃŚŹŻÂÊÎÔÛ"
LO = "a-zåäöéüèëïøæáíóúñçğşıšžćčłńśźżâêîôûàìòùãõýÿ"
WORD = rf"[{UP}][{LO}]+(?:'[{LO}]+)?(?:-[{UP}][{LO}]+)*(?:-[{UP}{LO}][{LO}]+)?"
CAPS = rf"[{UP}]{{2,}}(?:-[{UP}]{{2,}})*"
PARTICLE = r"(?:de|De|af|von|van|der|den|la|La|del|da|di|el|El|al|bin|ibn|du|le)"
SEP = r"[ \t]+"
_PARTICLE_WORDS = frozenset(PARTICLE[3:-1].casefold().split("|"))
NAME_RUN = re.compile(
    rf"(?<![\w-])(?:{WORD})(?:{SEP}(?:{PARTICLE}{SEP}){{0,2}}(?:[{UP}]\.{SEP})?(?:{WORD})){{1,6}}(?![\w]|-\w)"
)
CAPS_RUN = re.compile(rf"(?<![\w-])(?:{CAPS})(?:{SEP}(?:{CAPS})){{1,3}}(?![\w]|-\w)")
_SOM_AR = re.compile(r"[ \t]+som[ \t]+(?:är|var|blir)[ \t]+(?:(?:vår|er|din|ny|tillförordnad|tf\.?)[ \t]+)?")
#: lower-case words after a name ending in "s" that show the s is not a genitive ("Hans Peters och")
_NOT_POSSESSED = frozenset(
    "och samt eller som har hade är var blir blev med i på för till från om av vid lät lämnade anmälde "
    "yrkade yrkar reserverade instämde föreslog framförde ställde anser ansåg menar skriver".split()
)
INVERTED = re.compile(rf"(?<![\w-])({WORD}),[ \t]+({WORD})(?=[ \t]*(?:\(|,|;|$))", re.M)
#: "ANDERSSON, KARIN (S)": an attendance list in capitals, surname first
INVERTED_CAPS = re.compile(rf"(?<![\w-])({CAPS}),[ \t]+({CAPS})(?=[ \t]*(?:\(|,|;|$))", re.M)

#: words that end organisation, place or document names: a name run containing one is not a person
NON_NAME_SUFFIXES = (
    "förvaltning",
    "förvaltningen",
    "förvaltningens",
    "nämnd",
    "nämnden",
    "nämndens",
    "styrelse",
    "styrelsen",
    "styrelsens",
    "utskott",
    "utskottet",
    "kommun",
    "kommuns",
    "kommunen",
    "skola",
    "skolan",
    "skolans",
    "skolor",
    "förskola",
    "förskolan",
    "förskolor",
    "gymnasiet",
    "enhet",
    "enheten",
    "avdelning",
    "avdelningen",
    "gatan",
    "vägen",
    "torg",
    "torget",
    "centrum",
    "parken",
    "backen",
    "partiet",
    "partiets",
    "listan",
    "verket",
    "myndigheten",
    "inspektionen",
    "rådet",
    "fullmäktige",
    "protokoll",
    "protokollet",
    "området",
    "huset",
    "hallen",
    "staden",
    "stadens",
    "platsen",
    "planen",
    "programmet",
    "projektet",
    "bolaget",
    "gruppen",
    "byn",
    "berget",
    "fastigheter",
    "institutet",
    "universitet",
    "högskola",
    "sjukhus",
    "kyrka",
    "kyrkan",
    "gata",
    "gränd",
    "plats",
    "allé",
    "allén",
    "stig",
    "stigen",
    "församling",
    "församlingen",
    "gymnasium",
)


_LOCAL_PARTY_WORD = re.compile(rf"[{UP}][{LO}]+(?:listan|partiet)s?$")


_PLURAL_ROLES = {"ledamöter": "ledamot", "tjänstemän": "tjänsteman", "ledamöterna": "ledamot"}


@dataclass(frozen=True)
class Role:
    """A role or title and whether it is political or an official's."""

    role: str
    kind: str  # "political" | "official"


@cache
def _roles() -> tuple[dict[str, str], tuple[tuple[str, str], ...]]:
    exact: dict[str, str] = {}
    suffixes: list[tuple[str, str]] = []
    for line in read_lines("roles.txt"):
        kind, _, role = line.partition("\t")
        role = role.strip().casefold()
        if role.startswith("*"):
            suffixes.append((role[1:], kind.strip()))
        else:
            exact[role] = kind.strip()
    return exact, tuple(sorted(suffixes, key=lambda s: -len(s[0])))


def role_of_words(words: list[str]) -> Role | None:
    """The role named by a word sequence ("vice ordförande", "Avdelningschef"), or None."""
    return _role_of_phrase(" ".join(w.casefold().strip(".,:;") for w in words), len(words) == 1)


@lru_cache(maxsize=1 << 16)
def _role_of_phrase(phrase: str, one_word: bool) -> Role | None:
    exact, suffixes = _roles()
    phrase = _PLURAL_ROLES.get(phrase, phrase)
    if phrase in exact:
        return Role(phrase, exact[phrase])
    for definite in ("n", "en", "et", "na"):  # "ordföranden", "ledamoten", "kommunalrådet"
        if phrase.endswith(definite) and phrase[: -len(definite)] in exact:
            return Role(phrase[: -len(definite)], exact[phrase[: -len(definite)]])
    if one_word:
        for suf, kind in suffixes:
            if phrase.endswith(suf) and len(phrase) > len(suf) + 2 and phrase.replace("-", "").isalpha():
                return Role(phrase, kind)
    return None


_ROLE_WORD = re.compile(rf"[{UP}{LO}0-9:.-]+")


def role_at_start(s: str) -> Role | None:
    """The role a text fragment starts with ("Stadsdelsdirektör Hässelby…", "bitr förskolechef, …")."""
    return _role_at_start(s[:80])


@lru_cache(maxsize=1 << 14)
def _role_at_start(s: str) -> Role | None:
    words = _ROLE_WORD.findall(s)
    for n in (4, 3, 2, 1):
        if len(words) >= n:
            r = role_of_words(words[:n])
            if r:
                return r
    return None


_ROLE_WHERE_APPOSITION = re.compile(r"\s(?:på|vid|i|för|inom)\s+[A-ZÅÄÖ][\w-]*(?:\s+[A-ZÅÄÖ][\w-]*){0,3},\s*$")
_ADJECTIVE = re.compile(r"[A-ZÅÄÖa-zåäö][a-zåäö]+(?:isk|al|iv|ell|ig|lig)")
_ACTING = frozenset({"tf", "tf.", "t.f.", "tillförordnad", "vik", "vik.", "biträdande", "bitr", "bitr."})


def title_line_role(line: str) -> Role | None:
    """The role a title line under a signature names: at its start, after "Tf"/"Biträdande" or
    an adjective ("Tf produktionsdirektör", "Teknisk direktör", "Regional utvecklingsdirektör"),
    or as the last word of a short coordinated title ("Trafik-och fastighetsdirektör",
    "Trafik- och fastighetsdirektör")."""
    r = role_at_start(line)
    if r:
        return r
    words = line.split()
    if not 1 < len(words) <= 4:
        return None
    if words[0].casefold() in _ACTING or _ADJECTIVE.fullmatch(words[0]):
        return role_at_start(" ".join(words[1:]))  # "Tf direktör", "Teknisk direktör", "Regional …"
    if words[0].endswith("-") or words[0].casefold().endswith("-och"):
        return role_of_words(words[-1:])
    return None


def role_at_end(s: str) -> Role | None:
    """The role a text fragment ends with ("… och biträdande rektor")."""
    return _role_at_end(s[-80:])


@lru_cache(maxsize=1 << 14)
def _role_at_end(s: str) -> Role | None:
    words = _ROLE_WORD.findall(s)
    for n in (4, 3, 2, 1):
        if len(words) >= n:
            r = role_of_words(words[-n:])
            if r:
                return r
    return None


@cache
def _vocabulary() -> frozenset[str]:
    table = lemma_table()
    return frozenset(table) | frozenset(table.values())


def is_common_word(word: str) -> bool:
    """Whether the lower-cased word is a Swedish word form of the lemma table (not a name)."""
    return word.casefold() in _vocabulary() or word.casefold() in stopwords()


@cache
def stopwords() -> frozenset[str]:
    """Words never part of a person's name (``name_stopwords.txt``), case-folded."""
    return frozenset(w.casefold() for w in read_lines("name_stopwords.txt"))


@cache
def _sections() -> dict[str, Any]:
    return read_json("person_sections.json")


@cache
def _headings() -> tuple[str, ...]:
    return tuple(sec["heading"] for sec in _sections()["sections"])


def _section_heading(line: str) -> tuple[dict[str, Any], int] | None:
    """The attendance-section heading a line starts with, and where the rest begins."""
    low = line.casefold()
    stripped = low.lstrip()
    if not stripped.startswith(_headings()):
        return None
    best = None
    for sec in _sections()["sections"]:
        h = sec["heading"]
        if stripped.startswith(h) and (len(stripped) == len(h) or not stripped[len(h)].isalpha()):
            if best is None or len(h) > len(best[0]["heading"]):
                best = (sec, len(low) - len(stripped) + len(h))
    if best is None:
        return None
    rest = line[best[1] :]
    m = _COLON.match(rest)
    return best[0], best[1] + (m.end() if m else 0)


_COLON = re.compile(r"\s*:?\s*")


@cache
def _political_patterns() -> tuple[re.Pattern[str], tuple[str, ...], tuple[re.Pattern[str], ...]]:
    """The political verbs after a name as one pattern, the words and the patterns before one."""
    sec = _sections()
    verbs = re.compile(rf"\s*(?:{'|'.join(re.escape(v) for v in sec['political_verbs'])})\b")
    return verbs, tuple(sec["political_words_before"]), tuple(re.compile(p) for p in sec["political_patterns_before"])


def _political_verb_after(s: str) -> bool:
    return _political_patterns()[0].match(s.casefold()) is not None


def _political_verb_at(text: str, pos: int) -> bool:
    """:func:`_political_verb_after` of ``text[pos:]`` without case-folding all of the rest
    of a long text: a folded prefix decides when the match cannot have looked past its end
    (case folding maps each character on its own, so the folded prefix is a prefix of the
    folded rest)."""
    verbs = _political_patterns()[0]
    head = text[pos : pos + 300].casefold()
    if pos + 300 >= len(text):
        return verbs.match(head) is not None
    first = len(head) - len(head.lstrip())  # the verbs are tried at the first non-space character
    if first < len(head) and first + _longest_political_verb() + 2 < len(head):
        return verbs.match(head) is not None
    return verbs.match(text[pos:].casefold()) is not None


@cache
def _longest_political_verb() -> int:
    return max((max(len(v), len(v.casefold())) for v in _sections()["political_verbs"]), default=0)


def _political_before(s: str) -> bool:
    _, words, patterns = _political_patterns()
    low = s.casefold().rstrip()
    if low.endswith(words):
        return True
    return any(p.search(low) for p in patterns)


@dataclass
class Candidate:
    """A name-shaped span with the evidence found for it."""

    start: int
    end: int
    text: str
    name: str
    evidence: set[str] = field(default_factory=set)
    party: str | None = None
    party_name: str | None = None
    roles: list[str] = field(default_factory=list)
    kind_votes: Counter[str] = field(default_factory=Counter)

    def add_role(self, role: Role, weight: int = 2) -> None:
        if role.role not in self.roles:
            self.roles.append(role.role)
        self.kind_votes["politician" if role.kind == "political" else "official"] += weight
        self.evidence.add("role")


def _rejected(words: list[str]) -> bool:
    return any(_rejected_word(w) for w in words)


@lru_cache(maxsize=1 << 16)
def _rejected_word(w: str) -> bool:
    cf = w.casefold()
    if cf in _PARTICLE_WORDS:
        return False
    if cf in stopwords() or cf in lexicon().forms or cf.rstrip("s") in lexicon().forms:
        return True
    if cf.endswith(NON_NAME_SUFFIXES) and not (cf in NON_NAME_SUFFIXES and w in first_names()):
        return True  # "Björkstig", "Kulturnämnden"; but the first name "Stig"
    return role_of_words([w]) is not None


def _trim(text: str, start: int, end: int) -> list[tuple[int, int, Role | None]]:
    """Split a capitalised run into name spans: leading role/heading words are cut off (a
    leading role is returned with the span), and a run holding two names ("Einar Franson Ann
    Sundman Brott") is split where a known first name starts a second name."""
    words = [(m.start() + start, m.end() + start) for m in _NONSPACE.finditer(text[start:end])]
    lead_role = None
    while words:
        w = text[words[0][0] : words[0][1]]
        r = role_of_words([w])
        if r or w.casefold() in stopwords() or w.casefold() in lexicon().forms or _LOCAL_PARTY_WORD.match(w):
            lead_role = r or lead_role
            words = words[1:]
            continue
        fn = first_names()
        if len(words) >= 3 and is_definite_noun(w) and w not in fn and text[words[1][0] : words[1][1]] in fn:
            words = words[1:]  # "Forskaren Ylva Berglund": a definite noun before a first name
            continue
        break
    # a trailing role glued with a hyphen: "Barbro Widlund Ivarsson-Utbildningsstrateg"
    if words:
        last = text[words[-1][0] : words[-1][1]]
        if "-" in last:
            head, _, tail = last.rpartition("-")
            if role_of_words([tail]) or role_at_start(tail + text[words[-1][1] : words[-1][1] + 30]):
                words[-1] = (words[-1][0], words[-1][0] + len(head))
    out: list[tuple[int, int, Role | None]] = []
    cur: list[tuple[int, int]] = []
    fn = first_names()
    for i, (s, e) in enumerate(words):
        w = text[s:e]
        if len(cur) >= 2 and w in fn and len(words) - i >= 2:
            out.append((cur[0][0], cur[-1][1], lead_role if not out else None))
            cur = []
        cur.append((s, e))
    if cur:
        out.append((cur[0][0], cur[-1][1], lead_role if not out else None))
    return [(s, e, r) for s, e, r in out if len(text[s:e].split()) >= 2]


_PAREN_CLOSE = re.compile(r"[ \t)]*")
_CAPWORD_BEFORE = re.compile(rf"[{UP}][{LO}]+[ \t]+$")
_LEFTOVER = re.compile(r"\([^)]{0,6}\)|[,;:\-–.]|\boch\b")
_PARTY_PAREN = re.compile(r"[ \t]*(?:(?:m\.[ \t]?fl\.?|med flera)[ \t]*)?\(\s*(?:(?:båda|alla|samtliga)\s+)?")
_COMMA_OR_DASH = re.compile(r"\s*[,–-]\s*")
_BARE_PARTY = re.compile(r"[ \t]*[,–-][ \t]*([A-ZÅÄÖ]{1,2}|[A-Z][A-Za-z]{1,3})(?=[ \t,.;:\n]|$)")
_PARTY_COLUMN = re.compile(r"[ \t]+([A-ZÅÄÖ]{1,2}|KD|SD|MP|FI)(?=[ \t,\n]|$)")
_PARTY_CELL_BELOW = re.compile(r"[ \t]*\n[ \t]*([A-ZÅÄÖ]{1,2}|KD|SD|MP|FI)[ \t]*(?=\n|$)")
_ROLE_IN_PARENS = re.compile(r"[ \t]*\(([^)]{2,40})\)")
_GAP_WORDS = re.compile(r"[ \t]+[\w .-]+[ \t]+")
_WORD_AND_SPACE_AT_END = re.compile(r"[\w.]\s+$")
_LINE_REST = re.compile(r"[ \t]*[,.]?[ \t]*")
_SEPARATOR = re.compile(r"[ \t]*(?:,|-|–|—)[ \t]*")
_TITLE_OF_NEXT = re.compile(rf"[ \t]*(?:\([^)]*\))?[ \t]*[,–-][ \t]*[{LO} .:-]+[ \t]*")
_LOWER_WORD_AFTER = re.compile(rf"[ \t]+([{LO}]+)")


@lru_cache(maxsize=1024)
def _role_alone(role: str) -> re.Pattern[str]:
    """A role standing alone after party letters: "ordförande," or "ordförande" at the line end."""
    return re.compile(rf"[ \t]*{re.escape(role)}[ \t]*(?:[,;]|\n|$)", re.IGNORECASE)


class _ByOffset:
    """Mentions looked up by an offset (``start`` or ``end``) within a window, in list order."""

    def __init__(self, items: list[dict[str, Any]], key: str) -> None:
        self.items = items
        self.order = sorted(range(len(items)), key=lambda i: items[i][key])
        self.keys = [items[i][key] for i in self.order]

    def within(self, lo: int, hi: int) -> list[dict[str, Any]]:
        """The items whose offset is in [lo, hi], in their list order."""
        a, b = bisect_left(self.keys, lo), bisect_right(self.keys, hi)
        return [self.items[i] for i in sorted(self.order[a:b])]


def _substring_test(texts: list[str]) -> Callable[[str], bool]:
    """A test whether a string occurs in one of ``texts``: one search in the texts joined by
    newlines (for strings without a newline)."""
    joined = "\n".join(texts)

    def test(s: str) -> bool:
        if not texts:
            return False
        if s and "\n" not in s:
            return s in joined
        return any(s in t for t in texts)

    return test


def _line_spans(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def find_candidates(
    text: str,
    parties: list[dict[str, Any]] | None = None,
    per_spans: list[tuple[int, int]] | None = None,
    blocked_spans: list[tuple[int, int]] | None = None,
) -> tuple[list[Candidate], list[Candidate]]:
    """Name candidates with evidence: (accepted, weak). Weak candidates only join a person
    found elsewhere in the document."""
    parties = find_party_mentions(text) if parties is None else parties
    lines = _line_spans(text)
    fn = first_names()

    cands: list[Candidate] = []
    taken = SpanSet()
    for ls, le in lines:
        line = text[ls:le]
        for rx in (NAME_RUN, CAPS_RUN):
            for m in rx.finditer(line):
                for s, e, lead_role in _trim(text, ls + m.start(), ls + m.end()):
                    if taken.overlaps(s, e):
                        continue
                    c = Candidate(s, e, text[s:e], clean_name(text[s:e]))
                    if lead_role:
                        c.add_role(lead_role)
                    cands.append(c)
                    taken.add(s, e)
        for m in INVERTED.finditer(line):
            s, e = ls + m.start(), ls + m.end()
            if m.group(2) in fn and m.group(1) not in fn and not taken.overlaps(s, e):
                before = text[max(ls, s - 30) : s]
                if _CAPWORD_BEFORE.search(before):
                    continue
                cands.append(Candidate(s, e, text[s:e], clean_name(f"{m.group(2)} {m.group(1)}"), {"inverted"}))
                taken.add(s, e)
        for m in INVERTED_CAPS.finditer(line):
            s, e = ls + m.start(), ls + m.end()
            last, first = clean_name(m.group(1)), clean_name(m.group(2))
            if (first in fn or first.split("-")[0] in fn) and last not in fn and not taken.overlaps(s, e):
                cands.append(Candidate(s, e, text[s:e], f"{first} {last}", {"inverted"}))
                taken.add(s, e)
    if not cands:
        return [], []
    cands.sort(key=lambda c: c.start)
    starts = [c.start for c in cands]  # increasing: the candidates do not overlap
    per = SpanSet(per_spans)
    blocked = SpanSet(blocked_spans)
    org_names = [text[s:e].casefold() for s, e in blocked.spans]
    in_org_names = _substring_test(org_names)
    abbr_at = {p["start"]: p for p in parties if p.get("form") == "abbreviation"}
    party_names = [p for p in parties if p.get("form") == "name"]
    names_by_start, names_by_end = _ByOffset(party_names, "start"), _ByOffset(party_names, "end")

    # attendance sections
    in_section: dict[int, dict[str, Any]] = {}
    i = 0
    while i < len(lines):
        ls, le = lines[i]
        head = _section_heading(text[ls:le])
        if head is None:
            i += 1
            continue
        sec, off = head
        j, seen_names = i, False
        cur_start = ls + off
        while j < len(lines):
            ls2, le2 = lines[j]
            s2 = max(ls2, cur_start) if j == i else ls2
            seg = text[s2:le2]
            if j > i and _section_heading(seg) is not None:
                break
            line_cands = cands[bisect_left(starts, s2) : bisect_left(starts, le2)]
            if not seg.strip():
                if seen_names:
                    break
                j += 1
                if j - i > 2:
                    break
                continue
            if not line_cands:
                if j > i:
                    break
                j += 1
                continue
            rest = seg
            for c in sorted(line_cands, key=lambda c: -c.start):
                rest = rest[: c.start - s2] + rest[c.end - s2 :]
            leftover = _LEFTOVER.sub(" ", rest)
            leftover_words = [w for w in leftover.split() if not role_of_words([w]) and not role_at_start(w)]
            if len(leftover_words) > 3 * len(line_cands):
                if j > i:
                    break
                j += 1
                continue
            for c in line_cands:
                in_section[id(c)] = sec
            seen_names = True
            j += 1
        i = max(i + 1, j)

    accepted: list[Candidate] = []
    weak: list[Candidate] = []
    for c in cands:
        words = c.name.split()
        after = text[c.end : c.end + 120]
        before = text[max(0, c.start - 80) : c.start]
        line_start = text.rfind("\n", 0, c.start) + 1
        line_end = text.find("\n", c.end)
        line_end = len(text) if line_end < 0 else line_end

        # party in parentheses right after: "Karin Ek (S)"
        pm = _PARTY_PAREN.match(after)
        if pm and (c.end + pm.end()) in abbr_at:
            p = abbr_at[c.end + pm.end()]
            c.party, c.party_name = p["party"], p["party_name"]
            c.evidence.add("party")
            # what follows the parenthesis: text[rest_at:] (not copied: the rest of a long text)
            rest, rest_at, after_party = text, _PAREN_CLOSE.match(text, p["end"]).end(), True
        else:
            rest, rest_at, after_party = after, 0, False
        # party written out after a comma: "Karin Ek, Feministiskt initiativ"
        for p in names_by_start.within(c.end, c.end + 4):
            if _COMMA_OR_DASH.fullmatch(text[c.end : p["start"]]):
                c.party, c.party_name = p["party"], p["party_name"]
                c.evidence.add("party")
        # a bare abbreviation after a comma or dash ("Karin Ek, V,"), or as a table column in an
        # attendance section ("Anna Berg  S  ordförande")
        if c.party is None:
            bare = _BARE_PARTY.match(after)
            if bare is None and id(c) in in_section:
                bare = _PARTY_COLUMN.match(after)
            if bare is None and not text[line_start : c.start].strip():
                bare = _PARTY_CELL_BELOW.match(text, c.end)  # a table flattened one cell a line: "Ewa Holm" / "S"
            if bare and lexicon().abbreviation(bare.group(1)) and bare.group(1).isupper():
                abbr = lexicon().abbreviation(bare.group(1))
                c.party, c.party_name = abbr, lexicon().names[abbr]
                c.evidence.add("party")
        # a role in parentheses: "Anna Berg (ekonomichef)"
        rp = _ROLE_IN_PARENS.match(after)
        if rp:
            r = role_at_start(rp.group(1))
            if r:
                c.add_role(r)
        # party genitive before, maybe with a role: "Nackalistans Mikael Carlsson",
        # "Socialdemokraternas gruppledare Anna Berg"
        for p in names_by_end.within(c.start - 40, c.start):
            gap = text[p["end"] : c.start]
            if not p["text"].endswith("s"):
                continue
            if not gap.strip() or (_GAP_WORDS.fullmatch(gap) and role_of_words(gap.split())):
                c.party, c.party_name = p["party"], p["party_name"]
                c.evidence.add("party")
        # roles next to the name
        r = role_at_end(text[line_start : c.start])
        where = _ROLE_WHERE_APPOSITION.search(text, max(line_start, c.start - 80), c.start)
        if r is None and where:  # "Rektorn på Triangelskolan, Maja Lantto,": the role and its place
            r = role_at_end(text[max(line_start, where.start() - 40) : where.start()])
            if r:
                c.add_role(r)
        elif r and _WORD_AND_SPACE_AT_END.search(text[line_start : c.start]):
            c.add_role(r)
        elif _LINE_REST.fullmatch(text[c.end : line_end]):
            # a list item "• Produktionsdirektör Välfärd samhällsservice Anette Böe"
            head = text[line_start : c.start].strip(" \t•*·▪–-")
            r = role_at_start(head) if head and len(head.split()) <= 5 else None
            if r and bisect_left(starts, line_start) == bisect_left(starts, c.start):  # no name before it on the line
                c.add_role(r)
        fm = _SEPARATOR.match(rest, rest_at)
        if fm:
            r = role_at_start(rest[fm.end() : fm.end() + 80])
            k = bisect_left(starts, c.end)
            nxt = cands[k] if k < len(cands) else None
            if r and nxt is not None and nxt.start <= c.end + 120:
                between = text[c.end : nxt.start]
                if _TITLE_OF_NEXT.fullmatch(between) and nxt.text.split()[0] in fn:
                    r = None  # "…, avdelningschef Per Dahl": the title of the next name
                    # (not "Nadia Berisha, rektor Eskilstuna Vuxenutbildning": no first name)
            if r:
                c.add_role(r)
        elif pm and c.party is not None and after_party:
            # "Erik Ek (S) ordförande, Eva Lund (M) …": a role right after the party letters
            r = role_at_start(rest[rest_at : rest_at + 80])
            if r and _role_alone(r.role).match(rest, rest_at):
                c.add_role(r)
        sm = _SOM_AR.match(rest, rest_at)
        if sm:
            r = role_at_start(rest[sm.end() : sm.end() + 80])
            if r:
                c.add_role(r)
        if _political_verb_at(rest, rest_at) or _political_before(before):
            c.kind_votes["politician"] += 1
            c.evidence.add("political")
        sec = in_section.get(id(c))
        if sec:
            c.evidence.add("section")
            if sec["kind"] in ("politician", "official"):
                c.kind_votes[sec["kind"]] += 1
            if sec.get("role") and sec["role"] not in c.roles:
                c.roles.append(sec["role"])
        if per.overlaps(c.start, c.end):
            c.evidence.add("ner")
        if words and words[0] in fn:
            c.evidence.add("first_name")

    _signature_roles(text, lines, cands)
    _agenda_presenters(text, lines, cands)
    # coordinated lists sharing one party: "A, B och C från Socialdemokraterna"
    _share_party(text, cands, party_names, starts)

    for c in cands:
        words = c.name.split()
        strong = c.evidence & {"party", "role", "section", "political", "list_party"}
        in_org_name = in_org_names(c.name.casefold())
        hm = _LOWER_WORD_AFTER.match(text[c.end : c.end + 40])
        if hm and hm.group(1).endswith(NON_NAME_SUFFIXES) and not strong:
            in_org_name = True  # "Björknäs Eklunda förskolor": part of a school or place name
        # NER alone is too loose on municipal text ("Nordvästra Sicklaön", "Implenia Construction"):
        # a NER name without a known first name only joins a person found by other evidence
        if "ner" in c.evidence and not in_org_name and "first_name" in c.evidence:
            strong = strong | {"ner"}
        if _rejected(words) or any(len(w) < 2 for w in words):
            continue
        overlaps_block = blocked.overlaps(c.start, c.end)
        caps = is_all_caps(c.text)
        nm = _LOWER_WORD_AFTER.match(text[c.end : c.end + 30])
        genitive_noun = bool(nm) and c.text.endswith("s") and nm.group(1) not in _NOT_POSSESSED
        if caps and "party" not in c.evidence and "section" not in c.evidence:
            weak.append(c)
        elif strong and not (overlaps_block and not c.evidence & {"party", "section"}):
            accepted.append(c)
        elif c.evidence & {"first_name", "inverted"} and not overlaps_block and not genitive_noun and not in_org_name:
            accepted.append(c)
        else:
            weak.append(c)
    return accepted, weak


def _line_role(line: str) -> Role | None:
    """The role a whole line names ("Sekreterare", "Ordförande:"), or None."""
    words = line.strip(" \t:").split()
    return role_of_words(words) if 0 < len(words) <= 4 else None


_PARTY_LETTERS_OR_COMMA = re.compile(r"\([^)]{0,6}\)|[,;]")
_NONSPACE = re.compile(r"\S+")


def _signature_roles(text: str, lines: list[tuple[int, int]], cands: list[Candidate]) -> None:
    """Roles of names in signature blocks: a label line before a name line ("Sekreterare" /
    "Görel Petersson"), or title lines after one or more name lines, paired in order
    ("Einar Fransson" / "Helena Ekwall" / "Produktionsdirektör …" / "Chef …"), also side by
    side ("Einar Franson Ann Sundman Brott" / "Produktionsdirektör Utbildningsstrateg")."""
    nonempty = [(s, e) for s, e in lines if text[s:e].strip()]
    starts = [c.start for c in cands]
    ordered = all(a < b for a, b in zip(starts, starts[1:], strict=False))
    by_line: list[list[Candidate]] = []
    for s, e in nonempty:
        if ordered:
            on = cands[bisect_left(starts, s) : bisect_left(starts, e)]
        else:
            on = [c for c in cands if s <= c.start < e]
        if not on:
            by_line.append([])
            continue
        rest = text[s:e]
        for c in sorted(on, key=lambda c: -c.start):
            rest = rest[: c.start - s] + rest[c.end - s :]
        rest = _PARTY_LETTERS_OR_COMMA.sub(" ", rest)
        by_line.append(on if not rest.strip() else [])
        if rest.strip() and len(on) == 1 and on[0].start == s and len(rest.split()) <= 4:
            r = title_line_role(rest)  # "Anna-Karin Bergfeldt skoldirektör": a signature on one line
            if r:
                on[0].add_role(r)
    consumed: set[int] = set()  # role lines already taken as the title of the name above
    i = 0
    while i < len(nonempty):
        if not by_line[i]:
            i += 1
            continue
        prev = text[slice(*nonempty[i - 1])] if i > 0 else ""
        prev_role = _line_role(prev) if i - 1 not in consumed else None
        label_layout = i > 0 and not by_line[i - 1] and i - 1 not in consumed and _is_label(prev)
        if prev_role:
            for c in by_line[i]:
                c.add_role(prev_role)
        if label_layout:
            # "Vid protokollet" / "Ida Marklund" / "Sekreterare" / "Justeras": a title line under
            # the name, unless a name follows it (then it labels that name)
            nxt = i + 1
            if not prev_role and len(by_line[i]) == 1 and nxt < len(nonempty) and not by_line[nxt]:
                if nxt + 1 >= len(nonempty) or not by_line[nxt + 1]:
                    r = title_line_role(text[slice(*nonempty[nxt])])
                    if r:
                        by_line[i][0].add_role(r)
                        consumed.add(nxt)
            i += 1
            continue
        j = i
        while j < len(nonempty) and by_line[j] and not _line_role(text[slice(*nonempty[j - 1])] if j > i else ""):
            j += 1
        name_lines = by_line[i:j]
        role_lines = []
        k = j
        while k < len(nonempty) and len(role_lines) < len(name_lines):
            r = title_line_role(text[slice(*nonempty[k])])
            if r is None:
                break
            role_lines.append(k)
            k += 1
        for n, names in enumerate(name_lines[: len(role_lines)]):
            consumed.add(role_lines[n])
            line = text[slice(*nonempty[role_lines[n]])]
            if len(names) == 1:
                r = title_line_role(line)
                if r:
                    names[0].add_role(r)
                continue
            found = [role_at_start(line[m.start() :]) for m in _NONSPACE.finditer(line)]
            found = [r for r in found if r]
            for c, r in zip(names, found if len(found) >= len(names) else found[:1] * len(names), strict=False):
                c.add_role(r)
        i = max(j, i + 1)


_AGENDA_ITEM_LINE = re.compile(
    r"\d{1,3}[.)]?|(?:[A-ZÅÄÖ]{2,8}[ /-]?)?(?:19|20)\d\d[-/.:]\d{1,6}(?:[-.:]\d{1,6})*"  # "7", "KUN 2025-00098"
)
_PRESENTER_COLUMN = re.compile(r"(?m)^(?:.*\s)?Föredragande(?:\s.*)?$")


def _agenda_presenters(text: str, lines: list[tuple[int, int]], cands: list[Candidate]) -> None:
    """In an agenda with a "Föredragande" column, a name alone on its line (or with a title
    after a comma) within two lines after an item's number or diarienummer presents the item:
    an official ("4" / "Delårsrapport april 2025" / "KUN 2025-00098" / "Lena Wiklund")."""
    if "Föredragande" not in text or not _PRESENTER_COLUMN.search(text):
        return
    nonempty = [(s, e) for s, e in lines if text[s:e].strip()]
    line_starts = [s for s, _ in nonempty]
    role = Role("föredragande", "official")
    for c in cands:
        k = bisect_left(line_starts, c.start + 1) - 1
        if k < 1 or c.party is not None:
            continue
        s, e = nonempty[k]
        if text[s:c.start].strip() or text[c.end : e].strip()[:1] not in ("", ","):
            continue
        before = [text[a:b].strip() for a, b in nonempty[max(0, k - 3) : k]]
        if any(_AGENDA_ITEM_LINE.fullmatch(b) for b in before[-2:]):
            c.add_role(role, weight=1)


_LABELS = ("vid protokollet", "underskrifter", "underskrift", "justeras", "justerat", "sekreterare", "ordförande")


def _is_label(line: str) -> bool:
    """A signature label line ("Sekreterare", "Vid protokollet", "Justerande:")."""
    low = line.strip().casefold()
    return bool(low) and (
        low.endswith(":")
        or low.startswith(_LABELS)
        or _line_role(line) is not None
        or _section_heading(line) is not None
    )


_LIST_JOINT = re.compile(r"\s*(?:,|,?\s+och|,?\s+samt|&)\s*")
_SHARED_PARTY = re.compile(r"[ \t]*(?:(?:m\.[ \t]?fl\.?|med flera)[ \t]*\(|\(\s*(?:båda|alla|samtliga)\s)")
_CLAUSE_END = re.compile(r"[.;:!?\n]|\b(?:och|samt)\s+[A-ZÅÄÖ]")
_PARTY_PREPOSITION = re.compile(r"(?:\b(?:från|för|,)\s*)$")


def _share_party(
    text: str, cands: list[Candidate], party_names: list[dict[str, Any]], starts: list[int] | None = None
) -> None:
    """Give every name of a coordinated list the party stated after its last name, and the
    party stated with "för/från <parti>" later in the same clause to a lone subject.
    ``starts``: the candidates' starts where they are in order (found here otherwise)."""
    if starts is None or len(starts) != len(cands):
        starts = sorted(c.start for c in cands)
    groups: list[list[Candidate]] = []
    for c in cands:
        if groups and _LIST_JOINT.fullmatch(text[groups[-1][-1].end : c.start]):
            groups[-1].append(c)
        else:
            groups.append([c])
    for g in groups:
        last = g[-1]
        shared = _SHARED_PARTY.match(text, last.end)
        motion = _political_before(text[max(0, g[0].start - 80) : g[0].start])
        if len(g) > 1 and last.party and (shared or (motion and all(c.party is None for c in g[:-1]))):
            for c in g[:-1]:
                if c.party is None:
                    c.party, c.party_name = last.party, last.party_name
                    c.evidence.add("list_party")
        if len(g) > 1 and "political" in last.evidence:
            for c in g[:-1]:
                c.evidence.add("political")
                c.kind_votes["politician"] += 1
        tail = text[last.end : last.end + 160]
        stop = _CLAUSE_END.search(tail)
        clause = tail[: stop.start()] if stop else tail
        for p in party_names:
            off = p["start"] - last.end
            if 0 <= off < len(clause) + 1 and _PARTY_PREPOSITION.search(text[last.end : p["start"]]):
                if bisect_left(starts, last.end) < bisect_left(starts, p["start"]):  # a name in between
                    break
                for c in g:
                    if c.party is None:
                        c.party, c.party_name = p["party"], p["party_name"]
                        c.evidence.add("list_party" if len(g) > 1 else "party")
                break


def find_persons(
    text: str,
    parties: list[dict[str, Any]] | None = None,
    per_spans: list[tuple[int, int]] | None = None,
    blocked_spans: list[tuple[int, int]] | None = None,
) -> list[dict[str, Any]]:
    """Person-shaped dicts for ``text``. ``per_spans``: NER PER entity offsets;
    ``blocked_spans``: organisation/place mentions that names must not overlap."""
    accepted, weak = find_candidates(text, parties, per_spans, blocked_spans)
    if not accepted:
        return []  # weak mentions only join a person found from an accepted one

    def as_mention(c: Candidate) -> dict[str, Any]:
        return {
            "text": c.text,
            "start": c.start,
            "end": c.end,
            "name": c.name,
            "party": c.party,
            "party_name": c.party_name,
            "roles": list(c.roles),
            "kind_votes": dict(c.kind_votes),
        }

    persons = resolve_persons([as_mention(c) for c in accepted], [as_mention(c) for c in weak], text)
    persons.sort(key=lambda p: p["mentions"][0]["start"])
    return persons


@Language.factory("nlpkommun_persons")
def make_persons(nlp: Language, name: str) -> PersonsComponent:
    """spaCy factory for :class:`PersonsComponent`."""
    return PersonsComponent()


class PersonsComponent:
    """Writes ``doc._.nk_persons`` with :func:`find_persons`."""

    def __call__(self, doc: Doc) -> Doc:
        per = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PER"]
        ext = doc._  # one extension accessor for all reads (each ``doc._`` builds a new one)
        blocked: list[tuple[int, int]] = []
        for attr in ("nk_organisations", "nk_places"):
            for item in getattr(ext, attr) or []:
                if attr == "nk_organisations" and item.get("kind") == "party":
                    continue
                blocked.extend((m["start"], m["end"]) for m in item.get("mentions", []))
        ext.nk_persons = find_persons(doc_text(doc), ext.nk_parties, per, blocked)
        return doc
