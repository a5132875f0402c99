"""Bring-your-own spaCy NER: any installed spaCy pipeline (package or directory).

Reads: ``doc.text``. Writes: ``doc.ents`` (PER, ORG, LOC).

The foreign pipeline runs on the document text with its own tokenizer; only its
entity-setting components (``ner``, ``entity_ruler``) and the ``tok2vec``/``transformer``
components they listen to are enabled. Its entities are mapped to nlpkommun labels
(:func:`nlpkommun.backends.map_label`) and snapped to the nlpkommun tokens.

>>> import nlpkommun
>>> nlp = nlpkommun.load(ner="sv_core_news_lg")   # doctest: +SKIP
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

from nlpkommun.backends import CharSpan, map_spans, set_entities
from nlpkommun.errors import ModelError, ModelNotFoundError

FACTORY = "nlpkommun_spacy_ner"

#: the labels of an nlpkommun-trained NER model
NATIVE_LABELS = frozenset({"PER", "ORG", "LOC"})

#: factories whose components write ``doc.ents``
ENTITY_FACTORIES = frozenset({"ner", "beam_ner", "entity_ruler", "future_entity_ruler"})


def install_command(package: str) -> str:
    """The command that installs a spaCy pipeline package (run on a connected machine)."""
    return f"python -m spacy download {package}"


def _looks_like_path(name: str) -> bool:
    return "/" in name or "\\" in name or name.startswith(".") or name.startswith("~")


def resolve_model(ner: str | Path) -> str:
    """What ``spacy.load`` should get for ``ner``: an existing pipeline directory or an
    installed package name.

    Raises :class:`ModelNotFoundError` naming the install command when it is neither.
    """
    name = str(ner)
    path = Path(name).expanduser()
    if isinstance(ner, Path) or _looks_like_path(name) or (path.exists() and not spacy.util.is_package(name)):
        if not (path / "config.cfg").exists():
            raise ModelNotFoundError(f"no spaCy pipeline at {path} (expected {path / 'config.cfg'})")
        return str(path)
    if spacy.util.is_package(name):
        return name
    raise ModelNotFoundError(
        f"the spaCy pipeline {name!r} is not installed (nor a directory): install it with "
        f"`{install_command(name)}`, or pass the path of a pipeline directory"
    )


def has_native_labels(path: str | Path) -> bool:
    """Whether the pipeline directory's ``meta.json`` lists exactly nlpkommun's NER labels
    (such a model is copied into the pipeline as its ``ner`` component)."""
    meta_path = Path(path) / "meta.json"
    if not meta_path.is_file():
        return False
    try:
        labels = json.loads(meta_path.read_text(encoding="utf-8")).get("labels", {}).get("ner")
    except (ValueError, AttributeError):
        return False
    return bool(labels) and set(labels) <= NATIVE_LABELS


def entity_components(nlp: Language) -> list[str]:
    """Names of the components needed for ``doc.ents``: entity-setting components and the
    embedding components (tok2vec, transformer) that they listen to."""
    wanted = {name for name in nlp.pipe_names if nlp.get_pipe_meta(name).factory in ENTITY_FACTORIES}
    keep = set(wanted)
    for name, pipe in nlp.pipeline:
        listeners = set(getattr(pipe, "listening_components", []) or [])
        if listeners & wanted:
            keep.add(name)
    return [name for name in nlp.pipe_names if name in keep]


def load_external(model: str) -> Language:
    """Load a foreign spaCy pipeline with everything but its entity components disabled."""
    resolved = resolve_model(model)
    try:
        external = spacy.load(resolved)
    except (OSError, ValueError, KeyError) as exc:
        raise ModelError(f"could not load the spaCy pipeline {model!r}: {exc}") from exc
    keep = entity_components(external)
    if not keep:
        raise ModelNotFoundError(
            f"the spaCy pipeline {model!r} has no entity component (ner or entity_ruler); "
            f"its components: {', '.join(external.pipe_names) or 'none'}"
        )
    for name in external.pipe_names:
        if name not in keep:
            external.disable_pipe(name)
    return external


def entity_spans(doc: Doc) -> list[CharSpan]:
    """The entities of a foreign spaCy Doc as (start_char, end_char, label), labels as written."""
    return [(ent.start_char, ent.end_char, ent.label_) for ent in doc.ents]


class SpacyNER:
    """Runs a foreign spaCy pipeline and writes its mapped entities on the nlpkommun Doc."""

    def __init__(self, nlp: Language, name: str, model: str) -> None:
        self.name = name
        self.model = model
        self.external = load_external(model)

    def _apply(self, doc: Doc, external_doc: Doc) -> Doc:
        if external_doc.text != doc.text:  # a custom tokenizer that rewrites text: cannot align
            raise ModelError(f"the spaCy pipeline {self.model!r} changed the document text; offsets cannot be aligned")
        return set_entities(doc, map_spans(entity_spans(external_doc)))

    def __call__(self, doc: Doc) -> Doc:
        return self._apply(doc, self.external(doc.text))

    def pipe(self, stream: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        """Process Docs in batches through the foreign pipeline's ``pipe``."""
        for batch in minibatch(stream, batch_size):
            for doc, external_doc in zip(batch, self.external.pipe(d.text for d in batch), strict=True):
                yield self._apply(doc, external_doc)


@Language.factory(FACTORY, assigns=["doc.ents"], default_config={"model": "sv_core_news_lg"})
def make_spacy_ner(nlp: Language, name: str, model: str) -> SpacyNER:
    """spaCy factory for :class:`SpacyNER`; ``model`` is a package name or a directory."""
    return SpacyNER(nlp, name, model)
