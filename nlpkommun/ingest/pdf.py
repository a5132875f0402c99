"""PDF → cleaned page texts, with pdfminer.six layout analysis (default) or pypdfium2.

Reads: PDF bytes. Writes: :class:`PdfPages` — one cleaned string per page in reading order
(lines kept, blocks separated by a blank line, running headers/footers and page numbers
removed, ligatures repaired, line-end hyphenation resolved; see
:mod:`nlpkommun.ingest.pdf_layout`) and human-readable warnings (scanned pages, skipped
pages, limits hit).

Bad input raises a :class:`~nlpkommun.errors.PdfError` subclass within bounded time and
memory: :class:`PdfLimits` caps the input size, the pages read, the wall-clock seconds per
document (checked cooperatively between pages and every 512 content-stream objects) and
the size of every decompressed stream and of all of them together (Flate streams are
inflated incrementally, so a decompression bomb is stopped at the cap, not after it has
filled memory; LZW and RunLength streams likewise).

Content streams are read by :mod:`nlpkommun.ingest.pdf_content` (the same objects as
pdfminer's own content parser, from one regular expression), glyph boxes are computed
inline with pdfminer's arithmetic, and paths (lines, rectangles) are not built, since they
play no part in the text: on the Nacka corpus :func:`read_pdf` takes about half the CPU
time of pdfminer's ``extract_text`` (``benchmarks/pdf_throughput.py``).
"""

from __future__ import annotations

import logging
import time
import zlib
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field
from io import BytesIO
from typing import Any

from nlpkommun.errors import NotPdfError, PdfCorruptError, PdfEncryptedError, PdfError, PdfLimitError
from nlpkommun.ingest.pdf_layout import Block, Line, PageLayout, clean_pages, drop_rotated

__all__ = ["BACKENDS", "PdfLimits", "PdfPages", "read_pdf"]

BACKENDS = ("pdfminer", "pdfium")


@dataclass
class PdfLimits:
    """Resource limits for reading one PDF."""

    max_pages: int = 2000  # pages beyond this are skipped, with a warning
    max_seconds: float = 120.0  # wall clock per document → PdfLimitError
    max_bytes: int = 500 * 1024 * 1024  # input size → PdfLimitError
    max_stream_bytes: int = 256 * 1024 * 1024  # one decompressed stream → PdfLimitError
    max_total_stream_bytes: int = 1024 * 1024 * 1024  # all decompressed streams → PdfLimitError


@dataclass
class PdfPages:
    """Cleaned text of a PDF, one string per page, plus warnings."""

    pages: list[str]
    warnings: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- guard


class Guard:
    """Deadline and decompression budget of one :func:`read_pdf` call."""

    def __init__(self, limits: PdfLimits) -> None:
        self.limits = limits
        self.deadline = time.monotonic() + limits.max_seconds
        self.stream_left = limits.max_total_stream_bytes
        self.tripped: PdfLimitError | None = None

    def trip(self, message: str) -> PdfLimitError:
        self.tripped = self.tripped or PdfLimitError(message)
        return self.tripped

    def check(self) -> None:
        """Raise :class:`PdfLimitError` once the deadline has passed (or a limit tripped)."""
        if self.tripped is not None:
            raise self.tripped
        if time.monotonic() > self.deadline:
            raise self.trip(f"reading the PDF took longer than {self.limits.max_seconds:g} s (PdfLimits.max_seconds)")

    def inflated(self, n: int) -> None:
        """Account for ``n`` decompressed bytes."""
        if n > self.limits.max_stream_bytes:
            raise self.trip(
                f"a stream inflates to more than {self.limits.max_stream_bytes} bytes "
                "(decompression bomb? PdfLimits.max_stream_bytes)"
            )
        self.stream_left -= n
        if self.stream_left < 0:
            raise self.trip(
                f"decompressed streams exceed {self.limits.max_total_stream_bytes} bytes in all "
                "(PdfLimits.max_total_stream_bytes)"
            )


_GUARD: ContextVar[Guard | None] = ContextVar("nlpkommun_pdf_guard", default=None)


class _BoundedDecompressObj:
    """zlib decompressobj that counts its output against the active guard."""

    def __init__(self, obj: Any, guard: Guard) -> None:
        self._obj = obj
        self._guard = guard
        self._out = 0

    def decompress(self, data: bytes, max_length: int = 0) -> bytes:
        self._guard.check()
        cap = self._guard.limits.max_stream_bytes + 1 - self._out
        out = self._obj.decompress(data, min(max_length, cap) if max_length else cap)
        self._out += len(out)
        self._guard.inflated(len(out))
        if self._out > self._guard.limits.max_stream_bytes:
            raise self._guard.trip("decompression bomb")
        return out

    def __getattr__(self, name: str) -> Any:
        return getattr(self._obj, name)


