"""Tokens in the Django admin: an administrator can issue one for any user without the CLI.

The plaintext is generated on save and shown once in the admin's message bar.
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.utils import timezone

from .models import ApiToken
from .tokens import TOKEN_PREFIX, token_digest


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("prefix", "name", "owner", "created_at", "last_used_at", "revoked_at")
    list_filter = ("revoked_at",)
    search_fields = ("prefix", "name", "owner__username")
    fields = ("owner", "name", "prefix", "created_at", "last_used_at", "revoked_at")
    readonly_fields = ("prefix", "created_at", "last_used_at", "revoked_at")
    actions = ["revoke"]

    def save_model(self, request, obj, form, change):  # type: ignore[no-untyped-def]
        if not change:
            import secrets

            raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
            obj.prefix = raw[:10]
            obj.digest = token_digest(raw)
            super().save_model(request, obj, form, change)
            messages.warning(
                request, f"New API token for {obj.owner}: {raw} — copy it now, it is not shown again."
            )
            return
        super().save_model(request, obj, form, change)

    @admin.action(description="Revoke the selected tokens")
    def revoke(self, request, queryset):  # type: ignore[no-untyped-def]
        queryset.filter(revoked_at__isnull=True).update(revoked_at=timezone.now())
