"""Read-side helpers shared by pages and the API: what a user may see, filtered lists."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Q, QuerySet
from django.utils import timezone

from coopnode.refdata.sectors import expand_with_parents, is_sector
from coopnode.web.accounts import is_operator

from .actions import can_edit_profile
from .membership import organization_ids_of
from .models import CooperationProfile, ExpressionOfInterest, Match, ProfileStatus


def published_profiles() -> QuerySet[CooperationProfile]:
    """What the public sees: published and not expired."""
    today = timezone.localdate()
    return (
        CooperationProfile.objects.filter(status=ProfileStatus.PUBLISHED)
        .filter(Q(expires__isnull=True) | Q(expires__gte=today))
        .select_related("owner_org")
    )


def filter_profiles(qs: QuerySet[CooperationProfile], filters: dict[str, Any]) -> QuerySet[CooperationProfile]:
    """Apply browse filters (type, sector incl. its sub-sectors, country, language, text,
    publication dates)."""
    if filters.get("type"):
        qs = qs.filter(profile_type=filters["type"])
    if filters.get("country"):
        qs = qs.filter(country=str(filters["country"]).upper())
    if filters.get("language"):
        qs = qs.filter(language=filters["language"])
    if filters.get("date_from"):
        qs = qs.filter(published_at__date__gte=filters["date_from"])
    if filters.get("date_to"):
        qs = qs.filter(published_at__date__lte=filters["date_to"])
    text = (filters.get("q") or "").strip()
    if text:
        qs = qs.filter(Q(title__icontains=text) | Q(summary__icontains=text) | Q(description__icontains=text)
                       | Q(owner_org__name__icontains=text))
    sector = filters.get("sector")
    if sector and is_sector(sector):
        # JSON containment is not available on SQLite; the list is small enough to filter here.
        ids = [p.pk for p in qs if sector in expand_with_parents(p.sectors or [])]
        qs = qs.filter(pk__in=ids)
    return qs


def can_view_profile(user: AbstractBaseUser | None, profile: CooperationProfile) -> bool:
    """Published profiles are public; others only for their owners and operators."""
    if profile.status == ProfileStatus.PUBLISHED:
        return True
    return can_edit_profile(user, profile)


def own_profiles(user: AbstractBaseUser | None) -> QuerySet[CooperationProfile]:
    if user is None or not user.is_authenticated:
        return CooperationProfile.objects.none()
    orgs = organization_ids_of(user)
    return CooperationProfile.objects.filter(Q(owner_org_id__in=orgs) | Q(created_by=user, owner_org__isnull=True)).select_related("owner_org")


def matches_for_user(user: AbstractBaseUser | None) -> QuerySet[Match]:
    """Matches of the user's published profiles with partners still published."""
    mine = own_profiles(user).filter(status=ProfileStatus.PUBLISHED)
    return (
        Match.objects.filter(profile__in=mine, candidate__in=published_profiles())
        .select_related("profile", "candidate", "candidate__owner_org")
        .order_by("profile_id", "-score")
    )


def visible_matches(user: AbstractBaseUser | None, profile: CooperationProfile) -> QuerySet[Match]:
    """Matches shown on a profile page: all of them to its owners and operators; to another
    member only those that pair this profile with one of their own."""
    qs = Match.objects.filter(candidate__in=published_profiles()).select_related("candidate", "candidate__owner_org", "profile")
    if is_operator(user) or can_edit_profile(user, profile):
        return qs.filter(profile=profile)
    return qs.filter(profile__in=own_profiles(user), candidate=profile)


def interests_sent(user: AbstractBaseUser) -> QuerySet[ExpressionOfInterest]:
    return ExpressionOfInterest.objects.filter(from_user=user).select_related("profile", "profile__owner_org", "from_org")


def interests_received(user: AbstractBaseUser) -> QuerySet[ExpressionOfInterest]:
    return ExpressionOfInterest.objects.filter(profile__in=own_profiles(user)).select_related("profile", "from_org", "from_user")
