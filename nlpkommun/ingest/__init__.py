"""Ingestion: any source (path, bytes, text) → :class:`IngestedText`.

Reads: a file path, raw bytes or a text string. Writes: cleaned text, the offset map back
to the extracted raw text, page starts, page count and warnings. PDFs are recognised by
their ``%PDF-`` signature, not their extension.
"""

from __future__ import annotations

import hashlib
import os
from array import array
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nlpkommun.errors import EmptyDocumentError, InputNotFoundError, UnsupportedFormatError
from nlpkommun.ingest.text import Normalised, decode_bytes, normalise

#: Text files larger than this are refused (a municipal document is far smaller).
MAX_TEXT_BYTES = 200 * 1024 * 1024

_BINARY_SIGNATURES = {
    b"PK\x03\x04": "a ZIP container (e.g. .docx/.xlsx/.odt)",
    b"\xd0\xcf\x11\xe0": "an old Microsoft Office file",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"II*\x00": "a TIFF image",
    b"MM\x00*": "a TIFF image",
    b"{\\rtf": "an RTF file",
}


@dataclass
class IngestedText:
    """A decoded, normalised document ready for the pipeline."""

    text: str
    raw: str
    offset_map: array
    page_starts: list[int]
    pages: int | None
    source: str
    id: str
    warnings: list[str] = field(default_factory=list)

    def page_of(self, offset: int) -> int | None:
        """1-based page of a clean-text offset (None for plain-text input)."""
        if self.pages is None:
            return None
        return Normalised(self.text, self.offset_map, self.page_starts).page_of(offset)


def looks_like_path(value: str) -> bool:
    """Whether a string is meant as a file path rather than document text."""
    return "\n" not in value and len(value) < 4096 and (
        os.sep in value or Path(value).suffix.lower() in {".pdf", ".txt", ".text", ".md"}
    )


def read_source(source: str | os.PathLike[str] | bytes) -> tuple[bytes | str, str]:
    """Resolve a source to (bytes or text, source name)."""
    if isinstance(source, bytes | bytearray):
        return bytes(source), "<bytes>"
    if isinstance(source, os.PathLike) or (isinstance(source, str) and looks_like_path(source)):
        path = Path(source)
        if not path.is_file():
            raise InputNotFoundError(f"no such file: {path}")
        try:
            size = path.stat().st_size
            if size > MAX_TEXT_BYTES and path.suffix.lower() != ".pdf":
                raise UnsupportedFormatError(f"{path} is {size} bytes: too large for a text document")
            return path.read_bytes(), str(path)
        except OSError as exc:
            raise InputNotFoundError(f"cannot read {path}: {exc.strerror or exc}") from exc
    if isinstance(source, str):
        return source, "<text>"
    raise UnsupportedFormatError(f"cannot read a document from {type(source).__name__}")


def ingest(
    source: str | os.PathLike[str] | bytes,
    *,
    name: str | None = None,
    pdf_backend: str = "pdfminer",
    pdf_limits: Any = None,
) -> IngestedText:
    """Read, decode and normalise one document."""
    data, src = read_source(source)
    src = name or src
    warnings: list[str] = []
    pages: int | None = None
    if isinstance(data, str):
        doc_id = hashlib.sha256(data.encode("utf-8")).hexdigest()
        raw = data
    else:
        doc_id = hashlib.sha256(data).hexdigest()
        if not data.strip():
            raise EmptyDocumentError(f"{src}: the document is empty (0 bytes of text)")
        if b"%PDF-" in data[:1024]:
            from nlpkommun.ingest.pdf import read_pdf

            result = read_pdf(data, backend=pdf_backend, limits=pdf_limits)
            warnings.extend(result.warnings)
            pages = len(result.pages)
            raw = "\f".join(result.pages)
        else:
            for sig, what in _BINARY_SIGNATURES.items():
                if data.startswith(sig):
                    raise UnsupportedFormatError(f"{src}: {what}, not text or PDF")
            decoded = decode_bytes(data)
            warnings.extend(decoded.warnings)
            raw = decoded.text
    norm = normalise(raw)
    if not norm.text.strip() and pages is None:
        raise EmptyDocumentError(f"{src}: the document has no text")
    return IngestedText(
        text=norm.text,
        raw=raw,
        offset_map=norm.offset_map,
        page_starts=norm.page_starts,
        pages=pages,
        source=src,
        id=doc_id,
        warnings=warnings,
    )
