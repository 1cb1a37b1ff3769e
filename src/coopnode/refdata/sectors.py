"""Loader for the digital-industry sector taxonomy shipped in ``sectors.yaml``.

The taxonomy is reference data: the YAML holds codes, names in ru/zh/en, keywords and the
nearest NACE/ISIC class (sources in ``SECTORS.md``); this module only reads and indexes it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

LANGUAGES: tuple[str, ...] = ("en", "ru", "zh")
SECTORS_PATH = Path(__file__).with_name("sectors.yaml")


class UnknownSectorError(KeyError):
    """A sector code that is not in the taxonomy."""

    def __str__(self) -> str:
        return f"unknown sector code: {self.args[0]!r}"


@dataclass(frozen=True)
class Sector:
    """One taxonomy node; ``parent`` is None for the top level."""

    code: str
    names: dict[str, str]
    keywords: dict[str, tuple[str, ...]] = field(default_factory=dict)
    parent: str | None = None
    nace: str | None = None
    isic: str | None = None

    @property
    def top(self) -> str:
        """Code of the top-level group this sector belongs to."""
        return self.parent or self.code

    def label(self, lang: str) -> str:
        """Name in ``lang``, falling back to English for languages the file lacks."""
        return self.names.get(lang) or self.names["en"]


def _parse(entry: dict) -> Sector:
    keywords = {lang: tuple(words) for lang, words in (entry.get("keywords") or {}).items()}
    return Sector(
        code=entry["code"],
        names=dict(entry["names"]),
        keywords=keywords,
        parent=entry.get("parent"),
        nace=str(entry["nace"]) if entry.get("nace") is not None else None,
        isic=str(entry["isic"]) if entry.get("isic") is not None else None,
    )


@lru_cache(maxsize=4)
def _load(path: Path) -> tuple[Sector, ...]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    sectors = tuple(_parse(e) for e in data["sectors"])
    codes = {s.code for s in sectors}
    for s in sectors:
        if s.parent is not None and s.parent not in codes:
            raise ValueError(f"sector {s.code!r} has unknown parent {s.parent!r}")
    return sectors


def load_sectors(path: Path | None = None) -> list[Sector]:
    """All sectors in file order (each group followed by its children)."""
    return list(_load(path or SECTORS_PATH))


@lru_cache(maxsize=4)
def _by_code(path: Path) -> dict[str, Sector]:
    return {s.code: s for s in _load(path)}


def get_sector(code: str, path: Path | None = None) -> Sector:
    """The sector with ``code``; raises :class:`UnknownSectorError` otherwise."""
    try:
        return _by_code(path or SECTORS_PATH)[code]
    except KeyError:
        raise UnknownSectorError(code) from None


def is_sector(code: str) -> bool:
    return code in _by_code(SECTORS_PATH)


def sector_label(code: str, lang: str) -> str:
    """Human name of ``code`` in ``lang`` (en fallback); unknown codes are returned as given
    so that a stale code in old data still renders instead of breaking a page."""
    sector = _by_code(SECTORS_PATH).get(code)
    return sector.label(lang) if sector else code


def expand_with_parents(codes: Iterable[str]) -> set[str]:
    """Codes plus their top-level groups: a 'cloud.datacentre' profile is also 'cloud'."""
    out: set[str] = set()
    table = _by_code(SECTORS_PATH)
    for code in codes:
        out.add(code)
        sector = table.get(code)
        if sector is not None and sector.parent:
            out.add(sector.parent)
    return out


def children(code: str) -> list[Sector]:
    return [s for s in _load(SECTORS_PATH) if s.parent == code]
