from __future__ import annotations

import pytest
from django.db import connection

from coopnode.web.registry.actions import (
    ConcurrentEditError,
    NameSpec,
    RegistryError,
    do_add_name,
    do_update_entity,
)
from coopnode.web.registry.models import AuditLog, Entity, NameKey
from coopnode.web.registry.models.events import format_partial_date, parse_partial_date
from tests.factories import make_org, make_place

pytestmark = pytest.mark.django_db


def test_sqlite_runs_in_wal_mode_with_foreign_keys():
    if connection.vendor != "sqlite":
        pytest.skip("SQLite only")
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA foreign_keys")
        assert cursor.fetchone()[0] == 1
        cursor.execute("PRAGMA journal_mode")
        # the test database may live in memory; on disk it must be WAL
        assert cursor.fetchone()[0] in ("wal", "memory")


def test_an_entity_is_found_by_any_of_its_names_in_any_language():
    city = make_place(name_en="Urumqi", name_ru="Урумчи", name_zh="乌鲁木齐", country="CN")
    for text in ("urumqi", "урумчи", "乌鲁木齐"):
        from coopnode.resolve.normalize import normalize

        assert NameKey.objects.filter(key=normalize(text)).values_list("entity", flat=True).first() == city.pk
    assert {n.lang for n in city.names.all()} == {"en", "ru", "zh"}
    assert {n.script for n in city.names.all()} == {"Latn", "Cyrl", "Hans"}


def test_adding_the_same_name_twice_keeps_one():
    org = make_org(name_en="Ministry of Industry and Information Technology")
    do_add_name(org, NameSpec("MIIT", "en", "abbreviation"))
    do_add_name(org, NameSpec("MIIT", "en", "abbreviation"))
    assert org.names.filter(text="MIIT").count() == 1


def test_an_entity_needs_a_name():
    with pytest.raises(RegistryError):
        make_org()


def test_concurrent_edit_is_refused_and_nothing_is_lost():
    org = make_org(name_en="Urumqi Foreign Trade Association")
    first_editor_version = org.version
    do_update_entity(org, expected_version=first_editor_version, description="Set by the first editor", actor="a")
    stale = Entity.objects.get(pk=org.pk)
    stale.version = first_editor_version  # the second editor loaded the page before the first saved
    with pytest.raises(ConcurrentEditError):
        do_update_entity(stale, expected_version=first_editor_version, description="Second editor", actor="b")
    assert Entity.objects.get(pk=org.pk).description == "Set by the first editor"


def test_every_change_is_in_the_audit_log():
    org = make_org(name_en="High-Tech Park")
    do_update_entity(org, expected_version=org.version, country="BY", actor="operator-1")
    actions = list(AuditLog.objects.filter(object_id=str(org.pk)).values_list("action", "actor"))
    assert ("entity.create", "test") in actions
    assert ("entity.update", "operator-1") in actions


@pytest.mark.parametrize("value", ["2026-06-05", "2026-06", "2026"])
def test_partial_dates_keep_their_precision(value):
    date, precision = parse_partial_date(value)
    assert format_partial_date(date, precision) == value
