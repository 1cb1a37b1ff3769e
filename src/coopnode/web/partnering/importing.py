"""Bulk import of cooperation profiles from CSV or JSON Lines (operators, CLI).

All rows are checked first; if any row is bad, nothing is written and every bad row is
reported with its line number, so a fixed file can simply be imported again.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils import timezone

from coopnode.web.registry import audit
from coopnode.web.registry.models import Entity

from .actions import PROFILE_FIELDS, ProfileValidationError, check_profile_data
from .models import CooperationProfile, ProfileStatus

# Columns that are not profile fields but say whose profile it is.
OWNER_COLUMNS = ("owner_org", "owner_org_id", "organization")
IGNORED_COLUMNS = ("id", "status", "owner_org_name")
# The core's profile dicts (``Profile.to_dict``) say ``type``; the web model says ``profile_type``.
ALIASES = {"type": "profile_type"}


class ProfileImportError(Exception):
    """The file cannot be imported; ``errors`` lists (line, message) for every bad row."""

    def __init__(self, errors: list[tuple[int, str]]) -> None:
        super().__init__(f"{len(errors)} bad row(s); nothing imported")
        self.errors = errors


@dataclass
class ImportedRow:
    line: int
    data: dict[str, Any]
    owner: Entity | None = None


@dataclass
class ImportResult:
    created: list[CooperationProfile] = field(default_factory=list)


def read_rows(path: Path) -> list[tuple[int, dict[str, Any]]]:
    """(line number, row) pairs from a ``.csv`` or ``.jsonl``/``.json`` file (by extension,
    else by the first character: ``{`` means JSON Lines)."""
    text = path.read_text(encoding="utf-8-sig")
    is_json = path.suffix.lower() in (".jsonl", ".json", ".ndjson") or text.lstrip().startswith("{")
    if is_json:
        rows: list[tuple[int, dict[str, Any]]] = []
        errors: list[tuple[int, str]] = []
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                value = json.loads(line)
            except json.JSONDecodeError as exc:
                errors.append((number, f"not valid JSON ({exc.msg})"))
                continue
            if not isinstance(value, dict):
                errors.append((number, "a line must hold one JSON object"))
                continue
            rows.append((number, value))
        if errors:
            raise ProfileImportError(errors)
        return rows
    reader = csv.DictReader(io.StringIO(text))
    return [(reader.line_num, {k.strip(): v for k, v in row.items() if k}) for row in reader]


def _owner(value: Any) -> Entity | None | str:
    """Organization by id or exact name; a string return is an error message."""
    if value in (None, ""):
        return None
    value = str(value).strip()
    orgs = Entity.objects.filter(entity_type="organization")
    try:
        found = orgs.filter(pk=value).first()
    except Exception:  # not a UUID: look the name up instead
        found = None
    if found is None:
        matches = list(orgs.filter(name=value)[:2])
        if len(matches) != 1:
            return f"organization {value!r} not found" if not matches else f"organization name {value!r} is ambiguous"
        found = matches[0]
    return found


def check_rows(rows: list[tuple[int, dict[str, Any]]]) -> list[ImportedRow]:
    """Validate every row; raise :class:`ProfileImportError` listing all problems."""
    checked: list[ImportedRow] = []
    errors: list[tuple[int, str]] = []
    for line, row in rows:
        row = {ALIASES.get(k, k): v for k, v in row.items()}
        owner_value = next((row[c] for c in OWNER_COLUMNS if row.get(c)), None)
        data = {k: v for k, v in row.items() if k in PROFILE_FIELDS}
        unknown = sorted(set(row) - set(PROFILE_FIELDS) - set(OWNER_COLUMNS) - set(IGNORED_COLUMNS))
        if unknown:
            errors.append((line, f"unknown columns: {', '.join(unknown)}"))
            continue
        owner = _owner(owner_value)
        if isinstance(owner, str):
            errors.append((line, owner))
            continue
        try:
            clean = check_profile_data(data)
        except ProfileValidationError as exc:
            details = "; ".join(f"{k}: {v}" for k, v in (exc.details or {}).items())
            errors.append((line, details or exc.message))
            continue
        checked.append(ImportedRow(line, clean, owner))
    if errors:
        raise ProfileImportError(errors)
    return checked


def do_import_profiles(path: Path, *, actor: str = "cli", publish: bool = False) -> ImportResult:
    """Import a file in one transaction. ``publish`` is for operators loading profiles they
    have already validated; otherwise rows arrive as drafts awaiting validation (submitted)."""
    rows = check_rows(read_rows(path))
    result = ImportResult()
    status = ProfileStatus.PUBLISHED if publish else ProfileStatus.SUBMITTED
    with transaction.atomic():
        for row in rows:
            data = dict(row.data)
            country = data.pop("country", "") or (row.owner.country if row.owner else "")
            profile = CooperationProfile.objects.create(
                owner_org=row.owner, country=country, status=status,
                published_at=timezone.now() if publish else None, **data,
            )
            audit.record("partnering.profile_imported", profile, actor=actor, source=path.name, line=row.line,
                         status=status)
            result.created.append(profile)
    return result
