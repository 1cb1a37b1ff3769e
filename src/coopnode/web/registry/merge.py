"""Merging duplicate entities, and undoing a merge.

A merge moves everything that points at the duplicate ("loser") to the entity that stays
("survivor"): names, claims, positions, event participations, agreement parties, projects,
children, events held at a place, memberships.  Where the survivor already has the same link (the
same name, the same event) the loser's copy is dropped — and written down, so that
:func:`do_unmerge` can recreate it.  The loser is kept with ``merged_into`` set, so its old URL
can redirect and nothing is lost.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import Count, F
from django.utils import timezone

from . import audit
from .actions import NameSpec, RegistryError, do_add_name
from .models import (
    AgreementParty,
    Claim,
    Entity,
    EntityName,
    Event,
    EventParticipant,
    NameKey,
    Position,
    Project,
)

FILLABLE_FIELDS = ("country", "org_kind", "place_kind", "iso_code", "description", "website",
                   "latitude", "longitude")


def _merge_record_model():  # type: ignore[no-untyped-def]
    return apps.get_model("intake", "MergeRecord")


def _membership_model():  # type: ignore[no-untyped-def]
    if apps.is_installed("coopnode.web.members"):
        return apps.get_model("members", "Membership")
    return None


def check_can_merge(user: AbstractBaseUser | None) -> None:
    if user is None or not user.is_authenticated or not (
        user.is_superuser or user.has_perm("registry.change_entity")
    ):
        raise RegistryError("Only operators can merge entities.")


def check_merge(survivor: Entity, loser: Entity) -> None:
    """Refuse merges that make no sense before anything is changed."""
    if survivor.pk == loser.pk:
        raise RegistryError("An entity cannot be merged into itself.")
    if survivor.entity_type != loser.entity_type:
        raise RegistryError(
            f"Cannot merge a {loser.entity_type} into a {survivor.entity_type}; "
            "correct the type of one of them first."
        )
    if loser.merged_into_id is not None:
        raise RegistryError(f"{loser.name} was already merged into another entity.")
    if survivor.merged_into_id is not None:
        raise RegistryError(f"{survivor.name} was merged into another entity; merge into that one.")


def _ids(queryset: Any) -> list[str]:
    return [str(pk) for pk in queryset.values_list("pk", flat=True)]


def _move_names(survivor: Entity, loser: Entity) -> dict[str, Any]:
    existing = set(survivor.names.values_list("text", "lang", "kind"))
    moved, dropped = [], []
    for name in EntityName.objects.filter(entity=loser):
        if (name.text, name.lang, name.kind) in existing:
            dropped.append({"text": name.text, "lang": name.lang, "kind": name.kind, "source": name.source})
            name.delete()
        else:
            moved.append(name.pk)
    EntityName.objects.filter(pk__in=moved).update(entity=survivor)
    NameKey.objects.filter(name_id__in=moved).update(entity=survivor)
    return {"names": moved, "names_dropped": dropped}


def _move_links(model: Any, field: str, other: str, survivor: Entity, loser: Entity,
                extra: tuple[str, ...] = ()) -> tuple[list[int], list[dict[str, Any]]]:
    """Move rows of a unique (``other``, entity) link table; drop the ones the survivor has."""
    taken = set(model.objects.filter(**{field: survivor}).values_list(f"{other}_id", flat=True))
    moved, dropped = [], []
    for row in model.objects.filter(**{field: loser}):
        other_id = getattr(row, f"{other}_id")
        if other_id in taken:
            dropped.append({other: str(other_id), **{k: getattr(row, k) for k in extra}})
            row.delete()
        else:
            moved.append(row.pk)
    model.objects.filter(pk__in=moved).update(**{field: survivor})
    return moved, dropped


@transaction.atomic
def do_merge(
    survivor: Entity,
    loser: Entity,
    *,
    user: AbstractBaseUser | None = None,
    actor: str | None = None,
) -> Any:
    """Merge ``loser`` into ``survivor``; returns the ``MergeRecord`` that can undo it."""
    survivor = Entity.all_objects.select_for_update().get(pk=survivor.pk)
    loser = Entity.all_objects.select_for_update().get(pk=loser.pk)
    check_merge(survivor, loser)
    data: dict[str, Any] = {}
    data.update(_move_names(survivor, loser))

    claims = Claim.objects.filter(entity=loser)
    data["claims"] = _ids(claims)
    claims.update(entity=survivor)
    as_person = Position.objects.filter(person=loser)
    data["positions_person"] = _ids(as_person)
    as_person.update(person=survivor)
    as_org = Position.objects.filter(organization=loser)
    data["positions_org"] = _ids(as_org)
    as_org.update(organization=survivor)

    data["participations"], data["participations_dropped"] = _move_links(
        EventParticipant, "entity", "event", survivor, loser, extra=("role",))
    data["parties"], data["parties_dropped"] = _move_links(
        AgreementParty, "entity", "agreement", survivor, loser)

    children = Entity.all_objects.filter(parent=loser)
    data["children"] = _ids(children)
    children.update(parent=survivor)
    held_here = Event.objects.filter(place=loser)
    data["events_here"] = _ids(held_here)
    held_here.update(place=survivor)
    merged_before = Entity.all_objects.filter(merged_into=loser)
    data["merged_before"] = _ids(merged_before)
    merged_before.update(merged_into=survivor)

    data["projects"] = []
    for project in Project.objects.filter(parties=loser):
        added = not project.parties.filter(pk=survivor.pk).exists()
        project.parties.remove(loser)
        if added:
            project.parties.add(survivor)
        data["projects"].append({"project": str(project.pk), "survivor_added": added})

    Membership = _membership_model()
    if Membership is not None:
        memberships = Membership.objects.filter(organization=loser)
        data["memberships"] = _ids(memberships)
        memberships.update(organization=survivor)

    filled: dict[str, Any] = {}
    for field in FILLABLE_FIELDS:
        if getattr(survivor, field) in ("", None) and getattr(loser, field) not in ("", None):
            filled[field] = getattr(loser, field)
    if filled:
        Entity.all_objects.filter(pk=survivor.pk).update(version=F("version") + 1, **filled)
    data["filled"] = filled

    Entity.all_objects.filter(pk=loser.pk).update(merged_into=survivor, version=F("version") + 1)
    record = _merge_record_model().objects.create(
        survivor=survivor, loser=loser, data=data,
        created_by=user if user is not None and user.is_authenticated else None,
        actor=audit.actor_name(user, actor),
    )
    audit.record("entity.merge", survivor, user=user, actor=actor, loser=str(loser.pk),
                 loser_name=loser.name, merge=record.pk,
                 moved={k: len(v) for k, v in data.items() if isinstance(v, list)})
    return record


@transaction.atomic
def do_unmerge(record: Any, *, user: AbstractBaseUser | None = None, actor: str | None = None) -> Entity:
    """Put back everything a merge moved; returns the restored entity."""
    record = _merge_record_model().objects.select_for_update().get(pk=record.pk)
    if record.undone_at is not None:
        raise RegistryError("This merge was already undone.")
    survivor = Entity.all_objects.select_for_update().get(pk=record.survivor_id)
    loser = Entity.all_objects.select_for_update().get(pk=record.loser_id)
    if loser.merged_into_id != survivor.pk:
        raise RegistryError(f"{loser.name} is no longer merged into {survivor.name}; undo the later merge first.")
    data = record.data

    EntityName.objects.filter(pk__in=data.get("names", []), entity=survivor).update(entity=loser)
    NameKey.objects.filter(name_id__in=data.get("names", []), entity=survivor).update(entity=loser)
    for name in data.get("names_dropped", []):
        do_add_name(loser, NameSpec(name["text"], name["lang"], name["kind"], name.get("source", "")))
    Claim.objects.filter(pk__in=data.get("claims", []), entity=survivor).update(entity=loser)
    Position.objects.filter(pk__in=data.get("positions_person", []), person=survivor).update(person=loser)
    Position.objects.filter(pk__in=data.get("positions_org", []), organization=survivor).update(organization=loser)
    EventParticipant.objects.filter(pk__in=data.get("participations", []), entity=survivor).update(entity=loser)
    for row in data.get("participations_dropped", []):
        EventParticipant.objects.get_or_create(event_id=row["event"], entity=loser,
                                               defaults={"role": row.get("role", "")})
    AgreementParty.objects.filter(pk__in=data.get("parties", []), entity=survivor).update(entity=loser)
    for row in data.get("parties_dropped", []):
        AgreementParty.objects.get_or_create(agreement_id=row["agreement"], entity=loser)
    Entity.all_objects.filter(pk__in=data.get("children", []), parent=survivor).update(parent=loser)
    Event.objects.filter(pk__in=data.get("events_here", []), place=survivor).update(place=loser)
    Entity.all_objects.filter(pk__in=data.get("merged_before", []), merged_into=survivor).update(merged_into=loser)
    for row in data.get("projects", []):
        project = Project.objects.filter(pk=row["project"]).first()
        if project is None:
            continue
        project.parties.add(loser)
        if row["survivor_added"]:
            project.parties.remove(survivor)
    Membership = _membership_model()
    if Membership is not None and data.get("memberships"):
        Membership.objects.filter(pk__in=data["memberships"], organization=survivor).update(organization=loser)

    # Give back only the fields nobody changed since the merge filled them in.
    restore = {f: type(getattr(survivor, f))() if isinstance(getattr(survivor, f), str) else None
               for f, v in data.get("filled", {}).items() if getattr(survivor, f) == v}
    Entity.all_objects.filter(pk=survivor.pk).update(version=F("version") + 1, **restore)
    Entity.all_objects.filter(pk=loser.pk).update(merged_into=None, version=F("version") + 1)
    who = audit.actor_name(user, actor)
    record.undone_at = timezone.now()
    record.undone_by = who
    record.save(update_fields=["undone_at", "undone_by"])
    audit.record("entity.unmerge", loser, user=user, actor=actor, survivor=str(survivor.pk), merge=record.pk)
    loser.refresh_from_db()
    return loser


def suggest_duplicates(limit: int = 20) -> list[dict[str, Any]]:
    """Groups of live entities of one type that share a name in its normalised form — the
    cheapest strong sign of a duplicate, for the operator to look at (never merged automatically)."""
    shared = (
        EntityName.objects.filter(entity__merged_into__isnull=True)
        .values("normalized", "entity__entity_type")
        .annotate(n=Count("entity", distinct=True))
        .filter(n__gt=1)
        .order_by("-n", "normalized")[:limit]
    )
    groups = []
    for row in shared:
        entities = list(
            Entity.objects.filter(names__normalized=row["normalized"], entity_type=row["entity__entity_type"])
            .distinct().order_by("created_at")
        )
        if len(entities) > 1:
            groups.append({"name": row["normalized"], "entity_type": row["entity__entity_type"],
                           "entities": entities})
    return groups
