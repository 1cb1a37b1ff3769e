"""The extraction pipeline: input -> language components -> language-independent assembly.

``extract_document`` reads the input (``textinput``), decides the language (``language``), runs
the language's components (``ru``/``zh``/``en``, imported lazily; a missing or failing
component falls back to a generic one) and then assembles what they found into the output
contract (``shared/spec/extraction.md``):

* mentions become entities (``grouping``): one entity per real-world thing;
* triggers become events with a date from their sentence, a status, a place and participants;
* agreement mentions become agreements with parties and a signing date;
* positions are attached to their persons with the organization's entity id.
"""

from __future__ import annotations

import bisect
import importlib
import logging
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from coopnode.extract.assembly import (
    Agreement,
    Entity,
    Event,
    assemble_agreements,
    assemble_events,
    attach_positions,
    group_entities,
)
from coopnode.extract.dates import find_dates, first_absolute_date, normalize_published
from coopnode.extract.language import detect_language
from coopnode.extract.textinput import read_input
from coopnode.extract.types import Doc, EntityMention, Span
from coopnode.extract.wordlists import ZH_NAMED_AFTER_PLACE
from coopnode.refdata.countries import country_names

log = logging.getLogger(__name__)

_STAGES = ("sentences", "entities", "positions", "dates", "triggers", "agreements")


@dataclass
class ExtractionResult:
    """Everything extraction found in one document; ``to_contract()`` is the CLI's JSON."""

    text: str
    doc: Doc
    language: str
    title: str | None
    published: str | None
    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)

    def to_contract(self) -> dict[str, Any]:
        """The output contract's JSON object, plus ``spans``, ``evidence_span`` and ``cameo``."""
        out: dict[str, Any] = {"language": self.language}
        if self.title:
            out["title"] = self.title
        if self.published:
            out["published"] = self.published
        out["entities"] = [entity.to_contract() for entity in self.entities]
        out["events"] = [event.to_contract() for event in self.events]
        out["agreements"] = [agreement.to_contract() for agreement in self.agreements]
        return out


# --- components ---------------------------------------------------------------------------------


class GenericComponents:
    """What every language gets when it has no components of its own (or they fail):
    sentences by punctuation, dates; names come from the gazetteer during assembly."""

    language = "und"

    def sentences(self, doc: Doc) -> list[Span]:
        spans = []
        for match in re.finditer(r"[^\n.!?。！？]+[.!?。！？]*", doc.text):
            if match.group().strip():
                spans.append(Span(match.start(), match.end(), match.group()))
        return spans

    def entities(self, doc: Doc) -> list[EntityMention]:
        return []

    def positions(self, doc: Doc) -> list[Any]:
        return []

    def dates(self, doc: Doc) -> list[Any]:
        return find_dates(doc)

    def triggers(self, doc: Doc) -> list[Any]:
        return []

    def agreements(self, doc: Doc) -> list[Any]:
        return []


GENERIC = GenericComponents()


@lru_cache(maxsize=8)
def load_components(language: str) -> Any:
    """``coopnode.extract.<language>.COMPONENTS``, or the generic components if unavailable."""
    if not re.fullmatch(r"[a-z]{2,3}", language or ""):
        return GENERIC
    try:
        module = importlib.import_module(f"coopnode.extract.{language}")
    except ImportError:
        return GENERIC
    except Exception:  # noqa: BLE001 - a broken language module must not break extraction
        log.exception("the %s extraction components failed to load", language)
        return GENERIC
    return getattr(module, "COMPONENTS", GENERIC)


def run_components(doc: Doc, components: Any) -> None:
    """Run each stage in order, storing its spans on ``doc``; a failing stage falls back."""
    for stage in _STAGES:
        try:
            result = getattr(components, stage)(doc)
        except Exception:  # noqa: BLE001 - one bad component must not lose the document
            log.exception("%s.%s failed; using the generic stage", doc.language, stage)
            result = getattr(GENERIC, stage)(doc)
        setattr(doc, stage, list(result))


