"""The document's title: the heading of its § item (protokollsutdrag, protokollsbilaga),
the type line of a protokoll or kallelse ("Sammanträdesprotokoll"), a "Ärende:"/"Rubrik:"
label, else the first header line that is not a label, label value, date, diarienummer,
body, municipality, unit, genre word or name, joined with its next line when it wraps.

Reads the data of :mod:`metadata_header` and :mod:`metadata_lines`. Plain functions; writes
nothing.
"""

from __future__ import annotations

import re
from functools import cache

from nlpkommun.components.metadata_header import (
    ADOPTION_NOTE,
    AGENDA_NUMBER,
    PARAGRAPH,
    REF_DASHED,
    REF_LABELLED,
    REF_PREFIXED,
    display_title,
    header,
    is_body_name,
    is_page_marker,
    own_reference_line,
    types,
)
from nlpkommun.components.metadata_lines import (
    Line,
    blank_between,
    columns,
    find_day_dates,
    fold,
    is_any_label,
    is_name,
    is_section_heading,
    is_title_line,
    label_of,
    split_label,
    strip_dates,
)
from nlpkommun.components.metadata_municipality import base_of, is_municipality_line
from nlpkommun.resources import read_json

UNIT_NAME = re.compile(
    r"(?:förvaltning(?:en)?|kontor(?:et)?|avdelning(?:en)?|enhet(?:en)?|sektion(?:en)?|stab(?:en)?)$|"
    r"^(?:avdelningen|enheten|sektionen|staben|förvaltningen)\s+för\b|"
    r"^(?:område|verksamhetsområde|sektor|division|avdelning)\s+[a-zåäö]+(?:\s+och\s+[a-zåäö]+)?$",
    re.IGNORECASE,
)
_DANGLING_END = re.compile(
    r"(?:\b(?:i|och|om|för|av|till|på|med|från|som|att|en|ett|den|det|eller|samt|vid|mot|under|över|inom|genom|"
    r"efter|hos|mellan|enligt)|[,–-])$",
    re.IGNORECASE,
)
_PHONE_LIKE = re.compile(r"(?<![\d-])(?:\+46\s?|0)\d{1,3}[\s-]?\d{2,3}[\s-]?\d{2}[\s-]?\d{2,3}(?![\d-])")
_VALUE_LABELS = ("case_officer", "addressee", "document_date", "meeting_date", "reference")
_TRAILING_LABEL = re.compile(r"\s+(?:datum|dnr|diarienummer|sida|handläggare|beteckning)\s*:?$", re.IGNORECASE)



@cache
def _programme_nouns() -> frozenset[str]:
    return frozenset(read_json("programme_cues.json")["name_cue_heads"])


def _names_next(title: str) -> bool:
    """A heading ending in a programme noun names it on the next line: "… för projektet" / "Mötesplats Bara"."""
    words = title.split()
    return len(words) > 2 and words[-1].casefold() in _programme_nouns()


def _name_after_noun(title: str) -> bool:
    """A heading ending in a programme noun and a capitalised word, a name that may go on."""
    words = title.split()
    return len(words) > 3 and words[-2].casefold() in _programme_nouns() and words[-1][:1].isupper()


def _skip_for_title(ln: Line, year: int | None) -> bool:
    cols = columns(ln.text)
    if len(cols) > 1:  # a layout row ("HÄRNÖSANDS KOMMUN      HANDLINGSPLAN"): skipped when every cell is
        return all(_skip_for_title(Line(ln.index, c, ln.start, ln.end), year) for c in cols)
    t = _PAGE_PREFIX.sub("", ln.text)
    if ADOPTION_NOTE.match(t):
        return True  # "Antagen av kommunstyrelsen": when and by whom, not what
    if " " not in t.strip() and t.isupper() and len(t) > 3:
        return True  # "HANDLINGSPLAN", "VERKSAMHETSPLAN": a genre label in capitals; the title comes under it
    if t.lower().rstrip(":. ") in types()["genre"]:
        return True
    if is_page_marker(t) or t.endswith(":") or not re.search(r"[A-Za-zÅÄÖåäö]{2}", t) or t[:1].islower():
        return True
    labelled = split_label(t, "title")
    if labelled and _MEETING_REFERENCE.search(labelled[1]):
        return True  # "Ärende: Kultur- och fritidsnämndens sammanträde den 13 maj 2025"
    if AGENDA_NUMBER.match(t):
        return True  # "Ärende 19", "Punkt 7": the document's place on a meeting's agenda
    if split_label(t, "addressee") or is_any_label(t) or re.match(r"^bilaga\s*\d*\s*[:.]?\s*$", t, re.IGNORECASE):
        return True
    for group in ("case_officer", "phone", "email", "document_date", "meeting_date", "reference"):
        if split_label(t, group):
            return True
    dashed = [m for m in REF_DASHED.finditer(t) if not _YEAR_SPAN_END.search(m.group(1))]  # not "SKOLA 2020-2023"
    if (REF_PREFIXED.search(t) or dashed) and own_reference_line(ln, True):
        return True
    rest = strip_dates(t, year)
    if not re.search(r"[A-Za-zÅÄÖåäö]{2}", rest) or len(rest.split()) <= 1 and find_day_dates(t, year):
        return True
    if is_body_name(rest) or is_municipality_line(rest) or UNIT_NAME.search(rest.strip(" ,.")):
        return True
    bare = rest.strip(" ,.")
    if bare.isupper():
        bare = bare.title()
    if base_of(bare) == bare:
        return True  # a municipality's bare name ("NACKA" of a logo or an OCR'd letterhead)
    if len(rest.split()) <= 4 and is_title_line(rest):
        return True  # the case officer's job title
    return is_name(rest) or "@" in t or _PHONE_LIKE.search(t) is not None