class _BoundedZlib:
    """Stand-in for the ``zlib`` module inside pdfminer.pdftypes: while a :func:`read_pdf`
    call is active in this context, Flate streams inflate incrementally up to the caps;
    otherwise it behaves exactly like ``zlib``."""

    error = zlib.error

    def decompress(self, data: bytes, *args: Any, **kwargs: Any) -> bytes:
        guard = _GUARD.get()
        if guard is None:
            return zlib.decompress(data, *args, **kwargs)
        guard.check()
        d = zlib.decompressobj(*args, **kwargs)
        out = d.decompress(data, guard.limits.max_stream_bytes + 1)
        if len(out) > guard.limits.max_stream_bytes or d.unconsumed_tail:
            guard.inflated(guard.limits.max_stream_bytes + 1)  # raises
        if not d.eof:
            raise zlib.error("Error -5 while decompressing data: incomplete or truncated stream")
        guard.inflated(len(out))
        return out

    def decompressobj(self, *args: Any, **kwargs: Any) -> Any:
        obj = zlib.decompressobj(*args, **kwargs)
        guard = _GUARD.get()
        return obj if guard is None else _BoundedDecompressObj(obj, guard)

    def __getattr__(self, name: str) -> Any:
        return getattr(zlib, name)


def _bounded_lzwdecode(data: bytes) -> bytes:
    """pdfminer's LZW decoder, stopped at the stream cap and the deadline."""
    from pdfminer.lzw import LZWDecoder

    guard = _GUARD.get()
    if guard is None:
        return _LZW_ORIG(data)
    out: list[bytes] = []
    size = 0
    for i, chunk in enumerate(LZWDecoder(BytesIO(data)).run()):
        size += len(chunk)
        if size > guard.limits.max_stream_bytes:
            guard.inflated(size)  # raises
        if i % 4096 == 0:
            guard.check()
        out.append(chunk)
    guard.inflated(size)
    return b"".join(out)


def _runlength_size(data: bytes) -> int:
    """Decoded size of a RunLength stream, without decoding it."""
    size = i = 0
    n = len(data)
    while i < n:
        length = data[i]
        if length == 128:
            break
        if length < 128:
            size += length + 1
            i += length + 2
        else:
            size += 257 - length
            i += 2
    return size


def _bounded_rldecode(data: bytes) -> bytes:
    """pdfminer's RunLength decoder, refused beyond the stream cap."""
    guard = _GUARD.get()
    if guard is not None:
        guard.check()
        guard.inflated(_runlength_size(data))
    return _RL_ORIG(data)


_LZW_ORIG: Any = None
_RL_ORIG: Any = None


def _install_zlib_guard() -> None:
    """Route pdfminer's Flate, LZW and RunLength decoding through the guard (a no-op
    outside :func:`read_pdf`)."""
    global _LZW_ORIG, _RL_ORIG
    import pdfminer.pdftypes as pdftypes

    if not isinstance(pdftypes.zlib, _BoundedZlib):
        pdftypes.zlib = _BoundedZlib()  # type: ignore[assignment]
    if _LZW_ORIG is None:
        _LZW_ORIG, _RL_ORIG = pdftypes.lzwdecode, pdftypes.rldecode
        pdftypes.lzwdecode = _bounded_lzwdecode  # type: ignore[assignment]
        pdftypes.rldecode = _bounded_rldecode  # type: ignore[assignment]


# --------------------------------------------------------------------------- pdfminer backend