# --- gazetteer --------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _gazetteer() -> Any | None:
    try:
        from coopnode.resolve.gazetteer import default_gazetteer

        gazetteer = default_gazetteer()
    except Exception:  # noqa: BLE001 - reference data are optional for extraction
        log.warning("gazetteer unavailable; extracting without reference data")
        return None
    return gazetteer if getattr(gazetteer, "entries", None) else None


_GAZETTEER_CHUNK = 8_000       # characters per gazetteer call: its overlap check grows with hits


def _line_chunks(text: str, size: int) -> list[tuple[int, str]]:
    """(offset, piece) of at most about ``size`` characters, cut after a line end when possible
    (a name never spans a line break)."""
    pieces = []
    start = 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            cut = text.rfind("\n", start + size // 2, end)
            if cut == -1:
                cut = text.rfind(" ", start + size // 2, end)
            end = cut + 1 if cut != -1 else end
        pieces.append((start, text[start:end]))
        start = end
    return pieces


def apply_gazetteer(doc: Doc) -> None:
    """Link mentions to gazetteer entries and add the gazetteer's names the NER missed."""
    gazetteer = _gazetteer()
    if gazetteer is None or doc.language not in ("ru", "zh", "en"):
        return
    hits = []
    for offset, chunk in _line_chunks(doc.text, _GAZETTEER_CHUNK):
        try:
            found = gazetteer.find(chunk, doc.language)
        except Exception:  # noqa: BLE001
            log.exception("gazetteer lookup failed")
            return
        for hit in found:
            hits.append((offset + hit.start, offset + hit.end, hit))
    mentions = sorted(doc.entities, key=lambda m: m.start)
    starts = [m.start for m in mentions]
    added: list[EntityMention] = []
    for start, end, hit in hits:
        entry = hit.entry
        index = bisect.bisect_left(starts, start - 300)
        overlapping = []
        while index < len(mentions) and mentions[index].start < end:
            mention = mentions[index]
            if mention.start < end and start < mention.end:
                overlapping.append(mention)
            index += 1
        exact = [m for m in overlapping if m.start == start and m.end == end]
        for mention in exact:
            mention.gazetteer_id = entry.id
            if doc.language == "ru" and hit.name and mention.type != "person":
                mention.name = hit.name          # the dictionary form beats a guessed inflection
            if mention.country is None:
                mention.country = entry.country
        if overlapping:
            continue
        if doc.language == "zh" and doc.text.startswith(ZH_NAMED_AFTER_PLACE, end):
            continue                    # "上海精神", "中国方案": a concept named after the place
        name = _gazetteer_surface_name(doc, hit)
        added.append(EntityMention(start, end, doc.text[start:end],
                                   type="place" if entry.type == "place" else "organization",
                                   name=name, country=entry.country, source="gazetteer",
                                   gazetteer_id=entry.id))
    if added:
        doc.entities = sorted(doc.entities + added, key=lambda m: (m.start, m.end))


def apply_country_names(doc: Doc) -> None:
    """Countries outside the gazetteer (CLDR's names via Babel): a mention called like a country
    is that country's place, and a country's name nothing else covers is added as a place.

    "Lesotho" is no person and "莱索托" no organization, whatever a tagger guessed; a name that is
    also a word of a person's name in the text ("Jordan" after "Michael Jordan") is left alone.
    """
    names = country_names(doc.language)
    if not names:
        return
    person_words = {w for m in doc.entities if m.type == "person" for w in m.name.split()
                    if " " in m.name}
    for mention in doc.entities:
        code = names.get(mention.name)
        if (code is not None and mention.type != "place" and mention.gazetteer_id is None
                and mention.name not in person_words):
            mention.type, mention.country = "place", code
    taken = sorted((m.start, m.end) for m in doc.entities)
    added = []
    for m in _country_pattern(doc.language).finditer(doc.text):
        if doc.language == "zh" and doc.text[m.end():m.end() + 1] in _ZH_NOT_A_COUNTRY_AFTER:
            continue                    # 马里兰州, 乍得湖: the name runs on into a longer one
        index = bisect.bisect_left(taken, (m.start(), -1))
        neighbours = taken[max(0, index - 1):index + 1]
        if any(lo < m.end() and m.start() < hi for lo, hi in neighbours):
            continue
        added.append(EntityMention(m.start(), m.end(), m.group(), type="place", name=m.group(),
                                   country=names[m.group()], source="countries"))
    if added:
        doc.entities = sorted(doc.entities + added, key=lambda e: (e.start, e.end))


_ZH_NOT_A_COUNTRY_AFTER = frozenset("兰湖河山族语文人岛州")


@lru_cache(maxsize=4)
def _country_pattern(language: str) -> re.Pattern[str]:
    names = sorted(country_names(language), key=len, reverse=True)
    if language == "zh":
        return re.compile("|".join(re.escape(n) for n in names if len(n) >= 2))
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-])")


