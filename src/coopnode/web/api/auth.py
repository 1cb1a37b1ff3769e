"""Who is calling: a bearer token (scripts) or a logged-in browser session (with CSRF)."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja.security import HttpBearer, SessionAuth

from ..accounts import is_operator
from .errors import ApiError
from .tokens import user_for_token


class TokenAuth(HttpBearer):
    """``Authorization: Bearer cn_…`` — a token created on the operator pages or in the admin."""

    def authenticate(self, request: HttpRequest, token: str) -> AbstractBaseUser | None:
        user = user_for_token(token)
        if user is not None:
            request.user = user
        return user


token_auth = TokenAuth()
WRITE_AUTH = [token_auth, SessionAuth()]


def optional_user(request: HttpRequest) -> AbstractBaseUser | None:
    """The caller of a public read, if they identified themselves; reads never require it."""
    header = request.headers.get("Authorization", "")
    if header.lower().startswith("bearer "):
        user = user_for_token(header[7:].strip())
        if user is None:
            raise ApiError(401, _("The API token is not valid or was revoked."))
        return user
    user = getattr(request, "user", None)
    return user if user is not None and user.is_authenticated else None


def caller(request: HttpRequest) -> AbstractBaseUser:
    return request.auth  # type: ignore[attr-defined,no-any-return]


def require_operator(request: HttpRequest) -> AbstractBaseUser:
    user = caller(request)
    if not is_operator(user):
        raise ApiError(403, _("Only operators may do this."))
    return user
