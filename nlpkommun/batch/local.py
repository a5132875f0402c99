"""The local engine: a pool of worker subprocesses, each loading the pipeline once.

The parent reads the inputs (so it knows each content id and can skip what is done),
sends one document at a time to an idle worker and writes what comes back to the
:class:`~nlpkommun.batch.manifest.Manifest`. A worker that dies (segfault, killed by the
OOM killer), runs past the per-document timeout, or grows past the memory limit is
killed if needed and replaced; only the document it held fails, with
:class:`~nlpkommun.errors.WorkerCrashedError`, :class:`~nlpkommun.errors.DocumentTimeoutError`
or :class:`~nlpkommun.errors.WorkerMemoryError` in the error manifest.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from nlpkommun.batch.inputs import Document, InputFailure
from nlpkommun.batch.manifest import Manifest
from nlpkommun.batch.progress import Progress
from nlpkommun.batch.summary import BatchSummary
from nlpkommun.errors import (
    BatchError,
    DocumentTimeoutError,
    ModelError,
    NlpkommunError,
    WorkerCrashedError,
    WorkerMemoryError,
)

#: Workers that die before they are ready, in a row, before the run is given up.
MAX_START_FAILURES = 3
_POLL = 0.5


@dataclass
class WorkerConfig:
    """What each worker builds: the NER model (``"default"``, a path or None) and PDF engine."""

    ner: str | None = "default"
    pdf_backend: str = "pdfminer"

    def as_dict(self) -> dict[str, Any]:
        return {"ner": self.ner, "pdf_backend": self.pdf_backend}


def default_workers() -> int:
    """The CPU cores this process may use, at most 8."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        cpus = os.cpu_count() or 1
    return max(1, min(cpus, 8))


def _worker_env() -> dict[str, str]:
    """The parent's environment, with this package importable even when it is not installed."""
    env = dict(os.environ)
    root = Path(__file__).resolve().parents[2]
    if root.name not in ("site-packages", "dist-packages"):  # a source checkout, maybe not installed
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(root), env.get("PYTHONPATH", "")) if p)
    return env


@dataclass
class _Worker:
    proc: subprocess.Popen
    tasks: Connection
    results: Connection
    ready: bool = False
    task: Document | None = None
    started: float = 0.0
    peak_rss_kb: int = 0

    @classmethod
    def spawn(cls, config: WorkerConfig) -> _Worker:
        task_r, task_w = os.pipe()
        res_r, res_w = os.pipe()
        try:
            proc = subprocess.Popen(
                [sys.executable, "-m", "nlpkommun.batch.worker", str(task_r), str(res_w)],
                pass_fds=(task_r, res_w),
                stdin=subprocess.DEVNULL,
                env=_worker_env(),
            )
        finally:
            os.close(task_r)
            os.close(res_w)
        worker = cls(proc, Connection(task_w, readable=False), Connection(res_r, writable=False))
        worker.tasks.send(config.as_dict())
        return worker

    def rss_kb(self) -> int | None:
        """Current resident memory (Linux /proc), or None when unknown."""
        try:
            with open(f"/proc/{self.proc.pid}/statm") as f:
                return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024
        except (OSError, ValueError, IndexError):
            return None

    def stop(self, kill: bool = False) -> int | None:
        """Close the pipes and end the process (killing it when asked or when it lingers)."""
        for conn in (self.tasks, self.results):
            try:
                conn.close()
            except OSError:
                pass
        if kill and self.proc.poll() is None:
            self.proc.kill()
        try:
            return self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            return self.proc.wait()


def _death(returncode: int | None) -> str:
    if returncode is not None and returncode < 0:
        try:
            name = signal.Signals(-returncode).name
        except ValueError:
            name = f"signal {-returncode}"
        hint = " (likely out of memory)" if -returncode == signal.SIGKILL else ""
        return f"the worker process died with {name}{hint} while processing this document"
    return f"the worker process exited with status {returncode} while processing this document"


