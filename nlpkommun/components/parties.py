"""Party mentions: riksdag parties (written out, inflected, abbreviated "(S)", "(mp)") and
local parties (a "-listan"/"-partiet" name, or letters in parentheses after person names).

Reads: ``doc.text`` and ``resources/sv/parties.json`` (+ ``first_names.txt``).
Writes: ``doc._.nk_parties``: ``[{start, end, text, party, party_name, form}]`` where
``form`` is ``"name"`` (written out) or ``"abbreviation"``; ``party`` is the abbreviation
as Swedish documents write it ("S", "MP", a local party's letters), ``party_name`` the
party's name where known.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from nlpkommun.doc_text import doc_text
from nlpkommun.resources import first_names, read_json

UPPER = "A-ZÅÄÖÉÜ"
LOWER = "a-zåäöéüèáíóúñç"


@dataclass(frozen=True)
class PartyLexicon:
    """The party lexicon of ``parties.json``."""

    names: dict[str, str]  # abbreviation -> name
    forms: dict[str, str]  # lower-cased written form -> abbreviation
    aliases: dict[str, str]  # variant abbreviation -> abbreviation
    local_suffixes: tuple[str, ...]
    not_local: frozenset[str]

    def abbreviation(self, letters: str) -> str | None:
        """The canonical abbreviation of a known party's letters ("mp" → "MP", "FP" → "L")."""
        up = letters.strip().upper()
        up = self.aliases.get(up, up)
        return up if up in self.names else None


@cache
def lexicon() -> PartyLexicon:
    """Load the party lexicon."""
    data = read_json("parties.json")
    names: dict[str, str] = {}
    forms: dict[str, str] = {}
    for p in data["parties"]:
        names[p["abbr"]] = p["name"]
        for f in [p["name"], *p["forms"]]:
            forms[f.lower()] = p["abbr"]
    return PartyLexicon(
        names=names,
        forms=forms,
        aliases=dict(data.get("abbreviation_aliases", {})),
        local_suffixes=tuple(data.get("local_party_suffixes", [])),
        not_local=frozenset(w.lower() for w in data.get("not_local_parties", [])),
    )


@cache
def _form_regex() -> re.Pattern[str]:
    """The written party names in any case at a word start, spaces as any white space.

    The same matches as ``(?<![\\w-])(?:name1|name2|…)`` with the names sorted longest first,
    written so that the engine does less at each position: one class of the first letters,
    the word-start test after it (a leading look-behind runs at every position), then the
    rest of the names as a prefix tree in which a longer name is tried before a shorter one."""
    trie: dict[str, Any] = {}
    for form in lexicon().forms:
        node = trie
        for ch in form:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        alts = [(r"\s+" if ch == " " else re.escape(ch)) + build(child) for ch, child in node.items() if ch]
        if not alts:
            return ""
        if len(alts) == 1 and "" not in node:
            return alts[0]
        return "(?:" + "|".join(alts) + ("|" if "" in node else "") + ")"

    firsts = re.escape("".join(sorted(trie)))
    rest = "|".join(rf"(?<={re.escape(ch)}){build(child)}" for ch, child in trie.items())
    return re.compile(rf"[{firsts}](?<![\w-].)(?:{rest})(?![\w-])", re.IGNORECASE)


_CAPITALISED = re.compile(rf"(?<![\w-])([{UPPER}][{LOWER}]+)s?(?![\w-])")
_WS = re.compile(r"\s+")
_PAREN = re.compile(r"\(\s*(?:(?:båda|alla|samtliga)\s+)?([A-Za-zÅÄÖåäö]{1,4}!?)\s*\)")
_NAME_BEFORE = re.compile(
    rf"([{UPPER}][{LOWER}]+(?:-[{UPPER}][{LOWER}]+)?)"
    rf"(?:\s+(?:[{UPPER}][{LOWER}'-]+|de|af|von|van|der|la|el|al|bin))*\s+[{UPPER}][{LOWER}'-]+\s*$"
)


_DEFINED_ABBR = re.compile(rf"[ \t]*\(([{UPPER}]{{2,5}})\)")


@cache
def _local_party_regex() -> re.Pattern[str]:
    suffixes = "|".join(lexicon().local_suffixes)
    return re.compile(rf"(?<![\w-])([{UPPER}][{LOWER}]+?)({suffixes})(s?)(?![\w-])")


