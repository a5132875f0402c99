"""Plain-text ingestion: decoding and normalisation of PDF-extraction artefacts.

`normalise` turns text as PDF extractors produce it (hard line breaks inside sentences
and names, leading spaces, line-end hyphenation, form feeds between pages, headings glued
to the next paragraph) into clean text, keeping a map from every clean character back
to its offset in the original, and the offsets where pages start.
"""

from __future__ import annotations

import codecs
import re
from array import array
from dataclasses import dataclass, field
from functools import cache

from nlpkommun.components.metadata_lines import is_section_heading, labels
from nlpkommun.errors import DecodingError, EmptyDocumentError, UnsupportedFormatError
from nlpkommun.ingest.pdf_layout import join_hyphenated

_SENTENCE_END = tuple(".!?:;")
# A line that ends like an attendance/list row: party letters, optionally followed by a role.
_ROW_END = re.compile(r"\([A-ZÅÄÖ][A-ZÅÄÖa-zåäö!]{0,4}\)(,\s*[a-zåäö0-9][\wåäö :.-]{0,40})?$")
# Function words a heading or sentence does not end with: the line continues.
_DANGLING = frozenset(
    "i och om för av till på med från som att en ett den det de eller samt vid mot under "
    "över inom genom efter utan hos åt mellan enligt".split()
)
_CONTINUE_END = tuple(",-–(/&")


@dataclass
class Decoded:
    """Decoded text and what was noticed while decoding."""

    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


def decode_bytes(data: bytes) -> Decoded:
    """Decode text bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252/latin-1.

    Raises :class:`UnsupportedFormatError` for binary data and :class:`EmptyDocumentError`
    for input without any text.
    """
    if not data.strip():
        raise EmptyDocumentError("the document is empty (no text)")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return Decoded(data.decode("utf-16"), "utf-16")
        except UnicodeDecodeError as exc:
            raise DecodingError(f"invalid UTF-16 text: {exc.reason}") from exc
    head = data[:8192]
    if b"\x00" in head:
        raise UnsupportedFormatError("binary data, not text or PDF (NUL bytes found)")
    try:
        return Decoded(data.decode("utf-8-sig"), "utf-8")
    except UnicodeDecodeError:
        pass
    # cp1252 is a superset of latin-1's printable range; bytes it leaves undefined fall back
    text = "".join(
        _cp1252_char(b) for b in data
    ) if _has_undefined_cp1252(data) else data.decode("cp1252")
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > 0.05 * min(len(text), 8192):
        raise UnsupportedFormatError("binary data, not text or PDF (control characters)")
    return Decoded(text, "cp1252", ["text was not valid UTF-8; decoded as cp1252/latin-1"])


_CP1252_UNDEFINED = {0x81, 0x8D, 0x8F, 0x90, 0x9D}


def _has_undefined_cp1252(data: bytes) -> bool:
    return any(b in _CP1252_UNDEFINED for b in data)


def _cp1252_char(b: int) -> str:
    return chr(b) if b in _CP1252_UNDEFINED else bytes([b]).decode("cp1252")


@dataclass
class Normalised:
    """Clean text plus the map back to the raw text.

    ``offset_map[i]`` is the raw offset of clean character ``i`` (inserted characters map
    to the raw character they replace); ``page_starts[k]`` is the clean offset where page
    ``k + 1`` begins.
    """

    text: str
    offset_map: array
    page_starts: list[int]

    def page_of(self, offset: int) -> int:
        """1-based page number of a clean-text offset."""
        from bisect import bisect_right

        return max(1, bisect_right(self.page_starts, offset))

    def original_offset(self, offset: int) -> int:
        """Raw-text offset of a clean-text offset (end offsets map to one past the last char)."""
        if offset >= len(self.offset_map):
            return (self.offset_map[-1] + 1) if len(self.offset_map) else 0
        return self.offset_map[offset]


_LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb06": "st"}


