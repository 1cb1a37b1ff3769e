"""Who may act for which organization.

The members app (``coopnode.web.members``) owns the real user↔organization link; until it
exists on a node, partnering keeps its own :class:`OrganizationMember` rows. Every permission
check in this app goes through :func:`organization_ids_of`, so pointing it at the members app
is a change in one place.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db import connection

from coopnode.web.accounts import is_member, is_operator

from .models import OrganizationMember

_MEMBERS_MODEL: list[Any] = []


def _members_model() -> Any | None:
    """The members app's user↔organization model, once it is installed and migrated."""
    if _MEMBERS_MODEL:
        return _MEMBERS_MODEL[0]
    if not apps.is_installed("coopnode.web.members"):
        return None
    for model in apps.get_app_config("members").get_models():
        fields = {f.name for f in model._meta.get_fields()}
        if {"user", "organization"} <= fields:
            if model._meta.db_table not in connection.introspection.table_names():
                return None
            _MEMBERS_MODEL.append(model)
            return model
    return None


def _members_app_ids(user: AbstractBaseUser) -> set[str]:
    model = _members_model()
    if model is None:
        return set()
    return {str(pk) for pk in model.objects.filter(user=user).values_list("organization_id", flat=True)}


def organization_ids_of(user: AbstractBaseUser | None) -> set[str]:
    """Ids (as strings) of the organizations ``user`` may act for."""
    if user is None or not user.is_authenticated:
        return set()
    own = {str(pk) for pk in OrganizationMember.objects.filter(user=user).values_list("organization_id", flat=True)}
    return own | _members_app_ids(user)


def member_users(organization_id: object) -> list[AbstractBaseUser]:
    """Users who act for the organization (partnering links and the members app's)."""
    User = get_user_model()
    ids = set(OrganizationMember.objects.filter(organization_id=organization_id).values_list("user_id", flat=True))
    model = _members_model()
    if model is not None:
        ids |= set(model.objects.filter(organization_id=organization_id).values_list("user_id", flat=True))
    return list(User.objects.filter(pk__in=ids))


def acts_for(user: AbstractBaseUser | None, organization_id: object) -> bool:
    return organization_id is not None and str(organization_id) in organization_ids_of(user)


def can_use_partnering(user: AbstractBaseUser | None) -> bool:
    """Members and operators create profiles and express interest; the public only browses."""
    return is_member(user) or is_operator(user)


def do_link_member(user: AbstractBaseUser, organization: object) -> OrganizationMember:
    """Let ``user`` act for ``organization`` in partnering (idempotent)."""
    link, _ = OrganizationMember.objects.get_or_create(user=user, organization=organization)
    return link
