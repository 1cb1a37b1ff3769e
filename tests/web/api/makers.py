"""One-line record makers and users shared by the API, operator-page and feed tests."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from django.contrib.auth import get_user_model

from coopnode.web.accounts import do_create_operator, ensure_roles
from coopnode.web.api.tokens import do_create_token
from coopnode.web.members.models import Membership
from coopnode.web.registry.models import (
    Agreement,
    AgreementParty,
    Claim,
    Document,
    Entity,
    Event,
    EventParticipant,
    Project,
)

PASSWORD = "a-long-test-password-42"


def make_document(text: str = "On 5 June 2026 in Minsk the Ministry met a delegation of Urumqi.",
                  *, language: str = "en", published: dt.date | None = dt.date(2026, 6, 5),
                  source: str = "press.txt") -> Document:
    return Document.objects.create(
        source=source, source_kind="file", sha256=hashlib.sha256((text + source).encode()).hexdigest(),
        size=len(text), original_path="-", language=language, text=text, title=text[:40],
        published=published, status=Document.Status.EXTRACTED, ingested_by="test",
    )


def make_claim(document: Document, *, start: int = 0, end: int | None = None, entity: Entity | None = None,
               candidates: list[Entity] | None = None, status: str = "proposed", kind: str = "mention") -> Claim:
    end = end if end is not None else min(len(document.text), start + 8)
    ranked = [
        {"id": str(e.pk), "name": e.name, "score": round(0.9 - i * 0.2, 2),
         "features": [{"name": "name_similarity", "score": 0.9 - i * 0.2, "detail": f"close to {e.name}"}]}
        for i, e in enumerate(candidates or [])
    ]
    return Claim.objects.create(
        document=document, kind=kind, entity=entity, text=document.text[start:end], start=start, end=end,
        sentence=document.text, data={"name": document.text[start:end], "type": "organization",
                                      "candidates": ranked},
        proposed_by="test", status=status,
    )


def make_event(*, title: str = "Meeting in Minsk", event_type: str = "meeting",
               date: dt.date = dt.date(2026, 6, 5), place: Entity | None = None,
               participants: tuple[Entity, ...] = ()) -> Event:
    event = Event.objects.create(title=title, event_type=event_type, date=date, place=place)
    for entity in participants:
        EventParticipant.objects.create(event=event, entity=entity)
    return event


def make_agreement(*, title: str = "Memorandum on digital cooperation", agreement_type: str = "memorandum",
                   date: dt.date = dt.date(2026, 6, 5), parties: tuple[Entity, ...] = ()) -> Agreement:
    agreement = Agreement.objects.create(title=title, agreement_type=agreement_type, date=date)
    for entity in parties:
        AgreementParty.objects.create(agreement=agreement, entity=entity)
    return agreement


def make_project(*, title: str = "Smart city pilot", sector: str = "ict", parties: tuple[Entity, ...] = ()) -> Project:
    project = Project.objects.create(title=title, sector=sector)
    project.parties.set(parties)
    return project


def make_operator(username: str = "operator"):  # type: ignore[no-untyped-def]
    return do_create_operator(username=username, password=PASSWORD)


def make_member(organization: Entity, username: str = "member"):  # type: ignore[no-untyped-def]
    _, members = ensure_roles()
    user = get_user_model().objects.create_user(username=username, password=PASSWORD)
    user.groups.add(members)
    Membership.objects.create(user=user, organization=organization)
    return user


def make_user(username: str = "someone"):  # type: ignore[no-untyped-def]
    return get_user_model().objects.create_user(username=username, password=PASSWORD)


def bearer(user: Any) -> dict[str, str]:
    """Headers of a request made with a fresh token of ``user``."""
    _token, raw = do_create_token(user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
