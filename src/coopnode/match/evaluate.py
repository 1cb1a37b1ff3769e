"""Evaluate partner matching on the labelled set: recall@10 and MRR by language pair, plus an
ablation of the score's parts and a comparison of encoders.

    python -m coopnode.match.evaluate                 # default encoder, all tables
    python -m coopnode.match.evaluate --encoders use-m3,e5-small,lexical

Ranks are "filtered": for a query and one known partner, the partner's rank among all
eligible candidates (complementary type, not expired) other than the query's other known
partners. Ties count half (expected rank under random tie-breaking), so a feature that gives
many candidates the same score is not flattered by the order of ids.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import numpy as np

from coopnode.match import features as F
from coopnode.match.encoder import EncoderUnavailableError, get_encoder
from coopnode.match.matcher import DEFAULT_WEIGHTS, STRUCTURED_FEATURES, eligible, rank
from coopnode.match.messages import render_reason
from coopnode.match.profile import Profile

EVALSET_PATH = Path(__file__).with_name("evalset") / "profiles.jsonl"
EVAL_TODAY = date(2026, 1, 1)

ABLATIONS: dict[str, Mapping[str, float]] = {
    "text model only": {F.SEMANTIC: 1.0},
    "sectors only": {F.SECTOR_OVERLAP: 1.0},
    "cooperation types only": {F.COOPERATION_TYPE: 1.0},
    "countries only": {F.TARGET_COUNTRY: 1.0},
    "structured (no text)": {k: v for k, v in DEFAULT_WEIGHTS.items() if k != F.SEMANTIC},
    "all (default weights)": DEFAULT_WEIGHTS,
}


def load_evalset(path: Path = EVALSET_PATH) -> list[Profile]:
    """Profiles of the labelled set; known partners are in ``profile.extra['partners']``."""
    with path.open(encoding="utf-8") as handle:
        return [Profile.from_dict(json.loads(line)) for line in handle if line.strip()]


def without_sectors(profiles: Sequence[Profile]) -> list[Profile]:
    """The same profiles with their sector tags removed: how matching fares when members skip
    the sector field (the labelled set's tags are cleaner than real members' will be)."""
    return [replace(p, sectors=()) for p in profiles]


@dataclass(frozen=True)
class PairRank:
    query_id: str
    partner_id: str
    query_lang: str
    partner_lang: str
    rank: float


@dataclass(frozen=True)
class Scores:
    """Per query: candidate ids and each feature's score matrix row, computed once."""

    candidates: dict[str, list[str]]
    feature_scores: dict[str, dict[str, np.ndarray]]


def feature_scores(
    profiles: Sequence[Profile], vectors: Mapping[str, np.ndarray], today: date = EVAL_TODAY
) -> Scores:
    """All feature scores for every eligible (query, candidate) pair."""
    candidates: dict[str, list[str]] = {}
    table: dict[str, dict[str, np.ndarray]] = {}
    for query in profiles:
        if not query.extra.get("partners"):
            continue
        pool = eligible(query, profiles, today)
        candidates[query.id] = [c.id for c in pool]
        sims = np.array([float(vectors[c.id] @ vectors[query.id]) for c in pool])
        rows: dict[str, list[float]] = defaultdict(list)
        for cand, sim in zip(pool, sims, strict=True):
            rows[F.SEMANTIC].append(F.semantic(sim).score)
            for feature in STRUCTURED_FEATURES:
                reason = feature(query, cand)
                rows[reason.code].append(reason.score)
        table[query.id] = {code: np.array(vals) for code, vals in rows.items()}
    return Scores(candidates, table)


def filtered_ranks(
    profiles: Sequence[Profile], scores: Scores, weights: Mapping[str, float]
) -> list[PairRank]:
    by_id = {p.id: p for p in profiles}
    out: list[PairRank] = []
    for qid, cand_ids in scores.candidates.items():
        rows = scores.feature_scores[qid]
        total = sum(w * rows[code] for code, w in weights.items() if code in rows and w)
        total = np.asarray(total if not isinstance(total, int) else np.zeros(len(cand_ids)))
        partners = set(by_id[qid].extra["partners"])
        index = {cid: i for i, cid in enumerate(cand_ids)}
        others = np.array([cid not in partners for cid in cand_ids])
        for pid in sorted(partners):
            if pid not in index:
                continue
            s = total[index[pid]]
            higher = int(np.sum((total > s) & others))
            ties = int(np.sum((total == s) & others))
            out.append(
                PairRank(qid, pid, by_id[qid].language, by_id[pid].language, 1 + higher + ties / 2)
            )
    return out


