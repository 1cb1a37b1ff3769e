"""Read-only admin views for inspection; changes go through the portal's operator pages (and
so through the actions and the audit log)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin

from .models import (
    CooperationProfile,
    ExpressionOfInterest,
    Match,
    Notification,
)


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: Any) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return False


@admin.register(CooperationProfile)
class CooperationProfileAdmin(ReadOnlyAdmin):
    list_display = ("title", "profile_type", "status", "language", "owner_org", "expires", "updated_at")
    list_filter = ("status", "profile_type", "language")
    search_fields = ("title", "summary")


@admin.register(ExpressionOfInterest)
class ExpressionOfInterestAdmin(ReadOnlyAdmin):
    list_display = ("profile", "from_org", "from_user", "status", "created_at")
    list_filter = ("status",)


@admin.register(Match)
class MatchAdmin(ReadOnlyAdmin):
    list_display = ("profile", "candidate", "score", "computed_at", "notified_at")


@admin.register(Notification)
class NotificationAdmin(ReadOnlyAdmin):
    list_display = ("user", "kind", "read", "created_at")
    list_filter = ("kind", "read")


