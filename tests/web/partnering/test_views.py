"""Portal pages of partnering: who may open what, and that forms reach the actions."""

from __future__ import annotations

import pytest

from coopnode.web.partnering.models import ExpressionOfInterest, ProfileStatus

pytestmark = pytest.mark.django_db


def test_public_browse_lists_published_profiles_with_filters(client, make_member, operator, org_ru, org_cn, make_profile):
    anna, li = make_member("anna", org_ru), make_member("li", org_cn)
    make_profile(anna, org_ru, publish_by=operator, title="Document workflow for ministries", language="en",
                 sectors=["gov.edoc"], profile_type="business_offer")
    make_profile(li, org_cn, publish_by=operator, title="采购农业无人机", language="zh", profile_type="business_request")
    make_profile(anna, org_ru, title="Unpublished draft")

    body = client.get("/partnering/").content.decode()
    assert "Document workflow for ministries" in body and "采购农业无人机" in body
    assert "Unpublished draft" not in body
    only_zh = client.get("/partnering/?language=zh").content.decode()
    assert "采购农业无人机" in only_zh and "Document workflow" not in only_zh
    by_sector = client.get("/partnering/?sector=gov").content.decode()  # a top-level group finds its children
    assert "Document workflow" in by_sector and "采购农业无人机" not in by_sector
    by_type = client.get("/partnering/?type=business_request&q=无人机").content.decode()
    assert "采购农业无人机" in by_type and "Document workflow" not in by_type


def test_member_creates_and_submits_a_profile_through_the_form(client, make_member, org_ru):
    anna = make_member("anna", org_ru)
    client.force_login(anna)
    response = client.post("/partnering/new/", {
        "profile_type": "technology_offer", "title": "Qualified e-signature server", "language": "en",
        "sectors": ["gov.edoc"], "cooperation_types": ["licence"], "target_countries": "CN, BY",
        "expires": "2099-01-01", "submit": "1",
    })
    assert response.status_code == 302
    profile = anna.cooperation_profiles.get()
    assert profile.status == ProfileStatus.SUBMITTED and profile.owner_org == org_ru
    assert profile.target_countries == ["CN", "BY"]
    assert "Qualified e-signature server" in client.get("/partnering/mine/").content.decode()


def test_form_shows_validation_errors_instead_of_failing(client, make_member, org_ru):
    client.force_login(make_member("anna", org_ru))
    response = client.post("/partnering/new/", {"profile_type": "business_offer", "title": "x", "language": "en",
                                                "target_countries": "Russia"})
    assert response.status_code == 200
    assert "two-letter" in response.content.decode()


def test_drafts_are_hidden_from_others_and_edit_is_refused(client, make_member, org_ru, org_cn, make_profile):
    draft = make_profile(make_member("anna", org_ru), org_ru, title="Secret draft")
    assert client.get(draft.get_absolute_url()).status_code == 404
    client.force_login(make_member("li", org_cn))
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(f"/partnering/{draft.pk}/edit/").status_code == 403


def test_operator_queue_publishes_and_asks_for_changes(client, make_member, operator, org_ru, make_profile):
    anna = make_member("anna", org_ru)
    first = make_profile(anna, org_ru, title="First")
    second = make_profile(anna, org_ru, title="Second")
    for p in (first, second):
        client.force_login(anna)
        client.post(f"/partnering/{p.pk}/submit/")
    client.force_login(anna)
    assert client.get("/partnering/operator/").status_code == 403

    client.force_login(operator)
    queue = client.get("/partnering/operator/").content.decode()
    assert "First" in queue and "Second" in queue
    client.post(f"/partnering/operator/profiles/{first.pk}/review/", {"decision": "publish"})
    client.post(f"/partnering/operator/profiles/{second.pk}/review/", {"decision": "changes", "note": "Add a summary"})
    first.refresh_from_db(), second.refresh_from_db()
    assert first.status == ProfileStatus.PUBLISHED
    assert second.status == ProfileStatus.CHANGES_REQUESTED and second.operator_note == "Add a summary"


def test_interest_pages_hide_contact_until_accepted(client, make_member, operator, org_ru, org_cn, make_profile):
    anna, li = make_member("anna", org_ru), make_member("li", org_cn)
    profile = make_profile(anna, org_ru, publish_by=operator, contact_email="sales@docsys.example")
    client.force_login(li)
    assert "sales@docsys.example" not in client.get(profile.get_absolute_url()).content.decode()
    client.post(f"/partnering/{profile.pk}/interest/", {"message": "Hello"})
    interest = ExpressionOfInterest.objects.get()
    assert "sales@docsys.example" not in client.get(profile.get_absolute_url()).content.decode()

    client.force_login(anna)
    assert "Hello" in client.get("/partnering/interests/").content.decode()
    client.post(f"/partnering/interests/{interest.pk}/respond/", {"decision": "accept"})

    client.force_login(li)
    assert "sales@docsys.example" in client.get(profile.get_absolute_url()).content.decode()


def test_refused_action_becomes_a_message_not_an_error_page(client, make_member, operator, org_ru, make_profile):
    anna = make_member("anna", org_ru)
    profile = make_profile(anna, org_ru, publish_by=operator)
    client.force_login(anna)
    response = client.post(f"/partnering/{profile.pk}/interest/", {"message": "me"}, follow=True)
    assert response.status_code == 200
    assert "your own organization" in response.content.decode()


def test_pages_render_in_russian_and_chinese(client, make_member, org_ru):
    client.force_login(make_member("anna", org_ru))
    for lang in ("ru", "zh-hans"):
        response = client.get("/partnering/new/", HTTP_ACCEPT_LANGUAGE=lang)
        assert response.status_code == 200
        assert f'lang="{lang}"' in response.content.decode()


def test_partnering_pages_are_translated(client, make_member, org_ru):
    client.force_login(make_member("anna", org_ru))
    ru = client.get("/partnering/mine/", HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    zh = client.get("/partnering/mine/", HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert "Мои профили" in ru and "我的资料" in zh


def test_admin_lists_profiles_for_operators(client, make_member, operator, org_ru, make_profile):
    make_profile(make_member("anna", org_ru), org_ru, title="Visible in admin")
    operator.is_superuser = True
    operator.save()
    client.force_login(operator)
    response = client.get("/admin/partnering/cooperationprofile/")
    assert response.status_code == 200 and "Visible in admin" in response.content.decode()
