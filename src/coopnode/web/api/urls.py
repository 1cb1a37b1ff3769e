"""URL patterns of the API.

Ninja answers a method an endpoint does not support with Django's plain-text 405; each view is
wrapped so that answer, too, has the API's JSON error shape.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import path

from .errors import error_body
from .main import api


def json_method_not_allowed(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @functools.wraps(view)  # keeps ninja's csrf_exempt marker
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        if response.status_code == 405 and not response.get("Content-Type", "").startswith("application/json"):
            allowed = response.get("Allow", "")
            answer = JsonResponse(error_body(405, f"{request.method} is not supported here; use {allowed}."),
                                  status=405)
            answer["Allow"] = allowed
            return answer
        return response
    return wrapped


_patterns, _app_name, _namespace = api.urls
for _pattern in _patterns:
    _pattern.callback = json_method_not_allowed(_pattern.callback)

urlpatterns = [path("", (_patterns, _app_name, _namespace))]
