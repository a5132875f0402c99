"""Small hand-made records for the index tests (written by the tests, no shared data)."""

from __future__ import annotations

import json
from pathlib import Path


def record(
    doc_id: str,
    text: str,
    *,
    title: str | None = None,
    body: str | None = None,
    date: str | None = None,
    persons: list[tuple[str, str | None]] = (),
    organisations: list[tuple[str, str | None]] = (),
    programmes: list[tuple[str | None, str | None]] = (),
    places: list[str] = (),
    document_type: str | None = None,
) -> dict:
    """A DocumentRecord as its JSON dict."""
    return {
        "schema_version": "1",
        "id": doc_id,
        "source": f"archive/{doc_id}.pdf",
        "text": text,
        "pages": 1,
        "metadata": {
            "title": title,
            "body": body,
            "meeting_date": date,
            "document_type": document_type,
            "municipality": "Exempelby kommun",
        },
        "persons": [
            {
                "name": n,
                "party": p,
                "kind": "politician" if p else "official",
                "roles": ["ledamot"],
                "variants": [f"{n[0]}. {n.split()[-1]}"],
            }
            for n, p in persons
        ],
        "organisations": [{"name": n, "acronym": a, "kind": "authority"} for n, a in organisations],
        "programmes": [{"name": n, "acronym": a} for n, a in programmes],
        "places": [{"name": p} for p in places],
        "dates": [{"text": date, "value": date, "granularity": "day", "start": 0, "end": 0}] if date else [],
    }


CORPUS = [
    record(
        "d1",
        "Socialtjänsten och polisen arbetar mot våld bland ungdomar i centrum. Nämnden beslutade att "
        "fortsätta satsningen.",
        title="Åtgärder mot ungdomsvåld",
        body="Socialnämnden",
        date="2021-03-15",
        persons=[("Anna Lindqvist", "S"), ("Olof Berg", "M")],
        organisations=[("Polismyndigheten", "Polisen")],
        programmes=[("Mentorer i våldsprevention", "MVP")],
        places=["Storgatan"],
        document_type="tjänsteskrivelse",
    ),
    record(
        "d2",
        "Skolan redovisar resultat för läsåret. Eleverna vill ha fler lärare. Ungdomar och föräldrar har "
        "svarat på enkäten.",
        title="Skolans resultat",
        body="Utbildningsnämnden",
        date="2020-06-10",
        persons=[("Karin Holm", "L"), ("Olof Berg", "M")],
        document_type="protokoll",
    ),
    record(
        "d3",
        "Kommunstyrelsen behandlade budgeten. Socialtjänst och skola får ökade anslag. Våldet i området har "
        "minskat enligt polisen.",
        title="Budget 2019",
        body="Kommunstyrelsen",
        date="2019-11-04",
        persons=[("Per Ek", "MP")],
        programmes=[(None, "SIG")],
        document_type="protokoll",
    ),
    record(
        "d4",
        "Informationsbrev om villa och tomt i området. Ingen nämnd har fattat beslut.",
        title="Information",
        body=None,
        date=None,
    ),
]


def write_jsonl(path: Path, records: list[dict], extra_lines: list[str] = ()) -> Path:
    """``records`` as JSONL, followed by ``extra_lines`` verbatim."""
    with path.open("w", encoding="utf-8") as out:
        for r in records:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
        for line in extra_lines:
            out.write(line + "\n")
    return path
