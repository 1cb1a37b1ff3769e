"""Rank candidate profiles for one profile and explain each match.

The score is a weighted sum of the feature scores in :mod:`coopnode.match.features`; all
weights are in :data:`DEFAULT_WEIGHTS`, so a printed match shows exactly how it was scored.
Only complementary, active profiles are ranked (an offer meets requests, and so on).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date

import numpy as np

from coopnode.match import features as F
from coopnode.match.encoder import TextEncoder
from coopnode.match.features import MatchReason
from coopnode.match.index import VectorIndex
from coopnode.match.profile import Profile

# Set by hand before the first evaluation and not fitted to the labelled set (see the ablation
# in docs/matching.md). Text meaning carries most of the signal; the structured fields break
# ties and lift partners the text alone misses.
DEFAULT_WEIGHTS: Mapping[str, float] = {
    F.SEMANTIC: 0.60,
    F.SECTOR_OVERLAP: 0.20,
    F.COOPERATION_TYPE: 0.10,
    F.TARGET_COUNTRY: 0.08,
    F.READINESS: 0.02,
    F.COMPLEMENTARY_TYPE: 0.0,  # always 1 for ranked candidates: shown, not scored
}

StructuredFeature = Callable[[Profile, Profile], MatchReason]
STRUCTURED_FEATURES: tuple[StructuredFeature, ...] = (
    F.complementary_type,
    F.sector_overlap,
    F.cooperation_type,
    F.target_country,
    F.readiness,
)


@dataclass(frozen=True)
class MatchResult:
    """One ranked candidate: its id, total score and the reasons, strongest first."""

    profile_id: str
    score: float
    reasons: tuple[MatchReason, ...]

    def shown_reasons(self) -> tuple[MatchReason, ...]:
        """Reasons worth showing a reader: those with some positive evidence."""
        return tuple(r for r in self.reasons if r.score > 0)

    def explain(self) -> str:
        """Plain-text breakdown "code score×weight" for logs and the CLI."""
        parts = [f"{r.code}={r.score:.2f}×{r.weight:.2f}" for r in self.reasons]
        return f"{self.profile_id} {self.score:.3f}: " + ", ".join(parts)


def score_pair(
    own: Profile,
    other: Profile,
    similarity: float,
    weights: Mapping[str, float] = DEFAULT_WEIGHTS,
) -> MatchResult:
    """Score one pair given the texts' cosine similarity (the only model-dependent input)."""
    reasons = [F.semantic(similarity)] + [feature(own, other) for feature in STRUCTURED_FEATURES]
    weighted = [replace(r, weight=float(weights.get(r.code, 0.0))) for r in reasons]
    total = sum(r.contribution for r in weighted)
    ordered = sorted(weighted, key=lambda r: (-r.contribution, -r.score, r.code))
    return MatchResult(other.id, round(total, 6), tuple(ordered))


def eligible(
    own: Profile, candidates: Iterable[Profile], today: date | None = None
) -> list[Profile]:
    """Candidates that complement ``own`` and have not expired."""
    return [c for c in candidates if own.complements(c) and c.is_active(today)]


def rank(
    profile: Profile,
    candidates: Sequence[Profile],
    encoder: TextEncoder,
    top_k: int = 10,
    *,
    weights: Mapping[str, float] = DEFAULT_WEIGHTS,
    vectors: Mapping[str, np.ndarray] | None = None,
    today: date | None = None,
) -> list[MatchResult]:
    """The ``top_k`` best partners for ``profile`` among ``candidates``.

    ``vectors`` (profile id → unit vector from the same encoder) avoids re-encoding stored
    profiles; missing ones are encoded on the fly. Ties are broken by profile id so results
    are stable across runs.
    """
    pool = eligible(profile, candidates, today)
    if not pool:
        return []
    vectors = dict(vectors or {})
    missing = [p for p in [profile, *pool] if p.id not in vectors]
    if missing:
        encoded = encoder.encode([p.text for p in missing])
        vectors.update({p.id: v for p, v in zip(missing, encoded, strict=True)})
    query = vectors[profile.id]
    matrix = np.vstack([vectors[c.id] for c in pool])
    similarities = matrix @ query
    results = [
        score_pair(profile, cand, float(sim), weights)
        for cand, sim in zip(pool, similarities, strict=True)
    ]
    results.sort(key=lambda r: (-r.score, r.profile_id))
    return results[:top_k]


def rank_from_index(
    profile: Profile,
    index: VectorIndex,
    profiles: Mapping[str, Profile],
    encoder: TextEncoder,
    top_k: int = 10,
    *,
    pool: int = 100,
    weights: Mapping[str, float] = DEFAULT_WEIGHTS,
    today: date | None = None,
) -> list[MatchResult]:
    """Like :func:`rank` for a large node: the index proposes the ``pool`` nearest active,
    complementary profiles by text, then the full weighted score re-ranks them. ``profiles``
    maps ids to stored profiles (a dict, or a lazy mapping over the database)."""
    if profile.id in index:
        query = index.vector(profile.id)
    else:
        query = encoder.encode([profile.text])[0]

    def answers(other_id: str) -> bool:
        other = profiles.get(other_id)
        return other is not None and profile.complements(other)

    hits = index.search(query, k=pool, filter=answers, today=today)
    results = [
        score_pair(profile, profiles[pid], similarity, weights)
        for pid, similarity in hits
        if profiles[pid].is_active(today)
    ]
    results.sort(key=lambda r: (-r.score, r.profile_id))
    return results[:top_k]
