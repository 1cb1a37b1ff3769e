"""Merging duplicates moves every link to the survivor, and undoing puts everything back."""

from __future__ import annotations

import pytest

from coopnode.web.registry.actions import NameSpec, RegistryError, do_add_name
from coopnode.web.registry.merge import do_merge, do_unmerge, suggest_duplicates
from coopnode.web.registry.models import AuditLog, Entity, EventParticipant, Position
from tests.factories import make_org, make_person, make_place
from tests.web.api.makers import (
    make_agreement,
    make_claim,
    make_document,
    make_event,
    make_member,
    make_project,
)

pytestmark = pytest.mark.django_db


def snapshot(entity: Entity) -> dict[str, object]:
    """Everything that hangs on an entity, comparable before and after."""
    return {
        "names": sorted(entity.names.values_list("text", "lang", "kind")),
        "claims": sorted(str(pk) for pk in entity.claims.values_list("pk", flat=True)),
        "positions": sorted(str(pk) for pk in Position.objects.filter(organization=entity).values_list("pk", flat=True)),
        "events": sorted((str(e), r) for e, r in EventParticipant.objects.filter(entity=entity).values_list("event_id", "role")),
        "agreements": sorted(str(pk) for pk in entity.agreements.values_list("pk", flat=True)),
        "projects": sorted(str(pk) for pk in entity.projects.values_list("pk", flat=True)),
        "children": sorted(str(pk) for pk in Entity.all_objects.filter(parent=entity).values_list("pk", flat=True)),
        "country": Entity.all_objects.get(pk=entity.pk).country,
    }


@pytest.fixture
def duplicates():  # type: ignore[no-untyped-def]
    survivor = make_org(name_en="Xiamen Software Park", name_ru="Сямэньский софтверный парк")
    loser = make_org(name_en="Xiamen Software Park", name_zh="厦门软件园", country="CN")
    person = make_person(name_en="Li Wei")
    Position.objects.create(person=person, organization=loser, title="director")
    shared_event = make_event(title="Forum", participants=(survivor, loser))
    own_event = make_event(title="Visit", participants=(loser,))
    EventParticipant.objects.filter(event=own_event).update(role="host")
    make_agreement(parties=(loser, survivor))
    make_project(parties=(loser,))
    make_org(name_en="Xiamen branch", parent=loser)
    make_claim(make_document(), entity=loser)
    return survivor, loser, shared_event


def test_merge_moves_every_link_to_the_survivor(duplicates):  # type: ignore[no-untyped-def]
    survivor, loser, shared_event = duplicates
    do_merge(survivor, loser, actor="test")
    after = snapshot(survivor)
    assert ("厦门软件园", "zh", "official") in after["names"]
    assert len(after["claims"]) == 1 and len(after["positions"]) == 1 and len(after["children"]) == 1
    assert len(after["events"]) == 2 and len(after["agreements"]) == 1 and len(after["projects"]) == 1
    assert after["country"] == "CN", "blank fields of the survivor are filled from the duplicate"
    assert not Entity.objects.filter(pk=loser.pk).exists(), "the duplicate is hidden"
    assert Entity.all_objects.get(pk=loser.pk).merged_into_id == survivor.pk
    assert AuditLog.objects.filter(action="entity.merge", object_id=str(survivor.pk)).exists()


def test_undo_restores_both_entities_exactly(duplicates):  # type: ignore[no-untyped-def]
    survivor, loser, _ = duplicates
    before = (snapshot(survivor), snapshot(loser))
    record = do_merge(survivor, loser, actor="test")
    restored = do_unmerge(record, actor="test")
    assert restored.merged_into_id is None
    assert (snapshot(survivor), snapshot(Entity.objects.get(pk=loser.pk))) == before
    assert AuditLog.objects.filter(action="entity.unmerge", object_id=str(loser.pk)).exists()


def test_undo_twice_is_refused(duplicates):  # type: ignore[no-untyped-def]
    survivor, loser, _ = duplicates
    record = do_merge(survivor, loser, actor="test")
    do_unmerge(record, actor="test")
    with pytest.raises(RegistryError):
        do_unmerge(record, actor="test")


def test_undo_keeps_what_changed_on_the_survivor_since(duplicates):  # type: ignore[no-untyped-def]
    survivor, loser, _ = duplicates
    record = do_merge(survivor, loser, actor="test")
    Entity.objects.filter(pk=survivor.pk).update(country="SG")
    do_add_name(survivor, NameSpec("XSP", "en", "abbreviation"))
    do_unmerge(record, actor="test")
    survivor.refresh_from_db()
    assert survivor.country == "SG"
    assert survivor.names.filter(text="XSP").exists()


@pytest.mark.parametrize("case", ["self", "types", "twice"])
def test_nonsense_merges_are_refused(case):  # type: ignore[no-untyped-def]
    org = make_org(name_en="Acme")
    if case == "self":
        other = org
    elif case == "types":
        other = make_place(name_en="Acme")
    else:
        other = make_org(name_en="Acme Inc")
        do_merge(make_org(name_en="Acme Group"), other, actor="test")
    with pytest.raises(RegistryError):
        do_merge(org, other, actor="test")


def test_a_chain_of_merges_points_to_the_last_survivor():  # type: ignore[no-untyped-def]
    a, b, c = make_org(name_en="A1"), make_org(name_en="A2"), make_org(name_en="A3")
    do_merge(b, a, actor="test")
    do_merge(c, b, actor="test")
    assert Entity.all_objects.get(pk=a.pk).merged_into_id == c.pk


def test_members_of_the_duplicate_now_speak_for_the_survivor():  # type: ignore[no-untyped-def]
    from coopnode.web.members.actions import organization_of

    survivor, loser = make_org(name_en="Minsk IT Park"), make_org(name_en="Hi-Tech Park Minsk")
    member = make_member(loser)
    record = do_merge(survivor, loser, actor="test")
    assert organization_of(member) == survivor
    do_unmerge(record, actor="test")
    assert organization_of(member) == loser


def test_entities_sharing_a_name_are_suggested_until_merged():  # type: ignore[no-untyped-def]
    first = make_org(name_en="Minsk City Executive Committee")
    second = make_org(name_en="MINSK  city executive committee", country="BY")
    make_place(name_en="Minsk")
    make_org(name_en="Minsk")  # same name, other type: not a duplicate of the place
    groups = suggest_duplicates()
    assert [{e.pk for e in g["entities"]} for g in groups] == [{first.pk, second.pk}]
    do_merge(first, second, actor="test")
    assert suggest_duplicates() == []
