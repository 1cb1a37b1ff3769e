"""Operator pages: bring documents in, review what was read, merge duplicates, read the audit log.

Every page requires the operator role (anonymous visitors are sent to log in, other users get
403); every change is a POST protected by CSRF and goes through one domain action.
"""

from __future__ import annotations

import functools
import uuid
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coopnode.resolve.normalize import normalize

from ..accounts import is_operator
from ..api.models import ApiToken
from ..api.tokens import do_create_token, do_revoke_token
from ..members.actions import do_invite_member
from ..members.models import Membership
from ..registry.actions import RegistryError
from ..registry.merge import check_can_merge, do_merge, do_unmerge, suggest_duplicates
from ..registry.models import AuditLog, Claim, ClaimStatus, Document, Entity
from . import forms
from .actions import do_ingest
from .feeds import do_subscribe, do_unsubscribe, poll_feed
from .models import Feed, MergeRecord
from .review import do_decide_claim
from .sources import IntakeError, read_url
from .uploads import (
    UnsupportedUpload,
    UploadTooLarge,
    item_from_upload,
    limit_text,
    too_large_message,
    upload_too_large,
)

CONTEXT_CHARS = 400


def _uuid_or_none(value: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(value)
    except ValueError:
        return None


def operator_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not is_operator(request.user):
            raise PermissionDenied(_("This page is for operators of the node."))
        return view(request, *args, **kwargs)
    return wrapped


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A readable 403 when a form arrives without its CSRF token (no technical details)."""
    body = render_to_string("intake/csrf_failure.html", request=request)
    return HttpResponse(body, status=403)


@operator_required
def index(request: HttpRequest) -> HttpResponse:
    counts = {row["status"]: row["n"] for row in Claim.objects.values("status").annotate(n=Count("id"))}
    return render(request, "intake/index.html", {
        "proposed": counts.get(ClaimStatus.PROPOSED, 0),
        "documents": Document.objects.order_by("-created_at")[:10],
        "feeds": Feed.objects.filter(active=True).count(),
        "upload_form": forms.UploadForm(), "url_form": forms.UrlForm(), "feed_form": forms.FeedForm(),
        "limit": limit_text(),
    })


def _ingested(request: HttpRequest, result: Any) -> HttpResponse:
    if result.created:
        messages.success(request, result.summary)
    else:
        messages.info(request, result.summary)
    return redirect(f"{reverse('intake:review')}?document={result.document.pk}")


@operator_required
def ingest_file(request: HttpRequest) -> HttpResponse:
    form = forms.UploadForm(request.POST if request.method == "POST" else None,
                            request.FILES if request.method == "POST" else None)
    status = 200
    refused = ""
    stopped = upload_too_large(request) if request.method == "POST" else None
    if stopped:
        form = forms.UploadForm()
        refused = too_large_message(stopped)
        status = 413
    elif request.method == "POST" and form.is_valid():
        try:
            item = item_from_upload(form.cleaned_data["file"])
            published = form.cleaned_data["published"]
            result = do_ingest(item, lang=form.cleaned_data["lang"] or None,
                               published=published.isoformat() if published else None, user=request.user)
            return _ingested(request, result)
        except UploadTooLarge as exc:
            form.add_error("file", str(exc))
            status = 413
        except UnsupportedUpload as exc:
            form.add_error("file", str(exc))
            status = 415
        except IntakeError as exc:
            form.add_error("file", str(exc))
            status = 400
    elif request.method == "POST":
        status = 400
    return render(request, "intake/ingest_file.html", {"form": form, "limit": limit_text(), "refused": refused},
                  status=status)


@operator_required
def ingest_url(request: HttpRequest) -> HttpResponse:
    form = forms.UrlForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            item = read_url(form.cleaned_data["url"])
            published = form.cleaned_data["published"]
            result = do_ingest(item, lang=form.cleaned_data["lang"] or None,
                               published=published.isoformat() if published else None, user=request.user)
            return _ingested(request, result)
        except IntakeError as exc:
            form.add_error("url", str(exc))
            status = 413 if "the limit is" in str(exc) else 400  # read_url's size refusal
    elif request.method == "POST":
        status = 400
    return render(request, "intake/ingest_url.html", {"form": form}, status=status)


@operator_required
def feeds(request: HttpRequest) -> HttpResponse:
    form = forms.FeedForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            feed = do_subscribe(form.cleaned_data["url"], user=request.user, lang=form.cleaned_data["lang"])
            messages.success(request, _("Subscribed to %(feed)s; it is polled in the background.") % {"feed": feed})
            return redirect("intake:feeds")
        except IntakeError as exc:
            form.add_error("url", str(exc))
    feed_list = Feed.objects.annotate(
        n_items=Count("items"), n_failed=Count("items", filter=Q(items__status="failed")))
    return render(request, "intake/feeds.html", {"form": form, "feeds": feed_list},
                  status=400 if form.errors else 200)


@require_POST
@operator_required
def feed_poll(request: HttpRequest, pk: int) -> HttpResponse:
    feed = get_object_or_404(Feed, pk=pk)
    result = poll_feed(feed)
    (messages.error if result.error else messages.success)(request, result.summary)
    return redirect("intake:feeds")


@require_POST
@operator_required
def feed_unsubscribe(request: HttpRequest, pk: int) -> HttpResponse:
    feed = get_object_or_404(Feed, pk=pk)
    do_unsubscribe(feed, user=request.user)
    messages.success(request, _("Unsubscribed from %(feed)s.") % {"feed": feed})
    return redirect("intake:feeds")


def highlight(text: str, start: int, end: int, context: int = CONTEXT_CHARS) -> dict[str, str]:
    """The span of a claim with some text either side, for ``before<mark>span</mark>after``."""
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    left = max(0, start - context)
    right = min(len(text), end + context)
    return {
        "before": ("…" if left > 0 else "") + text[left:start],
        "span": text[start:end],
        "after": text[end:right] + ("…" if right < len(text) else ""),
    }


@operator_required
def review_queue(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", ClaimStatus.PROPOSED)
    claims = Claim.objects.select_related("document", "entity").order_by("-document__created_at", "document", "start")
    if status in ClaimStatus.values:
        claims = claims.filter(status=status)
    if request.GET.get("kind") in Claim.Kind.values:
        claims = claims.filter(kind=request.GET["kind"])
    document = _uuid_or_none(request.GET.get("document", ""))
    if document:
        claims = claims.filter(document_id=document)
    page = Paginator(claims, 25).get_page(request.GET.get("page"))
    rows = [{"claim": c, **highlight(c.document.text, c.start, c.end, 120)} for c in page]
    return render(request, "intake/review_queue.html", {
        "page": page, "rows": rows, "status": status, "statuses": ClaimStatus.choices,
        "kinds": Claim.Kind.choices, "kind": request.GET.get("kind", ""),
        "document": request.GET.get("document", ""),
    })


def _current_entity(entity_id: str) -> Entity | None:
    """The entity a stored candidate id stands for today (following merges), if any."""
    pk = _uuid_or_none(entity_id)
    entity = Entity.all_objects.filter(pk=pk).first() if pk else None
    seen = set()
    while entity is not None and entity.merged_into_id is not None and entity.pk not in seen:
        seen.add(entity.pk)
        entity = Entity.all_objects.filter(pk=entity.merged_into_id).first()
    return entity


@operator_required
def review_claim(request: HttpRequest, pk: Any) -> HttpResponse:
    claim = get_object_or_404(Claim.objects.select_related("document", "entity"), pk=pk)
    form = forms.ReviewForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                do_decide_claim(claim, data["decision"], user=request.user,
                                entity_id=str(data["entity_id"]) if data["entity_id"] else None,
                                name=data["name"], entity_type=data["entity_type"], note=data["note"])
                messages.success(request, _("Saved: %(claim)s") % {"claim": claim.text})
                following = (Claim.objects.filter(status=ClaimStatus.PROPOSED, document=claim.document)
                             .exclude(pk=claim.pk).order_by("start").first())
                if following is not None:
                    return redirect("intake:review_claim", pk=following.pk)
                return redirect("intake:review")
            except RegistryError as exc:
                form.add_error(None, str(exc))
        status = 400
    candidates = []
    for candidate in (claim.data or {}).get("candidates", []):
        entity = _current_entity(str(candidate.get("id", "")))
        candidates.append({**candidate, "entity": entity, "current": str(candidate.get("id")) == str(claim.entity_id)})
    return render(request, "intake/review_claim.html", {
        "claim": claim, "form": form, "candidates": candidates,
        "proposal": {k: v for k, v in (claim.data or {}).items() if k != "candidates"},
        **highlight(claim.document.text, claim.start, claim.end),
    }, status=status)


@operator_required
def merge(request: HttpRequest) -> HttpResponse:
    form = forms.MergeForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                check_can_merge(request.user)
                survivor = get_object_or_404(Entity.all_objects, pk=form.cleaned_data["survivor"])
                loser = get_object_or_404(Entity.all_objects, pk=form.cleaned_data["loser"])
                record = do_merge(survivor, loser, user=request.user)
                messages.success(request, _("Merged %(loser)s into %(survivor)s.") % {
                    "loser": record.loser.name, "survivor": record.survivor.name})
                return redirect("intake:merge")
            except RegistryError as exc:
                form.add_error(None, str(exc))
        status = 400
    query = request.GET.get("q", "").strip()
    found = []
    if query:
        found = list(Entity.objects.filter(Q(name__icontains=query) | Q(names__text__icontains=query))
                     .distinct().order_by("entity_type", "name")[:50])
    return render(request, "intake/merge.html", {
        "form": form, "q": query, "found": found, "suggestions": [] if query else suggest_duplicates(),
        "records": MergeRecord.objects.select_related("survivor", "loser")[:50],
    }, status=status)


@require_POST
@operator_required
def unmerge(request: HttpRequest, pk: int) -> HttpResponse:
    record = get_object_or_404(MergeRecord, pk=pk)
    try:
        restored = do_unmerge(record, user=request.user)
        messages.success(request, _("Restored %(entity)s as a separate entity.") % {"entity": restored.name})
    except RegistryError as exc:
        messages.error(request, str(exc))
    return redirect("intake:merge")


@operator_required
def audit_log(request: HttpRequest) -> HttpResponse:
    form = forms.AuditFilterForm(request.GET or None)
    entries = AuditLog.objects.all()
    if form.is_valid():
        data = form.cleaned_data
        if data["action"]:
            entries = entries.filter(action__icontains=data["action"])
        if data["actor"]:
            entries = entries.filter(actor__icontains=data["actor"])
        if data["object_type"]:
            entries = entries.filter(object_type=data["object_type"])
        if data["object_id"]:
            entries = entries.filter(object_id=data["object_id"])
        if data["date_from"]:
            entries = entries.filter(time__date__gte=data["date_from"])
        if data["date_to"]:
            entries = entries.filter(time__date__lte=data["date_to"])
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "intake/audit_log.html", {"form": form, "page": page, "query": query.urlencode()})


@operator_required
def tokens(request: HttpRequest) -> HttpResponse:
    """Operators see every token and can revoke any; new tokens here are the operator's own."""
    form = forms.TokenForm(request.POST or None)
    created = None
    if request.method == "POST" and form.is_valid():
        _token, created = do_create_token(request.user, name=form.cleaned_data["name"], user=request.user)
        form = forms.TokenForm()
    return render(request, "intake/tokens.html", {
        "form": form, "created": created,
        "tokens": ApiToken.objects.select_related("owner").all()[:200],
    })


@require_POST
@operator_required
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    token = get_object_or_404(ApiToken, pk=pk)
    do_revoke_token(token, user=request.user)
    messages.success(request, _("Token %(prefix)s… revoked.") % {"prefix": token.prefix})
    return redirect("intake:tokens")


def _find_organization(query: str) -> tuple[Entity | None, str]:
    """An organization by id, or by a name in any language if exactly one matches."""
    organizations = Entity.objects.filter(entity_type="organization")
    pk = _uuid_or_none(query.strip())
    if pk is not None:
        org = organizations.filter(pk=pk).first()
        return org, "" if org else _("No organization with this id.")
    text = query.strip()
    folded = normalize(text)
    matches = list(organizations.filter(
        Q(name__icontains=text) | Q(names__text__icontains=text) | Q(names__normalized__contains=folded or text)
    ).distinct()[:6])
    if len(matches) == 1:
        return matches[0], ""
    if not matches:
        return None, _("No organization has this name.")
    listed = "; ".join(f"{m.name} ({m.pk})" for m in matches[:5])
    return None, _("Several organizations match; give the id of one: %(list)s") % {"list": listed}


@operator_required
def members(request: HttpRequest) -> HttpResponse:
    form = forms.InviteMemberForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            org, problem = _find_organization(data["organization"])
            if org is None:
                form.add_error("organization", problem)
            else:
                try:
                    do_invite_member(username=data["username"], email=data["email"], organization=org,
                                     user=request.user, request=request)
                    messages.success(request, _("Member %(user)s created for %(org)s.") % {
                        "user": data["username"], "org": org.name})
                    return redirect("intake:members")
                except RegistryError as exc:
                    form.add_error(None, str(exc))
        status = 400
    return render(request, "intake/members.html", {
        "form": form, "memberships": Membership.objects.select_related("user", "organization"),
    }, status=status)
