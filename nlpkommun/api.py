"""The public Python API: :func:`load`, :func:`extract`, :func:`extract_many`."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from spacy.language import Language

from nlpkommun.assemble import assemble
from nlpkommun.errors import NlpkommunError
from nlpkommun.ingest import ingest
from nlpkommun.pipeline import build, process
from nlpkommun.records import DocumentRecord

Source = str | os.PathLike[str] | bytes

_DEFAULT_NLP: Language | None = None


def load(
    ner: str | Path | None = "default", components: bool = True, stanza_dir: str | Path | None = None
) -> Language:
    """The nlpkommun spaCy pipeline (tokenizer, sentences, lemmas, NER, domain components).

    ``ner``: ``"default"`` (the shipped model), None, ``"stanza"`` (a local stanza Swedish
    model in ``stanza_dir``; never downloads), or any spaCy pipeline: a directory or an
    installed package such as ``"sv_core_news_lg"``, its labels mapped to PER/ORG/LOC.
    See :func:`nlpkommun.pipeline.add_ner`.
    """
    return build(ner=ner, components=components, stanza_dir=stanza_dir)


def _default_nlp() -> Language:
    global _DEFAULT_NLP
    if _DEFAULT_NLP is None:
        _DEFAULT_NLP = load()
    return _DEFAULT_NLP


def extract(
    source: Source,
    *,
    nlp: Language | None = None,
    name: str | None = None,
    pdf_backend: str = "pdfminer",
) -> DocumentRecord:
    """Extract the record of one document: a path (PDF or text), raw bytes, or text.

    Raises a subclass of :class:`nlpkommun.errors.NlpkommunError` for unreadable input.
    """
    ingested = ingest(source, name=name, pdf_backend=pdf_backend)
    nlp = nlp or _default_nlp()
    doc = process(nlp, ingested.text)
    return assemble(doc, ingested)


@dataclass(frozen=True)
class Failure:
    """A document that could not be processed, yielded by :func:`extract_many` with
    ``errors="collect"``."""

    source: str
    error: str
    message: str


def _source_name(source: Source) -> str:
    if isinstance(source, bytes):
        return "<bytes>"
    return str(source) if len(str(source)) < 4096 else "<text>"


def _safe_extract(source: Source, pdf_backend: str, nlp: Language | None = None) -> DocumentRecord | Failure:
    try:
        return extract(source, nlp=nlp, pdf_backend=pdf_backend)
    except Exception as exc:  # noqa: BLE001 - typed errors and the unexpected alike: a batch never stops
        return Failure(_source_name(source), type(exc).__name__, str(exc))


def _worker_extract(args: tuple[Source, str]) -> DocumentRecord | Failure:
    return _safe_extract(args[0], args[1])


def extract_many(
    sources: Iterable[Source],
    *,
    n_process: int = 1,
    errors: Literal["raise", "collect"] = "raise",
    pdf_backend: str = "pdfminer",
    nlp: Language | None = None,
) -> Iterator[DocumentRecord | Failure]:
    """Extract records for many documents, in input order.

    ``n_process`` > 1 runs documents in worker processes, each loading the pipeline once.
    ``errors="raise"`` re-raises the first failure; ``errors="collect"`` yields a
    :class:`Failure` in place of each document that failed, so nothing is lost.
    """
    if n_process <= 1:
        nlp = nlp or _default_nlp()
        results: Iterator[DocumentRecord | Failure] = (
            _safe_extract(s, pdf_backend, nlp) if errors == "collect" else extract(s, nlp=nlp, pdf_backend=pdf_backend)
            for s in sources
        )
        yield from results
        return
    with ProcessPoolExecutor(max_workers=n_process) as pool:
        for result in pool.map(_worker_extract, ((s, pdf_backend) for s in sources), chunksize=1):
            if isinstance(result, Failure) and errors == "raise":
                raise NlpkommunError(f"{result.source}: {result.error}: {result.message}")
            yield result
