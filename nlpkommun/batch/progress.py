"""Batch progress: a tqdm bar (documents, pages/s, ETA) on a terminal, plain log lines
otherwise (one every ``interval`` seconds, so logs of long runs stay readable)."""

from __future__ import annotations

import sys
import time
from typing import IO, Any


def _clock(seconds: float) -> str:
    seconds = int(max(0, seconds))
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


class Progress:
    """Counts finished documents and shows the rate.

    ``mode``: ``"auto"`` (bar when ``stream`` is a terminal), ``"bar"``, ``"log"`` or ``"off"``.
    """

    def __init__(
        self, total: int | None, *, stream: IO[str] | None = None, mode: str = "auto", interval: float = 10.0
    ) -> None:
        self.stream = stream if stream is not None else sys.stderr
        if mode == "auto":
            mode = "bar" if getattr(self.stream, "isatty", lambda: False)() else "log"
        self.mode = mode
        self.total = total
        self.interval = interval
        self.counts = {"ok": 0, "failed": 0, "skipped": 0}
        self.pages = 0
        self.started = time.monotonic()
        self._last_log = self.started
        self._bar: Any = None
        if mode == "bar":
            from tqdm import tqdm

            self._bar = tqdm(total=total, unit="doc", file=self.stream, dynamic_ncols=True, smoothing=0.1)

    @property
    def done(self) -> int:
        return sum(self.counts.values())

    def pages_per_second(self) -> float:
        elapsed = time.monotonic() - self.started
        return self.pages / elapsed if elapsed > 0 else 0.0

    def eta(self) -> float | None:
        """Seconds left, from the rate of documents actually processed (skips are free)."""
        processed = self.counts["ok"] + self.counts["failed"]
        if self.total is None or processed == 0:
            return None
        elapsed = time.monotonic() - self.started
        return (self.total - self.done) * elapsed / processed

    def advance(self, status: str, pages: int = 0) -> None:
        """One document finished: ``status`` is ``ok``, ``failed`` or ``skipped``."""
        self.counts[status] += 1
        self.pages += pages
        if self._bar is not None:
            self._bar.set_postfix_str(
                f"{self.pages_per_second():.1f} pages/s, {self.counts['failed']} failed", refresh=False
            )
            self._bar.update(1)
        elif self.mode == "log":
            now = time.monotonic()
            if now - self._last_log >= self.interval:
                self._last_log = now
                self.stream.write(self.line() + "\n")
                self.stream.flush()

    def line(self) -> str:
        """A one-line status: documents, counts, pages/s, ETA."""
        total = "?" if self.total is None else str(self.total)
        eta = self.eta()
        c = self.counts
        return (
            f"nlpkommun batch: {self.done}/{total} documents ({c['ok']} ok, {c['failed']} failed, "
            f"{c['skipped']} skipped), {self.pages_per_second():.1f} pages/s, "
            f"ETA {_clock(eta) if eta is not None else '?'}"
        )

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None
