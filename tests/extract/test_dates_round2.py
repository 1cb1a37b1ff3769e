"""Dates written beside a weekday, days of a year named relatively, and "the day before".

Sentences are written for these tests; each stands for a class of press-release wording.
"""

from __future__ import annotations

from coopnode.extract.dates import find_dates_in_text


def values(text: str, language: str, published: str | None = None) -> list[str]:
    return [m.value for m in find_dates_in_text(text, language, published)]


def test_a_weekday_in_apposition_to_a_date_does_not_move_it():
    # A Saturday release about "Monday, 18 November": the Monday ahead, not the one behind.
    assert values("Документ подпишут в понедельник, 18 ноября, сообщило ведомство.",
                  "ru", "2013-11-16")[0] == "2013-11-18"
    assert values("The ministers will meet on Thursday, March 7 in Delhi.",
                  "en", "2024-03-02")[0] == "2024-03-07"


def test_a_weekday_after_the_date_is_the_same_day():
    assert values("Переговоры пройдут 7 марта (в четверг) в Дели.", "ru", "2024-03-02") \
        == ["2024-03-07"]


def test_a_lone_weekday_is_still_counted_back_from_the_page():
    assert values("Стороны провели переговоры в понедельник.", "ru", "2013-11-16") \
        == ["2013-11-11"]


def test_a_day_of_the_current_year_keeps_its_day():
    found = find_dates_in_text("Заседание состоится 18 ноября текущего года в Москве.",
                               "ru", "2013-11-16")
    assert [(m.value, m.precision) for m in found] == [("2013-11-18", "day")]


def test_the_day_before_counts_from_the_event_just_dated():
    text = "The premier met the envoy in Minsk on May 21. The envoy had arrived the day before."
    assert values(text, "en", "2025-05-23") == ["2025-05-21", "2025-05-20"]


def test_the_day_before_without_a_dated_event_counts_from_the_page():
    assert values("The delegation arrived the day before the talks.", "en", "2025-05-23") \
        == ["2025-05-22"]


def test_the_following_day_counts_forward():
    text = "The forum opened on 3 June 2024. The ministers met the following day."
    assert values(text, "en", "2024-06-05") == ["2024-06-03", "2024-06-04"]


def test_a_dotted_date_on_an_english_page_is_day_first():
    assert values("Posted: 07.04.2023 10:15 Ministers met in Minsk.", "en") == ["2023-04-07"]
