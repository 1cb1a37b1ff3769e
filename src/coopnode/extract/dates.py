"""Dates in Russian, Chinese and English text, resolved to ISO 8601 at the text's precision.

Press releases mostly give dates without a year ("22 августа", "5月20日", "March 6") or relative
to their own date ("накануне", "昨天", "on Monday"), so every date is resolved against an anchor:
the document's ``published`` date, else the year of the closest earlier full date in the text.
Regexes find the candidates (they are fast and keep the precision the text gives); the calendar
arithmetic is done here.  A date that cannot be anchored is left out rather than guessed.

``find_dates`` is shared by all language components.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache

from coopnode.extract.types import DateMention, Doc, Precision

# --- month names ---------------------------------------------------------------------------

_RU_MONTH_STEMS = {
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6, "июл": 7, "август": 8,
    "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
}
# Any case form: "июня", "июне", "июнь", "мая", "мае", "май", "марта", "августе" ...
_RU_MONTH = (
    r"(?P<{g}>январ[яеью]|феврал[яеью]|марта?|марте|апрел[яеью]|ма[яйе]|июн[яеью]|июл[яеью]"
    r"|августа?|августе|сентябр[яеью]|октябр[яеью]|ноябр[яеью]|декабр[яеью])(?![а-яё])"
)
_EN_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_EN_MONTH = (
    r"(?P<{g}>January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_RU_WEEKDAYS = {
    "понедельник": 0, "вторник": 1, "среду": 2, "среда": 2, "четверг": 3, "пятницу": 4,
    "пятница": 4, "субботу": 5, "суббота": 5, "воскресенье": 6,
}
_EN_WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}


def ru_month_number(word: str) -> int | None:
    """Month number of a Russian month name in any case ("июня" -> 6, "мае" -> 5)."""
    low = word.lower()
    if low.startswith("ма") and len(low) <= 3:
        return 5
    for stem, number in _RU_MONTH_STEMS.items():
        if stem != "ма" and low.startswith(stem[: max(3, len(stem) - 1)]):
            return number
    return None


def en_month_number(word: str) -> int | None:
    """Month number of an English month name or abbreviation ("Sept." -> 9)."""
    return _EN_MONTHS.get(word.lower().rstrip("."))


# --- candidate patterns ----------------------------------------------------------------------


@dataclass(frozen=True)
class _Candidate:
    """A date expression found by a pattern, before it is resolved against an anchor."""

    start: int
    end: int
    year: int | None
    month: int | None
    day: int | None
    relative: str | None = None     # e.g. "day:-1", "weekday:1", "month:-1", "year:+0"
    until_day: int | None = None    # a range's last day ("7月10日至11日" -> 11)
    until_month: int | None = None


def _y(text: str | None) -> int | None:
    return int(text) if text else None


_RU_YEAR_TAIL = r"(?:\s*(?:года|году|год|г\.?)(?![а-яё]))?"
_RU_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    # "с 22 по 24 октября [2024 года]" -> start of the range
    (re.compile(r"(?<!\d)с\s+(?P<d>\d{1,2})\s+по\s+\d{1,2}\s+" + _RU_MONTH.format(g="m")
                + r"(?:\s+(?P<y>\d{4})" + _RU_YEAR_TAIL + ")?", re.I), "dm"),
    # "5 июня 2026 года", "1 — 2 ноября 2019 года", "22 августа"
    # "8 и 9 июня" -> the first day
    (re.compile(r"(?<!\d)(?P<d>\d{1,2})(?:\s*(?:[-–—]|и)\s*\d{1,2})?\s+" + _RU_MONTH.format(g="m")
                + r"(?:\s+(?P<y>\d{4})" + _RU_YEAR_TAIL + ")?", re.I), "dm"),
    # "18 ноября текущего года", "5 марта будущего года": a day of a year named relatively
    (re.compile(r"(?<!\d)(?P<d>\d{1,2})\s+" + _RU_MONTH.format(g="m")
                + r"\s+(?P<rel>т\.\s?г\.|текущего года|этого года|сего года|будущего года"
                r"|следующего года|прошлого года)", re.I), "dmrel"),
    # "12.09.2024"
    (re.compile(r"(?<![\d.])(?P<d>\d{1,2})\.(?P<mn>\d{1,2})\.(?P<y>\d{4})(?!\d)"), "num"),
    # "в июне 2026 года", "июнь 2026 г."
    (re.compile(r"(?<![\w])" + _RU_MONTH.format(g="m") + r"\s+(?P<y>\d{4})" + _RU_YEAR_TAIL,
                re.I), "my"),
    # "в середине июня т.г.", "в феврале будущего года", "в июне прошлого года"
    (re.compile(r"(?<![\w])" + _RU_MONTH.format(g="m")
                + r"(?:\s+(?P<rel>т\.\s?г\.|текущего года|этого года|сего года|будущего года"
                r"|следующего года|прошлого года))", re.I), "mrel"),
    # "в декабре", "в середине июня": the month of the document's year
    (re.compile(r"(?<![\w])в\s+(?:(?:середине|начале|конце|первой|второй)\s+(?:половине\s+)?)?"
                + _RU_MONTH.format(g="m") + r"(?!\s+(?:\d|т\.|текущ|этого|сего|будущ|следующ|прошл))",
                re.I), "m"),
    # "в 2024 году", "в 2018-2019 годах"
    (re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})(?:\s*[-–—]\s*(?:19|20)\d{2})?\s*"
                r"(?:года|году|год|годах|годы|г\.)(?![а-яё])", re.I), "y"),
]
_RU_RELATIVE: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"(?<![а-яё])(позавчера)(?![а-яё])", re.I), "day:-2"),
    (re.compile(r"(?<![а-яё])(вчера)(?![а-яё])", re.I), "day:-1"),
    (re.compile(r"(?<![а-яё])(накануне)(?![а-яё])", re.I), "day:-1"),
    (re.compile(r"(?<![а-яё])(сегодня)(?![а-яё])", re.I), "day:+0"),
    (re.compile(r"(?<![а-яё])(послезавтра)(?![а-яё])", re.I), "day:+2"),
    (re.compile(r"(?<![а-яё])(завтра)(?![а-яё])", re.I), "day:+1"),
    (re.compile(r"(?<![а-яё])во?\s+(понедельник|вторник|среду|четверг|пятницу|субботу"
                r"|воскресенье)(?![а-яё])", re.I), "weekday"),
    (re.compile(r"(?<![а-яё])(на прошлой неделе)(?![а-яё])", re.I), "week:-1"),
    (re.compile(r"(?<![а-яё])(на этой неделе|на текущей неделе)(?![а-яё])", re.I), "week:+0"),
    (re.compile(r"(?<![а-яё])(на следующей неделе|на будущей неделе|на предстоящей неделе)"
                r"(?![а-яё])", re.I), "week:+1"),
    (re.compile(r"(?<![а-яё])(в прошлом месяце)(?![а-яё])", re.I), "month:-1"),
    (re.compile(r"(?<![а-яё])(в этом месяце|в текущем месяце)(?![а-яё])", re.I), "month:+0"),
    (re.compile(r"(?<![а-яё])(в следующем месяце)(?![а-яё])", re.I), "month:+1"),
    (re.compile(r"(?<![а-яё])(в прошлом году)(?![а-яё])", re.I), "year:-1"),
    (re.compile(r"(?<![а-яё])(в этом году|в текущем году)(?![а-яё])", re.I), "year:+0"),
    (re.compile(r"(?<![а-яё])(в следующем году|в будущем году)(?![а-яё])", re.I), "year:+1"),
]

_EN_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    # "the 4th of July, 2023"
    (re.compile(r"(?<!\d)(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+of\s+" + _EN_MONTH.format(g="m")
                + r"(?:,?\s+(?P<y>(?:19|20)\d{2})\b)?"), "dm"),
    # "June 26, 2026", "March 6", "Oct. 23rd 2024", "June 8 and 9" (the first day)
    (re.compile(r"\b" + _EN_MONTH.format(g="m") + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?\b"
                r"(?:\s*(?:[-–]|and|&)\s*\d{1,2}\b)?(?:,?\s+(?P<y>(?:19|20)\d{2})\b)?"), "dm"),
    # "26 June 2026", "26 June", "8 and 9 June" (the first day)
    (re.compile(r"(?<!\d)(?P<d>\d{1,2})(?:st|nd|rd|th)?(?:\s*(?:[-–]|and|&)\s*\d{1,2}"
                r"(?:st|nd|rd|th)?)?\s+"
                + _EN_MONTH.format(g="m") + r"(?:,?\s+(?P<y>(?:19|20)\d{2})\b)?"), "dm"),
    # "Posted: 01.03.2023 14:01": dotted dates are day first (the English pages of Belarusian,
    # Russian and Central Asian media keep their own order; US pages write slashes)
    (re.compile(r"(?<![\d.])(?P<d>\d{1,2})\.(?P<mn>\d{1,2})\.(?P<y>(?:19|20)\d{2})(?![\d.]\d)"), "num"),
    # "October 2023"
    (re.compile(r"\b" + _EN_MONTH.format(g="m") + r",?\s+(?P<y>(?:19|20)\d{2})\b"), "my"),
    # "in 2022", "BRICS Forum on PartNIR 2024"
    # (a full stop after the year ends the sentence: "signed in 2019.")
    (re.compile(r"(?<![\d\-./:])(?P<y>(?:19|20)\d{2})(?![\d\-/:]|\.\d|\s*(?:%|percent))"), "y"),
    # "in mid-June", "since early March": the month of the document's year
    (re.compile(r"\b(?:in|since|during|from|until|early|mid|late)[- ](?:early |mid-|late )?"
                + _EN_MONTH.format(g="m") + r"(?![\s,]+\d)(?![a-z])"), "m"),
]
_EN_RELATIVE: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\b(yesterday)\b", re.I), "day:-1"),
    (re.compile(r"\b(today)\b", re.I), "day:+0"),
    (re.compile(r"\b(tomorrow)\b", re.I), "day:+1"),
    (re.compile(r"\b(?:on|last)\s+(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"),
     "weekday"),
    # "arrived the day before": the day before the event just dated, not before the page
    (re.compile(r"\b(?:the|a)\s+(day before|previous day|day earlier)\b", re.I), "prev:-1"),
    (re.compile(r"\b(?:the|a)\s+(next day|following day|day later)\b", re.I), "prev:+1"),
    (re.compile(r"\b(last week)\b", re.I), "week:-1"),
    (re.compile(r"\b((?:later )?this week)\b", re.I), "week:+0"),
    (re.compile(r"\b(next week|the coming week)\b", re.I), "week:+1"),
    (re.compile(r"\b(last month)\b", re.I), "month:-1"),
    (re.compile(r"\b(this month)\b", re.I), "month:+0"),
    (re.compile(r"\b(next month)\b", re.I), "month:+1"),
    (re.compile(r"\b(last year)\b", re.I), "year:-1"),
    (re.compile(r"\b(this year)\b", re.I), "year:+0"),
    (re.compile(r"\b(next year)\b", re.I), "year:+1"),
]

_ZH_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    # "2026年6月26日", "2019 年 10 月 30 日", "去年11月17日", "5月20日"
    (re.compile(r"(?:(?P<y>\d{4})\s*年|(?P<rel>去年|今年|明年|前年))?\s*(?P<mn>\d{1,2})\s*月\s*"
                r"(?P<d>\d{1,2})\s*[日号]"), "zh_dm"),
    # "2026年6月", "去年11月"
    (re.compile(r"(?:(?P<y>\d{4})\s*年|(?P<rel>去年|今年|明年|前年))\s*(?P<mn>\d{1,2})\s*月"
                r"(?!\s*\d{1,2}\s*[日号])"), "zh_my"),
    # "2021年" (not followed by a month)
    (re.compile(r"(?P<y>\d{4})\s*年(?!\s*\d{1,2}\s*月)(?!代)"), "y"),
    # "6月" alone ("6月中旬", "今年6月" is covered above): the month of the document's year
    (re.compile(r"(?<![\d年月])(?P<mn>\d{1,2})\s*月(?!\s*\d{1,2}\s*[日号])"), "zh_m"),
    # "21日" alone: the day of the month last mentioned ("7月10日至11日" gives 10, then 11)
    (re.compile(r"(?<![\d月年])(?P<d>\d{1,2})\s*日"), "zh_d"),
    # ISO-like "2024-08-22"
]
_ZH_RELATIVE: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"(前天)"), "day:-2"),
    (re.compile(r"(昨天|昨日)"), "day:-1"),
    (re.compile(r"(今天|今日)"), "day:+0"),
    (re.compile(r"(明天|明日)"), "day:+1"),
    (re.compile(r"(上周|上星期|上个星期)"), "week:-1"),
    (re.compile(r"(本周|这周|本星期|这个星期)"), "week:+0"),
    (re.compile(r"(下周|下星期|下个星期)"), "week:+1"),
    (re.compile(r"(上个?月)"), "month:-1"),
    (re.compile(r"(本月|这个月)"), "month:+0"),
    (re.compile(r"(下个?月)"), "month:+1"),
    (re.compile(r"(去年)(?!\s*\d{1,2}\s*月)"), "year:-1"),
    (re.compile(r"(今年)(?!\s*\d{1,2}\s*月)"), "year:+0"),
    (re.compile(r"(明年)(?!\s*\d{1,2}\s*月)"), "year:+1"),
]
_ISO_PATTERN = re.compile(r"(?<![\d\-])(?P<y>(?:19|20)\d{2})-(?P<mn>\d{2})-(?P<d>\d{2})(?![\d\-])")

_YEAR_OFFSETS = {"去年": -1, "今年": 0, "明年": 1, "前年": -2}


def _ru_year_offset(rel: str) -> int:
    low = rel.lower()
    if low.startswith(("будущ", "следующ")):
        return 1
    if low.startswith("прошл"):
        return -1
    return 0


def _candidates(text: str, language: str, relative: bool = True) -> Iterator[_Candidate]:
    """Every date expression in ``text``; overlapping ones are resolved by the caller.
    ``relative=False`` skips the expressions that need a document date."""
    if language == "zh":
        yield from _absolute_candidates(text, language)
        yield from _zh_candidates(text)
    elif language == "en":
        yield from _absolute_candidates(text, language)
        if relative:
            yield from _relative_candidates(text, _EN_RELATIVE, _EN_WEEKDAYS)
    else:
        yield from _absolute_candidates(text, language)
        if relative and _CYRILLIC.search(text):
            yield from _relative_candidates(text, _RU_RELATIVE, _RU_WEEKDAYS)
        if language != "ru":
            yield from _pattern_candidates(text, _EN_PATTERNS[:3], en_month_number)


@lru_cache(maxsize=4)
def _absolute_candidates(text: str, language: str) -> tuple[_Candidate, ...]:
    """The ISO dates and the language's written dates of ``text``.  Kept for the last few
    texts: the document's own date is looked for first, then the dates of the same text."""
    found = [_Candidate(match.start(), match.end(), int(match["y"]), int(match["mn"]),
                        int(match["d"])) for match in _ISO_PATTERN.finditer(text)]
    if language == "en":
        found += _pattern_candidates(text, _EN_PATTERNS, en_month_number)
    elif language != "zh" and _CYRILLIC.search(text):   # Russian patterns on Cyrillic only
        found += _pattern_candidates(text, _RU_PATTERNS, ru_month_number)
    return tuple(found)


