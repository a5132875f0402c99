"""A small invented corpus for the quickstart notebook when the project's shared/ folder is
absent: four short committee documents with different meeting dates, one of them a PDF.

All names are invented. The PDF is written by hand (one page, Helvetica, WinAnsi
encoding), so no PDF library is needed.
"""

from __future__ import annotations

from pathlib import Path

DOCUMENTS: dict[str, str] = {
    "protokoll_2021-02-09.txt": """Protokoll
Utbildningsnämnden
Sammanträdesdatum 2021-02-09

Närvarande ledamöter
Maria Lind (S), ordförande
Jonas Ek (M), vice ordförande
Sara Holm (C)
Anders Berg (V)

§ 12 Tidiga och samordnade insatser (TSI)
Utbildningsnämnden beslutar att fortsätta satsningen Tidiga och samordnade insatser (TSI) under 2021.
Maria Lind (S) yrkar bifall till förvaltningens förslag. Jonas Ek (M) instämmer.
""",
    "protokoll_2021-05-18.txt": """Protokoll
Utbildningsnämnden
Sammanträdesdatum 2021-05-18

Närvarande ledamöter
Maria Lind (S), ordförande
Jonas Ek (M), vice ordförande
Eva Strand (L)

§ 31 Uppföljning av TSI
Uppföljningen visar att Tidiga och samordnade insatser (TSI) har nått 240 elever.
Eva Strand (L) yrkar att nämnden även följer upp Läsa, skriva, räkna (LSR).
Maria Lind (S) yrkar bifall till förvaltningens förslag.
""",
    "protokoll_2021-09-14.txt": """Protokoll
Utbildningsnämnden
Sammanträdesdatum 2021-09-14

Närvarande ledamöter
Maria Lind (S), ordförande
Anders Berg (V)
Sara Holm (C)

§ 45 Läsa, skriva, räkna (LSR)
Nämnden tar del av redovisningen av Läsa, skriva, räkna (LSR) för våren 2021.
Anders Berg (V) och Sara Holm (C) lämnar ett gemensamt särskilt yttrande om LSR och TSI.
""",
    "tjansteutlatande_2021-11-23.txt": """Tjänsteutlåtande
Utbildningsförvaltningen
Handläggare Karin Sjö
Datum 2021-11-02

Till Utbildningsnämnden 2021-11-23

Verksamhetsplan 2022

Förvaltningen föreslår att satsningen Tidiga och samordnade insatser (TSI) permanentas från den 1 januari 2022.
Arbetet sker i samverkan med Polismyndigheten och skolorna i Sörby centrum.
""",
}

#: the document that is also written as a PDF
PDF_SOURCE = "protokoll_2021-09-14.txt"


def _pdf_string(line: str) -> str:
    raw = line.encode("cp1252", errors="replace").decode("latin-1")
    return "(" + raw.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"


def write_pdf(text: str, path: Path) -> Path:
    """Write ``text`` as a one-page PDF (one text line per line)."""
    lines = text.splitlines()[:50]
    body = " T* ".join(f"{_pdf_string(line)} Tj" for line in lines)
    stream = f"BT /F1 11 Tf 14 TL 56 790 Td {body} ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
        b"/Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, obj in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path


def write_corpus(directory: str | Path) -> tuple[Path, list[Path]]:
    """Write the corpus into ``directory``: :data:`PDF_SOURCE` as a PDF, the others as text
    files; returns (the PDF, the text files)."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    texts = []
    for name, text in DOCUMENTS.items():
        if name == PDF_SOURCE:
            continue
        path = directory / name
        path.write_text(text, encoding="utf-8")
        texts.append(path)
    pdf = write_pdf(DOCUMENTS[PDF_SOURCE], directory / PDF_SOURCE.replace(".txt", ".pdf"))
    return pdf, texts
