"""API error messages in the caller's language (``Accept-Language``); ``code`` stays stable."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import override_settings

from tests.web.intake.test_views_i18n import compiled_catalogs  # noqa: F401 — compiles the catalogs

pytestmark = pytest.mark.django_db


def test_api_errors_speak_the_caller_language(client):  # type: ignore[no-untyped-def]
    with override_settings(LOCALE_PATHS=list(settings.LOCALE_PATHS)):
        answer = client.post("/api/documents", {"text": "x"}, content_type="application/json",
                             HTTP_ACCEPT_LANGUAGE="ru")
    assert answer.status_code == 401
    assert answer.json()["error"]["code"] == "not_authenticated"
    assert "аутентификация" in answer.json()["error"]["message"]
