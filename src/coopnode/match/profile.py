"""Cooperation profiles (offers and requests) and which kinds of profile complete each other.

A profile is what a member publishes: "we offer X" or "we are looking for Y". Matching only
pairs profiles that can complete each other; this module holds that rule and the vocabularies
(profile types, cooperation types, readiness stages) as stable codes the web layer can store.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

MAX_TEXT_CHARS = 1000


class ProfileType(StrEnum):
    BUSINESS_OFFER = "business_offer"
    BUSINESS_REQUEST = "business_request"
    TECHNOLOGY_OFFER = "technology_offer"
    TECHNOLOGY_REQUEST = "technology_request"
    RESEARCH_REQUEST = "research_request"


class CooperationType(StrEnum):
    COMMERCIAL_AGREEMENT = "commercial_agreement"
    LICENCE = "licence"
    JOINT_VENTURE = "joint_venture"
    OUTSOURCING = "outsourcing"
    RESEARCH_COOPERATION = "research_cooperation"
    INVESTMENT = "investment"
    DISTRIBUTION = "distribution"
    TECHNICAL_COOPERATION = "technical_cooperation"
    SUPPLY = "supply"
    TRAINING = "training"


class Readiness(StrEnum):
    """Coarse technology stage; maps onto TRL bands (idea ≈ TRL 1–3, prototype ≈ 4–6,
    pilot ≈ 7–8, market ≈ 9)."""

    IDEA = "idea"
    PROTOTYPE = "prototype"
    PILOT = "pilot"
    MARKET = "market"


# Which profile types may be shown to the author of a given type. Research requests look for
# other research requests (partners for a joint project), and for technology offers whose
# owner may want to co-develop.
_COMPLEMENTS: dict[ProfileType, frozenset[ProfileType]] = {
    ProfileType.BUSINESS_OFFER: frozenset({ProfileType.BUSINESS_REQUEST}),
    ProfileType.BUSINESS_REQUEST: frozenset({ProfileType.BUSINESS_OFFER}),
    ProfileType.TECHNOLOGY_OFFER: frozenset(
        {ProfileType.TECHNOLOGY_REQUEST, ProfileType.RESEARCH_REQUEST}
    ),
    ProfileType.TECHNOLOGY_REQUEST: frozenset({ProfileType.TECHNOLOGY_OFFER}),
    ProfileType.RESEARCH_REQUEST: frozenset(
        {ProfileType.RESEARCH_REQUEST, ProfileType.TECHNOLOGY_OFFER}
    ),
}


def complementary_types(kind: ProfileType | str) -> frozenset[ProfileType]:
    """Profile types that can answer a profile of type ``kind``."""
    return _COMPLEMENTS[ProfileType(kind)]


def is_offer(kind: ProfileType | str) -> bool:
    return ProfileType(kind).value.endswith("_offer")


@dataclass
class Profile:
    """A published cooperation profile. ``sectors`` are taxonomy codes (refdata/sectors.yaml);
    countries are ISO 3166-1 alpha-2 codes; ``target_countries`` empty means "any"."""

    id: str
    type: ProfileType
    title: str
    summary: str = ""
    description: str = ""
    language: str = "en"
    owner_org_id: str | None = None
    sectors: tuple[str, ...] = ()
    readiness: Readiness | None = None
    cooperation_types: tuple[CooperationType, ...] = ()
    country: str | None = None
    target_countries: tuple[str, ...] = ()
    expires: date | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.type = ProfileType(self.type)
        self.readiness = Readiness(self.readiness) if self.readiness else None
        self.cooperation_types = tuple(CooperationType(c) for c in self.cooperation_types)
        self.sectors = tuple(self.sectors)
        self.country = self.country.upper() if self.country else None
        self.target_countries = tuple(c.upper() for c in self.target_countries)
        if isinstance(self.expires, str):
            self.expires = date.fromisoformat(self.expires)

    @property
    def text(self) -> str:
        """The text the encoder reads: title, summary and description in that order, cut at
        :data:`MAX_TEXT_CHARS`. The need is stated up front; a long description adds little
        meaning but costs encoding time in proportion to its length."""
        full = "\n".join(p for p in (self.title, self.summary, self.description) if p)
        return full[:MAX_TEXT_CHARS]

    def is_active(self, today: date | None = None) -> bool:
        """Expired profiles drop out of matching; a profile without expiry stays active."""
        return self.expires is None or self.expires >= (today or date.today())

    def complements(self, other: Profile) -> bool:
        """True when ``other`` answers this profile (and is not the same profile or owner)."""
        if other.id == self.id:
            return False
        if self.owner_org_id is not None and other.owner_org_id == self.owner_org_id:
            return False
        return other.type in complementary_types(self.type)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Profile:
        """Build from a JSON-like dict (eval set rows, API payloads); unknown keys go to extra."""
        known = {f for f in cls.__dataclass_fields__ if f != "extra"}
        kwargs = {k: v for k, v in data.items() if k in known}
        extra = {k: v for k, v in data.items() if k not in known}
        for key in ("sectors", "cooperation_types", "target_countries"):
            if key in kwargs:
                kwargs[key] = tuple(kwargs[key] or ())
        return cls(**kwargs, extra=extra)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type.value,
            "title": self.title,
            "summary": self.summary,
            "description": self.description,
            "language": self.language,
            "owner_org_id": self.owner_org_id,
            "sectors": list(self.sectors),
            "readiness": self.readiness.value if self.readiness else None,
            "cooperation_types": [c.value for c in self.cooperation_types],
            "country": self.country,
            "target_countries": list(self.target_countries),
            "expires": self.expires.isoformat() if self.expires else None,
            **self.extra,
        }
