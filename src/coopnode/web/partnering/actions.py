"""Named domain actions of partnering.

``check_*`` functions validate input and control access (raising :class:`PartneringError` with a
message for the user); ``do_*`` functions change data inside ``transaction.atomic()``, write the
registry audit log and queue the background work (vectors, matches, notices) to run after the
commit. Views, API endpoints and the CLI call these and never save models themselves.

Profile life cycle::

    draft → submitted → published → expired | withdrawn
              ↑   ↓         ↓
        changes_requested ←─┘  (operator asks for changes; edits to a published profile's
                                 content send it back to validation)

Expression of interest: requested → accepted | declined | withdrawn; an operator may put a
request on hold (the owner cannot answer it then), approve it back, or close it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from coopnode.match.profile import CooperationType, ProfileType, Readiness
from coopnode.refdata.sectors import is_sector
from coopnode.web.accounts import is_operator
from coopnode.web.registry import audit
from coopnode.web.registry.models import Entity

from . import notify
from .membership import acts_for, can_use_partnering, organization_ids_of
from .models import (
    CooperationProfile,
    ExpressionOfInterest,
    InterestStatus,
    ProfileStatus,
)
from .models.interest import OPEN_INTEREST


class PartneringError(Exception):
    """An action that cannot be carried out; ``message`` is shown to the user."""

    status = 400
    code = "invalid"

    def __init__(self, message: str, details: Any = None) -> None:
        super().__init__(message)
        self.message = message
        self.details = details


class PartneringPermissionError(PartneringError):
    status = 403
    code = "forbidden"


class InvalidTransitionError(PartneringError):
    status = 409
    code = "conflict"


class ProfileValidationError(PartneringError):
    status = 422
    code = "validation_error"


# --- profile content ------------------------------------------------------------------------

CONTENT_FIELDS = (
    "profile_type", "title", "summary", "description", "language", "sectors", "readiness",
    "cooperation_types", "country", "target_countries",
)
# Fields an owner may change on a published profile without a new validation.
ADMIN_FIELDS = ("expires", "contact_name", "contact_email", "contact_phone")
PROFILE_FIELDS = CONTENT_FIELDS + ADMIN_FIELDS
LANGUAGES = ("ru", "zh", "en")
_COUNTRY = re.compile(r"^[A-Z]{2}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def _as_list(value: Any) -> list[str]:
    """Lists arrive as lists (API, JSONL) or as text separated by commas/semicolons (CSV, forms)."""
    if value is None or value == "":
        return []
    if isinstance(value, str):
        value = re.split(r"[,;|\s]+", value)
    return [str(v).strip() for v in value if str(v).strip()]


def check_profile_data(data: Mapping[str, Any], *, partial: bool = False) -> dict[str, Any]:
    """Clean and validate profile fields; raise :class:`ProfileValidationError` listing every
    bad field at once so a form or an import row can show them together."""
    errors: dict[str, str] = {}
    clean: dict[str, Any] = {}
    unknown = sorted(set(data) - set(PROFILE_FIELDS))
    if unknown:
        errors["__all__"] = _("Unknown fields: %(fields)s") % {"fields": ", ".join(unknown)}

    def given(name: str) -> bool:
        return name in data or not partial

    if given("profile_type"):
        value = str(data.get("profile_type") or "").strip()
        if value not in {t.value for t in ProfileType}:
            errors["profile_type"] = _("Choose one of: %(choices)s") % {"choices": ", ".join(t.value for t in ProfileType)}
        clean["profile_type"] = value
    if given("title"):
        title = " ".join(str(data.get("title") or "").split())
        if not title:
            errors["title"] = _("A title is required.")
        elif len(title) > 300:
            errors["title"] = _("The title is longer than 300 characters.")
        clean["title"] = title
    for name in ("summary", "description", "contact_name", "contact_phone"):
        if given(name):
            clean[name] = str(data.get(name) or "").strip()
    if given("language"):
        lang = str(data.get("language") or "").strip().lower()
        lang = "zh" if lang.startswith("zh") else lang
        if lang not in LANGUAGES:
            errors["language"] = _("Choose one of: %(choices)s") % {"choices": ", ".join(LANGUAGES)}
        clean["language"] = lang
    if given("sectors"):
        sectors = _as_list(data.get("sectors"))
        bad = [s for s in sectors if not is_sector(s)]
        if bad:
            errors["sectors"] = _("Unknown sector codes: %(codes)s") % {"codes": ", ".join(bad)}
        clean["sectors"] = list(dict.fromkeys(sectors))
    if given("readiness"):
        readiness = str(data.get("readiness") or "").strip()
        if readiness and readiness not in {r.value for r in Readiness}:
            errors["readiness"] = _("Choose one of: %(choices)s") % {"choices": ", ".join(r.value for r in Readiness)}
        clean["readiness"] = readiness
    if given("cooperation_types"):
        types = _as_list(data.get("cooperation_types"))
        bad = [t for t in types if t not in {c.value for c in CooperationType}]
        if bad:
            errors["cooperation_types"] = _("Unknown cooperation types: %(types)s") % {"types": ", ".join(bad)}
        clean["cooperation_types"] = list(dict.fromkeys(types))
    if given("country"):
        country = str(data.get("country") or "").strip().upper()
        if country and not _COUNTRY.match(country):
            errors["country"] = _("Use a two-letter ISO country code, e.g. RU or CN.")
        clean["country"] = country
    if given("target_countries"):
        targets = [c.upper() for c in _as_list(data.get("target_countries"))]
        if any(not _COUNTRY.match(c) for c in targets):
            errors["target_countries"] = _("Use two-letter ISO country codes, e.g. RU, CN.")
        clean["target_countries"] = list(dict.fromkeys(targets))
    if given("contact_email"):
        email = str(data.get("contact_email") or "").strip()
        if email and not _EMAIL.match(email):
            errors["contact_email"] = _("Enter a valid e-mail address.")
        clean["contact_email"] = email
    if given("expires"):
        value = data.get("expires")
        if value in (None, ""):
            clean["expires"] = None
        elif isinstance(value, date):
            clean["expires"] = value
        else:
            try:
                clean["expires"] = date.fromisoformat(str(value).strip())
            except ValueError:
                errors["expires"] = _("Use a date like 2027-12-31.")
    if errors:
        raise ProfileValidationError(_("The profile has errors."), details=errors)
    return clean


# --- permissions ----------------------------------------------------------------------------

def can_edit_profile(user: AbstractBaseUser | None, profile: CooperationProfile) -> bool:
    """Operators edit any profile; a member only its own organization's (or one it wrote
    without an organization)."""
    if is_operator(user):
        return True
    if user is None or not user.is_authenticated or not can_use_partnering(user):
        return False
    if profile.owner_org_id is not None:
        return acts_for(user, profile.owner_org_id)
    return profile.created_by_id == user.pk


def check_can_edit_profile(user: AbstractBaseUser | None, profile: CooperationProfile) -> None:
    if not can_edit_profile(user, profile):
        raise PartneringPermissionError(_("You may only change your own organization's profiles."))


def check_can_create_profile(user: AbstractBaseUser | None, owner_org: Entity | None) -> None:
    if not can_use_partnering(user):
        raise PartneringPermissionError(_("Only members and operators can publish cooperation profiles."))
    if owner_org is not None:
        if owner_org.entity_type != "organization":
            raise ProfileValidationError(_("A profile belongs to an organization."))
        if not is_operator(user) and not acts_for(user, owner_org.pk):
            raise PartneringPermissionError(_("You may only create profiles for your own organization."))


def check_operator(user: AbstractBaseUser | None) -> None:
    if not is_operator(user):
        raise PartneringPermissionError(_("Only operators can do this."))


def _check_status(profile: CooperationProfile, allowed: tuple[str, ...]) -> None:
    if profile.status not in allowed:
        raise InvalidTransitionError(
            _("Not possible while the profile is “%(status)s”.") % {"status": profile.get_status_display()}
        )


def default_owner_org(user: AbstractBaseUser | None) -> Entity | None:
    """The organization a member's new profile belongs to when they act for exactly one."""
    ids = organization_ids_of(user)
    return Entity.objects.filter(pk=next(iter(ids))).first() if len(ids) == 1 else None


