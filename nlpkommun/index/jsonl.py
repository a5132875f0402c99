"""Reading DocumentRecord JSONL (what ``nlpkommun batch`` writes), tolerating bad lines.

A line that is not JSON, or not a valid record, is reported as a :class:`BadLine` and
skipped; it never stops the read. A file that cannot be opened at all raises
:class:`~nlpkommun.index.errors.RecordsFileError`.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from nlpkommun.errors import InputNotFoundError
from nlpkommun.index.errors import RecordsFileError
from nlpkommun.records import DocumentRecord

#: longest message kept for a bad line
_MESSAGE_CHARS = 300


@dataclass(frozen=True)
class BadLine:
    """One line of a JSONL file that is not a valid record."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


def _message(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ())) or "record"
        text = f"not a DocumentRecord: {where}: {first.get('msg', '')} ({exc.error_count()} error(s))"
    else:
        text = f"{type(exc).__name__}: {exc}"
    return text[:_MESSAGE_CHARS]


def check_paths(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """The paths as :class:`Path`, after checking each is an existing file."""
    checked = []
    for path in map(Path, paths):
        if not path.exists():
            raise InputNotFoundError(f"no such records file: {path}")
        if not path.is_file():
            raise RecordsFileError(f"not a file: {path}")
        checked.append(path)
    return checked


def read_records(
    paths: Iterable[str | os.PathLike[str]],
    on_bad_line: Callable[[BadLine], None] | None = None,
) -> Iterator[DocumentRecord]:
    """Yield every valid record of the JSONL files in order; report the rest to ``on_bad_line``."""
    for path in check_paths(paths):
        try:
            handle = path.open("rb")
        except OSError as exc:
            raise RecordsFileError(f"cannot read {path}: {exc.strerror or exc}") from exc
        with handle:
            for number, raw in enumerate(handle, start=1):
                if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                    raw = raw[3:]
                if not raw.strip():
                    continue
                try:
                    yield DocumentRecord.model_validate(json.loads(raw))
                except (ValueError, ValidationError, RecursionError) as exc:
                    if on_bad_line is not None:
                        on_bad_line(BadLine(str(path), number, _message(exc)))
