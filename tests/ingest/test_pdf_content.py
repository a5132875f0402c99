"""The fast content-stream reader yields what pdfminer's content parser yields."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
from pdfminer.pdfinterp import PDFContentParser
from pdfminer.pdftypes import PDFStream
from pdfminer.psparser import KWD, LIT, PSEOF, PSKeyword, PSLiteral

from nlpkommun.ingest.pdf import read_pdf
from nlpkommun.ingest.pdf_content import content_objects
from tests.ingest.pdf_fixtures import one_page_raw

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "nacka"


def same(a: Any, b: Any) -> bool:
    """Structural equality with identity for pdfminer's interned literals and keywords."""
    if type(a) is not type(b):
        return False
    if isinstance(a, PSLiteral | PSKeyword):
        return a is b
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, PDFStream):
        return same(a.attrs, b.attrs) and a.get_rawdata() == b.get_rawdata()
    return a == b


def pdfminer_objects(data: bytes) -> tuple[list[Any], str | None]:
    out: list[Any] = []
    parser = PDFContentParser([PDFStream({}, data)])
    while True:
        try:
            out.append(parser.nextobject()[1])
        except PSEOF:
            return out, None
        except Exception as exc:  # noqa: BLE001 - compared with ours
            return out, type(exc).__name__


def fast_objects(data: bytes) -> tuple[list[Any], str | None]:
    out: list[Any] = []
    try:
        out.extend(content_objects(data))
    except Exception as exc:  # noqa: BLE001 - compared with pdfminer's
        return out, type(exc).__name__
    return out, None


def test_tokens_and_values() -> None:
    data = (
        b"BT /F1 12 Tf -.5 +3 1.25 Td (a\\(b\\)c \\101\\7x \\q) Tj <41 42 4> Tj "
        b"[(A) -12 (B)] TJ /Na#41me /A#/B << /K [1 2] /N null >> true false % note\n T* ET"
    )
    objs = list(content_objects(data))
    expected = [
        KWD(b"BT"), LIT("F1"), 12, KWD(b"Tf"), -0.5, 3, 1.25, KWD(b"Td"),
        b"a(b)c A\x07x ", KWD(b"Tj"), b"AB\x04", KWD(b"Tj"), [b"A", -12, b"B"], KWD(b"TJ"),
        LIT("NaAme"), LIT("A"), LIT("B"), {"K": [1, 2], "N": KWD(b"null")}, True, False, KWD(b"T*"), KWD(b"ET"),
    ]  # fmt: skip
    assert len(objs) == len(expected)
    assert all(same(a, b) for a, b in zip(objs, expected, strict=True)), objs


def test_inline_image_and_pdfminer_quirks() -> None:
    objs = list(content_objects(b"q BI /W 2 /H 1 /BPC 8 /CS /G ID \x00\xff EI Q > ) (unterminated"))
    assert objs[0] is KWD(b"q")
    # as in pdfminer, the data keeps the space before EI
    assert isinstance(objs[1], PDFStream) and objs[1].get_rawdata() == b"\x00\xff "
    assert objs[1].attrs == {"W": 2, "H": 1, "BPC": 8, "CS": LIT("G")}
    # EI, Q; a lone ">" is dropped, ")" is a one-byte keyword, an unterminated string is lost
    assert objs[2:] == [KWD(b"EI"), KWD(b"Q"), KWD(b")")]


PIECES = [
    b"BT", b"ET", b"/F1", b"12", b"Tf", b"(Hello) Tj", b"[(A) -12 (B)] TJ", b"<414243> Tj", b"<4142 4> Tj",
    b"<< /A 1 /B [1 2] >>", b"q", b"Q", b"1 0 0 1 50 50 cm", b"T*", b"'", b'"', b"(a\\(b\\)c) Tj",
    b"(\\101\\7x) Tj", b"(\\q\\n\\r\\t) Tj", b"(nested (paren) s) Tj", b"%comment\n", b"/Na#41me", b"/A#/B",
    b"-.5", b"+3", b"1.2.3", b"--4", b"true", b"false", b"{ 1 2 add }", b"\x00", b"\x80\xff",
    b"BI /W 2 /H 2 /BPC 8 /CS /G ID \x00\x01\x02\x03 EI", b">", b">>", b"<<", b"<", b"[", b"]",
    b"(unterminated", b"<41", b"\\", b"(\\\r\nx)", b"(\\", b"#", b"/", b"1e5", b"0.", b".", b"-", b"/\xc3\xa5",
]  # fmt: skip


def test_same_objects_as_pdfminer_on_random_streams() -> None:
    """Random well- and ill-formed content (tokens glued, bytes inserted) gives the same
    objects and the same failures as pdfminer's own parser."""
    rng = random.Random(7)
    for case in range(3000):
        data = b" ".join(rng.choice(PIECES) for _ in range(rng.randint(1, 25)))
        if rng.random() < 0.5:
            buf = bytearray(data)
            for _ in range(rng.randint(1, 4)):
                i = rng.randrange(len(buf) + 1)
                buf[i:i] = bytes([rng.randrange(256)])
            data = bytes(buf)
        if rng.random() < 0.3:
            data = data.replace(b" ", b"", rng.randint(1, 5))
        ours, ours_error = fast_objects(data)
        theirs, their_error = pdfminer_objects(data)
        assert ours_error == their_error, (case, data)
        assert len(ours) == len(theirs) and all(same(a, b) for a, b in zip(ours, theirs, strict=True)), (case, data)


def test_page_text_is_read_through_the_fast_reader() -> None:
    content = b"BT /F1 12 Tf 72 700 Td (Protokoll) Tj ET q 0 0 100 100 re f Q BT /F1 12 Tf 72 650 Td (Hej) Tj ET"
    data = one_page_raw(content)
    text = "\n".join(read_pdf(data).pages)
    assert "Protokoll" in text and "Hej" in text


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus/nacka is absent")
def test_same_objects_as_pdfminer_on_corpus_pages() -> None:
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    checked = 0
    for path in sorted(CORPUS.glob("*.pdf"))[:6]:
        with path.open("rb") as f:
            doc = PDFDocument(PDFParser(f))
            for page in list(PDFPage.create_pages(doc))[:3]:
                for stream in page.contents:
                    data = stream.resolve().get_data() if hasattr(stream, "resolve") else stream.get_data()
                    ours, ours_error = fast_objects(data)
                    theirs, their_error = pdfminer_objects(data)
                    assert ours_error == their_error
                    assert len(ours) == len(theirs) and all(same(a, b) for a, b in zip(ours, theirs, strict=True))
                    checked += 1
    assert checked >= 10
