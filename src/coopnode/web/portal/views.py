"""Public portal pages. Views are thin: they parse the request, call a query helper from
:mod:`coopnode.web.portal.queries` and render."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def _placeholder(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
    return render(request, "portal/placeholder.html", {})


home = entity_list = entity_detail = entity_graph = event_list = event_detail = _placeholder
agreement_list = agreement_detail = project_list = project_detail = document_detail = _placeholder
calendar = network = search = _placeholder


def calendar_ics(request: HttpRequest) -> HttpResponse:
    return HttpResponse("", content_type="text/calendar")
