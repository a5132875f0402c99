"""Bring-your-own stanza NER: a locally installed stanza Swedish model.

Reads: ``doc.text``. Writes: ``doc.ents`` (PER, ORG, LOC).

stanza runs its own tokenizer and NER on the document text (``download_method=None``:
it never downloads anything); its entities carry character offsets into that text, are
mapped to nlpkommun labels (:func:`nlpkommun.backends.map_label`) and snapped to the
nlpkommun tokens. stanza is an optional extra: ``pip install nlpkommun[stanza]``. The
model itself is fetched once on a connected machine (see :func:`download_command`).

>>> import nlpkommun
>>> nlp = nlpkommun.load(ner="stanza", stanza_dir="~/stanza_resources")   # doctest: +SKIP
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from nlpkommun.backends import CharSpan, map_spans, set_entities
from nlpkommun.errors import BackendNotInstalledError, ModelNotFoundError

FACTORY = "nlpkommun_stanza_ner"
LANG = "sv"
PROCESSORS = "tokenize,ner"
INSTALL_COMMAND = "pip install nlpkommun[stanza]"


def download_command(model_dir: str | Path) -> str:
    """The command that fetches the stanza Swedish tokenizer and NER model into
    ``model_dir`` (to run on a machine with internet access)."""
    return (
        f"python -c \"import stanza; stanza.download('{LANG}', model_dir='{model_dir}', "
        f"processors='{PROCESSORS}')\""
    )


def import_stanza() -> ModuleType:
    """The stanza module, or :class:`BackendNotInstalledError` naming the install command."""
    try:
        import stanza
    except ImportError as exc:
        raise BackendNotInstalledError(
            f"ner='stanza' needs the stanza package, which is not installed: {INSTALL_COMMAND}"
        ) from exc
    return stanza


def default_model_dir() -> Path:
    """stanza's own default resources folder (``$STANZA_RESOURCES_DIR`` or stanza's cache)."""
    env = os.environ.get("STANZA_RESOURCES_DIR")
    if env:
        return Path(env)
    return Path(import_stanza().resources.common.DEFAULT_MODEL_DIR)


def check_model_dir(model_dir: Path) -> None:
    """Raise :class:`ModelNotFoundError` (naming the download command) unless ``model_dir``
    holds stanza's ``resources.json`` and a Swedish model folder."""
    if not (model_dir / "resources.json").is_file() or not (model_dir / LANG).is_dir():
        raise ModelNotFoundError(
            f"no stanza Swedish model in {model_dir} (expected resources.json and {LANG}/); "
            f"on a machine with internet access run: {download_command(model_dir)} "
            f"and copy the folder here"
        )


def load_stanza_pipeline(model_dir: str | Path | None = None, package: str = "default", use_gpu: bool = False) -> Any:
    """A ``stanza.Pipeline`` for Swedish tokenization and NER from a local folder; never downloads."""
    stanza = import_stanza()
    directory = Path(model_dir).expanduser() if model_dir else default_model_dir()
    check_model_dir(directory)
    try:
        return stanza.Pipeline(
            lang=LANG,
            dir=str(directory),
            processors=PROCESSORS,
            package=package,
            download_method=None,
            use_gpu=use_gpu,
            logging_level="WARN",
        )
    except (OSError, ValueError, KeyError) as exc:  # stanza's missing-file and unknown-package errors
        raise ModelNotFoundError(
            f"could not load the stanza Swedish NER model from {directory}: {exc}; "
            f"on a machine with internet access run: {download_command(directory)}"
        ) from exc


def stanza_entities(document: Any) -> list[CharSpan]:
    """The entities of a ``stanza.models.common.doc.Document`` as (start_char, end_char,
    label), labels as stanza wrote them."""
    return [(ent.start_char, ent.end_char, ent.type) for ent in document.ents]


class StanzaNER:
    """Runs a stanza pipeline on the text and writes its mapped entities on the Doc.

    ``pipeline`` (any callable text → stanza Document) replaces the loaded stanza model.
    """

    def __init__(
        self,
        nlp: Language,
        name: str,
        model_dir: str | None = None,
        package: str = "default",
        use_gpu: bool = False,
        pipeline: Callable[[str], Any] | None = None,
    ) -> None:
        self.name = name
        self.model_dir = model_dir
        self.pipeline = pipeline if pipeline is not None else load_stanza_pipeline(model_dir, package, use_gpu)

    def __call__(self, doc: Doc) -> Doc:
        if not doc.text.strip():
            return doc
        return set_entities(doc, map_spans(stanza_entities(self.pipeline(doc.text))))


@Language.factory(
    FACTORY,
    assigns=["doc.ents"],
    default_config={"model_dir": None, "package": "default", "use_gpu": False},
)
def make_stanza_ner(nlp: Language, name: str, model_dir: str | None, package: str, use_gpu: bool) -> StanzaNER:
    """spaCy factory for :class:`StanzaNER`; ``model_dir`` None means stanza's default folder."""
    return StanzaNER(nlp, name, model_dir=model_dir, package=package, use_gpu=use_gpu)