def _gazetteer_surface_name(doc: Doc, hit: Any) -> str:
    """The matched name in its dictionary form (inflected Russian is put in the nominative)."""
    if doc.language == "ru":
        return hit.name or hit.text
    return hit.text


def gazetteer_kind(entity_id: str | None) -> str | None:
    """The gazetteer's kind ("country", "city", "region", "ministry", ...) of an entry."""
    gazetteer = _gazetteer()
    if gazetteer is None or entity_id is None:
        return None
    entry = gazetteer.get(entity_id)
    return entry.kind if entry is not None else None


# --- the document date ------------------------------------------------------------------------


def document_date(text: str, language: str, given: str | None, from_markup: str | None) -> str | None:
    """The document's own date: given > dateline/HTML metadata > first dated day of the body."""
    if given:
        return given
    if from_markup:
        return from_markup
    return first_absolute_date(text, language)


# --- entry point -----------------------------------------------------------------------------


def extract_document(data: bytes | str, *, lang: str | None = None, published: str | None = None,
                     source_name: str | None = None,
                     content_type: str | None = None) -> ExtractionResult:
    """Extract persons, organizations, places, events and agreements from one document.

    ``data`` may be bytes in any common encoding or text; plain text, HTML or Markdown
    (``content_type`` or ``source_name``'s extension helps to tell).  ``lang`` overrides
    language detection, ``published`` (YYYY-MM-DD) the document's own date.  Raises
    ``ExtractionInputError`` for input that is not a text document.
    """
    if content_type is None and source_name:
        content_type = _content_type_of(source_name)
    plain = read_input(data, content_type)
    text = plain.text
    language = (lang or detect_language(text)).lower().replace("_", "-").split("-")[0] or "und"
    published = normalize_published(published, language)
    date = document_date(text, language, published, normalize_published(plain.published, language))
    doc = Doc(text=text, language=language, published=date, title=plain.title)
    components = load_components(language)
    run_components(doc, components)
    apply_gazetteer(doc)
    apply_country_names(doc)
    entities, entity_of = group_entities(doc)
    attach_positions(doc, entities, entity_of)
    events = assemble_events(doc, entities, entity_of, place_kind=gazetteer_kind)
    agreements = assemble_agreements(doc, entity_of)
    return ExtractionResult(text=text, doc=doc, language=language, title=plain.title,
                            published=date, entities=entities, events=events,
                            agreements=agreements)


def _content_type_of(name: str) -> str | None:
    low = name.lower()
    if low.endswith((".html", ".htm", ".xhtml")):
        return "text/html"
    if low.endswith((".md", ".markdown")):
        return "text/markdown"
    return None                 # .txt and the rest: sniffed (press releases are often Markdown)