def _pattern_candidates(text: str, patterns: list[tuple[re.Pattern[str], str]],
                        month_number: object) -> Iterator[_Candidate]:
    to_month = month_number  # a callable: name -> number
    for pattern, kind in patterns:
        for match in pattern.finditer(text):
            groups = match.groupdict()
            month = to_month(groups["m"]) if groups.get("m") else None  # type: ignore[operator]
            if kind == "num":
                month = int(groups["mn"])
            day = int(groups["d"]) if groups.get("d") else None
            year = _y(groups.get("y"))
            relative = None
            if kind in ("mrel", "dmrel"):
                relative = f"year:{_ru_year_offset(groups['rel']):+d}"
            if kind == "y" and year is None:
                continue
            if kind == "m":
                relative = "year:+0"            # year-less month: resolved against the anchor
            yield _Candidate(match.start(), match.end(), year, month, day, relative)


_CYRILLIC = re.compile(r"[а-яё]", re.I)


@lru_cache(maxsize=256)
def _keyword(pattern: re.Pattern[str]) -> str | None:
    """A literal every match of a relative pattern contains, to skip scanning big texts."""
    literal = re.search(r"\(([^()?|\\[\]]{2,})\)", pattern.pattern)
    return literal.group(1).split()[0].lower() if literal else None


