"""Following RSS and Atom feeds: each new item is fetched and ingested exactly once.

A feed item is identified by its ``id``/``guid`` (or its link when the feed gives none).  An item
whose ingest failed (site down, not text) is tried again on later polls, up to
``MAX_ATTEMPTS``; an ingested item is never fetched again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html as html_lib
import ipaddress
import logging
import socket
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import feedparser
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from ..registry import audit
from . import actions
from .models import Feed, FeedItem
from .sources import IntakeError, SourceItem, read_url

log = logging.getLogger(__name__)
MAX_ATTEMPTS = 3

Fetch = Callable[[str], SourceItem]


@dataclass
class PollResult:
    feed: Feed
    ingested: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    skipped: int = 0
    error: str = ""

    @property
    def summary(self) -> str:
        if self.error:
            return f"{self.feed}: {self.error}"
        return (f"{self.feed}: {len(self.ingested)} new item(s) ingested, {len(self.failed)} failed, "
                f"{self.skipped} already seen")


def check_feed_url(url: str) -> str:
    url = url.strip()
    if not url.startswith(("http://", "https://")):
        raise IntakeError("A feed address starts with http:// or https://.")
    return url


def do_subscribe(url: str, *, user: AbstractBaseUser | None = None, lang: str = "", title: str = "") -> Feed:
    """Subscribe to a feed (idempotent: the same address twice is one feed, re-activated)."""
    url = check_feed_url(url)
    with transaction.atomic():
        feed, created = Feed.objects.get_or_create(
            url=url, defaults={"created_by": user if user and user.is_authenticated else None,
                               "lang": lang, "title": title},
        )
        if not created and not feed.active:
            feed.active = True
            feed.save(update_fields=["active"])
        audit.record("feed.subscribe", feed, user=user, url=url, created=created)
    return feed


def do_unsubscribe(feed: Feed, *, user: AbstractBaseUser | None = None) -> Feed:
    with transaction.atomic():
        feed.active = False
        feed.save(update_fields=["active"])
        audit.record("feed.unsubscribe", feed, user=user, url=feed.url)
    return feed


def entry_guid(entry: Any) -> str:
    guid = entry.get("id") or entry.get("guid") or entry.get("link")
    if guid:
        return str(guid)[:2000]
    raw = (entry.get("title", "") + entry.get("summary", "")).encode("utf-8")
    return "sha256:" + hashlib.sha256(raw).hexdigest()


def entry_published(entry: Any) -> dt.date | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    try:
        return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    except (ValueError, AttributeError):
        return None


def entry_inline_html(entry: Any) -> str:
    """The item's own content, used when its link cannot be fetched."""
    for content in entry.get("content") or []:
        if content.get("value"):
            return str(content["value"])
    return str(entry.get("summary") or "")


def check_item_link(link: str, feed_url: str) -> None:
    """Refuse item links into private networks (unless the feed itself lives there).

    Ingested documents are public; a feed written by someone else must not make the node fetch
    and publish pages of its own intranet (server-side request forgery).
    """
    parts = urllib.parse.urlsplit(link)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise IntakeError(f"{link}: not a web address")
    if parts.hostname == urllib.parse.urlsplit(feed_url).hostname:
        return
    try:
        addresses = {str(info[4][0]) for info in socket.getaddrinfo(parts.hostname, parts.port or 80)}
    except OSError as exc:
        raise IntakeError(f"{link}: the host cannot be found") from exc
    for address in addresses:
        ip = ipaddress.ip_address(address.split("%")[0])
        if ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved or ip.is_multicast:
            raise IntakeError(f"{link}: points into a private network; not fetched")


def entry_document(entry: Any, fetch: Fetch, feed_url: str = "") -> SourceItem:
    """The press release behind a feed item: its linked page, else the text inside the feed."""
    link = entry.get("link") or ""
    if link:
        try:
            check_item_link(link, feed_url or link)
            item = fetch(link)
            return SourceItem(source=link, kind="feed", data=item.data, content_type=item.content_type)
        except IntakeError:
            if not entry_inline_html(entry).strip():
                raise
    inline = entry_inline_html(entry)
    if not inline.strip():
        raise IntakeError("the item has neither a reachable link nor text")
    title = entry.get("title") or ""
    html = f"<html><head><title>{html_lib.escape(title)}</title></head><body>{inline}</body></html>"
    return SourceItem(source=link or entry_guid(entry), kind="feed", data=html.encode("utf-8"),
                      content_type="text/html; charset=utf-8")


def poll_feed(feed: Feed, *, fetch: Fetch = read_url) -> PollResult:
    """Read the feed once and ingest every item not ingested before."""
    result = PollResult(feed)
    try:
        raw = fetch(feed.url)
    except IntakeError as exc:
        result.error = str(exc)
        Feed.objects.filter(pk=feed.pk).update(last_polled_at=timezone.now(), last_error=result.error)
        return result
    parsed = feedparser.parse(raw.data)
    if parsed.get("bozo") and not parsed.entries:
        result.error = f"not an RSS or Atom feed ({parsed.get('bozo_exception', 'unreadable')})"
        Feed.objects.filter(pk=feed.pk).update(last_polled_at=timezone.now(), last_error=result.error)
        return result
    actor = f"feed:{feed.pk}"
    for entry in parsed.entries:
        guid = entry_guid(entry)
        seen = FeedItem.objects.filter(feed=feed, guid=guid).first()
        if seen is not None and (seen.status == FeedItem.Status.INGESTED or seen.attempts >= MAX_ATTEMPTS):
            result.skipped += 1
            continue
        item = seen or FeedItem(feed=feed, guid=guid)
        item.link = (entry.get("link") or "")[:2000]
        item.title = (entry.get("title") or "")[:1000]
        item.published = entry_published(entry)
        item.attempts += 1
        try:
            source = entry_document(entry, fetch, feed.url)
            ingest = actions.do_ingest(
                source, lang=feed.lang or None,
                published=item.published.isoformat() if item.published else None, actor=actor,
            )
            item.document = ingest.document
            item.status = FeedItem.Status.INGESTED
            item.error = ""
            result.ingested.append(item.link or guid)
        except IntakeError as exc:
            item.status = FeedItem.Status.FAILED
            item.error = str(exc)
            result.failed.append(item.link or guid)
        item.save()
    title = (parsed.feed.get("title") or "")[:500] if parsed.get("feed") else ""
    updates: dict[str, Any] = {"last_polled_at": timezone.now(), "last_error": ""}
    if title and not feed.title:
        updates["title"] = title
    Feed.objects.filter(pk=feed.pk).update(**updates)
    if result.ingested:
        audit.record("feed.poll", feed, actor=actor, ingested=len(result.ingested), failed=len(result.failed))
    return result


def poll_all_feeds(*, fetch: Fetch = read_url) -> list[PollResult]:
    """Poll every active feed; one broken feed does not stop the others."""
    results = []
    for feed in Feed.objects.filter(active=True):
        try:
            results.append(poll_feed(feed, fetch=fetch))
        except Exception as exc:  # noqa: BLE001 — keep polling the other feeds, log this one
            log.exception("polling %s failed", feed.url)
            Feed.objects.filter(pk=feed.pk).update(last_polled_at=timezone.now(), last_error=str(exc)[:2000])
            results.append(PollResult(feed, error=str(exc)))
    return results
