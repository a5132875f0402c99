"""Builds the nlpkommun spaCy pipeline.

Order: tokenizer (with municipal exceptions) → ``nlpkommun_phone_merger`` →
``nlpkommun_sentences`` → ``nlpkommun_lemmatizer`` → ``ner`` (the shipped model, or none)
→ the domain components listed in :data:`DOMAIN_COMPONENTS`, each of which reads tokens,
entities and the earlier components' ``Doc._.nk_*`` attributes and writes its own.
"""

from __future__ import annotations

import importlib
import os
from pathlib import Path

import spacy
from spacy.language import Language

from nlpkommun import extensions, lemmatizer, sentences, tokenizer  # noqa: F401  (registers components)
from nlpkommun.errors import ModelNotFoundError

DEFAULT_MODEL_NAME = "nlpkommun-sv-ner"
MODEL_ENV = "NLPKOMMUN_NER_MODEL"

#: (module that registers the factory, factory name), in pipeline order.
DOMAIN_COMPONENTS: list[tuple[str, str]] = [
    ("nlpkommun.components.parties", "nlpkommun_parties"),
    ("nlpkommun.components.dates", "nlpkommun_dates"),
    ("nlpkommun.components.programmes", "nlpkommun_programmes"),
    ("nlpkommun.components.places", "nlpkommun_places"),
    ("nlpkommun.components.organisations", "nlpkommun_organisations"),
    ("nlpkommun.components.persons", "nlpkommun_persons"),
    ("nlpkommun.components.metadata", "nlpkommun_metadata"),
]


def default_model_path() -> Path:
    """Where the shipped NER model lives: ``$NLPKOMMUN_NER_MODEL`` or ``<repo>/models/<name>``."""
    env = os.environ.get(MODEL_ENV)
    if env:
        return Path(env)
    return Path(__file__).resolve().parent.parent / "models" / DEFAULT_MODEL_NAME


def _available_domain_components() -> list[str]:
    names = []
    for module, factory in DOMAIN_COMPONENTS:
        importlib.import_module(module)
        names.append(factory)
    return names


def add_ner(nlp: Language, ner: str | Path | None, stanza_dir: str | Path | None = None) -> None:
    """Add an NER component.

    ``ner`` is ``"default"`` (the shipped model, skipped if absent), None (no NER),
    ``"stanza"`` (a local stanza Swedish model in ``stanza_dir``, see
    :mod:`nlpkommun.backends.stanza`), or a spaCy pipeline: a directory or an installed
    package such as ``"sv_core_news_lg"``. A directory whose NER labels are nlpkommun's
    (PER, ORG, LOC) has its ``ner`` copied in; any other spaCy pipeline runs through
    :mod:`nlpkommun.backends.spacy_model` with its labels mapped (PRS/PER → PER, ORG → ORG,
    LOC/GPE → LOC, the rest dropped). A missing model raises :class:`ModelNotFoundError`
    (or :class:`~nlpkommun.errors.BackendNotInstalledError`) naming the install command.
    """
    if ner is None or ner == "none":
        return
    if ner == "default":
        path = default_model_path()
        if not (path / "config.cfg").exists():
            return
    elif ner == "stanza":
        from nlpkommun.backends import stanza as stanza_backend

        model_dir = str(Path(stanza_dir).expanduser()) if stanza_dir is not None else None
        nlp.add_pipe(stanza_backend.FACTORY, name="ner", config={"model_dir": model_dir})
        return
    else:
        from nlpkommun.backends import spacy_model

        resolved = spacy_model.resolve_model(ner)
        if not spacy_model.has_native_labels(resolved):
            nlp.add_pipe(spacy_model.FACTORY, name="ner", config={"model": resolved})
            return
        path = Path(resolved)
    source = spacy.load(path)
    if "ner" not in source.pipe_names:
        raise ModelNotFoundError(f"the pipeline at {path} has no 'ner' component")
    nlp.add_pipe("ner", source=source)


def build(
    ner: str | Path | None = "default", components: bool = True, stanza_dir: str | Path | None = None
) -> Language:
    """Build the pipeline; see the module docstring."""
    nlp = spacy.blank("sv")
    tokenizer.add_tokenizer_exceptions(nlp)
    nlp.add_pipe("nlpkommun_phone_merger")
    nlp.add_pipe("nlpkommun_sentences")
    nlp.add_pipe("nlpkommun_lemmatizer")
    add_ner(nlp, ner, stanza_dir=stanza_dir)
    if components:
        for factory in _available_domain_components():
            nlp.add_pipe(factory)
    return nlp


#: Longest run of tokens the NER sees at once in :func:`process`; longer documents are
#: split at sentence boundaries, which bounds the NER's memory (its activations grow with
#: the length of what it is given) without changing what it finds within a sentence.
NER_CHUNK_TOKENS = 2000


def chunk_bounds(sent_starts: list[int], n_tokens: int, max_tokens: int = NER_CHUNK_TOKENS) -> list[tuple[int, int]]:
    """Split ``range(n_tokens)`` into consecutive chunks of at most ``max_tokens`` tokens,
    cutting only at the given sentence starts where possible."""
    bounds: list[tuple[int, int]] = []
    start = 0
    cuts = sorted(s for s in set(sent_starts) if 0 < s < n_tokens)
    while n_tokens - start > max_tokens:
        limit = start + max_tokens
        candidates = [c for c in cuts if start < c <= limit]
        end = candidates[-1] if candidates else limit
        bounds.append((start, end))
        start = end
    if start < n_tokens:
        bounds.append((start, n_tokens))
    return bounds


def _chunk_docs(doc, bounds: list[tuple[int, int]]):  # type: ignore[no-untyped-def]
    """A copy of each ``(start, end)`` token range of ``doc`` as a Doc of its own, like
    ``doc[start:end].as_doc()`` but with the token array built once for the whole document
    and without the span vectors (``as_doc`` rebuilds both for every chunk)."""
    from spacy.tokens import Doc

    if doc.has_annotation("DEP") or doc.has_annotation("ENT_IOB"):  # heads or entities to fix up
        for start, end in bounds:
            yield start, doc[start:end].as_doc()
        return
    words = [t.text for t in doc]
    spaces = [bool(t.whitespace_) for t in doc]
    attrs = doc._get_array_attrs()
    array = doc.to_array(attrs)
    for start, end in bounds:
        sub = Doc(doc.vocab, words=words[start:end], spaces=spaces[start:end])
        sub.from_array(attrs, array[start:end])
        yield start, sub


def _chunked_ner(proc, doc):  # type: ignore[no-untyped-def]
    from spacy.tokens import Span

    starts = [s.start for s in doc.sents] if doc.has_annotation("SENT_START") else []
    ents = []
    for start, sub in _chunk_docs(doc, chunk_bounds(starts, len(doc), NER_CHUNK_TOKENS)):
        sub = proc(sub)
        ents.extend(Span(doc, e.start + start, e.end + start, label=e.label_) for e in sub.ents)
    doc.ents = ents
    return doc


def process(nlp: Language, text: str):  # type: ignore[no-untyped-def]
    """Run ``nlp`` on ``text`` like ``nlp(text)``, but give a long document to the NER in
    sentence-aligned chunks of at most :data:`NER_CHUNK_TOKENS` tokens (bounded memory)."""
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        if name == "ner" and len(doc) > NER_CHUNK_TOKENS:
            doc = _chunked_ner(proc, doc)
        else:
            doc = proc(doc)
    return doc
