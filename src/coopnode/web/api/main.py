"""The REST API of a node, served under ``/api/`` (OpenAPI at ``/api/openapi.json``, docs at
``/api/docs``).

Reads are public; writes need a token (``Authorization: Bearer …``) or a logged-in session with
a CSRF token, and a role: operators ingest, review and merge; members edit their own
organization.  Endpoints stay thin — parse, check, call one domain action, answer.
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from uuid import UUID

from django.conf import settings
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import File, Form, NinjaAPI, Query, Router, Schema
from ninja.files import UploadedFile
from ninja.throttling import AnonRateThrottle, AuthRateThrottle

from ..accounts import is_member, is_operator
from ..intake.actions import do_ingest
from ..intake.models import MergeRecord
from ..intake.review import do_decide_claim
from ..intake.sources import read_url
from ..intake.uploads import (
    UnsupportedUpload,
    UploadTooLarge,
    item_from_text,
    item_from_upload,
    too_large_message,
    upload_too_large,
)
from ..members.actions import ProfileChange, do_update_profile, organization_of
from ..registry.actions import NameSpec, RegistryError
from ..registry.merge import check_can_merge, do_merge, do_unmerge
from ..registry.models import Claim, Entity, EntityType
from . import schemas
from .auth import WRITE_AUTH, caller, optional_user, require_operator
from .errors import ApiError, install_error_handlers
from .resources import (
    ListQuery,
    Resource,
    Visibility,
    build_resources,
    claim_out,
    document_out,
    entity_out,
)

api = NinjaAPI(
    title="coopnode API",
    version="1",
    description="Registry of the cooperation network node: organizations, persons, places, events, "
                "agreements, projects, source documents and the claims read from them.",
    urls_namespace="api",
    throttle=[
        AnonRateThrottle(getattr(settings, "COOPNODE_API_ANON_RATE", "600/m")),
        AuthRateThrottle(getattr(settings, "COOPNODE_API_AUTH_RATE", "3000/m")),
    ],
)
install_error_handlers(api)
ERRORS = {400: schemas.ErrorOut, 401: schemas.ErrorOut, 403: schemas.ErrorOut, 404: schemas.ErrorOut,
          409: schemas.ErrorOut, 413: schemas.ErrorOut, 415: schemas.ErrorOut, 422: schemas.ErrorOut,
          429: schemas.ErrorOut}
MAX_LIMIT = 200


class Filters(Schema):
    type: str | None = None
    country: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    q: str | None = None
    status: str | None = None
    limit: int = 50
    offset: int = 0


def _page_schema(item: type) -> type:
    return type(f"{item.__name__}Page", (Schema,), {
        "__annotations__": {"count": int, "limit": int, "offset": int, "items": list[item]},  # type: ignore[valid-type]
    })


def register_resource(resource: Resource) -> None:
    """Add ``GET /<name>`` (filtered, paginated) and ``GET /<name>/{id}`` for one resource."""
    page = _page_schema(resource.schema)

    def list_records(request: HttpRequest, filters: Query[Filters]) -> dict[str, Any]:
        if filters.limit < 1 or filters.limit > MAX_LIMIT or filters.offset < 0:
            raise ApiError(422, f"limit must be 1…{MAX_LIMIT} and offset ≥ 0.")
        if filters.date_from and filters.date_to and filters.date_from > filters.date_to:
            raise ApiError(422, "date_from is after date_to.")
        user = optional_user(request)
        query = ListQuery(type=filters.type, country=filters.country, date_from=filters.date_from,
                          date_to=filters.date_to, q=filters.q, status=filters.status)
        qs = resource.filter(resource.queryset(user), query)
        count = qs.count()
        rows = list(qs[filters.offset: filters.offset + filters.limit])
        vis = Visibility(user)
        if resource.linked is not None:
            vis.prime([e for obj in rows for e in resource.linked(obj)])
        return {"count": count, "limit": filters.limit, "offset": filters.offset,
                "items": [resource.serialize(obj, False, vis) for obj in rows]}

    def get_record(request: HttpRequest, record_id: UUID) -> dict[str, Any]:
        user = optional_user(request)
        obj = resource.queryset(user).filter(pk=record_id).first()
        if obj is None:
            raise ApiError(404, f"No {resource.name[:-1]} with id {record_id}.")
        return resource.serialize(obj, True, Visibility(user))

    list_records.__name__ = f"list_{resource.name}"
    get_record.__name__ = f"get_{resource.name}"
    api.get(f"/{resource.name}", response={200: page, **ERRORS}, tags=[resource.name],
            summary=f"List {resource.name}", operation_id=f"list_{resource.name}")(list_records)
    api.get(f"/{resource.name}/{{uuid:record_id}}", response={200: resource.schema, **ERRORS},
            tags=[resource.name], summary=f"One of the {resource.name}",
            operation_id=f"get_{resource.name}")(get_record)


RESOURCES = build_resources(schemas)
for _resource in RESOURCES:
    register_resource(_resource)


@api.get("/me", response=schemas.MeOut, tags=["accounts"], summary="Who the API sees you as")
def me(request: HttpRequest) -> dict[str, Any]:
    user = optional_user(request)
    role = "public"
    if user is not None:
        role = "admin" if user.is_superuser else "operator" if is_operator(user) else \
            "member" if is_member(user) else "user"
    org = organization_of(user)
    return {"authenticated": user is not None, "username": user.get_username() if user else None,
            "role": role, "organization_id": org.pk if org else None}


def _ingest_answer(result: Any) -> tuple[int, dict[str, Any]]:
    return (201 if result.created else 200), {
        "created": result.created, "document": document_out(result.document, True),
        "summary": result.summary,
    }


@api.post("/documents", auth=WRITE_AUTH, response={200: schemas.IngestOut, 201: schemas.IngestOut, **ERRORS},
          tags=["documents"], summary="Ingest a document from raw text or a URL (operators)")
def ingest_document(request: HttpRequest, payload: schemas.IngestIn) -> tuple[int, dict[str, Any]]:
    user = require_operator(request)
    if bool(payload.text) == bool(payload.url):
        raise ApiError(422, "Send exactly one of 'text' or 'url'.")
    try:
        if payload.url:
            if not payload.url.startswith(("http://", "https://")):
                raise ApiError(422, "The url must start with http:// or https://.")
            item = read_url(payload.url)
        else:
            item = item_from_text(payload.text or "", payload.source)
    except UploadTooLarge as exc:
        raise ApiError(413, str(exc)) from exc
    result = do_ingest(item, lang=payload.lang, published=payload.published, user=user)
    return _ingest_answer(result)


@api.post("/documents/upload", auth=WRITE_AUTH,
          response={200: schemas.IngestOut, 201: schemas.IngestOut, **ERRORS}, tags=["documents"],
          summary="Ingest an uploaded text, HTML or Markdown file (operators)")
def upload_document(
    request: HttpRequest,
    file: File[UploadedFile | None] = None,
    lang: Form[str] = "",
    published: Form[str] = "",
) -> tuple[int, dict[str, Any]]:
    user = require_operator(request)
    stopped = upload_too_large(request)
    if stopped:
        raise ApiError(413, too_large_message(stopped))
    if file is None:
        raise ApiError(422, "Send the document as the multipart field 'file'.")
    try:
        item = item_from_upload(file)
    except UploadTooLarge as exc:
        raise ApiError(413, str(exc)) from exc
    except UnsupportedUpload as exc:
        raise ApiError(415, str(exc)) from exc
    result = do_ingest(item, lang=lang or None, published=published or None, user=user)
    return _ingest_answer(result)


@api.post("/claims/{uuid:claim_id}/review", auth=WRITE_AUTH, response={200: schemas.ClaimOut, **ERRORS},
          tags=["claims"], summary="Confirm, correct, reject or pick a candidate (operators)")
def review_claim(request: HttpRequest, claim_id: UUID, payload: schemas.ReviewIn) -> dict[str, Any]:
    user = require_operator(request)
    claim = get_object_or_404(Claim, pk=claim_id)
    claim = do_decide_claim(claim, payload.decision, user=user,
                            entity_id=str(payload.entity_id) if payload.entity_id else None,
                            name=payload.name, entity_type=payload.entity_type, note=payload.note)
    return claim_out(claim, True)


def _merge_out(record: MergeRecord) -> dict[str, Any]:
    return {"id": record.pk, "survivor_id": record.survivor_id, "loser_id": record.loser_id,
            "created_at": record.created_at, "undone_at": record.undone_at,
            "moved": {k: len(v) for k, v in record.data.items() if isinstance(v, list)}}


@api.post("/merges", auth=WRITE_AUTH, response={201: schemas.MergeOut, **ERRORS}, tags=["merges"],
          summary="Merge a duplicate entity into another (operators)")
def merge_entities(request: HttpRequest, payload: schemas.MergeIn) -> tuple[int, dict[str, Any]]:
    user = require_operator(request)
    try:
        check_can_merge(user)
    except RegistryError as exc:
        raise ApiError(403, str(exc)) from exc
    survivor = get_object_or_404(Entity.all_objects, pk=payload.survivor_id)
    loser = get_object_or_404(Entity.all_objects, pk=payload.loser_id)
    record = do_merge(survivor, loser, user=user)
    return 201, _merge_out(record)


@api.get("/merges", auth=WRITE_AUTH, response={200: list[schemas.MergeOut], **ERRORS}, tags=["merges"],
         summary="Recent merges, newest first (operators)")
def list_merges(request: HttpRequest, limit: int = 50) -> list[dict[str, Any]]:
    require_operator(request)
    return [_merge_out(r) for r in MergeRecord.objects.all()[: max(1, min(limit, MAX_LIMIT))]]


@api.post("/merges/{merge_id}/undo", auth=WRITE_AUTH, response={200: schemas.MergeOut, **ERRORS},
          tags=["merges"], summary="Undo a merge (operators)")
def undo_merge(request: HttpRequest, merge_id: int) -> dict[str, Any]:
    user = require_operator(request)
    record = get_object_or_404(MergeRecord, pk=merge_id)
    do_unmerge(record, user=user)
    record.refresh_from_db()
    return _merge_out(record)


@api.patch("/organizations/{uuid:record_id}", auth=WRITE_AUTH, response={200: schemas.EntityOut, **ERRORS},
           tags=["organizations"], summary="Edit an organization's profile (its members, operators)")
def update_organization(request: HttpRequest, record_id: UUID, payload: schemas.ProfileIn) -> dict[str, Any]:
    user = caller(request)
    org = get_object_or_404(Entity, pk=record_id, entity_type=EntityType.ORGANIZATION)
    change = ProfileChange(
        expected_version=payload.expected_version, description=payload.description,
        website=payload.website,
        new_names=tuple(NameSpec(n.text, n.lang, n.kind) for n in payload.add_names),
    )
    org = do_update_profile(org, change, user=user)
    return entity_out(Entity.objects.prefetch_related("names").get(pk=org.pk), True)


# Other areas' routers.
from ..partnering.api import router as partnering_router  # noqa: E402

api.add_router("/partnering/", partnering_router)

# The catch-all lives in its own router, added last: on the default router its pattern would
# come before every added router's paths and answer 404 for them.
fallback = Router()


@fallback.api_operation(["GET", "POST", "PUT", "PATCH", "DELETE"], "/{path:unknown}", include_in_schema=False)
def unknown_endpoint(request: HttpRequest, unknown: str) -> None:
    raise ApiError(404, f"No API endpoint at /api/{unknown}.")


api.add_router("", fallback)
