"""Tokens in the Django admin: an administrator can issue one for any user without the CLI.

The plaintext is generated on save and shown once in the admin's message bar.
"""

from __future__ import annotations

from django.contrib import admin, messages

from ..registry import audit
from .models import ApiToken
from .tokens import do_revoke_token, new_secret


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
            raw, obj.prefix, obj.digest = new_secret()
            super().save_model(request, obj, form, change)
            audit.record("api_token.create", obj, user=request.user, owner=obj.owner.get_username(),
                         prefix=obj.prefix, via="admin")
            messages.warning(
                request, f"New API token for {obj.owner}: {raw} — copy it now, it is not shown again."
            )
            return
        super().save_model(request, obj, form, change)

    @admin.action(description="Revoke the selected tokens")
    def revoke(self, request, queryset):  # type: ignore[no-untyped-def]
        for token in queryset.filter(revoked_at__isnull=True):
            do_revoke_token(token, user=request.user)
