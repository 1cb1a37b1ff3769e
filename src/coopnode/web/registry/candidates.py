"""The registry as a candidate source for entity resolution.

Implements ``coopnode.resolve``'s ``CandidateSource`` protocol over the ``NameKey`` index, so the
pure-Python resolver can rank registry entities without knowing about Django.
"""

from __future__ import annotations

from collections import defaultdict

from coopnode.resolve.resolver import Candidate

from .models import Entity, NameKey


def to_candidate(entity: Entity) -> Candidate:
    return Candidate(
        id=str(entity.pk),
        type=entity.entity_type,
        country=entity.country or None,
        names=[(n.text, n.lang, n.kind) for n in entity.names.all()],
        gazetteer_id=entity.gazetteer_id,
    )


class RegistryCandidateSource:
    """Entities sharing at least one lookup key with the mention, with their names."""

    def __init__(self, limit: int = 50) -> None:
        self.limit = limit

    def candidates(self, keys: set[str], type: str) -> list[Candidate]:  # noqa: A002
        if not keys:
            return []
        hits: dict[str, int] = defaultdict(int)
        rows = (
            NameKey.objects.filter(key__in=list(keys)[:200], entity__entity_type=type,
                                   entity__merged_into__isnull=True)
            .values_list("entity_id", flat=True)
        )
        for entity_id in rows:
            hits[str(entity_id)] += 1
        best = sorted(hits, key=lambda k: -hits[k])[: self.limit]
        entities = Entity.objects.filter(pk__in=best).prefetch_related("names")
        return [to_candidate(e) for e in entities]
