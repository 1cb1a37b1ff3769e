from __future__ import annotations

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


class EntityType(models.TextChoices):
    ORGANIZATION = "organization", _("Organization")
    PERSON = "person", _("Person")
    PLACE = "place", _("Place")


class OrganizationKind(models.TextChoices):
    GOVERNMENT = "government", _("Government body")
    MINISTRY = "ministry", _("Ministry")
    ASSOCIATION = "association", _("Association")
    CHAMBER = "chamber", _("Chamber of commerce")
    COMPANY = "company", _("Company")
    UNIVERSITY = "university", _("University or research institute")
    NETWORK_NODE = "network_node", _("Network node")
    INTERNATIONAL = "international", _("International organization")
    AGENCY = "agency", _("Government agency")
    LEGISLATURE = "legislature", _("Legislature")
    EMBASSY = "embassy", _("Embassy")
    BANK = "bank", _("Bank")
    PARK = "park", _("Industrial or technology park")
    CENTRE = "centre", _("Centre")
    MEDIA = "media", _("Media")
    OTHER = "other", _("Other")


class PlaceKind(models.TextChoices):
    COUNTRY = "country", _("Country")
    REGION = "region", _("Region")
    CITY = "city", _("City")
    OTHER = "other", _("Other place")


class EntityManager(models.Manager):
    """Hides entities that were merged into another one."""

    def get_queryset(self):  # type: ignore[override]
        return super().get_queryset().filter(merged_into__isnull=True)


class Entity(models.Model):
    """An organization, person or place of the cooperation graph.

    One table for the three kinds keeps names, mentions, merges and search in one place; the proxy
    models ``Organization``, ``Person`` and ``Place`` give each kind its own admin and queries.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    entity_type = models.CharField(_("type"), max_length=20, choices=EntityType.choices, db_index=True)
    name = models.CharField(_("display name"), max_length=500)
    name_lang = models.CharField(_("language of the display name"), max_length=10, blank=True)
    country = models.CharField(_("country"), max_length=2, blank=True, help_text=_("ISO 3166-1 alpha-2"))
    org_kind = models.CharField(_("organization kind"), max_length=20, choices=OrganizationKind.choices, blank=True)
    place_kind = models.CharField(_("place kind"), max_length=20, choices=PlaceKind.choices, blank=True)
    iso_code = models.CharField(_("ISO 3166 code"), max_length=10, blank=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="children",
        verbose_name=_("parent"),
    )
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(_("website"), blank=True)
    gazetteer_id = models.CharField(max_length=100, null=True, blank=True, unique=True)
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="merged_entities"
    )
    version = models.PositiveIntegerField(default=1, help_text="optimistic-locking counter")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EntityManager()
    all_objects = models.Manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("entity")
        verbose_name_plural = _("entities")
        indexes = [models.Index(fields=["entity_type", "country"])]

    def __str__(self) -> str:
        return self.name

    def name_in(self, lang: str) -> str:
        """The best name to show a reader of ``lang``."""
        lang = lang.split("-")[0]
        preferred = {"official": 0, "short": 1, "alias": 2, "transliteration": 3, "abbreviation": 4}
        names = [n for n in self.names.all() if n.lang == lang]
        if not names:
            return self.name
        names.sort(key=lambda n: (preferred.get(n.kind, 9), -len(n.text)))
        return names[0].text


class _TypedManager(EntityManager):
    entity_type = ""

    def get_queryset(self):  # type: ignore[override]
        return super().get_queryset().filter(entity_type=self.entity_type)


class _OrganizationManager(_TypedManager):
    entity_type = EntityType.ORGANIZATION


class _PersonManager(_TypedManager):
    entity_type = EntityType.PERSON


class _PlaceManager(_TypedManager):
    entity_type = EntityType.PLACE


class Organization(Entity):
    objects = _OrganizationManager()

    class Meta:
        proxy = True
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")

    def save(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        self.entity_type = EntityType.ORGANIZATION
        super().save(*args, **kwargs)


class Person(Entity):
    objects = _PersonManager()

    class Meta:
        proxy = True
        verbose_name = _("person")
        verbose_name_plural = _("persons")

    def save(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        self.entity_type = EntityType.PERSON
        super().save(*args, **kwargs)


class Place(Entity):
    objects = _PlaceManager()

    class Meta:
        proxy = True
        verbose_name = _("place")
        verbose_name_plural = _("places")

    def save(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        self.entity_type = EntityType.PLACE
        super().save(*args, **kwargs)


class NameKind(models.TextChoices):
    OFFICIAL = "official", _("official")
    SHORT = "short", _("short")
    ABBREVIATION = "abbreviation", _("abbreviation")
    TRANSLITERATION = "transliteration", _("transliteration")
    ALIAS = "alias", _("alias")


class EntityName(models.Model):
    """One name of an entity in one language; an entity has any number of them."""

    entity = models.ForeignKey(Entity, on_delete=models.CASCADE, related_name="names")
    text = models.CharField(_("name"), max_length=500)
    lang = models.CharField(_("language"), max_length=10, blank=True)
    script = models.CharField(_("script"), max_length=10, blank=True, help_text="ISO 15924, e.g. Cyrl, Latn, Hans")
    kind = models.CharField(_("kind"), max_length=20, choices=NameKind.choices, default=NameKind.OFFICIAL)
    normalized = models.CharField(max_length=500, db_index=True)
    source = models.CharField(max_length=100, blank=True, help_text="gazetteer, extraction, operator …")

    class Meta:
        ordering = ["lang", "kind", "text"]
        constraints = [
            models.UniqueConstraint(fields=["entity", "text", "lang", "kind"], name="unique_entity_name")
        ]

    def __str__(self) -> str:
        return f"{self.text} [{self.lang}/{self.kind}]"


class NameKey(models.Model):
    """Index keys of a name (normalised form, transliteration, skeleton) to find candidates
    across scripts and spellings."""

    name = models.ForeignKey(EntityName, on_delete=models.CASCADE, related_name="keys")
    entity = models.ForeignKey(Entity, on_delete=models.CASCADE, related_name="name_keys")
    key = models.CharField(max_length=500, db_index=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["name", "key"], name="unique_name_key")]


class Position(models.Model):
    """A title a person holds (or held) in an organization."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    person = models.ForeignKey(Entity, on_delete=models.CASCADE, related_name="positions")
    organization = models.ForeignKey(
        Entity, null=True, blank=True, on_delete=models.SET_NULL, related_name="staff_positions"
    )
    title = models.CharField(_("title"), max_length=500)
    title_lang = models.CharField(max_length=10, blank=True)
    start_date = models.DateField(_("from"), null=True, blank=True)
    end_date = models.DateField(_("to"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["person__name", "title"]
        verbose_name = _("position")
        verbose_name_plural = _("positions")

    def __str__(self) -> str:
        return f"{self.person} — {self.title}"
