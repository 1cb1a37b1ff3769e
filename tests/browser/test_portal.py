"""The public portal in a real Chromium against a real server (``coopnode serve``)."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser


def test_public_home_shows_content(node, page):
    page.goto(node.url + "/")
    assert page.locator("h1").first.inner_text() == "Cooperation node"
    assert page.locator(".counts .count").count() >= 4
    assert page.get_by_role("link", name="Calendar").first.is_visible()
    assert page.locator("#site-search").is_visible()


def test_browser_language_russian_gets_russian(node, context_factory):
    page = context_factory(locale="ru-RU").new_page()
    page.goto(node.url + "/")
    assert page.locator("html").get_attribute("lang") == "ru"
    assert page.locator("h1").first.inner_text() == "Узел сотрудничества"
    assert page.get_by_role("link", name="Календарь").first.is_visible()


def test_language_switch_changes_the_page_and_is_remembered(node, page):
    page.goto(node.url + "/calendar/")
    for code, nav_events in (("zh-hans", "活动"), ("ru", "События"), ("en", "Events")):
        page.locator(f'.language-switch button[value="{code}"]').click()
        page.wait_for_load_state()
        assert page.url.endswith("/calendar/")  # stays on the same page
        assert page.locator("html").get_attribute("lang") == code
        # remembered: another page, reached by a plain link, is in the same language
        page.locator(".main-nav a[href='/network/']").click()
        page.wait_for_load_state()
        assert page.locator("html").get_attribute("lang") == code
        assert page.locator(".main-nav a[href='/events/']").inner_text() == nav_events
        page.goto(node.url + "/calendar/")


def _first_entity_result(page, node, query: str) -> str:
    page.goto(node.url + "/")
    page.locator("#site-search").fill(query)
    page.locator("#site-search").press("Enter")
    page.wait_for_url(re.compile(r"/search"))
    link = page.locator('.search-results[data-kind="entity"] li a').first
    return link.get_attribute("href")


def test_search_in_three_scripts_finds_the_same_city(node, page):
    found = {q: _first_entity_result(page, node, q) for q in ("Урумчи", "Urumqi", "乌鲁木齐")}
    assert len(set(found.values())) == 1, found
    page.goto(node.url + found["Urumqi"])
    assert "Urumqi" in page.locator("h1").inner_text()
    names = page.locator(".names").inner_text()
    assert "Урумчи" in names and "乌鲁木齐" in names


def test_not_found_page_in_the_visitors_language(node, context_factory):
    page = context_factory(locale="zh-CN").new_page()
    response = page.goto(node.url + "/no-such-page/")
    assert response.status == 404
    assert "页面不存在" in page.content()
    assert "Traceback" not in page.content()
