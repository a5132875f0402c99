"""Access to the language data under ``nlpkommun/resources/sv/`` (plain data files)."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


def _path(name: str, lang: str = "sv"):
    return resources.files("nlpkommun").joinpath("resources", lang, name)


@cache
def read_lines(name: str, lang: str = "sv") -> tuple[str, ...]:
    """Non-empty, non-comment lines of a resource text file."""
    text = _path(name, lang).read_text(encoding="utf-8")
    return tuple(
        line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")
    )


@cache
def read_json(name: str, lang: str = "sv") -> Any:
    """A JSON resource file, parsed."""
    return json.loads(_path(name, lang).read_text(encoding="utf-8"))


def is_town_of_kommun(name: str) -> bool:
    """Whether "<name> stad" names a town, a place: the municipality of that name calls itself
    "<name> kommun" ("Norrtälje stad", "Sigtuna stad"; not "Malmö stad", "Solna stad")."""
    return municipalities().get(name, "").endswith(" kommun")


@cache
def municipalities() -> dict[str, str]:
    """Municipality name → the name it uses for itself (``municipalities.txt``: "Nacka" →
    "Nacka kommun", "Falun" → "Falu kommun")."""
    out: dict[str, str] = {}
    for line in read_lines("municipalities.txt"):
        name, _, official = line.partition("\t")
        name = name.strip()
        genitive = name if name[-1] in "aeiouyåäösxz" else f"{name}s"
        out[name] = official.strip() or f"{genitive} kommun"
    return out


@cache
def regions() -> frozenset[str]:
    """Provinces, informal regions and Nordic cities (``regions.txt``): "Östergötland", "Höga Kusten"."""
    return frozenset(read_lines("regions.txt"))


@cache
def first_names() -> frozenset[str]:
    """Common first names (``first_names.txt``): evidence that a capitalised pair is a name."""
    return frozenset(read_lines("first_names.txt"))