def _relative_candidates(text: str, patterns: list[tuple[re.Pattern[str], str]],
                         weekdays: dict[str, int]) -> Iterator[_Candidate]:
    lower = text.lower()
    for pattern, kind in patterns:
        keyword = _keyword(pattern)
        if keyword and keyword not in lower:
            continue
        for match in pattern.finditer(text):
            if kind == "weekday":
                number = weekdays.get(match.group(1).lower())
                if number is None:
                    continue
                kind_value = f"weekday:{number}"
            else:
                kind_value = kind
            yield _Candidate(match.start(), match.end(), None, None, None, kind_value)


def _zh_candidates(text: str) -> Iterator[_Candidate]:
    for pattern, kind in _ZH_PATTERNS:
        for match in pattern.finditer(text):
            groups = match.groupdict()
            rel = groups.get("rel")
            relative = f"year:{_YEAR_OFFSETS[rel]:+d}" if rel else None
            start = match.start()
            while start < match.end() and text[start].isspace():
                start += 1
            yield _Candidate(
                start, match.end(), _y(groups.get("y")),
                int(groups["mn"]) if groups.get("mn") else None,
                int(groups["d"]) if groups.get("d") else None,
                "same_month" if kind == "zh_d" else "year:+0" if kind == "zh_m" else relative,
            )
    for match in _ZH_NUMERAL_MONTH.finditer(text):
        month = _ZH_MONTH_NUMERALS[match.group("cn")]
        yield _Candidate(match.start(), match.end(), _y(match.group("y")), month, None,
                         None if match.group("y") else "year:+0")
    yield from _relative_candidates(text, _ZH_RELATIVE, {})


