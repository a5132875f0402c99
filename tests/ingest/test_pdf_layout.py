"""Unit tests of the backend-neutral layout cleanup (nlpkommun.ingest.pdf_layout)."""

from __future__ import annotations

import pytest

from nlpkommun.ingest.pdf_layout import (
    Block,
    Line,
    PageLayout,
    clean_pages,
    group_lines,
    is_page_number,
    join_hyphenated,
    reading_order,
    repair_chars,
    strip_page_number,
)

A4_H = 842.0


@pytest.mark.parametrize(
    ("line", "nxt", "joined"),
    [
        ("ge Peter Eng-", "berg i uppdrag", "ge Peter Engberg i uppdrag"),
        ("alkohol-, narkotika-", "och dopningsfrågor", "alkohol-, narkotika- och dopningsfrågor"),
        ("för-", "eller grundskola", "för- eller grundskola"),
        ("stadsdelsområdet Hässelby-", "Vällingby har", "stadsdelsområdet Hässelby-Vällingby har"),
        ("den nya EU-", "kommissionen", "den nya EU-kommissionen"),
        ("skoladministrativt IT-", "stöd", "skoladministrativt IT-stöd"),
        ("perioden 2019-", "2021 med", "perioden 2019-2021 med"),
        ("via e-", "post", "via e-post"),
        ("Stockholms-", "Uppsala", "Stockholms-Uppsala"),
        ("kommun-", "styrelsen beslutar", "kommunstyrelsen beslutar"),
    ],
)
def test_join_hyphenated(line: str, nxt: str, joined: str) -> None:
    assert join_hyphenated(line, nxt) == joined


@pytest.mark.parametrize(
    ("line", "nxt"),
    [("ett stycke utan bindestreck", "nästa rad"), ("kl 9.00 -", "9.55"), ("tankstreck --", "mer"), ("x-", "")],
)
def test_join_hyphenated_declines(line: str, nxt: str) -> None:
    assert join_hyphenated(line, nxt) is None


@pytest.mark.parametrize(
    "text", ["3", "Sida 2 (5)", "2 (13)", "100 (131", "sida 4 av 9", "4/9", "- 7 -", "Page 3 of 8"]
)
def test_page_numbers(text: str) -> None:
    assert is_page_number(text)


@pytest.mark.parametrize("text", ["2021/123", "9 (3)", "§ 12", "KFKS 2019/475", "2019-05-13", "Sida"])
def test_not_page_numbers(text: str) -> None:
    assert not is_page_number(text)


def test_strip_trailing_page_number() -> None:
    assert strip_page_number("Tjänsteskrivelse Sida 2 (5)") == "Tjänsteskrivelse"
    assert strip_page_number("Dnr KFKS 2021/123") == "Dnr KFKS 2021/123"
    assert strip_page_number("se sida 4") == "se sida 4"


def test_repair_chars() -> None:
    assert repair_chars("ﬁnansiering  och\u00a0ﬂera\u200b  ") == "finansiering och flera"
    assert repair_chars("avstäm\xad") == "avstäm-"


def _line(text: str, x0: float, y1: float, width: float | None = None, size: float = 10.0) -> Line:
    return Line(text, x0, y1 - size, x0 + (width if width is not None else 5.0 * len(text)), y1)


def _block(x0: float, y1: float, *texts: str, leading: float = 12.0, width: float | None = None) -> Block:
    return Block.of([_line(t, x0, y1 - i * leading, width) for i, t in enumerate(texts)])


def _texts(blocks: list[Block]) -> list[str]:
    return [b.lines[0].text for b in blocks]


def test_reading_order_two_text_columns_with_aligned_paragraph_gaps() -> None:
    title = Block.of([_line("Rubrik över båda spalterna", 70, 780, width=450)])
    left = [_block(70, 740, "V1", "v", "v", "v", width=200), _block(70, 680, "V2", "v", "v", width=200)]
    right = [_block(320, 740, "H1", "h", "h", "h", width=200), _block(320, 680, "H2", "h", "h", width=200)]
    footer_note = Block.of([_line("Not under spalterna", 70, 600, width=450)])
    order = reading_order([right[1], footer_note, left[1], title, right[0], left[0]])
    assert _texts(order) == ["Rubrik över båda spalterna", "V1", "V2", "H1", "H2", "Not under spalterna"]


