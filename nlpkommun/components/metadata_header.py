"""Header-level metadata: the header region, document type, body (nämnd), meeting and
document dates, and the document's own reference numbers (diarienummer).

Reads: ``document_types.json``, ``body_patterns.json`` (and the label data through
:mod:`metadata_lines`) under ``resources/sv/``. Plain functions over
:class:`~nlpkommun.components.metadata_lines.Line` lists; writes nothing.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from nlpkommun.components.metadata_lines import (
    Line,
    blank_between,
    find_day_dates,
    fold,
    is_any_label,
    is_section_heading,
    is_title_line,
    label_of,
    split_label,
    strip_dates,
)
from nlpkommun.resources import read_json

#: how many lines at the top of a document count as its header
HEADER_LINES = 30
#: a header line longer than this is running text
MAX_HEADER_LINE = 160

#: "Ärende 19", "Punkt 7": a header line giving the document's place on a meeting's agenda
AGENDA_NUMBER = re.compile(
    r"^(?:ärende|punkt|ärendepunkt|dagordningspunkt)\s*(?:nr\.?\s*)?\d{1,3}[a-z]?$", re.IGNORECASE
)
_PAGE = re.compile(r"^(?:(?:sida|s\.)\s*)?\d{1,3}\s*(?:\(\s*\d{1,3}\s*\)|av\s+\d{1,3}|/\s*\d{1,3})$", re.IGNORECASE)
PARAGRAPH = re.compile(r"^§§?\s*(\d{1,4})\b")
_DNR_LABEL = r"(?:dnr|diarienr|diarienummer|ärendenr|ärendenummer|vårt\s+dnr|vår\s+beteckning|beteckning)"
REF_PREFIXED = re.compile(
    r"(?<![\w/-])([A-ZÅÄÖ][A-ZÅÄÖ0-9]{0,7}(?:[-–][A-ZÅÄÖ]{1,8})?(?:\s|[-–/])?(?:19|20)\d{2}[/:]\d{1,6}(?:[:.-]\d{1,4})?)(?![\w/])"
)
REF_DASHED = re.compile(r"(?<![\w/-])([A-ZÅÄÖ]{2,8}[-–\s](?:19|20)\d{2}-\d{3,6})(?![\w/-])")
REF_LABELLED = re.compile(
    rf"\b{_DNR_LABEL}\.?\s*:?\s*((?:[A-ZÅÄÖ]{{1,8}}(?:\s|[-–]))?[\dA-ZÅÄÖ][\w.:/–-]*\d[\w/]*)", re.IGNORECASE
)


def is_page_marker(s: str) -> bool:
    """``"2 (13)"``, ``"Sida 3 av 9"``, ``"4"``."""
    return bool(_PAGE.match(s.strip()))


def header(lines: list[Line]) -> list[Line]:
    """The header region: the top lines up to the first section heading or running text."""
    out: list[Line] = []
    for ln in lines[:HEADER_LINES]:
        if is_section_heading(ln.text) and out:
            break
        if len(ln.text) > MAX_HEADER_LINE:
            break
        out.append(ln)
    return out


# --- document type --------------------------------------------------------------------


@cache
def types() -> dict:
    data = read_json("document_types.json")
    return {
        "header": [(t, re.compile(fold(p))) for t, p in data["header_lines"]],
        "self": [(t, re.compile(p, re.IGNORECASE)) for t, p in data["self_references"]],
        "prefix": [(t, re.compile(p, re.IGNORECASE)) for t, p in data["title_prefixes"]],
        "meeting": frozenset(data["meeting_record_labels"]),
        "display": data["display_titles"],
        "genre": frozenset(data["genre_lines"]),
    }


def type_line(head: list[Line]) -> tuple[str, Line] | None:
    """The header line that names the document's kind, with the kind."""
    for ln in head:
        if len(ln.text.split()) > 12:
            continue
        for kind, pat in types()["header"]:
            if pat.search(fold(ln.text)):  # OCR may lose the diacritics
                return kind, ln
    return None


