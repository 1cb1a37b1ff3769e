"""Read-only resources described by attributes, so every record type is listed, filtered and
paginated the same way (and tested the same way, see ``tests/web/api``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q, QuerySet
from django.urls import NoReverseMatch, reverse

from coopnode.resolve.normalize import normalize

from ..accounts import is_operator
from ..registry.models import Agreement, Claim, ClaimStatus, Document, Entity, Event, Project


@dataclass(frozen=True)
class ListQuery:
    """The filters every list endpoint accepts."""

    type: str | None = None
    country: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    q: str | None = None
    status: str | None = None


@dataclass(frozen=True)
class Resource:
    """One API collection: where its records come from and which fields the filters use."""

    name: str                                   # URL segment, e.g. "organizations"
    queryset: Callable[[Any], QuerySet]         # user -> records the user may read
    serialize: Callable[[Any, bool, Visibility], dict[str, Any]]
    schema: type
    type_field: str | None = None
    country_field: str | None = None
    date_field: str | None = None
    status_field: str | None = None
    search_fields: tuple[str, ...] = ()
    # fields holding ``coopnode.resolve.normalize`` forms: matched against the normalised query, so
    # Cyrillic and accented text is found case-insensitively on SQLite too
    normalized_search_fields: tuple[str, ...] = ()
    # entities a record links to, so a page's visibility is decided in one query
    linked: Callable[[Any], list[Entity]] | None = None
    portal_url: str | None = None               # portal URL name of a record's page
    extra: dict[str, Any] = field(default_factory=dict)

    def filter(self, qs: QuerySet, query: ListQuery) -> QuerySet:
        if query.type and self.type_field:
            qs = qs.filter(**{self.type_field: query.type})
        if query.country and self.country_field:
            qs = qs.filter(**{f"{self.country_field}__iexact": query.country})
        if query.status and self.status_field:
            qs = qs.filter(**{self.status_field: query.status})
        if self.date_field:
            if query.date_from:
                qs = qs.filter(**{f"{self.date_field}__gte": query.date_from})
            if query.date_to:
                qs = qs.filter(**{f"{self.date_field}__lte": query.date_to})
        if query.q and self.search_fields:
            condition = Q()
            for name in self.search_fields:
                condition |= Q(**{f"{name}__icontains": query.q.strip()})
            folded = normalize(query.q)
            for name in self.normalized_search_fields if folded else ():
                condition |= Q(**{f"{name}__contains": folded})
            qs = qs.filter(condition)
        return qs.distinct()


class Visibility:
    """Which linked entities a caller may see: all for operators; for the public only the ones
    the portal publishes (an event's unreviewed participant stays hidden, as on its page)."""

    def __init__(self, user: Any = None, *, everything: bool = False):
        self.everything = everything or is_operator(user)
        self._known: dict[Any, bool] = {}

    def prime(self, entities: list[Entity]) -> None:
        self.visible(entities)

    def visible(self, entities: list[Entity]) -> list[Entity]:
        if self.everything:
            return entities
        unknown = {e.pk for e in entities if e.pk not in self._known}
        if unknown:
            from ..portal.queries import public_entities

            shown = set(public_entities().filter(pk__in=unknown).values_list("pk", flat=True))
            self._known.update({pk: pk in shown for pk in unknown})
        return [e for e in entities if self._known.get(e.pk)]


ALL = Visibility(everything=True)


def _portal(name: str, pk: Any) -> str:
    try:
        return reverse(name, args=[pk])
    except NoReverseMatch:
        return ""


def _link(entity: Entity | None, role: str = "") -> dict[str, Any] | None:
    if entity is None:
        return None
    return {"id": entity.pk, "name": entity.name, "role": role}


def entity_out(entity: Entity, detail: bool = False, vis: Visibility = ALL) -> dict[str, Any]:
    return {
        "id": entity.pk, "type": entity.entity_type, "name": entity.name, "country": entity.country,
        "kind": entity.org_kind or entity.place_kind, "description": entity.description,
        "website": entity.website, "parent_id": entity.parent_id, "latitude": entity.latitude,
        "longitude": entity.longitude, "version": entity.version,
        "names": [{"text": n.text, "lang": n.lang, "kind": n.kind, "script": n.script}
                  for n in entity.names.all()],
        "created_at": entity.created_at, "updated_at": entity.updated_at,
        "url": _portal("portal:entity", entity.pk),
    }


def _visible_links(links: Any, vis: Visibility) -> list[Any]:
    links = list(links)
    shown = {e.pk for e in vis.visible([link.entity for link in links])}
    return [link for link in links if link.entity.pk in shown]


def event_out(event: Event, detail: bool = False, vis: Visibility = ALL) -> dict[str, Any]:
    return {
        "id": event.pk, "type": event.event_type, "title": event.title, "description": event.description,
        "date": event.date_iso, "status": event.status, "cameo": event.cameo,
        "place": _link(event.place) if event.place and vis.visible([event.place]) else None,
        "participants": [_link(p.entity, p.role) for p in _visible_links(event.participations.all(), vis)],
        "url": _portal("portal:event", event.pk),
    }


def agreement_out(agreement: Agreement, detail: bool = False, vis: Visibility = ALL) -> dict[str, Any]:
    return {
        "id": agreement.pk, "type": agreement.agreement_type, "title": agreement.title,
        "date": agreement.date_iso, "status": agreement.status,
        "parties": [_link(p.entity) for p in _visible_links(agreement.party_links.all(), vis)],
        "event_ids": [link.event_id for link in agreement.event_links.all()],
        "url": _portal("portal:agreement", agreement.pk),
    }


def project_out(project: Project, detail: bool = False, vis: Visibility = ALL) -> dict[str, Any]:
    return {
        "id": project.pk, "title": project.title, "description": project.description,
        "sector": project.sector, "stage": project.stage,
        "parties": [_link(e) for e in vis.visible(list(project.parties.all()))],
        "agreement_ids": [a.pk for a in project.agreements.all()],
        "url": _portal("portal:project", project.pk),
    }


def document_out(document: Document, detail: bool = False, vis: Visibility = ALL) -> dict[str, Any]:
    return {
        "id": document.pk, "source": document.source, "source_kind": document.source_kind,
        "language": document.language, "title": document.title, "published": document.published,
        "size": document.size, "sha256": document.sha256, "status": document.status,
        "created_at": document.created_at, "text": document.text if detail else None,
        "url": _portal("portal:document", document.pk),
    }


def claim_out(claim: Claim, detail: bool = False, vis: Visibility = ALL) -> dict[str, Any]:
    return {
        "id": claim.pk, "document_id": claim.document_id, "kind": claim.kind, "status": claim.status,
        "text": claim.text, "start": claim.start, "end": claim.end, "sentence": claim.sentence,
        "entity_id": claim.entity_id, "position_id": claim.position_id, "event_id": claim.event_id,
        "agreement_id": claim.agreement_id, "data": claim.data or {}, "proposed_by": claim.proposed_by,
        "reviewed_at": claim.reviewed_at, "url": _portal("portal:document", claim.document_id),
    }


# Publication: the public sees what the portal shows (``portal.queries`` holds the one rule:
# extracted records become public once a claim about them is reviewed); operators see all.

def _entities(entity_type: str) -> Callable[[Any], QuerySet]:
    def records(user: Any) -> QuerySet:
        from ..portal.queries import public_entities

        if is_operator(user):
            return Entity.objects.filter(entity_type=entity_type).prefetch_related("names")
        return public_entities(entity_type)
    return records


def _events(user: Any) -> QuerySet:
    from ..portal.queries import public_events

    qs = Event.objects.all() if is_operator(user) else public_events()
    return qs.select_related("place").prefetch_related("participations__entity")


def _agreements(user: Any) -> QuerySet:
    from ..portal.queries import public_agreements

    qs = Agreement.objects.all() if is_operator(user) else public_agreements()
    return qs.prefetch_related("party_links__entity", "event_links")


def _documents(user: Any) -> QuerySet:
    from ..portal.queries import public_documents

    return Document.objects.all() if is_operator(user) else public_documents()


def _claims(user: Any) -> QuerySet:
    qs = Claim.objects.select_related("document")
    if not is_operator(user):
        qs = qs.exclude(status=ClaimStatus.REJECTED)
    return qs


ENTITY_SEARCH = ("name", "names__text", "description")
ENTITY_NORMALIZED = ("names__normalized",)


def _event_links(event: Event) -> list[Entity]:
    return [p.entity for p in event.participations.all()] + ([event.place] if event.place else [])


def _agreement_links(agreement: Agreement) -> list[Entity]:
    return [p.entity for p in agreement.party_links.all()]


def build_resources(schemas: Any) -> list[Resource]:
    return [
        Resource("organizations", _entities("organization"), entity_out, schemas.EntityOut,
                 type_field="org_kind", country_field="country", date_field="created_at__date",
                 search_fields=ENTITY_SEARCH, normalized_search_fields=ENTITY_NORMALIZED),
        Resource("persons", _entities("person"), entity_out, schemas.EntityOut,
                 country_field="country", date_field="created_at__date",
                 search_fields=ENTITY_SEARCH, normalized_search_fields=ENTITY_NORMALIZED),
        Resource("places", _entities("place"), entity_out, schemas.EntityOut,
                 type_field="place_kind", country_field="country", date_field="created_at__date",
                 search_fields=ENTITY_SEARCH, normalized_search_fields=ENTITY_NORMALIZED),
        Resource("events", _events, event_out, schemas.EventOut, linked=_event_links,
                 type_field="event_type", country_field="place__country", date_field="date", status_field="status", search_fields=("title", "description")),
        Resource("agreements", _agreements, agreement_out, schemas.AgreementOut, linked=_agreement_links,
                 type_field="agreement_type", country_field="parties__country", date_field="date", status_field="status",
                 search_fields=("title", "parties__name")),
        Resource("projects", lambda user: Project.objects.prefetch_related("parties", "agreements"),
                 project_out, schemas.ProjectOut, type_field="sector", country_field="parties__country",
                 date_field="created_at__date", status_field="stage",
                 search_fields=("title", "description")),
        Resource("documents", _documents, document_out, schemas.DocumentOut,
                 type_field="source_kind", date_field="published", status_field="status",
                 search_fields=("title", "source", "text")),
        Resource("claims", _claims, claim_out, schemas.ClaimOut, type_field="kind",
                 country_field="entity__country", date_field="document__published",
                 status_field="status", search_fields=("text", "sentence")),
    ]
