"""Optional fast PDF backend on pypdfium2 (``pip install nlpkommun[pdfium]``).

Reads: PDF bytes. Writes: backend-neutral :class:`~nlpkommun.ingest.pdf_layout.PageLayout`
objects that :func:`nlpkommun.ingest.pdf.read_pdf` cleans exactly like pdfminer's. Lines
are rebuilt from pdfium's per-character boxes (a new line where the baseline changes or a
horizontal gap opens), then grouped into blocks by :func:`~nlpkommun.ingest.pdf_layout.group_lines`.

pdfium inflates streams in C, out of reach of the cooperative guard, so the raw Flate
streams are measured first (incrementally, output discarded) against
``PdfLimits.max_stream_bytes`` / ``max_total_stream_bytes``.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from nlpkommun.errors import BackendNotInstalledError, PdfCorruptError, PdfEncryptedError, PdfError, PdfLimitError
from nlpkommun.ingest.pdf_layout import Line, PageLayout, drop_rotated, group_lines

if TYPE_CHECKING:
    from nlpkommun.ingest.pdf import Guard, PdfLimits

INSTALL_HINT = "pip install nlpkommun[pdfium]"
_STREAM = re.compile(rb"stream\r?\n")
_CHUNK = 1 << 20


def _import_pdfium() -> Any:
    try:
        import pypdfium2 as pdfium
    except ImportError as exc:
        raise BackendNotInstalledError(
            f"the 'pdfium' PDF backend needs pypdfium2, which is not installed: {INSTALL_HINT}"
        ) from exc
    return pdfium


def check_flate_streams(data: bytes, limits: PdfLimits, guard: Guard) -> None:
    """Inflate every zlib stream in the raw file with bounded memory (output discarded)
    and raise :class:`PdfLimitError` when one, or all together, exceed the limits."""
    pos = 0
    while True:
        m = _STREAM.search(data, pos)
        if m is None:
            return
        start = m.end()
        end = data.find(b"endstream", start)
        if end < 0:
            return
        pos = end + 9
        if data[start : start + 1] not in (b"x", b"h", b"X", b"H", b"8", b"("):  # zlib CMF byte (deflate)
            continue
        d = zlib.decompressobj()
        size = 0
        buf = data[start:end]
        try:
            while buf:
                out = d.decompress(buf, _CHUNK)
                size += len(out)
                if size > limits.max_stream_bytes:
                    guard.inflated(size)  # raises
                tail = d.unconsumed_tail
                if d.eof or (not out and len(tail) >= len(buf)):
                    break
                buf = tail
                guard.check()
        except zlib.error:
            pass  # not Flate (or encrypted): pdfium decides
        guard.inflated(size)


def _page_lines(textpage: Any, raw: Any) -> tuple[list[Line], list[Line]]:
    """Rebuild visual lines from per-character loose boxes; returns (lines, rotated lines)."""
    n = textpage.count_chars()
    if n <= 0:
        return [], []
    text = textpage.get_text_range(0, n)
    if len(text) != n:  # surrogate pairs: fall back to one call per character
        text = "".join(textpage.get_text_range(i, 1) or " " for i in range(n))
    raw_text = text
    text = text.replace("\ufffe", "-")  # pdfium reports a line-end hyphen as U+FFFE
    lines: list[Line] = []
    rotated: list[Line] = []
    chars: list[str] = []
    x0 = y0 = x1 = y1 = 0.0
    space = False
    turned = False
    getbox = textpage.get_charbox

    def flush() -> None:
        if chars:
            lines.append(Line("".join(chars), x0, y0, x1, y1))
            if turned:
                rotated.append(lines[-1])
            chars.clear()

    for i in range(n):
        ch = text[i]
        if ch in "\r\n":
            flush()
            space = False
            continue
        left, bottom, right, top = getbox(i, loose=True)
        if ch.isspace() or (right <= left and top <= bottom):
            space = True
            continue
        h = top - bottom
        if chars and (raw_text[i] == "\ufffe" or h < 0.3 * (y1 - y0)):
            chars.append(ch)  # a line-end hyphen pdfium generated, or a sliver box: same line
            x1 = max(x1, right)
            space = False
            continue
        if chars:
            lh = y1 - y0
            base_shift = abs(bottom - y0)
            gap = left - x1
            if base_shift > 0.5 * min(h, lh) or gap > 0.9 * max(h, lh) or left < x0 - 0.5 * lh:
                flush()
            elif space or gap > 0.2 * min(h, lh):
                chars.append(" ")
        if not chars:
            x0, y0, x1, y1 = left, bottom, right, top
            angle = raw.FPDFText_GetCharAngle(textpage.raw, i) % 6.283185307179586
            turned = 0.05 < angle < 6.23  # radians: not upright
        else:
            x1 = max(x1, right)
            y0 = min(y0, bottom)
            y1 = max(y1, top)
        chars.append(ch)
        space = False
    flush()
    return lines, rotated


def _image_cover(page: Any, raw: Any, width: float, height: float) -> float:
    area = 0.0
    for obj in page.get_objects(filter=(raw.FPDF_PAGEOBJ_IMAGE,)):
        left, bottom, right, top = obj.get_bounds()
        area += max(0.0, min(right, width) - max(left, 0.0)) * max(0.0, min(top, height) - max(bottom, 0.0))
    return min(1.0, area / (width * height)) if width > 0 and height > 0 else 0.0


def _invisible_text(page: Any, raw: Any) -> float:
    """Share of text objects drawn in render mode 3 (invisible: an OCR layer)."""
    total = invisible = 0
    for obj in page.get_objects(filter=(raw.FPDF_PAGEOBJ_TEXT,)):
        total += 1
        if raw.FPDFTextObj_GetTextRenderMode(obj.raw) == raw.FPDF_TEXTRENDERMODE_INVISIBLE:
            invisible += 1
    return invisible / total if total else 0.0


def pdfium_layouts(data: bytes, limits: PdfLimits, guard: Guard, warnings: list[str]) -> Iterator[PageLayout]:
    """Yield one :class:`PageLayout` per page read with pypdfium2."""
    pdfium = _import_pdfium()
    import pypdfium2.raw as raw

    check_flate_streams(data, limits, guard)
    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        msg = str(exc)
        if "password" in msg.lower() or "security" in msg.lower():
            raise PdfEncryptedError("the PDF is password-protected") from exc
        raise PdfCorruptError(f"cannot open the PDF: {msg}") from exc
    try:
        total = len(doc)
        if total == 0:
            raise PdfCorruptError("the PDF has no pages")
        if total > limits.max_pages:
            warnings.append(
                f"the PDF has {total} pages; only the first {limits.max_pages} were read (PdfLimits.max_pages)"
            )
        for i in range(min(total, limits.max_pages)):
            guard.check()
            try:
                page = doc[i]
                try:
                    width, height = page.get_size()
                    textpage = page.get_textpage()
                    try:
                        lines, rotated = _page_lines(textpage, raw)
                    finally:
                        textpage.close()
                    layout = PageLayout(width, height, group_lines(lines), _image_cover(page, raw, width, height))
                    drop_rotated(layout, rotated)
                    if layout.image_cover >= 0.5 and lines:  # only scans need the (slower) object walk
                        layout.invisible_text = _invisible_text(page, raw)
                finally:
                    page.close()
            except PdfError:
                raise
            except MemoryError as exc:
                raise PdfLimitError(f"out of memory on page {i + 1}") from exc
            except Exception as exc:
                layout = PageLayout(0.0, 0.0, error=f"{type(exc).__name__}: {str(exc)[:200]}")
            yield layout
    finally:
        doc.close()
