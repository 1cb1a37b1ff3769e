"""Creating, checking and revoking API tokens (``check_*`` / ``do_*`` like the registry)."""

from __future__ import annotations

import hashlib
import secrets

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from ..registry import audit
from .models import ApiToken

TOKEN_PREFIX = "cn_"
LAST_USED_RESOLUTION_SECONDS = 60  # don't write the row on every request of a busy script


def token_digest(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def new_secret() -> tuple[str, str, str]:
    """A fresh token: (plaintext, prefix shown in lists, digest stored)."""
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    return raw, raw[:10], token_digest(raw)


def do_create_token(
    owner: AbstractBaseUser, *, name: str = "", user: AbstractBaseUser | None = None
) -> tuple[ApiToken, str]:
    """Make a new token for ``owner``; returns the row and the plaintext, shown only this once."""
    raw, prefix, digest = new_secret()
    with transaction.atomic():
        token = ApiToken.objects.create(owner=owner, name=name.strip()[:100], prefix=prefix, digest=digest)
        audit.record("api_token.create", token, user=user or owner, owner=owner.get_username(),
                     prefix=token.prefix)
    return token, raw


def check_can_manage_token(token: ApiToken, user: AbstractBaseUser | None) -> None:
    """A user manages their own tokens; operators and admins manage everybody's."""
    from ..accounts import is_operator

    if user is None or not user.is_authenticated:
        raise PermissionError("Log in to manage API tokens.")
    if token.owner_id != user.pk and not is_operator(user):
        raise PermissionError("This token belongs to someone else.")


def do_revoke_token(token: ApiToken, *, user: AbstractBaseUser | None = None) -> ApiToken:
    with transaction.atomic():
        if token.revoked_at is None:
            token.revoked_at = timezone.now()
            token.save(update_fields=["revoked_at"])
            audit.record("api_token.revoke", token, user=user, prefix=token.prefix)
    return token


def user_for_token(raw: str) -> AbstractBaseUser | None:
    """The active user behind a presented token, or ``None``; notes when it was last used."""
    if not raw or not raw.startswith(TOKEN_PREFIX):
        return None
    token = (
        ApiToken.objects.select_related("owner")
        .filter(digest=token_digest(raw), revoked_at__isnull=True)
        .first()
    )
    if token is None or not token.owner.is_active:
        return None
    now = timezone.now()
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > LAST_USED_RESOLUTION_SECONDS:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.owner
