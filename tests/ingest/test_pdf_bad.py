"""Bad PDFs: every class gives a typed error (or a warning) within bounded time."""

from __future__ import annotations

import sys
import time
import zlib

import pytest
from reportlab.lib import pdfencrypt

from nlpkommun.errors import (
    BackendNotInstalledError,
    InputError,
    NotPdfError,
    PdfCorruptError,
    PdfEncryptedError,
    PdfError,
    PdfLimitError,
)
from nlpkommun.ingest.pdf import PdfLimits, read_pdf
from tests.ingest.pdf_fixtures import (
    bomb_pdf,
    cyclic_pages_pdf,
    municipal_pdf,
    one_page_raw,
    raw_pdf,
    text_pages_pdf,
)

BACKENDS = ["pdfminer", "pdfium"]


@pytest.fixture(scope="module")
def good() -> bytes:
    return municipal_pdf()


def test_pdf_errors_are_input_errors() -> None:
    for cls in (NotPdfError, PdfCorruptError, PdfEncryptedError, PdfLimitError):
        assert issubclass(cls, PdfError) and issubclass(cls, InputError)


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    "data",
    [b"", b"Protokoll fr\xc3\xa5n kommunstyrelsen\n", b"\x89PNG\r\n\x1a\n" + bytes(64), b"PK\x03\x04docx"],
    ids=["zero-bytes", "text", "png", "zip"],
)
def test_not_a_pdf(data: bytes, backend: str) -> None:
    with pytest.raises(NotPdfError):
        read_pdf(data, backend=backend)


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("fraction", [0.1, 0.5, 0.9])
def test_truncated(good: bytes, fraction: float, backend: str) -> None:
    with pytest.raises(PdfCorruptError):
        read_pdf(good[: int(len(good) * fraction)], backend=backend)


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    "data",
    [b"%PDF-1.7\n", b"%PDF-1.4\n" + bytes(range(256)) * 40, b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog"],
    ids=["header-only", "garbage", "unterminated"],
)
def test_corrupt(data: bytes, backend: str) -> None:
    with pytest.raises(PdfCorruptError):
        read_pdf(data, backend=backend)


def test_missing_xref_is_recovered_or_typed(good: bytes) -> None:
    """Without its xref table a PDF is either rebuilt (pdfium) or refused with a typed error."""
    damaged = good[: good.rindex(b"xref")]
    assert read_pdf(damaged, backend="pdfium").pages[2].endswith("Enhetschef")
    with pytest.raises(PdfCorruptError):
        read_pdf(damaged, backend="pdfminer")


@pytest.mark.parametrize("backend", BACKENDS)
def test_password_protected(backend: str) -> None:
    enc = pdfencrypt.StandardEncryption("losenord", ownerPassword="agare")
    with pytest.raises(PdfEncryptedError, match="password"):
        read_pdf(text_pages_pdf(["Hemligt"], encrypt=enc), backend=backend)


@pytest.mark.parametrize("backend", BACKENDS)
def test_decompression_bomb_stopped_at_cap(backend: str) -> None:
    data = bomb_pdf(40_000_000)  # 40 MB of content from a ~40 kB stream
    assert len(data) < 100_000
    t0 = time.monotonic()
    with pytest.raises(PdfLimitError, match="max_stream_bytes"):
        read_pdf(data, backend=backend, limits=PdfLimits(max_stream_bytes=2_000_000))
    assert time.monotonic() - t0 < 5


def test_decompression_total_budget() -> None:
    with pytest.raises(PdfLimitError, match="max_total_stream_bytes"):
        read_pdf(bomb_pdf(3_000_000), limits=PdfLimits(max_total_stream_bytes=1_000_000))


def test_corrupted_bomb_is_bounded_by_time() -> None:
    """A damaged Flate stream sends pdfminer down its byte-by-byte (quadratic) recovery path;
    the guard's deadline still stops it."""
    packed = zlib.compress(b"BT /F1 12 Tf 72 700 Td (Hej) Tj ET" + b" " * 30_000_000, 9)[:-8]
    stream = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + b"\nendstream"
    data = raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
            stream,
        ]
    )
    t0 = time.monotonic()
    with pytest.raises(PdfLimitError):
        read_pdf(data, limits=PdfLimits(max_seconds=1.0))
    assert time.monotonic() - t0 < 6


def test_deadline_inside_one_huge_page() -> None:
    """The deadline is checked between content-stream operators, not only between pages."""
    data = one_page_raw(b"q Q " * 1_500_000 + b"BT /F1 12 Tf 72 700 Td (Hej) Tj ET")
    t0 = time.monotonic()
    with pytest.raises(PdfLimitError, match="max_seconds"):
        read_pdf(data, limits=PdfLimits(max_seconds=0.3))
    assert time.monotonic() - t0 < 3


