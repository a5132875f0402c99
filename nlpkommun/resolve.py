"""Entity resolution of person mentions inside one document.

Plain functions over plain data. A *mention* is a dict ``{text, start, end, name, party,
party_name, roles, kind_votes}`` where ``name`` is the mention read as a name in
"Förnamn Efternamn" order (``"Ek, Karin"`` → ``"Karin Ek"``). :func:`resolve_persons`
merges mentions of one person (spelling variants "Gonzalez"/"Gonzales", ALL-CAPS forms,
genitives "Mats Gerdaus", shorter and longer forms "Per Rosengren"/"Per Gunnar Rosengren",
surname-only mentions) and returns Person-shaped dicts (``records.Person``). Two names with
different first names never merge.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz

#: minimum rapidfuzz ratio (0-100) for two name parts to count as spellings of one name
PART_RATIO = 88.0
#: minimum ratio of the whole names (hyphens as spaces) when both have middle parts
FULL_RATIO = 85.0

_PARTICLES = {"de", "af", "von", "van", "der", "den", "la", "del", "da", "di", "el", "al", "bin", "ibn", "du", "le"}


def clean_name(text: str) -> str:
    """Whitespace-normalised name; an ALL-CAPS name is re-cased ("ELSA DE GONZALEZ" →
    "Elsa De Gonzalez")."""
    name = re.sub(r"\s+", " ", text).strip(" ,.;:")
    letters = [c for c in name if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(letters) > 1:
        name = re.sub(r"[^\W\d_]+", lambda m: m.group(0).capitalize(), name)
    return name


def is_all_caps(text: str) -> bool:
    """Whether every letter of ``text`` is upper case (and there are at least two)."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters)


def name_parts(name: str) -> list[str]:
    """Case-folded parts of a name, hyphens splitting parts, particles dropped."""
    return list(_name_parts(name))


@lru_cache(maxsize=65536)
def _name_parts(name: str) -> tuple[str, ...]:
    parts = [p for p in re.split(r"[\s-]+", name.casefold()) if p]
    return tuple([p for p in parts if p not in _PARTICLES] or parts)


_FOLD_EXTRA = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "æ": "ae", "ß": "ss", "đ": "d"})


@lru_cache(maxsize=65536)
def fold_diacritics(part: str) -> str:
    """``"petrović"`` → ``"petrovic"``: a name part without accents (a document may write a
    name once with and once without its diacritics)."""
    decomposed = unicodedata.normalize("NFKD", part.translate(_FOLD_EXTRA))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _same_part(a: str, b: str) -> bool:
    if a == b or fold_diacritics(a) == fold_diacritics(b):
        return True
    if len(a) <= 2 or len(b) <= 2:  # an initial: "L." matches "Lisa"
        return a.rstrip(".")[:1] == b.rstrip(".")[:1] and (len(a.rstrip(".")) == 1 or len(b.rstrip(".")) == 1)
    return fuzz.ratio(a, b) >= PART_RATIO


@lru_cache(maxsize=1 << 16)
def same_person(a: str, b: str) -> bool:
    """Whether two full names (two parts or more) can name the same person.

    First parts and last parts must match (exactly or as close spellings); when both names
    have middle parts the whole names must be close too. One name may omit middle parts.
    """
    pa, pb = _name_parts(a), _name_parts(b)
    if len(pa) < 2 or len(pb) < 2:
        return False
    if not _same_part(pa[0], pb[0]):
        return False
    if not _same_part(pa[-1], pb[-1]):
        # a double surname written in full once: "Klara Palmberg" / "Klara Palmberg Broryd"
        short, long_ = sorted((pa, pb), key=len)
        return len(short) == 2 and len(long_) == 3 and short[1] == long_[1]
    ma, mb = pa[1:-1], pb[1:-1]
    if ma and mb:
        return fuzz.ratio(" ".join(pa), " ".join(pb)) >= FULL_RATIO
    return True


@lru_cache(maxsize=1 << 16)
def _similarity(a: str, b: str) -> float:
    return fuzz.ratio(" ".join(name_parts(a)), " ".join(name_parts(b)))


def strip_genitive(name: str, known: Iterable[str]) -> str:
    """``"Mats Gerdaus"`` → ``"Mats Gerdau"`` when the form without the final s is known."""
    return _strip_genitive({k.casefold() for k in known}, name)


def _strip_genitive(known_cf: set[str], name: str) -> str:
    """:func:`strip_genitive` with the known names already case-folded."""
    if name.endswith("s") and name[:-1].casefold() in known_cf:
        return name[:-1]
    return name


def _choose_canonical(forms: list[tuple[str, int]]) -> str:
    """Most complete, then most frequent, then earliest properly cased form."""
    counts = Counter(f for f, _ in forms)
    first_at: dict[str, int] = {}
    for f, pos in forms:
        first_at.setdefault(f, pos)
    cased = [f for f in counts if not is_all_caps(f)] or list(counts)
    return max(cased, key=lambda f: (len(name_parts(f)), counts[f], -first_at[f]))


KIND_ORDER = ("politician", "official", "other")


