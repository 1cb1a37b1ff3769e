"""Expressions of interest: one organization asks to get in touch about a profile."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class InterestStatus(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    ON_HOLD = "on_hold", _("On hold by the operator")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    CLOSED = "closed", _("Closed by the operator")


OPEN_INTEREST = (InterestStatus.REQUESTED, InterestStatus.ON_HOLD)


class ExpressionOfInterest(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    profile = models.ForeignKey(
        "partnering.CooperationProfile", on_delete=models.CASCADE, related_name="interests",
        verbose_name=_("profile"),
    )
    from_org = models.ForeignKey(
        "registry.Entity", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("from organization"),
    )
    from_user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    message = models.TextField(_("message"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=InterestStatus.choices, default=InterestStatus.REQUESTED,
        db_index=True,
    )
    operator_note = models.TextField(_("operator note"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    responded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("expression of interest")
        verbose_name_plural = _("expressions of interest")

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_INTEREST
