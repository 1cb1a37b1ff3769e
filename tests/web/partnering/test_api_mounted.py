"""The partnering router is reachable under the node's API at /api/partnering/ and answers in
the API's common error shape; unknown API paths still get the API's 404."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_router_is_mounted_before_the_api_catch_all(client):
    response = client.get("/api/partnering/profiles")
    assert response.status_code == 200, response.content
    assert response.json()["count"] == 0


def test_errors_use_the_common_shape(client):
    response = client.get("/api/partnering/profiles/00000000-0000-0000-0000-000000000000")
    assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"
    response = client.post("/api/partnering/profiles", {}, content_type="application/json")
    assert response.status_code == 401 and "error" in response.json()


def test_unknown_api_paths_still_answer_404(client):
    response = client.get("/api/no-such-thing")
    assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"
