"""Durable append-only JSONL output and the ``OUT.errors.jsonl`` error manifest.

Each record or error is one line, written with a single ``write`` on a file opened in
append mode and handed to the OS at once, so a crash of the batch process (SIGKILL,
Ctrl-C) loses nothing already written. The files are ``fsync``-ed every
``fsync_every`` lines, every ``fsync_seconds`` and on close, so a power failure loses at
most the lines since the last sync; ``--resume`` redoes those documents.

Resume reads both files: a document whose content id is in the output, or whose source
is in the error manifest, is *done* and skipped (failures are retried only with
``retry_failed``, ``--retry-failed``). A torn last line (a crash in the
middle of a write) is cut off before appending, so the files stay valid JSONL and no
document appears twice. An exclusive
``flock`` on the output stops two runs from writing the same files.
"""

from __future__ import annotations

import json
import os
import re
import time
from datetime import datetime, timezone
from pathlib import Path

from nlpkommun.errors import BatchError

_ID_PREFIX = re.compile(rb'^\{"schema_version":"[^"]*","id":"([0-9a-f]{64})"')


def errors_path_for(output: str | os.PathLike[str]) -> Path:
    """The error manifest beside an output: ``OUT.jsonl`` → ``OUT.errors.jsonl``."""
    out = Path(output)
    stem = out.name
    for suffix in (".jsonl", ".parquet", ".json", ".ndjson"):
        if stem.lower().endswith(suffix):
            stem = stem[: -len(suffix)]
            break
    return out.with_name(stem + ".errors.jsonl")


def source_key(source: str) -> str:
    """The done-key of a failed input (records are keyed by content id)."""
    return "src:" + source


def line_key(line: bytes, is_error: bool) -> str | None:
    """The done-key of one complete manifest line, or None when it is not valid JSON."""
    if not is_error:
        m = _ID_PREFIX.match(line)
        if m and line.rstrip().endswith(b"}"):
            return m.group(1).decode()
    try:
        obj = json.loads(line)
    except ValueError:
        return None
    if not isinstance(obj, dict):
        return None
    if is_error:
        return source_key(str(obj["source"])) if obj.get("source") is not None else None
    return str(obj["id"]) if obj.get("id") else None


def scan_jsonl(path: Path, *, is_error: bool, repair: bool) -> tuple[set[str], int]:
    """Done-keys of every valid line, and the number of invalid lines ignored.

    With ``repair``, a torn last line (no newline, or not JSON) is truncated away.
    """
    keys: set[str] = set()
    bad = 0
    if not path.exists():
        return keys, bad
    good_end = 0
    torn = False
    with path.open("rb") as f:
        offset = 0
        for line in f:
            offset += len(line)
            complete = line.endswith(b"\n")
            key = line_key(line, is_error) if complete else None
            if key is None:
                if complete and line.strip():
                    bad += 1  # a corrupt line in the middle: ignored, its document is redone
                    good_end = offset
                elif not complete:
                    torn = True
                continue
            keys.add(key)
            good_end = offset
    if torn or (good_end < path.stat().st_size):
        if repair:
            os.truncate(path, good_end)
    return keys, bad


class JsonlAppender:
    """One append-only JSONL file with a flush-every-line, fsync-every-N policy."""

    def __init__(self, path: Path, fsync_every: int = 64, fsync_seconds: float = 5.0) -> None:
        self.path = path
        self.fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        self.fsync_every = fsync_every
        self.fsync_seconds = fsync_seconds
        self._unsynced = 0
        self._last_sync = time.monotonic()

    def append(self, line: str) -> None:
        """Write one line (no newline inside) durably enough: see the module docstring."""
        data = (line + "\n").encode("utf-8")
        view = memoryview(data)
        while view:
            written = os.write(self.fd, view)
            view = view[written:]
        self._unsynced += 1
        if self._unsynced >= self.fsync_every or time.monotonic() - self._last_sync >= self.fsync_seconds:
            self.sync()

    def sync(self) -> None:
        if self._unsynced:
            os.fsync(self.fd)
            self._unsynced = 0
        self._last_sync = time.monotonic()

    def close(self) -> None:
        if self.fd >= 0:
            self.sync()
            os.close(self.fd)
            self.fd = -1


