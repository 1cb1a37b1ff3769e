"""Public pages: what a visitor sees, in their language, with sources and without unreviewed facts."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.test import Client
from django.urls import reverse
from icalendar import Calendar

from coopnode.web.accounts import do_create_operator
from coopnode.web.registry.actions import do_review_claim
from coopnode.web.registry.models import Claim

pytestmark = pytest.mark.django_db


def page(client: Client, url: str, lang: str = "en", **params: str) -> str:
    response = client.get(url, params, HTTP_ACCEPT_LANGUAGE=lang)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_home_shows_upcoming_and_latest_events_counts_and_documents(client, scene):
    with _today(dt.date(2026, 6, 15)):
        html = text_of(page(client, "/"))
    assert "Upcoming events" in html and "Ceremony — Urumqi" in html
    assert "Meeting — Minsk" in html
    assert "Встреча с делегацией Урумчи" in html  # recent document


def test_entity_page_shows_names_in_every_language_events_agreements_and_sources(client, scene):
    html = text_of(page(client, reverse("portal:entity", args=[scene.association.pk])))
    assert "Ассоциация внешней торговли города Урумчи" in html
    assert "乌鲁木齐市对外贸易协会" in html
    assert "Urumqi Foreign Trade Association" in html
    assert "Ceremony — Urumqi" in html and "Meeting — Minsk" in html
    assert "Memorandum on ICT cooperation" in html
    # the sentence the mention was read from, with the document it came from
    assert "Встреча с делегацией Урумчи" in html
    assert "министерство связи провело встречу" in html


def test_rejected_claims_are_never_shown_as_sources(client, scene):
    html = page(client, reverse("portal:entity", args=[scene.urumqi.pk]))
    assert "Ложное упоминание" not in html
    html = page(client, reverse("portal:document", args=[scene.document.pk]))
    assert "Ложное упоминание" not in html


def test_unreviewed_facts_stay_off_the_portal_until_an_operator_confirms_them(client, scene):
    assert "Forum awaiting review" not in page(client, reverse("portal:events"))
    assert client.get(reverse("portal:event", args=[scene.rumour.pk])).status_code == 404
    assert client.get(reverse("portal:entity", args=[scene.hidden_org.pk])).status_code == 404
    assert "Unreviewed Holding" not in page(client, reverse("portal:organizations"))

    claim = Claim.objects.get(event=scene.rumour)
    do_review_claim(claim, status="confirmed", actor="test operator")
    assert "Forum awaiting review" in page(client, reverse("portal:events"))
    assert client.get(reverse("portal:event", args=[scene.rumour.pk])).status_code == 200


def test_records_without_claims_are_public(client, scene):
    # places and organizations entered by hand (or from the gazetteer) carry no claims
    assert "Minsk" in page(client, reverse("portal:places"))


def test_a_merged_entity_redirects_to_the_one_it_was_merged_into(client, scene):
    scene.hidden_org.merged_into = scene.association
    scene.hidden_org.save()
    response = client.get(reverse("portal:entity", args=[scene.hidden_org.pk]))
    assert response.status_code == 301
    assert response["Location"] == reverse("portal:entity", args=[scene.association.pk])


def test_event_page_lists_participants_place_and_source_sentence(client, scene):
    html = text_of(page(client, reverse("portal:event", args=[scene.ceremony.pk]), "ru"))
    assert "26 июня 2026" in html
    assert "Урумчи" in html and "Ассоциация внешней торговли города Урумчи" in html
    assert "Церемония запуска узла сети состоится в Урумчи 26 июня 2026 года." in html


def test_agreement_and_project_pages(client, scene):
    html = text_of(page(client, reverse("portal:agreement", args=[scene.mou.pk])))
    assert "Ministry of Communications and Informatization" in html
    assert "Стороны обсудили новый" in html
    assert "Memorandum on ICT cooperation" in page(client, reverse("portal:agreements"))
    page(client, reverse("portal:projects"))


def test_relationship_graph_links_partners_through_shared_events_and_agreements(client, scene):
    html = page(client, reverse("portal:entity_graph", args=[scene.ministry.pk]))
    assert "<svg" in html
    assert "Urumqi Foreign Trade Association" in html
    assert "Anton Alekseev" in html
    # a place is where things happen, not a partner
    assert not re.search(r">Minsk<", html.split("<svg")[1].split("</svg>")[0])


def test_graph_coordinates_are_never_localised(client, scene):
    html = page(client, reverse("portal:entity_graph", args=[scene.ministry.pk]), "ru")
    svg = html.split("<svg")[1].split("</svg>")[0]
    assert not re.search(r'(cx|cy|x1|y1|x2|y2)="\d+,\d', svg)


def test_calendar_month_view_puts_the_ceremony_on_26_june(client, scene):
    html = page(client, reverse("portal:calendar"), "en", year="2026", month="6")
    cell = re.search(r'<span class="day-number">26</span>(.*?)</td>', html, re.S)
    assert cell and "Ceremony — Urumqi" in cell.group(1)
    assert "June 2026" in html


def test_calendar_ignores_nonsense_parameters(client, scene):
    page(client, reverse("portal:calendar"), year="abc", month="13")


def test_ical_feed_is_valid_and_day_events_are_all_day(client, scene):
    response = client.get(reverse("portal:calendar_ics"))
    assert response["Content-Type"].startswith("text/calendar")
    cal = Calendar.from_ical(response.content)
    assert cal["VERSION"] == "2.0" and cal.get("PRODID")
    events = {str(e["SUMMARY"]): e for e in cal.walk("VEVENT")}
    ceremony = events["Ceremony — Urumqi"]
    assert ceremony.decoded("DTSTART") == dt.date(2026, 6, 26)  # a date, not a date-time
    assert ceremony.decoded("DTEND") == dt.date(2026, 6, 27)
    assert ceremony["UID"] and ceremony["DTSTAMP"]
    assert "Forum awaiting review" not in events  # unreviewed
    assert b"\r\n" in response.content  # RFC 5545 line endings


def test_network_page_groups_partner_organizations_by_country(client, scene):
    html = text_of(page(client, reverse("portal:network")))
    assert "Ministry of Communications and Informatization" in html
    assert "Urumqi Foreign Trade Association" in html
    assert "Unreviewed Holding" not in html


def test_search_page_finds_the_same_city_in_three_scripts(client, scene):
    for query in ("Урумчи", "Urumqi", "乌鲁木齐"):
        html = page(client, reverse("portal:search"), q=query)
        assert reverse("portal:entity", args=[scene.urumqi.pk]) in html, query


def test_search_page_hides_unreviewed_records(client, scene):
    html = page(client, reverse("portal:search"), q="Unreviewed Holding")
    assert reverse("portal:entity", args=[scene.hidden_org.pk]) not in html


@pytest.mark.parametrize("lang, expected", [("ru", "События"), ("zh-hans", "活动"), ("en", "Events")])
def test_pages_follow_the_browser_language(client, scene, lang, expected):
    html = page(client, "/", lang)
    assert f'<html lang="{lang}">' in html
    assert f">{expected}</a>" in html


def test_chosen_language_is_remembered(client, scene):
    response = client.post(reverse("set_language"), {"language": "zh-hans", "next": "/events/"})
    assert response.status_code == 302
    html = page(client, "/events/", "en")  # the browser still says English
    assert '<html lang="zh-hans">' in html


def test_dates_are_written_the_locale_way(client, scene):
    url = reverse("portal:event", args=[scene.ceremony.pk])
    assert "26 июня 2026" in page(client, url, "ru")
    assert "2026年6月26日" in page(client, url, "zh-hans")
    assert "June 26, 2026" in page(client, url, "en")


def test_not_found_page_is_readable_and_translated(client, settings):
    settings.DEBUG = False
    response = client.get("/no-such-page/", HTTP_ACCEPT_LANGUAGE="ru")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Страница не найдена" in html and "Traceback" not in html


def test_server_error_page_needs_no_request_context():
    from django.template.loader import render_to_string
    from django.utils import translation

    with translation.override("zh-hans"):
        html = render_to_string("500.html")
    assert "出现错误" in html


def test_operator_link_only_for_operators(client, scene):
    assert ">Operator<" not in page(client, "/")
    operator = do_create_operator(username="op", password="a-long-password-1")
    client.force_login(operator)
    assert ">Operator<" in page(client, "/")


def test_every_public_page_answers_in_every_language(client, scene):
    urls = [
        "/", reverse("portal:organizations"), reverse("portal:persons"), reverse("portal:places"),
        reverse("portal:events"), reverse("portal:agreements"), reverse("portal:projects"),
        reverse("portal:calendar"), reverse("portal:network"), reverse("portal:search"),
        reverse("portal:entity", args=[scene.deputy.pk]),
        reverse("portal:document", args=[scene.document.pk]), reverse("login"),
    ]
    for lang in ("ru", "zh-hans", "en"):
        for url in urls:
            page(client, url, lang)


class _today:
    """Pin the portal's idea of today (the scene's events are in 2026)."""

    def __init__(self, day: dt.date) -> None:
        self.day = day

    def __enter__(self) -> None:
        from unittest import mock

        self.patch = mock.patch("django.utils.timezone.localdate", return_value=self.day)
        self.patch.start()

    def __exit__(self, *exc: object) -> None:
        self.patch.stop()


def test_server_error_view_answers_with_the_readable_page(rf):
    from django.utils import translation
    from django.views.defaults import server_error

    with translation.override("ru"):
        response = server_error(rf.get("/"))
    assert response.status_code == 500
    body = response.content.decode()
    assert "Что-то пошло не так" in body and "Traceback" not in body
