"""Turn one document's extraction output into registry records and proposed claims.

Each extracted entity is resolved against the registry (``coopnode.resolve``): a confident match
links to the existing entity, an uncertain one links provisionally and carries its ranked
candidates into the review queue, anything else becomes a new entity.  Every mention, position,
event and agreement gets a :class:`Claim` with its span and sentence.
"""

from __future__ import annotations

from typing import Any

from rapidfuzz import fuzz

from coopnode.resolve.normalize import normalize
from coopnode.resolve.resolver import MentionQuery, resolve_mention

from ..registry.actions import NameSpec, do_add_name, do_create_entity
from ..registry.candidates import RegistryCandidateSource
from ..registry.models import (
    Agreement,
    AgreementEvent,
    AgreementParty,
    Claim,
    Document,
    Entity,
    Event,
    EventParticipant,
    Position,
)
from ..registry.models.events import parse_partial_date

SAME_TITLE = 80  # token-set similarity above which two agreements of the same parties are one


def _sentence(result: Any, start: int) -> str:
    sentence = result.doc.sentence_of(start) if getattr(result, "doc", None) else None
    if sentence is not None:
        return sentence.text
    text = result.text
    left = max(text.rfind("\n", 0, start), text.rfind(". ", 0, start))
    right = min([i for i in (text.find("\n", start), text.find(". ", start)) if i >= 0] or [len(text)])
    return text[left + 1: right + 1].strip()


def _resolve_entity(raw: dict[str, Any], lang: str, context: list[str], actor: str) -> tuple[Entity, dict[str, Any]]:
    query = MentionQuery(
        text=(raw.get("mentions") or [raw["name"]])[0],
        name=raw["name"],
        type=raw["type"],
        lang=lang,
        country=raw.get("country"),
        gazetteer_id=raw.get("gazetteer_id"),
        context=tuple(context),
    )
    resolution = resolve_mention(query, RegistryCandidateSource())
    ranked = [
        {
            "id": sc.candidate.id,
            "name": sc.candidate.names[0][0] if sc.candidate.names else "",
            "score": round(sc.score, 3),
            "features": [{"name": f.name, "score": round(f.score, 3), "detail": f.detail} for f in sc.features],
        }
        for sc in resolution.ranked[:5]
    ]
    info: dict[str, Any] = {"name": raw["name"], "type": raw["type"], "decision": resolution.decision,
                            "candidates": ranked}
    if resolution.decision in ("link", "review") and resolution.best is not None:
        entity = Entity.objects.get(pk=resolution.best.candidate.id)
        if resolution.decision == "link":
            do_add_name(entity, NameSpec(raw["name"], lang, "alias", "extraction"))
        if raw.get("country") and not entity.country:
            entity.country = raw["country"]
            entity.save(update_fields=["country"])
        return entity, info
    entity = do_create_entity(
        entity_type=raw["type"],
        names=[NameSpec(raw["name"], lang, "official", "extraction")],
        actor=actor,
        country=raw.get("country") or "",
    )
    info["decision"] = "new"
    return entity, info


def _find_event(event_type: str, date_iso: str | None, participants: set[Entity], place: Entity | None) -> Event | None:
    """An event already in the registry that is the same real-world event.

    Dated: same type and date, and a shared participant or place.  Undated events carry less
    evidence, so they need the same place and a shared participant, or two shared participants.
    """
    if date_iso:
        date, precision = parse_partial_date(date_iso)
        same = Event.objects.filter(event_type=event_type, date=date, date_precision=precision)
    else:
        same = Event.objects.filter(event_type=event_type, date__isnull=True)
    for event in same.prefetch_related("participants"):
        shared = participants & set(event.participants.all())
        same_place = place is not None and event.place_id == place.pk
        if date_iso and (shared or same_place):
            return event
        if not date_iso and ((same_place and (shared or not participants)) or len(shared) >= 2):
            return event
    return None


def _find_agreement(agreement_type: str, title: str, parties: set[Entity]) -> Agreement | None:
    wanted = normalize(title)
    for agreement in Agreement.objects.filter(agreement_type=agreement_type).prefetch_related("parties"):
        similar = fuzz.token_set_ratio(wanted, normalize(agreement.title)) >= SAME_TITLE
        if similar and (not parties or parties & set(agreement.parties.all())):
            return agreement
    return None