_MEETING_REFERENCE = re.compile(
    r"\b(?:sammanträde|möte)t?\s+(?:den\s+)?(?:\d{1,2}\s+[a-zåäö]+|\d{4}-\d\d-\d\d)", re.IGNORECASE
)
_STATED_TITLE = re.compile(
    r"(?:Yttrande|Remissvar|Svar|Motion|Interpellation|Skrivelse|Begäran|Ansökan|Förslag|Redovisning|Uppföljning)"
    r"\s+(?:över|om|på|till|angående|avseende|gällande)\s+\S"
)
_ADDRESSED_UNIT = re.compile(
    r"^(?:Länsstyrelsen|Enheten|Avdelningen|Förvaltningen|Sektionen|Region|Myndigheten|Kommunen)\b"
    r"|(?:förvaltningen|nämnden|styrelsen|enheten|avdelningen|kommun|län|regionen|verket|myndigheten|@\S+)$"
    r"|^(?:\d{3}\s?\d{2}\s+[A-ZÅÄÖ]\S*|Box\s+\d+)|[Hh]us$|huset$"  # an address: "405 44 Göteborg", "Regionens Hus"
)
_EXCERPT_NOTE = re.compile(r"\s*\((?:utdrag|urval|excerpt)\b[^)]*\)\s*$", re.IGNORECASE)
_YEAR_SPAN_END = re.compile(r"[-–](?:19|20)\d\d$")
_PAGE_PREFIX = re.compile(r"^(?:(?:sida|s\.)\s*)?\d{1,3}\s*\(\s*\d{1,3}\s*\)\s+", re.IGNORECASE)
_ATTACHMENT_PREFIX = re.compile(r"^bilaga\s*\d{1,2}\s*[.:,–-]\s*(?=\w)", re.IGNORECASE)


def _clean_title(s: str) -> str:
    s = _ATTACHMENT_PREFIX.sub("", _PAGE_PREFIX.sub("", s.strip()))
    s = _EXCERPT_NOTE.sub("", s)  # "… 2025–2026 (utdrag, avsnitt 3–5)"
    s = _TRAILING_LABEL.sub("", s)
    for rx in (REF_DASHED, REF_PREFIXED, REF_LABELLED):  # "Svar på … KSN-2023-01234": the dnr after the heading
        m = next((m for m in rx.finditer(s) if m.end(1) == len(s.rstrip(" .;")) and m.start() > 0), None)
        if m and len(s[: m.start()].split()) >= 2 and not re.search(r"[-–](?:19|20)\d\d$", m.group(1)):
            s = s[: m.start()]
    s = _TRAILING_LABEL.sub("", s.rstrip(" ,;:"))
    return re.sub(r"\s+", " ", s).strip(" ,;:")


def _generic_title(head: list[Line], type_ln: Line | None, year: int | None) -> str | None:
    for ln in head:  # "Ärende: Revidering av taxa"
        labelled = split_label(ln.text, "title")
        if labelled and _MEETING_REFERENCE.search(labelled[1]):
            continue  # "Ärende: Kultur- och fritidsnämndens sammanträde den 13 maj 2025": where, not what
        if labelled and len(labelled[1].split()) >= 2 and ":" in ln.text[: len(labelled[0]) + 2]:
            return _clean_title(labelled[1])
    skip_next = False
    candidates: list[tuple[int, Line]] = []
    for i, ln in enumerate(head):
        if ln is type_ln:
            continue
        if any(label_of(ln.text, g) for g in _VALUE_LABELS):
            skip_next = True  # the label's value is the next line
            continue
        if skip_next or _skip_for_title(ln, year):
            skip_next = False
            continue
        candidates.append((i, ln))
    if not candidates:
        return None
    after = [c for c in candidates if type_ln is None or c[1].start > type_ln.start]
    # units above the addressed body's line ("Regional utveckling" / "Jönköpings länstrafik" /
    # "Nämnd för trafik, infrastruktur och miljö" / the title) are the sender, not the title
    pool = after or candidates
    # "Yttrande över remiss – …", "Svar på motion om …": a heading that says what the document is
    # (over the recipient's name and unit above it, not over a subject line above it)
    stated = [c for c in pool if _STATED_TITLE.match(c[1].text) and not c[1].text.endswith(".")]
    if stated and all(_ADDRESSED_UNIT.search(c[1].text) for c in pool if c[1].start < stated[0][1].start):
        pool = stated
    body_at = next((ln.start for ln in head if is_body_name(strip_dates(ln.text, year).strip(" ,."))), None)
    under = [c for c in pool if body_at is not None and c[1].start > body_at]
    heading = under and 3 <= len(under[0][1].text.split()) <= 15 and not under[0][1].text.endswith(".")
    if heading:  # short digit-less lines above the body's line are unit names
        pool = [c for c in pool if c in under or len(c[1].text.split()) > 3 or re.search(r"\d", c[1].text)]
    i, ln = pool[0]
    if " " not in ln.text.strip():  # "Handlingsplan" (a genre label) … "Handlingsplan för trygghet … 2025–2026"
        fuller = [c for c in pool[1:] if c[1].text.casefold().startswith(ln.text.strip().casefold() + " ")]
        i, ln = fuller[0] if fuller else (i, ln)
    title = ln.text
    for nxt_i in range(i + 1, min(i + 3, len(head))):
        prev, nxt = head[nxt_i - 1], head[nxt_i]
        wraps = _DANGLING_END.search(title) or nxt.text[:1].islower() or _names_next(title)
        after = head[nxt_i + 1] if nxt_i + 1 < len(head) else None
        if not wraps and _name_after_noun(title) and (after is None or blank_between(nxt, after)):
            wraps = not _skip_for_title(nxt, year)  # "… för projektet Kompetenslyft" / "Höglandet (KLH) samt …"
        if not wraps or blank_between(prev, nxt) or is_any_label(nxt.text) or find_day_dates(nxt.text, year):
            break
        title = f"{title} {nxt.text}"
    return _clean_title(title)