def _repeated_type_line(lines: list[Line]) -> tuple[str, Line] | None:
    """A type line repeated on several pages (a running header or footer such as
    "Tjänsteskrivelse 2021-03-01"), when the header names no type."""
    seen: dict[str, list[Line]] = {}
    for ln in lines:
        if len(ln.text.split()) <= 6:
            seen.setdefault(ln.text.lower(), []).append(ln)
    for same in seen.values():
        if len(same) >= 2:
            found = type_line(same[:1])
            if found:
                return found
    return None


def paragraph_numbers(lines: list[Line]) -> list[str]:
    """Distinct paragraph numbers of the § headings (lines starting with "§ N")."""
    seen: list[str] = []
    for ln in lines:
        m = PARAGRAPH.match(ln.text)
        if m and m.group(1) not in seen and "...." not in ln.text:
            seen.append(m.group(1))
    return seen


def has_attendance_block(lines: list[Line]) -> bool:
    """Whether the document lists who attended (a meeting record's first page)."""
    meeting = types()["meeting"]
    return any(re.sub(r"\s+", " ", ln.text.rstrip(":")).lower() in meeting for ln in lines)


_EXCERPT_CERTIFIED = re.compile(r"utdraget\s+bestyrks|utdraget\s+bestyrkes|rätt\s+utdraget", re.IGNORECASE)


def document_type(lines: list[Line], text: str) -> tuple[str | None, Line | None]:
    """The document type (record vocabulary) and the line that named it, if any."""
    if not lines:
        return None, None
    head = header(lines)
    found = type_line(head) or _repeated_type_line(lines)
    if found:
        kind, ln = found
        if kind == "protokoll" and len(paragraph_numbers(lines)) == 1:
            if not has_attendance_block(lines) or _EXCERPT_CERTIFIED.search(text):
                kind = "protokollsutdrag"  # one § only, and no attendance or a certified excerpt
        return kind, ln
    opening = text[:3000]
    for kind, pat in types()["self"]:
        if pat.search(opening):
            return kind, None
    for ln in head:
        for kind, pat in types()["prefix"]:
            if pat.search(ln.text):
                return kind, None
    return "other", None


def display_title(ln: Line) -> str:
    """A bare type line as a title: ``"SAMMANTRÄDESPROTOKOLL"`` → ``"Sammanträdesprotokoll"``."""
    key = re.sub(r"\s+", " ", strip_dates(ln.text)).lower()
    shown = types()["display"].get(key)
    if shown:
        return shown
    t = strip_dates(ln.text)
    return t[:1].upper() + t[1:].lower() if t.isupper() else t


# --- body -----------------------------------------------------------------------------


@cache
def bodies() -> dict:
    data = read_json("body_patterns.json")
    heads = "|".join(sorted(map(re.escape, data["heads"]), key=len, reverse=True))
    return {
        "head": re.compile(rf"(?:{heads})$", re.IGNORECASE),
        "non": frozenset(data["non_bodies"]),
        "abbr": data["abbreviations"],
        "parents": data["genitive_parents"],
        "utskott": data["utskott_codes"],
        "subject": re.compile(data["decision_subject"]),
        "regions": tuple(data["regions"]),
        "structure": [
            (re.compile(r["pattern"], re.IGNORECASE), r["municipality"]) for r in data["municipality_by_structure"]
        ],
    }


def canonical_body(name: str) -> str:
    """Tidy a body name: single spaces, capital first letter."""
    name = re.sub(r"\s+", " ", name).strip(" ,.;:-–")
    if name.isupper():
        name = name.lower()
    return name[:1].upper() + name[1:]


