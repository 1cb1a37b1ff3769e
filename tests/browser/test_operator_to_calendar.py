"""End to end: an operator uploads the seed press release, confirms the ceremony in the review
queue, and the public calendar shows it on 26 June 2026."""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import SEED

pytestmark = pytest.mark.browser


@pytest.mark.skipif(not SEED.exists(), reason="shared seed press release not available")
def test_confirmed_ceremony_reaches_the_public_calendar(node, context_factory):
    public = context_factory().new_page()
    public.goto(node.url + "/calendar/?year=2026&month=6")
    assert "Ceremony" not in public.locator("table.month").inner_text()

    operator = context_factory().new_page()
    operator.goto(node.url + "/accounts/login/?next=/operator/upload/")
    operator.locator("#id_username").fill(node.username)
    operator.locator("#id_password").fill(node.password)
    operator.locator("form.stacked button[type=submit]").click()
    operator.wait_for_url(re.compile(r"/operator/upload/"))
    # an operator sees the Operator link in the shared navigation; the public page does not
    assert operator.locator(".main-nav .nav-operator").is_visible()
    assert public.locator(".main-nav .nav-operator").count() == 0
    operator.locator("input[type=file]").set_input_files(str(SEED))
    operator.locator("input[type=file]").evaluate("el => el.form.requestSubmit()")
    operator.wait_for_url(re.compile(r"/operator/review/"), timeout=180_000)

    # the ceremony is only proposed: still not public
    public.reload()
    assert "Ceremony" not in public.locator("table.month").inner_text()

    url = operator.url + ("&" if "?" in operator.url else "?") + "kind=event"
    operator.goto(url)
    row = operator.locator("tr", has=operator.locator("mark", has_text="церемония запуска"))
    assert row.count() == 1
    row.locator('button[value="confirm"]').click()
    operator.wait_for_load_state()

    public.reload()
    cell = public.locator("table.month td", has=public.locator(".day-number", has_text=re.compile(r"^26$")))
    cell = cell.filter(has_not=public.locator(".other"))
    assert "Ceremony" in cell.first.inner_text()
    # and in the upcoming list / iCalendar feed
    feed = public.request.get(node.url + "/calendar.ics").text()
    assert "DTSTART;VALUE=DATE:20260626" in feed
