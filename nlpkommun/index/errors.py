"""Typed errors of the search index and the exports (all subclasses of
:class:`nlpkommun.errors.NlpkommunError`)."""

from __future__ import annotations

from nlpkommun.errors import InputError, NlpkommunError


class SearchIndexError(NlpkommunError):
    """The index database cannot be opened, or is not an nlpkommun index."""

    code = "index"


class IndexNotFoundError(SearchIndexError):
    """``search`` was pointed at a database file that does not exist."""

    code = "index_not_found"


class QueryError(NlpkommunError):
    """A search filter is invalid (e.g. a date that is not ISO 8601, a negative limit).

    Free query text never raises this: it is tokenised and quoted, never parsed as syntax.
    """

    code = "query"


class RecordsFileError(InputError):
    """A JSONL records file cannot be read at all (missing, a directory, unreadable)."""

    code = "records_file"


class InvalidRecordError(InputError):
    """A value handed to the index is not a valid DocumentRecord."""

    code = "invalid_record"


class ExportError(NlpkommunError):
    """An export option is invalid (e.g. an index name OpenSearch would reject)."""

    code = "export"
