"""Nearest-neighbour index of profile vectors, persisted in the node's data directory.

Small sets are searched exactly with numpy; once the index holds ``ann_threshold`` vectors an
HNSW graph (hnswlib) is built and kept up to date incrementally. The numpy copy stays the
source of truth: it lets us rebuild the graph, check ANN results against exact ones, and answer
exact queries (``exact=True``). Expired profiles never come back from :meth:`search`.

Layout on disk (``save``/``load``): ``vectors.npy``, ``meta.json`` and, when built,
``hnsw.bin``. Files are written to temporary names and renamed, so a crash mid-save leaves
the previous copy readable.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np

IdFilter = Callable[[str], bool]
_NO_EXPIRY = np.iinfo(np.int32).max
FORMAT_VERSION = 1


class IndexFormatError(RuntimeError):
    """The directory does not hold an index this version can read."""


def _ordinal(expires: date | None) -> int:
    return expires.toordinal() if expires is not None else int(_NO_EXPIRY)


class VectorIndex:
    """Cosine (inner product on unit vectors) index keyed by profile id."""

    def __init__(
        self,
        dim: int,
        *,
        ann_threshold: int = 5000,
        m: int = 32,
        ef_construction: int = 128,
        ef_search: int = 1024,
        encoder_name: str | None = None,
    ) -> None:
        self.dim = dim
        self.ann_threshold = ann_threshold
        self.m = m
        self.ef_construction = ef_construction
        self.ef_search = ef_search
        self.encoder_name = encoder_name
        self._vectors = np.zeros((0, dim), dtype=np.float32)
        self._expires = np.zeros(0, dtype=np.int32)
        self._alive = np.zeros(0, dtype=bool)
        self._ids: list[str] = []
        self._labels: dict[str, int] = {}
        self._hnsw: Any = None
        self._size = 0
        self._live = 0
        self._earliest_expiry = int(_NO_EXPIRY)  # lower bound; lets search skip the filter

    # ------------------------------------------------------------------ bookkeeping
    def __len__(self) -> int:
        return self._live

    def __contains__(self, profile_id: object) -> bool:
        if not isinstance(profile_id, str):
            return False
        label = self._labels.get(profile_id)
        return label is not None and bool(self._alive[label])

    @property
    def uses_ann(self) -> bool:
        return self._hnsw is not None

    def reserve(self, capacity: int) -> None:
        """Pre-size storage before a bulk load (e.g. rebuilding from the database), so the
        matrix and graph are allocated once instead of doubling as they fill."""
        if capacity > len(self._vectors):
            self._resize(capacity)

    def _grow(self, needed: int) -> None:
        capacity = len(self._vectors)
        if needed <= capacity:
            return
        self._resize(max(needed, 2 * capacity, 1024))

    def _resize(self, new_capacity: int) -> None:
        vectors = np.zeros((new_capacity, self.dim), dtype=np.float32)
        vectors[: self._size] = self._vectors[: self._size]
        expires = np.full(new_capacity, _NO_EXPIRY, dtype=np.int32)
        expires[: self._size] = self._expires[: self._size]
        alive = np.zeros(new_capacity, dtype=bool)
        alive[: self._size] = self._alive[: self._size]
        self._vectors, self._expires, self._alive = vectors, expires, alive
        if self._hnsw is not None:
            self._hnsw.resize_index(new_capacity)

    def _build_hnsw(self) -> None:
        import hnswlib

        graph = hnswlib.Index(space="ip", dim=self.dim)
        graph.init_index(
            max_elements=len(self._vectors), ef_construction=self.ef_construction, M=self.m
        )
        graph.set_ef(self.ef_search)
        labels = np.flatnonzero(self._alive[: self._size])
        if len(labels):
            graph.add_items(self._vectors[labels], labels)
        self._hnsw = graph

    # ------------------------------------------------------------------ mutations
    def add(
        self,
        ids: Sequence[str],
        vectors: np.ndarray,
        expires: Sequence[date | None] | None = None,
    ) -> None:
        """Add profiles, or replace the vector/expiry of ids already present."""
        vectors = np.asarray(vectors, dtype=np.float32).reshape(len(ids), self.dim)
        expiry = list(expires) if expires is not None else [None] * len(ids)
        if len(expiry) != len(ids):
            raise ValueError("ids, vectors and expires must have the same length")
        labels = np.empty(len(ids), dtype=np.int64)
        new = sum(1 for i in ids if i not in self._labels)
        self._grow(self._size + new)
        for row, profile_id in enumerate(ids):
            label = self._labels.get(profile_id)
            if label is None:
                label = self._size
                self._labels[profile_id] = label
                self._ids.append(profile_id)
                self._size += 1
            elif self._hnsw is not None and not self._alive[label]:
                self._hnsw.unmark_deleted(label)
            labels[row] = label
            self._expires[label] = _ordinal(expiry[row])
            self._earliest_expiry = min(self._earliest_expiry, int(self._expires[label]))
            if not self._alive[label]:
                self._live += 1
            self._alive[label] = True
        self._vectors[labels] = vectors
        if self._hnsw is not None:
            self._hnsw.add_items(vectors, labels)
        elif len(self) >= self.ann_threshold:
            self._build_hnsw()

    def update(self, profile_id: str, vector: np.ndarray, expires: date | None = None) -> None:
        """Replace one profile's vector after its text changed."""
        self.add([profile_id], np.asarray(vector)[None, :], [expires])

    def remove(self, ids: Sequence[str]) -> None:
        """Drop profiles (withdrawn or deleted); unknown ids are ignored."""
        for profile_id in ids:
            label = self._labels.get(profile_id)
            if label is None or not self._alive[label]:
                continue
            self._alive[label] = False
            self._live -= 1
            if self._hnsw is not None:
                self._hnsw.mark_deleted(label)

    def vector(self, profile_id: str) -> np.ndarray:
        if profile_id not in self:
            raise KeyError(profile_id)
        return self._vectors[self._labels[profile_id]].copy()

    # ------------------------------------------------------------------ queries
    def _allowed(self, today: date | None, id_filter: IdFilter | None) -> Callable[[int], bool]:
        day = (today or date.today()).toordinal()

        def allowed(label: int) -> bool:
            return (
                bool(self._alive[label])
                and int(self._expires[label]) >= day
                and (id_filter is None or id_filter(self._ids[label]))
            )

        return allowed

    def search(
        self,
        vector: np.ndarray,
        k: int = 10,
        filter: IdFilter | None = None,  # noqa: A002 - the public name the callers use
        *,
        today: date | None = None,
        exact: bool = False,
    ) -> list[tuple[str, float]]:
        """Up to ``k`` (profile id, cosine) pairs, best first, among active profiles that
        pass ``filter``. Uses HNSW when built unless ``exact`` is set."""
        query = np.asarray(vector, dtype=np.float32).reshape(self.dim)
        if self._size == 0 or k <= 0:
            return []
        if self._hnsw is not None and not exact:
            return self._search_ann(query, k, filter, today)
        return self._search_exact(query, k, filter, today)

    def _search_exact(
        self, query: np.ndarray, k: int, id_filter: IdFilter | None, today: date | None
    ) -> list[tuple[str, float]]:
        day = (today or date.today()).toordinal()
        mask = self._alive[: self._size] & (self._expires[: self._size] >= day)
        if id_filter is not None:
            mask &= np.fromiter((id_filter(i) for i in self._ids), dtype=bool, count=self._size)
        live = int(mask.sum())
        if not live:
            return []
        # Score every stored row (no copy of the matrix), then blank out the excluded ones.
        scores = self._vectors[: self._size] @ query
        if live < self._size:
            scores[~mask] = -np.inf
        take = min(k, live)
        top = np.argpartition(-scores, take - 1)[:take]
        top = top[np.lexsort((top, -scores[top]))]
        return [(self._ids[i], float(scores[i])) for i in top]

    def _search_ann(
        self, query: np.ndarray, k: int, id_filter: IdFilter | None, today: date | None
    ) -> list[tuple[str, float]]:
        day = (today or date.today()).toordinal()
        any_expired = self._earliest_expiry < day
        live = len(self)
        take = min(k, live)
        if take == 0:
            return []
        self._hnsw.set_ef(max(self.ef_search, take))
        if id_filter is None and not any_expired:
            labels, distances = self._hnsw.knn_query(query, k=take)
        else:
            try:
                labels, distances = self._hnsw.knn_query(
                    query, k=take, filter=self._allowed(today, id_filter)
                )
            except RuntimeError:  # fewer than k elements pass the filter
                return self._search_exact(query, k, id_filter, today)
        return [
            (self._ids[int(lab)], 1.0 - float(d))
            for lab, d in zip(labels[0], distances[0], strict=True)
        ]

    # ------------------------------------------------------------------ persistence
    def save(self, directory: Path | str) -> None:
        """Write the index into ``directory`` (created if needed)."""
        folder = Path(directory)
        folder.mkdir(parents=True, exist_ok=True)
        meta = {
            "format": FORMAT_VERSION,
            "dim": self.dim,
            "encoder": self.encoder_name,
            "ann_threshold": self.ann_threshold,
            "m": self.m,
            "ef_construction": self.ef_construction,
            "ef_search": self.ef_search,
            "ids": self._ids,
            "alive": self._alive[: self._size].tolist(),
            "expires": self._expires[: self._size].tolist(),
            "has_hnsw": self._hnsw is not None,
        }
        tmp_vectors = folder / "vectors.npy.tmp"
        with tmp_vectors.open("wb") as handle:
            np.save(handle, self._vectors[: self._size])
        os.replace(tmp_vectors, folder / "vectors.npy")
        if self._hnsw is not None:
            tmp_graph = folder / "hnsw.bin.tmp"
            self._hnsw.save_index(str(tmp_graph))
            os.replace(tmp_graph, folder / "hnsw.bin")
        tmp_meta = folder / "meta.json.tmp"
        tmp_meta.write_text(json.dumps(meta), encoding="utf-8")
        os.replace(tmp_meta, folder / "meta.json")

    @classmethod
    def load(cls, directory: Path | str) -> VectorIndex:
        """Read an index written by :meth:`save`."""
        folder = Path(directory)
        try:
            meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise IndexFormatError(f"no matching index in {folder}") from None
        if meta.get("format") != FORMAT_VERSION:
            raise IndexFormatError(f"index format {meta.get('format')!r} is not supported")
        index = cls(
            meta["dim"],
            ann_threshold=meta["ann_threshold"],
            m=meta["m"],
            ef_construction=meta["ef_construction"],
            ef_search=meta["ef_search"],
            encoder_name=meta.get("encoder"),
        )
        vectors = np.load(folder / "vectors.npy")
        size = len(meta["ids"])
        index._grow(size)
        index._vectors[:size] = vectors
        index._ids = list(meta["ids"])
        index._labels = {pid: i for i, pid in enumerate(index._ids)}
        index._alive[:size] = np.array(meta["alive"], dtype=bool)
        index._expires[:size] = np.array(meta["expires"], dtype=np.int32)
        index._size = size
        index._live = int(index._alive[:size].sum())
        if size:
            index._earliest_expiry = int(index._expires[:size].min())
        if meta.get("has_hnsw"):
            import hnswlib

            graph = hnswlib.Index(space="ip", dim=index.dim)
            graph.load_index(str(folder / "hnsw.bin"), max_elements=len(index._vectors))
            graph.set_ef(index.ef_search)
            index._hnsw = graph
        return index
