"""Shapes of API requests and answers (what the OpenAPI document at /api/openapi.json shows)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal
from uuid import UUID

from ninja import Schema


class ErrorDetail(Schema):
    code: str
    message: str
    details: Any = None


class ErrorOut(Schema):
    error: ErrorDetail


class NameOut(Schema):
    text: str
    lang: str
    kind: str
    script: str


class EntityOut(Schema):
    id: UUID
    type: str
    name: str
    country: str
    kind: str
    description: str
    website: str
    parent_id: UUID | None
    latitude: float | None
    longitude: float | None
    names: list[NameOut]
    version: int
    created_at: dt.datetime
    updated_at: dt.datetime
    url: str


class LinkOut(Schema):
    id: UUID
    name: str
    role: str = ""


class EventOut(Schema):
    id: UUID
    type: str
    title: str
    description: str
    date: str | None
    status: str
    place: LinkOut | None
    participants: list[LinkOut]
    cameo: str
    url: str


class AgreementOut(Schema):
    id: UUID
    type: str
    title: str
    date: str | None
    status: str
    parties: list[LinkOut]
    event_ids: list[UUID]
    url: str


class ProjectOut(Schema):
    id: UUID
    title: str
    description: str
    sector: str
    stage: str
    parties: list[LinkOut]
    agreement_ids: list[UUID]
    url: str


class DocumentOut(Schema):
    id: UUID
    source: str
    source_kind: str
    language: str
    title: str
    published: dt.date | None
    size: int
    sha256: str
    status: str
    created_at: dt.datetime
    text: str | None = None
    url: str


class ClaimOut(Schema):
    id: UUID
    document_id: UUID
    kind: str
    status: str
    text: str
    start: int
    end: int
    sentence: str
    entity_id: UUID | None
    position_id: UUID | None
    event_id: UUID | None
    agreement_id: UUID | None
    data: dict[str, Any]
    proposed_by: str
    reviewed_at: dt.datetime | None
    url: str


class IngestIn(Schema):
    text: str | None = None
    url: str | None = None
    source: str = ""
    lang: str | None = None
    published: str | None = None


class IngestOut(Schema):
    created: bool
    document: DocumentOut
    summary: str


class ReviewIn(Schema):
    decision: Literal["confirm", "correct", "reject", "pick"]
    entity_id: UUID | None = None
    name: str = ""
    entity_type: str = ""
    note: str = ""


class MergeIn(Schema):
    survivor_id: UUID
    loser_id: UUID


class MergeOut(Schema):
    id: int
    survivor_id: UUID
    loser_id: UUID
    created_at: dt.datetime
    undone_at: dt.datetime | None
    moved: dict[str, int]


class NameIn(Schema):
    text: str
    lang: str = ""
    kind: Literal["official", "short", "abbreviation", "transliteration", "alias"] = "alias"


class ProfileIn(Schema):
    expected_version: int
    description: str | None = None
    website: str | None = None
    add_names: list[NameIn] = []


class MeOut(Schema):
    authenticated: bool
    username: str | None
    role: str
    organization_id: UUID | None
