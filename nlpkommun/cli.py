"""The ``nlpkommun`` command line.

Every command prints one clear line on stderr and exits non-zero on bad input; no
tracebacks. Exit codes: 0 ok, 1 usage, 2 bad input / typed error, 3 internal error.
"""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path

import typer

from nlpkommun.errors import NlpkommunError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Extract politicians, parties, organisations, programmes, places, dates and metadata "
    "from Swedish municipal documents.",
)


class OutputFormat(str, Enum):
    json = "json"
    text = "text"


class PdfBackend(str, Enum):
    pdfminer = "pdfminer"
    pdfium = "pdfium"


@app.command()
def extract(
    path: Path = typer.Argument(..., help="A PDF or text file."),
    format: OutputFormat = typer.Option(OutputFormat.json, "--format", "-f", help="json record or text summary"),
    pdf_backend: PdfBackend = typer.Option(PdfBackend.pdfminer, "--pdf-backend", help="PDF text engine"),
) -> None:
    """Extract the record of one document and print it."""
    from nlpkommun.api import extract as do_extract

    record = do_extract(path, pdf_backend=pdf_backend.value)
    if format is OutputFormat.json:
        sys.stdout.write(record.model_dump_json(indent=2) + "\n")
    else:
        from nlpkommun.summary import summarise

        sys.stdout.write(summarise(record) + "\n")


@app.command()
def schema() -> None:
    """Print the JSON Schema of the record (DocumentRecord)."""
    from nlpkommun.records import json_schema

    sys.stdout.write(json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n")


@app.command()
def train(
    data: Path = typer.Option(Path("../shared/data"), "--data", help="Shared data folder (with ner/)."),
    output: Path = typer.Option(..., "--output", "-o", help="Where to write the trained spaCy pipeline."),
    seed: int = typer.Option(0, "--seed", help="Random seed (data split, shuffling, initialisation)."),
    max_steps: int | None = typer.Option(None, "--max-steps", help="Stop after this many updates."),
    max_minutes: float | None = typer.Option(None, "--max-minutes", help="Wall-time cap (not reproducible)."),
    limit: int | None = typer.Option(None, "--limit", help="Use only this many training sentences (smoke test)."),
) -> None:
    """Train the Swedish NER model (PER, LOC, ORG) from the shared corpora."""
    from nlpkommun.ner.commands import train_command

    report = train_command(data, output, seed=seed, max_steps=max_steps, max_minutes=max_minutes, limit=limit)
    sys.stdout.write(f"saved {output} (best dev F {report['best'].get('score')})\n")


@app.command("evaluate-ner")
def evaluate_ner(
    file: Path = typer.Argument(..., help="IOB2/IO CoNLL file: token and tag columns, blank line between sentences."),
    model: Path | None = typer.Option(None, "--model", help="spaCy pipeline with ner (default: the shipped one)."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of a table."),
    dedup: bool = typer.Option(False, "--dedup", help="Score each distinct sentence once."),
) -> None:
    """Score the NER model on a gold file: per-label and micro precision/recall/F1."""
    from nlpkommun.ner.commands import evaluate_ner_command

    evaluate_ner_command(file, model=model, as_json=as_json, dedup=dedup)


from nlpkommun.index.cli import register as _register_index_commands  # noqa: E402

_register_index_commands(app)  # index, search, export


from nlpkommun.batch.cli import register as _register_batch_command  # noqa: E402

_register_batch_command(app)  # batch


def main(argv: list[str] | None = None) -> int:
    """Console entry point: run the app, turning typed errors into one line and an exit code."""
    try:
        code = app(args=argv, standalone_mode=False)
        if isinstance(code, int) and code:  # without standalone mode click returns typer.Exit's code
            return code
    except NlpkommunError as exc:
        print(f"nlpkommun: error [{exc.code}]: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("nlpkommun: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # click usage errors and the unexpected
        import click

        if isinstance(exc, click.exceptions.Exit):
            return exc.exit_code
        if isinstance(exc, click.ClickException):
            exc.show()
            return exc.exit_code
        if isinstance(exc, click.exceptions.Abort):
            print("nlpkommun: aborted", file=sys.stderr)
            return 1
        print(f"nlpkommun: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 3
    return 0


if __name__ == "__main__":
    sys.exit(main())
