"""Snippets FTS5 cannot make: around a word found through its lemma, and for listings."""

from __future__ import annotations

import re

_SPACE = re.compile(r"\s+")
WINDOW = 120


def stem_snippet(text: str, stems: list[str], start: str, end: str) -> str | None:
    """A snippet around the first word beginning with one of ``stems`` (the lemma-column
    match FTS5 cannot highlight in the text), with every such word marked."""
    if not stems or not text:
        return None
    pattern = re.compile(r"(?<![^\W_])(?:" + "|".join(re.escape(s) for s in stems) + r")[^\W_]*", re.IGNORECASE)
    first = pattern.search(text)
    if first is None:
        return None
    lo = max(0, first.start() - WINDOW)
    hi = min(len(text), first.end() + WINDOW)
    if lo > 0:
        lo = text.find(" ", lo, first.start()) + 1 or lo
    if hi < len(text):
        cut = text.rfind(" ", first.end(), hi)
        hi = cut if cut > 0 else hi
    window = _SPACE.sub(" ", text[lo:hi]).strip()
    marked = pattern.sub(lambda m: f"{start}{m.group(0)}{end}", window)
    return ("…" if lo > 0 else "") + marked + ("…" if hi < len(text) else "")


def lead(text: str | None, chars: int = 200) -> str:
    """The start of ``text``, whitespace collapsed, cut at a word boundary."""
    snippet = _SPACE.sub(" ", text or "").strip()
    if len(snippet) > chars:
        snippet = snippet[:chars].rsplit(" ", 1)[0] + "…"
    return snippet