class Manifest:
    """The output JSONL and its error manifest, opened for one batch run.

    ``retry_failed`` (with ``resume``) moves the error manifest aside to
    ``OUT.errors.jsonl.retried`` so the documents listed there run again.

    ``done`` holds the done-keys (content ids of records, ``src:`` keys of failed
    sources) of everything already in either file; :meth:`write_record` and :meth:`write_error` add to it.
    """

    def __init__(
        self,
        output: str | os.PathLike[str],
        errors: str | os.PathLike[str] | None = None,
        *,
        resume: bool,
        extra_done: set[str] | frozenset[str] = frozenset(),
        fsync_every: int = 64,
        retry_failed: bool = False,
    ) -> None:
        self.output = Path(output)
        self.errors = Path(errors) if errors is not None else errors_path_for(self.output)
        self.output.parent.mkdir(parents=True, exist_ok=True)
        self._lock_fd = os.open(self.output, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            import fcntl

            fcntl.flock(self._lock_fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except ImportError:  # not POSIX: no lock
            pass
        except OSError as exc:
            os.close(self._lock_fd)
            raise BatchError(f"{self.output} is being written by another batch run") from exc
        try:
            if retry_failed and resume and self.errors.exists():
                # the failed inputs are no longer done: they run again and land in a fresh manifest
                os.replace(self.errors, self.errors.with_name(self.errors.name + ".retried"))
            self._open(resume, fsync_every)
        except BaseException:
            os.close(self._lock_fd)
            raise
        self.done |= set(extra_done)

    def _open(self, resume: bool, fsync_every: int) -> None:
        if not resume:
            for path in (self.output, self.errors):
                if path.exists() and path.stat().st_size > 0:
                    raise BatchError(
                        f"{path} already exists; pass --resume to continue that run, or remove it first"
                    )
        out_keys, bad_out = scan_jsonl(self.output, is_error=False, repair=True)
        err_keys, bad_err = scan_jsonl(self.errors, is_error=True, repair=True)
        self.done: set[str] = out_keys | err_keys
        self.previous_records = len(out_keys)
        self.previous_errors = len(err_keys)
        self.corrupt_lines = bad_out + bad_err
        self._out = JsonlAppender(self.output, fsync_every)
        self._err = JsonlAppender(self.errors, fsync_every)

    def own_paths(self) -> tuple[Path, ...]:
        """The files this manifest writes (never inputs of the run)."""
        return (self.output, self.errors, self.errors.with_name(self.errors.name + ".retried"))

    def is_done(self, doc_id: str | None, source: str) -> bool:
        """Whether the document is in the output (by content id) or failed (by source)."""
        return (doc_id is not None and doc_id in self.done) or source_key(source) in self.done

    def write_record(self, doc_id: str, json_line: str) -> None:
        """Append one record (its JSON text) and mark its id done."""
        self._out.append(json_line)
        self.done.add(doc_id)

    def write_error(self, source: str, error: str, code: str, message: str, doc_id: str | None = None) -> None:
        """Append one error entry and mark the document done."""
        entry = {
            "source": source,
            "id": doc_id,
            "error": error,
            "code": code,
            "message": message,
            "time": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        }
        self._err.append(json.dumps(entry, ensure_ascii=False))
        self.done.add(source_key(source))

    def append_error_line(self, key: str, json_line: str) -> None:
        """Append an error entry already serialised (e.g. from a shard's manifest)."""
        self._err.append(json_line)
        self.done.add(key)

    def sync(self) -> None:
        self._out.sync()
        self._err.sync()

    def close(self) -> None:
        """fsync both files and release the lock."""
        self._out.close()
        self._err.close()
        if self._lock_fd >= 0:
            os.close(self._lock_fd)
            self._lock_fd = -1

    def __enter__(self) -> Manifest:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
