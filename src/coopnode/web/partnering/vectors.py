"""Where profile vectors live.

* SQLite (one process, embedded node): an on-disk index file in ``$COOPNODE_HOME/indexes/``,
  rewritten atomically, so a restart does not re-encode every profile.
* PostgreSQL (several web processes): vectors in the database (:class:`ProfileEmbedding`, float32
  bytes) so every process reads the same ones.

Both stores answer the same three calls; :func:`get_vector_store` picks one by database vendor.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

import numpy as np
from django.db import connection

from coopnode import config


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class VectorStore(Protocol):
    def get_many(self, ids: list[str], encoder: str, hashes: dict[str, str]) -> dict[str, np.ndarray]:
        """Stored vectors for ``ids`` made by ``encoder`` from the text with the given hash."""
        ...

    def put(self, profile_id: str, vector: np.ndarray, encoder: str, text_hash: str) -> None: ...

    def put_many(self, items: list[tuple[str, np.ndarray, str]], encoder: str) -> None:
        """Store several (profile id, vector, text hash) at once."""
        ...

    def remove(self, profile_id: str) -> None: ...


class FileVectorStore:
    """One ``.npz`` file per encoder: ids, text hashes and a float32 matrix.

    Small enough to load whole (a node holds thousands of profiles, not millions); writes
    go to a temporary file that replaces the old one, so readers never see half a file."""

    _lock = threading.Lock()

    def __init__(self, directory: Path | None = None) -> None:
        self.directory = directory or (config.data_dir() / "indexes")

    def _path(self, encoder: str) -> Path:
        return self.directory / f"partnering-{encoder}.npz"

    def _load(self, encoder: str) -> dict[str, tuple[str, np.ndarray]]:
        path = self._path(encoder)
        if not path.exists():
            return {}
        with np.load(path, allow_pickle=False) as data:
            ids, hashes, matrix = data["ids"], data["hashes"], data["vectors"]
            return {str(i): (str(h), matrix[n]) for n, (i, h) in enumerate(zip(ids, hashes, strict=True))}

    def _save(self, encoder: str, rows: dict[str, tuple[str, np.ndarray]]) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        ids = sorted(rows)
        matrix = np.vstack([rows[i][1] for i in ids]).astype(np.float32) if ids else np.zeros((0, 0), np.float32)
        fd, tmp = tempfile.mkstemp(dir=self.directory, suffix=".npz")
        with os.fdopen(fd, "wb") as fh:
            np.savez(fh, ids=np.array(ids, dtype=str), hashes=np.array([rows[i][0] for i in ids], dtype=str), vectors=matrix)
        os.replace(tmp, self._path(encoder))

    @contextlib.contextmanager
    def _writing(self) -> Iterator[None]:
        """One writer at a time, across threads and processes (web workers, huey consumer), so
        that no read-modify-write loses another's update."""
        self.directory.mkdir(parents=True, exist_ok=True)
        with self._lock, open(self.directory / "partnering.lock", "a") as fh:
            fcntl.flock(fh, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)

    def get_many(self, ids: list[str], encoder: str, hashes: dict[str, str]) -> dict[str, np.ndarray]:
        rows = self._load(encoder)
        return {i: rows[i][1] for i in ids if i in rows and rows[i][0] == hashes.get(i)}

    def put(self, profile_id: str, vector: np.ndarray, encoder: str, text_hash: str) -> None:
        self.put_many([(profile_id, vector, text_hash)], encoder)

    def put_many(self, items: list[tuple[str, np.ndarray, str]], encoder: str) -> None:
        with self._writing():
            rows = self._load(encoder)
            for profile_id, vector, text_hash in items:
                rows[profile_id] = (text_hash, np.asarray(vector, dtype=np.float32))
            self._save(encoder, rows)

    def remove(self, profile_id: str) -> None:
        if not self.directory.exists():
            return
        with self._writing():
            for path in self.directory.glob("partnering-*.npz"):
                encoder = path.stem.removeprefix("partnering-")
                rows = self._load(encoder)
                if rows.pop(profile_id, None) is not None:
                    self._save(encoder, rows)


class DatabaseVectorStore:
    """Vectors as float32 bytes in :class:`ProfileEmbedding` (bytea on PostgreSQL)."""

    def get_many(self, ids: list[str], encoder: str, hashes: dict[str, str]) -> dict[str, np.ndarray]:
        from .models import ProfileEmbedding

        out: dict[str, np.ndarray] = {}
        for row in ProfileEmbedding.objects.filter(profile_id__in=ids, encoder=encoder):
            key = str(row.profile_id)
            if row.text_hash == hashes.get(key):
                out[key] = np.frombuffer(bytes(row.vector), dtype=np.float32)
        return out

    def put(self, profile_id: str, vector: np.ndarray, encoder: str, text_hash: str) -> None:
        from .models import ProfileEmbedding

        data = np.asarray(vector, dtype=np.float32)
        ProfileEmbedding.objects.update_or_create(
            profile_id=profile_id,
            defaults={"encoder": encoder, "dim": int(data.shape[0]), "vector": data.tobytes(), "text_hash": text_hash},
        )

    def put_many(self, items: list[tuple[str, np.ndarray, str]], encoder: str) -> None:
        for profile_id, vector, text_hash in items:
            self.put(profile_id, vector, encoder, text_hash)

    def remove(self, profile_id: str) -> None:
        from .models import ProfileEmbedding

        ProfileEmbedding.objects.filter(profile_id=profile_id).delete()


def get_vector_store() -> VectorStore:
    """The database on PostgreSQL (shared by processes), the index file on SQLite."""
    if connection.vendor == "postgresql":
        return DatabaseVectorStore()
    return FileVectorStore()