# "四月", "2024年十一月": a month written in Chinese numerals (never followed by a day here;
# "十一月五日" style days are rare in news and left alone)
_ZH_MONTH_NUMERALS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
                      "九": 9, "十": 10, "十一": 11, "十二": 12}
_ZH_NUMERAL_MONTH = re.compile(
    r"(?:(?P<y>\d{4})\s*年)?(?<![一二三四五六七八九十百千万第个两几])(?P<cn>十[一二]?|[一二三四五六七八九])月"
    r"(?![一二三四五六七八九十\d]+[日号])(?!份额)")


# --- resolution ------------------------------------------------------------------------------


def _parse_iso(value: str | None) -> date | None:
    if not value:
        return None
    try:
        parts = [int(p) for p in value.split("-")]
    except ValueError:
        return None
    parts += [1] * (3 - len(parts))
    try:
        return date(parts[0], parts[1], parts[2])
    except ValueError:
        return None


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _value(year: int, month: int | None, day: int | None) -> tuple[str, Precision] | None:
    """ISO value at the precision given, or None when the parts are not a real date."""
    if month is None:
        return (f"{year:04d}", "year") if 1000 <= year <= 2999 else None
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}", "month"
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}", "day"


def _resolve(candidate: _Candidate, anchor: date | None, context_year: int | None,
             context_month: tuple[int, int] | None) -> tuple[str, Precision, bool] | None:
    """Absolute ISO value, precision and relativeness of a candidate, or None if unanchored."""
    rel = candidate.relative
    if rel == "same_month":
        if context_month is None or candidate.day is None:
            return None
        resolved = _value(context_month[0], context_month[1], candidate.day)
        return (*resolved, True) if resolved else None
    if rel is None or rel.startswith("year:") and candidate.month is not None:
        year = candidate.year
        is_relative = False
        if rel is not None:                       # "去年11月17日", "в феврале будущего года"
            if anchor is None:
                return None
            year = anchor.year + int(rel.split(":")[1])
            is_relative = True
        elif year is None:                        # "22 августа": the year of the context
            year = _nearest_year(anchor, candidate.month, candidate.day) if anchor is not None \
                else context_year
            if year is None:
                return None
            is_relative = True
        resolved = _value(year, candidate.month, candidate.day)
        return (*resolved, is_relative) if resolved else None
    if anchor is None:
        return None
    unit, _, amount = rel.partition(":")
    if unit == "day":
        return (anchor + timedelta(days=int(amount))).isoformat(), "day", True
    if unit == "weekday":
        back = (anchor.weekday() - int(amount)) % 7
        return (anchor - timedelta(days=back)).isoformat(), "day", True
    if unit == "week":
        return _week_month(anchor, int(amount)), "month", True
    if unit == "month":
        year, month = _shift_month(anchor.year, anchor.month, int(amount))
        return f"{year:04d}-{month:02d}", "month", True
    if unit == "year":
        return f"{anchor.year + int(amount):04d}", "year", True
    return None