def is_body_name(s: str, *, any_case: bool = False) -> bool:
    """Whether a whole string is a body's name ("Kommunstyrelsen", "Hässelby-Vällingby
    stadsdelsnämnd", "Kommunstyrelsens arbetsutskott", "Barn- och utbildningsnämnden"):
    capitalised words (or "och", or a hyphenated first half) ending in a body word.
    ``any_case`` accepts a lower-case first letter ("Till kommunfullmäktige")."""
    s = s.strip(" ,.:")
    toks = s.split()
    if not 1 <= len(toks) <= 7 or re.search(r"[\d()§]", s) or not (any_case or s[:1].isupper()):
        return False
    if _SUBJECT_BODY.fullmatch(s):  # "Nämnd för trafik, infrastruktur och miljö" (a region's)
        return True
    if len(toks) >= 2 and _DEFINITE_HEAD.search(toks[-2].lower()) and toks[-1] in _DISTRICT_WORDS:
        if is_body_name(" ".join(toks[:-1]), any_case=any_case):
            return True  # a city's body for a district: "Socialnämnden Nordost", "Stadsdelsnämnden Centrum"
    if _district_body(toks):
        return True
    last = toks[-1].lower()
    if last in bodies()["non"] or not bodies()["head"].search(last):
        return False
    if len(toks) > 1 and all(t.isupper() for t in toks):
        return False
    return all(t[:1].isupper() or t in ("och", "samt") or t.endswith("-") for t in toks[1:-1]) and (
        any_case or len(toks) == 1 or toks[0][:1].isupper()
    )


_DISTRICT_WORDS = frozenset(
    "Nordost Nordväst Sydost Sydväst Nord Syd Öst Väst Norr Söder Öster Väster Centrum Mitt".split()
)  # a city's district bodies: "Socialnämnden Nordost", "Stadsdelsnämnden Centrum"
# "Nämnd för trafik, infrastruktur och miljö", "Nämnden för Kultur & Fritid" (Kungsbacka's style)
_SUBJECT_BODY = re.compile(
    r"(?i:n)ämnd(?:en)?\s+för\s+(?:[a-zåäö-]+(?:(?:,\s+|\s+och\s+|\s+)[a-zåäö-]+){0,5}"
    r"|[A-ZÅÄÖ][a-zåäö-]+(?:\s+&\s+[A-ZÅÄÖ][a-zåäö-]+)+)"
)
_DEFINITE_HEAD = re.compile(r"(?:nämnden|styrelsen)$")
_PLACE_WORD = re.compile(r"^[A-ZÅÄÖ][a-zåäöé]+(?:-[A-ZÅÄÖ][a-zåäöé]+)*$")


def _district_body(toks: list[str]) -> bool:
    """Göteborg style, the body word first and its district after: "Stadsdelsnämnden
    Angered", "Stadsdelsnämnden Askim-Frölunda-Högsbo"."""
    return (
        2 <= len(toks) <= 3
        and toks[0][:1].isupper()
        and bool(_DEFINITE_HEAD.search(toks[0]))
        and all(_PLACE_WORD.match(t) for t in toks[1:])
        and not any(is_any_label(t) or t.lower() in types()["display"] for t in toks[1:])
    )


def expand_abbreviation(token: str) -> str | None:
    """``"KS"`` → ``"Kommunstyrelsen"``, ``"KSAU"`` → ``"Kommunstyrelsens arbetsutskott"``."""
    b = bodies()
    if token in b["abbr"]:
        return b["abbr"][token]
    for parent, gen in b["parents"].items():
        rest = token[len(parent) :]
        if token.startswith(parent) and rest in b["utskott"]:
            return f"{gen} {b['utskott'][rest]}"
    return None


#: "… i Luleå kommun", "… i Region Skåne", "… i Malmö stad" after an addressed body
_IN_MUNICIPALITY = re.compile(
    r"\s+i\s+(?:(?:Region\s+)?[A-ZÅÄÖ][\wåäöé-]+(?:\s+[A-ZÅÄÖ][\wåäöé-]+)?(?:\s+(?:kommun|stad|län))?)$"
)


