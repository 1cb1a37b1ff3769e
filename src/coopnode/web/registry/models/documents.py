from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .entities import Entity, Position
from .events import Agreement, Event


class Document(models.Model):
    """A source document as it was ingested: original bytes (in the data directory), the plain
    text that every provenance span points into, and the extraction output."""

    class SourceKind(models.TextChoices):
        FILE = "file", _("file")
        URL = "url", _("web address")
        FEED = "feed", _("feed item")
        UPLOAD = "upload", _("upload")
        SAMPLE = "sample", _("sample data")

    class Status(models.TextChoices):
        STORED = "stored", _("stored")
        EXTRACTED = "extracted", _("extracted")
        FAILED = "failed", _("extraction failed")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    source = models.CharField(_("source"), max_length=2000, help_text=_("file name or URL, as given"))
    source_kind = models.CharField(max_length=10, choices=SourceKind.choices, default=SourceKind.FILE)
    sha256 = models.CharField(max_length=64, unique=True)
    content_type = models.CharField(max_length=100, blank=True)
    size = models.PositiveBigIntegerField(default=0)
    original_path = models.CharField(max_length=500, help_text="relative to the data directory")
    language = models.CharField(_("language"), max_length=10, blank=True)
    title = models.CharField(_("title"), max_length=1000, blank=True)
    published = models.DateField(_("published"), null=True, blank=True)
    text = models.TextField(_("text"), blank=True)
    extraction = models.JSONField(default=dict, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.STORED)
    error = models.TextField(blank=True)
    ingested_by = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-published", "-created_at"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self) -> str:
        return self.title or self.source


class ClaimStatus(models.TextChoices):
    PROPOSED = "proposed", _("proposed")
    CONFIRMED = "confirmed", _("confirmed")
    CORRECTED = "corrected", _("corrected")
    REJECTED = "rejected", _("rejected")


class Claim(models.Model):
    """Provenance of one fact: the document, character span and sentence it was read from, who
    proposed it, and its review state.  Exactly one of the subject links is set, per ``kind``."""

    class Kind(models.TextChoices):
        MENTION = "mention", _("mention of an entity")
        POSITION = "position", _("position")
        EVENT = "event", _("event")
        AGREEMENT = "agreement", _("agreement")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="claims")
    kind = models.CharField(max_length=10, choices=Kind.choices, db_index=True)
    entity = models.ForeignKey(Entity, null=True, blank=True, on_delete=models.CASCADE, related_name="claims")
    position = models.ForeignKey(Position, null=True, blank=True, on_delete=models.CASCADE, related_name="claims")
    event = models.ForeignKey(Event, null=True, blank=True, on_delete=models.CASCADE, related_name="claims")
    agreement = models.ForeignKey(Agreement, null=True, blank=True, on_delete=models.CASCADE, related_name="claims")
    text = models.CharField(_("surface text"), max_length=2000)
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    sentence = models.TextField(_("sentence"), blank=True)
    data = models.JSONField(
        default=dict, blank=True,
        help_text="what was proposed: canonical name, type, ranked candidates with scores …",
    )
    proposed_by = models.CharField(max_length=200, help_text="extractor version or user name")
    status = models.CharField(max_length=10, choices=ClaimStatus.choices, default=ClaimStatus.PROPOSED, db_index=True)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="reviewed_claims"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_note = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["document", "start"]
        verbose_name = _("claim")
        verbose_name_plural = _("claims")
        indexes = [models.Index(fields=["status", "kind"])]

    def __str__(self) -> str:
        return f"{self.kind}: {self.text} [{self.status}]"
