"""Partner matching: cooperation profiles in ru/zh/en matched across languages, with reasons.

Public API (pure Python, no Django)::

    from coopnode.match import Profile, get_encoder, rank, render_reason

    encoder = get_encoder()                     # best installed text model
    for result in rank(profile, candidates, encoder, top_k=10):
        print(result.score, [render_reason(r, "zh") for r in result.shown_reasons()])

Large nodes keep a :class:`VectorIndex` in their data directory and call
:func:`rank_from_index`. Design and figures: docs/matching.md.
"""

from coopnode.match.encoder import EncoderUnavailableError, TextEncoder, get_encoder
from coopnode.match.features import MatchReason
from coopnode.match.index import VectorIndex
from coopnode.match.matcher import (
    DEFAULT_WEIGHTS,
    MatchResult,
    rank,
    rank_from_index,
    score_pair,
)
from coopnode.match.messages import render_reason
from coopnode.match.profile import (
    CooperationType,
    Profile,
    ProfileType,
    Readiness,
    complementary_types,
)

__all__ = [
    "DEFAULT_WEIGHTS",
    "CooperationType",
    "EncoderUnavailableError",
    "MatchReason",
    "MatchResult",
    "Profile",
    "ProfileType",
    "Readiness",
    "TextEncoder",
    "VectorIndex",
    "complementary_types",
    "get_encoder",
    "rank",
    "rank_from_index",
    "render_reason",
    "score_pair",
]