def body_from_addressee(head: list[Line], year: int | None) -> tuple[str | None, str | None]:
    """The "Till" block: (body, date next to it)."""
    for i, ln in enumerate(head):
        value = None
        parts = split_label(ln.text, "addressee")
        block = [parts[1]] if parts else [] if label_of(ln.text, "addressee") else None
        if block is None:
            continue
        prev = ln
        for nxt in head[i + 1 : i + 5]:  # the block runs to the next blank line or label
            if blank_between(prev, nxt) and block or is_any_label(nxt.text):
                break
            if block and is_title_line(nxt.text) and not is_body_name(nxt.text, any_case=True):
                break  # the case officer's job title from the column beside ("Till" / "Socialnämnden")
            block.append(nxt.text)
            prev = nxt
        # the longest run of the block's first lines that reads as a body, then a date
        for k in range(len(block), 0, -1):
            value = " ".join(block[:k])
            name = _IN_MUNICIPALITY.sub("", strip_dates(value, year))  # "kommunfullmäktige i Luleå kommun"
            if name and is_body_name(name, any_case=True):
                dates = find_day_dates(value, year)
                if not dates and k < len(block):
                    found = find_day_dates(block[k], year)
                    dates = found if found and not strip_dates(block[k], year) else []
                return canonical_body(name), dates[0].value if dates else None
    return None, None


def addressed_meeting_date(lines: list[Line], body: str, year: int | None) -> str | None:
    """The date beside the body in a later "Till" line ("Svar på interpellation" / … /
    "Till kommunfullmäktige 24 mars 2025"): the meeting the answer is for."""
    for i, ln in enumerate(lines):
        if not (split_label(ln.text, "addressee") or label_of(ln.text, "addressee")):
            continue
        addressed, date = body_from_addressee(lines[i : i + 5], year)
        if date and addressed and addressed.casefold() == body.casefold():
            return date
    return None


_SESSION = re.compile(
    r"\b(?:vid|från|med)\s+((?:[A-ZÅÄÖ][\wåäöé-]*\s+){0,4}[\wåäöé-]+?)s\s+(?:sammanträde|möte|extra\s+sammanträde)\b"
)
_WEEKDAY = r"(?:(?:mån|tis|ons|tors|fre|lör|sön)dag(?:en)?\s+)?"


def body_from_session(head: list[Line]) -> str | None:
    """ "fört vid Skarpnäcks stadsdelsnämnds sammanträde …" → the body."""
    for ln in head[:8]:
        m = _SESSION.search(ln.text)
        if m and is_body_name(m.group(1), any_case=True):
            return canonical_body(m.group(1))
    return None


def body_from_header(head: list[Line], type_ln: Line | None, year: int | None) -> str | None:
    """A header line that is a body's name, or an abbreviation on the type line ("KS Protokoll")."""
    if type_ln is not None:
        for tok in re.findall(r"\b[A-ZÅÄÖ]{2,6}\b", type_ln.text):
            full = expand_abbreviation(tok)
            if full:
                return full
        m = re.search(r"\b(?:för|från|vid|till)\s+(.+?)(?:s\s+sammanträde|\s+den\b|\s+\d|[,;]|$)", type_ln.text)
        if m and is_body_name(strip_dates(m.group(1), year), any_case=True):
            return canonical_body(strip_dates(m.group(1), year))
    for ln in head:
        if ln is type_ln or label_of(ln.text, "addressee"):
            continue
        candidate = strip_dates(ln.text, year)
        if is_body_name(candidate):
            return canonical_body(candidate)
    return None


def body_from_adoption(head: list[Line]) -> str | None:
    """The body that adopted the document: "Fastställd av kommunstyrelsen" → Kommunstyrelsen."""
    for ln in head:
        m = _ADOPTED_BY.search(ln.text)
        words = re.sub(r"^\S+\s+(?:av|i)\s+", "", m.group()).removesuffix(" den") if m else ""
        if words and is_body_name(words, any_case=True):
            return canonical_body(words)
    return None


def body_from_proposal(lines: list[Line]) -> str | None:
    """The deciding body in the first sentence after "Förslag till beslut"/"Beslut"."""
    for i, ln in enumerate(lines[:80]):
        if re.search(r"förslag till beslut$|^beslut$", ln.text.rstrip(":"), re.IGNORECASE):
            for nxt in lines[i + 1 : i + 4]:
                m = bodies()["subject"].match(re.sub(r"^\d+[.)]\s*", "", nxt.text))
                if m and is_body_name(m.group(1)):
                    return canonical_body(m.group(1))
    return None


# --- dates ----------------------------------------------------------------------------


