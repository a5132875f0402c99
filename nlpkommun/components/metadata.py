"""Document metadata: title, document type, body (nämnd), municipality, meeting and
document dates, diarienummer, case officers, signatories and attachments.

Reads: ``doc.text`` (header blocks, signature blocks, attestations, "Bilagor").
Writes: ``doc._.nk_metadata``, a dict shaped like :class:`nlpkommun.records.Metadata`
(officials as ``{"name", "title", "phone", "email", "date"}``).
Data: ``document_types.json``, ``header_labels.json``, ``body_patterns.json``,
``municipalities.txt`` (and ``months.json``, ``roles.txt``, ``first_names.txt``,
``name_stopwords.txt``) under ``resources/sv/``.

The rules, in short:

- document type: a type line at the top ("TJÄNSTESKRIVELSE", "Sammanträdesprotokoll",
  "KS Protokoll från …, Bilaga 1"); a protokoll holding a single § and no attendance block
  is a protokollsutdrag; else the document naming itself ("förvaltningens
  tjänsteutlåtande"); else a title starting with the kind ("Motion om …"); else "other".
- title: for an utdrag or protokollsbilaga the heading of its § item; for a protokoll or
  kallelse the type line ("Sammanträdesprotokoll"); else the first header line that is
  not a label, label value, date, diarienummer, body, municipality, unit or name
  (preferring lines after the type line), joined with its next line when it wraps.
- body: the "Till" block, "fört vid <body>s sammanträde", a header line that is a body's
  name, an abbreviation on the type line ("KS" → "Kommunstyrelsen"), else the deciding
  body after "Förslag till beslut".
- municipality: explicit "X kommun" / "X stad" / "Region X" of a known municipality or
  region (header mentions weigh more, passing mentions of a region less), unless a
  documented structural rule (stadsdelsnämnder: Stockholms stad) beats a single passing
  mention; else the municipality name mentioned most often.
- people: "Handläggare"/"Vår referens" blocks with phone and e-mail; signatures (name and
  title lines, two names side by side, names first and titles after, "Ort den <datum>" or
  a greeting before the names), justerare, "Underskrifter" blocks, "Ordförande: X" lines of
  a protokoll, and digital attestations whose "Datum" column gives each signatory a date.
  In a protokoll only signatures with a signing role (ordförande, sekreterare, justerare)
  count. Labels are matched without diacritics, so OCR text layers work too.
- meeting date: the date next to the body in the "Till" block, "Sammanträdesdatum",
  "Protokoll från <date>"; for meeting records (protokoll, kallelse, documents with an
  attendance/participant list) the header date; else a date on a line saying the matter
  goes before the body ("läggs fram på kommunstyrelsen"). Document date: "Datum" or the
  header date.
- reference numbers: diarienummer on header lines and on lines of their own ("Dnr KFKS
  2018/3", "§ 12 KS 2020/123"), never those cited inside running text.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from nlpkommun.components import metadata_header as mh
from nlpkommun.components import metadata_people as mp
from nlpkommun.components.metadata_lines import split_lines
from nlpkommun.components.metadata_municipality import municipality
from nlpkommun.components.metadata_title import title
from nlpkommun.doc_text import doc_text


def _meeting_record(kind: str | None, lines: list) -> bool:
    if kind in ("protokoll", "protokollsutdrag", "protokollsbilaga", "kallelse"):
        return True
    return (
        mh.has_attendance_block(lines)
        or any(ln.text.lower().rstrip(":") in ("deltagare", "närvarande", "mötesdeltagare") for ln in lines[:40])
        or any(mh.AGENDA_NUMBER.match(ln.text) for ln in mh.header(lines))  # "Ärende 19": an agenda's document
    )


def extract_metadata(text: str) -> dict[str, Any]:
    """The metadata of one document's text, as a Metadata-shaped dict."""
    lines = split_lines(text)
    head = mh.header(lines)
    year = mh.reference_year(text)
    kind, type_ln = mh.document_type(lines, text)

    body, till_date = mh.body_from_addressee(head, year)
    if body is None:
        body = mh.body_from_session(head) or mh.body_from_header(head, type_ln, year)
    if body is None:
        body = mh.body_from_adoption(head) or mh.body_from_proposal(lines)

    header_date = mh.first_header_date(head, year)
    document_date = mh.labelled_date(head, "document_date", year) or (
        header_date if till_date is None or header_date != till_date else None
    )
    meeting_date = (
        till_date
        or mh.labelled_date(lines, "meeting_date", year)
        or mh.phrase_meeting_date(head, year)
        or mh.labelled_date(head, "meeting_time", year, window=1)
        # a kallelse's "Tid: Onsdagen den 15 oktober 2025" under its "Ledamöter" columns
        or (mh.labelled_date(lines[:40], "meeting_time", year, window=1) if _meeting_record(kind, lines) else None)
        or (header_date if _meeting_record(kind, lines) else None)
    )
    if meeting_date is None and _meeting_record(kind, lines):
        meeting_date = mh.labelled_date(head, "document_date", year)
    if meeting_date is None and body is not None:
        meeting_date = mh.decision_meeting_date(head, body, year)
    if meeting_date is None and body is not None:
        meeting_date = mh.body_meeting_date(lines, body, int(document_date[:4]) if document_date else year)
    if meeting_date is None and body is not None:
        meeting_date = mh.addressed_meeting_date(lines, body, year)

    officers = mp.case_officers(lines)
    signed = mp.signatories(lines, kind)
    for o in mp.signing_case_officers(signed):
        if not any(x["name"].casefold() == o["name"].casefold() for x in officers):
            officers.append(o)
    return {
        "title": title(lines, kind, type_ln, year),
        "document_type": kind,
        "body": body,
        "municipality": municipality(text, lines),
        "meeting_date": meeting_date,
        "document_date": document_date,
        "reference_numbers": mh.reference_numbers(lines),
        "case_officers": officers,
        "signatories": signed,
        "attachments": mp.attachments(lines),
    }


@Language.factory("nlpkommun_metadata")
def make_metadata(nlp: Language, name: str) -> MetadataComponent:
    """spaCy factory for :class:`MetadataComponent`."""
    return MetadataComponent()


class MetadataComponent:
    """Writes ``doc._.nk_metadata`` with :func:`extract_metadata`."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.nk_metadata = extract_metadata(doc_text(doc))
        return doc
