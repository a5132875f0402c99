"""Safe FTS5 query building from free user text.

User text is never handed to FTS5 as syntax. It is cut into words by our own tokeniser
and every word is emitted as a double-quoted FTS5 string, so quotes, ``NEAR``, ``AND`` /
``OR`` / ``NOT``, ``^``, column filters (``title:``), parentheses, NUL bytes and SQL text
are all just words (or nothing). The only syntax we honour, by construction:

- words are AND-ed; each word matches its exact form in title/text or its lemma
  (``socialtjänsten`` finds ``socialtjänst`` and ``socialtjänstens``);
- ``"two words"`` in double quotes is an exact phrase (no lemma expansion);
- ``Hässelby-Vällingby`` (words joined by ``-``) is a phrase too;
- ``ungdom*`` (a word of at least 3 characters followed by ``*``) is a prefix search
  (at most two per query: a short prefix can expand to thousands of words);
- function words (``och``, ``mot``, ``för`` …) are ignored next to other words.

The built expression goes to SQLite as a bound parameter, never into SQL text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from nlpkommun.index.text import WORD, scrub, stopwords

#: longest query text considered; the rest is ignored
MAX_QUERY_CHARS = 4096
#: most terms (words, phrases, prefixes) in one query; the rest is ignored
MAX_TERMS = 32
#: longest word kept; longer "words" are cut (FTS5 tokens this long are junk anyway)
MAX_WORD_CHARS = 100
#: shortest prefix honoured for ``word*`` (short prefixes expand to thousands of words)
MIN_PREFIX_CHARS = 3
#: most ``word*`` prefix terms in one query; later ones are plain words
MAX_PREFIX_TERMS = 2

TEXT_COLUMNS = "{title text}"
WORD_COLUMNS = "{title text lemmas}"

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
# a quoted phrase, a word with an optional trailing *, or hyphen-joined words
_PIECE = re.compile(r'"([^"]*)"?|((?:[^\W_]+)(?:-[^\W_]+)*)(\*?)')


@dataclass(frozen=True)
class Term:
    """One query unit: a word with its lemma, an exact word (``lemma`` None), a prefix or
    a phrase of words."""

    words: tuple[str, ...]
    lemma: str | None = None
    prefix: bool = False

    @property
    def is_phrase(self) -> bool:
        return len(self.words) > 1


def clean(text: str) -> str:
    """NFC-normalised text without control characters, cut to :data:`MAX_QUERY_CHARS`."""
    text = text[: MAX_QUERY_CHARS * 2]
    text = unicodedata.normalize("NFC", scrub(text))
    return _CONTROL.sub(" ", text)[:MAX_QUERY_CHARS]


def parse(text: str | None, lemmatizer: Callable[[str], str], stop: frozenset[str] | None = None) -> list[Term]:
    """The terms of free user text (possibly none). Never raises on any string.

    Plain words in ``stop`` (default: :func:`~nlpkommun.index.text.stopwords`) are dropped
    when the query has other terms: ``våld mot ungdomar`` asks for ``våld`` and
    ``ungdomar``. Phrases keep them.
    """
    if not text:
        return []
    stop = stopwords() if stop is None else stop
    terms: list[Term] = []
    prefixes = 0
    for match in _PIECE.finditer(clean(text).lower()):
        phrase, joined, star = match.groups()
        raw = phrase if phrase is not None else joined
        found = [w[:MAX_WORD_CHARS] for w in WORD.findall(raw or "")]
        if not found:
            continue
        if len(found) > 1:
            term = Term(tuple(found))
        elif star and phrase is None and len(found[0]) >= MIN_PREFIX_CHARS and prefixes < MAX_PREFIX_TERMS:
            term = Term((found[0],), prefix=True)
            prefixes += 1
        elif phrase is not None:
            term = Term((found[0],))
        else:
            term = Term((found[0],), lemma=lemmatizer(found[0]))
        if term not in terms:
            terms.append(term)
        if len(terms) >= MAX_TERMS:
            break
    content = [t for t in terms if not (t.lemma is not None and t.words[0] in stop)]
    return content or terms


def quote(word: str) -> str:
    """``word`` as an FTS5 string literal."""
    return '"' + word.replace('"', '""') + '"'


def term_expression(term: Term) -> str:
    """The FTS5 expression for one term.

    A word matches its own form or its lemma in any column: the lemma in ``title``/``text``
    finds the base form written out, in ``lemmas`` it finds the other inflections.
    Phrases are kept to ``title``/``text`` (the lemma column is not a running text).
    """
    if term.is_phrase:
        return f"{TEXT_COLUMNS} : " + " + ".join(quote(w) for w in term.words)
    word = term.words[0]
    if term.prefix:
        return f"{WORD_COLUMNS} : {quote(word)}*"
    if term.lemma is None:  # a quoted single word: exact form only
        return f"{TEXT_COLUMNS} : {quote(word)}"
    if term.lemma == word:
        return f"{WORD_COLUMNS} : {quote(word)}"
    return f"{WORD_COLUMNS} : ({quote(word)} OR {quote(term.lemma)})"


def match_expression(terms: list[Term]) -> str | None:
    """The FTS5 MATCH expression AND-ing all terms, or None for no terms."""
    if not terms:
        return None
    return " AND ".join(term_expression(t) for t in terms)
