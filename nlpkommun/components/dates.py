"""Dates: a Swedish date grammar with ISO 8601 normalisation.

Reads: ``doc.text``. Writes: ``doc._.nk_dates``, one DateMention-shaped dict per
occurrence: ``{"text", "value", "granularity", "start", "end"}``.
Data: ``months.json``, ``seasons.json``, ``holidays.json``, ``year_cues.txt``,
``number_units.txt``, ``schedule_headings.txt`` under ``resources/sv/``.

What is recognised (value / granularity):

- ``2022-02-24``, ``20190409``, ``21-02-01`` (yy-mm-dd), ``24.02.2022``, ``den 24/2 2022``,
  ``tisdag 15/2``, ``24 februari 2022``, ``den 3:e mars`` → ``2022-02-24`` / day; the ends
  of "2022-01-01--2022-01-31" are two days. A date without a year takes
  the year of a range partner ("18 januari till den 31 januari 2018"), else the year of a
  one-year schedule heading above it ("Sammanträdesdagar 2019", up to the next § of a
  protokoll; nouns in ``schedule_headings.txt``), else the document's reference year (the
  most frequent year among its explicit day/month dates, the first one on a tie, or the
  ``reference_year`` argument); with no year at all the value is ISO 8601's year-less
  ``--MM-DD``.
- ``november 2020``, ``2019 april`` → ``2020-11`` / month; ``i maj`` (no year) → month in the
  reference year.
- ``2019-2022``, ``2019 – 2021``, ``2019/20`` (next year), ``läsåret 2019/2020``,
  ``maj-juni 2019`` → ``2019/2022``, ``2019-05/2019-06`` / interval; ``1–3 mars 2021`` →
  ``2021-03-01/2021-03-03`` / interval.
- ``våren 2021``, ``vårterminen 2019``, ``ht 19`` → season. ISO 8601-1 has no notation for
  a season, so by default the value is the year (``2021``); ``season_style="edtf"`` gives
  the ISO 8601-2 / EDTF code (``2021-21`` spring, ``-22`` summer, ``-23`` autumn, ``-24``
  winter).
- ``vecka 12`` (``v. 12``, ``veckorna 12-14``) → ``2021-W12`` / week (year explicit or the
  reference year; skipped when no year is known).
- ``julafton 2011`` → ``2011-12-24`` / day (fixed-date holidays, only with a year).
- Bare years only as time references: after a cue word ("under 2022", "år 2021",
  "från 2019", and chains "under 2017 och 2018") → ``2022`` / year. Years in names
  ("Agenda 2030"), table cells and numbers are not emitted.

Never dates: phone numbers, diarienummer ("KFKS 2018/1099", "2017:3365", "Dnr 2018/3"),
organisation numbers ("212000-0167"), amounts and counts ("2000 kronor", "2019 elever"),
ages ("12-18 år"), decades ("1960-talet"). Times ("kl. 13.00", "kl 9.00 – 9.15") are
recognised so that their digits are never read as dates, but they are not emitted: the
record has no time granularity and a date's value stays the day; a time on the same
line as a date does not change that date's mention. Not recognised (no ISO value a
reader would agree on): quarters and tertials ("tertial 1 2022", "Q1"), relative dates
("i morgon", "förra året"), six-digit compact dates ("190603").
"""

from __future__ import annotations

import calendar
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Literal

from spacy.language import Language
from spacy.tokens import Doc

from nlpkommun.doc_text import doc_text
from nlpkommun.resources import read_json, read_lines
from nlpkommun.tokenizer import find_phone_numbers

SeasonStyle = Literal["year", "edtf"]

MIN_YEAR = 1900
MAX_YEAR = 2099


@dataclass
class _Cand:
    start: int
    end: int
    value: str
    granularity: str
    explicit_year: int | None = None  # year written in the expression itself
    # a year-less expression waiting for its year: kind ("day", "day_range", "month",
    # "month_range", "week") and its numbers (month, day), (month, d1, d2), (month,),
    # (m1, m2) or (w1, w2) with w2 = 0 for a single week
    needs_year: tuple[int, ...] | None = None
    kind: str = "day"


