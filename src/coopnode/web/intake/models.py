"""Intake records: feed subscriptions, the items seen in them, and reversible entity merges."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Feed(models.Model):
    """An RSS or Atom feed an operator subscribed to; polled in the background."""

    url = models.URLField(_("feed address"), max_length=2000, unique=True)
    title = models.CharField(_("title"), max_length=500, blank=True)
    active = models.BooleanField(_("active"), default=True)
    lang = models.CharField(_("language of the items"), max_length=10, blank=True,
                            help_text=_("leave empty to detect it per item"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    last_polled_at = models.DateTimeField(_("last polled"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        ordering = ["url"]
        verbose_name = _("feed")
        verbose_name_plural = _("feeds")

    def __str__(self) -> str:
        return self.title or self.url


class FeedItem(models.Model):
    """One entry of a feed; its ``guid`` makes sure it is ingested once."""

    class Status(models.TextChoices):
        INGESTED = "ingested", _("ingested")
        FAILED = "failed", _("failed")

    feed = models.ForeignKey(Feed, on_delete=models.CASCADE, related_name="items")
    guid = models.CharField(max_length=2000)
    link = models.CharField(max_length=2000, blank=True)
    title = models.CharField(max_length=1000, blank=True)
    published = models.DateField(null=True, blank=True)
    document = models.ForeignKey("registry.Document", null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="feed_items")
    status = models.CharField(max_length=10, choices=Status.choices)
    error = models.TextField(blank=True)
    attempts = models.PositiveIntegerField(default=0)
    first_seen_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-first_seen_at"]
        constraints = [models.UniqueConstraint(fields=["feed", "guid"], name="unique_feed_item")]

    def __str__(self) -> str:
        return self.title or self.link or self.guid


class MergeRecord(models.Model):
    """What one merge of two entities moved, so that :func:`registry.merge.do_unmerge` can put
    everything back."""

    survivor = models.ForeignKey("registry.Entity", on_delete=models.CASCADE, related_name="+")
    loser = models.ForeignKey("registry.Entity", on_delete=models.CASCADE, related_name="+")
    data = models.JSONField(default=dict)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    actor = models.CharField(max_length=200)
    created_at = models.DateTimeField(auto_now_add=True)
    undone_at = models.DateTimeField(null=True, blank=True)
    undone_by = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("merge")
        verbose_name_plural = _("merges")

    def __str__(self) -> str:
        return f"{self.loser_id} → {self.survivor_id}"
