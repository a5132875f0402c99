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
