#!/usr/bin/env bash
# Run one benchmark (or all) with the project's environment; each prints its figures and, side by
# side in the same run, its baseline (raw NER models, exact search, …) with the ratio.
#   benchmarks/run.sh extraction [--quick]     pipeline vs raw NER, docs/s per language, peak memory
#   benchmarks/run.sh matching   [--quick]     ANN vs exact top-10 (100k and 1M), embedding speed
#   benchmarks/run.sh search                   portal search latency on the sample data
#   benchmarks/run.sh all        [--quick]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh >/dev/null
what=${1:-all}; shift || true
run_extraction() { .venv/bin/python benchmarks/extraction/run.py "$@"; }
run_matching() { .venv/bin/python benchmarks/matching/run.py "$@"; }
run_search() {
  home=$(mktemp -d /tmp/coopnode-bench-XXXXXX)
  COOPNODE_HOME=$home .venv/bin/coopnode init --no-input --sample >/dev/null
  COOPNODE_HOME=$home .venv/bin/python -m django search_benchmark --settings=coopnode.web.settings
  rm -rf "$home"
}
case "$what" in
  extraction) run_extraction "$@" ;;
  matching) run_matching "$@" ;;
  search) run_search ;;
  all) run_extraction "$@"; run_matching "$@"; run_search ;;
  *) echo "unknown benchmark: $what (extraction | matching | search | all)" >&2; exit 2 ;;
esac
