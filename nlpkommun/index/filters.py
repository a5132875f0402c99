"""Facet filters of a search.

Facets are matched inside FTS5, so a facet narrows the full-text match before ranking
instead of filtering its (possibly many thousand) results afterwards: every document's
facet values become tokens of the hidden ``facets`` column (:func:`facet_tokens`), and
a filter becomes ``facets : ("tok1" OR "tok2")``. A token is a 64-bit BLAKE2 hash of the
facet kind and the value's key, so any value (spaces, punctuation, quotes) is one plain
alphanumeric token and can never be FTS syntax.

Names are matched on a key: NFC, single-spaced, case-folded (:func:`key`); parties on
the upper-cased key. Dates filter on the meeting date (else the document date) in SQL
and take ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from functools import lru_cache
from hashlib import blake2b

from nlpkommun.index.errors import QueryError
from nlpkommun.index.text import scrub
from nlpkommun.records import DocumentRecord

_ISO_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_SPACE = re.compile(r"\s+")


@lru_cache(maxsize=65536)
def key(value: str | None) -> str | None:
    """The case-folded, NFC, single-spaced form used to match names in filters."""
    if value is None:
        return None
    folded = _SPACE.sub(" ", unicodedata.normalize("NFC", scrub(value))).strip().casefold()
    return folded or None


def party_key(value: str | None) -> str | None:
    """The key of a party abbreviation: upper case (``mp`` → ``MP``)."""
    folded = key(value)
    return folded.upper() if folded else None


def date_bound(value: str | None, upper: bool) -> str | None:
    """``2019`` / ``2019-05`` / ``2019-05-13`` as an inclusive day bound; None passes."""
    if value is None or value == "":
        return None
    match = _ISO_PARTIAL.match(value.strip())
    if not match:
        raise QueryError(f"not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD): {value!r}")
    year, month, day = match.groups()
    if month is not None and not 1 <= int(month) <= 12 or day is not None and not 1 <= int(day) <= 31:
        raise QueryError(f"not a valid date: {value!r}")
    return f"{year}-{month or ('12' if upper else '01')}-{day or ('31' if upper else '01')}"


def as_list(value: str | Sequence[str] | None) -> list[str]:
    """One value or a sequence of values as a list (None → empty)."""
    if value is None:
        return []
    values = [value] if isinstance(value, str) else value
    if not isinstance(values, Sequence) or not all(v is None or isinstance(v, str) for v in values):
        raise QueryError(f"a filter takes a string or a list of strings, not {value!r}")
    return [v for v in values if v is not None]


@lru_cache(maxsize=65536)
def facet_token(kind: str, value: str | None) -> str | None:
    """The FTS token of one facet value (``kind``: person, party, organisation, programme,
    place, body, municipality, type); None for an empty value."""
    folded = party_key(value) if kind == "party" else key(value)
    if not folded:
        return None
    return "f" + blake2b(f"{kind}\x1f{folded}".encode(), digest_size=8).hexdigest()


def facet_tokens(record: DocumentRecord) -> str:
    """The ``facets`` column of a record: the tokens of all its facet values."""
    m = record.metadata
    pairs: list[tuple[str, str | None]] = [
        ("body", m.body),
        ("municipality", m.municipality),
        ("type", m.document_type),
    ]
    for p in record.persons:
        pairs += [("person", p.name), ("party", p.party)] + [("person", v) for v in p.variants]
    pairs += [("organisation", v) for o in record.organisations for v in (o.name, o.acronym)]
    pairs += [("programme", v) for p in record.programmes for v in (p.name, p.acronym)]
    pairs += [("place", p.name) for p in record.places]
    tokens = (facet_token(kind, value) for kind, value in pairs)
    return " ".join(dict.fromkeys(t for t in tokens if t))


@dataclass(frozen=True)
class Filters:
    """Facet filters; values of one facet are OR-ed, facets are AND-ed.

    Persons match the canonical name or a spelling variant; organisations the name or
    acronym; programmes the acronym or long name; all case-insensitively and in full.
    """

    persons: tuple[str, ...] = ()
    parties: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()
    programmes: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    bodies: tuple[str, ...] = ()
    municipalities: tuple[str, ...] = ()
    document_types: tuple[str, ...] = ()
    date_from: str | None = None
    date_to: str | None = None

    @classmethod
    def of(
        cls,
        *,
        person: str | Sequence[str] | None = None,
        party: str | Sequence[str] | None = None,
        organisation: str | Sequence[str] | None = None,
        programme: str | Sequence[str] | None = None,
        place: str | Sequence[str] | None = None,
        body: str | Sequence[str] | None = None,
        municipality: str | Sequence[str] | None = None,
        document_type: str | Sequence[str] | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        **unknown: object,
    ) -> Filters:
        """Filters from the keyword arguments of :meth:`Index.search` (one value or a list each)."""
        if unknown:
            raise QueryError(f"unknown filter(s): {', '.join(sorted(unknown))}")
        return cls(
            persons=tuple(as_list(person)),
            parties=tuple(as_list(party)),
            organisations=tuple(as_list(organisation)),
            programmes=tuple(as_list(programme)),
            places=tuple(as_list(place)),
            bodies=tuple(as_list(body)),
            municipalities=tuple(as_list(municipality)),
            document_types=tuple(as_list(document_type)),
            date_from=date_from,
            date_to=date_to,
        )

    def _facets(self) -> Iterable[tuple[str, tuple[str, ...]]]:
        return (
            ("person", self.persons),
            ("party", self.parties),
            ("organisation", self.organisations),
            ("programme", self.programmes),
            ("place", self.places),
            ("body", self.bodies),
            ("municipality", self.municipalities),
            ("type", self.document_types),
        )

    def fts(self) -> str | None:
        """The FTS5 expression of the facet filters (None without any). A facet given
        only empty values matches nothing."""
        clauses = []
        for kind, values in self._facets():
            if not values:
                continue
            tokens = list(dict.fromkeys(t for t in (facet_token(kind, v) for v in values) if t))
            if not tokens:
                tokens = ["fnone"]  # not hex, so never a document token: an empty name matches nothing
            clauses.append("facets : (" + " OR ".join(f'"{t}"' for t in tokens) + ")")
        return " AND ".join(clauses) or None

    def sql(self) -> tuple[list[str], list[object]]:
        """WHERE conditions on ``d`` (the docs row) for the date range, and their parameters."""
        where: list[str] = []
        params: list[object] = []
        low, high = date_bound(self.date_from, False), date_bound(self.date_to, True)
        if low:
            where.append("d.date >= ?")
            params.append(low)
        if high:
            where.append("d.date <= ?")
            params.append(high)
        return where, params

    def is_empty(self) -> bool:
        """True when no filter is set."""
        return not any(v for v in asdict(self).values())
