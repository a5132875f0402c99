"""The ``index``, ``search`` and ``export`` commands, registered on the main app by
:func:`register` (kept here so :mod:`nlpkommun.cli` stays small)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import nullcontext
from enum import Enum
from pathlib import Path
from typing import TypeVar

import typer

#: bad JSONL lines printed one by one before only counting them
MAX_BAD_LINES_SHOWN = 20
#: records between progress lines when stderr is not a terminal
PROGRESS_EVERY = 10_000

T = TypeVar("T")


class SearchFormat(str, Enum):
    text = "text"
    json = "json"


class _BadLineReporter:
    """Prints the first bad lines on stderr and counts all of them."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, line: object) -> None:
        self.count += 1
        if self.count <= MAX_BAD_LINES_SHOWN:
            print(f"nlpkommun: skipped {line}", file=sys.stderr)

    def summary(self) -> str:
        return f"; {self.count} malformed line(s) skipped" if self.count else ""


def _progress(records: Iterator[T]) -> Iterator[T]:
    """``records`` with a progress bar on a terminal, else a log line every
    :data:`PROGRESS_EVERY` records."""
    every = PROGRESS_EVERY
    if sys.stderr.isatty():
        from tqdm import tqdm

        yield from tqdm(records, desc="indexing", unit=" docs", file=sys.stderr)
        return
    for n, record in enumerate(records, start=1):
        yield record
        if n % every == 0:
            print(f"nlpkommun: indexing: {n} documents read", file=sys.stderr)


def index(
    records: list[Path] = typer.Argument(..., help="JSONL files of records (from `nlpkommun batch`)."),
    db: Path = typer.Option(..., "--db", help="SQLite index file (created if missing)."),
    batch_size: int = typer.Option(500, "--batch-size", min=1, help="records per transaction"),
    optimize: bool = typer.Option(True, "--optimize/--no-optimize", help="merge FTS segments after the build"),
) -> None:
    """Build or update a full-text search index (SQLite FTS5) from record JSONL files.

    A document id already in the index is replaced; malformed lines are reported and skipped.
    """
    from nlpkommun.index.jsonl import check_paths, read_records
    from nlpkommun.index.sqlite import Index

    paths = check_paths(records)
    reporter = _BadLineReporter()
    with Index(db) as ix:
        stats = ix.add(_progress(read_records(paths, reporter)), batch_size=batch_size)
        if optimize and stats.indexed:
            print("nlpkommun: merging index segments (--no-optimize skips this)", file=sys.stderr)
            ix.optimize()
        total = len(ix)
    print(
        f"nlpkommun: indexed {stats.indexed} document(s) ({stats.added} new, {stats.replaced} replaced) "
        f"into {db}, {total} in total{reporter.summary()}",
        file=sys.stderr,
    )


