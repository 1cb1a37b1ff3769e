"""Following feeds: each item is ingested once, polled against a tiny local HTTP server."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from coopnode.web.intake import actions as intake_actions
from coopnode.web.intake.feeds import do_subscribe, poll_all_feeds, poll_feed
from coopnode.web.intake.models import Feed, FeedItem
from coopnode.web.intake.tasks import poll_feeds_periodically
from coopnode.web.registry.models import Document
from tests.web.api.makers import make_operator

pytestmark = pytest.mark.django_db


def rss(base: str, items: list[tuple[str, str]]) -> str:
    entries = "".join(
        f"<item><title>{title}</title><link>{base}/{slug}.html</link><guid>{base}/{slug}</guid>"
        f"<pubDate>Fri, 05 Jun 2026 09:00:00 +0000</pubDate></item>"
        for slug, title in items
    )
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Ministry news</title>'
            f"<link>{base}</link><description>press releases</description>{entries}</channel></rss>")


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # type: ignore[no-untyped-def]
        pass


@pytest.fixture
def site(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A local web site serving ``tmp_path``; yields its base URL and folder."""
    handler = lambda *a, **k: QuietHandler(*a, directory=str(tmp_path), **k)  # noqa: E731
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", tmp_path
    server.shutdown()
    server.server_close()


@pytest.fixture
def ingested(monkeypatch) -> list[str]:  # type: ignore[no-untyped-def]
    calls: list[str] = []
    real_ingest = intake_actions.do_ingest

    def recording_ingest(item, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(item.source)
        assert item.kind == "feed"
        return real_ingest(item, **kwargs)

    monkeypatch.setattr(intake_actions, "do_ingest", recording_ingest)
    return calls


def publish(folder: Path, base: str, items: list[tuple[str, str]]) -> None:
    for slug, title in items:
        (folder / f"{slug}.html").write_text(f"<html><body><h1>{title}</h1><p>{title} in Minsk.</p></body></html>")
    (folder / "feed.xml").write_text(rss(base, items))


def test_each_item_is_ingested_once_across_polls(site, ingested):  # type: ignore[no-untyped-def]
    base, folder = site
    items = [("visit", "Urumqi delegation visits"), ("mou", "Memorandum signed")]
    publish(folder, base, items)
    feed = do_subscribe(f"{base}/feed.xml", user=make_operator())

    first = poll_feed(feed)
    assert sorted(first.ingested) == sorted(f"{base}/{slug}.html" for slug, _ in items)
    assert Document.objects.count() == 2

    second = poll_feed(feed)
    assert second.ingested == [] and second.skipped == 2

    publish(folder, base, [*items, ("forum", "Forum announced")])
    third = poll_feed(feed)
    assert third.ingested == [f"{base}/forum.html"]
    assert len(ingested) == 3 and Document.objects.count() == 3
    feed.refresh_from_db()
    assert feed.title == "Ministry news" and feed.last_polled_at is not None and not feed.last_error
    item = FeedItem.objects.get(link=f"{base}/forum.html")
    assert item.document is not None and item.published.isoformat() == "2026-06-05"


def test_an_unreachable_item_is_retried_and_then_ingested(site, ingested):  # type: ignore[no-untyped-def]
    base, folder = site
    publish(folder, base, [("late", "Late page")])
    (folder / "late.html").unlink()
    feed = do_subscribe(f"{base}/feed.xml")
    assert poll_feed(feed).failed == [f"{base}/late.html"]
    assert FeedItem.objects.get().status == "failed"
    publish(folder, base, [("late", "Late page")])
    assert poll_feed(feed).ingested == [f"{base}/late.html"]
    assert FeedItem.objects.get().status == "ingested"


def test_a_broken_feed_is_reported_and_does_not_stop_the_others(site, ingested):  # type: ignore[no-untyped-def]
    base, folder = site
    publish(folder, base, [("visit", "Visit")])
    (folder / "broken.xml").write_text("this is not a feed at all")
    do_subscribe(f"{base}/broken.xml")
    do_subscribe(f"{base}/missing.xml")
    do_subscribe(f"{base}/feed.xml")
    results = {r.feed.url: r for r in poll_all_feeds()}
    assert results[f"{base}/feed.xml"].ingested
    assert "404" in Feed.objects.get(url=f"{base}/missing.xml").last_error
    assert Feed.objects.get(url=f"{base}/broken.xml").last_error


def test_the_periodic_task_polls_active_feeds_only(site, ingested):  # type: ignore[no-untyped-def]
    base, folder = site
    publish(folder, base, [("visit", "Visit")])
    feed = do_subscribe(f"{base}/feed.xml")
    feed.active = False
    feed.save()
    assert poll_feeds_periodically.call_local() == []
    do_subscribe(f"{base}/feed.xml")  # subscribing again re-activates
    summaries = poll_feeds_periodically.call_local()
    assert len(summaries) == 1 and "1 new item" in summaries[0]


def test_operator_subscribes_and_polls_from_the_feeds_page(client, site, ingested):  # type: ignore[no-untyped-def]
    base, folder = site
    publish(folder, base, [("visit", "Visit")])
    client.force_login(make_operator())
    assert client.post("/operator/feeds/", {"url": f"{base}/feed.xml"}).status_code == 302
    feed = Feed.objects.get()
    page = client.post(f"/operator/feeds/{feed.pk}/poll/", follow=True).content.decode()
    assert "1 new item(s) ingested" in page
    client.post(f"/operator/feeds/{feed.pk}/unsubscribe/")
    feed.refresh_from_db()
    assert not feed.active


def test_a_feed_address_must_be_http(client):  # type: ignore[no-untyped-def]
    from coopnode.web.intake.sources import IntakeError

    with pytest.raises(IntakeError):
        do_subscribe("file:///etc/passwd")


def test_item_links_into_a_private_network_are_not_fetched(site, ingested):  # type: ignore[no-untyped-def]
    """A feed may not make the node fetch (and publish) pages of other hosts of its own network."""
    base, folder = site
    port = base.rsplit(":", 1)[1]
    (folder / "secret.html").write_text("<html><body>intranet page</body></html>")
    (folder / "feed.xml").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
        f"<item><title>a</title><link>http://localhost:{port}/secret.html</link><guid>a</guid></item>"
        f'<item><title>b</title><link>http://localhost:{port}/secret.html?2</link><guid>b</guid>'
        "<description>The item text itself.</description></item></channel></rss>")
    result = poll_feed(do_subscribe(f"{base}/feed.xml"))
    assert result.failed == [f"http://localhost:{port}/secret.html"]
    assert "private network" in FeedItem.objects.get(guid="a").error
    # the second item falls back to its own text from the feed
    assert result.ingested == [f"http://localhost:{port}/secret.html?2"]
    assert "intranet page" not in Document.objects.get().text
