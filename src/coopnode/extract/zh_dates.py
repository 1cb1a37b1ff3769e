"""Chinese dates the shared date reader misses: Chinese numerals and a year earlier in the clause.

Why: news-agency datelines and older releases write dates in Chinese numerals ("五月二十九日电",
"吴邦国二十九日在莫斯科说", "去年九月"), and announcements give the year once at the head of the
clause ("2025年上海合作组织峰会将于8月31日在天津举行"): without the year, the day is resolved
against the page date, which is wrong whenever the page is older or undated.

The numerals are rewritten as Arabic digits in a copy of the text, the shared reader
(:func:`coopnode.extract.dates.find_dates_in_text`) reads the copy, and every date is mapped back
to its span in the original text.
"""

from __future__ import annotations

import re

from coopnode.extract.types import DateMention

_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
           "八": 8, "九": 9}
_NUMERAL = "〇零一二三四五六七八九十"

# a month ("五月", "十一月") that is followed by a day, or a day after a month ("月二十九日")
_MONTH_BEFORE_DAY_RE = re.compile(rf"(?<![{_NUMERAL}第个两几百千万])([{_NUMERAL}]{{1,2}})(?=月[{_NUMERAL}]{{1,3}}[日号])")
_DAY_AFTER_MONTH_RE = re.compile(rf"(?<=月)([{_NUMERAL}]{{1,3}})(?=[日号])")
# a month after a relative year ("去年九月"): the shared reader dates "去年9月" as a whole
_MONTH_AFTER_YEAR_RE = re.compile(rf"(?<=去年|今年|明年|前年)([{_NUMERAL}]{{1,2}})(?=月)")
# a day alone, written with at least two numerals ("二十九日在", "十一日电"); "一日" is too often
# not a date ("一日游")
_DAY_ALONE_RE = re.compile(rf"(?<![{_NUMERAL}\d月第个两几百千万星期礼拜])([一二三]?十[一二三四五六七八九]?|[二三]十)(?=日)")
_CLAUSE_BREAK_RE = re.compile(r"[，,。；;！？!?\n]")


def chinese_number(numeral: str) -> int | None:
    """1..39 written in Chinese numerals: 九, 十一, 二十九, 三十一; None for anything else."""
    if not numeral or any(c not in _NUMERAL for c in numeral):
        return None
    if "十" not in numeral:
        return _DIGITS[numeral] if len(numeral) == 1 else None
    tens, _, ones = numeral.partition("十")
    if len(tens) > 1 or len(ones) > 1:
        return None
    value = (_DIGITS[tens] if tens else 1) * 10 + (_DIGITS[ones] if ones else 0)
    return value if 1 <= value <= 39 else None


def arabic_copy(text: str) -> tuple[str, list[int]]:
    """The text with date numerals in Arabic digits, and for each character of the copy the
    offset of the original character it comes from (the copy can be shorter or longer)."""
    spans: list[tuple[int, int, str]] = []
    for pattern in (_MONTH_BEFORE_DAY_RE, _DAY_AFTER_MONTH_RE, _MONTH_AFTER_YEAR_RE, _DAY_ALONE_RE):
        for m in pattern.finditer(text):
            value = chinese_number(m.group(1))
            if value is None:
                continue
            if not any(lo < m.end() and m.start() < hi for lo, hi, _ in spans):
                spans.append((m.start(), m.end(), str(value)))
    spans.sort()
    out: list[str] = []
    origin: list[int] = []
    pos = 0
    for lo, hi, digits in spans:
        out.append(text[pos:lo])
        origin.extend(range(pos, lo))
        out.append(digits)
        origin.extend([lo] * len(digits))
        pos = hi
    out.append(text[pos:])
    origin.extend(range(pos, len(text)))
    return "".join(out), origin


def _original_span(origin: list[int], start: int, end: int, text: str, copy_len: int) -> tuple[int, int]:
    lo = origin[start] if start < copy_len else len(text)
    if end >= copy_len:
        return lo, len(text)
    hi = origin[end] if end < len(origin) else len(text)
    return lo, max(hi, lo + 1)


def carry_clause_year(text: str, mentions: list[DateMention]) -> None:
    """A month or day without a year takes the four-digit year stated earlier in its clause:
    "2025年博览会将于9月3日至5日在厦门举办" dates the fair 2025-09-03."""
    for k, mention in enumerate(mentions):
        if mention.precision not in ("day", "month") or re.search(r"\d{4}|年", mention.text):
            continue
        for prev in reversed(mentions[:k]):
            if _CLAUSE_BREAK_RE.search(text, prev.end, mention.start):
                break
            if prev.precision == "year" and re.fullmatch(r"\d{4}\s*年", prev.text):
                year = prev.value[:4]
                if mention.value[:4] != year:
                    mention.value = year + mention.value[4:]
                    if mention.until:
                        mention.until = year + mention.until[4:]
                break


_BARE_DAY_RE = re.compile(r"(?<![\d月年号.\-/])(\d{1,2})\s*日(?!\s*[元币])")


def bare_days(text: str, published: str | None, known: list[DateMention]) -> list[DateMention]:
    """Days written without a month ("丁薛祥20日在北京…") that no month in the text precedes.

    Why: news items date the event by the day alone and leave the month to the page date; the
    day belongs to the page's month, or to the month before when it is later than the page's day.
    """
    from datetime import date

    if not published or len(published) < 10:
        return []
    try:
        page = date.fromisoformat(published[:10])
    except ValueError:
        return []
    found: list[DateMention] = []
    for m in _BARE_DAY_RE.finditer(text):
        if any(d.start <= m.start() < d.end for d in known):
            continue
        if any(d.precision in ("day", "month") and d.end <= m.start() for d in known):
            continue  # a month was already given: the shared reader's context rules apply
        day = int(m.group(1))
        year, month = page.year, page.month
        if day > page.day:
            year, month = (year, month - 1) if month > 1 else (year - 1, 12)
        try:
            value = date(year, month, day).isoformat()
        except ValueError:
            continue
        found.append(DateMention(m.start(), m.end(), m.group(), value=value, precision="day",
                                 relative=True))
    return found


def find_chinese_dates(text: str, published: str | None) -> list[DateMention]:
    """All dates of a Chinese text, with numeral dates and clause years, at original offsets."""
    from coopnode.extract.dates import find_dates_in_text

    copy, origin = arabic_copy(text)
    found = find_dates_in_text(copy, "zh", published)
    if copy != text:
        for mention in found:
            lo, hi = _original_span(origin, mention.start, mention.end, text, len(copy))
            mention.start, mention.end, mention.text = lo, hi, text[lo:hi]
    carry_clause_year(text, found)
    found.extend(bare_days(text, published, found))
    return sorted(found, key=lambda d: d.start)
