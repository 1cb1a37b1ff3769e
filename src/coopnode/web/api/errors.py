"""One JSON error shape for every failure the API can answer with.

``{"error": {"code": "not_found", "message": "…", "details": …}}`` — a script checks ``code``,
a person reads ``message``; nothing about the server's internals (no stack trace) leaks out.
"""

from __future__ import annotations

import logging
from typing import Any

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, RequestDataTooBig
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, Throttled, ValidationError

from ..intake.sources import IntakeError
from ..registry.actions import ConcurrentEditError, RegistryError

log = logging.getLogger(__name__)

CODES = {
    400: "bad_request", 401: "not_authenticated", 403: "permission_denied", 404: "not_found",
    405: "method_not_allowed", 409: "conflict", 413: "too_large", 415: "unsupported_type",
    422: "validation_error", 429: "throttled", 500: "server_error",
}


class ApiError(Exception):
    """Raised by endpoints to answer with a given status, code and message."""

    def __init__(self, status: int, message: str, *, code: str | None = None, details: Any = None):
        super().__init__(message)
        self.status = status
        self.code = code or CODES.get(status, "error")
        self.message = message
        self.details = details


def error_body(status: int, message: str, *, code: str | None = None, details: Any = None) -> dict[str, Any]:
    return {"error": {"code": code or CODES.get(status, "error"), "message": message, "details": details}}


def install_error_handlers(api: NinjaAPI) -> None:
    def answer(request: HttpRequest, status: int, message: str, code: str | None = None,
               details: Any = None) -> HttpResponse:
        return api.create_response(request, error_body(status, message, code=code, details=details),
                                   status=status)

    @api.exception_handler(ApiError)
    def _api_error(request: HttpRequest, exc: ApiError) -> HttpResponse:
        return answer(request, exc.status, exc.message, exc.code, exc.details)

    @api.exception_handler(ValidationError)
    def _validation(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        details = [{"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")}
                   for e in exc.errors]
        return answer(request, 422, _("The request is not valid; see details."), details=details)

    @api.exception_handler(AuthenticationError)
    def _unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        response = answer(request, 401, _("Authentication required: send 'Authorization: Bearer <token>' "
                                          "or log in (with a CSRF token for writes)."))
        response["WWW-Authenticate"] = "Bearer"
        return response

    @api.exception_handler(Throttled)
    def _throttled(request: HttpRequest, exc: Throttled) -> HttpResponse:
        wait = getattr(exc, "wait", None)
        response = answer(request, 429, _("Too many requests; slow down and try again later."),
                          details={"retry_after": wait})
        if wait:
            response["Retry-After"] = str(int(wait) + 1)
        return response

    @api.exception_handler(HttpError)
    def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        return answer(request, exc.status_code, str(exc.message if hasattr(exc, "message") else exc))

    @api.exception_handler(Http404)
    def _not_found(request: HttpRequest, exc: Exception) -> HttpResponse:
        return answer(request, 404, _("No such record."))

    @api.exception_handler(ObjectDoesNotExist)
    def _does_not_exist(request: HttpRequest, exc: Exception) -> HttpResponse:
        return answer(request, 404, _("No such record."))

    @api.exception_handler(PermissionDenied)
    def _denied(request: HttpRequest, exc: Exception) -> HttpResponse:
        return answer(request, 403, str(exc) or _("You are not allowed to do this."))

    @api.exception_handler(RequestDataTooBig)
    def _too_big(request: HttpRequest, exc: Exception) -> HttpResponse:
        return answer(request, 413, _("The request body is larger than this node accepts."))

    @api.exception_handler(ConcurrentEditError)
    def _conflict(request: HttpRequest, exc: ConcurrentEditError) -> HttpResponse:
        return answer(request, 409, str(exc))

    @api.exception_handler(RegistryError)
    def _registry(request: HttpRequest, exc: RegistryError) -> HttpResponse:
        from ..members.actions import NotAllowed

        if isinstance(exc, NotAllowed):
            return answer(request, 403, str(exc))
        return answer(request, 400, str(exc))

    @api.exception_handler(IntakeError)
    def _intake(request: HttpRequest, exc: IntakeError) -> HttpResponse:
        return answer(request, 400, str(exc))

    @api.exception_handler(Exception)
    def _unexpected(request: HttpRequest, exc: Exception) -> HttpResponse:
        log.exception("API error on %s %s", request.method, request.path)
        return answer(request, 500, _("Something went wrong on the server; it has been logged."))
