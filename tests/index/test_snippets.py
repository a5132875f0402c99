"""Snippet highlighting of exact words, inflections and prefixes."""

from __future__ import annotations

from nlpkommun.index import snippets
from nlpkommun.index.query import Term


def test_marks_exact_words_inflections_and_prefixes():
    terms = [Term(("socialtjänst",), lemma="socialtjänst"), Term(("i",), lemma="i"), Term(("ungd",), prefix=True)]
    fragment = "Socialtjänsten\ni  \x02socialtjänst\x03 och ungdomar i ibland"
    text, count = snippets.mark(fragment, snippets.pattern(terms), "[", "]")
    assert text == "[Socialtjänsten] [i] [socialtjänst] och [ungdomar] [i] ibland"  # "i" is too short to be a stem
    assert count == 5


def test_window_around_a_lemma_match_when_the_fragment_has_none():
    text = "Början. " + "ord " * 100 + "Våldet ökade i området. " + "slut " * 100
    snippet = snippets.highlight("Början. ord ord", text, [Term(("våld",), lemma="våld")], "<", ">")
    assert "<Våldet> ökade" in snippet and snippet.startswith("…") and snippet.endswith("…")
    assert len(snippet) < 2 * snippets.WINDOW + 40


def test_phrase_and_no_terms():
    assert snippets.highlight("a \x02b\x03 c", "a b c", [Term(("b", "c"))], "*", "*") == "a *b* *c*"
    assert snippets.highlight("a \x02b\x03 c", "a b c", [], "*", "*") == "a b c"
    assert snippets.lead("x " * 300).endswith("…") and snippets.lead(None) == ""