@dataclass
class _Line:
    text: str
    offsets: list[int]  # raw offset of each char of text
    cell: bool = False  # one column of a line printed in columns: never joined to a neighbour

    @property
    def blank(self) -> bool:
        return not self.text


_SPECIAL_CHARS = re.compile("[" + re.escape("".join(_LIGATURES)) + "\x00\r]")


_COLUMN_GAP = " " * 6  # a wider gap than this inside a line separates columns
# inside a line printed in columns, a table's cells may stand closer: three spaces
_TABLE_CELL = re.compile(r"\S(?:.*?\S)?(?= {3,}|\s*$)")
_ALIGN = 2  # columns of consecutive lines start within this many characters of each other


def _split_lines(raw: str) -> list[list[_Line]]:
    """Split raw text into pages of lines; inner whitespace runs collapse to one space.

    Text printed in columns (``pdftotext -layout``: cells apart by six or more spaces) is read
    as blocks: a run of non-blank lines with at least one such line, plus the indented lines
    around it. A block of two columns (a header: "Handläggare        Till" / "Johanna Sund
    Skarpnäcks stadsdelsnämnd") is read column by column, so that each label keeps its value;
    labels with their values ("Tid:      torsdagen …") and a table (a row of three or more
    columns) are read row by row, one line per cell, and a cell that
    wraps onto the next line is joined back: the piece under it starts in lower case
    ("Storsjöbygdens levande" / "kulturarv"), the cell ends in a hyphen or a dash ("Leader
    Storsjö-" / "bygden"), or the line under it has no first cell and fewer cells than the
    rows ("ERUF Mellersta" / "Norrland"). Column lines are never joined to their neighbours."""
    pages: list[list[_Line]] = [[]]
    block: list[tuple[int, str]] = []  # (raw offset, body) of the pending run

    def flush() -> None:
        if block:
            pages[-1].extend(_read_block(block))
            block.clear()

    for m in re.finditer(r"[^\n\f]*(\r?\n|\f|$)", raw):
        if m.start() == m.end():
            break
        body_end = m.end(1) - len(m.group(1)) if m.group(1) else m.end()
        body = raw[m.start() : body_end]
        indent = len(body) - len(body.lstrip(" "))
        if body.strip() and (_COLUMN_GAP in body.strip() or indent >= len(_COLUMN_GAP)):
            block.append((m.start(), body))
        else:
            flush()
            pages[-1].append(_line_of(body, m.start()))
        if m.group(1) == "\f":
            flush()
            pages.append([])
    flush()
    return pages


def _read_block(block: list[tuple[int, str]]) -> list[_Line]:
    """The lines of a run of indented or columnar lines (see :func:`_split_lines`)."""
    rows = [
        [(c.start(), c.group()) for c in _TABLE_CELL.finditer(body)] if _COLUMN_GAP in body.strip() else None
        for _, body in block
    ]
    if all(r is None for r in rows):  # only indented lines: plain text
        return [_line_of(body, base) for base, body in block]
    rows = [
        r if r is not None else [(len(body) - len(body.lstrip(" ")), body.strip())]
        for r, (_, body) in zip(rows, block, strict=True)
    ]
    pairs = [r for r in rows if len(r) == 2]
    labels = _header_labels()
    # "Tid:      …", or "Tid      Tisdagen den 16 september" (a label beside its value, not over it)
    labelled = sum(
        r[0][1].endswith(":") or r[0][1].casefold() in labels and r[1][1].casefold() not in labels for r in pairs
    )
    if max(len(r) for r in rows) >= 3 or 2 * labelled >= len(pairs) or _dated_rows(pairs):
        return _table_rows(block, rows)  # a table, or labels with their values ("Tid:      …")
    # two columns: the left one, then the right one (the right starts where second cells do)
    right_x = min(r[1][0] for r in rows if len(r) == 2)
    left: list[_Line] = []
    right: list[_Line] = []
    for (base, _), cells in zip(block, rows, strict=True):
        for x, cell in cells:
            line = _line_of(cell, base + x)
            line.cell = True
            (right if x >= right_x - _ALIGN else left).append(line)
    return left + right


