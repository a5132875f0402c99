"""Query building from free text: never FTS syntax, never SQL; hostile strings are words."""

from __future__ import annotations

import random
import re

import pytest

from nlpkommun.index import Index
from nlpkommun.index import query as q
from tests.index.records import CORPUS, record

HOSTILE = [
    '"',
    '""',
    '"unterminated phrase',
    "'",
    "'; DROP TABLE docs; --",
    "våld'); DELETE FROM docs; --",
    "NEAR(våld ungdomar, 2)",
    "våld NEAR ungdomar",
    "AND",
    "OR OR OR",
    "NOT våld",
    "våld AND NOT ungdomar",
    "*",
    "**",
    "våld*",
    "*våld",
    "^våld",
    "title:våld",
    "{title text}: våld",
    "lemmas:x",
    "docs_fts:x",
    "(((våld",
    "våld))) OR (",
    "\x00",
    "våld\x00ungdomar",
    "\x1b[31m",
    "😀🔥 våld 👍🏽",
    "\ud800",  # a lone surrogate
    "a" * 5000,
    "våld " * 5000,
    "- + : , . ; ! ? % $ # @ ~ ` | \\ / < > [ ] { }",
    "rank MATCH 'x'",
    "SELECT * FROM docs",
    "٣٤٥ ﷽ ǅ ß ﬁ",
]


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    ix = Index(tmp_path_factory.mktemp("q") / "q.sqlite")
    ix.add([*CORPUS, record("sql", "drop table docs delete from docs select all near and or not")])
    yield ix
    ix.close()


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_query_text_never_raises_and_never_injects(index, text):
    hits = index.search(text, limit=5)
    assert isinstance(hits, list)
    hits = index.search(text, party=text, person=text, body=text, programme=text, limit=5)
    assert isinstance(hits, list)
    assert len(index) == 5  # nothing dropped or deleted


def test_operators_are_plain_words(index):
    assert ids(index.search("våld")) and ids(index.search("skola"))
    # OR is a word to AND, not an operator: no document has all three words
    assert index.search("våld OR skola") == []
    # NOT does not exclude: documents must contain "not" (only the sql one does)
    assert ids(index.search("drop NOT")) == ["sql"]
    assert ids(index.search("'; DROP TABLE docs; --")) == ["sql"]


def test_random_garbage_never_raises(index):
    rng = random.Random(0)
    alphabet = "\"'*^:(){}[]-+NEARANDORNOT \x00\t\nåäöÅÄÖ😀ab\\;%_"
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        assert isinstance(index.search(text, limit=3), list)


def test_parse_terms():
    lem = {"ungdomarna": "ungdom"}.get
    terms = q.parse('ungdomarna "Våld bland" Hässelby-Vällingby soc* xy*', lambda w: lem(w) or w)
    assert terms == [
        q.Term(("ungdomarna",), lemma="ungdom"),
        q.Term(("våld", "bland")),
        q.Term(("hässelby", "vällingby")),
        q.Term(("soc",), prefix=True),
        q.Term(("xy",), lemma="xy"),  # two-letter prefixes are plain words
    ]


def test_prefixes_are_limited_and_function_words_dropped():
    terms = q.parse("abc* def* ghi*", str)
    assert [t.prefix for t in terms] == [True, True, False]
    assert [t.words for t in q.parse("våld mot ungdomar och", str)] == [("våld",), ("ungdomar",)]
    assert [t.words for t in q.parse("och att", str)] == [("och",), ("att",)]  # nothing else to ask for
    assert [t.words for t in q.parse('"våld mot" och', str)] == [("våld", "mot")]


def test_every_word_is_quoted_in_the_expression():
    terms = q.parse('NEAR title: "a b" ungdom*', lambda w: w, frozenset())
    expression = q.match_expression(terms)
    words = "{title text lemmas}"
    assert (
        expression == f'{words} : "near" AND {words} : "title" AND {{title text}} : "a" + "b" AND {words} : "ungdom"*'
    )
    assert q.match_expression(q.parse("", str)) is None
    assert q.match_expression(q.parse("\"'*^()", str)) is None


def test_terms_and_length_are_capped():
    terms = q.parse(" ".join(f"w{i}" for i in range(1000)), lambda w: w)
    assert len(terms) == q.MAX_TERMS
    (term,) = q.parse("x" * 10_000, lambda w: w)
    assert len(term.words[0]) == q.MAX_WORD_CHARS


def test_facet_values_are_hashed_tokens_never_syntax():
    from nlpkommun.index.filters import Filters

    expression = Filters(parties=('S" OR "x', "mp"), persons=("",)).fts()
    assert expression is not None and '"fnone"' in expression
    assert re.fullmatch(r'facets : \("fnone"\) AND facets : \("f[0-9a-f]{16}" OR "f[0-9a-f]{16}"\)', expression)


def ids(hits) -> list[str]:
    return [h.id for h in hits]
