"""Progress: log lines when not on a terminal, a tqdm bar when asked."""

from __future__ import annotations

import io

from nlpkommun.batch.progress import Progress
from nlpkommun.batch.summary import BatchSummary


def test_log_lines_carry_counts_rate_and_eta():
    stream = io.StringIO()
    progress = Progress(4, stream=stream, interval=0)
    assert progress.mode == "log"  # StringIO is not a terminal
    progress.advance("ok", pages=10)
    progress.advance("failed")
    progress.advance("skipped")
    lines = stream.getvalue().splitlines()
    assert len(lines) == 3
    assert lines[-1].startswith("nlpkommun batch: 3/4 documents (1 ok, 1 failed, 1 skipped)")
    assert "pages/s" in lines[-1] and "ETA 0:00:0" in lines[-1]


def test_bar_mode_and_off():
    stream = io.StringIO()
    progress = Progress(2, stream=stream, mode="bar")
    progress.advance("ok", pages=3)
    progress.close()
    assert "1/2" in stream.getvalue() and "pages/s" in stream.getvalue()
    quiet = io.StringIO()
    off = Progress(2, stream=quiet, mode="off")
    off.advance("ok")
    assert quiet.getvalue() == ""


def test_summary_line():
    s = BatchSummary(ok=5, failed=2, skipped=3, pages=40, seconds=8.0, output="o.jsonl", errors="o.errors.jsonl")
    line = s.line()
    assert line.startswith("nlpkommun batch: 10 documents: 5 ok, 2 failed, 3 skipped (already done)")
    assert "40 pages in 8.0 s (5.0 pages/s)" in line and "errors in o.errors.jsonl" in line
    assert BatchSummary.from_dict(s.as_dict()) == s
