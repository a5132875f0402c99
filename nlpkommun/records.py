"""The public record contract (schema version "1").

These pydantic models are the source of truth for what `nlpkommun extract` prints and
`nlpkommun batch` writes; they serialise with ``model_dump(mode="json")`` to exactly the
shape in ``shared/spec/record-contract.md``. Fields may be added; none may be renamed,
dropped or change type without bumping :data:`SCHEMA_VERSION`.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1"

ISO_DAY = r"^\d{4}-\d{2}-\d{2}$"

DocumentType = Literal[
    "tjänsteutlåtande",
    "tjänsteskrivelse",
    "protokoll",
    "protokollsutdrag",
    "protokollsbilaga",
    "kallelse",
    "motion",
    "skrivelse",
    "interpellation",
    "other",
]
PersonKind = Literal["politician", "official", "other"]
OrganisationKind = Literal["party", "committee", "administration", "authority", "company", "unit", "other"]
Granularity = Literal["day", "month", "year", "interval", "week", "season"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class Mention(_Model):
    """One occurrence of an entity: ``record.text[start:end] == text``."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    page: int | None = Field(default=None, ge=1, description="1-based page number; null for text input")


class Official(_Model):
    """A named official in the metadata (handläggare, signatory, justerare)."""

    name: str
    title: str | None = None
    phone: str | None = None
    email: str | None = None
    date: str | None = Field(default=None, pattern=ISO_DAY, description="e.g. date of a digital attestation")


class Metadata(_Model):
    """The document's own metadata, mostly from its header and signature blocks."""

    title: str | None = None
    document_type: DocumentType | None = None
    body: str | None = Field(default=None, description="canonical nämnd/styrelse/utskott/fullmäktige")
    municipality: str | None = Field(default=None, description='e.g. "Nacka kommun", "Stockholms stad"')
    meeting_date: str | None = Field(default=None, pattern=ISO_DAY)
    document_date: str | None = Field(default=None, pattern=ISO_DAY)
    reference_numbers: list[str] = Field(default_factory=list, description="diarienummer as written")
    case_officers: list[Official] = Field(default_factory=list, description="handläggare")
    signatories: list[Official] = Field(default_factory=list, description="who signed / attested / justerade")
    attachments: list[str] = Field(default_factory=list, description='titles listed under "Bilagor"')


class Person(_Model):
    """One real person; all mentions and spelling variants merged."""

    name: str = Field(description="canonical full name")
    kind: PersonKind = "other"
    party: str | None = Field(default=None, description='abbreviation as written, e.g. "S", "MP", "NL"')
    party_name: str | None = Field(default=None, description='e.g. "Socialdemokraterna"')
    roles: list[str] = Field(default_factory=list)
    variants: list[str] = Field(default_factory=list, description="other spellings seen in the document")
    mentions: list[Mention] = Field(default_factory=list)


class Organisation(_Model):
    """A named organisation: party, committee, administration, authority, company, unit."""

    name: str
    kind: OrganisationKind = "other"
    acronym: str | None = None
    mentions: list[Mention] = Field(default_factory=list)


class Programme(_Model):
    """A named programme, method, project, plan or strategy."""

    name: str | None = Field(default=None, description="long form")
    acronym: str | None = None
    mentions: list[Mention] = Field(default_factory=list)


class Place(_Model):
    """A named place: stadsdel, torg, centrum, street, property unit, municipality as a place."""

    name: str
    mentions: list[Mention] = Field(default_factory=list)


class DateMention(_Model):
    """One date expression as it occurs in the text, with its ISO 8601 value."""

    text: str
    value: str = Field(description='ISO 8601: "2020-11", "2019/2022", "2021-03-03", "2022", "2021-W12"')
    granularity: Granularity
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    page: int | None = Field(default=None, ge=1)


class DocumentRecord(_Model):
    """Everything nlpkommun extracts from one document."""

    schema_version: Literal["1"] = SCHEMA_VERSION
    id: str = Field(description="sha256 hex of the source bytes")
    source: str = Field(description="the path or URI the document came from")
    text: str = Field(description="the cleaned full text; every offset indexes into it")
    pages: int | None = Field(default=None, description="page count; null for plain text input")
    language: str = "sv"
    metadata: Metadata = Field(default_factory=Metadata)
    persons: list[Person] = Field(default_factory=list)
    organisations: list[Organisation] = Field(default_factory=list)
    programmes: list[Programme] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    dates: list[DateMention] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)

    def to_json(self, **kwargs: object) -> str:
        """The record as JSON text (UTF-8 characters kept, not escaped)."""
        return self.model_dump_json(**kwargs)  # type: ignore[arg-type]

    def _repr_html_(self) -> str:
        """Notebook view (see :mod:`nlpkommun.display`); document text is HTML-escaped."""
        from nlpkommun.display import record_html

        return record_html(self)


def json_schema() -> dict:
    """JSON Schema of :class:`DocumentRecord`."""
    return DocumentRecord.model_json_schema()
