"""Writing through the API: tokens, roles, and the domain actions behind each endpoint."""

from __future__ import annotations

import pytest

from coopnode.web.api import main as api_main
from coopnode.web.api.tokens import do_create_token, do_revoke_token
from coopnode.web.intake.models import MergeRecord
from coopnode.web.registry.models import AuditLog, Claim, Document, Entity
from tests.factories import make_org
from tests.web.api.base import assert_error
from tests.web.api.makers import (
    bearer,
    make_claim,
    make_document,
    make_member,
    make_operator,
    make_user,
)

pytestmark = pytest.mark.django_db

JSON = "application/json"


def test_a_token_identifies_its_owner_until_it_is_revoked(client):  # type: ignore[no-untyped-def]
    operator = make_operator()
    token, raw = do_create_token(operator, name="script")
    me = client.get("/api/me", HTTP_AUTHORIZATION=f"Bearer {raw}").json()
    assert me == {"authenticated": True, "username": "operator", "role": "operator", "organization_id": None}
    token.refresh_from_db()
    assert token.last_used_at is not None
    do_revoke_token(token, user=operator)
    assert_error(client.get("/api/me", HTTP_AUTHORIZATION=f"Bearer {raw}"), 401, "not_authenticated")


def test_the_token_itself_is_not_stored(client):  # type: ignore[no-untyped-def]
    token, raw = do_create_token(make_user())
    assert raw not in (token.digest, token.prefix)
    assert raw.startswith(token.prefix)


def test_operator_ingests_raw_text_once(client):  # type: ignore[no-untyped-def]
    headers = bearer(make_operator())
    payload = {"text": "Minsk hosted the delegation of Urumqi.", "lang": "en", "published": "2026-06-05"}
    first = client.post("/api/documents", payload, content_type=JSON, **headers)
    assert first.status_code == 201, first.content
    assert first.json()["created"] is True
    again = client.post("/api/documents", payload, content_type=JSON, **headers)
    assert again.status_code == 200 and again.json()["created"] is False
    assert Document.objects.count() == 1
    proposed = set(Claim.objects.filter(status="proposed").values_list("text", flat=True))
    assert {"Minsk", "Urumqi"} <= proposed


def test_ingest_needs_exactly_one_of_text_or_url(client):  # type: ignore[no-untyped-def]
    headers = bearer(make_operator())
    assert_error(client.post("/api/documents", {}, content_type=JSON, **headers), 422)
    assert_error(client.post("/api/documents", {"text": "a", "url": "https://example.org"},
                             content_type=JSON, **headers), 422)


def test_operator_uploads_a_markdown_file(client):  # type: ignore[no-untyped-def]
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("news.md", b"# Visit\n\nUrumqi delegation in Minsk.", "text/markdown")
    response = client.post("/api/documents/upload", {"file": upload, "lang": "en"}, **bearer(make_operator()))
    assert response.status_code == 201, response.content
    assert response.json()["document"]["source"] == "news.md"


@pytest.mark.parametrize("who", ["member", "user"])
def test_only_operators_ingest(client, who):  # type: ignore[no-untyped-def]
    user = make_member(make_org(name_en="Acme")) if who == "member" else make_user()
    response = client.post("/api/documents", {"text": "x y z"}, content_type=JSON, **bearer(user))
    assert_error(response, 403, "permission_denied")
    assert Document.objects.count() == 0


def test_review_decisions_through_the_api(client):  # type: ignore[no-untyped-def]
    headers = bearer(make_operator())
    right = make_org(name_en="Ministry of Communications")
    wrong = make_org(name_en="Ministry of Culture")
    doc = make_document()
    claim = make_claim(doc, start=30, end=38, entity=wrong, candidates=[wrong, right])

    picked = client.post(f"/api/claims/{claim.pk}/review", {"decision": "pick", "entity_id": str(right.pk)},
                         content_type=JSON, **headers)
    assert picked.status_code == 200, picked.content
    assert picked.json()["status"] == "corrected" and picked.json()["entity_id"] == str(right.pk)

    other = make_claim(doc, start=0, end=2)
    rejected = client.post(f"/api/claims/{other.pk}/review", {"decision": "reject", "note": "noise"},
                           content_type=JSON, **headers)
    assert rejected.json()["status"] == "rejected"


def test_picking_something_that_is_not_a_candidate_is_refused(client):  # type: ignore[no-untyped-def]
    headers = bearer(make_operator())
    stranger = make_org(name_en="Unrelated Ltd")
    claim = make_claim(make_document(), candidates=[make_org(name_en="A")])
    response = client.post(f"/api/claims/{claim.pk}/review", {"decision": "pick", "entity_id": str(stranger.pk)},
                           content_type=JSON, **headers)
    assert_error(response, 400, "bad_request")
    claim.refresh_from_db()
    assert claim.status == "proposed"


def test_unknown_decision_is_a_validation_error(client):  # type: ignore[no-untyped-def]
    claim = make_claim(make_document())
    response = client.post(f"/api/claims/{claim.pk}/review", {"decision": "maybe"}, content_type=JSON,
                           **bearer(make_operator()))
    assert_error(response, 422, "validation_error")