# --- background work after commit ----------------------------------------------------------

def _after_commit_index(profile: CooperationProfile) -> None:
    """Update vectors and matches without making the request wait (huey task after commit)."""
    from .tasks import index_profile_task

    profile_id = str(profile.pk)
    transaction.on_commit(lambda: index_profile_task(profile_id))


# --- profile actions ------------------------------------------------------------------------

def do_create_profile(
    user: AbstractBaseUser | None, data: Mapping[str, Any], *, owner_org: Entity | None = None,
    actor: str | None = None,
) -> CooperationProfile:
    """A new draft profile of ``owner_org`` (default: the user's only organization)."""
    owner_org = owner_org or default_owner_org(user)
    check_can_create_profile(user, owner_org)
    clean = check_profile_data(data)
    with transaction.atomic():
        profile = CooperationProfile.objects.create(
            owner_org=owner_org,
            created_by=user if user is not None and user.is_authenticated else None,
            country=clean.pop("country", "") or (owner_org.country if owner_org else ""),
            **clean,
        )
        audit.record("partnering.profile_created", profile, user=user, actor=actor, title=profile.title)
    return profile


def do_update_profile(user: AbstractBaseUser | None, profile: CooperationProfile, data: Mapping[str, Any]) -> CooperationProfile:
    """Change a profile. New content on a published profile goes back to validation; a new
    expiry date or contact keeps it published."""
    check_can_edit_profile(user, profile)
    _check_status(profile, (ProfileStatus.DRAFT, ProfileStatus.CHANGES_REQUESTED, ProfileStatus.SUBMITTED,
                            ProfileStatus.PUBLISHED, ProfileStatus.EXPIRED))
    clean = check_profile_data(data, partial=True)
    changed = [k for k, v in clean.items() if getattr(profile, k) != v]
    if not changed:
        return profile
    with transaction.atomic():
        profile = CooperationProfile.objects.select_for_update().get(pk=profile.pk)
        for key in changed:
            setattr(profile, key, clean[key])
        content_changed = any(k in CONTENT_FIELDS for k in changed)
        if profile.status == ProfileStatus.PUBLISHED and content_changed and not is_operator(user):
            profile.status = ProfileStatus.SUBMITTED
        if "expires" in changed:
            profile.expiry_notice_sent = None
            if profile.status == ProfileStatus.EXPIRED and profile.expires and profile.expires >= timezone.localdate():
                profile.status = ProfileStatus.SUBMITTED
        profile.save()
        audit.record("partnering.profile_updated", profile, user=user, fields=changed, status=profile.status)
        _after_commit_index(profile)
    return profile