@pytest.mark.parametrize("backend", BACKENDS)
def test_deadline_already_passed(good: bytes, backend: str) -> None:
    with pytest.raises(PdfLimitError, match="max_seconds"):
        read_pdf(good, backend=backend, limits=PdfLimits(max_seconds=0.0))


@pytest.mark.parametrize("backend", BACKENDS)
def test_input_size_limit(good: bytes, backend: str) -> None:
    with pytest.raises(PdfLimitError, match="max_bytes"):
        read_pdf(good, backend=backend, limits=PdfLimits(max_bytes=1000))


@pytest.mark.parametrize("backend", BACKENDS)
def test_absurd_declared_page_count(backend: str) -> None:
    result = read_pdf(one_page_raw(b"BT /F1 12 Tf 72 700 Td (Hej) Tj ET", count=10**9), backend=backend)
    assert result.pages == ["Hej"]


@pytest.mark.parametrize("backend", BACKENDS)
def test_cyclic_page_tree_terminates(backend: str) -> None:
    result = read_pdf(cyclic_pages_pdf(), backend=backend)
    assert result.pages[0] == "Sida ett"


def test_unknown_backend() -> None:
    with pytest.raises(ValueError, match="pdfminer, pdfium"):
        read_pdf(b"%PDF-1.4\n", backend="poppler")


def test_missing_pypdfium2_names_the_extra(good: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pypdfium2", None)  # makes "import pypdfium2" fail
    with pytest.raises(BackendNotInstalledError, match=r"pip install nlpkommun\[pdfium\]"):
        read_pdf(good, backend="pdfium")


def test_zlib_guard_is_inactive_outside_read_pdf() -> None:
    import pdfminer.pdftypes as pdftypes

    read_pdf(text_pages_pdf(["x"]))  # installs the guard
    big = zlib.compress(b"a" * 3_000_000)
    assert len(pdftypes.zlib.decompress(big)) == 3_000_000
    with pytest.raises(zlib.error):
        pdftypes.zlib.decompress(big[:-10])


@pytest.mark.parametrize("backend", BACKENDS)
def test_random_damage_gives_text_or_typed_error(good: bytes, backend: str) -> None:
    """Byte flips, cuts, zeroed and duplicated ranges: never an untyped exception or a hang."""
    import random

    rng = random.Random(20260123)
    outcomes = set()
    for _ in range(40):
        data = bytearray(good)
        mode = rng.choice(["flip", "cut", "zero", "dup"])
        if mode == "flip":
            for _ in range(rng.randint(1, 40)):
                data[rng.randrange(len(data))] = rng.randrange(256)
        elif mode == "cut":
            data = data[: rng.randrange(9, len(data))]
        elif mode == "zero":
            a = rng.randrange(len(data))
            data[a : a + 2000] = bytes(len(data[a : a + 2000]))
        else:
            a, b = rng.randrange(len(data)), rng.randrange(len(data))
            data[a:a] = data[b : b + 1000]
        try:
            result = read_pdf(bytes(data), backend=backend, limits=PdfLimits(max_seconds=10))
            outcomes.add("text" if any(result.pages) else "empty")
        except PdfError as exc:
            outcomes.add(type(exc).__name__)
    assert "text" in outcomes and "PdfCorruptError" in outcomes


def test_lzw_and_runlength_streams_decode_and_are_capped() -> None:
    from tests.ingest.pdf_fixtures import HELLO, filtered_page_pdf, lzw_encode, runlength_encode_spaces

    lzw_small = filtered_page_pdf(lzw_encode(HELLO + b" " * 10_000), b"LZWDecode")
    rl_small = filtered_page_pdf(runlength_encode_spaces(HELLO, 10_000), b"RunLengthDecode")
    assert read_pdf(lzw_small).pages == ["Hej"]
    assert read_pdf(rl_small).pages == ["Hej"]
    lzw_bomb = filtered_page_pdf(lzw_encode(HELLO + b" " * 3_000_000), b"LZWDecode")
    rl_bomb = filtered_page_pdf(runlength_encode_spaces(HELLO, 3_000_000), b"RunLengthDecode")
    assert len(lzw_bomb) < 60_000 and len(rl_bomb) < 60_000
    for bomb in (lzw_bomb, rl_bomb):
        with pytest.raises(PdfLimitError, match="max_stream_bytes"):
            read_pdf(bomb, limits=PdfLimits(max_stream_bytes=1_000_000))
