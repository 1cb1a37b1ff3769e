"""Member accounts: invited by operators, editing only their own organization's profile."""

from __future__ import annotations

import re

import pytest
from django.core import mail

from coopnode.web.members.models import Membership
from coopnode.web.registry.models import AuditLog
from tests.factories import make_org
from tests.web.api.makers import make_member, make_operator, make_user

pytestmark = pytest.mark.django_db


def edit(client, org, **fields):  # type: ignore[no-untyped-def]
    data = {"description": "", "website": "", "version": org.version, "new_name": "", "new_name_lang": "en",
            "new_name_kind": "alias", **fields}
    return client.post(f"/members/organizations/{org.pk}/", data)


def test_member_edits_own_profile_and_adds_a_name(client):  # type: ignore[no-untyped-def]
    org = make_org(name_en="Urumqi Digital Association")
    client.force_login(make_member(org))
    page = client.get("/members/", follow=True)
    assert page.status_code == 200 and "Urumqi Digital Association" in page.content.decode()
    response = edit(client, org, description="Software firms of Xinjiang.", website="https://example.org",
                    new_name="乌鲁木齐数字协会", new_name_lang="zh")
    assert response.status_code == 302
    org.refresh_from_db()
    assert org.description == "Software firms of Xinjiang." and org.website == "https://example.org"
    assert org.names.filter(text="乌鲁木齐数字协会", lang="zh").exists()
    assert AuditLog.objects.filter(action="entity.update", object_id=str(org.pk), actor="member").exists()


def test_member_cannot_open_or_edit_another_organization(client):  # type: ignore[no-untyped-def]
    own, other = make_org(name_en="Own"), make_org(name_en="Other")
    client.force_login(make_member(own))
    assert client.get(f"/members/organizations/{other.pk}/").status_code == 403
    assert edit(client, other, description="hijacked").status_code == 403
    other.refresh_from_db()
    assert other.description == ""


def test_operator_may_edit_any_organization(client):  # type: ignore[no-untyped-def]
    org = make_org(name_en="Any")
    client.force_login(make_operator())
    assert edit(client, org, description="Checked by the operator.").status_code == 302


def test_a_user_without_membership_is_told_so(client):  # type: ignore[no-untyped-def]
    client.force_login(make_user())
    response = client.get("/members/")
    assert response.status_code == 200
    assert "not tied to an organization" in response.content.decode()


def test_stale_form_is_a_conflict_not_a_lost_edit(client):  # type: ignore[no-untyped-def]
    org = make_org(name_en="Acme")
    client.force_login(make_member(org))
    stale_version = org.version
    assert edit(client, org, description="first").status_code == 302
    org.version = stale_version
    response = edit(client, org, description="second")
    assert response.status_code == 409
    assert "changed by someone else" in response.content.decode()
    org.refresh_from_db()
    assert org.description == "first"


def test_operator_invites_a_member_who_gets_a_password_link(client):  # type: ignore[no-untyped-def]
    org = make_org(name_en="Minsk IT Park")
    client.force_login(make_operator())
    response = client.post("/operator/members/", {"username": "anna", "email": "anna@example.org",
                                                  "organization": str(org.pk)})
    assert response.status_code == 302, response.content
    membership = Membership.objects.get(user__username="anna")
    assert membership.organization == org
    assert not membership.user.has_usable_password()
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["anna@example.org"]
    link = re.search(r"https?://\S+/accounts/reset/\S+", mail.outbox[0].body)
    assert link, mail.outbox[0].body
    client.logout()
    assert client.get(link.group(0), follow=True).status_code == 200


def test_members_cannot_invite(client):  # type: ignore[no-untyped-def]
    org = make_org(name_en="Acme")
    client.force_login(make_member(org))
    response = client.post("/operator/members/", {"username": "eve", "organization": str(org.pk)})
    assert response.status_code == 403
    assert not Membership.objects.filter(user__username="eve").exists()


def test_member_manages_own_tokens_only(client):  # type: ignore[no-untyped-def]
    from coopnode.web.api.tokens import do_create_token

    org = make_org(name_en="Acme")
    member = make_member(org)
    others, _ = do_create_token(make_user("someone-else"))
    client.force_login(member)
    page = client.post("/members/tokens/", {"name": "sync script"})
    assert "cn_" in page.content.decode()
    assert client.post(f"/members/tokens/{others.pk}/revoke/").status_code == 403
    others.refresh_from_db()
    assert others.revoked_at is None


def test_operator_names_the_organization_instead_of_its_id(client):  # type: ignore[no-untyped-def]
    org = make_org(name_en="Urumqi Software Association", name_ru="Ассоциация разработчиков Урумчи")
    make_org(name_en="Urumqi Trade Office")
    client.force_login(make_operator())
    ambiguous = client.post("/operator/members/", {"username": "li", "organization": "Urumqi"})
    assert ambiguous.status_code == 400 and "Several organizations match" in ambiguous.content.decode()
    response = client.post("/operator/members/", {"username": "li", "organization": "Ассоциация разработчиков"})
    assert response.status_code == 302
    assert Membership.objects.get(user__username="li").organization == org
