"""Background work of partnering (huey).

Encoding a profile and ranking it against the others takes a second or so; it runs here after
the request's transaction commits, so the portal never waits for it. With
``COOPNODE_TASKS_IMMEDIATE=1`` huey runs the tasks inline (tests, tiny nodes without a
consumer). The functions they call are plain functions that tests call directly.
"""

from __future__ import annotations

import logging
import os

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

log = logging.getLogger(__name__)

EXPIRY_NOTICE_DAYS = int(os.environ.get("COOPNODE_PROFILE_EXPIRY_NOTICE_DAYS", "14"))


@db_task()
def index_profile_task(profile_id: str) -> int:
    """Update the vector index and the matches of one profile; notify owners of new matches."""
    from .actions import do_refresh_matches
    from .models import CooperationProfile

    profile = CooperationProfile.objects.filter(pk=profile_id).first()
    if profile is None:
        from .vectors import get_vector_store

        get_vector_store().remove(profile_id)
        return 0
    return do_refresh_matches(profile)


def run_daily_housekeeping(days_ahead: int = EXPIRY_NOTICE_DAYS) -> tuple[int, int]:
    """Warn owners of profiles about to expire, then expire the overdue ones.

    Returns (notices sent, profiles expired)."""
    from .actions import do_expire_profiles, send_expiry_notices

    warned = send_expiry_notices(days_ahead=days_ahead)
    expired = do_expire_profiles()
    if warned or expired:
        log.info("partnering: %d expiry notices, %d profiles expired", len(warned), len(expired))
    return len(warned), len(expired)


@db_periodic_task(crontab(hour="5", minute="30"))
def daily_housekeeping_task() -> tuple[int, int]:
    return run_daily_housekeeping()
