"""Facet filters of a search, as SQL conditions with bound parameters.

Names are matched on a key: NFC, single-spaced, case-folded (:func:`key`); parties on
the upper-cased key. Dates take ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import asdict, dataclass

from nlpkommun.index.errors import QueryError
from nlpkommun.index.text import scrub

_ISO_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_SPACE = re.compile(r"\s+")


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
    if isinstance(value, str):
        return [value]
    return [v for v in value if v is not None]


@dataclass(frozen=True)
class Filters:
    """Facet filters; values of one facet are OR-ed, facets are AND-ed."""

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

    def sql(self) -> tuple[list[str], list[object]]:
        """WHERE conditions on ``d`` (the docs row) and their parameters."""
        where: list[str] = []
        params: list[object] = []

        def within(sub: str, values: list[str | None], columns: int = 1) -> None:
            values = [v for v in values if v]
            if not values:
                return
            marks = ",".join("?" * len(values))
            where.append("d.rowid IN (" + sub.format(marks=marks) + ")")
            params.extend(values * columns)

        within("SELECT doc FROM persons WHERE name_key IN ({marks})", [key(v) for v in self.persons])
        within("SELECT doc FROM persons WHERE party_key IN ({marks})", [party_key(v) for v in self.parties])
        within(
            "SELECT doc FROM organisations WHERE name_key IN ({marks}) "
            "UNION SELECT doc FROM organisations WHERE acronym_key IN ({marks})",
            [key(v) for v in self.organisations],
            2,
        )
        within(
            "SELECT doc FROM programmes WHERE acronym_key IN ({marks}) "
            "UNION SELECT doc FROM programmes WHERE name_key IN ({marks})",
            [key(v) for v in self.programmes],
            2,
        )
        within("SELECT doc FROM places WHERE name_key IN ({marks})", [key(v) for v in self.places])
        for column, values in (
            ("body_key", self.bodies),
            ("municipality_key", self.municipalities),
            ("document_type", self.document_types),
        ):
            keys = [key(v) for v in values if key(v)]
            if keys:
                where.append(f"d.{column} IN ({','.join('?' * len(keys))})")
                params.extend(keys)
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
