"""One search box over every name and document, in Russian, Chinese and English.

How it works
------------
* Every searchable record has one :class:`~coopnode.web.portal.models.SearchEntry` whose ``body``
  is a list of words: the record's text normalised (case, ё/е, punctuation, Latin diacritics) with
  Chinese cut into words by jieba (plus character pairs, so a two-character query finds a longer
  word).  An entity's body holds *all* its names in every language and their lookup keys
  (transliterations such as ``wulumuqi``), so "Урумчи", "Urumqi" and "乌鲁木齐" all reach the same
  city.
* The database's full-text engine indexes ``body``: FTS5 on SQLite, a GIN index over
  ``to_tsvector('simple', body)`` on PostgreSQL (migration ``0002``); other databases fall back to
  a slow substring scan.  Queries are segmented the same way and every word must match, as a
  prefix (Russian words lose their ending first, so "Урумчи" also finds "Урумчи" in "в Урумчи").
* Besides full text, the query's own name keys are looked up in the registry's ``NameKey`` table,
  so a spelling the registry learnt only as a key (a transliteration) still finds the entity; and
  documents that mention the best-matching entities are added, so a search in one script also
  finds the press releases written in the others.
* The index is kept current by signal handlers (``signals.py``) on every save of an entity, name,
  document, event, agreement or project; :func:`rebuild_index` (management command
  ``rebuild_search_index``) recreates it from scratch after a bulk import or restore.
"""

from __future__ import annotations

import logging
import re
import unicodedata
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from django.db import connection, transaction

from coopnode.resolve.normalize import is_han, name_keys, normalize

from .models import AGREEMENT, DOCUMENT, ENTITY, EVENT, PROJECT, SearchEntry

log = logging.getLogger(__name__)

MAX_BODY_CHARS = 200_000
_RU_ENDINGS = "аеиоуыэюяйь"


@dataclass(frozen=True)
class SearchHit:
    """One record that matched, best first; ``rank`` is larger for better matches."""

    kind: str
    object_id: uuid.UUID
    title: str
    rank: float


