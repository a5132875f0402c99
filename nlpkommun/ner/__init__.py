"""Swedish NER for nlpkommun: corpus converters, training, evaluation.

The trained pipeline ships in ``models/nlpkommun-sv-ner``; ``nlpkommun.load()`` adds its
self-contained ``ner`` component. Training needs the corpora in ``../shared/data``.
"""

from nlpkommun.ner.corpora import (
    CORE_LABELS,
    TaggedSentence,
    bio_to_spans,
    dedup,
    io_to_bio,
    read_conll,
    read_klintan,
    read_suc_slice,
    remove_overlap,
)

__all__ = [
    "CORE_LABELS",
    "TaggedSentence",
    "bio_to_spans",
    "dedup",
    "io_to_bio",
    "read_conll",
    "read_klintan",
    "read_suc_slice",
    "remove_overlap",
]
