"""REST endpoints of partnering, as a django-ninja ``Router`` mounted by the node's API at
``/api/partnering/``.

Reads of published profiles are public; everything else needs a member or operator (token or
session). Refusals answer in the API's common error shape
``{"error": {"code": …, "message": …, "details": …}}``. Endpoints only parse, call one action
from :mod:`.actions` and serialise.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, Literal
from uuid import UUID

from django.contrib.auth.models import AbstractBaseUser
from django.http import HttpRequest, JsonResponse
from django.utils.translation import get_language
from ninja import Query, Router, Schema
from ninja.security import SessionAuth

from . import actions as A
from . import queries as Q
from .matching import render_reasons
from .models import CooperationProfile, ExpressionOfInterest, Notification

try:  # the node API's authentication (bearer tokens + session); a session alone without it
    from coopnode.web.api.auth import WRITE_AUTH, optional_user
except ImportError:  # pragma: no cover - only while the API app is being assembled
    WRITE_AUTH = [SessionAuth()]

    def optional_user(request: HttpRequest) -> AbstractBaseUser | None:
        user = getattr(request, "user", None)
        return user if user is not None and user.is_authenticated else None


router = Router(tags=["partnering"])
CODES = {400: "bad_request", 403: "permission_denied", 404: "not_found", 409: "conflict", 422: "validation_error"}
MAX_LIMIT = 200


def error(status: int, message: str, details: Any = None, code: str | None = None) -> JsonResponse:
    return JsonResponse({"error": {"code": code or CODES.get(status, "error"), "message": message, "details": details}},
                        status=status)


def refused(exc: A.PartneringError) -> JsonResponse:
    status = {403: 403, 409: 409, 422: 422}.get(exc.status, 400)
    return error(status, exc.message, exc.details)


def not_found() -> JsonResponse:
    return error(404, "No such record.")


# --- shapes ---------------------------------------------------------------------------------

class ProfileIn(Schema):
    profile_type: str
    title: str
    summary: str = ""
    description: str = ""
    language: str = "en"
    sectors: list[str] = []
    readiness: str = ""
    cooperation_types: list[str] = []
    country: str = ""
    target_countries: list[str] = []
    expires: dt.date | None = None
    contact_name: str = ""
    contact_email: str = ""
    contact_phone: str = ""
    owner_org: UUID | None = None
    submit: bool = False


class ProfilePatch(Schema):
    profile_type: str | None = None
    title: str | None = None
    summary: str | None = None
    description: str | None = None
    language: str | None = None
    sectors: list[str] | None = None
    readiness: str | None = None
    cooperation_types: list[str] | None = None
    country: str | None = None
    target_countries: list[str] | None = None
    expires: dt.date | None = None
    contact_name: str | None = None
    contact_email: str | None = None
    contact_phone: str | None = None


class ReviewIn(Schema):
    decision: Literal["publish", "changes"]
    note: str = ""


class InterestIn(Schema):
    message: str = ""


class RespondIn(Schema):
    decision: Literal["accept", "decline"]


class SteerIn(Schema):
    action: Literal["approve", "hold", "close"]
    note: str = ""


class ProfileFilters(Schema):
    type: str | None = None
    sector: str | None = None
    country: str | None = None
    language: str | None = None
    q: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    mine: bool = False
    limit: int = 50
    offset: int = 0


def profile_out(profile: CooperationProfile, user: AbstractBaseUser | None) -> dict[str, Any]:
    """A profile as the caller may see it: contact details only when they are entitled."""
    return {
        "id": str(profile.pk),
        "profile_type": profile.profile_type,
        "title": profile.title,
        "summary": profile.summary,
        "description": profile.description,
        "language": profile.language,
        "sectors": list(profile.sectors or []),
        "readiness": profile.readiness or None,
        "cooperation_types": list(profile.cooperation_types or []),
        "country": profile.country or None,
        "target_countries": list(profile.target_countries or []),
        "expires": profile.expires.isoformat() if profile.expires else None,
        "status": profile.status,
        "owner_org": {"id": str(profile.owner_org_id), "name": profile.owner_org.name} if profile.owner_org_id else None,
        "operator_note": profile.operator_note if A.can_edit_profile(user, profile) else None,
        "published_at": profile.published_at.isoformat() if profile.published_at else None,
        "contact": A.visible_contact(user, profile),
    }


def interest_out(interest: ExpressionOfInterest, user: AbstractBaseUser | None) -> dict[str, Any]:
    return {
        "id": str(interest.pk),
        "profile": {"id": str(interest.profile_id), "title": interest.profile.title},
        "from_org": {"id": str(interest.from_org_id), "name": interest.from_org.name} if interest.from_org_id else None,
        "from_user": interest.from_user.get_username(),
        "message": interest.message,
        "status": interest.status,
        "created_at": interest.created_at.isoformat(),
        "responded_at": interest.responded_at.isoformat() if interest.responded_at else None,
        # The requester learns the owner's contact once accepted.
        "contact": A.visible_contact(user, interest.profile) if interest.from_user_id == getattr(user, "pk", None) else None,
    }


def _profile(pk: UUID, user: AbstractBaseUser | None) -> CooperationProfile | None:
    profile = CooperationProfile.objects.select_related("owner_org").filter(pk=pk).first()
    if profile is None or not Q.can_view_profile(user, profile):
        return None
    return profile


def _change_profile(request: HttpRequest, profile_id: UUID,
                    action: Callable[[Any, CooperationProfile], CooperationProfile]) -> Any:
    """Find the profile the caller may see, apply one domain action, answer with the result."""
    user = request.auth
    profile = _profile(profile_id, user)
    if profile is None:
        return not_found()
    try:
        profile = action(user, profile)
    except A.PartneringError as exc:
        return refused(exc)
    return profile_out(profile, user)


def _lang(request: HttpRequest, lang: str | None) -> str:
    return lang or get_language() or "en"


# --- profiles -------------------------------------------------------------------------------

@router.get("/profiles", summary="Published profiles (filters: type, sector, country, language, q, date_from/date_to of publication); mine=true for your own")
def list_profiles(request: HttpRequest, filters: Query[ProfileFilters]) -> Any:
    user = optional_user(request)
    if filters.limit < 1 or filters.limit > MAX_LIMIT or filters.offset < 0:
        return error(422, f"limit must be 1…{MAX_LIMIT} and offset ≥ 0.")
    if filters.date_from and filters.date_to and filters.date_from > filters.date_to:
        return error(422, "date_from is after date_to.")
    base = Q.own_profiles(user) if filters.mine else Q.published_profiles()
    qs = Q.filter_profiles(base, filters.dict()).order_by("-updated_at")
    count = qs.count()
    items = [profile_out(p, user) for p in qs[filters.offset : filters.offset + filters.limit]]
    return {"count": count, "limit": filters.limit, "offset": filters.offset, "items": items}


@router.get("/profiles/{uuid:profile_id}", summary="One profile (contact details only when you may see them)")
def get_profile(request: HttpRequest, profile_id: UUID) -> Any:
    user = optional_user(request)
    profile = _profile(profile_id, user)
    return profile_out(profile, user) if profile else not_found()


@router.post("/profiles", auth=WRITE_AUTH, summary="Create a profile (draft; submit=true sends it to validation)")
def create_profile(request: HttpRequest, payload: ProfileIn) -> Any:
    from coopnode.web.registry.models import Entity

    user = request.auth
    data = payload.dict(exclude={"owner_org", "submit"})
    owner = None
    if payload.owner_org is not None:
        owner = Entity.objects.filter(pk=payload.owner_org).first()
        if owner is None:
            return error(422, "Unknown organization.", {"owner_org": str(payload.owner_org)})
    try:
        profile = A.do_create_profile(user, data, owner_org=owner)
        if payload.submit:
            profile = A.do_submit_profile(user, profile)
    except A.PartneringError as exc:
        return refused(exc)
    return JsonResponse(profile_out(profile, user), status=201)


@router.patch("/profiles/{uuid:profile_id}", auth=WRITE_AUTH, summary="Change a profile (own organization's only)")
def update_profile(request: HttpRequest, profile_id: UUID, payload: ProfilePatch) -> Any:
    return _change_profile(request, profile_id, lambda user, profile: A.do_update_profile(
        user, profile, payload.dict(exclude_unset=True)))


@router.delete("/profiles/{uuid:profile_id}", auth=WRITE_AUTH, summary="Withdraw a profile (kept for the record)")
def withdraw_profile(request: HttpRequest, profile_id: UUID) -> Any:
    return _change_profile(request, profile_id, A.do_withdraw_profile)


@router.post("/profiles/{uuid:profile_id}/submit", auth=WRITE_AUTH, summary="Send a draft to the operators")
def submit_profile(request: HttpRequest, profile_id: UUID) -> Any:
    return _change_profile(request, profile_id, A.do_submit_profile)


@router.post("/profiles/{uuid:profile_id}/review", auth=WRITE_AUTH, summary="Operators: publish or ask for changes")
def review_profile(request: HttpRequest, profile_id: UUID, payload: ReviewIn) -> Any:
    return _change_profile(request, profile_id, lambda user, profile: (
        A.do_publish_profile(user, profile, payload.note) if payload.decision == "publish"
        else A.do_request_changes(user, profile, payload.note)))


@router.get("/profiles/{uuid:profile_id}/matches", summary="Ranked matches with reasons in your language (lang=ru|zh|en)")
def profile_matches(request: HttpRequest, profile_id: UUID, lang: str | None = None) -> Any:
    user = optional_user(request)
    profile = _profile(profile_id, user)
    if profile is None:
        return not_found()
    reader = _lang(request, lang)
    items = [
        {
            "profile": profile_out(m.candidate, user) if m.profile_id == profile.pk else profile_out(m.profile, user),
            "score": round(m.score, 4),
            "reasons": render_reasons(m.reasons, reader),
            "features": m.reasons,
        }
        for m in Q.visible_matches(user, profile)
    ]
    return {"count": len(items), "items": items}


@router.post("/profiles/{uuid:profile_id}/interests", auth=WRITE_AUTH, summary="Express interest in a profile")
def express_interest(request: HttpRequest, profile_id: UUID, payload: InterestIn) -> Any:
    user = request.auth
    profile = _profile(profile_id, user)
    if profile is None:
        return not_found()
    try:
        interest = A.do_express_interest(user, profile, payload.message)
    except A.PartneringError as exc:
        return refused(exc)
    return JsonResponse(interest_out(interest, user), status=201)


# --- expressions of interest ----------------------------------------------------------------

@router.get("/interests", auth=WRITE_AUTH, summary="Your expressions of interest (box=sent|received)")
def list_interests(request: HttpRequest, box: Literal["sent", "received"] = "sent") -> Any:
    user = request.auth
    qs = Q.interests_sent(user) if box == "sent" else Q.interests_received(user)
    items = [interest_out(i, user) for i in qs]
    return {"count": len(items), "items": items}


def _interest(pk: UUID) -> ExpressionOfInterest | None:
    return ExpressionOfInterest.objects.select_related("profile", "from_org", "from_user").filter(pk=pk).first()


def _visible_interest(user: AbstractBaseUser, interest: ExpressionOfInterest | None) -> bool:
    from coopnode.web.accounts import is_operator

    return interest is not None and (
        interest.from_user_id == user.pk or A.is_profile_owner(user, interest.profile) or is_operator(user)
    )


@router.post("/interests/{uuid:interest_id}/respond", auth=WRITE_AUTH, summary="Profile owner: accept or decline")
def respond_interest(request: HttpRequest, interest_id: UUID, payload: RespondIn) -> Any:
    user = request.auth
    interest = _interest(interest_id)
    if not _visible_interest(user, interest):
        return not_found()
    try:
        interest = A.do_respond_to_interest(user, interest, accept=payload.decision == "accept")
    except A.PartneringError as exc:
        return refused(exc)
    return interest_out(interest, user)


@router.post("/interests/{uuid:interest_id}/withdraw", auth=WRITE_AUTH, summary="Sender: withdraw a request")
def withdraw_interest(request: HttpRequest, interest_id: UUID) -> Any:
    user = request.auth
    interest = _interest(interest_id)
    if not _visible_interest(user, interest):
        return not_found()
    try:
        interest = A.do_withdraw_interest(user, interest)
    except A.PartneringError as exc:
        return refused(exc)
    return interest_out(interest, user)


@router.post("/interests/{uuid:interest_id}/steer", auth=WRITE_AUTH, summary="Operators: hold, approve or close a request")
def steer_interest(request: HttpRequest, interest_id: UUID, payload: SteerIn) -> Any:
    user = request.auth
    interest = _interest(interest_id)
    if interest is None:
        return not_found()
    try:
        interest = A.do_steer_interest(user, interest, payload.action, payload.note)
    except A.PartneringError as exc:
        return refused(exc)
    return interest_out(interest, user)


@router.get("/notifications", auth=WRITE_AUTH, summary="Your partnering notices, newest first")
def list_notifications(request: HttpRequest, unread: bool = False) -> Any:
    qs = Notification.objects.filter(user=request.auth)
    if unread:
        qs = qs.filter(read=False)
    items = [{"id": n.pk, "kind": n.kind, "text": n.render(), "url": n.url, "read": n.read,
              "created_at": n.created_at.isoformat()} for n in qs[:200]]
    return {"count": len(items), "items": items}