@cache
def _header_labels() -> frozenset[str]:
    """Labels of a header's values ("Tid", "Plats", "Datum", "Dnr"; ``header_labels.json``): a
    left cell that is one holds the label of the value beside it (not signature roles: a
    block of names under "Ordförande" / "Sekreterare" is read column by column)."""
    groups = labels()
    keys = ("title", "case_officer", "phone", "email", "addressee", "document_date", "meeting_date",
            "meeting_time", "reference")  # fmt: skip
    return frozenset(label.casefold() for g in keys for label in groups[g]) | {"plats", "lokal"}


_DATE_CELL = re.compile(r"(?:19|20)\d\d-\d\d-\d\d|\d{1,2}\s+[a-zåäö]+\s+(?:19|20)\d\d")


def _dated_rows(pairs: list[list[tuple[int, str]]]) -> bool:
    """Whether two-column rows are a table of items with their dates or amounts (a time plan:
    "Beslut i tekniska nämnden      25 mars 2025"): four rows or more, nearly every right cell
    with a digit, and two thirds of the left ones without."""
    if len(pairs) >= 2 and all(_DATE_CELL.fullmatch(r[1][1]) for r in pairs):
        return not any(c.isdigit() for r in pairs for c in r[0][1])  # "Fritidsnämnden      2025-03-25"
    if len(pairs) < 4:
        return False
    right = sum(any(c.isdigit() for c in r[1][1]) for r in pairs)
    left = sum(any(c.isdigit() for c in r[0][1]) for r in pairs)
    return 5 * right >= 4 * len(pairs) and 3 * left <= len(pairs)


def _table_rows(block: list[tuple[int, str]], rows: list[list[tuple[int, str]]]) -> list[_Line]:
    """A table's lines, row by row, with wrapped cells joined back."""
    out: list[_Line] = []
    above: list[tuple[int, _Line]] = []  # (column start, line) of the previous line
    row_width = 0  # cells in the last table row
    first_x = min(cells[0][0] for cells in rows if cells)  # where the table's first column starts
    for (base, _), cells in zip(block, rows, strict=True):
        current: list[tuple[int, _Line]] = []
        continued = 0
        # a line with no first cell and fewer cells than the rows holds wrapped pieces only
        # ("ERUF Mellersta" / "Norrland" under it)
        wrapped = row_width >= 3 and len(cells) < row_width and cells[0][0] > first_x + _ALIGN
        # a line with a cell in every column is a row of its own: a later cell with a number in
        # it or above it opens no wrapped piece, even in lower case ("Tid" over "jan 2026–jun
        # 2026", "2026–2027" over "hösten 2026"); a first cell may still wrap ("Fler läser och
        # tar del" / "av kultur")
        full = row_width >= 3 and len(cells) >= row_width
        for k, (offset, cell) in enumerate(cells):
            piece = _line_of(cell, base + offset)
            target = next((ln for x, ln in above if abs(x - offset) <= _ALIGN), None)
            own_row = full and k > 0 and target is not None and _has_digit(piece.text + target.text)
            if target is not None and not own_row and (
                _continues(target.text, piece.text, row_width)
                or wrapped and piece.text[:1].isalpha() and not target.text.endswith((".", ":"))
            ):
                _extend(target, piece)
                continued += 1
                current.append((offset, target))
                continue
            piece.cell = True
            out.append(piece)
            current.append((offset, piece))
        if not continued:
            row_width = len(cells)
        above = current
    return out


def _has_digit(text: str) -> bool:
    return any(c.isdigit() for c in text)


def _continues(cell: str, piece: str, row_width: int) -> bool:
    """Whether ``piece`` on the next line continues ``cell`` of a table row."""
    if not cell or not piece:
        return False
    if cell.endswith(("-", "–")) and cell[-2:-1].isalpha():
        return True
    return row_width >= 3 and piece[0].islower()