def _transition(
    user: AbstractBaseUser | None, profile: CooperationProfile, allowed: tuple[str, ...], new_status: str,
    action: str, **extra: Any,
) -> CooperationProfile:
    """Move the profile to ``new_status``, checking the stored (locked) status, not the caller's
    possibly stale copy."""
    with transaction.atomic():
        profile = CooperationProfile.objects.select_for_update().get(pk=profile.pk)
        _check_status(profile, allowed)
        old = profile.status
        profile.status = new_status
        for key, value in extra.items():
            setattr(profile, key, value)
        profile.save()
        audit.record(action, profile, user=user, old_status=old, new_status=new_status)
        _after_commit_index(profile)
    return profile


def do_submit_profile(user: AbstractBaseUser | None, profile: CooperationProfile) -> CooperationProfile:
    """Send a draft (or a corrected profile) to the operators for validation."""
    check_can_edit_profile(user, profile)
    if profile.expires is not None and profile.expires < timezone.localdate():
        raise ProfileValidationError(_("The expiry date is in the past."), details={"expires": _("The expiry date is in the past.")})
    profile = _transition(user, profile, (ProfileStatus.DRAFT, ProfileStatus.CHANGES_REQUESTED),
                          ProfileStatus.SUBMITTED, "partnering.profile_submitted")
    transaction.on_commit(lambda: notify.notify(
        notify.operators(), "profile_submitted", notify.PROFILE_SUBMITTED, {"title": profile.title},
        profile.get_absolute_url(), email=False,
    ))
    return profile


