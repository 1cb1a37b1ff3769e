"""Load and validate the gazetteer: countries, places and organizations with multilingual names.

The data lives in YAML files under ``refdata/gazetteer/`` (one file per family of entries) so that
facts can be reviewed and cited apart from the code; see ``refdata/SOURCES.md``.  Every file is a
list of entries of this shape::

    - id: place/CN-XJ
      type: place                 # place | organization
      kind: region                # country, region, city, ministry, government, ...
      country: CN                 # ISO 3166-1 alpha-2 of the country it belongs to
      iso: CN-XJ                  # ISO 3166-1 alpha-2 (countries) or ISO 3166-2 code
      parent: country/CN          # id of the enclosing place or parent organization
      lat: 43.8
      lon: 87.6
      names:
        en: {official: Xinjiang Uygur Autonomous Region, short: Xinjiang}
        ru: {official: ..., abbreviation: [СУАР]}
      sources: [wikidata:Q34800]

Each language maps name kinds (``official``, ``short``, ``abbreviation``, ``alias``) to one name
or a list of names.  The loader checks the whole set at once and reports every problem it finds,
with the file and entry id, so a data editor sees all mistakes in one run.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml

GAZETTEER_DIR = Path(__file__).resolve().parent / "gazetteer"

# libyaml's loader is six times faster than the pure-Python one; both are "safe".
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

EntryType = Literal["organization", "place"]
ENTRY_TYPES: frozenset[str] = frozenset({"organization", "place"})
LANGUAGES: frozenset[str] = frozenset({"ru", "zh", "en"})
NAME_KINDS: tuple[str, ...] = ("official", "short", "abbreviation", "alias")
PLACE_KINDS: frozenset[str] = frozenset({"country", "region", "city", "district", "area"})
ORGANIZATION_KINDS: frozenset[str] = frozenset({
    "ministry", "agency", "government", "legislature", "association", "chamber", "company",
    "international", "bank", "park", "centre", "media", "university", "embassy", "network_node",
})


class GazetteerError(ValueError):
    """The gazetteer files are inconsistent; the message lists every problem found."""


@dataclass(frozen=True)
class GazetteerName:
    """One name of an entry in one language, e.g. ("КНР", "ru", "abbreviation")."""

    text: str
    lang: str
    kind: str


@dataclass(frozen=True)
class GazetteerEntry:
    """A country, place or organization that the network's news keeps mentioning."""

    id: str
    type: EntryType
    kind: str
    country: str | None
    iso: str | None
    parent: str | None
    lat: float | None
    lon: float | None
    names: tuple[GazetteerName, ...]
    sources: tuple[str, ...]
    iso3: str | None = None
    capital: str | None = None
    note: str | None = field(default=None, compare=False)

    def names_in(self, lang: str) -> list[GazetteerName]:
        """Names in ``lang``, official first."""
        return sorted(
            (n for n in self.names if n.lang == lang), key=lambda n: NAME_KINDS.index(n.kind)
        )

    def label(self, lang: str = "en") -> str:
        """The best display name in ``lang`` (official name), falling back to English, then any."""
        for candidate_lang in (lang, "en"):
            names = self.names_in(candidate_lang)
            if names:
                return names[0].text
        return self.names[0].text if self.names else self.id


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    raise TypeError(f"expected a name or a list of names, got {value!r}")


def _parse_names(raw: Any, where: str, problems: list[str]) -> tuple[GazetteerName, ...]:
    names: list[GazetteerName] = []
    if not isinstance(raw, dict) or not raw:
        problems.append(f"{where}: 'names' must be a mapping of language -> kinds")
        return ()
    for lang, kinds in raw.items():
        if lang not in LANGUAGES:
            problems.append(f"{where}: unknown language code {lang!r} (known: {sorted(LANGUAGES)})")
            continue
        if not isinstance(kinds, dict):
            problems.append(f"{where}: names.{lang} must map kinds {NAME_KINDS} to names")
            continue
        for kind, value in kinds.items():
            if kind not in NAME_KINDS:
                problems.append(f"{where}: unknown name kind {kind!r} in names.{lang}")
                continue
            try:
                texts = _as_list(value)
            except TypeError as exc:
                problems.append(f"{where}: names.{lang}.{kind}: {exc}")
                continue
            names.extend(GazetteerName(t.strip(), lang, kind) for t in texts if t.strip())
    return tuple(names)


