"""PDF throughput: pages/second for plain ``pdfminer.high_level.extract_text`` and for
``read_pdf`` with the pdfminer and pdfium backends, in one run, with ratios; also lists
the warnings each document produced and any exception that escaped (there should be none).

    python benchmarks/pdf_throughput.py [DIR] [--repeat N] [--backends pdfminer,pdfium]

DIR defaults to ``<repo>/../shared/corpus/nacka``. Times are CPU seconds of this process
(``time.process_time``, robust when other jobs share the machine); wall seconds are
printed alongside. The acceptance bound is ``read_pdf(pdfminer) / extract_text <= 1.3``.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from pdfminer.high_level import extract_text

from nlpkommun.errors import NlpkommunError
from nlpkommun.ingest.pdf import read_pdf

DEFAULT_DIR = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "nacka"


def _timed(fn, repeat: int) -> tuple[float, float, object]:
    best_cpu = best_wall = float("inf")
    result: object = None
    for _ in range(repeat):
        c0, w0 = time.process_time(), time.perf_counter()
        result = fn()
        best_cpu = min(best_cpu, time.process_time() - c0)
        best_wall = min(best_wall, time.perf_counter() - w0)
    return best_cpu, best_wall, result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dir", nargs="?", type=Path, default=DEFAULT_DIR)
    ap.add_argument("--repeat", type=int, default=1, help="best of N runs per document and engine")
    ap.add_argument("--backends", default="pdfminer,pdfium")
    ap.add_argument("--quiet", action="store_true", help="no per-document lines")
    args = ap.parse_args(argv)
    files = sorted(args.dir.glob("*.pdf"))
    if not files:
        print(f"no PDFs in {args.dir}", file=sys.stderr)
        return 2
    engines = ["extract_text"] + [b for b in args.backends.split(",") if b]
    cpu = dict.fromkeys(engines, 0.0)
    wall = dict.fromkeys(engines, 0.0)
    pages_total = 0
    warnings: dict[str, list[str]] = {}
    failures: list[str] = []
    for f in files:
        data = f.read_bytes()
        c, w, text = _timed(lambda data=data: extract_text(__import__("io").BytesIO(data)), args.repeat)
        n_pages = max(1, str(text).count("\f"))
        cpu["extract_text"] += c
        wall["extract_text"] += w
        line = [f"{f.name[:70]:70s} {n_pages:4d}p  extract_text {c:6.2f}s"]
        for backend in engines[1:]:
            try:
                c, w, res = _timed(lambda data=data, backend=backend: read_pdf(data, backend=backend), args.repeat)
            except NlpkommunError as exc:  # typed errors are reported, not fatal
                failures.append(f"{f.name} [{backend}]: {type(exc).__name__}: {exc}")
                continue
            except Exception as exc:  # an escaped exception is a bug: report it loudly
                failures.append(f"{f.name} [{backend}]: UNTYPED {type(exc).__name__}: {exc}")
                continue
            cpu[backend] += c
            wall[backend] += w
            line.append(f"{backend} {c:6.2f}s")
            for msg in res.warnings:  # type: ignore[attr-defined]
                warnings.setdefault(f.name, []).append(f"[{backend}] {msg}")
        pages_total += n_pages
        if not args.quiet:
            print("  ".join(line), flush=True)
    print(f"\n{len(files)} documents, {pages_total} pages (CPU seconds; wall in brackets)")
    base = cpu["extract_text"]
    for e in engines:
        ratio = cpu[e] / base if base else float("nan")
        pps = pages_total / cpu[e] if cpu[e] else float("nan")
        print(f"  {e:14s} {cpu[e]:7.2f}s [{wall[e]:7.2f}s]  {pps:7.1f} pages/s  ratio to extract_text {ratio:5.2f}x")
    print("\nwarnings:" if warnings else "\nwarnings: none")
    for name, msgs in warnings.items():
        for msg in msgs:
            print(f"  {name}: {msg}")
    print("\nerrors:" if failures else "\nerrors: none")
    for msg in failures:
        print(f"  {msg}")
    return 1 if any("UNTYPED" in m for m in failures) else 0


if __name__ == "__main__":
    raise SystemExit(main())
