"""Search and export of extracted records: an embedded SQLite FTS5 index
(:class:`Index`) and OpenSearch / Elasticsearch bulk export (:mod:`.opensearch`)."""

from __future__ import annotations

from nlpkommun.index.jsonl import BadLine, read_records
from nlpkommun.index.sqlite import EntityMatch, Filters, Hit, Index, IndexStats

__all__ = ["BadLine", "EntityMatch", "Filters", "Hit", "Index", "IndexStats", "read_records"]
