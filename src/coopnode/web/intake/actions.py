"""Ingesting a document: store it once, read it, resolve what it mentions, queue it for review.

``do_ingest`` is idempotent (the SHA-256 of the original bytes identifies a document) and atomic:
the document row, its claims and any entities it creates are written in one transaction, so a
crash half-way leaves nothing half-stored.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from coopnode import config
from coopnode.extract.errors import ExtractionInputError

from ..registry import audit
from ..registry.models import Document
from .sources import IntakeError, SourceItem, max_bytes
from .store import store_extraction

SUFFIX_BY_TYPE = {"html": ".html", "markdown": ".md", "text": ".txt"}


@dataclass(frozen=True)
class IngestResult:
    document: Document
    created: bool

    @property
    def summary(self) -> str:
        doc = self.document
        if not self.created:
            return f"already stored: {doc.source} (document {doc.pk})"
        counts = doc.claims.values("kind").order_by()
        by_kind: dict[str, int] = {}
        for row in counts:
            by_kind[row["kind"]] = by_kind.get(row["kind"], 0) + 1
        detail = ", ".join(f"{n} {k}s" for k, n in sorted(by_kind.items())) or "no facts found"
        return f"stored: {doc.source} [{doc.language}] (document {doc.pk}): {detail}, queued for review"


def check_document(item: SourceItem) -> None:
    """Refuse what cannot be a press release before anything is stored."""
    data = item.data
    if not data or not data.strip():
        raise IntakeError(f"{item.source}: the document is empty")
    if len(data) > max_bytes():
        limit_mb = max_bytes() / (1024 * 1024)
        raise IntakeError(f"{item.source}: the document is larger than the {limit_mb:.0f} MB limit")
    head = data[:8192]
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise IntakeError(f"{item.source}: this is a binary file, not text, HTML or Markdown")


def _write_original(data: bytes, sha256: str, suffix: str) -> str:
    """Store the original bytes content-addressed; atomic rename so no half-written file exists."""
    relative = Path("originals") / sha256[:2] / f"{sha256}{suffix}"
    target = config.data_dir() / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.exists():
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, target)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    return str(relative)


def do_ingest(
    item: SourceItem,
    *,
    lang: str | None = None,
    published: str | None = None,
    user: AbstractBaseUser | None = None,
    actor: str | None = None,
) -> IngestResult:
    """Store ``item`` (once), extract and resolve its facts as proposed claims."""
    from coopnode.extract import extract_document

    check_document(item)
    sha256 = hashlib.sha256(item.data).hexdigest()
    existing = Document.objects.filter(sha256=sha256).first()
    if existing is not None:
        return IngestResult(existing, created=False)
    try:
        result = extract_document(
            item.data, lang=lang, published=published, source_name=item.source,
            content_type=item.content_type,
        )
    except ExtractionInputError as exc:
        raise IntakeError(f"{item.source}: {exc}") from exc
    input_format = getattr(result, "input_format", None) or "text"
    relative = _write_original(item.data, sha256, SUFFIX_BY_TYPE.get(input_format, ".txt"))
    who = audit.actor_name(user, actor)
    with transaction.atomic():
        if Document.objects.filter(sha256=sha256).exists():  # a concurrent ingest won the race
            return IngestResult(Document.objects.get(sha256=sha256), created=False)
        contract = result.to_contract()
        document = Document.objects.create(
            source=item.source[:2000],
            source_kind=item.kind,
            sha256=sha256,
            content_type=item.content_type or "",
            size=len(item.data),
            original_path=relative,
            language=result.language or "",
            title=(result.title or "")[:1000],
            published=result.published or None,
            text=result.text,
            extraction=contract,
            status=Document.Status.EXTRACTED,
            ingested_by=who,
        )
        store_extraction(document, result, contract, actor=who)
        audit.record("document.ingest", document, user=user, actor=actor, source=item.source)
    return IngestResult(document, created=True)
