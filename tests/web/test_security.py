"""Each security boundary, tried from the wrong side: roles, CSRF, upload limits, log-in
throttling, cookies, and no stack traces for users."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings

from coopnode.web.intake import views as intake_views
from coopnode.web.registry.models import Document
from tests.factories import make_org
from tests.web.api.base import assert_error
from tests.web.api.makers import PASSWORD, bearer, make_member, make_operator, make_user

pytestmark = pytest.mark.django_db
JSON = "application/json"


@pytest.fixture(autouse=True)
def _clean(monkeypatch):  # type: ignore[no-untyped-def]
    cache.clear()
    yield
    cache.clear()


# --- roles -------------------------------------------------------------------------------------

@pytest.mark.parametrize("method,url,payload", [
    ("post", "/api/documents", {"text": "x"}),
    ("post", "/api/merges", {"survivor_id": "00000000-0000-0000-0000-000000000001",
                              "loser_id": "00000000-0000-0000-0000-000000000002"}),
    ("post", "/api/claims/00000000-0000-0000-0000-000000000001/review", {"decision": "confirm"}),
    ("patch", "/api/organizations/00000000-0000-0000-0000-000000000001", {"expected_version": 1}),
])
def test_anonymous_api_writes_are_refused(client, method, url, payload):  # type: ignore[no-untyped-def]
    assert_error(getattr(client, method)(url, payload, content_type=JSON), 401, "not_authenticated")


def test_a_made_up_token_is_refused_even_for_reads(client):  # type: ignore[no-untyped-def]
    assert_error(client.get("/api/organizations", HTTP_AUTHORIZATION="Bearer cn_not-a-real-token"), 401)


def test_member_editing_another_organization_gets_403(client):  # type: ignore[no-untyped-def]
    own, other = make_org(name_en="Own"), make_org(name_en="Other")
    response = client.patch(f"/api/organizations/{other.pk}", {"expected_version": other.version, "website": ""},
                            content_type=JSON, **bearer(make_member(own)))
    assert_error(response, 403, "permission_denied")


@pytest.mark.parametrize("website", ["javascript:alert(1)", "data:text/html,hi", "ftp://example.org"])
def test_a_profile_website_must_be_a_web_address(client, website):  # type: ignore[no-untyped-def]
    org = make_org(name_en="Acme")
    response = client.patch(f"/api/organizations/{org.pk}", {"expected_version": org.version, "website": website},
                            content_type=JSON, **bearer(make_member(org)))
    assert "http" in assert_error(response, 400)["message"]
    org.refresh_from_db()
    assert org.website == ""


@pytest.mark.parametrize("url", ["/operator/", "/operator/review/", "/operator/merge/", "/operator/audit/",
                                 "/operator/feeds/", "/operator/tokens/", "/operator/members/"])
def test_operator_pages_are_closed_to_everyone_else(client, url):  # type: ignore[no-untyped-def]
    anonymous = client.get(url)
    assert anonymous.status_code == 302 and "/accounts/login/" in anonymous["Location"]
    client.force_login(make_member(make_org(name_en="Acme")))
    assert client.get(url).status_code == 403
    client.force_login(make_operator())
    assert client.get(url).status_code == 200
    from django.contrib.auth import get_user_model

    admin = get_user_model().objects.create_superuser("root", "root@example.org", "a-long-admin-password-1")
    client.force_login(admin)
    assert client.get(url).status_code == 200
    staff_only = make_user("staff")
    staff_only.is_staff = True
    staff_only.save()
    client.force_login(staff_only)
    assert client.get(url).status_code == 403, "staff status alone is not the operator role"


# --- CSRF --------------------------------------------------------------------------------------

def test_operator_form_without_csrf_token_is_refused():  # type: ignore[no-untyped-def]
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(make_operator())
    response = browser.post("/operator/feeds/", {"url": "https://example.org/rss"})
    assert response.status_code == 403
    assert "security token" in response.content.decode()
    assert "Traceback" not in response.content.decode()


def test_api_write_with_a_session_needs_the_csrf_token():  # type: ignore[no-untyped-def]
    browser = Client(enforce_csrf_checks=True)
    org = make_org(name_en="Acme")
    browser.force_login(make_member(org))
    response = browser.patch(f"/api/organizations/{org.pk}", {"expected_version": org.version, "description": "x"},
                             content_type=JSON)
    assert response.status_code in (401, 403)
    org.refresh_from_db()
    assert org.description == ""


def test_api_write_with_a_token_needs_no_csrf_token():  # type: ignore[no-untyped-def]
    script = Client(enforce_csrf_checks=True)
    org = make_org(name_en="Acme")
    response = script.patch(f"/api/organizations/{org.pk}", {"expected_version": org.version, "description": "x"},
                            content_type=JSON, **bearer(make_member(org)))
    assert response.status_code == 200


# --- uploads -----------------------------------------------------------------------------------

@override_settings(COOPNODE_MAX_DOCUMENT_BYTES=1024)
def test_too_large_upload_is_413_with_the_limit_in_the_message(client):  # type: ignore[no-untyped-def]
    client.force_login(make_operator())
    big = SimpleUploadedFile("big.txt", b"a" * 2048, "text/plain")
    response = client.post("/operator/upload/", {"file": big})
    assert response.status_code == 413
    assert "limit is 1 KB" in response.content.decode()
    api = client.post("/api/documents/upload", {"file": SimpleUploadedFile("big.txt", b"a" * 2048, "text/plain")},
                      **bearer(make_operator("op2")))
    assert "1 KB" in assert_error(api, 413, "too_large")["message"]
    assert Document.objects.count() == 0


@override_settings(COOPNODE_MAX_DOCUMENT_BYTES=1024)
def test_an_oversized_upload_is_not_even_read_for_anonymous_visitors(client):  # type: ignore[no-untyped-def]
    from django.test import RequestFactory

    from coopnode.web.intake.uploads import upload_too_large

    big = SimpleUploadedFile("big.txt", b"a" * 200_000, "text/plain")
    request = RequestFactory().post("/operator/upload/", {"file": big})
    assert upload_too_large(request) == "big.txt"
    assert "file" not in request.FILES, "the oversized file was dropped, not kept on disk"
    anonymous = client.post("/operator/upload/", {"file": SimpleUploadedFile("big.txt", b"a" * 200_000)})
    assert anonymous.status_code == 302  # to the log-in page; nothing stored
    assert Document.objects.count() == 0


@pytest.mark.parametrize("name,data,content_type", [
    ("report.pdf", b"%PDF-1.7 ...", "application/pdf"),
    ("report.txt", b"%PDF-1.7 disguised", "text/plain"),
    ("photo.html", b"\x89PNG\r\n\x1a\n\x00\x00", "text/html"),
    ("tool.exe", b"MZ\x90\x00", "application/octet-stream"),
])
def test_files_that_are_not_text_html_or_markdown_are_refused(client, name, data, content_type):  # type: ignore[no-untyped-def]
    client.force_login(make_operator())
    response = client.post("/operator/upload/", {"file": SimpleUploadedFile(name, data, content_type)})
    assert response.status_code == 415
    assert "text, HTML or Markdown" in response.content.decode()
    api = client.post("/api/documents/upload", {"file": SimpleUploadedFile(name, data, content_type)},
                      **bearer(make_operator("op2")))
    assert_error(api, 415, "unsupported_type")
    assert Document.objects.count() == 0


# --- log-in throttling -------------------------------------------------------------------------

@override_settings(COOPNODE_LOGIN_FAILURE_LIMIT=3)
def test_repeated_bad_logins_are_throttled_even_with_the_right_password(client):  # type: ignore[no-untyped-def]
    make_user("victim")
    for _ in range(3):
        response = client.post("/accounts/login/", {"username": "victim", "password": "wrong-guess"})
        assert response.status_code == 200  # the form again, with an error
    blocked = client.post("/accounts/login/", {"username": "victim", "password": PASSWORD})
    assert blocked.status_code == 429
    assert "Too many failed log-ins" in blocked.content.decode()
    assert "_auth_user_id" not in client.session


@override_settings(COOPNODE_LOGIN_FAILURE_LIMIT=3)
def test_a_good_login_below_the_limit_resets_the_count(client):  # type: ignore[no-untyped-def]
    make_user("anna")
    for _ in range(2):
        client.post("/accounts/login/", {"username": "anna", "password": "wrong-guess"})
    assert client.post("/accounts/login/", {"username": "anna", "password": PASSWORD}).status_code == 302
    client.logout()
    for _ in range(2):
        client.post("/accounts/login/", {"username": "anna", "password": "wrong-guess"})
    assert client.post("/accounts/login/", {"username": "anna", "password": PASSWORD}).status_code == 302


def test_an_api_client_that_floods_is_throttled_with_429(client, monkeypatch):  # type: ignore[no-untyped-def]
    from coopnode.web.api.main import api

    for throttle in api.throttle:
        monkeypatch.setattr(throttle, "num_requests", 3)
    statuses = [client.get("/api/organizations").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    response = client.get("/api/organizations")
    assert_error(response, 429, "throttled")
    assert int(response["Retry-After"]) > 0


# --- cookies and errors ------------------------------------------------------------------------

def test_session_cookie_is_http_only_and_same_site(client):  # type: ignore[no-untyped-def]
    make_user("anna")
    response = client.post("/accounts/login/", {"username": "anna", "password": PASSWORD})
    from django.conf import settings

    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"


def test_debug_is_off_and_errors_show_no_stack_trace(client, monkeypatch):  # type: ignore[no-untyped-def]
    from django.conf import settings

    assert settings.DEBUG is False

    def explode(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("internal secret")

    monkeypatch.setattr(intake_views, "highlight", explode)
    client.raise_request_exception = False
    client.force_login(make_operator())
    from tests.web.api.makers import make_claim, make_document

    response = client.get(f"/operator/review/{make_claim(make_document()).pk}/")
    assert response.status_code == 500
    assert "internal secret" not in response.content.decode()
    assert "Traceback" not in response.content.decode()


def test_pages_forbid_framing_and_sniffing(client):  # type: ignore[no-untyped-def]
    response = client.get("/api/organizations")
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
