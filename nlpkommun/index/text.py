"""Word tokenisation and the Swedish lemma column of the search index.

The tokeniser matches SQLite FTS5's ``unicode61`` tokeniser: a token is a run of letters
and digits (categories L*, N*, Co), everything else separates tokens, and case is folded.
The lemma column holds, for each word of a document whose lemma differs from the word
itself, that lemma (``socialtjänsten`` → ``socialtjänst``). Words that are their own
lemma are found in the text columns, so storing them twice would only double the index.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache
from importlib import resources

from nlpkommun.lemmatizer import lemmatize

WORD = re.compile(r"[^\W_]+")

#: lemma cache size bound; Swedish archives rarely exceed a few hundred thousand forms
_CACHE_LIMIT = 500_000


@cache
def stopwords() -> frozenset[str]:
    """Function words left out of lemma matching (``resources/sv/index_stopwords.txt``)."""
    data = resources.files("nlpkommun").joinpath("resources", "sv", "index_stopwords.txt").read_text("utf-8")
    return frozenset(w for line in data.splitlines() if not line.startswith("#") for w in line.split())


def scrub(text: str) -> str:
    """``text`` with lone surrogates (unencodable in UTF-8, e.g. from ``"\\ud800"`` in JSON)
    replaced by ``?``, one for one, so offsets stay valid."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "replace").decode("utf-8")
    return text


def scrub_all(value: object) -> object:
    """Every string in a JSON-like value passed through :func:`scrub`."""
    if isinstance(value, str):
        return scrub(value)
    if isinstance(value, dict):
        return {k: scrub_all(v) for k, v in value.items()}
    if isinstance(value, list):
        return [scrub_all(v) for v in value]
    return value


def words(text: str) -> list[str]:
    """The words of ``text`` as FTS5 ``unicode61`` sees them, lower-cased."""
    return WORD.findall(text.lower())


class Lemmas:
    """Word → lemma with a bounded memo (the lookup table itself is shared per process).

    A stop word (:func:`stopwords`) is its own lemma, so it never matches another word.
    """

    def __init__(self, lemmatizer: Callable[[str], str] = lemmatize) -> None:
        self._lemmatize = lemmatizer
        self._stop = stopwords()
        # word -> its lemma if that differs from the word, else "" (what the column needs)
        self._changed: dict[str, str] = {}

    def _learn(self, word: str) -> str:
        lemma = word if word in self._stop else self._lemmatize(word).lower()
        if len(self._changed) >= _CACHE_LIMIT:
            self._changed.clear()
        changed = self._changed[word] = "" if lemma == word else lemma
        return changed

    def __call__(self, word: str) -> str:
        """Lemma of one lower-cased word, lower-cased."""
        changed = self._changed.get(word)
        if changed is None:
            changed = self._learn(word)
        return changed or word

    def column(self, texts: Iterable[str]) -> str:
        """The lemma column for a document: the lemmas that differ from their word, in order."""
        found = [w for text in texts for w in words(text)]
        changed = self._changed
        for word in set(found).difference(changed):
            self._learn(word)
        return " ".join(filter(None, map(changed.get, found)))
