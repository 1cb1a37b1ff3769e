from __future__ import annotations

import datetime as dt
import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from .entities import Entity


class DatePrecision(models.TextChoices):
    DAY = "day", _("day")
    MONTH = "month", _("month")
    YEAR = "year", _("year")


def parse_partial_date(value: str | None) -> tuple[dt.date | None, str]:
    """``"2026-06-05"`` / ``"2026-06"`` / ``"2026"`` -> (first day, precision)."""
    if not value:
        return None, DatePrecision.DAY
    parts = value.split("-")
    if len(parts) == 1:
        return dt.date(int(parts[0]), 1, 1), DatePrecision.YEAR
    if len(parts) == 2:
        return dt.date(int(parts[0]), int(parts[1]), 1), DatePrecision.MONTH
    return dt.date.fromisoformat(value[:10]), DatePrecision.DAY


def format_partial_date(value: dt.date | None, precision: str) -> str | None:
    """The inverse of :func:`parse_partial_date`: ISO 8601 at the stored precision."""
    if value is None:
        return None
    if precision == DatePrecision.YEAR:
        return f"{value.year:04d}"
    if precision == DatePrecision.MONTH:
        return f"{value.year:04d}-{value.month:02d}"
    return value.isoformat()


class PartialDateMixin(models.Model):
    """A date known to the day, month or year."""

    date = models.DateField(_("date"), null=True, blank=True, db_index=True)
    date_precision = models.CharField(
        _("date precision"), max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )

    class Meta:
        abstract = True

    @property
    def date_iso(self) -> str | None:
        return format_partial_date(self.date, self.date_precision)


class EventType(models.TextChoices):
    MEETING = "meeting", _("Meeting")
    VISIT = "visit", _("Visit")
    SIGNING = "signing", _("Signing")
    CEREMONY = "ceremony", _("Ceremony")
    FORUM = "forum", _("Forum")
    APPROVAL = "approval", _("Approval")
    OTHER = "other", _("Other")


class EventStatus(models.TextChoices):
    PAST = "past", _("past")
    PLANNED = "planned", _("planned")


class Event(PartialDateMixin):
    """A dated cooperation event: a meeting, visit, signing, ceremony, forum, approval …"""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    event_type = models.CharField(_("type"), max_length=20, choices=EventType.choices, db_index=True)
    title = models.CharField(_("title"), max_length=500, blank=True)
    title_lang = models.CharField(max_length=10, blank=True)
    description = models.TextField(_("description"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=EventStatus.choices, default=EventStatus.PAST)
    place = models.ForeignKey(
        Entity, null=True, blank=True, on_delete=models.SET_NULL, related_name="events_here",
        verbose_name=_("place"),
    )
    participants = models.ManyToManyField(Entity, through="EventParticipant", related_name="events")
    cameo = models.CharField(_("CAMEO code"), max_length=6, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-date", "event_type"]
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def __str__(self) -> str:
        return self.title or f"{self.get_event_type_display()} {self.date_iso or ''}".strip()


class EventParticipant(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="participations")
    entity = models.ForeignKey(Entity, on_delete=models.CASCADE, related_name="participations")
    role = models.CharField(_("role"), max_length=100, blank=True, help_text=_("host, guest, organizer …"))

    class Meta:
        constraints = [models.UniqueConstraint(fields=["event", "entity"], name="unique_event_participant")]


class AgreementType(models.TextChoices):
    MEMORANDUM = "memorandum", _("Memorandum")
    AGREEMENT = "agreement", _("Agreement")
    CONTRACT = "contract", _("Contract")
    ROADMAP = "roadmap", _("Roadmap")
    DECLARATION = "declaration", _("Declaration")
    OTHER = "other", _("Other")


class AgreementStatus(models.TextChoices):
    PLANNED = "planned", _("planned")
    SIGNED = "signed", _("signed")
    IN_FORCE = "in_force", _("in force")
    EXPIRED = "expired", _("expired")
    UNKNOWN = "unknown", _("unknown")


class Agreement(PartialDateMixin):
    """An MoU, agreement, contract, roadmap or declaration between parties."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    agreement_type = models.CharField(_("type"), max_length=20, choices=AgreementType.choices)
    title = models.CharField(_("title"), max_length=1000)
    title_lang = models.CharField(max_length=10, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=AgreementStatus.choices, default=AgreementStatus.UNKNOWN
    )
    parties = models.ManyToManyField(Entity, through="AgreementParty", related_name="agreements")
    events = models.ManyToManyField(Event, through="AgreementEvent", related_name="agreements")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-date", "title"]
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")

    def __str__(self) -> str:
        return self.title


class AgreementParty(models.Model):
    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="party_links")
    entity = models.ForeignKey(Entity, on_delete=models.CASCADE, related_name="agreement_links")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["agreement", "entity"], name="unique_agreement_party")]


class AgreementEvent(models.Model):
    """Links an agreement to the event it came from (origin) or one that followed it."""

    class Relation(models.TextChoices):
        ORIGIN = "origin", _("came from")
        FOLLOWUP = "followup", _("followed by")
        MENTIONED = "mentioned", _("mentioned at")

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="event_links")
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="agreement_links")
    relation = models.CharField(max_length=10, choices=Relation.choices, default=Relation.MENTIONED)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["agreement", "event", "relation"], name="unique_agreement_event")
        ]


class ProjectStage(models.TextChoices):
    IDEA = "idea", _("idea")
    PREPARATION = "preparation", _("preparation")
    ACTIVE = "active", _("in progress")
    COMPLETED = "completed", _("completed")
    SUSPENDED = "suspended", _("suspended")


class Project(models.Model):
    """A cooperation project carried by parties, often born of an agreement."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    title = models.CharField(_("title"), max_length=500)
    title_lang = models.CharField(max_length=10, blank=True)
    description = models.TextField(_("description"), blank=True)
    sector = models.CharField(_("sector"), max_length=50, blank=True)
    stage = models.CharField(_("stage"), max_length=20, choices=ProjectStage.choices, default=ProjectStage.IDEA)
    parties = models.ManyToManyField(Entity, related_name="projects", blank=True)
    agreements = models.ManyToManyField(Agreement, related_name="projects", blank=True)
    events = models.ManyToManyField(Event, related_name="projects", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["title"]
        verbose_name = _("project")
        verbose_name_plural = _("projects")

    def __str__(self) -> str:
        return self.title
