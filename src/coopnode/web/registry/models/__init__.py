"""The cooperation registry: a knowledge graph with provenance and names in many languages."""

from .audit import AuditLog
from .documents import Claim, ClaimStatus, Document
from .entities import Entity, EntityName, EntityType, NameKey, Organization, Person, Place, Position
from .events import (
    Agreement,
    AgreementEvent,
    AgreementParty,
    DatePrecision,
    Event,
    EventParticipant,
    Project,
)

__all__ = [
    "Agreement", "AgreementEvent", "AgreementParty", "AuditLog", "Claim", "ClaimStatus",
    "DatePrecision", "Document", "Entity", "EntityName", "EntityType", "Event", "EventParticipant",
    "NameKey", "Organization", "Person", "Place", "Position", "Project",
]
