"""The portal's search index.

``SearchEntry`` holds one row per searchable record (an entity with all its names and keys, a
document, an event, an agreement, a project) with its text already segmented into words, so that
Chinese — written without spaces — is searchable by the database's word-based full-text engine.
The full-text index itself is backend specific and created in migration 0002: an FTS5 table on
SQLite (kept in step with this table by triggers), a GIN index over ``to_tsvector('simple', body)``
on PostgreSQL.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

ENTITY, DOCUMENT, EVENT, AGREEMENT, PROJECT = "entity", "document", "event", "agreement", "project"


class SearchEntry(models.Model):
    class Kind(models.TextChoices):
        ENTITY = ENTITY, _("entity")
        DOCUMENT = DOCUMENT, _("document")
        EVENT = EVENT, _("event")
        AGREEMENT = AGREEMENT, _("agreement")
        PROJECT = PROJECT, _("project")

    kind = models.CharField(max_length=10, choices=Kind.choices)
    object_id = models.UUIDField()
    title = models.CharField(max_length=1000, blank=True)
    body = models.TextField(help_text="space-separated, lower-cased words (Chinese segmented by jieba)")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "object_id"], name="unique_search_entry")]
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")

    def __str__(self) -> str:
        return f"{self.kind}: {self.title}"
