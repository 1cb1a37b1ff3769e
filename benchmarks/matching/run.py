"""Matching benchmark: index build throughput, top-10 latency (ANN vs exact), recall@10 of the
ANN against exact search, peak memory, and real embedding throughput per core.

    .venv/bin/python benchmarks/matching/run.py --quick
    .venv/bin/python benchmarks/matching/run.py --sizes 100000,1000000

Synthetic vectors: index figures use generated unit vectors of the model's dimension (512).
They are drawn from a low-rank Gaussian (latent dimension 64, plus isotropic noise) because real
sentence embeddings concentrate near a low-dimensional subspace; ``--uniform`` uses isotropic
random vectors instead (the hardest case for any graph index). Embedding throughput is measured
on the real texts of the labelled set.
"""

from __future__ import annotations

import os

# One core for queries and exact search: the targets are per core. Set before numpy loads BLAS.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import resource  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402

from coopnode.match.index import VectorIndex  # noqa: E402


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def synthetic(
    n: int, dim: int, rng: np.random.Generator, basis: np.ndarray | None, chunk: int = 100_000
) -> np.ndarray:
    out = np.empty((n, dim), dtype=np.float32)
    for start in range(0, n, chunk):
        m = min(chunk, n - start)
        if basis is None:
            block = rng.standard_normal((m, dim), dtype=np.float32)
        else:
            latent = rng.standard_normal((m, basis.shape[0]), dtype=np.float32)
            block = latent @ basis + 0.35 * rng.standard_normal((m, dim), dtype=np.float32)
        block /= np.linalg.norm(block, axis=1, keepdims=True)
        out[start : start + m] = block
    return out


def bench_size(
    n: int,
    dim: int,
    queries: int,
    ef_values: list[int],
    m: int,
    ef_construction: int,
    uniform: bool,
    seed: int,
) -> None:
    rng = np.random.default_rng(seed)
    basis = None if uniform else rng.standard_normal((64, dim), dtype=np.float32) / np.sqrt(64)
    data = synthetic(n, dim, rng, basis)
    query_vectors = synthetic(queries, dim, rng, basis)
    ids = [f"p{i}" for i in range(n)]

    index = VectorIndex(dim, ann_threshold=1, m=m, ef_construction=ef_construction)
    index.reserve(n)
    started = time.perf_counter()
    step = 100_000
    for start in range(0, n, step):
        index.add(ids[start : start + step], data[start : start + step])
    build = time.perf_counter() - started
    print(f"\n### {n:,} profiles × {dim}-d ({'uniform' if uniform else 'low-rank'} synthetic)")
    print(
        f"index build: {build:.1f} s, {n / build:,.0f} vectors/s "
        f"(hnswlib, M={m}, ef_construction={ef_construction}, 2 threads)"
    )

    # Exact top-10 for all queries (batched) as ground truth.
    truth = []
    for q in query_vectors:
        scores = data @ q
        top = np.argpartition(-scores, 10)[:10]
        truth.append({f"p{i}" for i in top})
    exact_times = []
    for q in query_vectors[: min(queries, 30)]:
        t0 = time.perf_counter()
        index.search(q, 10, exact=True)
        exact_times.append(time.perf_counter() - t0)
    exact_ms = np.array(exact_times) * 1000
    print(
        f"exact numpy top-10: median {np.median(exact_ms):.1f} ms, "
        f"p95 {np.percentile(exact_ms, 95):.1f} ms (1 core)"
    )

    index._hnsw.set_num_threads(1)
    print("| ef_search | recall@10 vs exact | median ms | p95 ms | speed-up (median) |")
    print("|---:|---:|---:|---:|---:|")
    for ef in ef_values:
        index.ef_search = ef
        times, recalls = [], []
        for q, gold in zip(query_vectors, truth, strict=True):
            t0 = time.perf_counter()
            hits = index.search(q, 10)
            times.append(time.perf_counter() - t0)
            recalls.append(len(gold & {pid for pid, _ in hits}) / 10)
        ms = np.array(times) * 1000
        print(
            f"| {ef} | {np.mean(recalls):.3f} | {np.median(ms):.2f} | "
            f"{np.percentile(ms, 95):.2f} | {np.median(exact_ms) / np.median(ms):.0f}× |"
        )
    print(f"peak memory (process so far): {peak_rss_mb():,.0f} MB")
    del index, data


def bench_embedding(name: str | None) -> None:
    """Profiles/s on one thread, for the labelled set's short profiles (title + summary) and
    for longer ones (five profiles joined, like a profile with a full description)."""
    from coopnode.match.encoder import get_encoder
    from coopnode.match.evaluate import load_evalset

    texts = [p.text for p in load_evalset()]
    long_texts = ["\n".join(texts[i : i + 5]) for i in range(0, len(texts), 5)]
    encoder = get_encoder(name)
    encoder.encode(texts[:8])  # load weights outside the timing
    for label, batch in (("short", texts), ("long", long_texts)):
        started = time.perf_counter()
        encoder.encode(batch)
        elapsed = time.perf_counter() - started
        mean_chars = sum(map(len, batch)) / len(batch)
        print(
            f"embedding ({encoder.name}, 1 thread, {label}): {len(batch) / elapsed:,.0f} "
            f"profiles/s ({len(batch)} real profiles, mean {mean_chars:.0f} characters)"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description="coopnode matching benchmark")
    parser.add_argument("--sizes", default="100000,1000000")
    parser.add_argument("--quick", action="store_true", help="20,000 vectors, few queries")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--dim", type=int, default=512)
    parser.add_argument("--ef", default="256,512,1024,2048")
    parser.add_argument("--m", type=int, default=32)
    parser.add_argument("--ef-construction", type=int, default=128)
    parser.add_argument("--uniform", action="store_true")
    parser.add_argument("--encoders", default="use-m3,lexical")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    sizes = [20_000] if args.quick else [int(s) for s in args.sizes.split(",") if s]
    queries = 50 if args.quick else args.queries
    ef_values = [int(e) for e in args.ef.split(",")]
    for name in [n for n in args.encoders.split(",") if n]:
        bench_embedding(name)
    for n in sizes:
        bench_size(
            n, args.dim, queries, ef_values, args.m, args.ef_construction, args.uniform, args.seed
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