def reference_year(text: str) -> int | None:
    """The most frequent year of the explicit full dates in the text."""
    years = Counter(f.value[:4] for f in find_day_dates(text[:20000]))
    return int(years.most_common(1)[0][0]) if years else None


def labelled_date(lines: list[Line], group: str, year: int | None, window: int = 10) -> str | None:
    """The first date after a label of ``group`` (on its line or within ``window`` lines,
    as in column layouts where all labels precede all values)."""
    for i, ln in enumerate(lines):
        parts = split_label(ln.text, group)
        if parts:
            found = find_day_dates(parts[1], year)
            if found:
                return found[0].value
        if label_of(ln.text, group):
            for nxt in lines[i + 1 : i + 1 + window]:
                found = find_day_dates(nxt.text, year)
                if found:
                    return found[0].value
    return None


_MEETING_PHRASE = re.compile(
    rf"\b(?:sammanträde(?:t|s)?|möte(?:t)?|protokoll)\s+(?:från\s+|den\s+|med\s+\S+\s+den\s+)?{_WEEKDAY}(?:den\s+)?",
    re.IGNORECASE,
)


def phrase_meeting_date(lines: list[Line], year: int | None) -> str | None:
    """ "Protokoll från 3 juni 2019", "Sammanträde den 24 februari 2022" in the header, or the
    meeting that adopted the document ("Antagen av kommunstyrelsen" / "2025-01-28, § 12")."""
    for i, ln in enumerate(lines):
        for m in _MEETING_PHRASE.finditer(ln.text):
            found = find_day_dates(ln.text[m.end() : m.end() + 40], year)
            if found and found[0].start == 0:
                return found[0].value
        adopted = _ADOPTED_BY.search(ln.text)
        if adopted:
            rest = ln.text[adopted.end() :].strip()
            if not rest and i + 1 < len(lines):
                rest = lines[i + 1].text.strip()  # the date on the next line
            found = find_day_dates(rest[:40], year)
            if found and found[0].start == 0:
                return found[0].value
    return None


#: a header line saying who adopted or revised the document ("Antagen av kommunstyrelsen",
#: "Reviderad den …"): when and by whom, not its title
ADOPTION_NOTE = re.compile(
    r"(?:Antagen|Antaget|Antagna|Fastställd|Fastställt|Beslutad|Beslutat|Reviderad|Reviderat)\s+(?:av|i|den)\b"
)
#: "Antagen av kommunstyrelsen", "Fastställd av barn- och ungdomsnämnden den": the adopting body
#: (a revision's date is no meeting date)
_ADOPTED_BY = re.compile(
    r"^(?:Antagen|Antaget|Antagna|Fastställd|Fastställt|Beslutad|Beslutat)\s+(?:av|i)\s+"
    r"(?:[a-zåäö]+-?\s+och\s+)?[a-zåäö]+(?:\s+[a-zåäö]+)?(?:\s+den)?(?=\s|$)"
)


