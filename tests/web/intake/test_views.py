"""The operator's pages: bring a document in, review its facts beside the source, merge
duplicates, read the audit log, issue tokens."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from coopnode.web.intake.models import MergeRecord
from coopnode.web.registry.models import AuditLog, Claim, Document, Entity
from tests.conftest import SEED
from tests.factories import make_org
from tests.web.api.makers import make_claim, make_document, make_operator

pytestmark = pytest.mark.django_db


@pytest.fixture
def operator_client(client, monkeypatch):  # type: ignore[no-untyped-def]
    client.force_login(make_operator())
    return client


def test_dashboard_offers_the_three_ways_in(operator_client):  # type: ignore[no-untyped-def]
    page = operator_client.get("/operator/").content.decode()
    for action in ("/operator/upload/", "/operator/url/", "/operator/feeds/"):
        assert f'action="{action}"' in page
    assert 'enctype="multipart/form-data"' in page and "csrfmiddlewaretoken" in page


def test_upload_leads_to_the_review_of_that_document(operator_client):  # type: ignore[no-untyped-def]
    upload = SimpleUploadedFile("visit.md", b"Urumqi delegation visited Minsk.", "text/markdown")
    response = operator_client.post("/operator/upload/", {"file": upload, "lang": "en"})
    doc = Document.objects.get()
    assert response.status_code == 302 and f"document={doc.pk}" in response["Location"]
    queue = operator_client.get(response["Location"]).content.decode()
    assert "<mark>Urumqi</mark>" in queue


def test_the_same_file_twice_says_it_is_already_stored(operator_client):  # type: ignore[no-untyped-def]
    for _ in range(2):
        response = operator_client.post("/operator/upload/", {
            "file": SimpleUploadedFile("a.txt", b"Same text twice.", "text/plain")}, follow=True)
    assert "already stored" in response.content.decode()
    assert Document.objects.count() == 1


def test_review_page_highlights_the_span_and_explains_candidates(operator_client):  # type: ignore[no-untyped-def]
    right, wrong = make_org(name_en="Ministry of Communications"), make_org(name_en="Ministry of Culture")
    doc = make_document("On 5 June the Ministry of Communications met guests from Urumqi.")
    start = doc.text.index("Ministry")
    claim = make_claim(doc, start=start, end=start + len("Ministry of Communications"), entity=wrong,
                       candidates=[right, wrong])
    page = operator_client.get(f"/operator/review/{claim.pk}/").content.decode()
    assert "On 5 June the <mark" in page and ">Ministry of Communications</mark> met guests" in page
    assert "close to Ministry of Communications" in page, "the why-features of each candidate are shown"
    assert page.index("Ministry of Communications</strong>") < page.index("Ministry of Culture</strong>")


def test_picking_a_candidate_moves_the_mention_and_goes_to_the_next_fact(operator_client):  # type: ignore[no-untyped-def]
    right, wrong = make_org(name_en="Right Org"), make_org(name_en="Wrong Org")
    doc = make_document("Right Org met Wrong Org in Minsk.")
    claim = make_claim(doc, start=0, end=9, entity=wrong, candidates=[wrong, right])
    following = make_claim(doc, start=10, end=13)
    response = operator_client.post(f"/operator/review/{claim.pk}/", {"decision": "pick", "entity_id": str(right.pk)})
    assert response.status_code == 302 and str(following.pk) in response["Location"]
    claim.refresh_from_db()
    assert claim.status == "corrected" and claim.entity == right and claim.reviewer is not None


def test_correcting_to_a_new_entity_creates_it_with_the_right_type(operator_client):  # type: ignore[no-untyped-def]
    doc = make_document("Anton Alekseev opened the forum.")
    claim = make_claim(doc, start=0, end=14, entity=make_org(name_en="Anton Alekseev"))
    response = operator_client.post(f"/operator/review/{claim.pk}/", {
        "decision": "correct", "name": "Anton Alekseev", "entity_type": "person", "note": "a person"})
    assert response.status_code == 302
    claim.refresh_from_db()
    assert claim.status == "corrected" and claim.entity.entity_type == "person"


def test_a_correction_without_an_entity_explains_what_is_missing(operator_client):  # type: ignore[no-untyped-def]
    claim = make_claim(make_document())
    response = operator_client.post(f"/operator/review/{claim.pk}/", {"decision": "correct"})
    assert response.status_code == 400
    assert "needs the right entity" in response.content.decode()
    claim.refresh_from_db()
    assert claim.status == "proposed"


def test_queue_confirm_and_reject_buttons(operator_client):  # type: ignore[no-untyped-def]
    doc = make_document()
    first, second = make_claim(doc, start=0, end=2), make_claim(doc, start=3, end=8)
    operator_client.post(f"/operator/review/{first.pk}/", {"decision": "confirm"})
    operator_client.post(f"/operator/review/{second.pk}/", {"decision": "reject"})
    assert set(Claim.objects.values_list("status", flat=True)) == {"confirmed", "rejected"}
    queue = operator_client.get("/operator/review/").content.decode()
    assert "Nothing to review" in queue


def test_merge_from_search_results_and_undo(operator_client):  # type: ignore[no-untyped-def]
    keep, dup = make_org(name_en="Xiamen Software Park"), make_org(name_en="Xiamen Soft Park")
    found = operator_client.get("/operator/merge/", {"q": "xiamen"}).content.decode()
    assert str(keep.pk) in found and str(dup.pk) in found
    response = operator_client.post("/operator/merge/", {"survivor": str(keep.pk), "loser": str(dup.pk)})
    assert response.status_code == 302
    assert not Entity.objects.filter(pk=dup.pk).exists()
    record = MergeRecord.objects.get()
    operator_client.post(f"/operator/merge/{record.pk}/undo/")
    assert Entity.objects.filter(pk=dup.pk).exists()
    assert "undone" in operator_client.get("/operator/merge/").content.decode()


def test_merge_page_suggests_entities_sharing_a_name(operator_client):  # type: ignore[no-untyped-def]
    make_org(name_en="Hi-Tech Park", country="BY")
    make_org(name_en="Hi-Tech Park")
    page = operator_client.get("/operator/merge/").content.decode()
    assert "Possible duplicates" in page, page[page.find("<main"):][:3000]
    assert "?q=hi" in page


def test_merging_an_entity_into_itself_is_explained(operator_client):  # type: ignore[no-untyped-def]
    org = make_org(name_en="Acme")
    response = operator_client.post("/operator/merge/", {"survivor": str(org.pk), "loser": str(org.pk)})
    assert response.status_code == 400 and "into itself" in response.content.decode()


def test_audit_log_can_be_filtered(operator_client):  # type: ignore[no-untyped-def]
    make_org(name_en="Logged Org")
    keep, dup = make_org(name_en="K"), make_org(name_en="D")
    operator_client.post("/operator/merge/", {"survivor": str(keep.pk), "loser": str(dup.pk)})
    everything = operator_client.get("/operator/audit/").content.decode()
    assert "entity.create" in everything and "entity.merge" in everything
    merges = operator_client.get("/operator/audit/", {"action": "merge"}).content.decode()
    assert "entity.merge" in merges and "entity.create" not in merges
    by_actor = operator_client.get("/operator/audit/", {"actor": "operator"}).content.decode()
    assert "entity.merge" in by_actor and "entity.create" not in by_actor
    assert AuditLog.objects.filter(action="entity.merge").count() == 1


def test_token_is_shown_once_and_can_be_revoked(operator_client):  # type: ignore[no-untyped-def]
    from coopnode.web.api.models import ApiToken

    created = operator_client.post("/operator/tokens/", {"name": "nightly import"}).content.decode()
    token = ApiToken.objects.get()
    assert f"<code>{token.prefix}" in created
    listing = operator_client.get("/operator/tokens/").content.decode()
    assert "nightly import" in listing and "not shown again" not in listing
    operator_client.post(f"/operator/tokens/{token.pk}/revoke/")
    token.refresh_from_db()
    assert token.revoked_at is not None


@pytest.mark.skipif(not SEED.exists(), reason="shared seed press release not available")
def test_the_seed_press_release_end_to_end_through_the_real_pipeline(client):  # type: ignore[no-untyped-def]
    """No fakes: the operator uploads the model press release, every proposed fact in the queue
    shows the exact span it was read from, and confirming one goes through."""
    client.force_login(make_operator())
    upload = SimpleUploadedFile(SEED.name, SEED.read_bytes(), "text/plain")
    response = client.post("/operator/upload/", {"file": upload})
    assert response.status_code == 302, response.content.decode()[:2000]
    doc = Document.objects.get()
    claims = list(Claim.objects.filter(document=doc, kind="mention"))
    assert claims
    queue = client.get(response["Location"] + "&kind=mention").content.decode()
    for claim in claims[:5]:
        assert doc.text[claim.start:claim.end] == claim.text
    import html

    assert f"<mark>{html.escape(claims[0].text)}</mark>" in queue
    client.post(f"/operator/review/{claims[0].pk}/", {"decision": "confirm"})
    claims[0].refresh_from_db()
    assert claims[0].status == "confirmed"


def test_a_candidate_merged_since_is_offered_as_its_survivor(operator_client):  # type: ignore[no-untyped-def]
    from coopnode.web.registry.merge import do_merge

    survivor, duplicate = make_org(name_en="Belarus Ministry of Communications"), make_org(name_en="Mincom")
    claim = make_claim(make_document(), candidates=[duplicate])
    do_merge(survivor, duplicate, actor="test")
    page = operator_client.get(f"/operator/review/{claim.pk}/").content.decode()
    assert "Belarus Ministry of Communications</strong>" in page
    operator_client.post(f"/operator/review/{claim.pk}/", {"decision": "pick", "entity_id": str(duplicate.pk)})
    claim.refresh_from_db()
    assert claim.entity == survivor