def _kind(votes: Counter[str]) -> str:
    best = max(KIND_ORDER, key=lambda k: (votes.get(k, 0), -KIND_ORDER.index(k)))
    return best if votes.get(best, 0) > 0 else "other"


def resolve_persons(
    mentions: list[dict[str, Any]],
    weak: list[dict[str, Any]] | None = None,
    text: str | None = None,
) -> list[dict[str, Any]]:
    """Merge person mentions into Person-shaped dicts.

    ``mentions`` are accepted mentions (each may found a new person); ``weak`` mentions only
    join an existing person (a name seen without evidence elsewhere, an ALL-CAPS form, a
    genitive). With ``text``, surname-only mentions of a person whose surname no other
    person shares are added too.
    """
    clusters: list[dict[str, Any]] = []
    all_names = [m["name"] for m in mentions]

    def find(name: str) -> dict[str, Any] | None:
        best, best_score = None, -1.0
        for c in clusters:
            for form in set(c["names"]):
                if same_person(name, form):
                    s = _similarity(name, form)
                    if s > best_score:
                        best, best_score = c, s
        return best

    def genitive_base(name: str) -> str:
        """A misspelt genitive ("Rolf Wastsons") of a known name becomes that name's form."""
        if not name.endswith("s") or find(name) is not None:
            return name
        c = find(name[:-1])
        return name[:-1] if c is not None else name

    all_cf = {n.casefold() for n in all_names}
    ordered = sorted(mentions, key=lambda m: (-len(name_parts(m["name"])), m["name"].endswith("s"), m["start"]))
    for m in ordered:
        name = genitive_base(_strip_genitive(all_cf, m["name"]))
        if len(name_parts(name)) < 2:
            continue
        c = find(name)
        if c is None:
            c = {"names": [], "mentions": []}
            clusters.append(c)
        c["names"].append(name)
        c["mentions"].append({**m, "name": name})
    known_cf = {n.casefold() for c in clusters for n in c["names"]}  # kept up to date below
    for m in weak or []:
        name = genitive_base(_strip_genitive(known_cf, m["name"]))
        if len(name_parts(name)) < 2:
            continue
        c = find(name)
        if c is not None and not any(x["start"] < m["end"] and m["start"] < x["end"] for x in c["mentions"]):
            c["names"].append(name)
            known_cf.add(name.casefold())
            c["mentions"].append({**m, "name": name})
    if text is not None:
        _add_surname_mentions(clusters, text)
    return [_person(c) for c in clusters]


def _add_surname_mentions(clusters: list[dict[str, Any]], text: str) -> None:
    surnames: dict[str, list[dict[str, Any]]] = {}
    for c in clusters:
        last = {re.split(r"\s+", n)[-1] for n in c["names"] if not is_all_caps(n)}
        for s in last:
            surnames.setdefault(s, []).append(c)
    taken = bytearray(len(text) + 1)
    for c in clusters:
        for m in c["mentions"]:
            taken[m["start"] : m["end"]] = b"\x01" * (m["end"] - m["start"])
    unique = {s: owners[0] for s, owners in surnames.items() if len(owners) == 1 and len(s) >= 3}
    if not unique:
        return
    alt = "|".join(re.escape(s) for s in sorted(unique, key=len, reverse=True))
    for m in re.finditer(rf"(?<![\w-])(?:{alt})(?![\w-])", text):
        owner = unique[m.group(0)]
        s, e = m.start(), m.end()
        if any(taken[s:e]):
            continue
        prev = text[max(0, s - 30) : s]
        if re.search(r"[A-ZÅÄÖ][\w-]*\s+$", prev) and not re.search(r"[.:!?]\s+$|\n\s*$", prev):
            continue  # part of another capitalised run (another name, a heading)
        owner["mentions"].append({"text": m.group(0), "start": s, "end": e, "name": m.group(0)})
        taken[s:e] = b"\x01" * (e - s)


def _person(c: dict[str, Any]) -> dict[str, Any]:
    ms = sorted(c["mentions"], key=lambda m: m["start"])
    forms = [(m["name"], m["start"]) for m in ms if len(name_parts(m["name"])) >= 2]
    canonical = _choose_canonical(forms)
    variants: list[str] = []
    for m in ms:
        written = re.sub(r"\s+", " ", m["text"]).strip(" ,.;:")
        for v in (m["name"], written):
            if len(name_parts(v)) >= 2 and v != canonical and v not in variants:
                variants.append(v)
    parties = Counter(m["party"] for m in ms if m.get("party"))
    party = parties.most_common(1)[0][0] if parties else None
    party_name = next((m.get("party_name") for m in ms if m.get("party") == party and m.get("party_name")), None)
    roles: list[str] = []
    votes: Counter[str] = Counter()
    for m in ms:
        for r in m.get("roles") or []:
            if r not in roles:
                roles.append(r)
        votes.update(m.get("kind_votes") or {})
    if party:
        votes["politician"] += 3
    return {
        "name": canonical,
        "kind": _kind(votes),
        "party": party,
        "party_name": party_name,
        "roles": roles,
        "variants": variants,
        "mentions": [{"text": m["text"], "start": m["start"], "end": m["end"]} for m in ms],
    }
