"""The text of a spaCy ``Doc``, built once for the components that read it one after another."""

from __future__ import annotations

import weakref

from spacy.tokens import Doc

_last: tuple[weakref.ref[Doc], str] | None = None


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per document: ``Doc.text`` rebuilds the string from every
    token on each access, a sizeable share of a short document's time when each component
    asks for it. A document's text never changes (the retokenizer keeps it), so the text of
    the last document asked for is kept (a weak reference to the document)."""
    global _last
    last = _last
    if last is not None and last[0]() is doc:
        return last[1]
    text = doc.text
    _last = (weakref.ref(doc), text)
    return text