def test_merge_and_undo_through_the_api(client):  # type: ignore[no-untyped-def]
    headers = bearer(make_operator())
    keep = make_org(name_en="Xiamen Software Park", country="CN")
    dup = make_org(name_zh="厦门软件园")
    merged = client.post("/api/merges", {"survivor_id": str(keep.pk), "loser_id": str(dup.pk)},
                         content_type=JSON, **headers)
    assert merged.status_code == 201, merged.content
    assert client.get(f"/api/organizations/{dup.pk}").status_code == 404
    names = {n["text"] for n in client.get(f"/api/organizations/{keep.pk}").json()["names"]}
    assert "厦门软件园" in names
    again = client.post("/api/merges", {"survivor_id": str(keep.pk), "loser_id": str(dup.pk)},
                        content_type=JSON, **headers)
    assert_error(again, 400)
    listed = client.get("/api/merges", **headers).json()
    assert [m["id"] for m in listed] == [merged.json()["id"]] and listed[0]["moved"]["names"] == 1
    assert_error(client.get("/api/merges"), 401)
    undone = client.post(f"/api/merges/{merged.json()['id']}/undo", content_type=JSON, **headers)
    assert undone.status_code == 200 and undone.json()["undone_at"]
    assert client.get(f"/api/organizations/{dup.pk}").status_code == 200


def test_members_cannot_merge(client):  # type: ignore[no-untyped-def]
    org = make_org(name_en="Acme")
    other = make_org(name_en="Acme Ltd")
    response = client.post("/api/merges", {"survivor_id": str(org.pk), "loser_id": str(other.pk)},
                           content_type=JSON, **bearer(make_member(org)))
    assert_error(response, 403)
    assert not MergeRecord.objects.exists()


def test_member_updates_own_organization_and_not_another(client):  # type: ignore[no-untyped-def]
    own = make_org(name_en="Urumqi Digital Association")
    other = make_org(name_en="Minsk IT Park")
    headers = bearer(make_member(own))
    ok = client.patch(f"/api/organizations/{own.pk}",
                      {"expected_version": own.version, "description": "We connect software firms.",
                       "website": "https://example.org", "add_names": [{"text": "乌鲁木齐数字协会", "lang": "zh"}]},
                      content_type=JSON, **headers)
    assert ok.status_code == 200, ok.content
    assert ok.json()["description"] == "We connect software firms."
    assert "乌鲁木齐数字协会" in {n["text"] for n in ok.json()["names"]}
    denied = client.patch(f"/api/organizations/{other.pk}", {"expected_version": other.version, "description": "x"},
                          content_type=JSON, **headers)
    assert_error(denied, 403)
    other.refresh_from_db()
    assert other.description == ""


def test_a_stale_edit_is_a_conflict(client):  # type: ignore[no-untyped-def]
    own = make_org(name_en="Acme")
    headers = bearer(make_member(own))
    stale = own.version
    assert client.patch(f"/api/organizations/{own.pk}", {"expected_version": stale, "description": "one"},
                        content_type=JSON, **headers).status_code == 200
    response = client.patch(f"/api/organizations/{own.pk}", {"expected_version": stale, "description": "two"},
                            content_type=JSON, **headers)
    assert_error(response, 409, "conflict")


def test_writes_are_in_the_audit_log(client):  # type: ignore[no-untyped-def]
    own = make_org(name_en="Acme")
    member = make_member(own)
    client.patch(f"/api/organizations/{own.pk}", {"expected_version": own.version, "description": "d"},
                 content_type=JSON, **bearer(member))
    assert AuditLog.objects.filter(action="entity.update", actor="member", object_id=str(own.pk)).exists()


def test_an_unexpected_failure_is_a_json_500_without_internals(client, monkeypatch):  # type: ignore[no-untyped-def]
    def explode(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("secret internal detail")

    monkeypatch.setattr(api_main, "do_ingest", explode)
    response = client.post("/api/documents", {"text": "a b c"}, content_type=JSON, **bearer(make_operator()))
    error = assert_error(response, 500, "server_error")
    assert "secret" not in response.content.decode() and "Traceback" not in response.content.decode()
    assert error["details"] is None


def test_openapi_document_lists_the_endpoints(client):  # type: ignore[no-untyped-def]
    paths = client.get("/api/openapi.json").json()["paths"]
    for expected in ("/api/organizations", "/api/claims/{claim_id}/review", "/api/merges", "/api/documents/upload"):
        assert expected in paths
    assert client.get("/api/docs").status_code == 200
    assert Entity.objects.count() == 0


def test_an_admin_issues_a_token_for_someone_in_the_admin(client):  # type: ignore[no-untyped-def]
    import re

    from django.contrib.auth import get_user_model

    from coopnode.web.api.models import ApiToken

    admin = get_user_model().objects.create_superuser("root", "root@example.org", "a-long-admin-password-1")
    member = make_member(make_org(name_en="Acme"))
    client.force_login(admin)
    page = client.post("/admin/api/apitoken/add/", {"owner": member.pk, "name": "sync"}, follow=True)
    raw = re.search(r"cn_[\w-]{20,}", page.content.decode()).group(0)
    client.logout()
    assert client.get("/api/me", HTTP_AUTHORIZATION=f"Bearer {raw}").json()["username"] == "member"
    assert AuditLog.objects.filter(action="api_token.create", actor="root").exists()
    token = ApiToken.objects.get()
    assert token.digest != raw