# --- segmentation -----------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _jieba():  # type: ignore[no-untyped-def]
    """jieba, loaded once (its dictionary takes about a second) and kept quiet."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


def _fold_latin(word: str) -> str:
    """Strip diacritics from Latin letters only (Ürümqi -> urumqi); Cyrillic й stays й."""
    out = []
    for ch in word:
        if ord(ch) > 127 and not is_han(ch):
            base = unicodedata.normalize("NFKD", ch)[0]
            if base.isascii() and base.isalpha():
                ch = base
        out.append(ch)
    return "".join(out)


def _han_runs(word: str) -> list[tuple[bool, str]]:
    """Split a word into alternating runs of Han and non-Han characters."""
    runs: list[tuple[bool, str]] = []
    for ch in word:
        han = is_han(ch)
        if runs and runs[-1][0] == han:
            runs[-1] = (han, runs[-1][1] + ch)
        else:
            runs.append((han, ch))
    return runs


def segment(text: str, *, for_index: bool = False) -> list[str]:
    """The words of ``text`` as the index sees them.

    For the index, Chinese is cut in jieba's search mode (long words and their parts) and every
    pair of adjacent characters is added; for a query, jieba's ordinary cut is used so that each
    query word is something the index holds as a word or a word's beginning.
    """
    words: list[str] = []
    for token in normalize(text).split():
        for han, run in _han_runs(token):
            if not han:
                words.append(_fold_latin(run))
                continue
            jieba = _jieba()
            parts = jieba.cut_for_search(run) if for_index else jieba.cut(run)
            words.extend(p for p in parts if p.strip())
            if for_index and len(run) > 2:
                words.extend(run[i : i + 2] for i in range(len(run) - 1))
    return words


def _query_words(query: str) -> list[str]:
    """Query words, de-duplicated, Russian endings trimmed so inflected forms match."""
    seen: list[str] = []
    for word in segment(query):
        if len(word) >= 5 and all("а" <= ch <= "я" for ch in word):
            for _ in range(2):
                if len(word) > 4 and word[-1] in _RU_ENDINGS:
                    word = word[:-1]
        if word not in seen:
            seen.append(word)
    return seen[:12]


# --- building entries --------------------------------------------------------------------------

def _join(parts: Iterable[str]) -> str:
    words = segment(" ".join(p for p in parts if p), for_index=True)
    return " ".join(words)[:MAX_BODY_CHARS]


def entity_body(entity) -> str:  # type: ignore[no-untyped-def]
    """All names of an entity in every language, with their cross-script lookup keys."""
    parts = [entity.name]
    for name in entity.names.all():
        parts.append(name.text)
        parts.extend(k for k in name_keys(name.text, name.lang or None) if not k.startswith("~"))
    return _join(parts)


def _save_entry(kind: str, object_id: uuid.UUID, title: str, body: str) -> None:
    SearchEntry.objects.update_or_create(
        kind=kind, object_id=object_id, defaults={"title": title[:1000], "body": body}
    )


def remove_from_index(kind: str, object_id: uuid.UUID) -> None:
    SearchEntry.objects.filter(kind=kind, object_id=object_id).delete()


def index_entity(entity) -> None:  # type: ignore[no-untyped-def]
    """(Re)index an entity under all its names; a merged entity leaves the index."""
    if entity.merged_into_id:
        remove_from_index(ENTITY, entity.pk)
        return
    _save_entry(ENTITY, entity.pk, entity.name, entity_body(entity))


def index_document(document) -> None:  # type: ignore[no-untyped-def]
    _save_entry(DOCUMENT, document.pk, str(document), _join([document.title, document.text]))


def index_event(event) -> None:  # type: ignore[no-untyped-def]
    _save_entry(EVENT, event.pk, str(event), _join([event.title, event.description]))


def index_agreement(agreement) -> None:  # type: ignore[no-untyped-def]
    _save_entry(AGREEMENT, agreement.pk, agreement.title, _join([agreement.title]))


def index_project(project) -> None:  # type: ignore[no-untyped-def]
    _save_entry(PROJECT, project.pk, project.title, _join([project.title, project.description]))


def rebuild_index() -> dict[str, int]:
    """Drop and recreate every search entry; returns how many of each kind were indexed."""
    from coopnode.web.registry.models import Agreement, Document, Entity, Event, Project

    counts: dict[str, int] = {}
    with transaction.atomic():
        SearchEntry.objects.all().delete()
        sources = [
            (ENTITY, Entity.objects.prefetch_related("names"), index_entity),
            (DOCUMENT, Document.objects.all(), index_document),
            (EVENT, Event.objects.all(), index_event),
            (AGREEMENT, Agreement.objects.all(), index_agreement),
            (PROJECT, Project.objects.all(), index_project),
        ]
        for kind, queryset, index in sources:
            n = 0
            for obj in queryset.iterator(chunk_size=200) if kind != ENTITY else queryset:
                index(obj)
                n += 1
            counts[str(kind)] = n
    return counts


# --- querying ----------------------------------------------------------------------------------

def _fts5_query(words: list[str]) -> str:
    """Every word must occur, as a prefix when it is long enough to be selective."""
    terms = []
    for word in words:
        quoted = '"' + word.replace('"', '""') + '"'
        terms.append(quoted + "*" if len(word) >= 2 else quoted)
    return " ".join(terms)


def _tsquery(words: list[str]) -> str:
    terms = []
    for word in words:
        quoted = "'" + word.replace("\\", "").replace("'", "''") + "'"
        terms.append(quoted + ":*" if len(word) >= 2 else quoted)
    return " & ".join(terms)


def _full_text(words: list[str], limit: int) -> list[SearchHit]:
    vendor = connection.vendor
    with connection.cursor() as cursor:
        if vendor == "sqlite":
            cursor.execute(
                "SELECT e.kind, e.object_id, e.title, -bm25(portal_search_fts) AS rank "
                "FROM portal_search_fts JOIN portal_searchentry e ON e.id = portal_search_fts.rowid "
                "WHERE portal_search_fts MATCH %s ORDER BY rank DESC LIMIT %s",
                [_fts5_query(words), limit],
            )
        elif vendor == "postgresql":
            cursor.execute(
                "SELECT kind, object_id, title, "
                "ts_rank(to_tsvector('simple'::regconfig, body), q) AS rank "
                "FROM portal_searchentry, to_tsquery('simple'::regconfig, %s) q "
                "WHERE to_tsvector('simple'::regconfig, body) @@ q ORDER BY rank DESC LIMIT %s",
                [_tsquery(words), limit],
            )
        else:  # no full-text engine: every word as a substring of the body
            where = " AND ".join(["body LIKE %s"] * len(words))
            cursor.execute(
                f"SELECT kind, object_id, title, 1.0 FROM portal_searchentry WHERE {where} LIMIT %s",
                [f"%{w}%" for w in words] + [limit],
            )
        rows = cursor.fetchall()
    return [
        SearchHit(kind, oid if isinstance(oid, uuid.UUID) else uuid.UUID(str(oid)), title, float(rank))
        for kind, oid, title, rank in rows
    ]


def _by_name_keys(query: str) -> list[uuid.UUID]:
    """Entities one of whose names shares a lookup key with the whole query."""
    from coopnode.web.registry.models import NameKey

    keys = [k for k in name_keys(query) if not k.startswith("~")]
    if not keys:
        return []
    ids = NameKey.objects.filter(key__in=keys, entity__merged_into__isnull=True).values_list(
        "entity_id", flat=True
    )
    return list(dict.fromkeys(ids))


KIND_ORDER = {ENTITY: 0, EVENT: 1, AGREEMENT: 2, PROJECT: 3, DOCUMENT: 4}


def search(query: str, *, limit: int = 60) -> list[SearchHit]:
    """Records matching ``query``: entities first, then events, agreements, projects, documents;
    within a kind the best match first."""
    words = _query_words(query)
    if not words:
        return []
    _heal_empty_index()
    hits: dict[tuple[str, uuid.UUID], SearchHit] = {}
    for hit in _full_text(words, limit):
        hits[(hit.kind, hit.object_id)] = hit
    for entity_id in _by_name_keys(query):
        key = (ENTITY, entity_id)
        known = hits.get(key)
        if known is None:
            entry = SearchEntry.objects.filter(kind=ENTITY, object_id=entity_id).first()
            title = entry.title if entry else ""
            hits[key] = SearchHit(ENTITY, entity_id, title, 1000.0)
        else:  # an exact name match outranks a partial one
            hits[key] = SearchHit(known.kind, known.object_id, known.title, known.rank + 1000.0)
    for doc_id, title in _documents_mentioning([h.object_id for h in hits.values() if h.kind == ENTITY][:5]):
        hits.setdefault((DOCUMENT, doc_id), SearchHit(DOCUMENT, doc_id, title, 0.0))
    ordered = sorted(hits.values(), key=lambda h: (KIND_ORDER.get(h.kind, 9), -h.rank))
    return ordered[:limit]


def _documents_mentioning(entity_ids: list[uuid.UUID]) -> list[tuple[uuid.UUID, str]]:
    """Documents with a (non-rejected) mention of one of the best-matching entities: "乌鲁木齐"
    also finds the Russian and English press releases that write "Урумчи" and "Urumqi"."""
    from coopnode.web.registry.models import Claim, ClaimStatus

    if not entity_ids:
        return []
    rows = (
        Claim.objects.filter(entity_id__in=entity_ids)
        .exclude(status=ClaimStatus.REJECTED)
        .values_list("document_id", "document__title")
        .distinct()
    )
    return [(doc_id, title or "") for doc_id, title in rows[:50]]


def _heal_empty_index() -> None:
    """An empty index over a non-empty registry (a database restored from a dump made before the
    portal existed, a bulk import) is rebuilt on the first search instead of finding nothing."""
    from coopnode.web.registry.models import Entity

    if not SearchEntry.objects.exists() and Entity.objects.exists():
        log.warning("search index empty: rebuilding it")
        rebuild_index()


def highlight_terms(query: str) -> list[str]:
    """Words to mark in a snippet: the query's words as typed (before ending trimming)."""
    return [w for w in segment(query) if w]


def snippet(text: str, query: str, width: int = 160) -> str:
    """A stretch of ``text`` around the first place a query word occurs (plain text)."""
    lowered = text.casefold()
    positions = [lowered.find(w) for w in _query_words(query) if w and lowered.find(w) >= 0]
    if not positions:
        return text[:width].strip() + ("…" if len(text) > width else "")
    start = max(0, min(positions) - width // 3)
    end = min(len(text), start + width)
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    return prefix + re.sub(r"\s+", " ", text[start:end]).strip() + suffix


def safe_index(func, obj) -> None:  # type: ignore[no-untyped-def]
    """Index ``obj`` without ever breaking the save that triggered it.

    A failure (e.g. the index table missing on a half-migrated database) is logged and rolled
    back to a savepoint, so the surrounding transaction stays usable; ``rebuild_search_index``
    repairs the index afterwards.
    """
    try:
        with transaction.atomic():
            func(obj)
    except Exception:  # noqa: BLE001 - indexing is best effort by design
        log.warning("search index not updated for %r", obj, exc_info=True)
