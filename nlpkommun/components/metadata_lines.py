"""Line-level helpers for the metadata extractor: lines with offsets, block labels, header
dates and the shape of a person's name.

Reads: ``header_labels.json``, ``months.json``, ``roles.txt``, ``first_names.txt`` and
``name_stopwords.txt`` under ``resources/sv/``. Writes nothing; plain functions only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache

from nlpkommun.resources import first_names, read_json, read_lines


@dataclass(frozen=True)
class Line:
    """One line of the document: stripped text and its character span in the document."""

    index: int
    text: str
    start: int
    end: int


def columns(text: str) -> list[str]:
    """The columns of a line laid out with runs of spaces or tabs ("Maria Ek      Nils Dahl")."""
    return [c for c in re.split(r"\s{3,}|\t+", text.strip()) if c]


#: a label glued to the end of the line above it when a PDF's lines were joined
#: ("Kallelse till sammanträde med Arbetsmarknadsnämnden Tid" / "Torsdagen den 15 maj …")
_GLUED_LABEL = re.compile(r"(?<=[a-zåäö])\s+(Tid|Plats|Tid och plats|Plats och tid|Sammanträdesdatum)$")
_GLUED_LINES = 30  # only header lines


def split_lines(text: str) -> list[Line]:
    """The non-empty lines of ``text`` (stripped), with offsets; ``index`` counts all lines.
    A time or place label glued to the end of a header line is a line of its own."""
    out: list[Line] = []
    pos = 0
    for i, raw in enumerate(text.split("\n")):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            start = pos + lead
            glued = _GLUED_LABEL.search(stripped) if len(out) < _GLUED_LINES else None
            if glued and len(stripped[: glued.start()].split()) >= 3:
                out.append(Line(i, stripped[: glued.start()], start, start + glued.start()))
                out.append(Line(i, glued.group(1), start + glued.start(1), start + len(stripped)))
            else:
                out.append(Line(i, stripped, start, start + len(stripped)))
        pos += len(raw) + 1
    return out


def blank_between(a: Line, b: Line) -> bool:
    """Whether an empty line separates two lines."""
    return b.index - a.index > 1


# --- labels ---------------------------------------------------------------------------


@cache
def labels() -> dict[str, tuple[str, ...]]:
    """Label groups of ``header_labels.json`` (lower case)."""
    data = read_json("header_labels.json")
    return {k: tuple(v) for k, v in data.items() if not k.startswith("_")}


_FOLD = str.maketrans("åäöéèüÅÄÖÉÈÜ", "aaoeeuAAOEEU")


@lru_cache(maxsize=65536)
def fold(s: str) -> str:
    """Lower case without Swedish diacritics, same length ("Sammanträdesdatum" and the OCR
    reading "Sammantradesdatum" fold alike)."""
    return s.translate(_FOLD).lower()


@cache
def _folded_labels() -> dict[str, dict[str, str]]:
    return {group: {fold(lab): lab for lab in labs} for group, labs in labels().items()}


_LEADER = re.compile(r"[.…_]{2,}")
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=65536)
def _norm_label(s: str) -> str:
    if len(s) > 80:
        return ""
    s = _LEADER.sub(" ", s)  # "Sekreterare ……………" (a line to sign on)
    return _SPACES.sub(" ", s.strip().rstrip(":").strip()).lower()


def label_of(line: str, group: str) -> str | None:
    """The label of ``group`` that the whole line is (``"Handläggare"``, ``"Dnr:"``), or None."""
    return _folded_labels()[group].get(fold(_norm_label(line)))


@cache
def _label_regex(group: str) -> re.Pattern[str]:
    alts = "|".join(re.escape(lab) for lab in sorted(_folded_labels()[group], key=len, reverse=True))
    return re.compile(rf"({alts})(?:\s*[:.]\s*|\s+)(\S.*)$")


@lru_cache(maxsize=65536)
def split_label(line: str, group: str) -> tuple[str, str] | None:
    """``"Telefon: 08-123"`` → ``("telefon", "08-123")`` when the line starts with a label
    of ``group`` followed by a value; None otherwise."""
    if len(line) > 300:
        return None
    line = _LEADER.sub(" ", line).strip()
    m = _label_regex(group).match(fold(line))  # folding keeps offsets
    if not m:
        return None
    return _folded_labels()[group][m.group(1)], line[m.start(2) :].strip()


def is_any_label(line: str) -> bool:
    """Whether the line is one of the known block labels (any group) or a section heading."""
    n = fold(_norm_label(line))
    return any(n in group for group in _folded_labels().values())


def is_section_heading(line: str) -> bool:
    """Whether the line is a body-text section heading ("Sammanfattning", "Ärendet" ...)."""
    return fold(_norm_label(line)) in _folded_labels()["section_headings"]


# --- dates ----------------------------------------------------------------------------


@cache
def _months() -> dict[str, int]:
    data = read_json("months.json")
    return {**data["names"], **data["abbreviations"]}


@cache
def _date_patterns() -> list[tuple[str, re.Pattern[str]]]:
    month = "|".join(sorted(map(re.escape, _months()), key=len, reverse=True))
    return [
        ("iso", re.compile(r"(?<![\d/-])(\d{4})[-‐‑–](\d{1,2})[-‐‑–](\d{1,2})(?![\d-])")),
        ("compact", re.compile(r"(?<![\d/-])((?:19|20)\d{2})(\d{2})(\d{2})(?![\d-])")),
        ("euro", re.compile(r"(?<![\d/.-])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d.])")),
        ("text", re.compile(rf"(?<!\d)(\d{{1,2}})(?::e|:a)?\s+({month})\.?(?:\s+(\d{{4}}))?\b", re.IGNORECASE)),
        ("short", re.compile(r"^(\d{2})-(\d{2})-(\d{2})$")),
    ]


@dataclass(frozen=True)
class FoundDate:
    """A day-precision date found in a string: ISO value and its span in that string."""

    value: str
    start: int
    end: int


def _valid(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def find_day_dates(s: str, year: int | None = None) -> list[FoundDate]:
    """Day-precision dates in a short string: ``2022-02-24``, ``24 februari 2022``,
    ``24.02.2022``, ``20220224``; ``21-02-01`` only when it is the whole string;
    ``13 maj`` takes ``year`` (skipped without one)."""
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []
    for kind, pat in _date_patterns():
        for m in pat.finditer(s):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            value = None
            if kind in ("iso", "compact"):
                value = _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            elif kind == "euro":
                value = _valid(int(m.group(3)), int(m.group(2)), int(m.group(1)))
            elif kind == "text":
                y = int(m.group(3)) if m.group(3) else year
                if y is not None:
                    value = _valid(y, _months()[m.group(2).lower()], int(m.group(1)))
            elif kind == "short":
                value = _valid(2000 + int(m.group(1)), int(m.group(2)), int(m.group(3)))
            if value and 1900 <= int(value[:4]) <= 2099:
                found.append(FoundDate(value, m.start(), m.end()))
                taken.append((m.start(), m.end()))
    return sorted(found, key=lambda f: f.start)


def strip_dates(s: str, year: int | None = None) -> str:
    """``s`` without its day-precision dates (and a "den" before them)."""
    for f in reversed(find_day_dates(s, year)):
        s = s[: f.start] + s[f.end :]
    s = re.sub(r"\b(?:den|kl\.?)\s*$", "", s.strip())
    return re.sub(r"\s+", " ", s).strip(" ,;-–")


# --- names and titles -------------------------------------------------------------------

_PARTICLES = frozenset({"de", "af", "von", "van", "der", "den", "la", "le", "du", "da", "di", "el", "al", "bin", "ibn"})
_UP = "A-ZÅÄÖÉÈÜØÆÁÍÓÚÑÇŞĞİŠŽĆČŁŃŚŹŻÂÊÎÔÛ"  # the letters of persons.py: names of any origin
_LO = "a-zåäöéüèëïøæáíóúñçğşıšžćčłńśźżâêîôûàìòùãõýÿ'’"
_NAME_WORD = re.compile(rf"^[{_UP}][{_LO}]+(?:-[{_UP}][{_LO}]+)?$")
_INITIAL = re.compile(r"^[A-ZÅÄÖ]\.$")
PARTY_SUFFIX = re.compile(r"\s*\(\s*[A-ZÅÄÖa-zåäö!]{1,5}\s*\)\s*$")


@cache
def name_stopwords() -> frozenset[str]:
    """Capitalised words that are never part of a name (``name_stopwords.txt``), lower case."""
    return frozenset(w.lower() for w in read_lines("name_stopwords.txt"))


@cache
def _roles() -> tuple[frozenset[str], tuple[str, ...]]:
    words: set[str] = set()
    suffixes: list[str] = []
    for line in read_lines("roles.txt"):
        role = line.split("\t", 1)[-1].strip().lower()
        if role.startswith("*"):
            suffixes.append(role[1:])
        else:
            words.add(role)
    return frozenset(words), tuple(suffixes)


@lru_cache(maxsize=65536)
def is_title_word(word: str) -> bool:
    """Whether a word is a role or job title ("Avdelningschef", "rektor", "ordförande")."""
    w = word.lower().strip(".,:;()")
    words, suffixes = _roles()
    return w in words or any(w.endswith(s) and len(w) > len(s) for s in suffixes)


def is_title_line(line: str) -> bool:
    """Whether a line reads as a job title ("Stadsdelsdirektör", "Chef verksamhetsstödet X")."""
    if len(line) > 90 or re.search(r"\d", line) or line.endswith("."):
        return False
    toks = line.split()
    if len(toks) > 8:
        return False
    low = line.lower()
    words, _ = _roles()
    return any(is_title_word(t) for t in toks) or any(
        " " in w and re.search(rf"\b{re.escape(w)}\b", low) for w in words
    )


def is_name(line: str, *, allow_party: bool = False) -> bool:
    """Whether a whole line has the shape of a person's name: 2–5 capitalised words
    (particles such as "de", "af" allowed), none a stopword or a title."""
    if allow_party:
        line = PARTY_SUFFIX.sub("", line)
    toks = line.split()
    if not 2 <= len(toks) <= 5:
        return False
    known_first = toks[0] in first_names()
    caps = 0
    for i, t in enumerate(toks):
        if 0 < i < len(toks) - 1 and (t.lower() in _PARTICLES or _INITIAL.match(t)):
            continue  # "Elsa De Gonzalez", "Anna B. Svensson"
        if not _NAME_WORD.match(t) or is_title_word(t):
            return False
        if t.lower() in name_stopwords() and not (known_first and i > 0):
            return False  # "Strand" is a word, but "Eva Strand" a name
        caps += 1
    return caps >= 2


def split_names(line: str) -> list[str]:
    """Split a line holding two names side by side (two-column signatures) at the second
    known first name: ``"Einar Franson Ann Sundman Brott"`` → both names."""
    cols = columns(line)
    if len(cols) > 1:
        return [" ".join(c.split()) for c in cols]
    toks = line.split()
    known = first_names()
    for i in range(2, len(toks) - 1):
        if toks[i] in known:
            return [" ".join(toks[:i]), " ".join(toks[i:])]
    return [line]
