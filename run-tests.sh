#!/usr/bin/env bash
# One command: install what the tests need (system packages, .venv) and run the whole suite,
# first on the embedded SQLite database, then the database-backed tests on PostgreSQL.
#   ./run-tests.sh [pytest arguments]
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-system-deps.sh
scripts/setup.sh test
export COOPNODE_HOME=${COOPNODE_HOME:-$(mktemp -d /tmp/coopnode-test-XXXXXX)}
export PYTHONHASHSEED=0
echo "== lint: ruff (whole tree), mypy (the pure-Python core)"
.venv/bin/ruff check src tests benchmarks scripts
.venv/bin/mypy
echo "== coopnode test suite on SQLite"
unset COOPNODE_DATABASE_URL
.venv/bin/python -m pytest -q -p no:cacheprovider "$@"
echo "== coopnode database tests on PostgreSQL"
eval "$(scripts/postgres-up.sh)"
COOPNODE_HOME=$(mktemp -d /tmp/coopnode-test-pg-XXXXXX) .venv/bin/python -m pytest -q -p no:cacheprovider -m "not browser" tests/web "$@"
