"""Snippet highlighting that knows Swedish inflection.

FTS5's ``snippet()`` picks the best fragment but marks only exact token matches, so a
word found through its lemma (``socialtjänsten`` for ``socialtjänst``) would go
unmarked. We let FTS5 choose the fragment, then mark every word that is a query word,
starts with a query word's lemma (4+ letters), or starts with a ``prefix*`` term. When
the fragment holds none (a lemma-only match), we cut our own window around the first
such word in the text.
"""

from __future__ import annotations

import re

from nlpkommun.index.query import Term

_SPACE = re.compile(r"\s+")
#: characters of context on each side of the first match in a window we cut ourselves
WINDOW = 120
#: shortest lemma used as a word beginning (shorter ones only mark whole words)
MIN_STEM = 4
#: the markers asked of FTS5's snippet(), replaced by ours (never in indexed text)
FTS_START, FTS_END = "\x02", "\x03"


def pattern(terms: list[Term]) -> re.Pattern[str] | None:
    """A regex matching the words of ``text`` that a snippet should mark."""
    whole: set[str] = set()
    starts: set[str] = set()
    for term in terms:
        for word in term.words:
            (starts if term.prefix else whole).add(word)
        if term.lemma:  # a plain word: other inflections begin with its lemma
            (starts if len(term.lemma) >= MIN_STEM else whole).add(term.lemma)
    alternatives = [re.escape(w) for w in sorted(whole, key=len, reverse=True)]
    alternatives += [re.escape(s) + r"[^\W_]*" for s in sorted(starts, key=len, reverse=True)]
    if not alternatives:
        return None
    return re.compile(r"(?<![^\W_])(?:" + "|".join(alternatives) + r")(?![^\W_])", re.IGNORECASE)


def mark(fragment: str, words: re.Pattern[str], start: str, end: str) -> tuple[str, int]:
    """``fragment`` with FTS5's markers removed, whitespace collapsed and every matching
    word marked; and how many words were marked."""
    plain = _SPACE.sub(" ", fragment.replace(FTS_START, "").replace(FTS_END, "")).strip()
    return words.subn(lambda m: f"{start}{m.group(0)}{end}", plain)


def window(text: str, words: re.Pattern[str], start: str, end: str) -> str | None:
    """A snippet cut around the first matching word of ``text``, words marked; None if
    no word matches."""
    first = words.search(text)
    if first is None:
        return None
    lo = max(0, first.start() - WINDOW)
    hi = min(len(text), first.end() + WINDOW)
    if lo > 0:
        lo = text.find(" ", lo, first.start()) + 1 or lo
    if hi < len(text):
        cut = text.rfind(" ", first.end(), hi)
        hi = cut if cut > 0 else hi
    marked, _ = mark(text[lo:hi], words, start, end)
    return ("…" if lo > 0 else "") + marked + ("…" if hi < len(text) else "")


def highlight(fragment: str, text: str, terms: list[Term], start: str, end: str) -> str:
    """The snippet of a ranked hit from FTS5's ``fragment`` (made with :data:`FTS_START` /
    :data:`FTS_END`) and the hit's full ``text``."""
    words = pattern(terms)
    if words is None:
        return mark(fragment, re.compile(r"(?!)"), start, end)[0]
    marked, count = mark(fragment, words, start, end)
    if count:
        return marked
    return window(text, words, start, end) or marked


def lead(text: str | None, chars: int = 200) -> str:
    """The start of ``text``, whitespace collapsed, cut at a word boundary."""
    snippet = _SPACE.sub(" ", text or "").strip()
    if len(snippet) > chars:
        snippet = snippet[:chars].rsplit(" ", 1)[0] + "…"
    return snippet
