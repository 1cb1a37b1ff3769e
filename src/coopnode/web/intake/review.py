"""The operator's decisions on a proposed fact, on top of ``registry.actions.do_review_claim``.

Four decisions: *confirm* what the extractor proposed, *reject* it, *pick* one of the ranked
candidates the resolver stored in ``Claim.data["candidates"]``, or *correct* it — point the
mention at another existing entity, or at a new entity with the right canonical name and type.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from ..registry.actions import (
    NameSpec,
    RegistryError,
    check_can_review,
    do_create_entity,
    do_review_claim,
)
from ..registry.models import Claim, ClaimStatus, Entity, EntityType

DECISIONS = ("confirm", "correct", "reject", "pick")


def candidate_ids(claim: Claim) -> list[str]:
    return [str(c.get("id")) for c in (claim.data or {}).get("candidates", []) if c.get("id")]


def do_decide_claim(
    claim: Claim,
    decision: str,
    *,
    user: AbstractBaseUser | None,
    entity_id: str | None = None,
    name: str = "",
    entity_type: str = "",
    note: str = "",
) -> Claim:
    """Apply one review decision; raises :class:`RegistryError` with a readable reason."""
    check_can_review(user)
    if decision not in DECISIONS:
        raise RegistryError(f"Unknown decision {decision!r}; use one of {', '.join(DECISIONS)}.")
    if decision == "confirm":
        return do_review_claim(claim, status=ClaimStatus.CONFIRMED, user=user, note=note)
    if decision == "reject":
        return do_review_claim(claim, status=ClaimStatus.REJECTED, user=user, note=note)
    if claim.kind != Claim.Kind.MENTION and decision == "pick":
        raise RegistryError("Only a mention of an entity has candidates to pick from.")
    if decision == "pick":
        if not entity_id or str(entity_id) not in candidate_ids(claim):
            raise RegistryError("Pick one of the ranked candidates shown for this mention.")
        entity = Entity.all_objects.filter(pk=entity_id).first()
        while entity is not None and entity.merged_into_id is not None:  # merged since: its survivor
            entity = Entity.all_objects.filter(pk=entity.merged_into_id).first()
        if entity is None:
            raise RegistryError("That candidate no longer exists.")
        status = ClaimStatus.CONFIRMED if entity.pk == claim.entity_id else ClaimStatus.CORRECTED
        return do_review_claim(claim, status=status, user=user, entity=entity,
                               note=note or f"picked candidate {entity.name}")
    # correct
    if claim.kind != Claim.Kind.MENTION:
        if not note.strip():
            raise RegistryError("Say in the note what is wrong with this fact.")
        return do_review_claim(claim, status=ClaimStatus.CORRECTED, user=user, note=note)
    with transaction.atomic():
        if entity_id:
            entity = Entity.objects.filter(pk=entity_id).first()
            if entity is None:
                raise RegistryError("No entity with that id.")
        elif name.strip():
            kind = entity_type or (claim.entity.entity_type if claim.entity else "") or \
                (claim.data or {}).get("type", "")
            if kind not in EntityType.values:
                raise RegistryError("Choose whether this is an organization, a person or a place.")
            lang = claim.document.language or ""
            entity = do_create_entity(entity_type=kind, names=[NameSpec(name, lang, "official", "review")],
                                      user=user)
        else:
            raise RegistryError("A correction needs the right entity, or its name and type.")
        return do_review_claim(claim, status=ClaimStatus.CORRECTED, user=user, entity=entity, note=note)
