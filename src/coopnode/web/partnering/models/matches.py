"""Stored matches between published profiles, with the reasons that explain them."""

from __future__ import annotations

from django.db import models


class Match(models.Model):
    """``candidate`` answers ``profile``. ``reasons`` are the core's reasons as JSON
    (code, score, weight, params) so that each reader gets them rendered in their own language."""

    profile = models.ForeignKey("partnering.CooperationProfile", on_delete=models.CASCADE, related_name="matches")
    candidate = models.ForeignKey("partnering.CooperationProfile", on_delete=models.CASCADE, related_name="+")
    score = models.FloatField()
    reasons = models.JSONField(default=list)
    computed_at = models.DateTimeField(auto_now=True)
    notified_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-score"]
        unique_together = [("profile", "candidate")]
