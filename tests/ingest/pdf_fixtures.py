"""PDFs built by the tests themselves: reportlab documents with a municipal layout, and
hand-written PDF files for the bad-input classes (no binary fixtures in the repository)."""

from __future__ import annotations

import io
import zlib
from pathlib import Path

import reportlab
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

FONT = "NkVera"
_VERA = Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"
if FONT not in pdfmetrics.getRegisteredFontNames():
    pdfmetrics.registerFont(TTFont(FONT, str(_VERA)))  # a TrueType font with ﬁ/ﬂ glyphs

W, H = A4
LEFT, RIGHT_COL, TEXT_WIDTH = 72.0, 330.0, 340.0
SIZE, LEADING = 11, 14

BODY_LINES = [  # hyphenated at line ends; justified to TEXT_WIDTH when drawn
    "Kommunstyrelsen föreslås ge utvecklingsledaren Peter Eng-",
    "berg i uppdrag att samordna arbetet mot alkohol-, narkotika-",
    "och dopningsmissbruk i hela stadsdelsområdet Hässelby-",
    "Vällingby samt att noggrant bevaka och följa den nya EU-",
    "kommissionens arbete under den nya planperioden 2019-",
    "2021 med ﬁnansiering från staten, regionen och ﬂera andra",
    "aktörer.",
]
BODY_CLEAN = (
    "Kommunstyrelsen föreslås ge utvecklingsledaren Peter Engberg i uppdrag att samordna arbetet mot "
    "alkohol-, narkotika- och dopningsmissbruk i hela stadsdelsområdet Hässelby-Vällingby samt att noggrant "
    "bevaka och följa den nya EU-kommissionens arbete under den nya planperioden 2019-2021 med finansiering "
    "från staten, regionen och flera andra\naktörer."
)


def _justified(c: canvas.Canvas, x: float, y: float, line: str, width: float, last: bool) -> None:
    """Draw a line stretched to ``width`` with word spacing, like justified body text."""
    t = c.beginText(x, y)
    t.setFont(FONT, SIZE)
    gaps = line.count(" ")
    if gaps and not last:
        natural = pdfmetrics.stringWidth(line, FONT, SIZE)
        t.setWordSpace((width - natural) / gaps)
    t.textLine(line)
    c.drawText(t)


def _running(c: canvas.Canvas, page: int, pages: int) -> None:
    c.setFont(FONT, 9)
    c.drawString(LEFT, H - 40, "TJÄNSTESKRIVELSE")
    c.drawString(LEFT, H - 52, "Dnr KFKS 2021/123")
    c.drawRightString(W - LEFT, H - 40, f"Sida {page} ({pages})")
    c.drawString(LEFT, 40, "Postadress: Box 123, 131 81 Nacka. Besöksadress: Stadshuset, Granitvägen 15")
    c.drawRightString(W - LEFT, 28, f"{page} ({pages})")


def _lines(c: canvas.Canvas, x: float, y: float, lines: list[str]) -> float:
    c.setFont(FONT, SIZE)
    for ln in lines:
        c.drawString(x, y, ln)
        y -= LEADING
    return y


def municipal_pdf() -> bytes:
    """Three pages: a two-column header block (Handläggare | Till) on page 1, running
    header/footer and page numbers on every page, justified hyphenated body text, and a
    two-column signature block on page 3."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    pages = 3
    # page 1
    _running(c, 1, pages)
    y = H - 110
    _lines(c, LEFT, y, ["Handläggare", "Anna Lindqvist", "Telefon 08-718 80 00"])
    _lines(c, RIGHT_COL, y, ["Till", "Kommunstyrelsen", "2021-05-20"])
    c.setFont(FONT, 16)
    c.drawString(LEFT, H - 200, "Uppdrag om förebyggande arbete")
    y = H - 240
    for i, ln in enumerate(BODY_LINES):
        _justified(c, LEFT, y, ln, TEXT_WIDTH, last=i == len(BODY_LINES) - 1)
        y -= LEADING
    c.showPage()
    # page 2
    _running(c, 2, pages)
    c.setFont(FONT, 13)
    c.drawString(LEFT, H - 110, "Ärendet")
    _lines(c, LEFT, H - 130, ["Ärendet har beretts av stadsledningskontoret i samråd", "med socialförvaltningen."])
    c.showPage()
    # page 3
    _running(c, 3, pages)
    _lines(c, LEFT, H - 110, ["Beslutet skickas till socialnämnden."])
    y = H - 200
    _lines(c, LEFT, y, ["Maria Svensson", "Kommundirektör"])
    _lines(c, RIGHT_COL, y, ["Erik Johansson", "Enhetschef"])
    c.showPage()
    c.save()
    return buf.getvalue()


MUNICIPAL_PAGES = [
    "TJÄNSTESKRIVELSE\nDnr KFKS 2021/123\n\n"
    "Handläggare\nAnna Lindqvist\nTelefon 08-718 80 00\n\n"
    "Till\nKommunstyrelsen\n2021-05-20\n\n"
    "Uppdrag om förebyggande arbete\n\n" + BODY_CLEAN,
    "Ärendet\n\nÄrendet har beretts av stadsledningskontoret i samråd\nmed socialförvaltningen.",
    "Beslutet skickas till socialnämnden.\n\nMaria Svensson\nKommundirektör\n\nErik Johansson\nEnhetschef",
]


def text_pages_pdf(texts: list[str], **canvas_kwargs: object) -> bytes:
    """One short text line per page."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, **canvas_kwargs)
    for text in texts:
        c.setFont(FONT, SIZE)
        if text:
            c.drawString(LEFT, H - 100, text)
        c.showPage()
    c.save()
    return buf.getvalue()


