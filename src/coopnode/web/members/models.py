"""A member account speaks for one organization of the registry."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Membership(models.Model):
    """Ties a user to the organization whose profile they may edit.

    One organization per user keeps the object-level rule simple and auditable: a member edits
    exactly one profile; an organization may have several member accounts.
    """

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="membership", verbose_name=_("user"))
    organization = models.ForeignKey("registry.Entity", on_delete=models.CASCADE,
                                     related_name="memberships", verbose_name=_("organization"))
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["organization__name", "user__username"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self) -> str:
        return f"{self.user} @ {self.organization}"
