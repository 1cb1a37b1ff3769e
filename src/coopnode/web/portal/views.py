"""Public portal pages.  Views are thin: parse the request, call a helper from
:mod:`.queries` / :mod:`.search`, render."""

from __future__ import annotations

import datetime as dt
import time
import uuid

from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import get_format
from django.utils.translation import gettext as _

from coopnode.web.registry.models import Entity

from . import queries
from . import search as search_index
from .ical import events_to_ical
from .models import AGREEMENT, DOCUMENT, ENTITY, EVENT, PROJECT

PAGE_SIZE = 50
NAV_SECTION = {"organization": "organizations", "person": "persons", "place": "places"}


def _page(request: HttpRequest, queryset):  # type: ignore[no-untyped-def]
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))


def home(request: HttpRequest) -> HttpResponse:
    summary = queries.home_summary(timezone.localdate())
    return render(request, "portal/home.html", {"summary": summary, "nav_section": "home"})


def entity_list(request: HttpRequest, entity_type: str) -> HttpResponse:
    entities = queries.public_entities(entity_type)
    country = request.GET.get("country", "").upper()[:2]
    if country:
        entities = entities.filter(country=country)
    section = NAV_SECTION[entity_type]
    return render(request, "portal/entity_list.html", {
        "entity_type": entity_type, "page": _page(request, entities), "country": country,
        "nav_section": section,
    })


def _public_entity_or_redirect(pk: uuid.UUID, view_name: str) -> Entity | HttpResponse:
    """The public entity, or a permanent redirect when it was merged into another one."""
    entity = queries.public_entities().filter(pk=pk).first()
    if entity is not None:
        return entity
    merged = Entity.all_objects.filter(pk=pk, merged_into__isnull=False).first()
    if merged is not None:
        survivor = merged.merged_into
        while survivor.merged_into_id:  # follow a chain of merges
            survivor = survivor.merged_into
        return HttpResponsePermanentRedirect(reverse(view_name, args=[survivor.pk]))
    raise Http404


