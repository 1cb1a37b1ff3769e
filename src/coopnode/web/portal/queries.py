"""What the public portal shows, as plain query and formatting helpers the views call.

Publication rule (one place, used by every page): a record extracted from a document is public
once an operator has confirmed (or corrected) at least one claim about it.  Records that carry no
claims at all — entered by hand, or loaded from the gazetteer — are public as they are.  Events
and agreements whose claims are all still proposed, or all rejected, stay off the portal, and so
do entities the extractor created until a mention of them is confirmed (see
:func:`public_entities`).  Rejected claims are never shown as sources.
"""

from __future__ import annotations

import calendar as pycalendar
import datetime as dt
import math
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet
from django.utils.translation import get_language

from coopnode.web.registry.models import (
    Agreement,
    Claim,
    ClaimStatus,
    Document,
    Entity,
    EntityName,
    Event,
    Position,
    Project,
)

REVIEWED = (ClaimStatus.CONFIRMED, ClaimStatus.CORRECTED)
SHOWN_CLAIMS = (ClaimStatus.PROPOSED, ClaimStatus.CONFIRMED, ClaimStatus.CORRECTED)
LANGUAGE_ORDER = ("ru", "zh", "en")


def current_lang() -> str:
    """The reader's language as the registry writes it (``zh-hans`` -> ``zh``)."""
    return (get_language() or "en").split("-")[0]


# --- publication -------------------------------------------------------------------------------

def _public(queryset: QuerySet, claim_field: str, extra: Q | None = None) -> QuerySet:
    claims = Claim.objects.filter(**{claim_field: OuterRef("pk")})
    condition = ~Exists(claims) | Exists(claims.filter(status__in=REVIEWED))
    if extra is not None:
        condition |= extra
    return queryset.filter(condition)


EXTRACTED = "extraction"  # EntityName.source of names the extractor proposed


def public_entities(entity_type: str | None = None) -> QuerySet:
    """Entities a visitor may see.

    An entity the extractor *created* (all its names came from extraction) waits for a reviewed
    claim; one that exists independently of documents — from the gazetteer, entered by an
    operator, or given a name by review — is public even if some mention of it was rejected.
    """
    qs = Entity.objects.all()
    if entity_type:
        qs = qs.filter(entity_type=entity_type)
    known = EntityName.objects.filter(entity=OuterRef("pk")).exclude(source=EXTRACTED)
    reviewed = Claim.objects.filter(entity=OuterRef("pk"), status__in=REVIEWED)
    return qs.filter(
        Q(gazetteer_id__isnull=False) | Exists(known) | Exists(reviewed)
    ).prefetch_related("names")


def public_events() -> QuerySet:
    return _public(Event.objects.all(), "event").select_related("place").prefetch_related(
        "place__names"
    )


def public_agreements() -> QuerySet:
    return _public(Agreement.objects.all(), "agreement")


def public_projects() -> QuerySet:
    return Project.objects.all()


def public_documents() -> QuerySet:
    """Documents are the sources themselves; failed extractions are not worth a reader's time."""
    return Document.objects.exclude(status=Document.Status.FAILED).defer("text", "extraction")


# --- names -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class NamesInLanguage:
    lang: str
    names: list[EntityName]


def names_by_language(entity: Entity) -> list[NamesInLanguage]:
    """Every name of ``entity`` grouped by language: ru, zh, en first, then any others."""
    groups: dict[str, list[EntityName]] = defaultdict(list)
    for name in entity.names.all():
        groups[name.lang or "und"].append(name)
    kinds = {"official": 0, "short": 1, "abbreviation": 2, "transliteration": 3, "alias": 4}
    order = list(LANGUAGE_ORDER) + sorted(k for k in groups if k not in LANGUAGE_ORDER)
    result = []
    for lang in order:
        if not groups.get(lang):
            continue
        seen: set[str] = set()
        names = []
        for name in sorted(groups[lang], key=lambda n: (kinds.get(n.kind, 9), n.text)):
            if name.text not in seen:  # the same spelling learnt twice (official and alias)
                seen.add(name.text)
                names.append(name)
        result.append(NamesInLanguage(lang, names))
    return result


def event_label(event: Event, lang: str | None = None) -> str:
    """A readable title: the stored one, else the kind of event and where it took place."""
    if event.title:
        return event.title
    kind = event.get_event_type_display()
    if event.place_id and event.place is not None:
        return f"{kind} — {event.place.name_in(lang or current_lang())}"
    return str(kind)


# --- home --------------------------------------------------------------------------------------

@dataclass
class HomeSummary:
    upcoming: list[Event]
    latest: list[Event]
    documents: list[Document]
    counts: dict[str, int]


def home_summary(today: dt.date, *, size: int = 6) -> HomeSummary:
    events = public_events()
    upcoming = list(events.filter(Q(date__gte=today) | Q(date__isnull=True, status="planned"))
                    .order_by("date")[:size])
    latest = list(events.filter(date__lt=today).order_by("-date")[:size])
    counts = {
        "organizations": public_entities("organization").count(),
        "persons": public_entities("person").count(),
        "events": events.count(),
        "agreements": public_agreements().count(),
        "documents": public_documents().count(),
    }
    return HomeSummary(upcoming, latest, list(public_documents()[:size]), counts)


