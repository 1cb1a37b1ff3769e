"""Where a node keeps its state.

Everything a node owns — the SQLite database, uploaded originals, indexes, keys, the secret key —
lives in one data directory, so that two nodes can run side by side and a backup is one folder.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

ENV_HOME = "COOPNODE_HOME"
ENV_DATABASE_URL = "COOPNODE_DATABASE_URL"


def data_dir() -> Path:
    """The node's data directory: ``$COOPNODE_HOME`` or the per-user default."""
    configured = os.environ.get(ENV_HOME)
    if configured:
        path = Path(configured).expanduser()
    else:
        base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
        path = Path(base) / "coopnode"
    return path.resolve()


def ensure_data_dir() -> Path:
    """Create the data directory and its sub-folders if they do not exist."""
    home = data_dir()
    for sub in ("originals", "indexes", "keys", "backups", "static"):
        (home / sub).mkdir(parents=True, exist_ok=True)
    return home


def sqlite_path() -> Path:
    return data_dir() / "coopnode.sqlite3"


def secret_key() -> str:
    """The node's Django secret key, generated once and kept in the data directory."""
    env = os.environ.get("COOPNODE_SECRET_KEY")
    if env:
        return env
    home = ensure_data_dir()
    key_file = home / "keys" / "django-secret-key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


def database_url() -> str | None:
    return os.environ.get(ENV_DATABASE_URL) or None