def summarise(ranks: Sequence[PairRank], k: int = 10) -> dict[str, float]:
    if not ranks:
        return {"n": 0, "recall@10": float("nan"), "mrr": float("nan")}
    r = np.array([x.rank for x in ranks])
    return {"n": len(r), f"recall@{k}": float(np.mean(r <= k)), "mrr": float(np.mean(1 / r))}


def by_language_pair(ranks: Sequence[PairRank]) -> dict[str, dict[str, float]]:
    groups: dict[str, list[PairRank]] = defaultdict(list)
    for x in ranks:
        groups[f"{x.query_lang}→{x.partner_lang}"].append(x)
    table = {key: summarise(val) for key, val in sorted(groups.items())}
    table["all"] = summarise(ranks)
    return table


def _table(rows: dict[str, dict[str, float]], first: str) -> str:
    lines = [f"| {first} | pairs | recall@10 | MRR |", "|---|---:|---:|---:|"]
    for key, m in rows.items():
        lines.append(f"| {key} | {m['n']} | {m['recall@10']:.3f} | {m['mrr']:.3f} |")
    return "\n".join(lines)


def showcase(profiles: Sequence[Profile], encoder_name: str | None, lang: str = "en") -> str:
    """The required example: the Russian e-government document-workflow offer and its top 3."""
    encoder = get_encoder(encoder_name)
    query = next(p for p in profiles if p.id == "edoc-ru-bo")
    results = rank(query, profiles, encoder, top_k=3, today=EVAL_TODAY)
    by_id = {p.id: p for p in profiles}
    lines = [f"Query [{query.language}] {query.title}"]
    for i, res in enumerate(results, 1):
        other = by_id[res.profile_id]
        lines.append(f"{i}. [{other.language}] {other.title}  score {res.score:.3f}")
        for reason in res.shown_reasons():
            lines.append(f"     - {render_reason(reason, lang)}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--encoders", default="", help="comma list, e.g. use-m3,e5-small,lexical")
    parser.add_argument("--evalset", type=Path, default=EVALSET_PATH)
    args = parser.parse_args(argv)

    profiles = load_evalset(args.evalset)
    names = [n for n in args.encoders.split(",") if n] or [get_encoder().name]
    texts = [p.text for p in profiles]
    comparison: dict[str, dict[str, float]] = {}
    for position, name in enumerate(names):
        try:
            encoder = get_encoder(name)
        except EncoderUnavailableError as exc:
            print(f"skipping {name}: {exc}", file=sys.stderr)
            continue
        encoder.encode(texts[:2])  # load the weights outside the timing
        started = time.perf_counter()
        matrix = encoder.encode(texts)
        per_second = len(texts) / (time.perf_counter() - started)
        vectors = {p.id: v for p, v in zip(profiles, matrix, strict=True)}
        scores = feature_scores(profiles, vectors)
        all_ranks = filtered_ranks(profiles, scores, DEFAULT_WEIGHTS)
        text_ranks = filtered_ranks(profiles, scores, ABLATIONS["text model only"])
        t, a = summarise(text_ranks), summarise(all_ranks)
        comparison[f"{name} (dim {encoder.dim}, {per_second:.0f} profiles/s)"] = {
            "n": a["n"],
            "text recall@10": t["recall@10"],
            "text mrr": t["mrr"],
            "recall@10": a["recall@10"],
            "mrr": a["mrr"],
        }
        if position == 0:
            print(f"## Encoder {name}: by language pair (all features)\n")
            print(_table(by_language_pair(all_ranks), "query→partner"))
            print(f"\n## Encoder {name}: by language pair (text model only)\n")
            print(_table(by_language_pair(text_ranks), "query→partner"))
            print(f"\n## Ablation (encoder {name})\n")
            rows = {k: summarise(filtered_ranks(profiles, scores, w)) for k, w in ABLATIONS.items()}
            untagged = without_sectors(profiles)
            rows["all, profiles without sector tags"] = summarise(
                filtered_ranks(untagged, feature_scores(untagged, vectors), DEFAULT_WEIGHTS)
            )
            print(_table(rows, "score uses"))
            print("\n## Example\n")
            print(showcase(profiles, name))
    if len(comparison) > 1:
        print("\n## Encoders\n")
        print("| encoder | pairs | text only R@10 | text only MRR | all R@10 | all MRR |")
        print("|---|---:|---:|---:|---:|---:|")
        for key, m in comparison.items():
            print(
                f"| {key} | {m['n']} | {m['text recall@10']:.3f} | {m['text mrr']:.3f} "
                f"| {m['recall@10']:.3f} | {m['mrr']:.3f} |"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