def do_publish_profile(user: AbstractBaseUser | None, profile: CooperationProfile, note: str = "") -> CooperationProfile:
    """An operator validates the profile; it becomes public and enters matching."""
    check_operator(user)
    profile = _transition(user, profile, (ProfileStatus.SUBMITTED,), ProfileStatus.PUBLISHED, "partnering.profile_published",
                          operator_note=note, published_at=timezone.now())
    transaction.on_commit(lambda: notify.notify(
        notify.profile_owners(profile), "profile_published", notify.PROFILE_PUBLISHED,
        {"title": profile.title}, profile.get_absolute_url(),
    ))
    return profile


def do_request_changes(user: AbstractBaseUser | None, profile: CooperationProfile, note: str) -> CooperationProfile:
    """An operator sends the profile back to its owner with a note saying what to fix."""
    check_operator(user)
    note = note.strip()
    if not note:
        raise ProfileValidationError(_("Say what should change."), details={"note": _("Say what should change.")})
    profile = _transition(user, profile, (ProfileStatus.SUBMITTED, ProfileStatus.PUBLISHED), ProfileStatus.CHANGES_REQUESTED, "partnering.changes_requested", operator_note=note)
    transaction.on_commit(lambda: notify.notify(
        notify.profile_owners(profile), "changes_requested", notify.CHANGES_REQUESTED,
        {"title": profile.title, "note": note}, profile.get_absolute_url(),
    ))
    return profile


def do_withdraw_profile(user: AbstractBaseUser | None, profile: CooperationProfile) -> CooperationProfile:
    """The owner (or an operator) takes the profile out of the portal and matching."""
    check_can_edit_profile(user, profile)
    return _transition(user, profile, (ProfileStatus.DRAFT, ProfileStatus.SUBMITTED, ProfileStatus.CHANGES_REQUESTED,
                                       ProfileStatus.PUBLISHED, ProfileStatus.EXPIRED),
                       ProfileStatus.WITHDRAWN, "partnering.profile_withdrawn")


def do_expire_profiles(today: date | None = None) -> list[CooperationProfile]:
    """Mark published profiles past their expiry date as expired and tell their owners."""
    today = today or timezone.localdate()
    expired = []
    for profile in CooperationProfile.objects.filter(status=ProfileStatus.PUBLISHED, expires__lt=today):
        profile = _transition(None, profile, (ProfileStatus.PUBLISHED,), ProfileStatus.EXPIRED, "partnering.profile_expired")
        notify.notify(notify.profile_owners(profile), "profile_expired", notify.PROFILE_EXPIRED,
                      {"title": profile.title}, profile.get_absolute_url())
        expired.append(profile)
    return expired


def send_expiry_notices(today: date | None = None, days_ahead: int = 14) -> list[CooperationProfile]:
    """Warn owners of published profiles expiring within ``days_ahead`` days; once per expiry
    date (changing the date re-arms the notice)."""
    today = today or timezone.localdate()
    due = CooperationProfile.objects.filter(
        status=ProfileStatus.PUBLISHED, expires__gte=today, expires__lte=today + timedelta(days=days_ahead),
        expiry_notice_sent__isnull=True,
    )
    warned = []
    for profile in due:
        with transaction.atomic():
            notify.notify(notify.profile_owners(profile), "expires_soon", notify.EXPIRES_SOON,
                          {"title": profile.title, "date": profile.expires.isoformat()}, profile.get_absolute_url())
            CooperationProfile.objects.filter(pk=profile.pk).update(expiry_notice_sent=today)
            audit.record("partnering.expiry_notice", profile, actor="system", expires=profile.expires.isoformat())
        warned.append(profile)
    return warned


