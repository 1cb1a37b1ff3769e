"""Matching on the web side: turn stored profiles into core profiles, keep their vectors, rank
with :func:`coopnode.match.matcher.rank` and store the results as :class:`Match` rows.

Nothing here decides *how* to score; that is the core's job. This module decides *which*
profiles take part (published and not expired) and where vectors come from.
"""

from __future__ import annotations

import os
from dataclasses import asdict
from datetime import date
from functools import lru_cache
from typing import Any

import numpy as np
from django.utils import timezone

from coopnode.match.encoder import TextEncoder, get_encoder
from coopnode.match.features import MatchReason
from coopnode.match.matcher import DEFAULT_WEIGHTS, MatchResult, rank, score_pair
from coopnode.match.messages import render_reason
from coopnode.match.profile import Profile

from .models import CooperationProfile, Match, ProfileStatus
from .vectors import get_vector_store, text_hash

DEFAULT_TOP_K = 10


@lru_cache(maxsize=1)
def profile_encoder() -> TextEncoder:
    """The node's encoder: ``COOPNODE_MATCH_ENCODER`` if set, else the best one installed."""
    return get_encoder(os.environ.get("COOPNODE_MATCH_ENCODER") or None)


def to_core(profile: CooperationProfile) -> Profile:
    """The core's view of a stored profile."""
    return Profile(
        id=str(profile.pk),
        type=profile.profile_type,
        title=profile.title,
        summary=profile.summary,
        description=profile.description,
        language=profile.language,
        owner_org_id=str(profile.owner_org_id) if profile.owner_org_id else None,
        sectors=tuple(profile.sectors or ()),
        readiness=profile.readiness or None,
        cooperation_types=tuple(profile.cooperation_types or ()),
        country=profile.country or None,
        target_countries=tuple(profile.target_countries or ()),
        expires=profile.expires,
    )


def matchable_profiles(today: date | None = None) -> list[CooperationProfile]:
    """Published profiles that have not expired: the only ones matching ever sees."""
    today = today or timezone.localdate()
    qs = CooperationProfile.objects.filter(status=ProfileStatus.PUBLISHED)
    return [p for p in qs.select_related("owner_org") if p.expires is None or p.expires >= today]


def vectors_for(profiles: list[Profile], encoder: TextEncoder | None = None) -> dict[str, np.ndarray]:
    """Vectors of ``profiles``: stored ones when their text is unchanged, the rest encoded now
    and stored for next time."""
    encoder = encoder or profile_encoder()
    store = get_vector_store()
    hashes = {p.id: text_hash(p.text) for p in profiles}
    found = store.get_many(list(hashes), encoder.name, hashes)
    missing = [p for p in profiles if p.id not in found]
    if missing:
        encoded = encoder.encode([p.text for p in missing])
        store.put_many([(p.id, vec, hashes[p.id]) for p, vec in zip(missing, encoded, strict=True)], encoder.name)
        found.update({p.id: vec for p, vec in zip(missing, encoded, strict=True)})
    return found


def index_profile(profile: CooperationProfile) -> None:
    """Bring the vector store in line with ``profile``: encode it when it can be matched,
    drop it when it cannot (withdrawn, expired, back in review)."""
    if profile.status == ProfileStatus.PUBLISHED and (profile.expires is None or profile.expires >= timezone.localdate()):
        vectors_for([to_core(profile)])
    else:
        get_vector_store().remove(str(profile.pk))


def find_matches(
    profile: CooperationProfile, top_k: int = DEFAULT_TOP_K, today: date | None = None
) -> list[MatchResult]:
    """Ranked complementary published profiles for ``profile`` (any language)."""
    own = to_core(profile)
    pool = [to_core(p) for p in matchable_profiles(today) if p.pk != profile.pk]
    candidates = [c for c in pool if own.complements(c)]
    if not candidates:
        return []
    vectors = vectors_for([own, *candidates])
    return rank(own, candidates, profile_encoder(), top_k=top_k, vectors=vectors, today=today)


def reasons_to_json(reasons: tuple[MatchReason, ...]) -> list[dict[str, Any]]:
    return [asdict(r) for r in reasons]


def reasons_from_json(data: list[dict[str, Any]]) -> list[MatchReason]:
    return [MatchReason(r["code"], float(r["score"]), float(r.get("weight", 0.0)), dict(r.get("params") or {})) for r in data]


def render_reasons(data: list[dict[str, Any]], lang: str) -> list[str]:
    """Sentences explaining a stored match in the reader's language, strongest reason first,
    leaving out features without evidence."""
    core_lang = "zh" if lang.startswith("zh") else lang[:2]
    return [render_reason(r, core_lang) for r in reasons_from_json(data) if r.score > 0]


def store_matches(profile: CooperationProfile, top_k: int = DEFAULT_TOP_K) -> list[Match]:
    """Recompute ``profile``'s matches, store them both ways (the candidate's owner learns of the
    new profile too) and return the rows that did not exist before — the ones to notify about."""
    results = find_matches(profile, top_k)
    own = to_core(profile)
    keep = {r.profile_id for r in results}
    Match.objects.filter(profile=profile).exclude(candidate_id__in=keep).delete()
    by_id = {str(p.pk): p for p in CooperationProfile.objects.filter(pk__in=keep)}
    new: list[Match] = []
    for result in results:
        candidate = by_id[result.profile_id]
        similarity = next((r.params.get("similarity", 0.0) for r in result.reasons if r.code == "semantic"), 0.0)
        back = score_pair(to_core(candidate), own, float(similarity), DEFAULT_WEIGHTS)
        for mine, theirs, scored in ((profile, candidate, result), (candidate, profile, back)):
            row, created = Match.objects.update_or_create(
                profile=mine, candidate=theirs,
                defaults={"score": scored.score, "reasons": reasons_to_json(scored.reasons)},
            )
            if created:
                new.append(row)
    return new


def forget_matches(profile: CooperationProfile) -> None:
    """A profile that left matching (withdrawn, expired) appears in nobody's list."""
    Match.objects.filter(profile=profile).delete()
    Match.objects.filter(candidate=profile).delete()
