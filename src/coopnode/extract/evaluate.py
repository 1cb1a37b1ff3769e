"""Run extraction over the dev set and score it with the shared scorer.

    python -m coopnode.extract.evaluate [DEV_DIR] [--out PRED_DIR] [--verbose] [--json]

DEV_DIR defaults to ``../shared/eval/dev`` beside the repository; the scorer is
``DEV_DIR/../score.py`` when it exists (the dev layout), else ``../shared/eval/score.py`` beside
the repository, so any directory of texts with gold (a held-out set) can be scored.  Predictions are written as ``PRED_DIR/NAME.json`` (a temporary
directory unless ``--out`` is given), exactly what ``coopnode extract NAME.txt`` prints.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from coopnode.extract import extract_document


def default_dev_dir() -> Path:
    """``shared/eval/dev`` beside the checkout (CI and the dev machines keep it there)."""
    repo = Path(__file__).resolve().parents[3]
    return repo / ".." / "shared" / "eval" / "dev"


def write_predictions(dev_dir: Path, out_dir: Path) -> list[str]:
    """Extract every ``*.txt`` of ``dev_dir`` into ``out_dir``; returns the names done."""
    out_dir.mkdir(parents=True, exist_ok=True)
    names = []
    for path in sorted(dev_dir.glob("*.txt")):
        result = extract_document(path.read_bytes(), source_name=path.name)
        (out_dir / f"{path.stem}.json").write_text(
            json.dumps(result.to_contract(), ensure_ascii=False, indent=1), encoding="utf-8")
        names.append(path.stem)
    return names


def find_scorer(dev_dir: Path) -> Path:
    """The scorer for ``dev_dir``: beside it (``shared/eval/dev``), else the shared one.

    Why: a held-out directory lives anywhere (``/tmp/...``); the contract scorer is always
    ``shared/eval/score.py`` beside the checkout.
    """
    beside = dev_dir.resolve().parent / "score.py"
    if beside.is_file():
        return beside
    return default_dev_dir().resolve().parent / "score.py"


def run_scorer(dev_dir: Path, pred_dir: Path, *, verbose: bool = False,
               as_json: bool = False) -> subprocess.CompletedProcess[str]:
    scorer = find_scorer(dev_dir)
    command = [sys.executable, str(scorer), str(dev_dir), str(pred_dir)]
    if verbose:
        command.append("--verbose")
    if as_json:
        command.append("--json")
    return subprocess.run(command, capture_output=True, text=True, check=False)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("dev_dir", nargs="?", type=Path, default=None)
    parser.add_argument("--out", type=Path, default=None, help="where to write NAME.json")
    parser.add_argument("--verbose", action="store_true", help="per-document misses")
    parser.add_argument("--json", action="store_true", help="the scorer's JSON summary")
    args = parser.parse_args(argv)
    dev_dir = args.dev_dir or default_dev_dir()
    if not dev_dir.is_dir():
        print(f"error: no dev set at {dev_dir}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        out_dir = args.out or Path(tmp)
        write_predictions(dev_dir, out_dir)
        completed = run_scorer(dev_dir, out_dir, verbose=args.verbose, as_json=args.json)
    sys.stdout.write(completed.stdout)
    sys.stderr.write(completed.stderr)
    return completed.returncode


if __name__ == "__main__":
    raise SystemExit(main())
