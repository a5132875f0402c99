"""The counts a batch run (or one shard) ends with."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any


@dataclass
class BatchSummary:
    """What happened to the inputs of one run.

    ``ok`` records written, ``failed`` error entries written, ``skipped`` already done
    (``--resume``), ``duplicates`` inputs whose content id was already seen in this run.
    """

    ok: int = 0
    failed: int = 0
    skipped: int = 0
    duplicates: int = 0
    pages: int = 0
    seconds: float = 0.0
    worker_peak_rss_mb: float = 0.0
    workers_replaced: int = 0
    output: str = ""
    errors: str = ""

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.seconds if self.seconds > 0 else 0.0

    def as_dict(self) -> dict[str, Any]:
        """Plain values (what :func:`~nlpkommun.batch.process_shard` returns)."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> BatchSummary:
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})

    def add(self, other: BatchSummary) -> None:
        """Accumulate another shard's counts (not its time or paths)."""
        self.ok += other.ok
        self.failed += other.failed
        self.skipped += other.skipped
        self.duplicates += other.duplicates
        self.pages += other.pages
        self.workers_replaced += other.workers_replaced
        self.worker_peak_rss_mb = max(self.worker_peak_rss_mb, other.worker_peak_rss_mb)

    def line(self) -> str:
        """The final one-line summary the CLI prints."""
        parts = [f"{self.ok} ok", f"{self.failed} failed", f"{self.skipped} skipped (already done)"]
        if self.duplicates:
            parts.append(f"{self.duplicates} duplicates")
        text = (
            f"nlpkommun batch: {self.ok + self.failed + self.skipped + self.duplicates} documents: "
            + ", ".join(parts)
            + f"; {self.pages} pages in {self.seconds:.1f} s ({self.pages_per_second:.1f} pages/s)"
        )
        if self.output:
            text += f"; records in {self.output}"
        if self.failed and self.errors:
            text += f", errors in {self.errors}"
        return text