def _extend(line: _Line, piece: _Line) -> None:
    """Append a wrapped piece to a table cell: "Storsjö-" + "bygden" → "Storsjöbygden",
    "Sverige–" + "Norge" → "Sverige–Norge", else with a space."""
    a, b = line.text, piece.text
    if a.endswith("-"):
        joined = join_hyphenated(a, b) or a + b
    else:
        joined = a + b if a.endswith("–") else f"{a} {b}"
    if joined == a[:-1] + b:
        line.offsets = line.offsets[:-1] + piece.offsets
    elif joined == a + b:
        line.offsets = line.offsets + piece.offsets
    else:
        line.offsets = line.offsets + [line.offsets[-1] + 1] + piece.offsets
    line.text = joined


def _line_of(body: str, base: int) -> _Line:
    """One line of text starting at raw offset ``base``: whitespace runs collapsed, ligatures
    expanded, NUL and CR dropped."""
    chars: list[str] = []  # pieces: single characters, spaces and whole words
    offs: list[int] = []  # one raw offset per character of "".join(chars)
    for sm in re.finditer(r"\S+|\s+", body):
        if sm.group().isspace():
            if chars and chars[-1] != " ":
                chars.append(" ")
                offs.append(base + sm.start())
            continue
        word = sm.group()
        if not _SPECIAL_CHARS.search(word):  # the common case: the word as it is
            start = base + sm.start()
            chars.append(word)
            offs.extend(range(start, start + len(word)))
            continue
        for i, ch in enumerate(word):
            if ch in _LIGATURES:
                for rep in _LIGATURES[ch]:
                    chars.append(rep)
                    offs.append(base + sm.start() + i)
            elif ch == "\x00" or ch == "\r":
                continue
            else:
                chars.append(ch)
                offs.append(base + sm.start() + i)
    if chars and chars[-1] == " ":
        chars.pop()
        offs.pop()
    return _Line("".join(chars), offs)


def _typical_width(lines: list[_Line]) -> int:
    lengths = sorted(len(ln.text) for ln in lines if len(ln.text) >= 20)
    if not lengths:
        return 0
    if len(lengths) < 3:
        return lengths[-1]
    return lengths[int(len(lengths) * 0.8)]


def _last_word(text: str) -> str:
    m = re.search(r"([\wåäöÅÄÖ]+)$", text)
    return m.group(1).lower() if m else ""


_LABEL_START = re.compile(r"[A-ZÅÄÖ][\wåäöÅÄÖ-]*(?: [\wåäöÅÄÖ-]+){0,2}:\s")


_DECIDE_END = re.compile(r"\b(?:besluta|beslutar|beslutade|beslutat|föreslå|föreslår|föreslås|yrkar|yrkande)[:,]?$")
_STATED_TITLE = re.compile(
    r"(?:Yttrande|Remissvar|Svar|Motion|Interpellation|Medborgarförslag)\s+(?:över|om|på|angående|avseende)\s+\S"
)
_DESCRIBED_ITEM = re.compile(r"[A-ZÅÄÖ][^–—.:;\n]{1,40} [–—] \S")
_ADDRESS_LINE = re.compile(r"\s*(?:\S+@\S+\.[a-z]{2,}|(?:https?://|www\.)\S+)\s*")


