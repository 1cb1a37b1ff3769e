"""Login throttling: repeated failed log-ins from one address, or for one user name, are refused
for a while with HTTP 429.

Why not django-axes: its authentication backend refuses every ``authenticate()`` call made
without a request (Django's test client ``login()``, management commands, the CLI), which would
break the rest of the project; this limiter counts failures through Django's own
``user_login_failed`` signal and blocks at the login views, so nothing else changes.  The counters
live in Django's cache: configure a shared cache (database or Redis) when running several
server processes, otherwise each process counts on its own.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.cache import cache
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse

LOGIN_PATHS_EXTRA = ("/admin/login/",)


def failure_limit() -> int:
    return int(getattr(settings, "COOPNODE_LOGIN_FAILURE_LIMIT", 5))


def lockout_seconds() -> int:
    return int(getattr(settings, "COOPNODE_LOGIN_LOCKOUT_SECONDS", 15 * 60))


def client_address(request: HttpRequest | None) -> str:
    if request is None:
        return "unknown"
    return str(request.META.get("REMOTE_ADDR") or "unknown")


def _key(kind: str, value: str) -> str:
    digest = hashlib.sha256(value.strip().lower().encode("utf-8")).hexdigest()[:32]
    return f"coopnode:login-failures:{kind}:{digest}"


def failure_keys(request: HttpRequest | None, username: str) -> list[str]:
    keys = [_key("ip", client_address(request))]
    if username:
        keys.append(_key("user", username))
    return keys


def is_locked_out(request: HttpRequest, username: str) -> bool:
    # An address gets a few times the per-user allowance: a shared office NAT is not an attacker.
    ip_key, *user_keys = failure_keys(request, username)
    if (cache.get(ip_key) or 0) >= failure_limit() * 4:
        return True
    return any((cache.get(k) or 0) >= failure_limit() for k in user_keys)


def note_failure(request: HttpRequest | None, username: str) -> None:
    for key in failure_keys(request, username):
        if cache.add(key, 1, lockout_seconds()):
            continue
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, lockout_seconds())


def clear_failures(request: HttpRequest | None, username: str) -> None:
    cache.delete(_key("user", username))


@receiver(user_login_failed)
def _on_login_failed(sender, credentials, request=None, **kwargs):  # type: ignore[no-untyped-def]
    note_failure(request, str(credentials.get("username", "")))


@receiver(user_logged_in)
def _on_logged_in(sender, request, user, **kwargs):  # type: ignore[no-untyped-def]
    clear_failures(request, user.get_username())


class LoginThrottleMiddleware:
    """Answers 429 to a log-in attempt once the address or user name has failed too often."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method == "POST" and self._is_login(request.path):
            username = request.POST.get("username", "")
            if is_locked_out(request, username):
                minutes = max(1, lockout_seconds() // 60)
                message = f"Too many failed log-ins. Wait {minutes} minutes and try again."
                try:
                    body = render_to_string("members/login_throttled.html", {"minutes": minutes}, request=request)
                except Exception:  # noqa: BLE001 — the refusal must not depend on the page rendering
                    body = message
                response = HttpResponse(body, status=429)
                response["Retry-After"] = str(lockout_seconds())
                return response
        return self.get_response(request)

    @staticmethod
    def _is_login(path: str) -> bool:
        try:
            login = reverse("login")
        except Exception:  # noqa: BLE001 — no login URL configured
            login = str(settings.LOGIN_URL)
        return path in (login, *LOGIN_PATHS_EXTRA)
