"""Reference data (gazetteer of countries, places and organizations) and its loader."""

from coopnode.refdata.loader import (
    GazetteerEntry,
    GazetteerError,
    GazetteerName,
    load_gazetteer,
)

__all__ = ["GazetteerEntry", "GazetteerError", "GazetteerName", "load_gazetteer"]
