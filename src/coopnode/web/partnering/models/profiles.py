"""Cooperation profiles: what a member organization offers or looks for."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from coopnode.match.profile import CooperationType, ProfileType, Readiness

PROFILE_TYPE_CHOICES = [
    (ProfileType.BUSINESS_OFFER.value, _("Business offer")),
    (ProfileType.BUSINESS_REQUEST.value, _("Business request")),
    (ProfileType.TECHNOLOGY_OFFER.value, _("Technology offer")),
    (ProfileType.TECHNOLOGY_REQUEST.value, _("Technology request")),
    (ProfileType.RESEARCH_REQUEST.value, _("Research partner search")),
]
COOPERATION_TYPE_CHOICES = [
    (CooperationType.COMMERCIAL_AGREEMENT.value, _("Commercial agreement")),
    (CooperationType.LICENCE.value, _("Licence")),
    (CooperationType.JOINT_VENTURE.value, _("Joint venture")),
    (CooperationType.OUTSOURCING.value, _("Outsourcing")),
    (CooperationType.RESEARCH_COOPERATION.value, _("Research cooperation")),
    (CooperationType.INVESTMENT.value, _("Investment")),
    (CooperationType.DISTRIBUTION.value, _("Distribution")),
    (CooperationType.TECHNICAL_COOPERATION.value, _("Technical cooperation")),
    (CooperationType.SUPPLY.value, _("Supply")),
    (CooperationType.TRAINING.value, _("Training")),
]
READINESS_CHOICES = [
    (Readiness.IDEA.value, _("Idea")),
    (Readiness.PROTOTYPE.value, _("Prototype")),
    (Readiness.PILOT.value, _("Pilot")),
    (Readiness.MARKET.value, _("On the market")),
]
LANGUAGE_CHOICES = [("ru", _("Russian")), ("zh", _("Chinese")), ("en", _("English"))]


class ProfileStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Awaiting validation")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    PUBLISHED = "published", _("Published")
    EXPIRED = "expired", _("Expired")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class CooperationProfile(models.Model):
    """An offer or request of one organization. Only published, unexpired profiles are shown to
    the public and take part in matching; operators validate every profile before that."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner_org = models.ForeignKey(
        "registry.Entity", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="cooperation_profiles", verbose_name=_("organization"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="cooperation_profiles",
    )
    profile_type = models.CharField(_("type"), max_length=30, choices=PROFILE_TYPE_CHOICES, db_index=True)
    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(_("summary"), blank=True)
    description = models.TextField(_("description"), blank=True)
    language = models.CharField(_("language"), max_length=5, choices=LANGUAGE_CHOICES, default="en")
    sectors = models.JSONField(_("sectors"), default=list, blank=True)
    readiness = models.CharField(_("readiness"), max_length=20, choices=READINESS_CHOICES, blank=True)
    cooperation_types = models.JSONField(_("cooperation types"), default=list, blank=True)
    country = models.CharField(_("country"), max_length=2, blank=True)
    target_countries = models.JSONField(_("target countries"), default=list, blank=True)
    expires = models.DateField(_("expiry date"), null=True, blank=True, db_index=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ProfileStatus.choices, default=ProfileStatus.DRAFT,
        db_index=True,
    )
    operator_note = models.TextField(_("operator note"), blank=True)
    # Shown only to the owner, operators and organizations whose interest the owner accepted.
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=50, blank=True)
    expiry_notice_sent = models.DateField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at"]
        verbose_name = _("cooperation profile")
        verbose_name_plural = _("cooperation profiles")

    def __str__(self) -> str:
        return self.title

    @property
    def owner_name(self) -> str:
        return self.owner_org.name if self.owner_org_id and self.owner_org else ""

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("partnering:profile", args=[self.pk])


class ProfileEmbedding(models.Model):
    """A profile's text vector kept in the database (float32 bytes), used when the node runs on
    PostgreSQL so that every web process reads the same vectors. ``text_hash`` tells whether the
    profile text changed since the vector was made."""

    profile = models.OneToOneField(CooperationProfile, on_delete=models.CASCADE, related_name="embedding")
    encoder = models.CharField(max_length=40)
    dim = models.PositiveIntegerField()
    vector = models.BinaryField()
    text_hash = models.CharField(max_length=64)
    updated_at = models.DateTimeField(auto_now=True)

