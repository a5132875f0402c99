#!/usr/bin/env bash
# Run the whole test suite (sets up .venv first if needed). Extra args go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/ruff check nlpkommun tests benchmarks
exec .venv/bin/python -m pytest -q "$@"
