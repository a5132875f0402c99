"""Bring-your-own spaCy NER: real foreign spaCy pipelines saved to disk (sv_core_news_lg
itself cannot be installed here)."""

from __future__ import annotations

import re

import pytest
import spacy

import nlpkommun
from nlpkommun.backends.spacy_model import (
    FACTORY,
    entity_components,
    entity_spans,
    has_native_labels,
    install_command,
    resolve_model,
)
from nlpkommun.errors import ModelNotFoundError

TEXT = "Ordförande Anna Berg (S) från Nacka kommun besökte Fisksätra centrum i mars 2021."

#: SUC3-style labels as the spaCy Swedish pipelines (sv_core_news_*) write them
PATTERNS = [
    {"label": "PRS", "pattern": "Anna Berg"},
    {"label": "ORG", "pattern": "Nacka kommun"},
    {"label": "LOC", "pattern": "Fisksätra centrum"},
    {"label": "TME", "pattern": "mars 2021"},
]


@pytest.fixture(scope="module")
def foreign_pipeline(tmp_path_factory):
    """A Swedish spaCy pipeline with a sentencizer and an entity ruler using SUC3 labels."""
    nlp = spacy.blank("sv")
    nlp.add_pipe("sentencizer")
    ruler = nlp.add_pipe("entity_ruler")
    nlp.initialize()  # (clears the ruler's patterns: add them afterwards)
    ruler.add_patterns(PATTERNS)
    path = tmp_path_factory.mktemp("foreign") / "sv_foreign"
    nlp.to_disk(path)
    return path


def test_foreign_labels_are_mapped_onto_nlpkommun_entities(foreign_pipeline):
    nlp = nlpkommun.load(ner=str(foreign_pipeline), components=False)
    assert nlp.get_pipe_meta("ner").factory == FACTORY
    doc = nlp(TEXT)
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Anna Berg", "PER"),
        ("Nacka kommun", "ORG"),
        ("Fisksätra centrum", "LOC"),
    ]  # TME dropped


def test_only_entity_components_of_the_foreign_pipeline_run(foreign_pipeline):
    nlp = nlpkommun.load(ner=foreign_pipeline, components=False)
    external = nlp.get_pipe("ner").external
    assert external.pipe_names == ["entity_ruler"]
    assert "sentencizer" in external.disabled


def test_pipe_matches_call(foreign_pipeline):
    nlp = nlpkommun.load(ner=str(foreign_pipeline), components=False)
    texts = [TEXT, "Inget namn här.", "Anna Berg igen."]
    piped = [[(e.text, e.label_) for e in d.ents] for d in nlp.pipe(texts, batch_size=2)]
    assert piped[0] and piped[2] == [("Anna Berg", "PER")]
    assert piped == [[(e.text, e.label_) for e in nlp(t).ents] for t in texts]


def test_entity_components_keep_the_tok2vec_that_ner_listens_to():
    nlp = spacy.blank("sv")
    nlp.add_pipe("tok2vec")
    listener = {"@architectures": "spacy.Tok2VecListener.v1", "width": 96, "upstream": "*"}
    nlp.add_pipe("ner", config={"model": {"@architectures": "spacy.TransitionBasedParser.v2", "state_type": "ner",
                                          "hidden_width": 16, "maxout_pieces": 2, "use_upper": True,
                                          "tok2vec": listener}})
    nlp.get_pipe("ner").add_label("PRS")
    nlp.add_pipe("tagger").add_label("NN")
    nlp.initialize()
    assert entity_components(nlp) == ["tok2vec", "ner"]


def test_entity_spans_reads_a_spacy_doc():
    nlp = spacy.blank("sv")
    nlp.add_pipe("entity_ruler").add_patterns(PATTERNS)
    assert entity_spans(nlp(TEXT))[0] == (11, 20, "PRS")


def test_native_model_is_copied_in_as_ner(tmp_path):
    nlp = spacy.blank("sv")
    ner = nlp.add_pipe("ner")
    for label in ("PER", "ORG", "LOC"):
        ner.add_label(label)
    nlp.initialize()
    nlp.to_disk(tmp_path / "native")
    assert has_native_labels(tmp_path / "native")
    loaded = nlpkommun.load(ner=tmp_path / "native", components=False)
    assert loaded.get_pipe_meta("ner").factory == "ner"


def test_missing_package_names_the_install_command():
    if spacy.util.is_package("sv_core_news_lg"):
        pytest.skip("sv_core_news_lg is installed here")
    with pytest.raises(ModelNotFoundError, match=re.escape(install_command("sv_core_news_lg"))):
        nlpkommun.load(ner="sv_core_news_lg")
    assert install_command("sv_core_news_lg") == "python -m spacy download sv_core_news_lg"


def test_missing_directory_is_a_typed_error(tmp_path):
    with pytest.raises(ModelNotFoundError, match="no spaCy pipeline at"):
        resolve_model(tmp_path / "nothing")
    with pytest.raises(ModelNotFoundError, match="no spaCy pipeline at"):
        nlpkommun.load(ner="./no/such/pipeline")


def test_pipeline_without_entities_is_a_typed_error(tmp_path):
    nlp = spacy.blank("sv")
    nlp.add_pipe("sentencizer")
    nlp.to_disk(tmp_path / "plain")
    with pytest.raises(ModelNotFoundError, match="no entity component"):
        nlpkommun.load(ner=tmp_path / "plain", components=False)


def test_saved_pipeline_with_a_foreign_ner_loads_with_spacy(foreign_pipeline, tmp_path):
    nlpkommun.load(ner=str(foreign_pipeline), components=False).to_disk(tmp_path / "saved")
    nlp = spacy.load(tmp_path / "saved")
    assert nlp.get_pipe_meta("ner").factory == FACTORY
    assert [(e.text, e.label_) for e in nlp(TEXT).ents][0] == ("Anna Berg", "PER")


def test_foreign_ner_works_across_two_processes(foreign_pipeline):
    nlp = nlpkommun.load(ner=str(foreign_pipeline), components=False)
    texts = [TEXT, "Anna Berg igen.", "Inget namn här."]
    two = [[(e.text, e.label_) for e in d.ents] for d in nlp.pipe(texts, n_process=2, batch_size=1)]
    assert two == [[(e.text, e.label_) for e in nlp(t).ents] for t in texts]
