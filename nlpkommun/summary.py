"""A readable plain-text summary of a record, for people (``--format text``)."""

from __future__ import annotations

from nlpkommun.records import DocumentRecord


def _with_acronym(name: str, acronym: str | None) -> str:
    return f"{name} ({acronym})" if acronym and acronym != name else name


def summarise(record: DocumentRecord) -> str:
    """Summarise a record in a few labelled sections."""
    m = record.metadata
    lines = [f"{m.title or '(untitled)'}", f"  source: {record.source}"]
    for label, value in (
        ("type", m.document_type),
        ("body", m.body),
        ("municipality", m.municipality),
        ("meeting date", m.meeting_date),
        ("document date", m.document_date),
        ("dnr", ", ".join(m.reference_numbers) or None),
        ("handläggare", ", ".join(o.name for o in m.case_officers) or None),
        ("signed by", ", ".join(o.name for o in m.signatories) or None),
        ("pages", record.pages),
    ):
        if value:
            lines.append(f"  {label}: {value}")
    if record.persons:
        lines.append(f"Persons ({len(record.persons)}):")
        for p in record.persons:
            extra = ", ".join(x for x in (p.party and f"({p.party})", p.kind, ", ".join(p.roles)) if x)
            lines.append(f"  - {p.name} {extra}".rstrip())
    for title, items in (
        ("Organisations", [_with_acronym(o.name, o.acronym) for o in record.organisations]),
        ("Programmes", [" / ".join(x for x in (p.name, p.acronym) if x) for p in record.programmes]),
        ("Places", [p.name for p in record.places]),
        ("Dates", sorted({d.value for d in record.dates})),
    ):
        if items:
            lines.append(f"{title} ({len(items)}): " + "; ".join(items))
    for w in record.warnings:
        lines.append(f"warning: {w}")
    return "\n".join(lines)
