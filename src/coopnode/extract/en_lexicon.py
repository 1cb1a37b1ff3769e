"""Word lists the English components read: places, well-known organizations, titles.

The lists live in ``data/en/`` (see its README for where they come from); this module only
loads them once per process and offers small lookups.  When the reference gazetteer
(``coopnode.resolve.gazetteer``) is installed, its hits are used in addition.
"""

from __future__ import annotations

import re
from functools import lru_cache

from coopnode.extract.wordlists import (
    LexiconEntry,
    gazetteer_hits,
    hit_fields,
    load_entries,
    load_titles,
)

__all__ = ["LexiconEntry", "entries", "titles", "lexicon_pattern", "lookup", "gazetteer_hits",
           "hit_fields"]


def entries() -> dict[str, LexiconEntry]:
    """Surface form -> entry, for places and organizations (variants point at the full name)."""
    return load_entries("en")


def titles() -> tuple[str, ...]:
    """Titles, longest first so that "Deputy Minister" wins over "Minister"."""
    return load_titles("en")


@lru_cache(maxsize=1)
def lexicon_pattern() -> re.Pattern[str]:
    """One alternation over all surface forms, longest first, on word boundaries."""
    names = sorted(entries(), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(" + "|".join(re.escape(n) for n in names) + r")(?![\w-])",
                      re.IGNORECASE)


def lookup(surface: str) -> LexiconEntry | None:
    """The entry for a surface form; all-caps datelines ("TIANJIN") match their place."""
    found = entries().get(surface)
    if found is not None:
        return found
    if surface.isupper() and len(surface) > 4:
        for name, entry in entries().items():
            if entry.type == "place" and name.casefold() == surface.casefold():
                return entry
    return None
