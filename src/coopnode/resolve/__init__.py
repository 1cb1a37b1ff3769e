"""Entity resolution: normalise and transliterate names, find gazetteer names in text, and decide
whether a mention is a registry entity (link), might be (review) or is new.

See ``docs/resolution.md``.  Submodules: ``normalize``, ``gazetteer``, ``scoring``, ``resolver``,
``evaluate``.
"""

from coopnode.resolve.gazetteer import Gazetteer, GazetteerHit, default_gazetteer
from coopnode.resolve.normalize import name_keys, normalize, transliterate
from coopnode.resolve.resolver import (
    LINK,
    REVIEW,
    Candidate,
    CandidateSource,
    InMemoryCandidateSource,
    MentionQuery,
    Resolution,
    index_keys,
    resolve_mention,
    resolve_with_source,
    with_alias,
)

__all__ = [
    "LINK", "REVIEW", "Candidate", "CandidateSource", "Gazetteer", "GazetteerHit",
    "InMemoryCandidateSource", "MentionQuery", "Resolution", "default_gazetteer", "index_keys",
    "name_keys", "normalize", "resolve_mention", "resolve_with_source", "transliterate",
    "with_alias",
]