# --- entity pages ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Partner:
    entity: Entity
    shared_events: int
    shared_agreements: int

    @property
    def weight(self) -> int:
        return self.shared_events + self.shared_agreements


def entity_events(entity: Entity) -> QuerySet:
    """Public events the entity took part in or that took place there, in date order."""
    return (
        public_events()
        .filter(Q(participations__entity=entity) | Q(place=entity))
        .distinct()
        .order_by(F("date").asc(nulls_last=True), "event_type")
        .prefetch_related("participants__names")
    )


def entity_agreements(entity: Entity) -> QuerySet:
    return public_agreements().filter(party_links__entity=entity).distinct().prefetch_related(
        "parties__names"
    )


def entity_positions(entity: Entity) -> QuerySet:
    """Titles a person holds, or the people holding titles in an organization."""
    qs = _public(Position.objects.all(), "position").select_related("person", "organization")
    qs = qs.prefetch_related("person__names", "organization__names")
    if entity.entity_type == "person":
        return qs.filter(person=entity)
    return qs.filter(organization=entity)


def partners_of(entity: Entity, *, limit: int = 24) -> list[Partner]:
    """Entities that shared a public event or agreement with ``entity``, most shared first.

    Places are partners only as event venues are not: a place is where things happen, not a
    party, so only organizations and persons are counted.
    """
    events = public_events().filter(participations__entity=entity).values("pk")
    agreements = public_agreements().filter(party_links__entity=entity).values("pk")
    others = (
        public_entities()
        .exclude(pk=entity.pk)
        .exclude(entity_type="place")
        .annotate(
            shared_events=Count("participations__event", filter=Q(participations__event__in=events),
                                distinct=True),
            shared_agreements=Count("agreement_links__agreement",
                                    filter=Q(agreement_links__agreement__in=agreements), distinct=True),
        )
        .filter(Q(shared_events__gt=0) | Q(shared_agreements__gt=0))
    )
    partners = [Partner(e, e.shared_events, e.shared_agreements) for e in others]
    partners.sort(key=lambda p: (-p.weight, p.entity.name))
    return partners[:limit]


@dataclass(frozen=True)
class Source:
    """A document a fact was read from, with the sentence and the words that carry it."""

    claim: Claim
    before: str
    surface: str
    after: str

    @property
    def reviewed(self) -> bool:
        return self.claim.status in REVIEWED


def _source(claim: Claim) -> Source:
    sentence = claim.sentence or claim.text
    at = sentence.find(claim.text) if claim.text else -1
    if at < 0:
        return Source(claim, sentence, "", "")
    return Source(claim, sentence[:at], claim.text, sentence[at + len(claim.text):])


def sources_for(subject: Q | None = None, *, one_per_sentence: bool = True, **lookups: Any) -> list[Source]:
    """Non-rejected claims about a record (``entity=…``, ``event=…``, ``agreement=…``,
    ``document=…`` or a ``Q``), grouped by document, newest document first; by default one per
    document and sentence, since a reader needs each quotation once."""
    claims = Claim.objects.filter(status__in=SHOWN_CLAIMS, **lookups)
    if subject is not None:
        claims = claims.filter(subject)
    claims = (
        claims.select_related("document", "entity", "event", "agreement")
        .defer("document__text", "document__extraction")
        .order_by("-document__published", "-document__created_at", "document_id", "start")
    )
    seen: set[tuple[Any, str]] = set()
    out: list[Source] = []
    for claim in claims:
        key = (claim.document_id, claim.sentence or claim.text)
        if one_per_sentence and key in seen:
            continue
        seen.add(key)
        out.append(_source(claim))
    return out


# --- relationship graph ------------------------------------------------------------------------

@dataclass(frozen=True)
class GraphNode:
    entity: Entity
    label: str
    x: float
    y: float
    r: float
    center: bool = False

    @property
    def label_y(self) -> float:
        return round(self.y + self.r + 14, 1)


@dataclass(frozen=True)
class GraphEdge:
    x1: float
    y1: float
    x2: float
    y2: float
    width: float


@dataclass
class Graph:
    width: int
    height: int
    nodes: list[GraphNode] = field(default_factory=list)
    edges: list[GraphEdge] = field(default_factory=list)


def graph_layout(entity: Entity, partners: list[Partner], lang: str, *,
                 width: int = 720, height: int = 480) -> Graph:
    """A star: the entity in the middle, partners on a circle, edges as thick as what they share.

    Deterministic and dependency-free so it can be drawn as inline SVG on the server.
    """
    cx, cy = width / 2, height / 2
    radius = min(width, height) / 2 - 70
    graph = Graph(width, height)
    graph.nodes.append(GraphNode(entity, entity.name_in(lang), cx, cy, 18, center=True))
    n = len(partners)
    for i, partner in enumerate(partners):
        angle = -math.pi / 2 + 2 * math.pi * i / max(n, 1)
        x, y = cx + radius * math.cos(angle), cy + radius * math.sin(angle)
        graph.edges.append(GraphEdge(cx, cy, round(x, 1), round(y, 1), min(1 + partner.weight, 6)))
        graph.nodes.append(
            GraphNode(partner.entity, partner.entity.name_in(lang), round(x, 1), round(y, 1),
                      8 + min(partner.weight, 6))
        )
    return graph


