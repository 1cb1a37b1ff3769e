"""Background work of the intake app, run by the huey consumer (``manage.py run_huey``)."""

from __future__ import annotations

from django.conf import settings
from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from .feeds import poll_all_feeds, poll_feed
from .models import Feed

POLL_MINUTES = int(getattr(settings, "COOPNODE_FEED_POLL_MINUTES", 30))


@db_periodic_task(crontab(minute=f"*/{POLL_MINUTES}"))
def poll_feeds_periodically() -> list[str]:
    """Poll all active feeds every ``COOPNODE_FEED_POLL_MINUTES`` minutes."""
    return [r.summary for r in poll_all_feeds()]


@db_task()
def poll_feed_now(feed_id: int) -> str:
    """Poll one feed right away (the operator's "poll now" button)."""
    feed = Feed.objects.get(pk=feed_id)
    return poll_feed(feed).summary
