"""Cold load time of ``nlpkommun.load()`` (target < 3 s), measured in fresh processes,
with the ratio to a bare ``spacy.blank("sv")`` load in the same run.

usage: python benchmarks/load_time.py [--repeat N]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys

SNIPPETS = {
    "spacy.blank('sv')": "import spacy; spacy.blank('sv')",
    "nlpkommun.load()": "import nlpkommun; nlpkommun.load()",
    "nlpkommun.load() + first document": "import nlpkommun; nlp = nlpkommun.load(); nlp('Nämnden beslutade.')",
}


def timed(code: str) -> float:
    wrapper = f"import time; t = time.perf_counter(); {code}; print(time.perf_counter() - t)"
    out = subprocess.run([sys.executable, "-c", wrapper], capture_output=True, text=True, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    medians = {}
    for label, code in SNIPPETS.items():
        runs = [timed(code) for _ in range(args.repeat)]
        medians[label] = statistics.median(runs)
        print(f"{label:36s} median {medians[label]:.2f} s  (runs: {', '.join(f'{r:.2f}' for r in runs)})")
    base = medians["spacy.blank('sv')"]
    load = medians["nlpkommun.load()"]
    print(f"ratio nlpkommun.load() / spacy.blank: {load / base:.2f}x; target < 3 s: {'met' if load < 3 else 'NOT met'}")


if __name__ == "__main__":
    main()