def search(
    query: str = typer.Argument("", help='Words to find, e.g. "våld ungdomar"; empty lists by date.'),
    db: Path = typer.Option(..., "--db", help="SQLite index built by `nlpkommun index`."),
    person: list[str] = typer.Option(None, "--person", help="full person name (repeatable)"),
    party: list[str] = typer.Option(None, "--party", help="party abbreviation, e.g. S (repeatable)"),
    organisation: list[str] = typer.Option(None, "--organisation", help="organisation name or acronym"),
    programme: list[str] = typer.Option(None, "--programme", help="programme acronym or name, e.g. MVP"),
    place: list[str] = typer.Option(None, "--place", help="place name"),
    body: list[str] = typer.Option(None, "--body", help="nämnd/styrelse, e.g. Kommunstyrelsen"),
    municipality: list[str] = typer.Option(None, "--municipality", help='e.g. "Nacka kommun"'),
    document_type: list[str] = typer.Option(None, "--type", help="document type, e.g. protokoll"),
    date_from: str = typer.Option(None, "--from", help="meeting date from: YYYY[-MM[-DD]]"),
    date_to: str = typer.Option(None, "--to", help="meeting date to (inclusive): YYYY[-MM[-DD]]"),
    limit: int = typer.Option(10, "--limit", "-n", min=0, max=10_000, help="number of hits"),
    facet: list[str] = typer.Option(
        None,
        "--facet",
        help="also count matching documents per value of: party, person, organisation, programme, place, body, "
        "municipality, document_type, year (repeatable)",
    ),
    format: SearchFormat = typer.Option(SearchFormat.text, "--format", "-f", help="text or json"),
) -> None:
    """Search an index: ranked hits with title, body, meeting date, snippet and entities.

    With --format json the output is {"query", "hits": [...], "facets": {field: [[value, count], ...]}}.
    """
    from nlpkommun.index.sqlite import Index
    from nlpkommun.index.text import scrub

    filters = dict(
        person=person,
        party=party,
        organisation=organisation,
        programme=programme,
        place=place,
        body=body,
        municipality=municipality,
        document_type=document_type,
        date_from=date_from,
        date_to=date_to,
    )
    with Index(db, create=False) as ix:
        hits = ix.search(query, limit=limit, **filters)
        counts = {field: ix.facet_counts(field, query, **filters) for field in facet or []}
    if format is SearchFormat.json:
        result = {"query": scrub(query), "hits": [h.to_dict() for h in hits], "facets": counts}
        sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
        return
    if not hits:
        print("no hits", file=sys.stderr)
    for rank, hit in enumerate(hits, start=1):
        score = f"{hit.score:.3g}" if hit.score is not None else "-"
        when = hit.meeting_date or hit.document_date or "no date"
        sys.stdout.write(f"{rank}. {hit.title or hit.source}  [{hit.body or 'no body'} · {when} · score {score}]\n")
        sys.stdout.write(f"   {hit.source}\n   {hit.snippet}\n")
        if hit.entities:
            shown = ", ".join(
                e.name + (f" ({e.party})" if e.party else "") + (f" [{e.acronym}]" if e.acronym else "")
                for e in hit.entities[:8]
            )
            sys.stdout.write(f"   entities: {shown}\n")
    for field, values in counts.items():
        shown = " · ".join(f"{value} {n}" for value, n in values) or "none"
        sys.stdout.write(f"{field}: {shown}\n")


export_app = typer.Typer(no_args_is_help=True, help="Export records for other search engines.")


@export_app.command("opensearch")
def export_opensearch(
    records: list[Path] = typer.Argument(..., help="JSONL files of records (from `nlpkommun batch`)."),
    index_name: str = typer.Option("nlpkommun", "--index", help="target index name"),
    output: Path = typer.Option(None, "--output", "-o", help="bulk NDJSON file (default: stdout)"),
    mapping_path: Path = typer.Option(None, "--mapping", help="also write the index mapping JSON here"),
    shards: int = typer.Option(1, "--shards", min=1, help="number_of_shards in the mapping"),
    replicas: int = typer.Option(1, "--replicas", min=0, help="number_of_replicas in the mapping"),
) -> None:
    """Write OpenSearch / Elasticsearch `_bulk` NDJSON (and optionally the index mapping)."""
    from nlpkommun.index.jsonl import check_paths
    from nlpkommun.index.opensearch import check_index_name, export, mapping

    check_index_name(index_name)
    records = check_paths(records)
    if mapping_path is not None:
        mapping_path.write_text(json.dumps(mapping(shards, replicas), ensure_ascii=False, indent=2) + "\n", "utf-8")
    reporter = _BadLineReporter()
    target = output.open("w", encoding="utf-8", newline="\n") if output is not None else nullcontext(sys.stdout)
    with target as out:
        count = export(records, out, index=index_name, on_bad_line=reporter)
    where = f" to {output}" if output is not None else ""
    print(f"nlpkommun: exported {count} document(s){where}{reporter.summary()}", file=sys.stderr)


def register(app: typer.Typer) -> None:
    """Add ``index``, ``search`` and ``export`` to the main command line."""
    app.command("index")(index)
    app.command("search")(search)
    app.add_typer(export_app, name="export")
