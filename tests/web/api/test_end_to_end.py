"""The API on the real pipeline: ingest the model press release, read back what was found,
review a fact — the path a script of a partner node would take."""

from __future__ import annotations

import pytest

from tests.conftest import SEED
from tests.web.api.makers import bearer, make_operator

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not SEED.exists(), reason="shared seed press release not available"),
]


def test_ingest_read_and_review_through_the_api(client):  # type: ignore[no-untyped-def]
    headers = bearer(make_operator())
    created = client.post("/api/documents", {"text": SEED.read_text(encoding="utf-8"), "source": SEED.name},
                          content_type="application/json", **headers)
    assert created.status_code == 201, created.content
    document = created.json()["document"]
    assert document["language"] == "ru" and document["text"]

    claims = client.get("/api/claims", {"status": "proposed", "limit": 200}).json()
    assert claims["count"] > 0
    mine = [c for c in claims["items"] if c["document_id"] == document["id"]]
    for claim in (c for c in mine if c["kind"] == "mention"):  # other kinds carry the normal form
        assert document["text"][claim["start"]:claim["end"]] == claim["text"]

    def public(entity_id: str) -> bool:
        return any(client.get(f"/api/{kind}/{entity_id}").status_code == 200
                   for kind in ("organizations", "persons", "places"))

    # an entity the extractor created is published once a mention of it is confirmed
    mentions = [c for c in mine if c["kind"] == "mention" and c["entity_id"]]
    unpublished = next(c for c in mentions if not public(c["entity_id"]))
    reviewed = client.post(f"/api/claims/{unpublished['id']}/review", {"decision": "confirm"},
                           content_type="application/json", **headers)
    assert reviewed.json()["status"] == "confirmed"
    assert public(unpublished["entity_id"])