def _pdfminer_classes() -> tuple[type, type]:
    """Device and interpreter subclasses that consult the guard while a page is processed."""
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LTChar
    from pdfminer.pdffont import PDFUnicodeNotDefined

    from nlpkommun.ingest.pdf_content import FastContentInterpreter

    new_char = LTChar.__new__

    class GuardedDevice(PDFPageAggregator):
        guard: Guard
        strings = 0  # text-showing operations on the current page
        invisible = 0  # ... of which in render mode 3 (invisible: an OCR layer)

        def render_string(self, textstate: Any, *args: Any, **kwargs: Any) -> None:
            self.guard.check()
            self.strings += 1
            if textstate.render == 3:
                self.invisible += 1
            super().render_string(textstate, *args, **kwargs)

        def render_char(
            self, matrix: Any, font: Any, fontsize: Any, scaling: Any, rise: Any, cid: int, ncs: Any, gstate: Any
        ) -> float:
            """pdfminer's ``render_char`` for horizontal fonts with ``LTChar.__init__`` inlined:
            the same attributes from the same arithmetic, without four function calls a glyph."""
            if font.is_vertical():
                return super().render_char(matrix, font, fontsize, scaling, rise, cid, ncs, gstate)
            try:
                text = font.to_unichr(cid)
            except PDFUnicodeNotDefined:
                text = self.handle_undefined_char(font, cid)
            assert isinstance(text, str), str(type(text))  # as pdfminer
            item = new_char(LTChar)
            item._text = text
            item.matrix = matrix
            item.fontname = font.fontname
            item.ncs = ncs
            item.graphicstate = gstate
            item.adv = adv = font.char_width(cid) * fontsize * scaling
            descent = font.get_descent() * fontsize
            by0 = descent + rise
            by1 = descent + rise + fontsize
            a, b, c, d, e, f = matrix
            item.upright = a * d * scaling > 0 and b * c <= 0
            # apply_matrix_rect(matrix, (0, by0, adv, by1)), corner by corner
            left1, bottom1 = a * 0 + c * by0 + e, b * 0 + d * by0 + f
            right1, bottom2 = a * adv + c * by0 + e, b * adv + d * by0 + f
            right2, top1 = a * adv + c * by1 + e, b * adv + d * by1 + f
            left2, top2 = a * 0 + c * by1 + e, b * 0 + d * by1 + f
            item.x0 = x0 = min(left1, left2, right1, right2)
            item.y0 = y0 = min(bottom1, bottom2, top1, top2)
            item.x1 = x1 = max(left1, left2, right1, right2)
            item.y1 = y1 = max(bottom1, bottom2, top1, top2)
            item.width = x1 - x0
            item.height = item.size = y1 - y0
            item.bbox = (x0, y0, x1, y1)
            self.cur_item.add(item)
            return adv

        def paint_path(self, *args: Any, **kwargs: Any) -> None:
            # lines, rectangles and curves play no part in the text: not built at all
            self.guard.check()

        def begin_figure(self, *args: Any, **kwargs: Any) -> None:
            self.guard.check()
            super().begin_figure(*args, **kwargs)

        def render_image(self, *args: Any, **kwargs: Any) -> None:
            self.guard.check()
            super().render_image(*args, **kwargs)

    class GuardedInterpreter(FastContentInterpreter):
        # the content-stream loop calls check() every 512 objects: a stream of millions of
        # operators that draw nothing still meets the deadline
        def check(self) -> None:
            self.device.guard.check()

    return GuardedDevice, GuardedInterpreter


_CLASSES: tuple[type, type] | None = None


def _layout_of(ltpage: Any) -> PageLayout:
    """Convert a pdfminer LTPage into a backend-neutral :class:`PageLayout`."""
    from pdfminer.layout import LTChar, LTFigure, LTImage, LTTextBox

    x0, y0, x1, y1 = ltpage.bbox
    width, height = x1 - x0, y1 - y0
    page = PageLayout(width, height)
    image_area = 0.0
    rotated: list[Line] = []

    def walk(container: Any) -> None:
        nonlocal image_area
        for obj in container:
            if isinstance(obj, LTTextBox):
                lines = []
                for ln in obj:
                    line = Line(ln.get_text(), ln.x0 - x0, ln.y0 - y0, ln.x1 - x0, ln.y1 - y0)
                    first = next((c for c in ln if isinstance(c, LTChar)), None)
                    if first is not None and not first.upright:
                        rotated.append(line)
                    lines.append(line)
                if lines:
                    page.blocks.append(Block.of(lines))
            elif isinstance(obj, LTImage):
                w = max(0.0, min(obj.x1, x1) - max(obj.x0, x0))
                h = max(0.0, min(obj.y1, y1) - max(obj.y0, y0))
                image_area += w * h
            elif isinstance(obj, LTFigure):
                walk(obj)

    walk(ltpage)
    drop_rotated(page, rotated)
    if width > 0 and height > 0:
        page.image_cover = min(1.0, image_area / (width * height))
    return page