def test_reading_order_label_value_rows_stay_paired() -> None:
    blocks = [
        _block(90, 700, "Plats och tid"),
        _block(180, 700, "Stadshuset kl 9.00"),
        _block(90, 670, "Justeringsdatum"),
        _block(180, 670, "8 februari 2018"),
    ]
    assert _texts(reading_order(blocks[::-1])) == [
        "Plats och tid",
        "Stadshuset kl 9.00",
        "Justeringsdatum",
        "8 februari 2018",
    ]


def test_reading_order_form_columns_are_not_text_columns() -> None:
    labels = _block(85, 658, "Sammanträdesdatum", "Anslaget sätts upp", "Anslaget tas ned", "Förvaring")
    values = _block(281, 658, "6 februari", "9 februari", "5 mars", "Stadshuset")
    below = [_block(85, 584, "Underskrift"), _block(281, 584, "........", "Nämndsekreterare")]
    assert _texts(reading_order([below[1], values, below[0], labels])) == [
        "Sammanträdesdatum",
        "6 februari",
        "Underskrift",
        "........",
    ]


def test_reading_order_staggered_signatures_top_to_bottom() -> None:
    blocks = [
        _block(180, 390, "Sekreterare"),
        _block(259, 367, "Görel Petersson"),
        _block(180, 345, "Ordförande"),
        _block(259, 321, "Mats Gerdau"),
    ]
    assert _texts(reading_order(blocks[::-1])) == ["Sekreterare", "Görel Petersson", "Ordförande", "Mats Gerdau"]


def test_group_lines_separates_side_by_side_columns() -> None:
    lines = [
        _line("Maria Svensson", 72, 300),
        _line("Erik Johansson", 330, 300),
        _line("Kommundirektör", 72, 286),
        _line("Enhetschef", 330, 286),
        _line("Långt nedanför", 72, 200),
    ]
    blocks = group_lines(lines)
    assert [[ln.text for ln in b.lines] for b in blocks] == [
        ["Maria Svensson", "Kommundirektör"],
        ["Erik Johansson", "Enhetschef"],
        ["Långt nedanför"],
    ]


def _page(*blocks: Block, image_cover: float = 0.0) -> PageLayout:
    return PageLayout(595.0, A4_H, list(blocks), image_cover=image_cover)


def test_clean_pages_running_header_kept_once_footer_and_numbers_dropped() -> None:
    pages = [
        _page(
            _block(70, 820, "PROTOKOLL", "Kommunstyrelsen"),
            Block.of([_line("1 (3)", 480, 825)]),
            _block(70, 600, f"Text på sida {i}"),
            _block(70, 60, "Ordförandes signatur"),
            Block.of([_line(str(i), 290, 30)]),
        )
        for i in (1, 2, 3)
    ]
    out, warnings = clean_pages(pages)
    assert warnings == []
    assert out == [
        "PROTOKOLL\nKommunstyrelsen\n\nText på sida 1",
        "Text på sida 2",
        "Text på sida 3",
    ]


def test_clean_pages_does_not_drop_unrepeated_margin_text() -> None:
    pages = [_page(_block(70, 820, f"Rubrik {i}"), _block(70, 600, "Brödtext")) for i in range(3)]
    out, _ = clean_pages(pages)
    assert out == [f"Rubrik {i}\n\nBrödtext" for i in range(3)]


def test_broken_glyphs_resolved_from_document_vocabulary() -> None:
    pages = [
        _page(_block(70, 600, "offentlig upphandling", "finansiering")),
        _page(_block(70, 600, "o\x00entlig och \x00nansiering", "ett \x00ktivt ord")),
    ]
    out, _ = clean_pages(pages)
    assert out[1] == "offentlig och finansiering\nett fiktivt ord"


def test_scanned_and_unreadable_pages_warn() -> None:
    pages = [_page(_block(70, 600, "Text")), _page(image_cover=0.95), PageLayout(0, 0, error="KeyError: 'Font'")]
    out, warnings = clean_pages(pages)
    assert out == ["Text", "", ""]
    assert warnings == [
        "page 3: could not be read (KeyError: 'Font'); its text is missing",
        "page(s) 2 have no text layer (scanned images?); their text is missing",
    ]
