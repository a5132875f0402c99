"""End-to-end PDF reading on PDFs the tests build: exact cleaned text for both backends."""

from __future__ import annotations

import pytest

from nlpkommun.ingest.pdf import PdfLimits, read_pdf
from tests.ingest.pdf_fixtures import MUNICIPAL_PAGES, OCR_TEXTS, municipal_pdf, scanned_pdf, text_pages_pdf

BACKENDS = ["pdfminer", "pdfium"]


@pytest.fixture(scope="module")
def municipal() -> bytes:
    return municipal_pdf()


@pytest.mark.parametrize("backend", BACKENDS)
def test_municipal_document_exact_text(municipal: bytes, backend: str) -> None:
    result = read_pdf(municipal, backend=backend)
    assert result.warnings == []
    assert result.pages == MUNICIPAL_PAGES


@pytest.mark.parametrize("backend", BACKENDS)
def test_header_block_columns_are_not_interleaved(municipal: bytes, backend: str) -> None:
    page1 = read_pdf(municipal, backend=backend).pages[0]
    assert "Handläggare\nAnna Lindqvist\nTelefon 08-718 80 00\n\nTill\nKommunstyrelsen\n2021-05-20" in page1
    assert "Handläggare Till" not in page1 and "Handläggare\nTill" not in page1


@pytest.mark.parametrize("backend", BACKENDS)
def test_running_header_footer_and_page_numbers_removed(municipal: bytes, backend: str) -> None:
    pages = read_pdf(municipal, backend=backend).pages
    joined = "\n".join(pages)
    assert "Sida" not in joined and "(3)" not in joined
    assert "Postadress" not in joined
    # the letterhead survives where it first appears (page 1) only
    assert joined.count("TJÄNSTESKRIVELSE") == 1 and pages[0].startswith("TJÄNSTESKRIVELSE")


def test_ingest_joins_pages_with_formfeed_and_normalises(municipal: bytes) -> None:
    from nlpkommun.ingest import ingest

    doc = ingest(municipal)
    assert doc.pages == 3
    assert "Peter Engberg" in doc.text
    assert "Hässelby-Vällingby" in doc.text
    assert "alkohol-, narkotika- och dopningsmissbruk" in doc.text
    assert doc.page_of(doc.text.index("Erik Johansson")) == 3


@pytest.mark.parametrize("backend", BACKENDS)
def test_scanned_pdf_warns_instead_of_silent_empty_text(backend: str) -> None:
    result = read_pdf(scanned_pdf(), backend=backend)
    assert result.pages == ["", ""]
    assert len(result.warnings) == 1 and "no text layer on any of the 2 page(s)" in result.warnings[0]


@pytest.mark.parametrize("backend", BACKENDS)
def test_partly_scanned_pdf_names_the_pages(backend: str) -> None:
    result = read_pdf(scanned_pdf(text_first_page=True), backend=backend)
    assert result.pages == ["Protokollsutdrag", "", ""]
    assert result.warnings == ["page(s) 2-3 have no text layer (scanned images?); their text is missing"]


@pytest.mark.parametrize("backend", BACKENDS)
def test_scan_with_ocr_layer_keeps_text_and_warns(backend: str) -> None:
    result = read_pdf(scanned_pdf(ocr_layer=True), backend=backend)
    assert result.pages == OCR_TEXTS
    assert result.warnings == [
        "page(s) 1-2 are scanned images with an OCR text layer; the text may contain recognition errors"
    ]


@pytest.mark.parametrize("backend", BACKENDS)
def test_max_pages_truncates_with_warning(backend: str) -> None:
    data = text_pages_pdf([f"Rad på sida {i}" for i in range(1, 13)])
    result = read_pdf(data, backend=backend, limits=PdfLimits(max_pages=5))
    assert result.pages == [f"Rad på sida {i}" for i in range(1, 6)]
    assert len(result.warnings) == 1 and "12 pages; only the first 5" in result.warnings[0]


@pytest.mark.parametrize("backend", BACKENDS)
def test_blank_pages_give_empty_strings_and_a_warning(backend: str) -> None:
    result = read_pdf(text_pages_pdf(["", ""]), backend=backend)
    assert result.pages == ["", ""]
    assert result.warnings == ["the PDF has 2 page(s) but no extractable text"]


def test_empty_user_password_pdf_is_readable() -> None:
    from reportlab.lib import pdfencrypt

    enc = pdfencrypt.StandardEncryption("", ownerPassword="hemligt", canPrint=1, canCopy=0)
    data = text_pages_pdf(["Kommunfullmäktige"], encrypt=enc)
    assert read_pdf(data).pages == ["Kommunfullmäktige"]