def _pdfminer_layouts(data: bytes, limits: PdfLimits, guard: Guard, warnings: list[str]) -> Iterator[PageLayout]:
    from pdfminer.layout import LAParams
    from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfinterp import PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import resolve1

    global _CLASSES
    if _CLASSES is None:
        _CLASSES = _pdfminer_classes()
    device_cls, interp_cls = _CLASSES
    try:
        doc = PDFDocument(PDFParser(BytesIO(data)), password="")
    except PDFPasswordIncorrect as exc:
        raise PdfEncryptedError("the PDF is password-protected") from exc
    except PDFEncryptionError as exc:
        raise PdfEncryptedError(f"the PDF uses an unsupported encryption: {exc}") from exc
    except PdfError:
        raise
    except MemoryError as exc:
        raise PdfLimitError("out of memory while opening the PDF") from exc
    except Exception as exc:  # pdfminer raises many types on damaged files
        raise PdfCorruptError(f"cannot open the PDF: {_describe(exc)}") from exc

    try:
        declared = int(resolve1(resolve1(doc.catalog.get("Pages"))["Count"]))
    except Exception:
        declared = None

    rsrc = PDFResourceManager(caching=True)
    # boxes_flow=None: pdfminer's hierarchical box grouping is skipped (it is the costly
    # part of extract_text); reading order is computed by pdf_layout.reading_order
    device = device_cls(rsrc, laparams=LAParams(boxes_flow=None, all_texts=True))
    device.guard = guard
    interp = interp_cls(rsrc, device)
    pages = PDFPage.create_pages(doc)
    n = 0
    while True:
        guard.check()
        try:
            page = next(pages)
        except StopIteration:
            break
        except PdfError:
            raise
        except Exception as exc:
            if n == 0:
                raise PdfCorruptError(f"no readable page tree: {_describe(exc)}") from exc
            warnings.append(f"the page tree is damaged after page {n}; the rest was skipped ({_describe(exc)})")
            break
        if n >= limits.max_pages:
            total = f"{declared} pages" if declared and declared > n else f"more than {n} pages"
            warnings.append(f"the PDF has {total}; only the first {n} were read (PdfLimits.max_pages)")
            break
        n += 1
        device.strings = device.invisible = 0
        try:
            interp.process_page(page)
            layout = _layout_of(device.get_result())
            layout.invisible_text = device.invisible / device.strings if device.strings else 0.0
        except PdfError:
            raise
        except MemoryError as exc:
            raise PdfLimitError(f"out of memory on page {n}") from exc
        except Exception as exc:
            guard.check()  # a limit error that pdfminer wrapped or swallowed
            layout = PageLayout(0.0, 0.0, error=_describe(exc))
        guard.check()
        yield layout
    if n == 0:
        raise PdfCorruptError("the PDF has no pages")


def _describe(exc: BaseException) -> str:
    msg = str(exc).strip()
    return f"{type(exc).__name__}: {msg[:200]}" if msg else type(exc).__name__


# --------------------------------------------------------------------------- public API


def read_pdf(data: bytes, *, backend: str = "pdfminer", limits: PdfLimits | None = None) -> PdfPages:
    """Read a PDF into cleaned page texts (see the module docstring).

    ``backend`` is "pdfminer" (default, pure Python) or "pdfium" (pypdfium2, much faster;
    ``pip install nlpkommun[pdfium]``). Raises :class:`~nlpkommun.errors.NotPdfError`,
    :class:`~nlpkommun.errors.PdfEncryptedError`, :class:`~nlpkommun.errors.PdfCorruptError`
    or :class:`~nlpkommun.errors.PdfLimitError`; a missing pypdfium2 raises
    :class:`~nlpkommun.errors.BackendNotInstalledError`.
    """
    if backend not in BACKENDS:
        raise ValueError(f"unknown PDF backend {backend!r}; choose one of {', '.join(BACKENDS)}")
    limits = limits or PdfLimits()
    if isinstance(data, bytearray | memoryview):
        data = bytes(data)
    if not data:
        raise NotPdfError("zero bytes: not a PDF")
    if len(data) > limits.max_bytes:
        raise PdfLimitError(f"the PDF is {len(data)} bytes, more than {limits.max_bytes} (PdfLimits.max_bytes)")
    if b"%PDF-" not in data[:1024]:
        raise NotPdfError("not a PDF (no %PDF- signature)")
    guard = Guard(limits)
    warnings: list[str] = []
    if backend == "pdfium":
        from nlpkommun.ingest.pdfium import pdfium_layouts

        layouts = list(pdfium_layouts(data, limits, guard, warnings))
    else:
        _install_zlib_guard()
        token = _GUARD.set(guard)
        try:
            layouts = list(_pdfminer_layouts(data, limits, guard, warnings))
        except RecursionError as exc:
            raise PdfCorruptError("the PDF nests objects too deeply") from exc
        finally:
            _GUARD.reset(token)
    pages, page_warnings = clean_pages(layouts)
    return PdfPages(pages, warnings + page_warnings)


def _quiet_pdfminer() -> None:
    """pdfminer logs a warning for every harmless irregularity; keep it quiet unless the
    application configured the logger itself."""
    log = logging.getLogger("pdfminer")
    if log.level == logging.NOTSET:
        log.setLevel(logging.ERROR)


_quiet_pdfminer()