OCR_TEXTS = ["Kommunstyrelsen beslutar", "Protokollet justeras"]


def scanned_pdf(text_first_page: bool = False, ocr_layer: bool = False) -> bytes:
    """Pages that are only a full-page image (like a scan), optionally preceded by a text
    page, optionally with an invisible OCR text layer (render mode 3) over each image."""
    from PIL import Image
    from reportlab.lib.utils import ImageReader

    img = Image.new("L", (200, 280), 255)
    for x in range(20, 180):
        for y in range(30, 34):
            img.putpixel((x, y), 0)  # a "line of print"
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    if text_first_page:
        c.setFont(FONT, SIZE)
        c.drawString(LEFT, H - 100, "Protokollsutdrag")
        c.showPage()
    for i in range(2):
        c.drawImage(ImageReader(img), 0, 0, width=W, height=H)
        if ocr_layer:
            t = c.beginText(LEFT, H - 100)
            t.setTextRenderMode(3)
            t.setFont(FONT, SIZE)
            t.textLine(OCR_TEXTS[i])
            c.drawText(t)
        c.showPage()
    c.save()
    return buf.getvalue()


def raw_pdf(objects: list[bytes], root: int = 1) -> bytes:
    """Assemble a PDF from object bodies (object i+1 = objects[i]) with a correct xref."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % i + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, xref))
    return out.getvalue()


def _stream(data: bytes, flate: bool = True) -> bytes:
    if flate:
        data = zlib.compress(data, 9)
        return b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream"
    return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


_FONT_OBJ = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"


def one_page_raw(content: bytes, flate: bool = True, count: int = 1) -> bytes:
    """A one-page PDF with the given content stream; ``count`` is what /Pages claims."""
    return raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count %d >>" % count,
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            _stream(content, flate),
            _FONT_OBJ,
        ]
    )


def bomb_pdf(inflated_bytes: int) -> bytes:
    """A page whose Flate content stream inflates to ``inflated_bytes`` (mostly spaces)."""
    content = b"BT /F1 12 Tf 72 700 Td (Hej) Tj ET" + b" " * inflated_bytes
    return one_page_raw(content)


def cyclic_pages_pdf() -> bytes:
    """A page tree whose /Kids point back to itself."""
    return raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            _stream(b"BT /F1 12 Tf 72 700 Td (Sida ett) Tj ET"),
            _FONT_OBJ,
        ]
    )


def lzw_encode(data: bytes, codes_per_table: int = 250) -> bytes:
    """PDF LZWDecode encoder with 9-bit codes only (the table is cleared before it grows
    past 511 entries)."""
    codes = [256]
    i = 0
    while i < len(data):
        table = {bytes([c]): c for c in range(256)}
        nxt, count, w = 258, 0, b""
        while i < len(data) and count < codes_per_table:
            c = data[i : i + 1]
            if w + c in table:
                w += c
            else:
                codes.append(table[w])
                count += 1
                table[w + c] = nxt
                nxt += 1
                w = c
            i += 1
        if w:
            codes.append(table[w])
        codes.append(256)
    codes.append(257)
    acc = nbits = 0
    out = bytearray()
    for code in codes:
        acc = (acc << 9) | code
        nbits += 9
        while nbits >= 8:
            nbits -= 8
            out.append((acc >> nbits) & 0xFF)
    if nbits:
        out.append((acc << (8 - nbits)) & 0xFF)
    return bytes(out)


def filtered_page_pdf(stream_data: bytes, filter_name: bytes) -> bytes:
    """A one-page PDF whose content stream is already encoded with ``filter_name``."""
    stream = b"<< /Length %d /Filter /%s >>\nstream\n" % (len(stream_data), filter_name) + stream_data + b"\nendstream"
    return raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            stream,
            _FONT_OBJ,
        ]
    )


HELLO = b"BT /F1 12 Tf 72 700 Td (Hej) Tj ET "


def runlength_encode_spaces(prefix: bytes, n_spaces: int) -> bytes:
    """RunLength data: ``prefix`` literally, then ``n_spaces`` spaces as 128-byte runs."""
    out = bytearray()
    for k in range(0, len(prefix), 128):
        chunk = prefix[k : k + 128]
        out += bytes([len(chunk) - 1]) + chunk
    out += bytes([129, 32]) * (n_spaces // 128) + b"\x80"
    return bytes(out)
