"""Feeds and merges in the Django admin (read-mostly: changes go through the operator pages)."""

from __future__ import annotations

from django.contrib import admin

from .models import Feed, FeedItem, MergeRecord


class FeedItemInline(admin.TabularInline):
    model = FeedItem
    extra = 0
    fields = ("title", "link", "status", "attempts", "document", "first_seen_at")
    readonly_fields = fields
    can_delete = False


@admin.register(Feed)
class FeedAdmin(admin.ModelAdmin):
    list_display = ("url", "title", "active", "last_polled_at", "last_error")
    list_filter = ("active",)
    search_fields = ("url", "title")
    readonly_fields = ("created_by", "created_at", "last_polled_at", "last_error")
    inlines = [FeedItemInline]


@admin.register(MergeRecord)
class MergeRecordAdmin(admin.ModelAdmin):
    list_display = ("created_at", "actor", "loser", "survivor", "undone_at")
    readonly_fields = ("survivor", "loser", "data", "created_by", "actor", "created_at", "undone_at", "undone_by")

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False
