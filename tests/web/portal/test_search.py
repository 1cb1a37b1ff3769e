"""Search: one box over every name and document, in three scripts, on both database backends."""

from __future__ import annotations

import pytest
from django.db import connection

from coopnode.web.portal import search
from coopnode.web.portal.models import SearchEntry
from coopnode.web.registry.actions import NameSpec, do_add_name
from coopnode.web.registry.models import Entity
from tests.factories import make_org, make_place

pytestmark = pytest.mark.django_db


def entity_ids(query: str) -> list:
    return [h.object_id for h in search.search(query) if h.kind == "entity"]


def test_the_city_is_found_by_its_russian_english_and_chinese_names(scene):
    for query in ("Урумчи", "Urumqi", "乌鲁木齐", "urumqi", "УРУМЧИ"):
        assert entity_ids(query)[0] == scene.urumqi.pk, query


def test_a_spelling_known_only_as_a_transliteration_key_still_finds_the_city(scene):
    # "wulumuqi" is nobody's written name, but it is the pinyin key of 乌鲁木齐
    assert scene.urumqi.pk in entity_ids("Wulumuqi")


def test_latin_diacritics_do_not_matter():
    city = make_place(name_en="Ürümqi")
    assert city.pk in entity_ids("Urumqi")


def test_an_inflected_russian_word_finds_the_name(scene):
    # "Беларуси" (genitive) must reach "Республика Беларусь"
    assert scene.belarus.pk in entity_ids("Беларуси")


def test_chinese_documents_are_searchable_word_by_word(scene):
    from coopnode.web.registry.models import Document

    doc = Document.objects.create(
        source="zh.txt", sha256="1" * 64, language="zh", title="乌鲁木齐获批网络节点",
        text="乌鲁木齐市获得工业和信息化部批准，成为金砖国家数字产业生态合作网络城市节点。",
    )
    documents = [h.object_id for h in search.search("数字产业") if h.kind == "document"]
    assert documents == [doc.pk]
    # a two-character query inside a longer word still matches
    assert doc.pk in [h.object_id for h in search.search("金砖")]


def test_russian_document_text_is_searchable(scene):
    hits = [h.object_id for h in search.search("церемония запуска") if h.kind == "document"]
    assert hits == [scene.document.pk]


def test_entities_come_before_documents(scene):
    kinds = [h.kind for h in search.search("Урумчи")]
    assert kinds[0] == "entity" and "document" in kinds
    assert kinds.index("document") > max(i for i, k in enumerate(kinds) if k == "entity")


def test_a_name_added_later_is_searchable_at_once():
    org = make_org(name_en="Digital Silk Road Centre")
    assert org.pk not in entity_ids("Цифровой шёлковый путь")
    do_add_name(org, NameSpec("Центр «Цифровой шёлковый путь»", "ru", "official", "test"))
    assert org.pk in entity_ids("Цифровой шёлковый путь")


def test_a_merged_entity_leaves_the_index():
    dup = make_org(name_en="Xinjiang Chamber Duplicate")
    keeper = make_org(name_en="Xinjiang Chamber")
    assert dup.pk in entity_ids("Xinjiang Chamber Duplicate")
    dup.merged_into = keeper
    dup.save()
    assert dup.pk not in entity_ids("Xinjiang Chamber Duplicate")


def test_a_deleted_record_leaves_the_index(scene):
    scene.document.delete()
    assert not SearchEntry.objects.filter(object_id=scene.document.pk).exists()
    assert "document" not in {h.kind for h in search.search("церемония")}


def test_rebuild_restores_a_lost_index(scene):
    SearchEntry.objects.all().delete()
    counts = search.rebuild_index()
    assert counts["entity"] == Entity.objects.count()
    assert counts["document"] == 1
    assert scene.document.pk in [h.object_id for h in search.search("церемония")]


@pytest.mark.parametrize("query", ['"', "AND OR NOT", "*", "a:b", "(((", "NEAR(x y)", "'; drop", "  "])
def test_query_syntax_characters_never_break_search(scene, query):
    assert isinstance(search.search(query), list)


def test_the_backend_full_text_index_exists():
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE name = 'portal_search_fts'")
        elif connection.vendor == "postgresql":
            cursor.execute("SELECT indexname FROM pg_indexes WHERE indexname = 'portal_searchentry_body_fts'")
        else:
            pytest.skip("no full-text index on this backend")
        assert cursor.fetchone() is not None


def test_segmentation_cuts_chinese_and_keeps_other_scripts_as_words():
    words = search.segment("Урумчи 乌鲁木齐市对外贸易协会 Ürümqi-City")
    assert "урумчи" in words and "urumqi" in words and "city" in words
    assert "乌鲁木齐" in words or "乌鲁木齐市" in words
    assert all(" " not in w for w in words)


def test_snippet_shows_the_text_around_the_match():
    text = "Начало. " + "слово " * 50 + "Урумчи получил одобрение. " + "ещё " * 50
    snippet = search.snippet(text, "Урумчи")
    assert "Урумчи" in snippet and snippet.startswith("…")


def test_a_name_in_one_script_finds_documents_written_in_another(scene):
    # the document is Russian; the association is searched by its Chinese name
    documents = [h.object_id for h in search.search("乌鲁木齐市对外贸易协会") if h.kind == "document"]
    assert documents == [scene.document.pk]


def test_a_rejected_mention_does_not_tie_a_document_to_an_entity(scene):
    ids = search._documents_mentioning([scene.urumqi.pk])
    assert ids == []


def test_an_empty_index_over_a_filled_registry_heals_itself_on_the_first_search(scene):
    SearchEntry.objects.all().delete()
    hits = search.search("церемония")
    assert scene.document.pk in [h.object_id for h in hits]


def test_loading_a_dump_does_not_index_half_loaded_records(scene, tmp_path):
    # restore on PostgreSQL uses dumpdata/loaddata: the dump's own search rows must load cleanly
    from django.core.management import call_command

    dump = tmp_path / "dump.json"
    call_command("dumpdata", "registry.entity", "registry.entityname", "portal.searchentry",
                 output=str(dump), verbosity=0)
    Entity.all_objects.all().delete()
    SearchEntry.objects.all().delete()
    call_command("loaddata", str(dump), verbosity=0)
    assert scene.urumqi.pk in [h.object_id for h in search.search("Урумчи")]