def do_refresh_matches(profile: CooperationProfile) -> int:
    """Recompute a profile's matches and tell owners about new ones. Runs in the background
    (:mod:`.tasks`); returns how many new matches were found."""
    from . import matching

    with transaction.atomic():
        profile = CooperationProfile.objects.get(pk=profile.pk)
        matching.index_profile(profile)
        if profile.status != ProfileStatus.PUBLISHED or (profile.expires and profile.expires < timezone.localdate()):
            matching.forget_matches(profile)
            return 0
        new = matching.store_matches(profile)
        for match in new:
            notify.notify(
                notify.profile_owners(match.profile), "new_match", notify.NEW_MATCH,
                {"title": match.profile.title, "other": match.candidate.title},
                match.profile.get_absolute_url(),
            )
            match.notified_at = timezone.now()
            match.save(update_fields=["notified_at"])
        if new:
            audit.record("partnering.matches_found", profile, actor="system", count=len(new))
    return len(new)


# --- expressions of interest ----------------------------------------------------------------

def is_profile_owner(user: AbstractBaseUser | None, profile: CooperationProfile) -> bool:
    if user is None or not user.is_authenticated:
        return False
    if profile.owner_org_id is not None:
        return acts_for(user, profile.owner_org_id)
    return profile.created_by_id == user.pk


def check_can_express_interest(user: AbstractBaseUser | None, profile: CooperationProfile) -> None:
    if not can_use_partnering(user):
        raise PartneringPermissionError(_("Log in as a member to express interest."))
    if profile.status != ProfileStatus.PUBLISHED:
        raise InvalidTransitionError(_("This profile is not published."))
    if is_profile_owner(user, profile):
        raise InvalidTransitionError(_("This is your own organization's profile."))
    if ExpressionOfInterest.objects.filter(profile=profile, from_user=user, status__in=OPEN_INTEREST).exists():
        raise InvalidTransitionError(_("You have already expressed interest in this profile."))


def do_express_interest(
    user: AbstractBaseUser, profile: CooperationProfile, message: str = "", *, from_org: Entity | None = None
) -> ExpressionOfInterest:
    """A member organization asks the profile's owner to get in touch."""
    check_can_express_interest(user, profile)
    from_org = from_org or default_owner_org(user)
    if from_org is not None and not is_operator(user) and not acts_for(user, from_org.pk):
        raise PartneringPermissionError(_("You may only speak for your own organization."))
    with transaction.atomic():
        interest = ExpressionOfInterest.objects.create(
            profile=profile, from_user=user, from_org=from_org, message=message.strip()[:5000],
        )
        audit.record("partnering.interest_expressed", interest, user=user, profile=str(profile.pk))
        org_name = from_org.name if from_org else user.get_username()
        transaction.on_commit(lambda: notify.notify(
            notify.profile_owners(profile), "interest_received", notify.INTEREST_RECEIVED,
            {"org": org_name, "title": profile.title}, "/partnering/interests/",
        ))
    return interest


def check_can_respond(user: AbstractBaseUser | None, interest: ExpressionOfInterest) -> None:
    if not (is_profile_owner(user, interest.profile) or is_operator(user)):
        raise PartneringPermissionError(_("Only the profile's owner can answer this."))
    if interest.status == InterestStatus.ON_HOLD:
        raise InvalidTransitionError(_("An operator has put this request on hold."))
    if interest.status != InterestStatus.REQUESTED:
        raise InvalidTransitionError(_("This request has already been answered."))


