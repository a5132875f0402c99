"""Execute the notebooks under notebooks/ in place, saving their outputs.

    .venv/bin/python scripts/execute_notebooks.py [notebooks/quickstart.ipynb ...]

Runs each notebook with the current interpreter's kernel, in the notebook's folder, and
fails (exit 1) on the first cell that raises.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

REPO = Path(__file__).resolve().parents[1]


def execute(path: Path, timeout: int = 600) -> nbformat.NotebookNode:
    """Execute the notebook at ``path`` and return it with outputs (not saved)."""
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    )
    client.execute()
    return notebook


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or sorted((REPO / "notebooks").glob("*.ipynb"))
    for path in paths:
        try:
            notebook = execute(path)
        except CellExecutionError as exc:
            print(f"{path}: {exc}", file=sys.stderr)
            return 1
        nbformat.write(notebook, path)
        print(f"executed {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
