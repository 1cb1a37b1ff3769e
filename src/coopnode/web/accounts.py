"""Accounts and roles: public (anonymous), member, operator, admin.

Roles are Django groups so that the admin, permission checks and the API agree; operators are
staff with every permission of the registry and intake apps.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser, Group, Permission
from django.db import transaction

OPERATORS = "operators"
MEMBERS = "members"
OPERATOR_APPS = ("registry", "intake", "partnering", "events")


def ensure_roles() -> tuple[Group, Group]:
    operators, _ = Group.objects.get_or_create(name=OPERATORS)
    members, _ = Group.objects.get_or_create(name=MEMBERS)
    perms = Permission.objects.filter(content_type__app_label__in=OPERATOR_APPS)
    operators.permissions.set(perms)
    return operators, members


def is_operator(user: AbstractBaseUser | None) -> bool:
    if user is None or not user.is_authenticated:
        return False
    return bool(user.is_superuser or user.groups.filter(name=OPERATORS).exists())


def is_member(user: AbstractBaseUser | None) -> bool:
    if user is None or not user.is_authenticated:
        return False
    return bool(user.groups.filter(name=MEMBERS).exists() or is_operator(user))


def do_create_operator(*, username: str, password: str, email: str = "") -> AbstractBaseUser:
    User = get_user_model()
    with transaction.atomic():
        operators, _ = ensure_roles()
        user = User.objects.create_user(username=username, password=password, email=email)
        user.is_staff = True
        user.save(update_fields=["is_staff"])
        user.groups.add(operators)
    return user