@pytest.mark.parametrize("backend", BACKENDS)
def test_leading_junk_before_signature_is_tolerated(municipal: bytes, backend: str) -> None:
    """Some archives store PDFs behind a stray HTTP header; %PDF- within 1 kB still counts."""
    result = read_pdf(b"HTTP/1.1 200 OK\r\n\r\n" + municipal, backend=backend)
    assert result.pages == MUNICIPAL_PAGES


@pytest.mark.parametrize("backend", BACKENDS)
def test_rotated_margin_text_is_dropped(backend: str) -> None:
    """Text turned 90° in the margin would come out one letter per line; it is left out."""
    import io

    from reportlab.pdfgen import canvas

    from tests.ingest.pdf_fixtures import FONT, LEFT, H

    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.setFont(FONT, 11)
    for i, line in enumerate(["Kommunstyrelsen beslutar att anta planen.", "Beslutet gäller från i dag.", "Slut."]):
        c.drawString(LEFT, H - 120 - 14 * i, line)
    c.saveState()
    c.translate(30, 300)
    c.rotate(90)
    c.drawString(0, 0, "Inledning")
    c.restoreState()
    c.showPage()
    c.setFont(FONT, 11)  # page 2: nothing but rotated text
    c.translate(300, 300)
    c.rotate(90)
    for i in range(6):
        c.drawString(0, -14 * i, f"Rad {i} i en tabell som ligger på tvären över sidan")
    c.showPage()
    c.save()
    result = read_pdf(buf.getvalue(), backend=backend)
    assert result.pages == ["Kommunstyrelsen beslutar att anta planen.\nBeslutet gäller från i dag.\nSlut.", ""]
    assert result.warnings == ["page(s) 2: most text is rotated 90° and was left out (it cannot be read in order)"]


def test_glyphs_are_built_as_pdfminer_builds_them(municipal: bytes) -> None:
    """The device's inlined ``render_char`` gives every LTChar exactly the attributes that
    pdfminer's own ``LTChar(...)`` computes (float for float), on a real document and a
    rotated page."""
    from pdfminer.layout import LTChar
    from pdfminer.pdffont import PDFUnicodeNotDefined

    from nlpkommun.ingest import pdf as pdf_module

    device_cls, interp_cls = pdf_module._pdfminer_classes()
    fast = device_cls.render_char
    seen = []

    class Checking(device_cls):  # type: ignore[misc, valid-type]
        def render_char(self, matrix, font, fontsize, scaling, rise, cid, ncs, gstate):  # type: ignore[no-untyped-def]
            adv = fast(self, matrix, font, fontsize, scaling, rise, cid, ncs, gstate)
            try:
                text = font.to_unichr(cid)
            except PDFUnicodeNotDefined:
                text = self.handle_undefined_char(font, cid)
            width, disp = font.char_width(cid), font.char_disp(cid)
            ref = LTChar(matrix, font, fontsize, scaling, rise, text, width, disp, ncs, gstate)
            ours = self.cur_item._objs[-1]
            seen.append(({k: repr(v) for k, v in vars(ours).items()}, {k: repr(v) for k, v in vars(ref).items()}))
            return adv

    saved = pdf_module._CLASSES
    pdf_module._CLASSES = (Checking, interp_cls)
    try:
        read_pdf(municipal)
        read_pdf(_rotated_and_scaled_pdf())
    finally:
        pdf_module._CLASSES = saved
    assert len(seen) > 500
    assert all(ours == ref for ours, ref in seen)


def _rotated_and_scaled_pdf() -> bytes:
    """Text turned 90° and 180°, mirrored and stretched: glyph boxes from every matrix sign."""
    import io

    from reportlab.pdfgen import canvas

    from tests.ingest.pdf_fixtures import FONT

    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.setFont(FONT, 11)
    for angle, scale in ((0, (1, 1)), (90, (1, 1)), (180, (1.5, 0.7)), (270, (-1, 1)), (33, (1, -2))):
        c.saveState()
        c.translate(300, 400)
        c.rotate(angle)
        c.scale(*scale)
        c.drawString(10, 10, "Kommunstyrelsen ﬁnansierar")
        c.restoreState()
    text = c.beginText(72, 100)
    text.setFont(FONT, 9)
    text.setHorizScale(80)
    text.setRise(2)
    text.textLine("Smal text")
    c.drawText(text)
    c.showPage()
    c.save()
    return buf.getvalue()
