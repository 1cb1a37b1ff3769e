"""Named domain actions on the registry.

``check_*`` functions validate and control access; ``do_*`` functions change data inside one
transaction and write the audit log.  Views, API endpoints and CLI commands call these and never
save models directly.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from coopnode.resolve.normalize import normalize
from coopnode.resolve.resolver import index_keys

from . import audit
from .models import Claim, ClaimStatus, Entity, EntityName, NameKey


class RegistryError(Exception):
    """A registry action that cannot be carried out; the message is shown to the user."""


class ConcurrentEditError(RegistryError):
    """Somebody else changed the record since the editor loaded it."""


def script_of(text: str) -> str:
    """ISO 15924 code of the dominant script of ``text`` (Cyrl, Latn, Hans or Zyyy)."""
    counts = {"Cyrl": 0, "Latn": 0, "Hans": 0}
    for ch in text:
        if not ch.isalpha():
            continue
        name = unicodedata.name(ch, "")
        if name.startswith("CYRILLIC"):
            counts["Cyrl"] += 1
        elif name.startswith("CJK"):
            counts["Hans"] += 1
        elif name.startswith("LATIN"):
            counts["Latn"] += 1
    best = max(counts, key=lambda k: counts[k])
    return best if counts[best] else "Zyyy"


@dataclass(frozen=True)
class NameSpec:
    text: str
    lang: str = ""
    kind: str = "official"
    source: str = ""


def do_add_name(entity: Entity, spec: NameSpec) -> EntityName:
    """Give ``entity`` one more name (idempotent) and index its lookup keys."""
    text = " ".join(spec.text.split())
    if not text:
        raise RegistryError("A name cannot be empty.")
    name, created = EntityName.objects.get_or_create(
        entity=entity,
        text=text,
        lang=spec.lang,
        kind=spec.kind,
        defaults={"script": script_of(text), "normalized": normalize(text), "source": spec.source},
    )
    if created:
        keys = {k for k in index_keys(text, spec.lang or None, entity.gazetteer_id) if k}
        NameKey.objects.bulk_create(
            [NameKey(name=name, entity=entity, key=k[:500]) for k in sorted(keys)],
            ignore_conflicts=True,
        )
    return name


def do_create_entity(
    *,
    entity_type: str,
    names: Iterable[NameSpec],
    user: AbstractBaseUser | None = None,
    actor: str | None = None,
    **fields: object,
) -> Entity:
    """Create an organization, person or place with its names."""
    names = [n for n in names if n.text.strip()]
    if not names:
        raise RegistryError("An entity needs at least one name.")
    with transaction.atomic():
        entity = Entity.objects.create(
            entity_type=entity_type,
            name=" ".join(names[0].text.split()),
            name_lang=names[0].lang,
            **fields,
        )
        for spec in names:
            do_add_name(entity, spec)
        audit.record("entity.create", entity, user=user, actor=actor, names=[n.text for n in names])
    return entity


def do_update_entity(
    entity: Entity,
    *,
    expected_version: int,
    user: AbstractBaseUser | None = None,
    actor: str | None = None,
    **changes: object,
) -> Entity:
    """Change an entity's fields unless somebody else changed it first (optimistic locking)."""
    allowed = {"name", "country", "org_kind", "place_kind", "description", "website", "iso_code",
               "latitude", "longitude", "parent"}
    unknown = set(changes) - allowed
    if unknown:
        raise RegistryError(f"Unknown field(s): {', '.join(sorted(unknown))}")
    with transaction.atomic():
        updated = Entity.objects.filter(pk=entity.pk, version=expected_version).update(
            version=expected_version + 1, updated_at=timezone.now(), **changes
        )
        if not updated:
            raise ConcurrentEditError(
                "This record was changed by someone else while you were editing it. "
                "Reload it and apply your change again."
            )
        entity.refresh_from_db()
        audit.record("entity.update", entity, user=user, actor=actor,
                     changes={k: str(v) for k, v in changes.items()})
    return entity


REVIEW_STATUSES = {ClaimStatus.CONFIRMED, ClaimStatus.CORRECTED, ClaimStatus.REJECTED}


def check_can_review(user: AbstractBaseUser | None) -> None:
    if user is None or not user.is_authenticated or not (
        user.is_staff or user.has_perm("registry.change_claim")
    ):
        raise RegistryError("Only operators can review proposed facts.")


def do_review_claim(
    claim: Claim,
    *,
    status: str,
    user: AbstractBaseUser | None = None,
    actor: str | None = None,
    note: str = "",
    entity: Entity | None = None,
) -> Claim:
    """Confirm, correct or reject a proposed fact.

    Correcting a mention to another ``entity`` moves the claim there; confirming or correcting a
    mention teaches the registry its surface name, so the next document resolves it silently.
    """
    if status not in REVIEW_STATUSES:
        raise RegistryError(f"Unknown review decision: {status}")
    if status == ClaimStatus.CORRECTED and claim.kind == Claim.Kind.MENTION and entity is None:
        raise RegistryError("A correction of a mention needs the entity it refers to.")
    with transaction.atomic():
        claim = Claim.objects.select_for_update().get(pk=claim.pk)
        previous = claim.status
        replaced = None
        if entity is not None and claim.kind == Claim.Kind.MENTION and claim.entity_id != entity.pk:
            replaced = claim.entity
            claim.entity = entity
        claim.status = status
        claim.reviewer = user if user is not None and user.is_authenticated else None
        claim.reviewed_at = timezone.now()
        claim.review_note = note
        claim.save()
        if claim.kind == Claim.Kind.MENTION and status != ClaimStatus.REJECTED and claim.entity:
            learned = (claim.data or {}).get("name") or claim.text
            lang = claim.document.language or ""
            do_add_name(claim.entity, NameSpec(learned, lang, "alias", "review"))
        audit.record("claim.review", claim, user=user, actor=actor, previous=previous,
                     status=status, note=note)
        if replaced is not None:
            _absorb_orphan(replaced, entity, user=user, actor=actor)
    return claim


def _absorb_orphan(orphan: Entity, target: Entity | None, *, user: AbstractBaseUser | None,
                   actor: str | None) -> None:
    """An entity the extractor created for a mention that a reviewer has now pointed elsewhere:
    once none of its mentions is left, it *is* the target — merge it in (reversibly), so its
    names teach the registry and its event and agreement links are not lost."""
    from .merge import do_merge

    if target is None or orphan.gazetteer_id or orphan.entity_type != target.entity_type:
        return
    if Claim.objects.filter(entity=orphan, kind=Claim.Kind.MENTION).exclude(
        status=ClaimStatus.REJECTED
    ).exists():
        return
    do_merge(target, orphan, user=user, actor=actor)
