"""Match features: small pure functions, each returning one explainable :class:`MatchReason`.

A reason carries a stable message ``code`` and ``params`` (sector codes, country codes,
cooperation types, numbers — never prose), so the portal can render it in the reader's
language with :func:`coopnode.match.messages.render_reason`. The final score is the weighted
sum of the reasons' scores (weights live in :mod:`coopnode.match.matcher`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from coopnode.match.profile import Profile, complementary_types
from coopnode.refdata.sectors import get_sector, is_sector


@dataclass(frozen=True)
class MatchReason:
    """One feature's verdict. ``score`` is in [0, 1]; ``weight`` is filled in by the matcher;
    ``params`` are JSON-serialisable values the message template needs."""

    code: str
    score: float
    weight: float = 0.0
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def contribution(self) -> float:
        return self.score * self.weight


SEMANTIC = "semantic"
SECTOR_OVERLAP = "sector_overlap"
COOPERATION_TYPE = "cooperation_type"
TARGET_COUNTRY = "target_country"
COMPLEMENTARY_TYPE = "complementary_type"
READINESS = "readiness"

FEATURE_CODES: tuple[str, ...] = (
    SEMANTIC,
    SECTOR_OVERLAP,
    COOPERATION_TYPE,
    TARGET_COUNTRY,
    COMPLEMENTARY_TYPE,
    READINESS,
)


def semantic(similarity: float) -> MatchReason:
    """Cosine similarity of the two texts' embeddings, clipped to [0, 1]."""
    score = min(1.0, max(0.0, float(similarity)))
    return MatchReason(SEMANTIC, score, params={"similarity": round(score, 2)})


def _top(code: str) -> str:
    return get_sector(code).top if is_sector(code) else code


def sector_overlap(own: Profile, other: Profile) -> MatchReason:
    """1.0 when the profiles share a sector code, 0.5 when they only share a top-level group
    (e.g. both under cybersecurity), else 0. Params list the shared codes, most specific first."""
    mine, theirs = set(own.sectors), set(other.sectors)
    shared = sorted(mine & theirs, key=lambda c: (-c.count("."), c))
    if shared:
        return MatchReason(SECTOR_OVERLAP, 1.0, params={"sectors": shared, "level": "exact"})
    groups = sorted({_top(c) for c in mine} & {_top(c) for c in theirs})
    if groups:
        return MatchReason(SECTOR_OVERLAP, 0.5, params={"sectors": groups, "level": "group"})
    return MatchReason(SECTOR_OVERLAP, 0.0, params={"sectors": []})


def cooperation_type(own: Profile, other: Profile) -> MatchReason:
    """Share of the smaller list of sought cooperation types that both profiles name."""
    mine, theirs = set(own.cooperation_types), set(other.cooperation_types)
    if not mine or not theirs:
        return MatchReason(COOPERATION_TYPE, 0.0, params={"types": []})
    shared = sorted(t.value for t in mine & theirs)
    return MatchReason(
        COOPERATION_TYPE, len(shared) / min(len(mine), len(theirs)), params={"types": shared}
    )


def _fits(targets: tuple[str, ...], country: str | None) -> float | None:
    """1 if ``country`` is among ``targets``, 0 if not, None when nothing is known."""
    if not targets or country is None:
        return None
    return 1.0 if country in targets else 0.0


def target_country(own: Profile, other: Profile) -> MatchReason:
    """Do the partners sit where each wants to work? Each side that names target countries
    scores 1 or 0; unknown sides are left out; nothing known scores 0 (no evidence)."""
    checks = [
        v
        for v in (
            _fits(own.target_countries, other.country),
            _fits(other.target_countries, own.country),
        )
        if v is not None
    ]
    score = sum(checks) / len(checks) if checks else 0.0
    return MatchReason(
        TARGET_COUNTRY,
        score,
        params={
            "country": other.country,
            "own_country": own.country,
            "known": bool(checks),
            "fit": "all" if score == 1.0 else ("none" if score == 0.0 else "some"),
        },
    )


def complementary_type(own: Profile, other: Profile) -> MatchReason:
    """1 when ``other`` answers ``own`` (an offer for a request, research for research)."""
    score = 1.0 if other.type in complementary_types(own.type) else 0.0
    return MatchReason(
        COMPLEMENTARY_TYPE,
        score,
        params={"own_type": own.type.value, "other_type": other.type.value},
    )


_STAGES = ("idea", "prototype", "pilot", "market")


def readiness(own: Profile, other: Profile) -> MatchReason:
    """Closeness of technology stages (1 same stage, 0 opposite ends); 0 when either is
    unknown. Matters little: a request rarely states the stage it wants."""
    if own.readiness is None or other.readiness is None:
        return MatchReason(READINESS, 0.0, params={"stage": None})
    gap = abs(_STAGES.index(own.readiness.value) - _STAGES.index(other.readiness.value))
    return MatchReason(
        READINESS, 1.0 - gap / (len(_STAGES) - 1), params={"stage": other.readiness.value}
    )