def body_meeting_date(lines: list[Line], body: str, year: int | None) -> str | None:
    """A date on a line saying that the matter goes before the body ("13 maj Underlag för
    beslut läggs fram på kommunstyrelsen"; a time plan's row "Beslut i tekniska nämnden" with
    its date on the next line), or the body's name with "den <date>" in a sentence about
    treating the matter ("Arbetsutskottet behandlar ärendet den 10 september och
    socialnämnden den 24 september 2025"), or the body's meeting with its date ("väcks vid
    kommunfullmäktiges sammanträde den 26 maj 2025")."""
    pat = _goes_before(body, r"läggs\s+fram|behandlas|tas\s+upp|föredras|beslut")
    named = re.compile(rf"\b{re.escape(body.split()[-1])}\s+den\s+", re.IGNORECASE)
    # "väcks vid kommunfullmäktiges sammanträde den 26 maj 2025"
    # "Kommunstyrelsen har vid sitt sammanträde den 5 februari 2025 beslutat"; a committee's parent
    # body that will treat the matter: "Kommunstyrelsen behandlar ärendet vid sammanträdet 2025-03-04"
    first = re.escape(body.split()[0][:6])
    parent = rf"|\b{first}\w*\s+behandlar\s+ärendet\s+vid\s+sammanträdet" if " " in body else ""
    meeting = re.compile(
        rf"(?:\b(?:{re.escape(body.split()[-1].lower()[:6])}\w*|nämndens|styrelsens)"
        rf"(?:\s+(?:har|hade|vid|på|sitt|behandlade|behandlar|ärendet|frågan))*\s+sammanträde{parent})"
        rf"\s+(?:den\s+)?",
        re.IGNORECASE,
    )
    for i, ln in enumerate(lines):
        goes = pat.search(ln.text)
        if goes:
            # "behandlas i regionstyrelsens arbetsutskott den 2 september och i regionstyrelsen" /
            # "den 17 september 2025": the body's own date over its committee's
            rest = ln.text[goes.end() :] + (" " + lines[i + 1].text if i + 1 < len(lines) else "")
            own = next((m for m in named.finditer(rest) if m.start() > 0), None)
            dated = find_day_dates(rest[own.end() :], year) if own else []
            if dated and dated[0].start == 0:
                return dated[0].value
            # the date after the phrase first: "Svar ska lämnas senast den 2 juni. Ärendet behandlas i …"
            found = find_day_dates(ln.text[goes.end() :], year) or find_day_dates(ln.text, year)
            if not found and i + 1 < len(lines) and len(strip_dates(lines[i + 1].text, year).split()) <= 1:
                found = find_day_dates(lines[i + 1].text, year)
            if found:
                return found[0].value
        if re.search(r"\bbehandl", ln.text, re.IGNORECASE):
            for m in named.finditer(ln.text):
                found = find_day_dates(ln.text[m.end() :], year)
                if found and found[0].start == 0:
                    return found[0].value
    for i, ln in enumerate(lines):  # a decision plan's row: "Beslutsplanering" / … / "Fritidsnämnden" / "2025-03-25"
        if ln.text.casefold() == body.casefold() and i + 1 < len(lines):
            above = " ".join(x.text.casefold() for x in lines[max(0, i - 6) : i])
            nxt = find_day_dates(lines[i + 1].text, year)
            if nxt and _PLAN_HEADING.search(above) and len(strip_dates(lines[i + 1].text, year).split()) == 0:
                return nxt[0].value
    decided = re.compile(rf"\b{re.escape(body.split()[-1])}\s+(?:beslutade|beslöt)\s+(?:den\s+)?", re.IGNORECASE)
    for ln in lines:  # "Kommunstyrelsen beslutade den 26 maj 2025, § 88, att lämna följande yttrande"
        for m in decided.finditer(ln.text):
            found = find_day_dates(ln.text[m.end() :], year)
            after = ln.text[m.end() + found[0].end : m.end() + found[0].end + 6] if found else ""
            if found and found[0].start == 0 and "§" in after and (year is None or found[0].value[:4] == str(year)):
                return found[0].value  # with its paragraph, in the document's year: this decision, not a past one
    for ln in lines:
        for m in meeting.finditer(ln.text):
            found = find_day_dates(ln.text[m.end() :], year)
            if found and found[0].start == 0:
                return found[0].value
    return None


_PLAN_HEADING = re.compile(r"\b(?:beslutsplanering|beslutsgång|ärendegång|ärendets beredning|behandlingsordning)\b")


def _goes_before(body: str, verbs: str) -> re.Pattern[str]:
    """``<verb> <på|i|av|för|vid> <up to three words> <body's last word>``: the words let a
    coordinated name through ("behandlas av skol- och fritidsnämnden")."""
    stem = body.split()[-1].lower()[:6]
    return re.compile(
        rf"\b(?:{verbs})\s+(?:på|i|av|för|vid)\s+(?:[\w-]+\s+){{0,3}}?{re.escape(stem)}",
        re.IGNORECASE,
    )


def decision_meeting_date(head: list[Line], body: str, year: int | None) -> str | None:
    """The date of the meeting that adopted the document, on a header line ("Fastställd av
    barn- och ungdomsnämnden den 20 november 2025, § 98")."""
    pat = _goes_before(body, r"fastställd|fastställt|fastställda|antagen|antaget|antagna|beslutad|beslutat")
    for ln in head:
        m = pat.search(ln.text)
        if m:
            found = find_day_dates(ln.text[m.end() :], year)
            if found:
                return found[0].value
    return None


