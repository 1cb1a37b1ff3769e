"""Portal notices. The text is a msgid plus parameters so each user reads it in their language."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext


class Notification(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="partnering_notifications")
    kind = models.CharField(max_length=40, db_index=True)
    text_key = models.CharField(max_length=300)
    params = models.JSONField(default=dict, blank=True)
    url = models.CharField(max_length=300, blank=True)
    read = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def render(self) -> str:
        """The notice in the active language (``text_key`` is a msgid with %(name)s slots)."""
        try:
            return gettext(self.text_key) % self.params
        except (KeyError, TypeError, ValueError):
            return gettext(self.text_key)
