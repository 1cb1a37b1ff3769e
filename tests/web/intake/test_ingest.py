"""Ingesting documents: idempotent, atomic, and clear about bad input."""

from __future__ import annotations

import pytest

from coopnode.web.intake import actions as intake_actions
from coopnode.web.intake.actions import do_ingest
from coopnode.web.intake.sources import IntakeError, SourceItem, iter_sources
from coopnode.web.registry.models import Claim, Document, Entity, Event
from tests.conftest import SEED

pytestmark = pytest.mark.django_db

RU_TEXT = (
    "5 июня 2026 года в Минске заместитель Министра связи и информатизации Республики Беларусь "
    "Антон Алексеев провел встречу с делегацией города Урумчи.\n"
).encode()


def item(data: bytes, source: str = "test.txt") -> SourceItem:
    return SourceItem(source=source, kind="file", data=data)


def test_the_same_document_twice_is_stored_once():
    first = do_ingest(item(RU_TEXT), actor="test")
    second = do_ingest(item(RU_TEXT, source="copy.txt"), actor="test")
    assert first.created and not second.created
    assert second.document.pk == first.document.pk
    assert Document.objects.count() == 1


def test_ingest_stores_facts_with_their_source_span_as_proposed_claims():
    result = do_ingest(item(RU_TEXT), actor="test")
    doc = result.document
    claims = list(doc.claims.all())
    assert claims, "the extractor found nothing"
    for claim in claims:
        assert claim.status == "proposed"
        if claim.kind == Claim.Kind.MENTION:
            assert doc.text[claim.start:claim.end] == claim.text
            assert claim.text in claim.sentence
    names = {c.entity.name for c in claims if c.kind == Claim.Kind.MENTION}
    assert "Антон Алексеев" in names


def test_a_crash_half_way_leaves_nothing_half_stored(monkeypatch):
    real_store = intake_actions.store_extraction

    def store_then_crash(document, result, contract, *, actor):
        real_store(document, result, contract, actor=actor)
        raise RuntimeError("power cut")

    monkeypatch.setattr(intake_actions, "store_extraction", store_then_crash)
    entities_before = Entity.objects.count()
    with pytest.raises(RuntimeError):
        do_ingest(item(RU_TEXT), actor="test")
    assert Document.objects.count() == 0
    assert Claim.objects.count() == 0
    assert Event.objects.count() == 0
    assert Entity.objects.count() == entities_before
    # and the document can be ingested afterwards
    monkeypatch.setattr(intake_actions, "store_extraction", real_store)
    assert do_ingest(item(RU_TEXT), actor="test").created


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"   \n\t  ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary"),
    ],
)
def test_bad_input_gets_a_clear_error_and_stores_nothing(data, message):
    with pytest.raises(IntakeError, match=message):
        do_ingest(item(data), actor="test")
    assert Document.objects.count() == 0


def test_a_document_over_the_size_limit_is_refused(tmp_path, settings):
    settings.COOPNODE_MAX_DOCUMENT_BYTES = 1024 * 1024
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * (1024 * 1024 + 1))
    with pytest.raises(IntakeError, match="limit"):
        list(iter_sources(str(big)))
    assert Document.objects.count() == 0


def test_a_windows_1251_file_is_read_correctly(tmp_path):
    path = tmp_path / "cp1251.txt"
    path.write_bytes(RU_TEXT.decode().encode("cp1251"))
    (source,) = list(iter_sources(str(path)))
    doc = do_ingest(source, actor="test").document
    assert "Антон Алексеев" in doc.text


def test_an_unreachable_url_is_a_one_line_error():
    with pytest.raises(IntakeError, match="cannot be reached") as info:
        list(iter_sources("http://127.0.0.1:9/news/1"))
    assert "\n" not in str(info.value)


def test_a_missing_file_is_a_one_line_error(tmp_path):
    with pytest.raises(IntakeError, match="no such file"):
        list(iter_sources(str(tmp_path / "absent.txt")))


@pytest.mark.skipif(not SEED.exists(), reason="shared/seed not beside the checkout")
def test_the_seed_press_release_is_stored_with_its_provenance():
    (source,) = list(iter_sources(str(SEED)))
    doc = do_ingest(source, actor="test").document
    assert doc.language == "ru"
    assert str(doc.published) == "2026-06-05"
    events = {(e.event_type, e.date_iso, e.status) for e in Event.objects.all()}
    assert ("meeting", "2026-06-05", "past") in events
    assert ("ceremony", "2026-06-26", "planned") in events


def test_the_same_event_told_by_two_documents_is_one_registry_event():
    do_ingest(item(RU_TEXT, "first.txt"), actor="test")
    retold = (
        "Как сообщалось, 5 июня 2026 года Антон Алексеев провел встречу с делегацией "
        "города Урумчи в Минске.\n"
    ).encode()
    do_ingest(item(retold, "second.txt"), actor="test")
    meetings = Event.objects.filter(event_type="meeting", date="2026-06-05")
    assert meetings.count() == 1
    assert meetings.get().claims.values("document").distinct().count() == 2