def _join_kind(prev: _Line, nxt: _Line, width: int) -> str:
    """How two consecutive non-blank lines join: "hyphen" (drop "-"), "glue" (keep "-", no
    space), "space" (same paragraph) or "newline" (heading / list item / new block)."""
    a, b = prev.text, nxt.text
    b0 = b[0]
    if prev.cell or nxt.cell:
        return "newline"  # a column of a header or a table is a line of its own
    if a.endswith("-"):
        joined = join_hyphenated(a, b)  # the one Swedish hyphenation rule, shared with PDF layout
        if joined == a[:-1] + b:
            return "hyphen"
        if joined == a + b:
            return "glue"
        if joined is not None:
            return "space"
    if re.match(r"^([-–•*▪●·]|\d{1,3}[.)]\s)", b):
        return "newline"  # list item (not a year wrapped onto the line: "30 april" / "2027. Projektet")
    if _LABEL_START.match(b):
        return "newline"  # a labelled line: "Föredragande: Anna Berg", "Dnr: KS 2024/12"
    if b.startswith("att ") and (a.startswith("att ") or _DECIDE_END.search(a)):
        return "newline"  # a proposal's att-satser: "… föreslår kommunfullmäktige besluta" / "att …"
    if _ADDRESS_LINE.fullmatch(b) or _ADDRESS_LINE.fullmatch(a):
        return "newline"  # an e-mail address or a web address on its own line

    if _DESCRIBED_ITEM.match(a) and _DESCRIBED_ITEM.match(b):
        return "newline"  # a list of "Name – what it is" lines ("Kulturkollo – skapande verksamhet …")
    if b0.isupper() and len(b) < 40 and is_section_heading(b):
        return "newline"  # "… industriföretag (GOHI)" / "Förslag till beslut": a heading after a title
    short = width > 0 and len(a) < 0.75 * width
    if b0.isupper() and _ROW_END.search(a) and len(a) < 80:
        return "newline"  # an attendance row: "Anna Berg (M), 1:e vice ordförande" / "Erik Lund (S)"
    if _last_word(a) in _DANGLING:
        return "space"  # a heading or sentence never ends in "i", "och", "för" ...
    if b0.isupper() and _STATED_TITLE.match(a) and not a.endswith(_SENTENCE_END + _CONTINUE_END):
        return "newline"  # "Yttrande över Förslag till … 2026–2035" / "Sigtuna kommun har …": a heading
    if a.endswith(_SENTENCE_END) and width and len(b) < 0.5 * width and not b.endswith(_SENTENCE_END):
        return "newline"  # a short line after a sentence: heading, signature, title
    if b0.islower() or (a.endswith(_CONTINUE_END) and not short):
        return "space"
    if a.endswith(","):
        return "space"
    if short or width == 0:
        return "newline"
    return "space"


def normalise(raw: str) -> Normalised:
    """Clean PDF-extraction artefacts; see the module docstring."""
    raw_pages = _split_lines(raw)
    all_lines = [ln for p in raw_pages for ln in p]
    doc_width = _typical_width(all_lines)
    out: list[str] = []
    omap = array("l")
    page_starts: list[int] = []
    length = 0
    prev: _Line | None = None
    in_list = False  # after a line ending in ':', until a line ends a sentence
    for page_lines in raw_pages:
        width = _typical_width(page_lines) or doc_width
        page_starts.append(-1)  # set at the first character of the page
        pending_blank = False
        for line in page_lines:
            if line.blank:
                pending_blank = prev is not None
                continue
            if prev is not None:
                kind = "para" if pending_blank else _join_kind(prev, line, width)
                if kind == "space" and in_list and prev.text.endswith((",", ";")) and line.text[:1].isupper():
                    kind = "newline"  # items of a list after "… tre delar:" end in commas
                if kind == "hyphen":
                    out[-1] = out[-1][:-1]
                    omap.pop()
                    length -= 1
                elif kind != "glue":
                    sep = {"space": " ", "newline": "\n", "para": "\n\n"}[kind]
                    out.append(sep)
                    omap.extend([prev.offsets[-1] + 1] * len(sep))
                    length += len(sep)
            if page_starts[-1] < 0:
                page_starts[-1] = length
            out.append(line.text)
            omap.extend(line.offsets)
            length += len(line.text)
            if line.text.endswith(":"):
                in_list = True
            elif line.text.endswith((".", "!", "?")):
                in_list = False
            prev = line
            pending_blank = False
    text = "".join(out)
    fixed: list[int] = []
    for start in reversed(page_starts):  # empty pages start where the next one does
        fixed.append(start if start >= 0 else (fixed[-1] if fixed else length))
    return Normalised(text, omap, list(reversed(fixed)))
