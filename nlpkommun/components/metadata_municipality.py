"""The municipality a document comes from: explicit "X kommun" / "X stad" / "Region X"
mentions (header mentions weigh more), the municipality's own web and e-mail domain, a
documented structural rule (only Stockholm has stadsdelsnämnder), else the municipality
name mentioned most often.

Reads: ``municipalities.txt`` and ``body_patterns.json`` (regions, structural rules) under
``resources/sv/``. Plain functions; writes nothing.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from nlpkommun.components.metadata_header import bodies, header
from nlpkommun.components.metadata_lines import Line, fold
from nlpkommun.resources import municipalities, regions

_WEB = re.compile(r"(?:@|\bwww\.|://)(?:[\w-]+\.)*?([\w-]+)\.se\b", re.IGNORECASE)


@cache
def _by_domain() -> dict[str, str]:
    """Web/e-mail domain label → municipality ("goteborg" → "Göteborg", "upplandsvasby")."""
    return {fold(name).replace(" ", ""): name for name in municipalities()}


def base_of(written: str) -> str | None:
    """``"Stockholms"`` / ``"Nacka"`` → the municipality it names, if one."""
    known = municipalities()
    if written in known:
        return written
    if written.endswith("s") and written[:-1] in known:
        return written[:-1]
    return _by_own_name().get(written)


@cache
def _by_own_name() -> dict[str, str]:
    """The first part of a municipality's own name where it differs from the place name
    ("Falu" of "Falu kommun" → "Falun")."""
    out: dict[str, str] = {}
    for name, official in municipalities().items():
        own = official.rsplit(" ", 1)[0] if official.lower().endswith((" kommun", " stad")) else ""
        if own and own != name and not (own.endswith("s") and own[:-1] == name):
            out[own] = name
    return out


_EXPLICIT = re.compile(
    r"\b((?:[A-ZÅÄÖ][\wåäöé]+[\s-])?[A-ZÅÄÖ][\wåäöé]+)\s+(kommun|Kommun|stad|Stad)(?:s|en|ens)?\b|"
    r"\bRegion\s+([A-ZÅÄÖ][\wåäö]+(?:\s(?:län|[A-ZÅÄÖ][\wåäö]+))?)s?\b|\b(Västra Götalandsregionen)\b"
)


_REGION_BODY = re.compile(r"\bregion(?:fullmäktige|styrelsen)\b", re.IGNORECASE)
_CAP_WORD = re.compile(r"(?<![\w-])[A-ZÅÄÖ][a-zåäöéü]+(?:-[A-ZÅÄÖ][a-zåäöéü]+)*(?![\w-])")


def _alone_on_line(text: str, start: int, end: int) -> bool:
    """Whether a mention is a line of its own: a letterhead or footer ("Region Västra Götaland"
    above the address), which names the document's author wherever it stands."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    rest = text[end : line_end if line_end >= 0 else len(text)]
    # alone, or opening a footer line of the address ("Region Jönköpings län · Box 1024 · …")
    return not text[line_start:start].strip() and (not rest.strip() or re.match(r"\s*[·|•]", rest) is not None)


def _caps_lines_titled(text: str, lines: list[Line]) -> str:
    """The text with its short upper-case lines in title case where they stand ("SALA KOMMUN"
    heading a letter → "Sala Kommun"), so that a letterhead in capitals weighs as one."""
    chars = list(text)
    for ln in lines:
        if ln.text.isupper() and len(ln.text) < 60:
            titled = ln.text.title()
            if len(titled) == len(ln.text) and text[ln.start : ln.start + len(ln.text)] == ln.text:
                chars[ln.start : ln.start + len(titled)] = titled
    return "".join(chars)


def municipality(text: str, lines: list[Line]) -> str | None:
    """The municipality: explicit "X kommun"/"X stad"/"Region X" (most frequent), else a
    structural rule (body types only one municipality has), else, in a document naming
    regionfullmäktige or regionstyrelsen, the region of the county it names most ("Jönköpings
    län" → "Region Jönköpings län"), else the most mentioned municipality name."""
    known = municipalities()
    votes: Counter[str] = Counter()  # weighted mentions
    forms: dict[str, str] = {}
    head_end = header(lines)[-1].end if header(lines) else 0
    full = _caps_lines_titled(text, lines)
    for m in _EXPLICIT.finditer(full):
        weight = 4 if _alone_on_line(full, m.start(), m.end()) else 3 if m.start() < head_end else 1
        if m.group(4):
            votes[m.group(4)] += weight if weight > 1 else 0.5
            forms.setdefault(m.group(4), m.group(4))
            continue
        if m.group(3):
            region = next((r for r in bodies()["regions"] if m.group(3).startswith(r)), None)
            if region:  # a region is often named in a municipality's documents: count it less
                votes[f"Region {region}"] += weight if weight > 1 else 0.5
                forms.setdefault(f"Region {region}", f"Region {region}")
            continue
        written, kind = m.group(1), m.group(2)
        base = base_of(written) or base_of(written.split()[-1].split("-")[-1])
        if base is None:
            continue
        if kind.lower() == "stad" and not known[base].lower().endswith("stad"):
            continue  # "Nacka stad" is a place, not the municipality
        votes[base] += weight
        forms.setdefault(base, known[base])
    for m in _WEB.finditer(text):  # "info@nacka.se", "www.malmo.se": the municipality's own domain
        base = _by_domain().get(m.group(1).lower())
        if base:
            votes[base] += 2
            forms.setdefault(base, known[base])
    best = votes.most_common(1)[0] if votes else None
    if best and best[1] >= 2:
        return forms[best[0]]
    for pat, name in bodies()["structure"]:  # beats a single passing mention of another municipality
        if pat.search(text):
            return name
    if best:
        return forms[best[0]]
    if _REGION_BODY.search(text):  # a region's own bodies, and the county it names most
        counties = Counter(
            {r: len(re.findall(rf"(?<![\w-]){re.escape(r)}(?![\w-])", text)) for r in bodies()["regions"]}
        )
        county, n = counties.most_common(1)[0]
        if n:
            return f"Region {county}"
    mentions: Counter[str] = Counter()
    words = list(_CAP_WORD.finditer(text))
    for i, w in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else None
        if nxt is not None and nxt.start() == w.end() + 1 and text[w.end()] == " ":
            pair = base_of(f"{w.group(0)} {nxt.group(0)}")
            if pair:
                mentions[pair] += 1
                continue
        base = base_of(w.group(0))
        if base and " " not in base:
            mentions[base] += 1
    if mentions:
        (best, n), *rest = mentions.most_common(2) + [("", 0)]
        if n > rest[0][1]:
            return known[best]
    return None

def is_municipality_line(s: str) -> bool:
    s = s.strip(" ,.")
    if s.isupper():
        s = s.title().replace(" Kommun", " kommun").replace(" Stad", " stad")
    region = re.fullmatch(r"Region\s+(.+?)(?:s?\s+län)?", s)
    if region and (region.group(1) in regions() or base_of(region.group(1))):
        return True  # "Region Norrbotten", "Region Kalmar län", "Region Jönköpings län"
    known = municipalities()
    return s in known.values() or bool(
        re.fullmatch(r"[A-ZÅÄÖ][\wåäö -]+\s+(?:kommun|stad|Stad)|Region\s+[A-ZÅÄÖ]\w+", s)
        and (base_of(s.split()[0]) or base_of(s.rsplit(" ", 1)[0]))
    )
