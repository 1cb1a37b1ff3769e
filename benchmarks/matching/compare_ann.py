"""Compare ANN libraries on the same synthetic profile vectors: hnswlib (what the index uses),
faiss-cpu HNSW and usearch. Prints build time, recall@10 against exact search and one-core
query latency at a few search-effort settings.

    .venv/bin/python benchmarks/matching/compare_ann.py --n 100000

faiss-cpu and usearch are optional: a library that is not installed is skipped.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402

import numpy as np  # noqa: E402
from run import synthetic  # noqa: E402

Search = Callable[[np.ndarray], np.ndarray]


def measure(name: str, effort: int, search: Search, queries: np.ndarray, truth: list[set[int]]):
    times, recalls = [], []
    for q, gold in zip(queries, truth, strict=True):
        t0 = time.perf_counter()
        labels = search(q)
        times.append(time.perf_counter() - t0)
        recalls.append(len(gold & {int(x) for x in labels}) / 10)
    ms = np.array(times) * 1000
    print(
        f"| {name} | {effort} | {np.mean(recalls):.3f} | {np.median(ms):.2f} | "
        f"{np.percentile(ms, 95):.2f} |"
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--dim", type=int, default=512)
    parser.add_argument("--queries", type=int, default=100)
    parser.add_argument("--m", type=int, default=16)
    parser.add_argument("--ef-construction", type=int, default=128)
    parser.add_argument("--ef", default="128,256,512")
    args = parser.parse_args()
    rng = np.random.default_rng(7)
    basis = rng.standard_normal((64, args.dim), dtype=np.float32) / np.sqrt(64)
    data = synthetic(args.n, args.dim, rng, basis)
    queries = synthetic(args.queries, args.dim, rng, basis)
    truth = [set(np.argpartition(-(data @ q), 10)[:10].tolist()) for q in queries]
    efs = [int(e) for e in args.ef.split(",")]
    labels = np.arange(args.n)
    builds: list[str] = []
    print("| library | ef / expansion | recall@10 | median ms | p95 ms |")
    print("|---|---:|---:|---:|---:|")

    import hnswlib

    t0 = time.perf_counter()
    h = hnswlib.Index(space="ip", dim=args.dim)
    h.init_index(max_elements=args.n, M=args.m, ef_construction=args.ef_construction)
    h.add_items(data, labels, num_threads=2)
    builds.append(f"hnswlib {time.perf_counter() - t0:.1f} s")
    h.set_num_threads(1)
    for ef in efs:
        h.set_ef(ef)
        measure("hnswlib", ef, lambda q: h.knn_query(q, k=10)[0][0], queries, truth)

    try:
        import faiss
    except ImportError:
        print("faiss-cpu not installed: skipped")
    else:
        faiss.omp_set_num_threads(2)
        t0 = time.perf_counter()
        f = faiss.IndexHNSWFlat(args.dim, args.m, faiss.METRIC_INNER_PRODUCT)
        f.hnsw.efConstruction = args.ef_construction
        f.add(data)
        builds.append(f"faiss {time.perf_counter() - t0:.1f} s")
        faiss.omp_set_num_threads(1)
        for ef in efs:
            f.hnsw.efSearch = ef
            measure("faiss-cpu HNSW", ef, lambda q: f.search(q[None, :], 10)[1][0], queries, truth)

    try:
        from usearch.index import Index
    except ImportError:
        print("usearch not installed: skipped")
    else:
        t0 = time.perf_counter()
        u = Index(
            ndim=args.dim,
            metric="ip",
            dtype="f32",
            connectivity=args.m,
            expansion_add=args.ef_construction,
        )
        u.add(labels, data, threads=2)
        builds.append(f"usearch {time.perf_counter() - t0:.1f} s")
        for ef in efs:
            u.expansion_search = ef
            measure("usearch", ef, lambda q: u.search(q, 10, threads=1).keys, queries, truth)
    print("\nbuild (2 threads): " + ", ".join(builds))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
