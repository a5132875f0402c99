"""Extraction quality on hand-made gold files: runs the extractor on each gold document
and prints the scorer's table (../shared/tools/score.py).

usage: python benchmarks/extraction_quality.py
       [--set dev|heldout|...|synthetic2|otherdev|all|example]  (any folder of benchmarks/gold/)
       [--json OUT] [--keep DIR] [--pdf-backend pdfminer|pdfium]

The documents are read from ../shared/corpus/nacka/ (and ../shared/examples/ for the
example gold file, the folders of tests/fixtures/ for the invented documents in other
municipalities' styles: synthetic*, otherdev); predictions go to a temporary folder (or --keep DIR).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
GOLD = REPO / "benchmarks" / "gold"
SEARCH_DIRS = [
    SHARED / "corpus" / "nacka",
    SHARED / "examples",
    *sorted(p for p in (REPO / "tests" / "fixtures").glob("municipal*") if p.is_dir()),
]


def _scorer():
    spec = importlib.util.spec_from_file_location("score", SHARED / "tools" / "score.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def gold_dirs(which: str) -> list[Path]:
    held_out = ["heldout", "heldout2", "heldout3", "heldout4", "heldout5"]
    return [GOLD / w for w in (["dev", *held_out] if which == "all" else [which])]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sets = sorted(p.name for p in GOLD.iterdir() if p.is_dir()) + ["all", "example"]
    ap.add_argument("--set", default="dev", choices=sets)
    ap.add_argument("--pdf-backend", default="pdfminer", choices=["pdfminer", "pdfium"])
    ap.add_argument("--json", type=Path, help="write the scorer's summary and per-document detail here")
    ap.add_argument("--keep", type=Path, help="keep predictions in this folder")
    args = ap.parse_args(argv)
    if not SHARED.exists():
        print(f"{SHARED} is absent: nothing to score", file=sys.stderr)
        return 1
    import nlpkommun

    nlp = nlpkommun.load()
    pred_dir = args.keep or Path(tempfile.mkdtemp(prefix="nlpkommun-pred-"))
    pred_dir.mkdir(parents=True, exist_ok=True)
    gold_tmp = Path(tempfile.mkdtemp(prefix="nlpkommun-gold-"))
    if args.set == "example":
        sources = [SHARED / "examples" / "001_48a3ee4b4388261b.expected.json"]
        (gold_tmp / "001_48a3ee4b4388261b.txt.json").write_text(sources[0].read_text(encoding="utf-8"))
    else:
        for d in gold_dirs(args.set):
            for gf in sorted(d.glob("*.json")):
                (gold_tmp / gf.name).write_text(gf.read_text(encoding="utf-8"), encoding="utf-8")
    t0 = time.perf_counter()
    n = 0
    for gf in sorted(gold_tmp.glob("*.json")):
        name = json.loads(gf.read_text(encoding="utf-8"))["file"]
        src = next((d / name for d in SEARCH_DIRS if (d / name).exists()), None)
        if src is None:
            print(f"missing document for gold file {gf.name}", file=sys.stderr)
            continue
        try:
            record = nlpkommun.extract(src, nlp=nlp, pdf_backend=args.pdf_backend)
            (pred_dir / f"{name}.json").write_text(record.model_dump_json(), encoding="utf-8")
        except nlpkommun.errors.NlpkommunError as exc:
            print(f"{name}: {exc}", file=sys.stderr)
        n += 1
    print(f"{n} documents extracted in {time.perf_counter() - t0:.1f} s (set: {args.set})")
    argv_score = ["score.py", str(gold_tmp), str(pred_dir)]
    if args.json:
        argv_score += ["--json", str(args.json)]
    _scorer().main(argv_score)
    return 0


if __name__ == "__main__":
    sys.exit(main())
