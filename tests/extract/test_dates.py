"""Dates in the three languages, resolved against the document date at the text's precision."""

from __future__ import annotations

import pytest

from coopnode.extract.dates import find_dates, find_dates_in_text, first_absolute_date
from coopnode.extract.types import Doc


def values(text: str, language: str, published: str | None = None) -> list[tuple[str, str]]:
    return [(m.value, m.precision) for m in find_dates_in_text(text, language, published)]


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("Встреча прошла 5 июня 2026 года в Минске.", "ru", ("2026-06-05", "day")),
    ("Визит намечен на июнь 2026 г.", "ru", ("2026-06", "month")),
    ("Церемония пройдёт в июне 2026 года.", "ru", ("2026-06", "month")),
    ("Форум открылся 2026年6月26日 в Сямыне.", "zh", ("2026-06-26", "day")),
    ("会议于2019 年 10 月 30 日在北京举行。", "zh", ("2019-10-30", "day")),
    ("2026年6月,双方将再次会晤。", "zh", ("2026-06", "month")),
    ("The forum opens on June 26, 2026 in Xiamen.", "en", ("2026-06-26", "day")),
    ("It was signed on 26 June 2026.", "en", ("2026-06-26", "day")),
    ("The centre opened in October 2023.", "en", ("2023-10", "month")),
])
def test_absolute_dates_keep_their_precision(text, language, expected):
    assert values(text, language)[0] == expected


def test_a_range_is_read_as_its_start():
    assert values("1 — 2 ноября 2019 года прошло заседание.", "ru")[0] == ("2019-11-01", "day")
    mention = find_dates_in_text("2021年3月30日至4月2日,代表团访问新疆。", "zh")[0]
    assert (mention.value, mention.until) == ("2021-03-30", "2021-04-02")
    assert len(find_dates_in_text("7月10日至11日论坛举行。", "zh", "2025-07-17")) == 1


def test_day_and_month_take_the_year_of_the_document():
    assert values("22 августа в Минске подписан меморандум.", "ru", "2024-08-22")[0] == (
        "2024-08-22", "day")
    assert values("当地时间5月20日,双方举行会晤。", "zh", "2025-05-23")[0] == ("2025-05-20", "day")
    assert values("On March 6, a meeting was held.", "en", "2025-03-07")[0] == ("2025-03-06", "day")


def test_without_a_document_date_the_texts_latest_year_is_used():
    assert values("On March 6, a meeting was held before Expo 2025.", "en")[0] == (
        "2025-03-06", "day")


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("Вчера стороны провели переговоры.", "ru", "2026-06-04"),
    ("Накануне делегация прибыла в Минск.", "ru", "2026-06-04"),
    ("Во вторник состоялась встреча.", "ru", "2026-06-02"),      # 2026-06-05 is a Friday
    ("昨天,双方签署协议。", "zh", "2026-06-04"),
    ("The organizers announced it on Monday.", "en", "2026-06-01"),
    ("Yesterday the delegation arrived.", "en", "2026-06-04"),
])
def test_relative_days_resolve_against_the_document_date(text, language, expected):
    found = find_dates_in_text(text, language, "2026-06-05")
    assert found[0].value == expected
    assert found[0].relative


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("上月,双方签署协议。", "zh", ("2026-05", "month")),
    ("去年,中心成立。", "zh", ("2025", "year")),
    ("去年11月17日,峰会宣布成立中心。", "zh", ("2025-11-17", "day")),
    ("Last month the ministers met.", "en", ("2026-05", "month")),
    ("в середине июня т.г. состоится форум", "ru", ("2026-06", "month")),
    ("в феврале будущего года", "ru", ("2027-02", "month")),
])
def test_relative_months_and_years(text, language, expected):
    assert values(text, language, "2026-06-05")[0] == expected


def test_relative_dates_without_a_document_date_are_left_out():
    assert values("Вчера стороны провели переговоры.", "ru") == []


def test_offsets_point_at_the_date_text():
    text = "Сообщение. 5 июня 2026 года прошла встреча."
    mention = find_dates(Doc(text=text, language="ru"))[0]
    assert text[mention.start:mention.end] == mention.text == "5 июня 2026 года"