def first_header_date(head: list[Line], year: int | None) -> str | None:
    """The first date standing in the header (a line that is mostly a date)."""
    for ln in head:
        found = find_day_dates(ln.text, year)
        if found and len(strip_dates(ln.text, year).split()) <= 4:
            return found[0].value
    return None


# --- reference numbers ----------------------------------------------------------------


def own_reference_line(ln: Line, in_header: bool) -> bool:
    rest = REF_LABELLED.sub(" ", ln.text)
    rest = REF_DASHED.sub(" ", REF_PREFIXED.sub(" ", rest))
    rest = re.sub(r"§§?\s*\d+|\.{3,}|\b\d{1,3}\s*(?:\(\d+\))?$", " ", rest)
    rest = re.sub(rf"\b{_DNR_LABEL}\b\.?:?", " ", rest, flags=re.IGNORECASE)
    rest = strip_dates(rest)
    words = rest.split()
    return len(words) <= (6 if in_header else 1) and len(ln.text) <= 120


def _year_span(ref: str) -> bool:
    """``"SKOLA 2019-2022"``: a name followed by a span of years, not a diarienummer."""
    tail = re.split(r"[-–]", ref)[-1]
    return len(tail) == 4 and 1900 <= int(tail) <= 2099


#: the line before an item heading: "§ 12", or an agenda item's number on a line of its own
_ITEM_HEAD = re.compile(r"^(?:§§?\s*\d{1,4}\b.*|\d{1,3}[.)]?)$")
_AGENDA_ITEM = re.compile(r"^\d{1,3}[.)]?\s+[A-ZÅÄÖ]")


def ends_with_reference(text: str) -> bool:
    """Whether ``text`` ends with a diarienummer ("… tillgänglighet KSN-2023-01234")."""
    end = len(text.rstrip(" .;"))
    return any(m.end(1) == end for rx in (REF_PREFIXED, REF_LABELLED, REF_DASHED) for m in rx.finditer(text))


def agenda_item_reference(text: str) -> bool:
    """``"4. Delårsrapport 2022, RS 2022/456"``: a numbered agenda item of a kallelse or
    föredragningslista ending with its case's diarienummer."""
    return bool(_AGENDA_ITEM.match(text)) and len(text) <= 200 and ends_with_reference(text)


def reference_numbers(lines: list[Line]) -> list[str]:
    """The document's own diarienummer, as written: those on header lines, on lines of
    their own ("Dnr KFKS 2018/3", "§ 12 KS 2020/123"), at the end of numbered agenda items
    and of a § item's heading, not those cited in running text."""
    head_ids = {ln.index for ln in header(lines)}
    out: list[str] = []
    for i, ln in enumerate(lines):
        text = ln.text
        if i and label_of(lines[i - 1].text, "reference") and len(text.split()) <= 3:
            text = f"Dnr {text}"  # "Diarienummer:" above its value
        if not (REF_PREFIXED.search(text) or REF_LABELLED.search(text) or REF_DASHED.search(text)):
            continue
        if not (
            own_reference_line(Line(ln.index, text, ln.start, ln.end), ln.index in head_ids)
            or agenda_item_reference(text)
            or (i and _ITEM_HEAD.match(lines[i - 1].text) and len(text) <= 200 and ends_with_reference(text))
        ):
            continue
        found = [m.group(1) for m in REF_LABELLED.finditer(text)]
        found += [m.group(1) for m in REF_PREFIXED.finditer(text)]
        found += [m.group(1) for m in REF_DASHED.finditer(text) if not _year_span(m.group(1))]
        for ref in found:
            ref = re.sub(r"\s+", " ", ref).strip(" .,;:")
            if not re.search(r"\d", ref) or re.fullmatch(r"(?:19|20)\d{2}-\d{2}-\d{2}", ref):
                continue
            if ref not in out:
                out.append(ref)
    return out
