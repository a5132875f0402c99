"""The batch worker process: ``python -m nlpkommun.batch.worker TASK_FD RESULT_FD``.

Loads the pipeline once, then answers one message per document on RESULT_FD. Protocol
(pickled over :class:`multiprocessing.connection.Connection`):

- parent → worker: first a config dict (``ner``, ``pdf_backend``), then ``(source, bytes)``
  per document; end of file means stop.
- worker → parent: ``{"type": "ready"}`` once loaded (or ``{"type": "fatal", ...}``), then
  per document ``{"type": "ok", "id", "json", "pages", "rss_kb"}`` or
  ``{"type": "error", "error", "code", "message", "rss_kb"}``.

The worker is a plain subprocess (not a multiprocessing child), so it also works inside
daemonic processes such as Dask workers. It ignores SIGINT: the parent decides.
"""

from __future__ import annotations

import logging
import os
import resource
import signal
import sys
import time
from multiprocessing.connection import Connection
from typing import Any

#: Set to "1" only by the test suite: enables :func:`_test_hooks`.
TEST_HOOKS_ENV = "NLPKOMMUN_BATCH_TEST_HOOKS"


def _rss_kb() -> int:
    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def _test_hooks(data: bytes) -> None:
    """Misbehave on magic inputs so tests can exercise crash and timeout handling."""
    if b"NLPKOMMUN-TEST-SEGFAULT" in data:
        import ctypes

        ctypes.string_at(0)  # dereferences NULL: SIGSEGV
    if b"NLPKOMMUN-TEST-ABORT" in data:
        os.abort()
    hold = b""
    alloc = _hook_number(data, b"NLPKOMMUN-TEST-ALLOC-MB=")
    if alloc is not None:
        hold = b"x" * int(alloc * 1024 * 1024)  # touched, so it is resident
    delay = _hook_number(data, b"NLPKOMMUN-TEST-SLEEP=")
    if delay is not None:
        time.sleep(delay)
    del hold


def _hook_number(data: bytes, marker: bytes) -> float | None:
    at = data.find(marker)
    if at < 0:
        return None
    return float(data[at + len(marker):at + len(marker) + 8].split()[0])


def _warm_up(nlp: Any) -> None:
    """Import the PDF readers and run one small document now (components load lazily), so
    start-up time never counts against a document's timeout."""
    import importlib

    from nlpkommun.api import extract

    extract("Protokoll\n\nKommunstyrelsen sammanträdde den 3 mars 2021.", nlp=nlp)

    for module in ("nlpkommun.ingest.pdf", "pdfminer.high_level"):
        try:
            importlib.import_module(module)
        except ImportError:
            pass


def _process(nlp: Any, source: str, data: bytes, pdf_backend: str) -> dict[str, Any]:
    from nlpkommun.api import extract
    from nlpkommun.errors import NlpkommunError

    try:
        record = extract(data, nlp=nlp, name=source, pdf_backend=pdf_backend)
    except NlpkommunError as exc:
        return {"type": "error", "error": type(exc).__name__, "code": exc.code, "message": str(exc)}
    except MemoryError:
        return {"type": "error", "error": "MemoryError", "code": "worker_memory", "message": "out of memory",
                "exit": True}
    except Exception as exc:  # noqa: BLE001 - a library bug costs one document, not the run
        return {"type": "error", "error": type(exc).__name__, "code": "internal", "message": str(exc)[:2000]}
    return {"type": "ok", "id": record.id, "json": record.model_dump_json(), "pages": record.pages or 0}


def main(argv: list[str]) -> int:
    """Serve documents until the task pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    tasks = Connection(int(argv[1]), writable=False)
    results = Connection(int(argv[2]), readable=False)
    os.dup2(2, 1)  # stray prints go to stderr, never into the protocol
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    hooks = os.environ.get(TEST_HOOKS_ENV) == "1"
    try:
        config = tasks.recv()
        from nlpkommun.api import load

        nlp = load(ner=config.get("ner", "default"))
        _warm_up(nlp)
    except EOFError:
        return 0
    except Exception as exc:  # noqa: BLE001 - reported to the parent, which stops the run
        try:
            results.send({"type": "fatal", "error": type(exc).__name__, "message": str(exc)})
        except OSError:
            pass
        return 1
    try:
        results.send({"type": "ready", "pid": os.getpid()})
    except OSError:  # the parent finished or died meanwhile
        return 0
    pdf_backend = config.get("pdf_backend", "pdfminer")
    while True:
        try:
            source, data = tasks.recv()
        except EOFError:
            return 0
        if hooks:
            _test_hooks(data)
        reply = _process(nlp, source, data, pdf_backend)
        reply["rss_kb"] = _rss_kb()
        try:
            results.send(reply)
        except OSError:
            return 0
        if reply.get("exit"):
            return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