def local_party_names(text: str) -> dict[str, str]:
    """Local parties written out: name (nominative) → abbreviation, the letters in
    parentheses right after the name where the document defines them ("Sjukvårdspartiet
    (SJVP)"), else its initials ("Nackalistan" → "NL"). The riksdag parties and words like
    "Regeringspartiet" are skipped.
    """
    lex = lexicon()
    out: dict[str, str] = {}
    if not lex.local_suffixes or not any(suffix in text for suffix in lex.local_suffixes):
        return out
    for m in _local_party_regex().finditer(text):
        name = m.group(1) + m.group(2)
        if name.lower() in lex.forms or name.lower() in lex.not_local:
            continue
        defined = _DEFINED_ABBR.match(text, m.end())
        if defined and defined.group(1)[0] == name[0].upper() and not lex.abbreviation(defined.group(1)):
            out[name] = defined.group(1)
        else:
            out.setdefault(name, (m.group(1)[0] + m.group(2)[0]).upper())
    return out


def _initials(words: str) -> str:
    return "".join(w[0] for w in re.findall(rf"[{UPPER}{LOWER}]+", words)).upper()


def find_party_mentions(text: str) -> list[dict[str, Any]]:
    """All party mentions in ``text`` (see the module docstring), sorted by offset."""
    lex = lexicon()
    found: list[dict[str, Any]] = []
    taken: list[tuple[int, int]] = []

    def add(start: int, end: int, abbr: str, name: str | None, form: str) -> None:
        if any(s < end and start < e for s, e in taken):
            return
        taken.append((start, end))
        found.append(
            {"start": start, "end": end, "text": text[start:end], "party": abbr, "party_name": name, "form": form}
        )

    for m in _form_regex().finditer(text):
        abbr = lex.forms[_WS.sub(" ", m.group(0)).lower()]
        add(m.start(), m.end(), abbr, lex.names[abbr], "name")

    local = local_party_names(text)
    local_by_abbr = {v: k for k, v in local.items()}
    generic: list[tuple[re.Match[str], str]] = []
    for m in _PAREN.finditer(text):
        letters = m.group(1)
        known = lex.abbreviation(letters)
        if known:
            add(m.start(1), m.end(1), known, lex.names[known], "abbreviation")
            continue
        if not letters[0].isupper() or len(letters) < 2:
            continue
        if letters in local_by_abbr:  # a local party the document names: "Ek, Eva (SJVP)"
            add(m.start(1), m.end(1), letters, local_by_abbr[letters], "abbreviation")
            continue
        before = text[max(0, m.start() - 80) : m.start()]
        before = re.sub(r"\s*(?:m\.\s?fl\.?|med flera)\s*$", " ", before.split("\n")[-1])
        nb = _NAME_BEFORE.search(before)
        if not nb:
            continue
        words = nb.group(0).split()
        if _initials(" ".join(words[-len(letters) :])) == letters.upper() and letters not in local_by_abbr:
            continue  # "Riksdagens Ombudsmän (RO)": a definition, not a party
        generic.append((m, words[0]))
    counts = Counter(m.group(1) for m, _ in generic)
    for m, first in generic:
        letters = m.group(1)
        if letters in local_by_abbr or counts[letters] >= 2 or first in first_names():
            add(m.start(1), m.end(1), letters, local_by_abbr.get(letters), "abbreviation")

    for m in _CAPITALISED.finditer(text) if local else ():  # a local party's name written out
        word = m.group(0)
        base = word if word in local else word[:-1] if word.endswith("s") and word[:-1] in local else None
        if base:
            add(m.start(), m.end(), local[base], base, "name")
    for f in found:
        if f["party_name"] is None and f["party"] in local_by_abbr:
            f["party_name"] = local_by_abbr[f["party"]]
    found.sort(key=lambda f: f["start"])
    return found


@Language.factory("nlpkommun_parties")
def make_parties(nlp: Language, name: str) -> PartiesComponent:
    """spaCy factory for :class:`PartiesComponent`."""
    return PartiesComponent()


class PartiesComponent:
    """Writes ``doc._.nk_parties`` with :func:`find_party_mentions`."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.nk_parties = find_party_mentions(doc_text(doc))
        return doc
