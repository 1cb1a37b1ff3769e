"""Test-wide setup: every run gets its own node data directory, never the user's."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

os.environ.setdefault("COOPNODE_HOME", tempfile.mkdtemp(prefix="coopnode-test-"))

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED = (REPO_ROOT.parent / "shared").resolve()
SEED = SHARED / "seed" / "000_9c0d123f5dd01e10.txt"
