#!/usr/bin/env bash
# Create the project's virtual environment (.venv) and install coopnode into it.
# Idempotent: a second run only installs what changed. Used by ./start.sh and ./run-tests.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
extras=${1:-}
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "coopnode needs Python 3.11 or newer (found: $("$PYTHON" --version 2>&1))" >&2
  exit 1
fi
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
stamp=.venv/.coopnode-installed${extras:+-$extras}
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  .venv/bin/python -m pip install --quiet --upgrade pip 2>&1 | grep -v "^WARNING: Location" || true
  target="."; [ -n "$extras" ] && target=".[$extras]"
  .venv/bin/python -m pip install --quiet --editable "$target" 2>&1 | grep -v "^WARNING: Location" || true
  .venv/bin/python -c "import coopnode.cli" || { echo "installation failed" >&2; exit 1; }
  touch "$stamp"
fi
# Translation catalogs are compiled from the .po files in the tree (gettext's msgfmt is not
# needed: Django's compilemessages is used only when present; otherwise Python's msgfmt module).
.venv/bin/python scripts/compile_translations.py
