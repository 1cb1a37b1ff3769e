"""Loading the package's reference data (gazetteer) into the registry.

Each gazetteer entry becomes one registry entity carrying all its names in ru/zh/en, so that a
mention in any language and spelling resolves to it.  Loading is idempotent: running it again
adds new names and entries and leaves operators' own edits in place.
"""

from __future__ import annotations

from django.db import transaction

from coopnode.refdata.loader import load_gazetteer

from . import audit
from .actions import NameSpec, do_add_name
from .models import Entity
from .models.entities import OrganizationKind, PlaceKind

ORG_KINDS = {k.value for k in OrganizationKind}
PLACE_KINDS = {k.value for k in PlaceKind}


def do_load_reference_data(actor: str = "coopnode init") -> tuple[int, int]:
    """Create or complete one entity per gazetteer entry; returns (created, updated)."""
    entries = load_gazetteer()
    created = updated = 0
    with transaction.atomic():
        by_gazetteer: dict[str, Entity] = {
            e.gazetteer_id: e for e in Entity.all_objects.filter(gazetteer_id__isnull=False)
        }
        for entry in entries:
            entity = by_gazetteer.get(entry.id)
            display = entry.label("en")
            fields = {
                "country": entry.country or "",
                "iso_code": entry.iso or "",
                "latitude": entry.lat,
                "longitude": entry.lon,
            }
            if entry.type == "organization":
                fields["org_kind"] = entry.kind if entry.kind in ORG_KINDS else OrganizationKind.OTHER
            else:
                fields["place_kind"] = entry.kind if entry.kind in PLACE_KINDS else PlaceKind.OTHER
            if entity is None:
                entity = Entity.objects.create(
                    entity_type=entry.type, name=display, name_lang="en", gazetteer_id=entry.id, **fields
                )
                by_gazetteer[entry.id] = entity
                created += 1
            else:
                changed = False
                for key, value in fields.items():
                    if value not in (None, "") and getattr(entity, key) in (None, ""):
                        setattr(entity, key, value)
                        changed = True
                if changed:
                    entity.save()
                    updated += 1
            for name in entry.names:
                do_add_name(entity, NameSpec(name.text, name.lang, name.kind, "gazetteer"))
        for entry in entries:
            if entry.parent and entry.parent in by_gazetteer:
                entity = by_gazetteer[entry.id]
                if entity.parent_id is None:
                    entity.parent = by_gazetteer[entry.parent]
                    entity.save(update_fields=["parent"])
        audit.record("refdata.load", None, actor=actor, created=created, updated=updated)
    return created, updated
