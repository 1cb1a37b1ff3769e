#!/usr/bin/env bash
# One command: install coopnode into .venv, create the node (SQLite, reference and sample data,
# an operator account) and run it. Open the address it prints.
#   ./start.sh [--port 8000] [--host 127.0.0.1]
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh
export COOPNODE_HOME=${COOPNODE_HOME:-$PWD/var/node}
.venv/bin/coopnode init --no-input --sample
exec .venv/bin/coopnode serve "$@"
