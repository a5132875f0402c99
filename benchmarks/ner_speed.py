"""Speed of the full ``nlpkommun.load()`` pipeline with NER, on one CPU core.

Prints words/s for: the tokenizer alone; the NER model alone on pre-tokenised docs;
``nlpkommun.load(components=False)`` without and with NER (tokenizer, sentences, lemmas);
``nlpkommun.load(ner=None)`` and the full ``nlpkommun.load()`` (with the shipped NER model
and every domain component), and the ratio full / tokenizer-only.

Usage: ``python benchmarks/ner_speed.py [--model PATH] [--words 60000] [--repeat 3] [--documents 33]``.
Text: the example documents and the klintan test sentences from ``../shared`` when
present (each paragraph or sentence a separate doc, so per-document costs weigh in),
otherwise a built-in municipal paragraph repeated. With ``../shared/corpus/nacka`` present
it also times whole municipal documents (the corpus PDFs' text, through
``nlpkommun.pipeline.process`` as ``nlpkommun.extract`` runs them; PDF reading not timed).
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"

FALLBACK = (
    "Kommunstyrelsen sammanträdde i Stadshuset. Närvarande: Anna Berg (M), ordförande, "
    "Erik Lund (S), Karin Holm (C) och Mats Nyberg (L). Utbildningsförvaltningen föreslår att "
    "nämnden godkänner rapporten om förskoleplatser i Västerås. ERIK LUND (S): Jag yrkar avslag. "
    "Ärendet har beretts av socialförvaltningen i samverkan med Polisen och Region Uppsala."
)


def load_texts(n_words: int) -> list[str]:
    """Paragraph-sized texts adding up to about ``n_words`` whitespace words."""
    paragraphs: list[str] = []
    examples = SHARED / "examples"
    if examples.is_dir():
        for f in sorted(examples.glob("*.txt")):
            paragraphs += [p for p in f.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    klintan = SHARED / "data" / "ner" / "klintan" / "test_corpus.txt"
    if klintan.is_file():
        sent: list[str] = []
        for line in klintan.read_text(encoding="utf-8").splitlines():
            if line.strip():
                sent.append(line.split()[0])
            elif sent:
                paragraphs.append(" ".join(sent))
                sent = []
    if not paragraphs:
        paragraphs = [FALLBACK]
    texts, total, i = [], 0, 0
    while total < n_words:
        p = paragraphs[i % len(paragraphs)]
        texts.append(p)
        total += len(p.split())
        i += 1
    return texts


def load_documents(limit: int) -> list[str]:
    """Full texts of up to ``limit`` corpus PDFs (``../shared/corpus/nacka``), as the library
    reads them; [] when the corpus is absent. PDF reading is not timed."""
    from nlpkommun.errors import NlpkommunError
    from nlpkommun.ingest import ingest

    corpus = SHARED / "corpus" / "nacka"
    texts = []
    for path in sorted(corpus.glob("*.pdf"))[:limit] if corpus.is_dir() else []:
        try:
            texts.append(ingest(path).text)
        except NlpkommunError:
            continue
    return texts


def words_per_second(fn, texts: list[str], repeat: int) -> tuple[float, int]:
    """Best-of-``repeat`` words/s where words = non-space tokens produced."""
    best = 0.0
    n_words = 0
    for _ in range(repeat):
        start = time.perf_counter()
        n_words = fn(texts)
        best = max(best, n_words / (time.perf_counter() - start))
    return best, n_words


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=None, help="NER pipeline (default: shipped model)")
    parser.add_argument("--words", type=int, default=60000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--documents", type=int, default=33, help="also time whole corpus documents (0 = skip; default: all 33)"
    )
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})

    import nlpkommun
    from nlpkommun.pipeline import default_model_path

    model = args.model or default_model_path()
    if not (model / "config.cfg").is_file():
        raise SystemExit(f"no NER model at {model}; train one or set NLPKOMMUN_NER_MODEL")
    import spacy

    texts = load_texts(args.words)
    full = nlpkommun.load(ner=model)
    no_ner = nlpkommun.load(ner=None)
    base = nlpkommun.load(ner=None, components=False)
    base_ner = nlpkommun.load(ner=model, components=False)
    ner_only = spacy.load(model)

    def count(docs) -> int:
        return sum(sum(1 for t in d if not t.is_space) for d in docs)

    runs = {
        "tokenizer only": lambda ts: count(full.make_doc(t) for t in ts),
        "NER model alone": lambda ts: count(ner_only.pipe(full.make_doc(t) for t in ts)),
        "load(ner=None, components=False)": lambda ts: count(base.pipe(ts)),
        "load(components=False)": lambda ts: count(base_ner.pipe(ts)),
        "load(ner=None)": lambda ts: count(no_ner.pipe(ts)),
        "load() with NER": lambda ts: count(full.pipe(ts)),
    }
    count(full.pipe(texts[:50]))  # warm-up
    results = {}
    for name, fn in runs.items():
        wps, n = words_per_second(fn, texts, args.repeat)
        results[name] = wps
        print(f"{name:<34} {wps:>10,.0f} words/s  ({n:,} words, best of {args.repeat})")
    full_wps = results["load() with NER"]
    ner_cost = 1e6 / results["load(components=False)"] - 1e6 / results["load(ner=None, components=False)"]
    documents = load_documents(args.documents) if args.documents else []
    if documents:
        from nlpkommun.pipeline import process

        doc_runs = {
            "documents, load(components=False)": lambda ts: count(process(base_ner, t) for t in ts),
            "documents, load() with NER": lambda ts: count(process(full, t) for t in ts),
        }
        for name, fn in doc_runs.items():
            wps, n = words_per_second(fn, documents, 1)
            results[name] = wps
            print(f"{name:<34} {wps:>10,.0f} words/s  ({n:,} words in {len(documents)} whole documents)")
    print(f"model: {model}")
    print(f"pipeline: {full.pipe_names}")
    print(f"NER adds {ner_cost:.1f} µs/word to the base pipeline")
    print(f"full pipeline with NER: {full_wps:,.0f} words/s on one core; ratio to tokenizer-only: "
          f"{full_wps / results['tokenizer only']:.4f}; to load(ner=None, components=False): "
          f"{full_wps / results['load(ner=None, components=False)']:.4f}")
    if "documents, load() with NER" in results:
        print(f"full pipeline with NER on whole municipal documents: {results['documents, load() with NER']:,.0f} "
              "words/s on one core")


if __name__ == "__main__":
    main()
