"""A member's own pages: their organization's profile and their API tokens."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..api.models import ApiToken
from ..api.tokens import check_can_manage_token, do_create_token, do_revoke_token
from ..registry.actions import ConcurrentEditError, NameSpec, RegistryError
from ..registry.models import Entity
from .actions import (
    NotAllowed,
    ProfileChange,
    check_can_edit_organization,
    do_update_profile,
    organization_of,
)
from .forms import ProfileForm


@login_required
def home(request: HttpRequest) -> HttpResponse:
    org = organization_of(request.user)
    if org is None:
        return render(request, "members/no_organization.html", status=200)
    return redirect("members:organization", pk=org.pk)


@login_required
def edit_organization(request: HttpRequest, pk: Any) -> HttpResponse:
    org = get_object_or_404(Entity, pk=pk)
    try:
        check_can_edit_organization(request.user, org)
    except NotAllowed as exc:
        raise PermissionDenied(str(exc)) from exc
    initial = {"description": org.description, "website": org.website, "version": org.version}
    form = ProfileForm(request.POST if request.method == "POST" else None, initial=initial)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            names: tuple[NameSpec, ...] = ()
            if data["new_name"].strip():
                names = (NameSpec(data["new_name"], data["new_name_lang"] or "", data["new_name_kind"] or "alias"),)
            change = ProfileChange(expected_version=data["version"], description=data["description"],
                                   website=data["website"], new_names=names)
            try:
                do_update_profile(org, change, user=request.user)
                messages.success(request, _("The profile of %(org)s was saved.") % {"org": org.name})
                return redirect("members:organization", pk=org.pk)
            except ConcurrentEditError as exc:
                form.add_error(None, str(exc))
                status = 409
            except RegistryError as exc:
                form.add_error(None, str(exc))
                status = 400
        else:
            status = 400
    return render(request, "members/organization.html", {"org": org, "form": form,
                                                         "names": org.names.all()}, status=status)


@login_required
def tokens(request: HttpRequest) -> HttpResponse:
    created = None
    if request.method == "POST":
        _token, created = do_create_token(request.user, name=request.POST.get("name", ""), user=request.user)
    return render(request, "members/tokens.html", {
        "created": created, "tokens": ApiToken.objects.filter(owner=request.user)})


@require_POST
@login_required
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    token = get_object_or_404(ApiToken, pk=pk)
    try:
        check_can_manage_token(token, request.user)
    except PermissionError as exc:
        raise PermissionDenied(str(exc)) from exc
    do_revoke_token(token, user=request.user)
    messages.success(request, _("Token %(prefix)s… revoked.") % {"prefix": token.prefix})
    return redirect("members:tokens")
