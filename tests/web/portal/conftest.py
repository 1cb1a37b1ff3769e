"""A small cooperation scene shaped like the seed press release, built in one call.

Belarus's ministry meets an Urumqi trade association in Minsk on 5 June 2026; a ceremony in
Urumqi is planned for 26 June 2026; the ministry holds an MoU.  Facts carry claims pointing into
one Russian document, in the review states the portal must tell apart.
"""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from coopnode.web.registry.actions import NameSpec, do_create_entity
from coopnode.web.registry.models import (
    Agreement,
    AgreementParty,
    Claim,
    Document,
    Event,
    EventParticipant,
)
from tests.factories import make_org, make_person, make_place

TEXT = (
    "5 июня 2026 года в Минске министерство связи провело встречу с Ассоциацией внешней торговли "
    "города Урумчи. Церемония запуска узла сети состоится в Урумчи 26 июня 2026 года. "
    "Стороны обсудили новый меморандум. Ложное упоминание Сямэня."
)


def _claim(document: Document, kind: str, surface: str, status: str, **subject: object) -> Claim:
    start = TEXT.index(surface)
    sentence_start = TEXT.rfind(". ", 0, start) + 2 if TEXT.rfind(". ", 0, start) >= 0 else 0
    sentence_end = TEXT.find(".", start) + 1
    return Claim.objects.create(
        document=document, kind=kind, text=surface, start=start, end=start + len(surface),
        sentence=TEXT[sentence_start:sentence_end], proposed_by="test", status=status, **subject,
    )


@pytest.fixture
def scene(db):  # type: ignore[no-untyped-def]
    minsk = make_place(name_en="Minsk", name_ru="Минск", name_zh="明斯克", country="BY",
                       place_kind="city", latitude=53.9, longitude=27.57)
    urumqi = make_place(name_en="Urumqi", name_ru="Урумчи", name_zh="乌鲁木齐", country="CN",
                        place_kind="city", latitude=43.83, longitude=87.62)
    belarus = make_place(name_en="Belarus", name_ru="Республика Беларусь", name_zh="白俄罗斯",
                         country="BY", place_kind="country", iso_code="BY", latitude=53.7, longitude=27.9)
    ministry = make_org(name_en="Ministry of Communications and Informatization",
                        name_ru="Министерство связи и информатизации", name_zh="白俄罗斯通信和信息化部",
                        country="BY", org_kind="ministry")
    association = make_org(name_en="Urumqi Foreign Trade Association",
                           name_ru="Ассоциация внешней торговли города Урумчи",
                           name_zh="乌鲁木齐市对外贸易协会", country="CN", org_kind="association")
    # created by the extractor: public only once a mention of it is confirmed
    hidden_org = do_create_entity(
        entity_type="organization", names=[NameSpec("Unreviewed Holding", "en", "official", "extraction")],
        actor="extractor", country="CN",
    )
    deputy = make_person(name_en="Anton Alekseev", name_ru="Антон Алексеев", country="BY")

    meeting = Event.objects.create(event_type="meeting", date=dt.date(2026, 6, 5), status="past",
                                   place=minsk, title="")
    ceremony = Event.objects.create(event_type="ceremony", date=dt.date(2026, 6, 26),
                                    status="planned", place=urumqi, title="")
    rumour = Event.objects.create(event_type="forum", date=dt.date(2026, 6, 10), place=urumqi,
                                  title="Forum awaiting review")
    for event, entity in ((meeting, ministry), (meeting, association), (ceremony, association),
                          (meeting, deputy), (rumour, hidden_org)):
        EventParticipant.objects.create(event=event, entity=entity)
    mou = Agreement.objects.create(agreement_type="memorandum", title="Memorandum on ICT cooperation",
                                   status="signed")
    AgreementParty.objects.create(agreement=mou, entity=ministry)
    AgreementParty.objects.create(agreement=mou, entity=association)

    document = Document.objects.create(
        source="https://example.org/press/urumqi", source_kind="url", sha256="0" * 64,
        language="ru", title="Встреча с делегацией Урумчи", published=dt.date(2026, 6, 6),
        text=TEXT, status="extracted",
    )
    _claim(document, "mention", "Ассоциацией внешней торговли города Урумчи", "confirmed",
           entity=association)
    _claim(document, "event", "встречу", "confirmed", event=meeting)
    _claim(document, "event", "Церемония", "confirmed", event=ceremony)
    _claim(document, "agreement", "меморандум", "corrected", agreement=mou)
    _claim(document, "event", "Стороны обсудили", "proposed", event=rumour)
    _claim(document, "mention", "Стороны", "proposed", entity=hidden_org)
    _claim(document, "mention", "Ложное упоминание Сямэня", "rejected", entity=urumqi)
    return SimpleNamespace(**locals())