def _optional_float(value: Any, what: str, where: str, problems: list[str]) -> float | None:
    if value is None:
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        problems.append(f"{where}: {what} must be a number, got {value!r}")
        return None


def parse_entries(raw_entries: Iterable[Any], origin: str) -> tuple[list[GazetteerEntry], list[str]]:
    """Turn raw YAML records into entries; return the entries and the problems met."""
    entries: list[GazetteerEntry] = []
    problems: list[str] = []
    for position, raw in enumerate(raw_entries):
        where = f"{origin}[{position}]"
        if not isinstance(raw, dict) or "id" not in raw:
            problems.append(f"{where}: every entry needs an 'id'")
            continue
        where = f"{origin}: {raw['id']}"
        entry_type = raw.get("type")
        kind = raw.get("kind")
        if entry_type not in ENTRY_TYPES:
            problems.append(f"{where}: type must be one of {sorted(ENTRY_TYPES)}, got {entry_type!r}")
            continue
        allowed = PLACE_KINDS if entry_type == "place" else ORGANIZATION_KINDS
        if kind not in allowed:
            problems.append(f"{where}: kind {kind!r} is not a known {entry_type} kind {sorted(allowed)}")
        country = raw.get("country")
        if country is not None and (not isinstance(country, str) or len(country) != 2):
            problems.append(f"{where}: country must be an ISO 3166-1 alpha-2 code, got {country!r}")
        lat = _optional_float(raw.get("lat"), "lat", where, problems)
        lon = _optional_float(raw.get("lon"), "lon", where, problems)
        if lat is not None and not -90 <= lat <= 90:
            problems.append(f"{where}: latitude {lat} out of range")
        if lon is not None and not -180 <= lon <= 180:
            problems.append(f"{where}: longitude {lon} out of range")
        names = _parse_names(raw.get("names"), where, problems)
        entries.append(GazetteerEntry(
            id=str(raw["id"]),
            type=entry_type,
            kind=str(kind),
            country=country,
            iso=raw.get("iso"),
            parent=raw.get("parent"),
            lat=lat,
            lon=lon,
            names=names,
            sources=tuple(_as_list(raw.get("sources"))),
            iso3=raw.get("iso3"),
            capital=raw.get("capital"),
            note=raw.get("note"),
        ))
    return entries, problems


def validate(entries: list[GazetteerEntry]) -> list[str]:
    """Cross-entry checks: unique ids, parents and capitals that exist, no nameless entry."""
    problems: list[str] = []
    seen: set[str] = set()
    for entry in entries:
        if entry.id in seen:
            problems.append(f"{entry.id}: duplicate id")
        seen.add(entry.id)
    for entry in entries:
        if entry.parent is not None and entry.parent not in seen:
            problems.append(f"{entry.id}: parent {entry.parent!r} is not a gazetteer id")
        if entry.capital is not None and entry.capital not in seen:
            problems.append(f"{entry.id}: capital {entry.capital!r} is not a gazetteer id")
        if not entry.names:
            problems.append(f"{entry.id}: has no names")
        elif not any(n.lang == "en" for n in entry.names):
            problems.append(f"{entry.id}: needs at least one English name")
    return problems


def load_files(paths: Iterable[Path]) -> list[GazetteerEntry]:
    """Load and validate the given YAML files; raise :class:`GazetteerError` listing all problems."""
    entries: list[GazetteerEntry] = []
    problems: list[str] = []
    for path in paths:
        try:
            raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML_LOADER) or []
        except yaml.YAMLError as exc:
            problems.append(f"{path.name}: not valid YAML: {exc}")
            continue
        if not isinstance(raw, list):
            problems.append(f"{path.name}: the file must hold a list of entries")
            continue
        file_entries, file_problems = parse_entries(raw, path.name)
        entries.extend(file_entries)
        problems.extend(file_problems)
    problems.extend(validate(entries))
    if problems:
        raise GazetteerError("gazetteer is invalid:\n  " + "\n  ".join(problems))
    return entries


@functools.cache
def _load_default() -> tuple[GazetteerEntry, ...]:
    return tuple(load_files(sorted(GAZETTEER_DIR.glob("*.yaml"))))


def load_gazetteer() -> list[GazetteerEntry]:
    """All entries of the packaged gazetteer, validated once per process (cached)."""
    return list(_load_default())


def entries_by_id() -> dict[str, GazetteerEntry]:
    """The packaged gazetteer indexed by entry id."""
    return {entry.id: entry for entry in _load_default()}
