"""spaCy training config for a self-contained ``ner`` pipeline (tok2vec embedded in ner)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from thinc.api import Config


@dataclass
class ModelOptions:
    """Architecture and optimiser settings (defaults are the shipped choice)."""

    width: int = 96
    depth: int = 4
    window_size: int = 1
    maxout_pieces: int = 3
    attrs: list[str] = field(default_factory=lambda: ["NORM", "PREFIX", "SUFFIX", "SHAPE"])
    rows: list[int] = field(default_factory=lambda: [20000, 2000, 8000, 1000])
    hidden_width: int = 64
    dropout: float = 0.2
    learn_rate: float = 0.001
    #: 0 = constant learning rate; otherwise linear warm-up over ``warmup_steps`` then linear
    #: decay to 0 at ``decay_steps`` (spaCy's ``warmup_linear.v1``)
    decay_steps: int = 0
    warmup_steps: int = 250
    use_averages: bool = True
    batch_start: int = 100
    batch_stop: int = 1000
    eval_frequency: int = 200
    patience: int = 1600
    max_steps: int = 2600

    def as_dict(self) -> dict[str, object]:
        """Plain dict of the options (for the model card / meta)."""
        return asdict(self)


def build_config(opts: ModelOptions, train_path: str, dev_path: str, seed: int = 0) -> Config:
    """A spaCy config whose only pipe is ``ner`` with its own embedded Tok2Vec."""
    if len(opts.attrs) != len(opts.rows):
        raise ValueError("attrs and rows must have the same length")
    cfg = {
        "paths": {"train": train_path, "dev": dev_path},
        "system": {"seed": seed, "gpu_allocator": None},
        "nlp": {
            "lang": "sv",
            "pipeline": ["ner"],
            "batch_size": 1000,
            "tokenizer": {"@tokenizers": "spacy.Tokenizer.v1"},
        },
        "components": {
            "ner": {
                "factory": "ner",
                "moves": None,
                "update_with_oracle_cut_size": 100,
                "incorrect_spans_key": None,
                "model": {
                    "@architectures": "spacy.TransitionBasedParser.v2",
                    "state_type": "ner",
                    "extra_state_tokens": False,
                    "hidden_width": opts.hidden_width,
                    "maxout_pieces": 2,
                    "use_upper": True,
                    "nO": None,
                    "tok2vec": {
                        "@architectures": "spacy.Tok2Vec.v2",
                        "embed": {
                            "@architectures": "spacy.MultiHashEmbed.v2",
                            "width": opts.width,
                            "attrs": list(opts.attrs),
                            "rows": list(opts.rows),
                            "include_static_vectors": False,
                        },
                        "encode": {
                            "@architectures": "spacy.MaxoutWindowEncoder.v2",
                            "width": opts.width,
                            "depth": opts.depth,
                            "window_size": opts.window_size,
                            "maxout_pieces": opts.maxout_pieces,
                        },
                    },
                },
            }
        },
        "corpora": {
            "train": {
                "@readers": "spacy.Corpus.v1",
                "path": train_path,
                "max_length": 0,
                "gold_preproc": False,
                "limit": 0,
                "augmenter": None,
            },
            "dev": {
                "@readers": "spacy.Corpus.v1",
                "path": dev_path,
                "max_length": 0,
                "gold_preproc": False,
                "limit": 0,
                "augmenter": None,
            },
        },
        "training": {
            "dev_corpus": "corpora.dev",
            "train_corpus": "corpora.train",
            "seed": seed,
            "gpu_allocator": None,
            "dropout": opts.dropout,
            "accumulate_gradient": 1,
            "patience": opts.patience,
            "max_epochs": 0,
            "max_steps": opts.max_steps,
            "eval_frequency": opts.eval_frequency,
            "frozen_components": [],
            "annotating_components": [],
            "before_to_disk": None,
            "before_update": None,
            "optimizer": {
                "@optimizers": "Adam.v1",
                "beta1": 0.9,
                "beta2": 0.999,
                "L2_is_weight_decay": True,
                "L2": 0.01,
                "grad_clip": 1.0,
                "use_averages": opts.use_averages,
                "eps": 1e-8,
                "learn_rate": _learn_rate(opts),
            },
            "batcher": {
                "@batchers": "spacy.batch_by_words.v1",
                "discard_oversize": False,
                "tolerance": 0.2,
                "get_length": None,
                "size": {
                    "@schedules": "compounding.v1",
                    "start": opts.batch_start,
                    "stop": opts.batch_stop,
                    "compound": 1.001,
                    "t": 0.0,
                },
            },
            "logger": {"@loggers": "spacy.ConsoleLogger.v1", "progress_bar": False},
            "score_weights": {"ents_f": 1.0, "ents_p": 0.0, "ents_r": 0.0, "ents_per_type": None},
        },
        "initialize": {
            "vectors": None,
            "init_tok2vec": None,
            "vocab_data": None,
            "lookups": None,
            "before_init": None,
            "after_init": None,
            "tokenizer": {},
            "components": {},
        },
        "pretraining": {},
    }
    return Config(cfg)


def _learn_rate(opts: ModelOptions) -> float | dict[str, object]:
    if opts.decay_steps <= 0:
        return opts.learn_rate
    return {
        "@schedules": "warmup_linear.v1",
        "warmup_steps": opts.warmup_steps,
        "total_steps": opts.decay_steps,
        "initial_rate": opts.learn_rate,
    }
