"""The programme finder's search helpers give what ``re.finditer`` gives, and its patterns
are built once per process, not per document (nlpkommun.components.programmes)."""

from __future__ import annotations

import re

import pytest

from nlpkommun.components import programmes
from nlpkommun.components.programmes import _ci_matches, _lowered, _matches_at, _patterns, _positions, find_programmes

TEXT = (
    "Projektet Läsa för livet startade. FORSKNINGSPROJEKTET Hjärnvägar i förskolan och "
    "insatsprogrammet Unga vuxna fortsätter; metoden SEMLA, metoden semla och xprojektet Ny väg. "
    "Programmet Programmet Trygg start avslutas."
)


def test_positions_finds_overlapping_occurrences_of_every_literal() -> None:
    assert _positions("aaa ab", ["aa", "ab"]) == [0, 1, 4]
    assert _positions("abc", ["x"]) == []


@pytest.mark.parametrize(
    ("pattern", "literals"),
    [
        (
            r"(?<![\wåäö])(?i:projektet|programmet|insatsprogrammet|metoden)"
            r"\s+([A-ZÅÄÖ][\wåäö]*(?:\s+[\wåäö]+){0,3})",
            None,
        ),
        (r"(?<![\wåäöÅÄÖ-])Programmet\s+\w+", ["Programmet"]),
    ],
)
def test_candidate_search_equals_finditer(pattern: str, literals: list[str] | None) -> None:
    rx = re.compile(pattern)
    expected = [(m.span(), m.groups()) for m in rx.finditer(TEXT)]
    if literals is None:  # case-insensitive cue words: candidates from the lower-cased text
        got = _ci_matches(rx, TEXT, _lowered(TEXT), ["projektet", "programmet", "insatsprogrammet", "metoden"])
    else:
        got = _matches_at(rx, TEXT, _positions(TEXT, literals))
    assert [(m.span(), m.groups()) for m in got] == expected
    assert expected  # the test text exercises the pattern


def test_lowered_refuses_a_text_whose_length_changes() -> None:
    assert _lowered("Projektet Ä") == "projektet ä"
    assert _lowered("İstanbul") is None  # lower() adds a combining dot: offsets would shift
    rx = re.compile(r"(?i:projektet)\s+(\w+)")
    text = "İ Projektet Ljus"
    assert [m.group(1) for m in _ci_matches(rx, text, _lowered(text), ["projektet"])] == ["Ljus"]


def test_patterns_are_built_once(monkeypatch: pytest.MonkeyPatch) -> None:
    _patterns()
    calls = []
    original = re.compile

    def counting_compile(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(args[0])
        return original(*args, **kwargs)

    monkeypatch.setattr(programmes.re, "compile", counting_compile)
    find_programmes("Kommunen deltar i projektet Unga på väg. Läslyftet fortsätter.")
    # only the per-programme mention patterns (one per acronym or name found) are compiled
    assert len(calls) <= 2, calls
    assert all("Unga" in c or "Läslyftet" in c for c in calls)
