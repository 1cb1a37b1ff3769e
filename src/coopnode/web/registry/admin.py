from django.contrib import admin

from .models import (
    Agreement,
    AgreementParty,
    AuditLog,
    Claim,
    Document,
    Entity,
    EntityName,
    Event,
    EventParticipant,
    Position,
    Project,
)


class EntityNameInline(admin.TabularInline):
    model = EntityName
    extra = 0
    fields = ("text", "lang", "script", "kind", "source")
    readonly_fields = ("script",)


@admin.register(Entity)
class EntityAdmin(admin.ModelAdmin):
    list_display = ("name", "entity_type", "country", "org_kind", "place_kind", "gazetteer_id")
    list_filter = ("entity_type", "country", "org_kind", "place_kind")
    search_fields = ("name", "names__text", "gazetteer_id")
    inlines = [EntityNameInline]
    raw_id_fields = ("parent", "merged_into")


class EventParticipantInline(admin.TabularInline):
    model = EventParticipant
    extra = 0
    raw_id_fields = ("entity",)


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ("__str__", "event_type", "date", "date_precision", "status", "place")
    list_filter = ("event_type", "status")
    date_hierarchy = "date"
    inlines = [EventParticipantInline]
    raw_id_fields = ("place",)


class AgreementPartyInline(admin.TabularInline):
    model = AgreementParty
    extra = 0
    raw_id_fields = ("entity",)


@admin.register(Agreement)
class AgreementAdmin(admin.ModelAdmin):
    list_display = ("title", "agreement_type", "date", "status")
    list_filter = ("agreement_type", "status")
    search_fields = ("title",)
    inlines = [AgreementPartyInline]


@admin.register(Position)
class PositionAdmin(admin.ModelAdmin):
    list_display = ("person", "title", "organization", "start_date", "end_date")
    search_fields = ("title", "person__name")
    raw_id_fields = ("person", "organization")


@admin.register(Project)
class ProjectAdmin(admin.ModelAdmin):
    list_display = ("title", "sector", "stage")
    filter_horizontal = ("parties", "agreements", "events")


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ("__str__", "language", "published", "status", "created_at")
    list_filter = ("language", "status", "source_kind")
    search_fields = ("title", "source", "sha256")
    readonly_fields = ("sha256", "size", "original_path", "extraction")


@admin.register(Claim)
class ClaimAdmin(admin.ModelAdmin):
    list_display = ("text", "kind", "status", "document", "reviewer", "reviewed_at")
    list_filter = ("kind", "status")
    search_fields = ("text", "sentence")
    raw_id_fields = ("document", "entity", "position", "event", "agreement")


@admin.register(AuditLog)
class AuditLogAdmin(admin.ModelAdmin):
    list_display = ("time", "actor", "action", "object_type", "object_id")
    list_filter = ("action", "object_type")
    search_fields = ("actor", "object_id")

    def has_change_permission(self, request, obj=None):  # noqa: ARG002
        return False

    def has_delete_permission(self, request, obj=None):  # noqa: ARG002
        return False