def _alt(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@cache
def _lexicon() -> dict:
    months = read_json("months.json")
    seasons = read_json("seasons.json")
    holidays = read_json("holidays.json")["holidays"]
    month_of = {**months["names"], **months["abbreviations"]}
    return {
        "month_of": month_of,
        "full_months": months["names"],
        "seasons": seasons["seasons"],
        "school_years": seasons["school_years"],
        "holidays": holidays,
        "cues": tuple(c.casefold() for c in read_lines("year_cues.txt")),
        "units": tuple(u.casefold() for u in read_lines("number_units.txt")),
        "schedules": tuple(u.casefold() for u in read_lines("schedule_headings.txt")),
    }


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    lex = _lexicon()
    full = _alt(lex["full_months"])
    abbr = _alt(read_json("months.json")["abbreviations"])
    month = rf"(?:{full}|(?:{abbr})\.?)"
    nb = r"(?<![\w/.,:‐-])"  # not glued to a preceding number or word
    na = r"(?![\w/‐-]|[.,:]\d)"  # not glued to a following one
    sp = r"[ \t\u00a0]+"
    osp = r"[ \t\u00a0]*"
    dash = r"[-–—‐]"
    year = r"(?:19|20)\d\d"
    # the same, with the start check placed after the first characters: a pattern that starts
    # with a character class lets ``re`` skip ahead to candidates (a look-behind first does not)
    nb_digit = r"\d(?<![\w/.,:‐-]\d)"  # = {nb}\d
    nb_year = r"(?:19|20)(?<![\w/.,:‐-]..)\d\d"  # = {nb}{year}
    cues = _alt(lex["cues"])
    seasons = _alt(lex["seasons"])
    school = _alt(lex["school_years"])
    holidays = _alt(lex["holidays"])
    den = rf"(?:\b[Dd]en{sp})?"
    weekdays = _alt(read_json("months.json")["weekdays"])
    ordinal = r"(?::[ae]|:e)?"
    # the year after a day and month: on the same line, or alone on the next line (a
    # wrapped table cell: "Från den 3 oktober till den 31 oktober⏎2017")
    year_sep = rf"(?:{sp}|{osp}\n{osp}(?={year}[ \t]*(?:\n|$)))"
    flags = re.IGNORECASE
    return {
        # blockers
        "dnr": re.compile(
            r"(?:\b(?:[A-ZÅÄÖ]{2,}[A-ZÅÄÖ0-9]*|[Dd]nr\.?|[Dd]iarienr\.?|[Dd]iarienummer|[Nn]r\.?|[Rr]eg\.?nr\.?)"
            r"[ \t:-]*(?:[A-ZÅÄÖ]{2,}[ -])?\d{2,4}(?:[/:]\d+|-\d{3,})(?:[/:.-]\d+)*)"
        ),
        "sfs": re.compile(rf"{nb_digit}\d{{1,3}} ?: ?\d+(?:[-:]\d+)?"),
        "slash_number": re.compile(rf"({nb_digit}\d{{3}})/(\d+)(?![\d])"),
        "orgnr": re.compile(rf"{nb_digit}\d{{5}}\s?[-‐–]\s?\d{{4}}(?!\d)"),
        "time": re.compile(
            rf"\b(?:[Kk]l\.?|[Kk]lockan){osp}\d{{1,2}}(?:[.:]\d{{2}})?(?:{osp}{dash}{osp}\d{{1,2}}(?:[.:]\d{{2}})?)?"
        ),
        "decade": re.compile(rf"{nb_digit}\d{{3}}{dash}?talet"),
        # dates
        "iso_range": re.compile(rf"({nb_year})-(\d\d)-(\d\d)[ \t]*(?:--|-|–|—)[ \t]*({year})-(\d\d)-(\d\d){na}"),
        "iso_day": re.compile(rf"({nb_year})([-./])(\d{{1,2}})\2(\d{{1,2}}){na}"),
        "compact": re.compile(rf"({nb_year})(\d\d)(\d\d){na}"),
        "short": re.compile(rf"({nb_digit}\d)-(\d\d)-(\d\d){na}"),
        "euro": re.compile(rf"({nb_digit}\d?)\.(\d{{1,2}})\.({year}){na}"),
        "day_range": re.compile(
            rf"{den}(?<![\w/.,:‐-])(\d{{1,2}}){ordinal}{osp}{dash}{osp}(?:den{sp})?(\d{{1,2}}){ordinal}{sp}({month})(?:{year_sep}({year}))?{na}",
            flags,
        ),
        "day_month": re.compile(rf"{den}(?<![\d])(\d{{1,2}}){ordinal}{sp}({month})(?:{year_sep}({year}))?{na}", flags),
        "slash_day": re.compile(
            rf"(?:(?:[Dd]en|(?i:{weekdays})(?:en)?(?:{sp}den)?){sp}(\d{{1,2}})/(\d{{1,2}})(?:(?:{sp}|-)({year}))?|{nb}(\d{{1,2}})/(\d{{1,2}})(?:{sp}|-)({year})){na}"
        ),
        "holiday": re.compile(rf"\b({holidays}){sp}({year}){na}", flags),
        "month_range": re.compile(rf"\b({month}){osp}(?:{dash}|/){osp}({month})(?:{sp}({year}))?{na}", flags),
        "month_year": re.compile(rf"\b({month}){sp}({year}){na}", flags),
        "year_month": re.compile(rf"({nb_year}){sp}({full})\b(?!{osp}\d)", flags),
        "school_year": re.compile(rf"\b({school}){sp}({year}){osp}[/\-–—‐]{osp}(\d{{4}}|\d\d){na}", flags),
        "season": re.compile(
            rf"\b({seasons}){osp}(?:{dash}{osp})?((?:{year}|\d\d)(?:{osp}/{osp}(?:\d{{4}}|\d\d))?){na}", flags
        ),
        "week": re.compile(
            rf"\b(vecka|veckorna|veckan|v\.|v)(?:{osp})(\d{{1,2}})(?:{osp}{dash}{osp}(\d{{1,2}}))?(?:,?{sp}({year}))?{na}"
        ),
        "year_range": re.compile(rf"({nb_year}){osp}{dash}{osp}(\d{{4}}|\d\d){na}"),
        "iso_month": re.compile(rf"({nb_year})-(0[1-9]|1[0-2]){na}"),
        "year_slash": re.compile(rf"({nb_year})/(\d{{4}}|\d\d){na}"),
        "bare_month": re.compile(rf"\b((?:{cues}){sp})({full})\b(?!{osp}\d)"),
        "cued_year": re.compile(rf"(?<![\w.])({cues}){sp}({year}){na}", flags),
        "chained_year": re.compile(rf"{osp}(?:,|och|samt|respektive|eller|resp\.){osp}({year}){na}"),
        "unit_after": re.compile(rf"{osp}({_alt(lex['units'])})(?![\wåäö])", flags),
        "schedule_heading": re.compile(
            rf"^[ \t]*(?:[\w-]+[ \t]+){{0,3}}?(?:{_alt(lex['schedules'])})(?:[ \t]+(?:för|under))?(?:[ \t]+år)?"
            rf"[ \t]+({year})[ \t]*$",
            flags | re.MULTILINE,
        ),
        "section_start": re.compile(r"^[ \t]*§[ \t]*\d", re.MULTILINE),
        "range_join": re.compile(rf"^\s*(?:{dash}|till(?: och med)?|t\.o\.m\.?|tom|och|samt|—)\s*(?:den\s+)?$", flags),
    }


def _valid(y: int, m: int, d: int) -> bool:
    if not (1 <= m <= 12) or d < 1:
        return False
    return d <= calendar.monthrange(y if y else 2000, m)[1]


def _day(y: int, m: int, d: int) -> str:
    return f"{y:04d}-{m:02d}-{d:02d}"


def _year_ok(y: int) -> bool:
    return MIN_YEAR <= y <= MAX_YEAR


def _second_year(first: int, second: str) -> int | None:
    """The end year of a span written "2019-2022" or "2019-22"; None if not a later year."""
    if len(second) == 2:
        val = first // 100 * 100 + int(second)
        if val <= first:
            val += 100
    else:
        val = int(second)
    return val if first < val <= first + 50 and _year_ok(val) else None


class _Finder:
    def __init__(self, text: str, season_style: SeasonStyle) -> None:
        self.text = text
        self.pat = _patterns()
        self.lex = _lexicon()
        self.season_style = season_style
        self.mask = bytearray(len(text))
        self.cands: list[_Cand] = []

    # --- bookkeeping ------------------------------------------------------------------
    def free(self, start: int, end: int) -> bool:
        return not any(self.mask[start:end])

    def take(self, start: int, end: int) -> None:
        self.mask[start:end] = b"\x01" * (end - start)

    def add(self, cand: _Cand) -> None:
        self.cands.append(cand)
        self.take(cand.start, cand.end)

    def followed_by_unit(self, end: int) -> bool:
        return bool(self.pat["unit_after"].match(self.text, end, min(len(self.text), end + 20)))

    def month(self, word: str) -> int:
        return self.lex["month_of"][word.casefold().rstrip(".")]

    def dnr_context(self, start: int) -> bool:
        before = self.text[max(0, start - 12) : start]
        return bool(re.search(r"(?:\b[A-ZÅÄÖ]{2,}[A-ZÅÄÖ0-9]*|[Dd]nr\.?|[Nn]r\.?)[ \t:-]*$", before))

    # --- passes ---------------------------------------------------------------------------
    def block(self) -> None:
        for start, end in find_phone_numbers(self.text):
            self.take(start, end)
        for name in ("dnr", "sfs", "orgnr", "time", "decade"):
            for m in self.pat[name].finditer(self.text):
                self.take(m.start(), m.end())
        for m in self.pat["slash_number"].finditer(self.text):
            first, second = int(m.group(1)), m.group(2)
            nxt = _second_year(first, second) if len(second) in (2, 4) else None
            if nxt != first + 1 or self.dnr_context(m.start()):
                self.take(m.start(), m.end())

    def run(self, rule: str, handler) -> None:  # noqa: ANN001 - private callback
        for m in self.pat[rule].finditer(self.text):
            if self.free(m.start(), m.end()):
                cand = handler(m)
                if cand is not None:
                    self.add(cand)

    def h_iso_range(self, m: re.Match[str]) -> _Cand | None:
        """ "2022-01-01--2022-01-31": two explicit days (each one is a date of its own)."""
        y1, m1, d1, y2, m2, d2 = (int(g) for g in m.groups())
        if not (_valid(y1, m1, d1) and _valid(y2, m2, d2)):
            return None
        first_end = m.start() + 10
        self.add(_Cand(m.start(), first_end, _day(y1, m1, d1), "day", explicit_year=y1))
        return _Cand(m.end() - 10, m.end(), _day(y2, m2, d2), "day", explicit_year=y2)

    def h_iso_day(self, m: re.Match[str]) -> _Cand | None:
        y, mo, d = int(m.group(1)), int(m.group(3)), int(m.group(4))
        if not _valid(y, mo, d):
            return None
        return _Cand(m.start(), m.end(), _day(y, mo, d), "day", explicit_year=y)

    def h_compact(self, m: re.Match[str]) -> _Cand | None:
        y, mo, d = (int(g) for g in m.groups())
        if not (1990 <= y <= 2049 and _valid(y, mo, d)):
            return None
        return _Cand(m.start(), m.end(), _day(y, mo, d), "day", explicit_year=y)

    def h_short(self, m: re.Match[str]) -> _Cand | None:
        yy, mo, d = (int(g) for g in m.groups())
        y = 2000 + yy if yy < 50 else 1900 + yy
        if not _valid(y, mo, d):
            return None
        return _Cand(m.start(), m.end(), _day(y, mo, d), "day", explicit_year=y)

    def h_euro(self, m: re.Match[str]) -> _Cand | None:
        d, mo, y = (int(g) for g in m.groups())
        if not _valid(y, mo, d):
            return None
        return _Cand(m.start(), m.end(), _day(y, mo, d), "day", explicit_year=y)

    def h_day_range(self, m: re.Match[str]) -> _Cand | None:
        d1, d2, mo = int(m.group(1)), int(m.group(2)), self.month(m.group(3))
        if not (d1 < d2 and _valid(2000, mo, d2)):
            return None
        if m.group(4):
            y = int(m.group(4))
            value = f"{_day(y, mo, d1)}/{_day(y, mo, d2)}"
            # each end is a day of its own too ("1–3 mars 2021": 2021-03-01 and 2021-03-03)
            self.add(_Cand(m.start(1), m.end(1), _day(y, mo, d1), "day", explicit_year=y))
            self.add(_Cand(m.start(2), m.end(), _day(y, mo, d2), "day", explicit_year=y))
            return _Cand(m.start(), m.end(), value, "interval", explicit_year=y)
        return _Cand(m.start(), m.end(), "", "interval", needs_year=(mo, d1, d2), kind="day_range")

    def h_day_month(self, m: re.Match[str]) -> _Cand | None:
        d, mo = int(m.group(1)), self.month(m.group(2))
        if m.group(3):
            y = int(m.group(3))
            if not _valid(y, mo, d):
                self.take(m.start(), m.end())  # "31 februari 2021": a typo, not a month reference
                return None
            return _Cand(m.start(), m.end(), _day(y, mo, d), "day", explicit_year=y)
        if not _valid(2000, mo, d):
            return None
        word = m.group(2)
        if "." not in word and word.casefold() not in self.lex["full_months"] and word[:1].isupper():
            return None  # "3 Jan" without a year: too likely a name
        return _Cand(m.start(), m.end(), "", "day", needs_year=(mo, d))

    def h_slash_day(self, m: re.Match[str]) -> _Cand | None:
        g = m.groups()
        d, mo, y = (g[0], g[1], g[2]) if g[0] else (g[3], g[4], g[5])
        d_i, mo_i = int(d), int(mo)
        if y:
            if not _valid(int(y), mo_i, d_i):
                return None
            return _Cand(m.start(), m.end(), _day(int(y), mo_i, d_i), "day", explicit_year=int(y))
        if not _valid(2000, mo_i, d_i):
            return None
        return _Cand(m.start(), m.end(), "", "day", needs_year=(mo_i, d_i))

    def h_holiday(self, m: re.Match[str]) -> _Cand | None:
        mo, d = self.lex["holidays"][m.group(1).casefold()]
        y = int(m.group(2))
        return _Cand(m.start(), m.end(), _day(y, mo, d), "day", explicit_year=y)

    def h_month_range(self, m: re.Match[str]) -> _Cand | None:
        m1, m2 = self.month(m.group(1)), self.month(m.group(2))
        if m1 >= m2:
            return None
        for word in (m.group(1), m.group(2)):
            if word.casefold().rstrip(".") not in self.lex["full_months"] and not m.group(3):
                return None  # "jan-feb" without a year is too weak
        if m.group(3):
            y = int(m.group(3))
            full = any(w.casefold() in self.lex["full_months"] for w in (m.group(1), m.group(2))) or (m1, m2) != (1, 12)
            if full:  # each end is a month of its own too ("juni–oktober 2025", "juni–aug 2024"), not of "jan–dec 2019"
                self.add(_Cand(m.start(1), m.end(1), f"{y:04d}-{m1:02d}", "month", explicit_year=y))
                self.add(_Cand(m.start(2), m.end(), f"{y:04d}-{m2:02d}", "month", explicit_year=y))
            return _Cand(m.start(), m.end(), f"{y:04d}-{m1:02d}/{y:04d}-{m2:02d}", "interval", explicit_year=y)
        return _Cand(m.start(), m.end(), "", "interval", needs_year=(m1, m2), kind="month_range")

    def h_month_year(self, m: re.Match[str]) -> _Cand | None:
        y = int(m.group(2))
        if self.followed_by_unit(m.end()):
            return None
        # "januari och februari 2025", "juli, augusti och september 2025": the year is shared
        start = m.start()
        while (before := _MONTH_BEFORE.search(self.text, max(0, start - 30), start)) and self.free(
            before.start(1), before.end(1)
        ):
            word = before.group(1)
            if word.casefold().rstrip(".") not in self.lex["month_of"] or not word[:1].islower():
                break
            self.add(_Cand(before.start(1), before.end(1), f"{y:04d}-{self.month(word):02d}", "month", explicit_year=y))
            start = before.start(1)
        return _Cand(m.start(), m.end(), f"{y:04d}-{self.month(m.group(1)):02d}", "month", explicit_year=y)

    def h_year_month(self, m: re.Match[str]) -> _Cand | None:
        y = int(m.group(1))
        return _Cand(m.start(), m.end(), f"{y:04d}-{self.month(m.group(2)):02d}", "month", explicit_year=y)

    def h_school_year(self, m: re.Match[str]) -> _Cand | None:
        first = int(m.group(2))
        second = _second_year(first, m.group(3))
        if second is None:
            return None
        return _Cand(m.start(), m.end(), f"{first}/{second}", "interval")

    def h_season(self, m: re.Match[str]) -> _Cand | None:
        word, years = m.group(1), m.group(2)
        code = self.lex["seasons"][word.casefold()]
        parts = [p.strip() for p in years.split("/")]
        first = int(parts[0]) if len(parts[0]) == 4 else 2000 + int(parts[0])
        if len(parts[0]) == 2 and word.casefold() not in ("vt", "ht"):
            return None  # "hösten 19": too weak unless written as a term abbreviation
        if not _year_ok(first):
            return None
        if len(parts) == 2:
            second = _second_year(first, parts[1])
            if second is None:
                return None
            value = f"{first}-{code}/{second}-{code}" if self.season_style == "edtf" else f"{first}/{second}"
        else:
            value = f"{first}-{code}" if self.season_style == "edtf" else f"{first}"
        return _Cand(m.start(), m.end(), value, "season")

    def h_week(self, m: re.Match[str]) -> _Cand | None:
        word, w1, w2, y = m.group(1), int(m.group(2)), m.group(3), m.group(4)
        if word in ("v", "v.") and self.text[m.start() - 1 : m.start()].isalpha():
            return None
        if not 1 <= w1 <= 53 or (w2 and not w1 < int(w2) <= 53):
            return None
        if word == "veckorna" and not w2:
            return None
        if self.followed_by_unit(m.end()):
            return None
        weeks = (w1, int(w2) if w2 else 0)
        granularity = "interval" if w2 else "week"
        if y:
            return _Cand(m.start(), m.end(), _week(int(y), *weeks), granularity)
        return _Cand(m.start(), m.end(), "", granularity, needs_year=weeks, kind="week")

    def h_year_range(self, m: re.Match[str]) -> _Cand | None:
        first = int(m.group(1))
        second = _second_year(first, m.group(2))
        if second is None or self.followed_by_unit(m.end()) or self.dnr_context(m.start()):
            return None
        if len(m.group(2)) == 2 and 1 <= int(m.group(2)) <= 12 and int(m.group(2)) <= first % 100:
            return None
        return _Cand(m.start(), m.end(), f"{first}/{second}", "interval")

    def h_year_slash(self, m: re.Match[str]) -> _Cand | None:
        first = int(m.group(1))
        if _second_year(first, m.group(2)) != first + 1 or self.dnr_context(m.start()):
            return None
        return _Cand(m.start(), m.end(), f"{first}/{first + 1}", "interval")

    def h_iso_month(self, m: re.Match[str]) -> _Cand | None:
        if self.dnr_context(m.start()) or self.followed_by_unit(m.end()):
            return None
        y = int(m.group(1))
        return _Cand(m.start(), m.end(), f"{y:04d}-{m.group(2)}", "month", explicit_year=y)

    def h_bare_month(self, m: re.Match[str]) -> _Cand | None:
        word = m.group(2)
        if not word.islower():
            return None
        start = m.start(2)
        if not self.free(start, m.end()):
            return None
        return _Cand(start, m.end(), "", "month", needs_year=(self.month(word),), kind="month")

    def cued_years(self) -> None:
        for m in self.pat["cued_year"].finditer(self.text):
            start, end = m.start(2), m.end(2)
            if not self.free(start, end) or self.followed_by_unit(end):
                continue
            y = int(m.group(2))
            self.add(_Cand(start, end, str(y), "year"))
            pos = end
            while True:
                nxt = self.pat["chained_year"].match(self.text, pos, min(len(self.text), pos + 30))
                if not nxt or not self.free(nxt.start(1), nxt.end(1)) or self.followed_by_unit(nxt.end(1)):
                    break
                self.add(_Cand(nxt.start(1), nxt.end(1), nxt.group(1), "year"))
                pos = nxt.end(1)

    # --- year resolution ---------------------------------------------------------------
    def reference_year(self) -> int | None:
        years = [c.explicit_year for c in self.cands if c.explicit_year and c.granularity in ("day", "month")]
        if not years:
            years = [c.explicit_year for c in self.cands if c.explicit_year]
        if not years:
            return None
        counts = Counter(years)
        best = max(counts.values())
        return next(y for y in years if counts[y] == best)

    def schedule_scopes(self) -> list[tuple[int, int, int]]:
        """(start, end, year) of the text under a one-year schedule heading ("Sammanträdesdagar
        2019"): from the heading to the next § of a protokoll, the next such heading or the end."""
        heads = list(self.pat["schedule_heading"].finditer(self.text))
        scopes = []
        for i, m in enumerate(heads):
            end = heads[i + 1].start() if i + 1 < len(heads) else len(self.text)
            nxt = self.pat["section_start"].search(self.text, m.end(), end)
            scopes.append((m.end(), nxt.start() if nxt else end, int(m.group(1))))
        return scopes

    def resolve(self, reference: int | None) -> None:
        self.cands.sort(key=lambda c: (c.start, -c.end))  # a range before its first end
        scopes = self.schedule_scopes() if any(c.needs_year is not None for c in self.cands) else []
        resolved: list[_Cand] = []
        # "den 5 december hölls en byastämma" … "Minnesanteckningar från byastämman 5 december 2024":
        # a day written elsewhere with one year is that day
        written: dict[str, set[str]] = {}
        for c in self.cands:
            if c.needs_year is None and c.granularity == "day" and len(c.value) == 10:
                written.setdefault(c.value[5:], set()).add(c.value[:4])
        for i, c in enumerate(self.cands):
            if c.needs_year is None:
                resolved.append(c)
                continue
            scoped = next((y for start, end, y in scopes if start <= c.start < end), None)
            seen = written.get(f"{c.needs_year[0]:02d}-{c.needs_year[1]:02d}") if c.kind == "day" else None
            same_day = int(next(iter(seen))) if seen and len(seen) == 1 else None
            year = self._partner_year(i) or scoped or same_day or self._sentence_year(i) or reference
            shift = _RELATIVE_YEAR.match(self.text, c.end)
            if shift and year is not None and not self._partner_year(i) and not scoped:
                year += -1 if shift.group(1).casefold() in ("förra året", "i fjol", "föregående år") else 1
            value = _with_year(c.kind, c.needs_year, year)
            if value is not None:
                c.value = value
                resolved.append(c)
                if c.kind == "day_range" and year is not None:  # its ends too, as with a written year
                    mo, d1, d2 = c.needs_year
                    ends = re.search(r"(\d{1,2})\D+?(\d{1,2})", self.text[c.start : c.end])
                    if ends:
                        a, b = c.start + ends.start(1), c.start + ends.start(2)
                        resolved.append(_Cand(a, c.start + ends.end(1), _day(year, mo, d1), "day"))
                        resolved.append(_Cand(b, c.end, _day(year, mo, d2), "day"))
                if c.kind == "month_range" and year is not None:  # "januari–augusti": its ends too
                    ends = list(re.finditer(r"[A-Za-zåäöÅÄÖ]+", self.text[c.start : c.end]))
                    if len(ends) == 2:
                        for mo, e in zip(c.needs_year, ends, strict=True):
                            value = f"{year:04d}-{mo:02d}"
                            resolved.append(_Cand(c.start + e.start(), c.start + e.end(), value, "month"))
        self.cands = resolved

    def _sentence_year(self, i: int) -> int | None:
        """The year of the last date with a written year before this one in its sentence
        ("i Kumla 12–14 februari 2024 och i Hallsberg i oktober")."""
        c = self.cands[i]
        stop = max(self.text.rfind(". ", 0, c.start), self.text.rfind("\n\n", 0, c.start))
        for prev in reversed(self.cands[:i]):
            if prev.end <= stop or "\n" in self.text[prev.end : c.start]:
                return None  # the same sentence and line: a table's cells may be reordered
            if prev.explicit_year and prev.end <= c.start and re.match(r"\d{4}-\d\d-\d\d", prev.value):
                return prev.explicit_year  # a day or month, not a span of years ("plan 2025–2027 … vecka 38")
        return None

    def _partner_year(self, i: int) -> int | None:
        """The year of the next date when the two are joined as a range ("18 januari till den 31 januari 2018")."""
        c = self.cands[i]
        if i + 1 >= len(self.cands):
            return None
        nxt = self.cands[i + 1]
        between = self.text[c.end : nxt.start]
        if nxt.explicit_year and self.pat["range_join"].match(between):
            return nxt.explicit_year
        # "den 21 oktober och i Norrfjärdens Folkets hus den 23 oktober 2024": coordinated days
        # in one sentence share the later one's year when its month is not earlier
        if (
            nxt.explicit_year
            and c.kind == "day"
            and nxt.granularity == "day"
            and len(between) < 100
            and re.search(r"\s(?:och|samt)\s", between)
            and not re.search(r"[.!?;]\s|\n", between)
            and int(nxt.value[5:7]) >= c.needs_year[0]
        ):
            return nxt.explicit_year
        return None


_MONTH_BEFORE = re.compile(r"([a-zåäö]{3,9})(?:,[ \t]*|[ \t]+(?:och|eller|samt)[ \t]+)$")

# "den 12 november förra året": a year-less date in the year before (or after) the document's
_RELATIVE_YEAR = re.compile(r"[ \t]+(förra året|i fjol|föregående år|nästa år|kommande år)\b", re.IGNORECASE)


def _with_year(kind: str, parts: tuple[int, ...], year: int | None) -> str | None:
    """The value of a year-less expression in ``year``; days without any year get ISO
    8601's year-less ``--MM-DD``; other kinds without a year, and 29 februari in a
    non-leap year, give None (not emitted)."""
    if kind == "day":
        mo, d = parts
        if year is None:
            return f"--{mo:02d}-{d:02d}"
        return _day(year, mo, d) if _valid(year, mo, d) else None
    if kind == "day_range":
        mo, d1, d2 = parts
        if year is None:
            return f"--{mo:02d}-{d1:02d}/--{mo:02d}-{d2:02d}"
        return f"{_day(year, mo, d1)}/{_day(year, mo, d2)}"
    if year is None:
        return None
    if kind == "month":
        return f"{year:04d}-{parts[0]:02d}"
    if kind == "month_range":
        return f"{year:04d}-{parts[0]:02d}/{year:04d}-{parts[1]:02d}"
    return _week(year, *parts)


def _week(year: int, w1: int, w2: int = 0) -> str:
    """ISO week value: "2021-W12", or "2021-W12/2021-W14" for weeks 12-14."""
    one = f"{year:04d}-W{w1:02d}"
    return f"{one}/{year:04d}-W{w2:02d}" if w2 else one


def find_dates(
    text: str, reference_year: int | None = None, season_style: SeasonStyle = "year"
) -> list[dict[str, object]]:
    """Every date expression in ``text`` as DateMention-shaped dicts, in text order.

    ``reference_year`` is the year given to dates written without one; None derives it
    from the text (see the module docstring). ``season_style``: ``"year"`` or ``"edtf"``.
    """
    f = _Finder(text, season_style)
    f.block()
    for rule in (
        "iso_range",
        "iso_day",
        "compact",
        "short",
        "euro",
        "day_range",
        "day_month",
        "slash_day",
        "holiday",
        "school_year",
        "season",
        "month_range",
        "month_year",
        "year_month",
        "week",
        "year_range",
        "year_slash",
        "iso_month",
        "bare_month",
    ):
        f.run(rule, getattr(f, f"h_{rule}"))
    f.cued_years()
    f.resolve(reference_year if reference_year is not None else f.reference_year())
    return [
        {"text": text[c.start : c.end], "value": c.value, "granularity": c.granularity, "start": c.start, "end": c.end}
        for c in f.cands
    ]


def document_reference_year(text: str) -> int | None:
    """The year a document's year-less dates belong to (see the module docstring)."""
    f = _Finder(text, "year")
    f.block()
    for rule in ("iso_range", "iso_day", "compact", "short", "euro", "day_month", "slash_day", "month_year"):
        f.run(rule, getattr(f, f"h_{rule}"))
    return f.reference_year()


@Language.factory(
    "nlpkommun_dates",
    default_config={"reference_year": None, "season_style": "year"},
    assigns=["doc._.nk_dates"],
)
def make_dates(nlp: Language, name: str, reference_year: int | None, season_style: SeasonStyle) -> DateFinder:
    """spaCy factory for :class:`DateFinder`."""
    return DateFinder(reference_year=reference_year, season_style=season_style)


class DateFinder:
    """spaCy component around :func:`find_dates`."""

    def __init__(self, reference_year: int | None = None, season_style: SeasonStyle = "year") -> None:
        self.reference_year = reference_year
        self.season_style = season_style

    def __call__(self, doc: Doc) -> Doc:
        doc._.nk_dates = find_dates(doc_text(doc), self.reference_year, self.season_style)
        return doc
