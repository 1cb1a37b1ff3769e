"""The registry as JSON Lines, per ``shared/spec/registry-export.md``.

One record per line; ``type`` says what it is.  Records carry their provenance (documents, spans,
sentences, review state) so that an export is a complete, open copy of the node's knowledge.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from .models import Agreement, Claim, Document, Entity, Event, Position, Project

ENTITY_TYPES = ("organization", "person", "place")


def _provenance(claims: Iterable[Claim]) -> list[dict[str, Any]]:
    return [
        {"document": str(c.document_id), "start": c.start, "end": c.end, "sentence": c.sentence,
         "status": c.status}
        for c in claims
    ]


def document_records() -> Iterator[dict[str, Any]]:
    for doc in Document.objects.order_by("created_at").iterator():
        yield {
            "id": str(doc.pk), "type": "document", "source": doc.source, "language": doc.language,
            "title": doc.title, "published": doc.published.isoformat() if doc.published else None,
            "sha256": doc.sha256, "source_kind": doc.source_kind, "ingested_at": doc.created_at.isoformat(),
        }


def entity_records(entity_type: str | None = None) -> Iterator[dict[str, Any]]:
    entities = Entity.objects.order_by("entity_type", "name").prefetch_related("names")
    if entity_type:
        entities = entities.filter(entity_type=entity_type)
    mentions: dict[str, list[dict[str, Any]]] = defaultdict(list)
    claims = Claim.objects.filter(kind=Claim.Kind.MENTION).order_by("document_id", "start")
    for c in claims.values("entity_id", "document_id", "text", "start", "end", "status"):
        mentions[str(c["entity_id"])].append(
            {"document": str(c["document_id"]), "text": c["text"], "start": c["start"],
             "end": c["end"], "status": c["status"]}
        )
    for entity in entities:
        record: dict[str, Any] = {
            "id": str(entity.pk),
            "type": entity.entity_type,
            "name": entity.name,
            "names": [{"text": n.text, "lang": n.lang, "kind": n.kind} for n in entity.names.all()],
            "mentions": mentions.get(str(entity.pk), []),
        }
        if entity.country:
            record["country"] = entity.country
        if entity.gazetteer_id:
            record["gazetteer_id"] = entity.gazetteer_id
        if entity.entity_type == "organization" and entity.org_kind:
            record["kind"] = entity.org_kind
        if entity.entity_type == "place":
            if entity.place_kind:
                record["kind"] = entity.place_kind
            if entity.iso_code:
                record["iso_code"] = entity.iso_code
            if entity.latitude is not None:
                record["coordinates"] = [entity.latitude, entity.longitude]
        if entity.parent_id:
            record["parent"] = str(entity.parent_id)
        yield record


def event_records() -> Iterator[dict[str, Any]]:
    events = Event.objects.order_by("date", "created_at").prefetch_related("participants", "claims")
    for event in events:
        yield {
            "id": str(event.pk), "type": "event", "event_type": event.event_type,
            "title": event.title, "date": event.date_iso, "status": event.status,
            "place": str(event.place_id) if event.place_id else None,
            "participants": [str(p.pk) for p in event.participants.all()],
            "cameo": event.cameo or None,
            "provenance": _provenance(event.claims.all()),
        }


def agreement_records() -> Iterator[dict[str, Any]]:
    agreements = Agreement.objects.order_by("date", "created_at").prefetch_related("parties", "claims", "event_links")
    for agreement in agreements:
        yield {
            "id": str(agreement.pk), "type": "agreement", "agreement_type": agreement.agreement_type,
            "title": agreement.title, "parties": [str(p.pk) for p in agreement.parties.all()],
            "date": agreement.date_iso, "status": agreement.status,
            "events": [{"event": str(link.event_id), "relation": link.relation}
                       for link in agreement.event_links.all()],
            "provenance": _provenance(agreement.claims.all()),
        }


def position_records() -> Iterator[dict[str, Any]]:
    for position in Position.objects.order_by("created_at").prefetch_related("claims"):
        yield {
            "id": str(position.pk), "type": "position", "person": str(position.person_id),
            "organization": str(position.organization_id) if position.organization_id else None,
            "title": position.title,
            "from": position.start_date.isoformat() if position.start_date else None,
            "to": position.end_date.isoformat() if position.end_date else None,
            "provenance": _provenance(position.claims.all()),
        }


def project_records() -> Iterator[dict[str, Any]]:
    for project in Project.objects.order_by("title").prefetch_related("parties", "agreements", "events"):
        yield {
            "id": str(project.pk), "type": "project", "title": project.title,
            "sector": project.sector, "stage": project.stage,
            "parties": [str(p.pk) for p in project.parties.all()],
            "agreements": [str(a.pk) for a in project.agreements.all()],
            "events": [str(e.pk) for e in project.events.all()],
        }


EXTRA_EXPORTERS: list = []  # other apps (partnering, events) append generators of their records


def all_records() -> Iterator[dict[str, Any]]:
    yield from document_records()
    for entity_type in ENTITY_TYPES:
        yield from entity_records(entity_type)
    yield from position_records()
    yield from event_records()
    yield from agreement_records()
    yield from project_records()
    for exporter in EXTRA_EXPORTERS:
        yield from exporter()


def write_jsonl(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    count = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False))
        out.write("\n")
        count += 1
    return count
