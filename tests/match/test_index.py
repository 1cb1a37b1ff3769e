from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from coopnode.match.index import IndexFormatError, VectorIndex

TODAY = date(2026, 1, 1)


def _unit(n: int, dim: int = 32, seed: int = 0) -> np.ndarray:
    x = np.random.default_rng(seed).standard_normal((n, dim)).astype(np.float32)
    return x / np.linalg.norm(x, axis=1, keepdims=True)


@pytest.fixture
def vectors() -> np.ndarray:
    return _unit(400)


def _index(vectors: np.ndarray, threshold: int) -> VectorIndex:
    index = VectorIndex(vectors.shape[1], ann_threshold=threshold, ef_search=200)
    index.add([f"p{i}" for i in range(len(vectors))], vectors)
    return index


def test_exact_search_finds_the_vector_itself_first(vectors):
    index = _index(vectors, threshold=10_000)
    assert not index.uses_ann
    hits = index.search(vectors[7], 5, today=TODAY)
    assert hits[0][0] == "p7" and hits[0][1] == pytest.approx(1.0, abs=1e-5)
    assert [s for _, s in hits] == sorted((s for _, s in hits), reverse=True)


def test_ann_agrees_with_exact_on_a_small_set(vectors):
    index = _index(vectors, threshold=100)
    assert index.uses_ann
    overlap = []
    for q in _unit(20, seed=1):
        ann = {pid for pid, _ in index.search(q, 10, today=TODAY)}
        exact = {pid for pid, _ in index.search(q, 10, today=TODAY, exact=True)}
        overlap.append(len(ann & exact) / 10)
    assert np.mean(overlap) >= 0.9


@pytest.mark.parametrize("threshold", [10_000, 100])
def test_remove_update_and_readd(vectors, threshold):
    index = _index(vectors, threshold)
    index.remove(["p7"])
    assert "p7" not in index and len(index) == 399
    assert "p7" not in {pid for pid, _ in index.search(vectors[7], 10, today=TODAY)}
    index.update("p8", vectors[7])
    assert index.search(vectors[7], 1, today=TODAY)[0][0] == "p8"
    index.add(["p7"], vectors[7][None, :])
    assert "p7" in index and len(index) == 400


@pytest.mark.parametrize("threshold", [10_000, 100])
def test_expired_profiles_drop_out(vectors, threshold):
    index = VectorIndex(vectors.shape[1], ann_threshold=threshold)
    ids = [f"p{i}" for i in range(len(vectors))]
    expiry = [date(2025, 12, 31) if i == 3 else None for i in range(len(vectors))]
    index.add(ids, vectors, expiry)
    assert "p3" not in {pid for pid, _ in index.search(vectors[3], 5, today=TODAY)}
    assert index.search(vectors[3], 1, today=date(2025, 12, 31))[0][0] == "p3"


@pytest.mark.parametrize("threshold", [10_000, 100])
def test_filter_limits_results(vectors, threshold):
    index = _index(vectors, threshold)
    hits = index.search(vectors[0], 10, filter=lambda pid: pid.endswith("5"), today=TODAY)
    assert hits and all(pid.endswith("5") for pid, _ in hits)


@pytest.mark.parametrize("threshold", [10_000, 100])
def test_save_and_load_round_trip(tmp_path, vectors, threshold):
    index = _index(vectors, threshold)
    index.remove(["p1"])
    index.save(tmp_path / "idx")
    loaded = VectorIndex.load(tmp_path / "idx")
    assert len(loaded) == len(index) and loaded.uses_ann == index.uses_ann
    q = vectors[2]
    assert loaded.search(q, 5, today=TODAY) == index.search(q, 5, today=TODAY)
    loaded.add(["new"], vectors[1][None, :])
    assert loaded.search(vectors[1], 1, today=TODAY)[0][0] == "new"


def test_loading_an_empty_directory_is_a_clear_error(tmp_path):
    with pytest.raises(IndexFormatError):
        VectorIndex.load(tmp_path)


def test_empty_index_returns_nothing():
    assert VectorIndex(8).search(np.ones(8) / np.sqrt(8), 5) == []


@pytest.mark.parametrize("threshold", [10_000, 100])
def test_reserve_before_a_bulk_load_keeps_contents(vectors, threshold):
    index = _index(vectors[:150], threshold)
    index.reserve(5000)
    index.add([f"q{i}" for i in range(150, 400)], vectors[150:])
    assert len(index) == 400
    assert index.search(vectors[3], 1, today=TODAY)[0][0] == "p3"
    assert index.search(vectors[300], 1, today=TODAY)[0][0] == "q300"
