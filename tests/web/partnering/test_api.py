"""The partnering REST endpoints: CRUD with permissions, matches, expressions of interest and
the common JSON error shape."""

from __future__ import annotations

import pytest
from ninja.testing import TestClient

from coopnode.web.partnering.api import router
from coopnode.web.partnering.models import ProfileStatus

pytestmark = pytest.mark.django_db

client = TestClient(router)

NEW = {"profile_type": "technology_offer", "title": "Secure e-signature server", "language": "en",
       "sectors": ["gov.edoc"], "expires": "2099-01-01", "contact_email": "sig@example.org"}


def assert_error(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.content
    body = response.json()
    assert set(body) == {"error"} and body["error"]["code"] == code and body["error"]["message"]
    return body["error"]


def test_member_creates_and_submits_a_profile_for_its_organization(make_member, org_ru):
    anna = make_member("anna", org_ru)
    response = client.post("/profiles", json={**NEW, "submit": True}, user=anna)
    assert response.status_code == 201
    body = response.json()
    assert body["status"] == ProfileStatus.SUBMITTED and body["owner_org"]["id"] == str(org_ru.pk)
    assert body["contact"]["email"] == "sig@example.org"  # the owner sees its own contact


def test_anonymous_cannot_write_and_gets_the_error_shape(db):
    response = client.post("/profiles", json=NEW)
    assert response.status_code == 401


def test_invalid_profile_lists_the_bad_fields(make_member, org_ru):
    anna = make_member("anna", org_ru)
    error = assert_error(client.post("/profiles", json={**NEW, "sectors": ["nope"], "profile_type": "gift"}, user=anna),
                         422, "validation_error")
    assert {"sectors", "profile_type"} <= set(error["details"])


def test_member_cannot_patch_another_organizations_profile(make_member, org_ru, org_cn, make_profile):
    anna, li = make_member("anna", org_ru), make_member("li", org_cn)
    profile = make_profile(anna, org_ru)
    assert_error(client.patch(f"/profiles/{profile.pk}", json={"title": "Mine now"}, user=li), 404, "not_found")
    response = client.patch(f"/profiles/{profile.pk}", json={"title": "Better title"}, user=anna)
    assert response.status_code == 200 and response.json()["title"] == "Better title"


def test_drafts_are_private_and_published_profiles_public(make_member, operator, org_ru, make_profile):
    anna = make_member("anna", org_ru)
    draft = make_profile(anna, org_ru, title="Draft offer")
    public = make_profile(anna, org_ru, publish_by=operator, title="Public offer", contact_email="x@example.org")
    assert client.get(f"/profiles/{draft.pk}").status_code == 404
    body = client.get(f"/profiles/{public.pk}").json()
    assert body["title"] == "Public offer" and body["contact"] is None
    titles = [p["title"] for p in client.get("/profiles").json()["items"]]
    assert titles == ["Public offer"]
    mine = [p["title"] for p in client.get("/profiles?mine=true", user=anna).json()["items"]]
    assert set(mine) == {"Draft offer", "Public offer"}


def test_only_operators_review(make_member, operator, org_ru, make_profile):
    anna = make_member("anna", org_ru)
    profile = make_profile(anna, org_ru)
    client.post(f"/profiles/{profile.pk}/submit", user=anna)
    assert_error(client.post(f"/profiles/{profile.pk}/review", json={"decision": "publish"}, user=anna),
                 403, "permission_denied")
    response = client.post(f"/profiles/{profile.pk}/review", json={"decision": "publish"}, user=operator)
    assert response.json()["status"] == ProfileStatus.PUBLISHED
    assert_error(client.post(f"/profiles/{profile.pk}/review", json={"decision": "publish"}, user=operator),
                 409, "conflict")


def test_interest_flow_reveals_contact_only_after_acceptance(make_member, operator, org_ru, org_cn, make_profile,
                                                           django_capture_on_commit_callbacks):
    anna, li = make_member("anna", org_ru), make_member("li", org_cn)
    profile = make_profile(anna, org_ru, publish_by=operator, contact_email="sales@docsys.example")
    sent = client.post(f"/profiles/{profile.pk}/interests", json={"message": "Let us talk"}, user=li)
    assert sent.status_code == 201 and sent.json()["contact"] is None
    interest_id = sent.json()["id"]

    received = client.get("/interests?box=received", user=anna).json()["items"]
    assert [i["id"] for i in received] == [interest_id]
    assert_error(client.post(f"/interests/{interest_id}/respond", json={"decision": "accept"}, user=li),
                 403, "permission_denied")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/interests/{interest_id}/respond", json={"decision": "accept"}, user=anna)

    mine = client.get("/interests?box=sent", user=li).json()["items"][0]
    assert mine["status"] == "accepted" and mine["contact"]["email"] == "sales@docsys.example"
    assert client.get(f"/profiles/{profile.pk}", user=li).json()["contact"]["email"] == "sales@docsys.example"
    assert any(n["kind"] == "interest_answered" for n in client.get("/notifications", user=li).json()["items"])


def test_matches_endpoint_renders_reasons_in_the_requested_language(make_member, operator, org_ru, org_cn, make_profile):
    anna, li = make_member("anna", org_ru), make_member("li", org_cn)
    offer = make_profile(anna, org_ru, publish_by=operator, profile_type="business_offer", language="ru",
                         title="Системы электронного документооборота", sectors=["gov.edoc"])
    make_profile(li, org_cn, publish_by=operator, profile_type="business_request", language="zh",
                 title="电子公文流转系统采购", sectors=["gov.edoc"])
    items = client.get(f"/profiles/{offer.pk}/matches?lang=zh", user=anna).json()["items"]
    assert items and items[0]["profile"]["language"] == "zh"
    assert any("\u4e00" <= ch <= "\u9fff" for ch in "".join(items[0]["reasons"]))
    assert {f["code"] for f in items[0]["features"]} >= {"semantic", "sector_overlap"}


def test_operator_steers_interest(make_member, operator, org_ru, org_cn, make_profile):
    anna, li = make_member("anna", org_ru), make_member("li", org_cn)
    profile = make_profile(anna, org_ru, publish_by=operator)
    interest_id = client.post(f"/profiles/{profile.pk}/interests", json={}, user=li).json()["id"]
    assert_error(client.post(f"/interests/{interest_id}/steer", json={"action": "hold"}, user=anna), 403, "permission_denied")
    assert client.post(f"/interests/{interest_id}/steer", json={"action": "hold"}, user=operator).json()["status"] == "on_hold"
    assert_error(client.post(f"/interests/{interest_id}/respond", json={"decision": "accept"}, user=anna), 409, "conflict")
