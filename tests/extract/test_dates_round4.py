"""Weeks relative to the document's date, in three languages."""

from __future__ import annotations

import pytest

from coopnode.extract.dates import find_dates_in_text


@pytest.mark.parametrize("text, lang", [
    ("The minister will visit China next week.", "en"),
    ("Министр посетит Китай на следующей неделе.", "ru"),
    ("部长下周将访问中国。", "zh"),
])
def test_next_week_is_the_month_that_holds_that_week(text: str, lang: str) -> None:
    # published on Friday 27 June 2025: next week runs from 30 June to 4 July, mostly July
    [mention] = find_dates_in_text(text, lang, "2025-06-27")
    assert (mention.value, mention.precision, mention.relative) == ("2025-07", "month", True)


@pytest.mark.parametrize("text, lang", [
    ("Last week the minister visited China.", "en"),
    ("На прошлой неделе министр посетил Китай.", "ru"),
    ("上周部长访问了中国。", "zh"),
])
def test_last_week_is_read_against_the_document_date(text: str, lang: str) -> None:
    [mention] = find_dates_in_text(text, lang, "2025-06-04")
    assert mention.value == "2025-05"       # 26-30 May


def test_a_week_without_a_document_date_is_not_guessed() -> None:
    assert find_dates_in_text("The minister will visit China next week.", "en", None) == []
