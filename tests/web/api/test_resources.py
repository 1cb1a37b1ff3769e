"""Every public collection of the API, checked by the same generic test case."""

from __future__ import annotations

import datetime as dt

import pytest

from coopnode.web.registry.models import ClaimStatus
from tests.factories import make_org, make_person, make_place
from tests.web.api.base import ResourceAPITestCase
from tests.web.api.makers import (
    bearer,
    make_agreement,
    make_claim,
    make_document,
    make_event,
    make_operator,
    make_project,
)

pytestmark = pytest.mark.django_db


def _org_a():  # type: ignore[no-untyped-def]
    return make_org(name_en="Ministry of Communications and Informatization", name_ru="Министерство связи",
                    country="BY", org_kind="ministry")


def _org_b():  # type: ignore[no-untyped-def]
    return make_org(name_en="Xiamen Software Park", country="CN", org_kind="company")


class TestOrganizations(ResourceAPITestCase):
    endpoint = "organizations"
    make_a = staticmethod(_org_a)
    make_b = staticmethod(_org_b)
    filters = [{"type": "ministry"}, {"country": "by"}, {"q": "министерство"}, {"q": "Informatization"}]
    write_methods = ("post", "put", "delete", "patch")


class TestPersons(ResourceAPITestCase):
    endpoint = "persons"
    make_a = staticmethod(lambda: make_person(name_ru="Антон Алексеев", country="BY"))
    make_b = staticmethod(lambda: make_person(name_zh="王小明", country="CN"))
    filters = [{"country": "BY"}, {"q": "Алексеев"}]


class TestPlaces(ResourceAPITestCase):
    endpoint = "places"
    make_a = staticmethod(lambda: make_place(name_en="Minsk", country="BY", place_kind="city"))
    make_b = staticmethod(lambda: make_place(name_en="Belarus", country="BY", place_kind="country"))
    filters = [{"type": "city"}, {"q": "mins"}]


class TestEvents(ResourceAPITestCase):
    endpoint = "events"
    make_a = staticmethod(lambda: make_event(
        title="Meeting with the Urumqi delegation", date=dt.date(2026, 6, 5),
        place=make_place(name_en="Minsk", country="BY")))
    make_b = staticmethod(lambda: make_event(title="Forum in Xiamen", event_type="forum",
                                             date=dt.date(2025, 9, 1)))
    filters = [{"type": "meeting"}, {"country": "BY"}, {"date_from": "2026-01-01"},
               {"date_from": "2026-06-05", "date_to": "2026-06-05"}, {"q": "urumqi"}]


class TestAgreements(ResourceAPITestCase):
    endpoint = "agreements"
    make_a = staticmethod(lambda: make_agreement(
        title="Memorandum on digital cooperation", date=dt.date(2026, 6, 5), parties=(_org_a(),)))
    make_b = staticmethod(lambda: make_agreement(title="Roadmap 2027", agreement_type="roadmap",
                                                 date=dt.date(2024, 1, 1)))
    filters = [{"type": "memorandum"}, {"country": "BY"}, {"date_to": "2026-12-31", "date_from": "2026-01-01"},
               {"q": "digital"}]


class TestProjects(ResourceAPITestCase):
    endpoint = "projects"
    make_a = staticmethod(lambda: make_project(title="Smart city pilot", sector="ict", parties=(_org_a(),)))
    make_b = staticmethod(lambda: make_project(title="Tea trade", sector="agriculture"))
    filters = [{"type": "ict"}, {"country": "BY"}, {"q": "smart"}]


class TestDocuments(ResourceAPITestCase):
    endpoint = "documents"
    make_a = staticmethod(lambda: make_document("In Minsk the ministry met guests.", published=dt.date(2026, 6, 5)))
    make_b = staticmethod(lambda: make_document("厦门 forum report", published=dt.date(2025, 1, 1), source="b.txt"))
    filters = [{"date_from": "2026-01-01"}, {"q": "ministry"}]

    def test_detail_carries_the_text_and_the_list_does_not(self, client, records):  # type: ignore[no-untyped-def]
        listed = client.get(self.url()).json()["items"][0]
        assert listed["text"] is None
        detail = client.get(self.url(f"/{records[0].pk}")).json()
        assert detail["text"] == records[0].text


class TestClaims(ResourceAPITestCase):
    endpoint = "claims"
    make_a = staticmethod(lambda: make_claim(make_document("Minsk hosted the meeting."), start=0, end=5,
                                             entity=make_place(name_en="Minsk", country="BY")))
    make_b = staticmethod(lambda: make_claim(make_document("Xiamen signed.", published=dt.date(2024, 3, 3),
                                                           source="x.txt"), start=0, end=6, kind="event",
                                             status="confirmed"))
    filters = [{"type": "mention"}, {"country": "BY"}, {"status": "proposed"}, {"q": "minsk"},
               {"date_from": "2026-01-01"}]

    def test_rejected_claims_are_hidden_from_the_public_but_not_from_operators(self, client, records):  # type: ignore[no-untyped-def]
        rejected = make_claim(records[0].document, start=6, end=12, status=ClaimStatus.REJECTED)
        public = {item["id"] for item in client.get(self.url()).json()["items"]}
        assert str(rejected.pk) not in public
        assert client.get(self.url(f"/{rejected.pk}")).status_code == 404
        operator = {item["id"] for item in client.get(self.url(), **bearer(make_operator())).json()["items"]}
        assert str(rejected.pk) in operator


def test_the_public_sees_what_the_portal_publishes_and_operators_see_everything(client):  # type: ignore[no-untyped-def]
    """An entity the extractor created stays unpublished until a mention of it is reviewed; an
    event lists only published participants to the public."""
    from coopnode.web.registry.actions import NameSpec, do_create_entity

    extracted = do_create_entity(entity_type="organization", actor="extractor",
                                 names=[NameSpec("Unreviewed Committee", "en", "official", "extraction")])
    known = make_org(name_en="Known Ministry")
    claim = make_claim(make_document(), entity=extracted)
    event = make_event(participants=(known, extracted))
    operator = bearer(make_operator())

    public_ids = {o["id"] for o in client.get("/api/organizations").json()["items"]}
    assert str(known.pk) in public_ids and str(extracted.pk) not in public_ids
    assert client.get(f"/api/organizations/{extracted.pk}").status_code == 404
    participants = {p["id"] for p in client.get(f"/api/events/{event.pk}").json()["participants"]}
    assert participants == {str(known.pk)}
    as_operator = client.get(f"/api/events/{event.pk}", **operator).json()["participants"]
    assert {p["id"] for p in as_operator} == {str(known.pk), str(extracted.pk)}

    client.post(f"/api/claims/{claim.pk}/review", {"decision": "confirm"}, content_type="application/json",
                **operator)
    assert client.get(f"/api/organizations/{extracted.pk}").status_code == 200
