"""Who may act for which organization in partnering.

The members app (``coopnode.web.members``) owns the user↔organization link; every permission
check of this app goes through :func:`organization_ids_of`.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from coopnode.web.accounts import ensure_roles, is_member, is_operator
from coopnode.web.members.models import Membership
from coopnode.web.registry.models import Entity


def organization_ids_of(user: AbstractBaseUser | None) -> set[str]:
    """Ids (as strings) of the organizations ``user`` may act for."""
    if user is None or not user.is_authenticated:
        return set()
    return {str(pk) for pk in Membership.objects.filter(user=user).values_list("organization_id", flat=True)}


def member_users(organization_id: object) -> list[AbstractBaseUser]:
    """Users who act for the organization."""
    User = get_user_model()
    ids = Membership.objects.filter(organization_id=organization_id).values_list("user_id", flat=True)
    return list(User.objects.filter(pk__in=list(ids)))


def acts_for(user: AbstractBaseUser | None, organization_id: object) -> bool:
    return organization_id is not None and str(organization_id) in organization_ids_of(user)


def can_use_partnering(user: AbstractBaseUser | None) -> bool:
    """Members and operators create profiles and express interest; the public only browses."""
    return is_member(user) or is_operator(user)


def do_link_member(user: AbstractBaseUser, organization: Entity) -> Membership:
    """Make ``user`` a member account of ``organization`` (idempotent).

    A member account speaks for one organization; linking it to a second one is refused.
    """
    with transaction.atomic():
        link, _ = Membership.objects.get_or_create(user=user, defaults={"organization": organization})
        if link.organization_id != organization.pk:
            raise ValueError(f"{user} already speaks for another organization")
        _, members = ensure_roles()
        user.groups.add(members)
    return link
