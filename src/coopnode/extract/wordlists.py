"""The word lists of the language components (``data/<lang>/``) and the gazetteer bridge.

Each language keeps ``places.tsv`` (name, kind, ISO country), ``organizations.tsv`` (name,
country, ``|``-separated variants) and ``titles.txt``; this module reads them once per process
in the same way for every language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any


@dataclass(frozen=True)
class LexiconEntry:
    """A name the lists know, with its type and country."""

    name: str                     # canonical name this surface form stands for
    type: str                     # "place" or "organization"
    country: str | None = None
    kind: str = ""                # country, region, city, area (places only)


def read_list(lang: str, name: str) -> list[str]:
    """The non-empty, non-comment lines of ``data/<lang>/<name>``."""
    text = resources.files("coopnode.extract").joinpath("data", lang, name).read_text("utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def load_entries(lang: str) -> dict[str, LexiconEntry]:
    """Surface form -> entry for places and organizations (variants point at the full name)."""
    table: dict[str, LexiconEntry] = {}
    for line in read_list(lang, "places.tsv"):
        name, kind, country = (line.split("\t") + ["", ""])[:3]
        table[name] = LexiconEntry(name=name, type="place", country=country or None, kind=kind)
    for line in read_list(lang, "organizations.tsv"):
        name, country, variants = (line.split("\t") + ["", ""])[:3]
        entry = LexiconEntry(name=name, type="organization", country=country or None)
        table[name] = entry
        for variant in filter(None, variants.split("|")):
            table[variant] = entry
    return table


@cache
def load_titles(lang: str) -> tuple[str, ...]:
    """Titles, longest first so that "Deputy Minister" wins over "Minister"."""
    return tuple(sorted(read_list(lang, "titles.txt"), key=len, reverse=True))


def gazetteer_hits(text: str, lang: str) -> list[Any]:
    """Hits of the reference gazetteer in ``text``, or [] while it is not installed."""
    try:
        from coopnode.resolve.gazetteer import default_gazetteer
    except ImportError:
        return []
    try:
        return list(default_gazetteer().find(text, lang))
    except Exception:  # noqa: BLE001 - reference data must never break extraction
        return []


def hit_fields(hit: Any, text: str, lang: str) -> tuple[int, int, str, str | None, str | None, str]:
    """(start, end, type, country, entry id, name) of a gazetteer hit.

    The name is the longest of the entry's names in ``lang`` that the text itself uses, so that
    "工信部" and "工业和信息化部", "BPIC" spelled out twice, end up under one name; otherwise the
    words as matched.
    """
    start, end = int(hit.start), int(hit.end)
    entry = hit.entry
    kind = "place" if getattr(entry, "type", "") == "place" else "organization"
    iso = getattr(entry, "iso", None)
    country = getattr(entry, "country", None) or (iso if iso and len(iso) == 2 else None)
    used = [n.text for n in getattr(entry, "names", ()) if getattr(n, "lang", "") == lang
            and (n.text in text if lang == "zh" else re.search(
                r"(?<![\w-])" + re.escape(n.text) + r"(?![\w-])(?![ \t]+[A-Z])", text))]
    surface = text[start:end]
    name = max(used, key=len) if used else surface
    if kind == "place" and lang != "zh" and surface.isupper() and not used:
        name = surface.title()
    return start, end, kind, country, getattr(entry, "id", None), name


# Chinese words that make a place's name a concept named after it ("上海精神", "中国方案"): the
# place itself is not mentioned.
ZH_NAMED_AFTER_PLACE = ("精神", "模式", "方案", "经验", "速度", "故事", "智慧")
