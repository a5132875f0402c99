"""Batch throughput: pages/s of ``nlpkommun batch`` with 1 and 2 workers, the speed-up,
peak RSS per worker, and end-to-end time as a ratio to plain pdfminer ``extract_text``
over the same files, all in one run.

    python benchmarks/batch_throughput.py [DIR] [--workers 1,2] [--timeout S] [--keep DIR] [--stages]
        [--pdf-backend pdfminer|pdfium]

DIR defaults to ``<repo>/../shared/corpus/nacka``. Each batch run is end to end: worker
start-up (model load), reading, PDF text, the pipeline and the durable JSONL output.
Wall seconds are what a user waits; CPU seconds (this process plus its workers) are
printed beside them because they hold up when other jobs share the machine. Targets:
speed-up 1 → 2 workers >= 1.7x, peak RSS per worker <= 500 MB, batch(1 worker) /
extract_text <= 1.5x (with the default pdfminer backend). ``--pdf-backend pdfium`` runs the
batches on the optional pypdfium2 backend instead. ``--stages`` also times, in this process, nlpkommun's PDF ingestion
alone and the spaCy pipeline per component, to show where a batch's time goes.
"""

from __future__ import annotations

import argparse
import logging
import resource
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DIR = REPO.parent / "shared" / "corpus" / "nacka"


def _cpu() -> float:
    """CPU seconds of this process and of its finished children."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def pdfminer_baseline(files: list[Path]) -> tuple[float, float, int]:
    """(wall s, CPU s, pages) of plain ``extract_text`` over the files, one process."""
    from pdfminer.high_level import extract_text
    from pdfminer.pdfpage import PDFPage

    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    pages = 0
    wall, cpu = time.perf_counter(), _cpu()
    for path in files:
        try:
            extract_text(str(path))
        except Exception as exc:  # noqa: BLE001 - the baseline just reports it
            print(f"  pdfminer failed on {path.name}: {type(exc).__name__}: {exc}", file=sys.stderr)
    wall, cpu = time.perf_counter() - wall, _cpu() - cpu
    for path in files:
        with path.open("rb") as f:
            pages += sum(1 for _ in PDFPage.get_pages(f))
    return wall, cpu, pages


def stage_times(files: list[Path]) -> dict[str, float]:
    """CPU seconds of ingestion and of each pipeline component over the files, one process."""
    import nlpkommun
    from nlpkommun.errors import NlpkommunError
    from nlpkommun.ingest import ingest

    nlp = nlpkommun.load()
    nlpkommun.extract("Kommunen beslutade.", nlp=nlp)  # components load lazily
    times: dict[str, float] = {"ingest": 0.0, "tokenizer": 0.0}
    for path in files:
        start = time.process_time()
        try:
            text = ingest(path).text
        except NlpkommunError:
            continue
        times["ingest"] += time.process_time() - start
        start = time.process_time()
        doc = nlp.make_doc(text)
        times["tokenizer"] += time.process_time() - start
        for name, component in nlp.pipeline:
            start = time.process_time()
            doc = component(doc)
            times[name] = times.get(name, 0.0) + time.process_time() - start
    return times


def batch_run(corpus: Path, workers: int, out_dir: Path, timeout: float, pdf_backend: str = "pdfminer"):
    """One end-to-end batch run; returns (summary, wall s, CPU s)."""
    from nlpkommun.batch import run_batch

    output = out_dir / f"batch_{workers}w_{pdf_backend}.jsonl"
    wall, cpu = time.perf_counter(), _cpu()
    summary = run_batch([corpus], output, workers=workers, timeout=timeout, progress="off", pdf_backend=pdf_backend)
    return summary, time.perf_counter() - wall, _cpu() - cpu


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_DIR)
    ap.add_argument("--workers", default="1,2", help="comma-separated worker counts (default 1,2)")
    ap.add_argument("--timeout", type=float, default=600.0, help="per-document timeout in seconds")
    ap.add_argument("--keep", type=Path, help="keep the batch outputs in this folder")
    ap.add_argument("--stages", action="store_true", help="also time ingestion and each pipeline component")
    ap.add_argument(
        "--pdf-backend", default="pdfminer", choices=("pdfminer", "pdfium"),
        help="PDF backend of the batch runs (default pdfminer; the baseline is always pdfminer extract_text)",
    )
    args = ap.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus} (../shared is not beside the repository)", file=sys.stderr)
        return 2
    files = sorted(p for p in args.corpus.rglob("*.pdf"))
    counts = [int(w) for w in args.workers.split(",")]
    print(f"corpus: {args.corpus.resolve()} ({len(files)} PDFs, {sum(p.stat().st_size for p in files) / 1e6:.1f} MB)")

    base_wall, base_cpu, base_pages = pdfminer_baseline(files)
    print(f"pdfminer extract_text: {base_pages} pages in {base_wall:.1f} s wall / {base_cpu:.1f} s CPU "
          f"({base_pages / base_wall:.1f} pages/s)")

    out_dir = args.keep or Path(tempfile.mkdtemp(prefix="nlpkommun-batch-bench-"))
    out_dir.mkdir(parents=True, exist_ok=True)
    results = {}
    for n in counts:
        summary, wall, cpu = batch_run(args.corpus, n, out_dir, args.timeout, args.pdf_backend)
        results[n] = (summary, wall, cpu)
        print(f"batch --workers {n} --pdf-backend {args.pdf_backend}: {summary.ok} ok, {summary.failed} failed, "
              f"{summary.pages} pages in "
              f"{wall:.1f} s wall / {cpu:.1f} s CPU = {summary.pages / wall:.2f} pages/s; "
              f"peak RSS per worker {summary.worker_peak_rss_mb:.0f} MB")
        if summary.failed:
            print(f"  failures listed in {summary.errors}")

    print()
    print("| measure | value | target |")
    print("|---|---|---|")
    for n, (summary, wall, _) in results.items():
        print(f"| pages/s, {n} worker{'s' if n > 1 else ''} | {summary.pages / wall:.2f} | |")
    if 1 in results and 2 in results:
        speedup = (results[2][0].pages / results[2][1]) / (results[1][0].pages / results[1][1])
        print(f"| speed-up 1 → 2 workers (pages/s) | {speedup:.2f}x | >= 1.7x |")
    peak = max(s.worker_peak_rss_mb for s, _, _ in results.values())
    print(f"| peak RSS per worker | {peak:.0f} MB | <= 500 MB |")
    for n, (_, wall, cpu) in results.items():
        print(f"| batch ({n}w) / extract_text, wall | {wall / base_wall:.2f}x | {'<= 1.5x' if n == 1 else ''} |")
        print(f"| batch ({n}w) / extract_text, CPU | {cpu / base_cpu:.2f}x | |")
    if args.stages:
        times = stage_times(files)
        print()
        print("| stage (one process, CPU s) | seconds | / extract_text |")
        print("|---|---|---|")
        for name, seconds in sorted(times.items(), key=lambda t: -t[1]):
            print(f"| {name} | {seconds:.1f} | {seconds / base_cpu:.2f}x |")
    if args.keep is None:
        import shutil

        shutil.rmtree(out_dir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