def paragraph_title(lines: list[Line], year: int | None) -> str | None:
    """The heading of the first § item ("§ 17" / "KFKS 2019/825" / "Tilldelningsbeslut ...")."""
    for i, ln in enumerate(lines):
        m = PARAGRAPH.match(ln.text)
        if not m or "...." in ln.text:
            continue
        same = REF_PREFIXED.sub(" ", REF_LABELLED.sub(" ", ln.text[m.end() :]))
        if len(same.split()) >= 2:
            return _clean_title(same)
        for nxt in lines[i + 1 : i + 6]:
            t = nxt.text
            if PARAGRAPH.match(t) or is_page_marker(t):
                continue
            if REF_DASHED.fullmatch(t.strip()):
                continue  # "SNNO-2025-00318": the item's diarienummer on its own line
            if REF_PREFIXED.search(t) or REF_LABELLED.search(t):
                heading = _clean_title(t)
                if heading != _clean_title(REF_PREFIXED.sub(" ", REF_LABELLED.sub(" ", t))) or len(heading) == len(t):
                    continue  # a reference line, or a heading that cites a reference inside
                return heading  # the heading with its dnr after it: "Revidering av taxa KS 2021/45"
            if not strip_dates(t, year) or is_section_heading(t):
                continue
            return _clean_title(t)
        return None
    return None


_MEETING_HEADING = re.compile(
    r"^(?:kallelse\s+till\s+)?(?:extra\s+)?(?:sammanträde|möte)\s+(?:med|i|för)\s+\S", re.IGNORECASE
)


def _meeting_heading(head: list[Line], type_ln: Line) -> str | None:
    """A kallelse's heading naming the meeting, on the type line or just under it
    ("KALLELSE" / "Sammanträde med regionstyrelsen", "Kallelse till sammanträde med …")."""
    at = next((i for i, ln in enumerate(head) if ln is type_ln), None)
    if at is None:
        return None
    for ln in head[at : at + 12]:  # under the type line, the body, "Datum", the date and the recipients may come first
        text = strip_dates(ln.text)
        if _MEETING_HEADING.match(text) and len(text.split()) <= 14 and not text.endswith("."):
            return _clean_title(text)
    return None


def title(lines: list[Line], kind: str | None, type_ln: Line | None, year: int | None) -> str | None:
    """The document's own heading (see the module docstring of :mod:`metadata`)."""
    head = header(lines)
    if kind in ("protokollsutdrag", "protokollsbilaga"):
        t = paragraph_title(lines, year)
        if t:
            return t
    if kind == "kallelse" and type_ln is not None:
        heading = _meeting_heading(lines, type_ln)  # below the header too: under "Ledamöter" columns
        if heading:
            return heading
    if kind in ("protokoll", "kallelse") and type_ln is not None:
        return display_title(_fullest_type_line(head, kind, type_ln))
    return _generic_title(head, type_ln, year)


def _fullest_type_line(head: list[Line], kind: str, type_ln: Line) -> Line:
    """The fullest heading of the document's kind in the header: "Sammanträdesprotokoll" over
    a running "PROTOKOLL", "Kallelse och föredragningslista" over "KALLELSE"."""
    pats = [pat for k, pat in types()["header"] if k == kind]
    same = [
        ln
        for ln in head
        if len(ln.text.split()) <= 6 and not ln.text.endswith(".") and any(p.search(fold(ln.text)) for p in pats)
    ]
    return max(same, key=lambda ln: len(strip_dates(ln.text).strip()), default=type_ln)