# --- calendar ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class CalendarDay:
    date: dt.date
    in_month: bool
    events: list[Event]


def month_grid(year: int, month: int, events: list[Event], first_weekday: int = 0) -> list[list[CalendarDay]]:
    """Weeks of the month (each seven days, padded with the neighbouring months' days) with the
    events dated to the day on each day.  ``first_weekday``: 0 = Monday … 6 = Sunday."""
    by_day: dict[dt.date, list[Event]] = defaultdict(list)
    for event in events:
        if event.date is not None and event.date_precision == "day":
            by_day[event.date].append(event)
    weeks = pycalendar.Calendar(first_weekday).monthdatescalendar(year, month)
    return [[CalendarDay(d, d.month == month, by_day.get(d, [])) for d in week] for week in weeks]


def month_events(year: int, month: int) -> list[Event]:
    """Public events falling in the month, including those known only to the month."""
    first = dt.date(year, month, 1)
    last = dt.date(year, month, pycalendar.monthrange(year, month)[1])
    return list(public_events().filter(date__gte=first, date__lte=last)
                .exclude(date_precision="year").order_by("date"))


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


# --- network -----------------------------------------------------------------------------------

@dataclass
class CountryGroup:
    code: str
    country: Entity | None
    organizations: list[Entity]
    places: list[Entity]

    @property
    def latitude(self) -> float | None:
        return self.country.latitude if self.country else None

    @property
    def longitude(self) -> float | None:
        return self.country.longitude if self.country else None


def network_overview() -> tuple[list[Entity], list[CountryGroup]]:
    """The network's nodes, and every country with public partners in the registry.

    A country counts when an organization of it has taken part in a public event or agreement,
    or is itself a network node; the places listed are the venues of public events there.
    """
    organizations = public_entities("organization")
    nodes = list(organizations.filter(org_kind="network_node"))
    active_events = public_events().values("pk")
    active_agreements = public_agreements().values("pk")
    partners = organizations.filter(
        Q(participations__event__in=active_events)
        | Q(agreement_links__agreement__in=active_agreements)
        | Q(org_kind="network_node")
    ).exclude(country="").distinct()
    venues = public_entities("place").filter(events_here__in=active_events).distinct()
    groups: dict[str, CountryGroup] = {}
    for org in partners:
        groups.setdefault(org.country, CountryGroup(org.country, None, [], [])).organizations.append(org)
    for place in venues:
        if place.country:
            groups.setdefault(place.country, CountryGroup(place.country, None, [], [])).places.append(place)
    countries = public_entities("place").filter(place_kind="country", iso_code__in=list(groups))
    for country in countries:
        groups[country.iso_code].country = country
    ordered = sorted(groups.values(), key=lambda g: (-len(g.organizations), g.code))
    return nodes, ordered


@dataclass(frozen=True)
class MapPin:
    label: str
    x: float
    y: float
    count: int


@dataclass
class WorldMap:
    pins: list[MapPin]
    view_box: str
    meridians: tuple[int, ...] = tuple(range(0, 721, 60))  # every 30 degrees of longitude
    parallels: tuple[int, ...] = tuple(range(0, 361, 60))  # every 30 degrees of latitude


def short_name_in(entity: Entity, lang: str) -> str:
    """A short name (``Belarus`` rather than ``Republic of Belarus``) when the registry has one."""
    shorts = [n.text for n in entity.names.all() if n.lang == lang and n.kind == "short"]
    return shorts[0] if shorts else entity.name_in(lang)


def map_pins(groups: list[CountryGroup], lang: str, *, width: int = 720, height: int = 360) -> WorldMap:
    """Countries as points of an equirectangular world map (longitude -> x, latitude -> y),
    framed to the area the pins cover so that two neighbours do not sit in an empty world."""
    pins = []
    for group in groups:
        if group.latitude is None or group.longitude is None:
            continue
        x = (group.longitude + 180) / 360 * width
        y = (90 - group.latitude) / 180 * height
        label = short_name_in(group.country, lang) if group.country else group.code
        pins.append(MapPin(label, round(x, 1), round(y, 1), len(group.organizations)))
    if not pins:
        return WorldMap([], f"0 0 {width} {height}")
    pad = 60
    left = max(0.0, min(p.x for p in pins) - pad)
    right = min(float(width), max(p.x for p in pins) + pad + 120)  # room for the labels
    top = max(0.0, min(p.y for p in pins) - pad)
    bottom = min(float(height), max(p.y for p in pins) + pad)
    w, h = max(right - left, 240.0), max(bottom - top, 120.0)
    return WorldMap(pins, f"{left:.0f} {top:.0f} {w:.0f} {h:.0f}")
