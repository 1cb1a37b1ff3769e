"""Names of every country in Russian, Chinese and English, from the Unicode CLDR (via Babel).

The hand-written gazetteer covers the network's members and partners with every variant in real
use; a press release also names countries outside it ("Lesotho", "Лесото", "莱索托"). CLDR's
territory names, which Babel ships, give each of them at least its usual name and its ISO code,
so that such a name is read as a place of a known country rather than as a person or a company.
"""

from __future__ import annotations

import re
from functools import lru_cache

# CLDR territory codes that are no country: continents and groups (numeric), the EU and the UN,
# "outlying Oceania", pseudo-locales and the unknown region.
_NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"})


@lru_cache(maxsize=8)
def country_names(language: str) -> dict[str, str]:
    """``{name: ISO alpha-2 code}`` of all countries in ``language`` ("ru", "zh", "en")."""
    try:
        from babel import Locale
        territories = Locale.parse(language).territories
    except Exception:  # noqa: BLE001 - Babel missing or no such locale: no extra names
        return {}
    names: dict[str, str] = {}
    for code, name in territories.items():
        if re.fullmatch(r"[A-Z]{2}", code) and code not in _NOT_COUNTRIES:
            names.setdefault(name, code)
    return names


def country_code(name: str, language: str) -> str | None:
    """The ISO code of the country called ``name`` in ``language``, if CLDR knows the name."""
    return country_names(language).get(name.strip())
