"""Round 4: events told twice or dated without a year (sentences written here)."""

from __future__ import annotations

from coopnode.extract.pipeline import extract_document


def _events(text: str, lang: str) -> list[tuple[str, str | None, str]]:
    result = extract_document(text, lang=lang)
    return [(e.type, e.date, e.status) for e in result.events]


def test_an_event_dated_only_by_this_year_is_the_event_dated_in_that_year() -> None:
    events = _events("Moscow, March 3, 2025. The forum opened in Kazan on March 2. This year the "
                     "forum brought together 3,000 guests from 40 countries.", "en")
    assert [e for e in events if e[0] == "forum"] == [("forum", "2025-03-02", "past")]


def test_an_announced_event_in_a_month_already_past_this_year_is_next_year() -> None:
    en = _events("Moscow, November 20, 2025. The next meeting of the commission will be held in "
                 "February in New Delhi.", "en")
    ru = _events("Москва, 20 ноября 2025 года. Следующее заседание комиссии состоится в феврале "
                 "в Нью-Дели.", "ru")
    assert any(date == "2026-02" and status == "planned" for _, date, status in en)
    assert any(date == "2026-02" and status == "planned" for _, date, status in ru)


def test_a_past_event_in_an_earlier_month_keeps_the_year_of_the_document() -> None:
    events = _events("Moscow, November 20, 2025. The ministers met in Kazan in February.", "en")
    assert ("meeting", "2025-02", "past") in events


def _agreements(text: str) -> list[tuple[str, str]]:
    result = extract_document(text, lang="en")
    return [(a.type, a.title) for a in result.agreements]


def test_an_agreement_named_by_its_purpose_is_an_agreement() -> None:
    found = _agreements("Cairo, May 5, 2024. The two companies signed an agreement to build a "
                        "wind farm near Suez.")
    assert any(kind == "agreement" and "wind farm" in title for kind, title in found)


def test_a_weekday_after_a_memorandum_is_its_date_not_its_subject() -> None:
    found = _agreements("Cairo, May 5, 2024. The sides signed an MoU on cooperation in health and "
                        "an MoU on cooperation in tourism on Sunday.")
    titles = [title for _, title in found]
    assert len(titles) == 2 and not any("Sunday" in t for t in titles)


def test_a_concept_named_after_a_city_does_not_mention_the_city() -> None:
    result = extract_document("各方秉持上海精神，在上海合作组织框架内加强合作。", lang="zh")
    assert "上海" not in {e.name for e in result.entities if e.type == "place"}


def _persons(text: str, lang: str) -> dict[str, list[str]]:
    result = extract_document(text, lang=lang)
    return {e.name: e.mentions for e in result.entities if e.type == "person"}


def test_a_first_name_used_alone_is_the_person_who_has_it() -> None:
    persons = _persons("Moscow, March 3, 2025. Trade envoy Konstantin Belov opened the forum. "
                       "'Konstantin, what do you expect?' the host asked.", "en")
    assert list(persons) == ["Konstantin Belov"]


def test_the_tail_of_a_long_name_is_that_person() -> None:
    persons = _persons("Brasília, May 2, 2025. President Luiz Inácio Lula da Silva met the envoy. "
                       "Lula da Silva said trade would grow.", "en")
    assert list(persons) == ["Luiz Inácio Lula da Silva"]
