"""Profile life cycle, permissions, expressions of interest and expiry, through the actions."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core import mail
from django.utils import timezone

from coopnode.web.partnering import actions as A
from coopnode.web.partnering.models import InterestStatus, Notification, ProfileStatus
from coopnode.web.registry.models import AuditLog

pytestmark = pytest.mark.django_db


def test_profile_goes_through_validation_before_it_is_published(make_member, operator, org_ru, make_profile, django_capture_on_commit_callbacks):
    owner = make_member("anna", org_ru, email="anna@example.org")
    profile = make_profile(owner, org_ru, title="Electronic document management for ministries")
    assert profile.status == ProfileStatus.DRAFT
    assert profile.country == "RU"  # taken from the organization

    with pytest.raises(A.PartneringPermissionError):
        A.do_publish_profile(owner, A.do_submit_profile(owner, profile))
    profile.refresh_from_db()
    assert profile.status == ProfileStatus.SUBMITTED

    with django_capture_on_commit_callbacks(execute=True):
        profile = A.do_request_changes(operator, profile, "Please add the languages you support.")
    assert profile.status == ProfileStatus.CHANGES_REQUESTED
    assert Notification.objects.filter(user=owner, kind="changes_requested").exists()
    assert any("languages you support" in m.body for m in mail.outbox)

    profile = A.do_update_profile(owner, profile, {"summary": "Russian, Chinese and English interfaces."})
    profile = A.do_submit_profile(owner, profile)
    with django_capture_on_commit_callbacks(execute=True):
        profile = A.do_publish_profile(operator, profile)
    assert profile.status == ProfileStatus.PUBLISHED and profile.published_at is not None
    actions = set(AuditLog.objects.filter(object_id=str(profile.pk)).values_list("action", flat=True))
    assert {"partnering.profile_created", "partnering.profile_submitted", "partnering.changes_requested",
            "partnering.profile_published"} <= actions


def test_publishing_twice_is_refused(make_member, operator, org_ru, make_profile):
    owner = make_member("anna", org_ru)
    profile = make_profile(owner, org_ru, publish_by=operator)
    with pytest.raises(A.InvalidTransitionError):
        A.do_publish_profile(operator, profile)


def test_member_edits_only_its_own_organizations_profiles(make_member, org_ru, org_cn, make_profile):
    owner = make_member("anna", org_ru)
    colleague = make_member("boris", org_ru)
    stranger = make_member("li", org_cn)
    profile = make_profile(owner, org_ru)

    A.do_update_profile(colleague, profile, {"title": "Edited by a colleague"})
    with pytest.raises(A.PartneringPermissionError):
        A.do_update_profile(stranger, profile, {"title": "Hijacked"})
    with pytest.raises(A.PartneringPermissionError):
        A.do_create_profile(stranger, {**{"profile_type": "business_offer", "title": "x"}}, owner_org=org_ru)
    profile.refresh_from_db()
    assert profile.title == "Edited by a colleague"


def test_anonymous_and_plain_users_cannot_create_profiles(db, org_ru):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import AnonymousUser

    plain = get_user_model().objects.create_user(username="plain", password="x" * 12)
    for user in (AnonymousUser(), plain):
        with pytest.raises(A.PartneringPermissionError):
            A.do_create_profile(user, {"profile_type": "business_offer", "title": "x"})


def test_invalid_fields_are_all_reported_at_once(make_member, org_ru):
    owner = make_member("anna", org_ru)
    with pytest.raises(A.ProfileValidationError) as err:
        A.do_create_profile(owner, {"profile_type": "gift", "title": " ", "sectors": ["no.such.sector"],
                                    "target_countries": "Russia", "expires": "next year"}, owner_org=org_ru)
    assert {"profile_type", "title", "sectors", "target_countries", "expires"} <= set(err.value.details)


def test_content_edit_of_a_published_profile_sends_it_back_to_validation(make_member, operator, org_ru, make_profile):
    owner = make_member("anna", org_ru)
    profile = make_profile(owner, org_ru, publish_by=operator)
    profile = A.do_update_profile(owner, profile, {"expires": "2099-06-30"})
    assert profile.status == ProfileStatus.PUBLISHED
    profile = A.do_update_profile(owner, profile, {"title": "A different offer"})
    assert profile.status == ProfileStatus.SUBMITTED


def test_contact_details_are_hidden_until_the_owner_accepts(make_member, operator, org_ru, org_cn, make_profile, django_capture_on_commit_callbacks):
    owner = make_member("anna", org_ru, email="anna@example.org")
    requester = make_member("li", org_cn, email="li@example.org")
    profile = make_profile(owner, org_ru, publish_by=operator, contact_email="sales@docsys.example")

    assert A.visible_contact(requester, profile) is None
    with django_capture_on_commit_callbacks(execute=True):
        interest = A.do_express_interest(requester, profile, "We need this for our bureau.")
    assert interest.from_org == org_cn
    assert Notification.objects.filter(user=owner, kind="interest_received").exists()
    assert A.visible_contact(requester, profile) is None

    with pytest.raises(A.PartneringPermissionError):
        A.do_respond_to_interest(requester, interest, accept=True)
    with pytest.raises(A.InvalidTransitionError):
        A.do_express_interest(requester, profile, "again")

    with django_capture_on_commit_callbacks(execute=True):
        A.do_respond_to_interest(owner, interest, accept=True)
    assert A.visible_contact(requester, profile)["email"] == "sales@docsys.example"
    assert Notification.objects.filter(user=requester, kind="interest_answered").exists()


def test_owner_cannot_express_interest_in_its_own_profile(make_member, operator, org_ru, make_profile):
    owner = make_member("anna", org_ru)
    profile = make_profile(owner, org_ru, publish_by=operator)
    with pytest.raises(A.InvalidTransitionError):
        A.do_express_interest(owner, profile)


def test_operator_can_hold_approve_and_close_interest(make_member, operator, org_ru, org_cn, make_profile):
    owner = make_member("anna", org_ru)
    requester = make_member("li", org_cn)
    profile = make_profile(owner, org_ru, publish_by=operator, contact_email="sales@docsys.example")
    interest = A.do_express_interest(requester, profile)

    interest = A.do_steer_interest(operator, interest, "hold", "checking the sender")
    assert interest.status == InterestStatus.ON_HOLD
    with pytest.raises(A.InvalidTransitionError):
        A.do_respond_to_interest(owner, interest, accept=True)
    with pytest.raises(A.PartneringPermissionError):
        A.do_steer_interest(owner, interest, "approve")
    interest = A.do_steer_interest(operator, interest, "approve")
    interest = A.do_respond_to_interest(owner, interest, accept=True)
    assert A.can_see_contact(requester, profile)
    A.do_steer_interest(operator, interest, "close")
    assert not A.can_see_contact(requester, profile)


def test_expiry_notice_is_sent_once_ahead_and_expired_profiles_leave_matching(make_member, operator, org_ru, make_profile, django_capture_on_commit_callbacks):
    owner = make_member("anna", org_ru, email="anna@example.org")
    today = timezone.localdate()
    soon = make_profile(owner, org_ru, publish_by=operator, expires=(today + timedelta(days=5)).isoformat())
    make_profile(owner, org_ru, publish_by=operator, title="Later", expires=(today + timedelta(days=90)).isoformat())

    assert [p.pk for p in A.send_expiry_notices(today, days_ahead=14)] == [soon.pk]
    assert A.send_expiry_notices(today, days_ahead=14) == []
    assert Notification.objects.filter(user=owner, kind="expires_soon").count() == 1
    assert any(soon.title in m.body for m in mail.outbox)

    with django_capture_on_commit_callbacks(execute=True):
        expired = A.do_expire_profiles(today + timedelta(days=6))
    assert [p.pk for p in expired] == [soon.pk]
    soon.refresh_from_db()
    assert soon.status == ProfileStatus.EXPIRED


def test_daily_housekeeping_function_runs_without_a_consumer(make_member, operator, org_ru, make_profile):
    from coopnode.web.partnering.tasks import run_daily_housekeeping

    owner = make_member("anna", org_ru)
    make_profile(owner, org_ru, publish_by=operator, expires=(timezone.localdate() + timedelta(days=2)).isoformat())
    assert run_daily_housekeeping(days_ahead=7) == (1, 0)


def test_submitting_a_profile_with_a_past_expiry_date_is_refused(make_member, org_ru, make_profile):
    owner = make_member("anna", org_ru)
    profile = make_profile(owner, org_ru, expires=(date.today() - timedelta(days=1)).isoformat())
    with pytest.raises(A.ProfileValidationError):
        A.do_submit_profile(owner, profile)


def test_transitions_check_the_stored_status_not_a_stale_copy(make_member, operator, org_ru, make_profile):
    """Regression: publishing with the object from before ``do_submit_profile`` was refused as
    "Draft"; the stored status is what counts."""
    owner = make_member("anna", org_ru)
    stale = make_profile(owner, org_ru)
    A.do_submit_profile(owner, stale)
    assert A.do_publish_profile(operator, stale).status == ProfileStatus.PUBLISHED
