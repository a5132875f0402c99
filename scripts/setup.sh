#!/usr/bin/env bash
# Create .venv (if missing) and install nlpkommun with its dev extras. Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
stamp=.venv/.nlpkommun-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
  touch "$stamp"
fi

# The stanza NER backend's tests run in .venv-stanza: torch + stanza in a venv of their own,
# layered over .venv (a .pth adds .venv's site-packages), so that importing spaCy in .venv
# never pays for importing torch. Made only where pip finds the CPU build of torch 2.13.0 on
# local disk (any other torch spec would download a multi-GB CUDA build); skip with
# NLPKOMMUN_STANZA=0. Without it the stanza adapter tests are skipped.
make_stanza_venv() {
  local base_site stanza_site
  "$PY" -m venv .venv-stanza &&
    base_site=$(.venv/bin/python -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])') &&
    stanza_site=$(.venv-stanza/bin/python -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])') &&
    echo "import site; site.addsitedir('$base_site')" > "$stanza_site/_nlpkommun_base.pth" &&
    .venv-stanza/bin/python -m pip install --quiet --disable-pip-version-check torch==2.13.0 &&
    .venv-stanza/bin/python -m pip install --quiet --disable-pip-version-check 'stanza>=1.9' &&
    touch .venv-stanza/.nlpkommun-installed
}
if [ "${NLPKOMMUN_STANZA:-1}" != "0" ] && [ ! -f .venv-stanza/.nlpkommun-installed ]; then
  torch_wheel=$(ls ${PIP_FIND_LINKS:-/opt/wheels}/torch-2.13.0+cpu-cp311-*.whl 2>/dev/null | head -n 1 || true)
  if [ -n "$torch_wheel" ] && [ "$(.venv/bin/python -c 'import sys; print(sys.version_info[:2] == (3, 11))')" = True ]; then
    # optional: a failure here only means the stanza adapter tests are skipped
    make_stanza_venv || { echo "setup.sh: could not build .venv-stanza; stanza tests will be skipped" >&2; rm -rf .venv-stanza; }
  fi
fi