def _week_month(anchor: date, weeks: int) -> str:
    """"next week" is no single day: the month that holds most of that week's working days
    (a week from 30 June to 4 July is July's), at month precision."""
    monday = anchor - timedelta(days=anchor.weekday()) + timedelta(weeks=weeks)
    days = [monday + timedelta(days=k) for k in range(5)]
    months = [(d.year, d.month) for d in days]
    year, month = max(set(months), key=months.count)
    return f"{year:04d}-{month:02d}"


def _drop_overlaps(candidates: list[_Candidate]) -> list[_Candidate]:
    """Keep the longest candidate where several overlap ("5 июня 2026 года" over "2026 года")."""
    ordered = sorted(candidates, key=lambda c: (c.start, -(c.end - c.start)))
    kept: list[_Candidate] = []
    for candidate in ordered:
        if kept and candidate.start < kept[-1].end:
            if candidate.end - candidate.start > kept[-1].end - kept[-1].start:
                kept[-1] = candidate
            continue
        kept.append(candidate)
    return kept


_RANGE_JOIN = re.compile(r"\s*(?:至|到|~|～|—|–|-|to|until|till|through|по|до)\s*\Z", re.I)
_BARE_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")


def _absorb_range_ends(text: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """"3月30日至4月2日", "June 26 to July 2": the end of a range is not a date of its own;
    the range is read as its start date."""
    out: list[_Candidate] = []
    for candidate in candidates:
        if out and candidate.relative in (None, "same_month") and out[-1].relative is None:
            between = text[out[-1].end:candidate.start]
            if len(between) <= 12 and _RANGE_JOIN.match(between) and (
                    out[-1].day is not None and (candidate.day is not None)):
                previous = out[-1]
                out[-1] = _Candidate(previous.start, candidate.end, previous.year,
                                     previous.month, previous.day, previous.relative,
                                     until_day=candidate.day,
                                     until_month=candidate.month or previous.month)
                continue
        out.append(candidate)
    return out


_APPOSITION_GAP = re.compile(r"\s*[,(]?\s*\Z")


def _merge_weekday_appositions(text: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """"в понедельник, 18 ноября", "on Monday, June 5", "18 ноября (понедельник)": a weekday
    beside an explicit date names that date again; counting it back from the page date would
    put the event on another day."""
    out: list[_Candidate] = []
    for candidate in candidates:
        previous = out[-1] if out else None
        if previous is not None and candidate.start - previous.end <= 3 and \
                _APPOSITION_GAP.match(text[previous.end:candidate.start]):
            previous_weekday = (previous.relative or "").startswith("weekday:")
            this_weekday = (candidate.relative or "").startswith("weekday:")
            if previous_weekday and candidate.day is not None and not this_weekday:
                out[-1] = replace(candidate, start=previous.start)
                continue
            if this_weekday and previous.day is not None and not previous_weekday:
                out[-1] = replace(previous, end=candidate.end)
                continue
        out.append(candidate)
    return out


def _nearest_year(anchor: date, month: int | None, day: int | None) -> int:
    """The document's year, unless that puts a year-less date almost a year away while the
    neighbouring year puts it close: "22 декабря" in a release of 10 January is last December,
    "5 января" in one of 28 December is next January."""
    if month is None:
        return anchor.year

    def gap(year: int) -> int:
        last_day = calendar.monthrange(year, month)[1]
        return abs((date(year, month, min(day or 1, last_day)) - anchor).days)

    if gap(anchor.year) <= _FAR_DAYS:
        return anchor.year
    return min((anchor.year - 1, anchor.year + 1), key=gap)


_FAR_DAYS = 300


_DEADLINE_YEAR = re.compile(r"(?:\bдо|\bк|\bby|\buntil|到)\s*\Z", re.I)


_BOOK_TITLE = re.compile(r"《[^《》\n]{1,200}》")


def _title_spans(text: str) -> list[tuple[int, int]]:
    """Spans of 《…》 titles: a year inside the name of a plan or a book ("2026—2035年") is part
    of the name, not a date, and must not set the year of the dates after it."""
    return [(m.start(), m.end()) for m in _BOOK_TITLE.finditer(text)]


def _text_year(text: str) -> int | None:
    """The latest year the text names, deadlines ("до 2035 года") aside: the best guess for
    year-less dates when the document's own date is unknown (news report on the latest of the
    years they mention)."""
    sample = _BOOK_TITLE.sub(lambda m: " " * len(m.group()), text[:200000])
    years = [int(m.group(1)) for m in _BARE_YEAR.finditer(sample)
             if not _DEADLINE_YEAR.search(sample, max(0, m.start() - 8), m.start())]
    return max(years) if years else None


def find_dates_in_text(text: str, language: str, published: str | None = None,
                       relative: bool = True) -> list[DateMention]:
    """All dates of ``text`` in order, resolved against ``published`` and the text's own years."""
    anchor = _parse_iso(published)
    titles = _title_spans(text)
    candidates = _merge_weekday_appositions(text, _absorb_range_ends(
        text, _drop_overlaps([c for c in _candidates(text, language, relative and anchor is not None)
                              if not any(lo <= c.start < hi for lo, hi in titles)])))
    mentions: list[DateMention] = []
    context_year: int | None = None if anchor is not None else _text_year(text)
    context_month: tuple[int, int] | None = None
    context_day: date | None = None
    for candidate in candidates:
        resolved: tuple[str, Precision, bool] | None
        if candidate.relative and candidate.relative.startswith("prev:"):
            base = context_day or anchor     # the day just dated, else the page's own day
            if base is None:
                continue
            shifted = base + timedelta(days=int(candidate.relative.split(":")[1]))
            resolved = (shifted.isoformat(), "day", True)
        else:
            resolved = _resolve(candidate, anchor, context_year, context_month)
        if resolved is None:
            continue
        value, precision, relative = resolved
        if candidate.year is not None and candidate.month is not None:
            context_year = candidate.year
        if precision in ("day", "month"):
            context_month = (int(value[:4]), int(value[5:7]))
        if precision == "day":
            context_day = _parse_iso(value)
        until = None
        if candidate.until_day is not None and precision == "day":
            resolved_end = _value(int(value[:4]), candidate.until_month, candidate.until_day)
            if resolved_end is not None and resolved_end[0] >= value:
                until = resolved_end[0]
        mentions.append(DateMention(candidate.start, candidate.end,
                                    text[candidate.start:candidate.end], value=value,
                                    precision=precision, relative=relative, until=until))
    return mentions


def find_dates(doc: Doc) -> list[DateMention]:
    """Dates of ``doc`` (any of ru/zh/en) resolved against ``doc.published``."""
    return find_dates_in_text(doc.text, doc.language, doc.published)


def first_absolute_date(text: str, language: str) -> str | None:
    """The first date of the body that states its year: a fallback for the document date."""
    for mention in find_dates_in_text(text[:5000], language, None, relative=False):
        if not mention.relative and mention.precision == "day":
            return mention.value
    return None


_ISO_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


def normalize_published(value: str | None, language: str | None = None) -> str | None:
    """A document date given by a user or a page ("2026-06-05", "5 июня 2026",
    "June 5, 2026", "2026年6月5日", "2024-08-22T20:14:00+03:00") as ISO ``YYYY-MM-DD``.

    ISO values are kept at their precision; anything else goes through dateparser with the
    document's language.  Returns None when the value is not a date.
    """
    if not value or not value.strip():
        return None
    value = value.strip()
    if _ISO_DATE.fullmatch(value):
        return value
    iso_prefix = re.match(r"(\d{4}-\d{2}-\d{2})[T ]", value)
    if iso_prefix:
        return iso_prefix.group(1)
    try:
        import dateparser
    except ImportError:  # pragma: no cover - declared dependency
        return None
    languages = [language] if language in ("ru", "zh", "en") else None
    parsed = dateparser.parse(value, languages=languages,
                              settings={"PREFER_DAY_OF_MONTH": "first",
                                        "REQUIRE_PARTS": ["year"]})
    return parsed.date().isoformat() if parsed else None
