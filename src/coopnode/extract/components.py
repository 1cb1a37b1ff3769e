"""The interface each language plugs into the extraction pipeline.

A language module (``ru.py``, ``zh.py``, ``en.py``) exposes ``COMPONENTS: LanguageComponents``.
Each method is a small pipeline component: it reads the :class:`Doc` (text plus what earlier
components added) and returns new spans; the pipeline stores them on the doc in order:
sentences -> entities -> positions -> dates -> triggers -> agreements.
"""

from __future__ import annotations

from typing import Protocol

from coopnode.extract.types import (
    AgreementMention,
    DateMention,
    Doc,
    EntityMention,
    EventTrigger,
    PositionMention,
    Span,
)


class LanguageComponents(Protocol):
    language: str

    def sentences(self, doc: Doc) -> list[Span]: ...

    def entities(self, doc: Doc) -> list[EntityMention]: ...

    def positions(self, doc: Doc) -> list[PositionMention]: ...

    def dates(self, doc: Doc) -> list[DateMention]: ...

    def triggers(self, doc: Doc) -> list[EventTrigger]: ...

    def agreements(self, doc: Doc) -> list[AgreementMention]: ...