def entity_detail(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    entity = _public_entity_or_redirect(pk, "portal:entity")
    if isinstance(entity, HttpResponse):
        return entity
    positions = list(queries.entity_positions(entity))
    sources = queries.sources_for(Q(entity=entity) | Q(position__in=[p.pk for p in positions]))
    return render(request, "portal/entity_detail.html", {
        "entity": entity,
        "names": queries.names_by_language(entity),
        "positions": positions,
        "events": list(queries.entity_events(entity)),
        "agreements": list(queries.entity_agreements(entity)),
        "projects": list(entity.projects.all()),
        "partners": queries.partners_of(entity, limit=12),
        "sources": sources,
        "children": list(queries.public_entities().filter(parent=entity)[:50]),
        "nav_section": NAV_SECTION[entity.entity_type],
    })


def entity_graph(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    entity = _public_entity_or_redirect(pk, "portal:entity_graph")
    if isinstance(entity, HttpResponse):
        return entity
    partners = queries.partners_of(entity)
    graph = queries.graph_layout(entity, partners, queries.current_lang())
    return render(request, "portal/entity_graph.html", {
        "entity": entity, "partners": partners, "graph": graph,
        "nav_section": NAV_SECTION[entity.entity_type],
    })


def event_list(request: HttpRequest) -> HttpResponse:
    when = request.GET.get("when", "")
    events = queries.public_events().prefetch_related("participants__names")
    today = timezone.localdate()
    if when == "upcoming":
        events = events.filter(date__gte=today).order_by("date")
    elif when == "past":
        events = events.filter(date__lt=today).order_by("-date")
    return render(request, "portal/event_list.html", {
        "page": _page(request, events), "when": when, "nav_section": "events",
    })


def event_detail(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    event = get_object_or_404(queries.public_events(), pk=pk)
    participations = event.participations.filter(
        entity__in=queries.public_entities().values("pk")
    ).select_related("entity").prefetch_related("entity__names")
    return render(request, "portal/event_detail.html", {
        "event": event,
        "participations": list(participations),
        "agreements": list(queries.public_agreements().filter(event_links__event=event).distinct()),
        "sources": queries.sources_for(event=event),
        "nav_section": "events",
    })


def agreement_list(request: HttpRequest) -> HttpResponse:
    agreements = queries.public_agreements().prefetch_related("parties__names")
    return render(request, "portal/agreement_list.html", {
        "page": _page(request, agreements), "nav_section": "agreements",
    })


def agreement_detail(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    agreement = get_object_or_404(queries.public_agreements(), pk=pk)
    return render(request, "portal/agreement_detail.html", {
        "agreement": agreement,
        "parties": list(queries.public_entities().filter(agreement_links__agreement=agreement)),
        "events": list(queries.public_events().filter(agreement_links__agreement=agreement).distinct()),
        "projects": list(agreement.projects.all()),
        "sources": queries.sources_for(agreement=agreement),
        "nav_section": "agreements",
    })


def project_list(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/project_list.html", {
        "page": _page(request, queries.public_projects().prefetch_related("parties__names")),
        "nav_section": "projects",
    })


def project_detail(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    project = get_object_or_404(queries.public_projects(), pk=pk)
    return render(request, "portal/project_detail.html", {
        "project": project,
        "parties": list(queries.public_entities().filter(projects=project)),
        "agreements": list(queries.public_agreements().filter(projects=project)),
        "events": list(queries.public_events().filter(projects=project)),
        "nav_section": "projects",
    })


def document_detail(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    document = get_object_or_404(queries.public_documents(), pk=pk)
    return render(request, "portal/document_detail.html", {
        "document": document,
        "sources": queries.sources_for(document=document, one_per_sentence=False),
        "is_url": document.source.startswith(("http://", "https://")),
    })


def _int(value: str | None, default: int, low: int, high: int) -> int:
    try:
        number = int(value or default)
    except ValueError:
        return default
    return number if low <= number <= high else default


def calendar(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    year = _int(request.GET.get("year"), today.year, 1900, 2200)
    month = _int(request.GET.get("month"), today.month, 1, 12)
    events = queries.month_events(year, month)
    first_weekday = (int(get_format("FIRST_DAY_OF_WEEK")) - 1) % 7  # Django: 0 = Sunday
    headers = [dt.date(2024, 1, 1 + (first_weekday + i) % 7) for i in range(7)]  # 2024-01-01: Monday
    previous, following = queries.shift_month(year, month, -1), queries.shift_month(year, month, 1)
    upcoming = list(queries.public_events().filter(date__gte=today).order_by("date")[:20])
    return render(request, "portal/calendar.html", {
        "month_start": dt.date(year, month, 1), "weeks": queries.month_grid(year, month, events, first_weekday),
        "weekdays": headers, "month_events": events, "upcoming": upcoming, "today": today,
        "previous": previous, "following": following, "nav_section": "calendar",
    })


def calendar_ics(request: HttpRequest) -> HttpResponse:
    lang = queries.current_lang()
    events = queries.public_events().exclude(date__isnull=True).order_by("date")
    body = events_to_ical(
        events,
        name=_("Cooperation node events"),
        url_of=lambda e: request.build_absolute_uri(reverse("portal:event", args=[e.pk])),
        label_of=lambda e: queries.event_label(e, lang),
        place_of=lambda e: e.place.name_in(lang) if e.place_id and e.place else "",
        host=request.get_host().split(":")[0] or "coopnode",
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="coopnode-events.ics"'
    return response


def network(request: HttpRequest) -> HttpResponse:
    nodes, groups = queries.network_overview()
    return render(request, "portal/network.html", {
        "nodes": nodes, "groups": groups, "world": queries.map_pins(groups, queries.current_lang()),
        "nav_section": "network",
    })


def search(request: HttpRequest) -> HttpResponse:
    query = " ".join(request.GET.get("q", "").split())[:200]
    started = time.perf_counter()
    hits = search_index.search(query) if query else []
    results = _load_hits(hits)
    elapsed_ms = (time.perf_counter() - started) * 1000
    return render(request, "portal/search.html", {
        "search_query": query, "results": results, "elapsed_ms": elapsed_ms,
        "total": sum(len(v) for _k, v in results), "nav_section": "search",
    })


def _load_hits(hits: list[search_index.SearchHit]) -> list[tuple[str, list]]:
    """The public records behind search hits, grouped by kind in rank order (a hidden record,
    e.g. one still awaiting review, is dropped here)."""
    by_kind: dict[str, list[uuid.UUID]] = {}
    for hit in hits:
        by_kind.setdefault(hit.kind, []).append(hit.object_id)
    sources = {
        ENTITY: queries.public_entities(),
        EVENT: queries.public_events(),
        AGREEMENT: queries.public_agreements(),
        PROJECT: queries.public_projects(),
        DOCUMENT: queries.public_documents().defer(None),
    }
    grouped = []
    for kind, ids in by_kind.items():
        found = {obj.pk: obj for obj in sources[kind].filter(pk__in=ids)}
        objects = [found[i] for i in ids if i in found]
        if objects:
            grouped.append((kind, objects))
    return grouped