def test_invalid_calendar_dates_are_ignored():
    assert values("31 февраля 2026 года", "ru") == []


def test_first_absolute_date_skips_year_less_dates():
    assert first_absolute_date("22 августа. Потом 5 июня 2026 года.", "ru") == "2026-06-05"


def test_relative_dates_are_found_in_very_long_texts_too():
    text = "Во вторник прошла встреча. " + "Текст без дат. " * 10_000
    assert find_dates_in_text(text, "ru", "2026-06-05")[0].value == "2026-06-02"


def test_a_month_without_a_year_takes_the_document_year():
    assert values("Стороны договорились подписать в декабре соглашение.", "ru", "2025-10-16") == [
        ("2025-12", "month")]


@pytest.mark.parametrize(("value", "language", "expected"), [
    ("2026-06-05", None, "2026-06-05"),
    ("2026-06", None, "2026-06"),
    ("2024-08-22T20:14:00+03:00", None, "2024-08-22"),
    ("5 июня 2026", "ru", "2026-06-05"),
    ("June 5, 2026", "en", "2026-06-05"),
    ("2026年6月5日", "zh", "2026-06-05"),
    ("not a date", "en", None),
    ("", None, None),
])
def test_normalize_published(value, language, expected):
    from coopnode.extract.dates import normalize_published

    assert normalize_published(value, language) == expected


def test_a_year_less_date_near_new_year_takes_the_neighbouring_year():
    assert values("22 декабря прошла встреча.", "ru", "2025-01-10")[0] == ("2024-12-22", "day")
    assert values("Форум пройдет 5 января.", "ru", "2025-12-28")[0] == ("2026-01-05", "day")
    assert values("15 марта прошла встреча.", "ru", "2025-11-20")[0] == ("2025-03-15", "day")


def test_a_deadline_year_is_not_the_texts_year():
    assert values("On March 6, leaders met. The plan runs until 2035. Expo 2025", "en")[0] == (
        "2025-03-06", "day")


def test_a_month_alone_in_english_and_chinese():
    assert values("The next round will open in mid-June.", "en", "2025-05-01") == [
        ("2025-06", "month")]
    assert values("6月中旬,双方将举行会议。", "zh", "2025-05-23") == [("2025-06", "month")]
    assert values("3个月来,双方多次会谈。", "zh", "2025-05-23") == []


@pytest.mark.parametrize(("text", "language", "published", "expected"), [
    # an ordinal day "of" a month is a day, not the month
    ("The treaty was signed on the 21st of March, 2019 in Astana.", "en", None,
     ("2019-03-21", "day")),
    # two days of one month are the first of them
    ("The talks took place on 14 and 15 May 2024.", "en", None, ("2024-05-14", "day")),
    ("Consultations were held on May 14 and 15, 2024.", "en", None, ("2024-05-14", "day")),
    ("Консультации прошли 14 и 15 мая 2024 года.", "ru", None, ("2024-05-14", "day")),
    # a year-less day takes the document's year
    ("Делегация прибыла 3 ноября.", "ru", "2025-11-05", ("2025-11-03", "day")),
    # a month in Chinese numerals
    ("三月,双方在北京举行磋商。", "zh", "2024-06-01", ("2024-03", "month")),
])
def test_more_ways_of_writing_a_date(text, language, published, expected):
    assert values(text, language, published)[0] == expected


def test_a_year_inside_a_book_title_is_no_date_and_sets_no_year():
    text = "会议审议了《区域合作纲要（2031—2040年）》。双方于5月20日举行会谈。"
    assert values(text, "zh", "2024-06-01") == [("2024-05-20", "day")]


def test_a_month_counted_in_chinese_numerals_is_no_date():
    assert values("项目一个月后完成。", "zh", "2024-06-01") == []


def test_a_year_that_ends_a_sentence_is_a_date():
    assert values("The treaty was signed in 2015. It was renewed later.", "en") == [("2015", "year")]
