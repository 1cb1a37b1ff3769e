"""Typed values that flow through the extraction pipeline.

Every component takes a :class:`Doc` and adds spans to it; spans carry character offsets into
``Doc.text`` so that provenance (document, span, sentence) is never lost.  Components are pure
functions of their inputs and can be tested one by one.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Literal

EntityType = Literal["person", "organization", "place"]
EventType = Literal["meeting", "visit", "signing", "ceremony", "forum", "approval", "other"]
AgreementType = Literal["memorandum", "agreement", "contract", "roadmap", "declaration", "other"]
Precision = Literal["day", "month", "year"]

ENTITY_TYPES: tuple[EntityType, ...] = ("person", "organization", "place")
EVENT_TYPES: tuple[EventType, ...] = (
    "meeting", "visit", "signing", "ceremony", "forum", "approval", "other",
)
AGREEMENT_TYPES: tuple[AgreementType, ...] = (
    "memorandum", "agreement", "contract", "roadmap", "declaration", "other",
)


@dataclass
class Span:
    """A stretch of the document text: ``text == doc.text[start:end]``.

    Not frozen: the typed spans below extend it with mutable fields, and a frozen base cannot
    have non-frozen dataclass children.
    """

    start: int
    end: int
    text: str


@dataclass
class EntityMention(Span):
    """One occurrence of a named person, organization or place.

    ``name`` is the canonical form of this occurrence (nominative case, title stripped);
    mentions with equal or compatible canonical names are grouped into one entity later.
    """

    type: EntityType = "organization"
    name: str = ""
    country: str | None = None          # ISO 3166-1 alpha-2, when determinable
    source: str = ""                    # which component proposed it, e.g. "natasha", "gazetteer"
    gazetteer_id: str | None = None     # id of the reference-data entry it matched, if any
    abbreviation: str | None = None     # an abbreviation the text gives in brackets: "(ШОС)"


@dataclass
class PositionMention(Span):
    """A title held by a person, e.g. "заместитель Министра связи и информатизации"."""

    title: str = ""
    person: EntityMention | None = None
    organization: EntityMention | None = None


@dataclass
class DateMention(Span):
    """A date read from the text, resolved to an absolute value at the text's precision."""

    value: str = ""                     # ISO 8601: "2026-06-05", "2026-06" or "2026"
    precision: Precision = "day"
    relative: bool = False              # resolved against the document date ("вчера", "上月")
    until: str | None = None            # the last day of a range ("1 — 2 ноября" -> its 2nd)


@dataclass
class EventTrigger(Span):
    """A word or phrase that reports an event of a contract type ("провел встречу", "签署")."""

    type: EventType = "other"
    planned_hint: bool = False          # the wording announces it as coming ("состоится", "will")


@dataclass
class AgreementMention(Span):
    """A named agreement, memorandum, roadmap, declaration or communiqué."""

    type: AgreementType = "other"
    title: str = ""                     # canonical (nominative) title


@dataclass
class Doc:
    """The unit the pipeline works on."""

    text: str
    language: str = "und"
    published: str | None = None        # the document's own date, ISO 8601
    title: str | None = None
    sentences: list[Span] = field(default_factory=list)
    entities: list[EntityMention] = field(default_factory=list)
    positions: list[PositionMention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    triggers: list[EventTrigger] = field(default_factory=list)
    agreements: list[AgreementMention] = field(default_factory=list)

    def sentence_of(self, offset: int) -> Span | None:
        """The sentence that contains the character ``offset`` (binary search: sentences are
        in text order, and big documents have many of them)."""
        starts = self._sentence_starts()
        index = bisect.bisect_right(starts, offset) - 1
        if index >= 0:
            sentence = self.sentences[index]
            if sentence.start <= offset < sentence.end:
                return sentence
        return None

    def _sentence_starts(self) -> list[int]:
        cached = self.__dict__.get("_starts_cache")
        if cached is None or cached[0] is not self.sentences or cached[1] != len(self.sentences):
            cached = (self.sentences, len(self.sentences), [s.start for s in self.sentences])
            self.__dict__["_starts_cache"] = cached
        return cached[2]