class LocalEngine:
    """Runs documents through ``workers`` worker processes into a manifest."""

    def __init__(
        self,
        manifest: Manifest,
        *,
        workers: int = 1,
        timeout: float | None = 600.0,
        max_worker_memory_mb: float | None = None,
        config: WorkerConfig | None = None,
        progress: Progress | None = None,
    ) -> None:
        if workers < 1:
            raise BatchError(f"--workers must be at least 1, not {workers}")
        if timeout is not None and timeout <= 0:
            raise BatchError(f"--timeout must be positive, not {timeout}")
        self.manifest = manifest
        self.n_workers = workers
        self.timeout = timeout
        self.max_rss_kb = int(max_worker_memory_mb * 1024) if max_worker_memory_mb else None
        self.config = config or WorkerConfig()
        self.progress = progress
        self.summary = BatchSummary(output=str(manifest.output), errors=str(manifest.errors))
        self._pool: list[_Worker] = []
        self._start_failures = 0
        self._written: set[str] = set()  # content ids written in this run
        self._exhausted = False

    # -- results -------------------------------------------------------------------
    def _advance(self, status: str, pages: int = 0) -> None:
        if self.progress is not None:
            self.progress.advance(status, pages)

    def _fail(self, source: str, exc: NlpkommunError | None, doc_id: str | None, *, name: str = "", code: str = "",
              message: str = "") -> None:
        if exc is not None:
            name, code, message = type(exc).__name__, exc.code, str(exc)
        self.manifest.write_error(source, name, code, message, doc_id)
        self.summary.failed += 1
        self._advance("failed")

    def _finish(self, worker: _Worker, msg: dict[str, Any]) -> None:
        doc = worker.task
        assert doc is not None
        worker.task = None
        worker.peak_rss_kb = max(worker.peak_rss_kb, int(msg.get("rss_kb", 0)))
        self.summary.worker_peak_rss_mb = max(self.summary.worker_peak_rss_mb, worker.peak_rss_kb / 1024)
        if msg["type"] == "ok":
            if msg["id"] != doc.id:  # the worker hashed other bytes: never write a wrong id
                self._fail(doc.source, None, doc.id, name="BatchError", code="batch",
                           message=f"worker returned id {msg['id']}, expected {doc.id}")
                return
            if doc.id in self.manifest.done:  # a copy of the same bytes finished first
                self.summary.duplicates += 1
                self._advance("skipped")
                return
            self.manifest.write_record(doc.id, msg["json"])
            self._written.add(doc.id)
            self.summary.ok += 1
            self.summary.pages += int(msg.get("pages", 0))
            self._advance("ok", int(msg.get("pages", 0)))
        else:
            self._fail(doc.source, None, doc.id, name=msg["error"], code=msg["code"], message=msg["message"])

    # -- workers -------------------------------------------------------------------
    def _replace(self, worker: _Worker, error: NlpkommunError | None, *, kill: bool) -> None:
        """End a worker, fail its document with ``error``, start a fresh one."""
        returncode = worker.stop(kill=kill)
        doc = worker.task
        if doc is not None:
            worker.task = None
            self._fail(doc.source, error or WorkerCrashedError(_death(returncode)), doc.id)
        if not worker.ready:
            self._start_failures += 1
            if self._start_failures >= MAX_START_FAILURES:
                raise BatchError(
                    f"batch workers keep dying before they are ready (last exit status {returncode}); "
                    "try `nlpkommun extract` on one file to see why"
                )
        else:
            self.summary.workers_replaced += 1
        index = self._pool.index(worker)
        if self._exhausted:
            del self._pool[index]  # nothing left to give a fresh worker
        else:
            self._pool[index] = _Worker.spawn(self.config)

    def _on_message(self, worker: _Worker) -> None:
        try:
            msg = worker.results.recv()
        except (EOFError, OSError):
            self._replace(worker, None, kill=False)
            return
        kind = msg.get("type")
        if kind == "ready":
            worker.ready = True
            self._start_failures = 0
        elif kind == "fatal":
            raise ModelError(f"a batch worker could not load the pipeline: {msg['error']}: {msg['message']}")
        elif worker.task is not None:
            self._finish(worker, msg)
            if msg.get("exit"):
                self._replace(worker, None, kill=False)

    def _watchdog(self) -> None:
        now = time.monotonic()
        for worker in list(self._pool):
            if worker.task is None:
                continue
            if self.timeout is not None and now - worker.started > self.timeout:
                self._replace(
                    worker, DocumentTimeoutError(f"processing took longer than the {self.timeout:g} s timeout"),
                    kill=True,
                )
            elif self.max_rss_kb is not None:
                rss = worker.rss_kb()
                if rss is not None and rss > self.max_rss_kb:
                    self._replace(
                        worker,
                        WorkerMemoryError(f"the worker grew to {rss // 1024} MB, over the "
                                          f"{self.max_rss_kb // 1024} MB limit"),
                        kill=True,
                    )

    # -- inputs --------------------------------------------------------------------
    def _next_document(self, items: Iterator[Document | InputFailure]) -> Document | None:
        """The next input to process; failures and done documents are settled here."""
        for item in items:
            doc_id = item.id
            if self.manifest.is_done(doc_id, item.source):
                if doc_id in self._written:
                    self.summary.duplicates += 1  # same bytes as a record written in this run
                else:
                    self.summary.skipped += 1
                self._advance("skipped")
                continue
            if isinstance(item, InputFailure):
                self._fail(item.source, item.error, item.id)
                continue
            return item
        return None

    def run(self, items: Iterable[Document | InputFailure]) -> BatchSummary:
        """Process every item; returns the summary. The manifest is left open."""
        started = time.monotonic()
        iterator = iter(items)
        # settle skips and input failures before paying for workers: a finished run resumes at once
        pending = self._next_document(iterator)
        self._exhausted = pending is None
        try:
            if pending is not None:
                self._pool = [_Worker.spawn(self.config) for _ in range(self.n_workers)]
            while True:
                for worker in list(self._pool):
                    if self._exhausted or not worker.ready or worker.task is not None:
                        continue
                    doc, pending = (pending, None) if pending is not None else (self._next_document(iterator), None)
                    if doc is None:
                        self._exhausted = True
                        break
                    self._dispatch(worker, doc)
                if self._exhausted and all(w.task is None for w in self._pool):
                    break
                wait_for = _POLL
                if self.timeout is not None:
                    now = time.monotonic()
                    for w in self._pool:
                        if w.task is not None:
                            wait_for = min(wait_for, max(0.0, w.started + self.timeout - now) + 0.01)
                for conn in wait([w.results for w in self._pool], timeout=wait_for):
                    worker = next((w for w in self._pool if w.results is conn), None)
                    if worker is not None:  # None: replaced while handling an earlier message
                        self._on_message(worker)
                self._watchdog()
        finally:
            for worker in self._pool:
                worker.stop(kill=worker.task is not None)
            self._pool = []
            self.manifest.sync()
            self.summary.seconds = time.monotonic() - started
        return self.summary

    def _dispatch(self, worker: _Worker, doc: Document) -> None:
        worker.task = doc
        worker.started = time.monotonic()
        try:
            worker.tasks.send((doc.source, doc.data))
        except OSError:
            self._replace(worker, None, kill=True)
