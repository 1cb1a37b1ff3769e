"""The public calendar as an iCalendar (RFC 5545) feed.

Events known to the day become all-day events (``DTSTART;VALUE=DATE`` and an exclusive
``DTEND`` the next day), which is how calendar programs expect a date without a time.  Events
known only to the month or year have no day to put them on and are left out of the feed (the
portal's calendar list shows them).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from icalendar import Calendar
from icalendar import Event as ICalEvent

from coopnode.web.registry.models import Event

PRODID = "-//coopnode//public calendar//EN"


def events_to_ical(
    events: Iterable[Event],
    *,
    name: str,
    url_of: Callable[[Event], str],
    label_of: Callable[[Event], str],
    place_of: Callable[[Event], str],
    host: str,
) -> bytes:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    for event in events:
        if event.date is None or event.date_precision != "day":
            continue
        item = ICalEvent()
        item.add("uid", f"{event.pk}@{host}")
        item.add("dtstamp", (event.updated_at or dt.datetime.now(dt.UTC)).astimezone(dt.UTC))
        item.add("dtstart", event.date)
        item.add("dtend", event.date + dt.timedelta(days=1))
        item.add("summary", label_of(event))
        place = place_of(event)
        if place:
            item.add("location", place)
        if event.description:
            item.add("description", event.description)
        item.add("url", url_of(event))
        item.add("categories", [str(event.get_event_type_display())])
        cal.add_component(item)
    return cal.to_ical()
