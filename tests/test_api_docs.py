"""scripts/api_docs.py renders the API reference from the docstrings."""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_api_reference_covers_the_public_api():
    sys.path.insert(0, str(REPO / "scripts"))
    try:
        import api_docs
    finally:
        sys.path.pop(0)
    text = api_docs.render()
    for expected in ("### `extract(", "### `load(", "### class `DocumentRecord`", "### `records_to_frames(",
                     "| `persons` | `list[Person]` |", "| `nlpkommun_dates` |", "## `nlpkommun.backends.stanza`"):
        assert expected in text, expected
    assert (REPO / "docs" / "api.md").is_file()