def do_respond_to_interest(user: AbstractBaseUser, interest: ExpressionOfInterest, *, accept: bool) -> ExpressionOfInterest:
    """The owner accepts (contact details become visible to the requester) or declines."""
    check_can_respond(user, interest)
    new = InterestStatus.ACCEPTED if accept else InterestStatus.DECLINED
    with transaction.atomic():
        interest = ExpressionOfInterest.objects.select_for_update().get(pk=interest.pk)
        interest.status = new
        interest.responded_at = timezone.now()
        interest.save(update_fields=["status", "responded_at"])
        audit.record("partnering.interest_answered", interest, user=user, status=new)
        key = notify.INTEREST_ACCEPTED if accept else notify.INTEREST_DECLINED
        transaction.on_commit(lambda: notify.notify(
            [interest.from_user], "interest_answered", key, {"title": interest.profile.title},
            interest.profile.get_absolute_url(),
        ))
    return interest


def do_withdraw_interest(user: AbstractBaseUser, interest: ExpressionOfInterest) -> ExpressionOfInterest:
    if interest.from_user_id != user.pk and not is_operator(user):
        raise PartneringPermissionError(_("Only the sender can withdraw this request."))
    if interest.status not in OPEN_INTEREST:
        raise InvalidTransitionError(_("This request has already been answered."))
    with transaction.atomic():
        interest.status = InterestStatus.WITHDRAWN
        interest.save(update_fields=["status"])
        audit.record("partnering.interest_withdrawn", interest, user=user)
    return interest


STEER_ACTIONS = {
    "hold": ((InterestStatus.REQUESTED,), InterestStatus.ON_HOLD),
    "approve": ((InterestStatus.ON_HOLD,), InterestStatus.REQUESTED),
    "close": (OPEN_INTEREST + (InterestStatus.ACCEPTED,), InterestStatus.CLOSED),
}


def do_steer_interest(user: AbstractBaseUser, interest: ExpressionOfInterest, action: str, note: str = "") -> ExpressionOfInterest:
    """Operators moderate requests: hold one for checking, approve it back to the owner, or
    close it (an accepted one too, which hides the contact details again)."""
    check_operator(user)
    if action not in STEER_ACTIONS:
        raise ProfileValidationError(_("Unknown action."), details={"action": ", ".join(STEER_ACTIONS)})
    allowed, new = STEER_ACTIONS[action]
    if interest.status not in allowed:
        raise InvalidTransitionError(_("Not possible in the request's current state."))
    with transaction.atomic():
        interest.status = new
        interest.operator_note = note.strip()
        interest.save(update_fields=["status", "operator_note"])
        audit.record("partnering.interest_steered", interest, user=user, step=action, status=new)
        users = [interest.from_user, *notify.profile_owners(interest.profile)]
        transaction.on_commit(lambda: notify.notify(
            users, "interest_steered", notify.INTEREST_STEERED,
            {"title": interest.profile.title, "status": new}, "/partnering/interests/", email=False,
        ))
    return interest


def can_see_contact(user: AbstractBaseUser | None, profile: CooperationProfile) -> bool:
    """Contact details are private: the owner and operators see them, and a requester only
    once the owner has accepted their expression of interest."""
    if user is None or not user.is_authenticated:
        return False
    if is_operator(user) or is_profile_owner(user, profile):
        return True
    return ExpressionOfInterest.objects.filter(
        profile=profile, from_user=user, status=InterestStatus.ACCEPTED
    ).exists()


def visible_contact(user: AbstractBaseUser | None, profile: CooperationProfile) -> dict[str, str] | None:
    """The contact block for ``user``, or None when it must stay hidden."""
    if not can_see_contact(user, profile):
        return None
    return {"name": profile.contact_name, "email": profile.contact_email, "phone": profile.contact_phone}


def do_mark_notifications_read(user: AbstractBaseUser, ids: list[int] | None = None) -> int:
    from .models import Notification

    qs = Notification.objects.filter(user=user, read=False)
    if ids is not None:
        qs = qs.filter(pk__in=ids)
    return qs.update(read=True)