def store_extraction(document: Document, result: Any, contract: dict[str, Any], *, actor: str) -> None:
    lang = contract.get("language") or document.language
    proposer = f"extractor:{contract.get('extractor', 'coopnode')}"
    by_local_id: dict[str, Entity] = {}
    names_in_doc = [e["name"] for e in contract.get("entities", [])]
    # places and organizations first, so persons' positions can point at them
    ordered = sorted(contract.get("entities", []), key=lambda e: e["type"] == "person")
    for raw in ordered:
        entity, info = _resolve_entity(raw, lang, [n for n in names_in_doc if n != raw["name"]], actor)
        by_local_id[raw["id"]] = entity
        spans = raw.get("spans") or []
        for start, end in spans:
            Claim.objects.create(
                document=document, kind=Claim.Kind.MENTION, entity=entity,
                text=result.text[start:end], start=start, end=end,
                sentence=_sentence(result, start), data=info, proposed_by=proposer,
            )
    for raw in contract.get("entities", []):
        person = by_local_id[raw["id"]]
        for pos in raw.get("positions") or []:
            org = by_local_id.get(pos.get("organization") or "")
            position, _ = Position.objects.get_or_create(
                person=person, organization=org, title=pos["title"][:500],
                defaults={"title_lang": lang},
            )
            span = pos.get("span") or (raw.get("spans") or [[0, 0]])[0]
            Claim.objects.create(
                document=document, kind=Claim.Kind.POSITION, position=position,
                text=pos["title"][:2000], start=span[0], end=span[1],
                sentence=_sentence(result, span[0]), data={"title": pos["title"]},
                proposed_by=proposer,
            )
    events_by_local: dict[str, Event] = {}
    for raw in contract.get("events", []):
        participants = {by_local_id[p] for p in raw.get("participants", []) if p in by_local_id}
        place = by_local_id.get(raw.get("place") or "")
        event = _find_event(raw["type"], raw.get("date"), participants, place)
        if event is None:
            date, precision = parse_partial_date(raw.get("date"))
            event = Event.objects.create(
                event_type=raw["type"], date=date, date_precision=precision,
                status=raw.get("status") or "past", place=place, cameo=raw.get("cameo") or "",
                title=(raw.get("title") or "")[:500], title_lang=lang,
            )
        elif place is not None and event.place_id is None:
            event.place = place
            event.save(update_fields=["place"])
        for entity in participants:
            EventParticipant.objects.get_or_create(event=event, entity=entity)
        events_by_local[raw["id"]] = event
        start, end = raw.get("evidence_span") or [0, 0]
        Claim.objects.create(
            document=document, kind=Claim.Kind.EVENT, event=event,
            text=(raw.get("evidence") or "")[:2000], start=start, end=end,
            sentence=raw.get("evidence") or "", data=raw, proposed_by=proposer,
        )
    for raw in contract.get("agreements", []):
        parties = {by_local_id[p] for p in raw.get("parties", []) if p in by_local_id}
        title = raw.get("title") or raw["type"]
        agreement = _find_agreement(raw["type"], title, parties)
        if agreement is None:
            date, precision = parse_partial_date(raw.get("date"))
            agreement = Agreement.objects.create(
                agreement_type=raw["type"], title=title[:1000], title_lang=lang, date=date,
                date_precision=precision, status="signed" if raw.get("date") else "unknown",
            )
        for entity in parties:
            AgreementParty.objects.get_or_create(agreement=agreement, entity=entity)
        start, end = raw.get("evidence_span") or [0, 0]
        for event in events_by_local.values():
            if event.event_type == "signing" and raw.get("evidence") and event.claims.filter(
                document=document, start__lte=start, end__gte=end
            ).exists():
                AgreementEvent.objects.get_or_create(agreement=agreement, event=event,
                                                     relation=AgreementEvent.Relation.ORIGIN)
        Claim.objects.create(
            document=document, kind=Claim.Kind.AGREEMENT, agreement=agreement,
            text=(raw.get("evidence") or title)[:2000], start=start, end=end,
            sentence=raw.get("evidence") or "", data=raw, proposed_by=proposer,
        )
