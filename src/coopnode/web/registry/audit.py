"""The audit trail: every domain action records who did what to which record."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AbstractBaseUser

from .models import AuditLog


def actor_name(user: AbstractBaseUser | None, actor: str | None = None) -> str:
    if actor:
        return actor
    if user is not None and getattr(user, "is_authenticated", False):
        return user.get_username()
    return "system"


def record(
    action: str,
    obj: Any = None,
    *,
    user: AbstractBaseUser | None = None,
    actor: str | None = None,
    **data: Any,
) -> AuditLog:
    """Write one audit-log row; call it inside the action's transaction."""
    real_user = user if user is not None and getattr(user, "is_authenticated", False) else None
    return AuditLog.objects.create(
        user=real_user,
        actor=actor_name(user, actor),
        action=action,
        object_type=obj._meta.model_name if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        data=data,
    )
