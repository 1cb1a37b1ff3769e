"""Portal pages of partnering. Each view parses input, checks access, calls one action and
renders; errors from the actions become messages on the page, never stack traces."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coopnode.match.messages import COUNTRY_LABELS
from coopnode.refdata.sectors import is_sector, sector_label
from coopnode.web.accounts import is_operator

from . import actions as A
from . import queries as Q
from .forms import BrowseForm, InterestForm, ProfileForm, ReviewForm, core_lang
from .matching import render_reasons
from .membership import can_use_partnering
from .models import (
    CooperationProfile,
    ExpressionOfInterest,
    InterestStatus,
    Notification,
    ProfileStatus,
)


def _back(request: HttpRequest, default: str) -> str:
    target = request.POST.get("next") or request.META.get("HTTP_REFERER") or default
    return target if target.startswith("/") or target.startswith(request.build_absolute_uri("/")) else default


def shows_action_errors(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Turn a refused action into a message and a redirect back (POST-only views)."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except A.PartneringError as exc:
            messages.error(request, exc.message)
            return redirect(_back(request, "/partnering/"))

    return wrapper


def _labels(profile: CooperationProfile) -> dict[str, Any]:
    lang = core_lang()
    return {
        "sectors": [sector_label(c, lang) if is_sector(c) else c for c in profile.sectors or []],
        "country": _country(profile.country, lang),
        "targets": [_country(c, lang) for c in profile.target_countries or []],
    }


def _country(code: str, lang: str) -> str:
    if not code:
        return ""
    names = COUNTRY_LABELS.get(code)
    return (names.get(lang) or names["en"]) if names else code


def _with_reasons(matches: Any) -> list[dict[str, Any]]:
    lang = core_lang()
    return [{"match": m, "reasons": render_reasons(m.reasons, lang)} for m in matches]


def browse(request: HttpRequest) -> HttpResponse:
    form = BrowseForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    qs = Q.filter_profiles(Q.published_profiles(), filters).order_by("-published_at")
    page = Paginator(qs, 20).get_page(request.GET.get("page"))
    return render(request, "partnering/browse.html", {"form": form, "page": page, "section": "partnering"})


def profile_detail(request: HttpRequest, pk: str) -> HttpResponse:
    profile = get_object_or_404(CooperationProfile.objects.select_related("owner_org"), pk=pk)
    if not Q.can_view_profile(request.user, profile):
        raise Http404
    user = request.user
    my_interest = None
    if user.is_authenticated:
        my_interest = ExpressionOfInterest.objects.filter(profile=profile, from_user=user).first()
    context = {
        "profile": profile,
        "labels": _labels(profile),
        "contact": A.visible_contact(user, profile),
        "can_edit": A.can_edit_profile(user, profile),
        "is_owner": A.is_profile_owner(user, profile),
        "can_express": (
            can_use_partnering(user) and profile.status == ProfileStatus.PUBLISHED
            and not A.is_profile_owner(user, profile) and (my_interest is None or not my_interest.is_open)
            and (my_interest is None or my_interest.status != InterestStatus.ACCEPTED)
        ),
        "my_interest": my_interest,
        "interest_form": InterestForm(),
        "matches": _with_reasons(Q.visible_matches(user, profile)[:10]),
        "is_operator": is_operator(user),
        "review_form": ReviewForm(),
    }
    return render(request, "partnering/profile_detail.html", context)


@login_required
def profile_create(request: HttpRequest) -> HttpResponse:
    if not can_use_partnering(request.user):
        return HttpResponseForbidden(_("Only members and operators can publish cooperation profiles."))
    form = ProfileForm(request.POST or None, initial={"language": core_lang()})
    if request.method == "POST" and form.is_valid():
        try:
            profile = A.do_create_profile(request.user, form.profile_data())
        except A.ProfileValidationError as exc:
            form.add_action_errors(exc.details)
        except A.PartneringError as exc:
            form.add_error(None, exc.message)
        else:
            if "submit" in request.POST:
                try:
                    A.do_submit_profile(request.user, profile)
                    messages.success(request, _("Your profile was sent to the operators for validation."))
                except A.PartneringError as exc:
                    messages.error(request, exc.message)
            else:
                messages.success(request, _("Draft saved."))
            return redirect(profile.get_absolute_url())
    return render(request, "partnering/profile_form.html", {"form": form, "profile": None})


@login_required
def profile_edit(request: HttpRequest, pk: str) -> HttpResponse:
    profile = get_object_or_404(CooperationProfile, pk=pk)
    if not A.can_edit_profile(request.user, profile):
        return HttpResponseForbidden(_("You may only change your own organization's profiles."))
    initial = {f: getattr(profile, f) for f in A.PROFILE_FIELDS}
    initial["target_countries"] = ", ".join(profile.target_countries or [])
    form = ProfileForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            profile = A.do_update_profile(request.user, profile, form.profile_data())
        except A.ProfileValidationError as exc:
            form.add_action_errors(exc.details)
        except A.PartneringError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Profile saved."))
            return redirect(profile.get_absolute_url())
    return render(request, "partnering/profile_form.html", {"form": form, "profile": profile})


@login_required
@require_POST
@shows_action_errors
def profile_submit(request: HttpRequest, pk: str) -> HttpResponse:
    profile = get_object_or_404(CooperationProfile, pk=pk)
    A.do_submit_profile(request.user, profile)
    messages.success(request, _("Your profile was sent to the operators for validation."))
    return redirect(profile.get_absolute_url())


@login_required
@require_POST
@shows_action_errors
def profile_withdraw(request: HttpRequest, pk: str) -> HttpResponse:
    profile = get_object_or_404(CooperationProfile, pk=pk)
    A.do_withdraw_profile(request.user, profile)
    messages.success(request, _("The profile was withdrawn."))
    return redirect("partnering:mine")


@login_required
@require_POST
@shows_action_errors
def express_interest(request: HttpRequest, pk: str) -> HttpResponse:
    profile = get_object_or_404(CooperationProfile, pk=pk)
    form = InterestForm(request.POST)
    message = form.cleaned_data["message"] if form.is_valid() else ""
    A.do_express_interest(request.user, profile, message)
    messages.success(request, _("Your interest was sent to the profile's owner."))
    return redirect(profile.get_absolute_url())


@login_required
def my_profiles(request: HttpRequest) -> HttpResponse:
    profiles = Q.own_profiles(request.user).order_by("-updated_at")
    return render(request, "partnering/my_profiles.html", {"profiles": profiles})


@login_required
def my_matches(request: HttpRequest) -> HttpResponse:
    return render(request, "partnering/my_matches.html", {"matches": _with_reasons(Q.matches_for_user(request.user))})


@login_required
def my_interests(request: HttpRequest) -> HttpResponse:
    context = {
        "sent": Q.interests_sent(request.user),
        "received": Q.interests_received(request.user),
    }
    return render(request, "partnering/my_interests.html", context)


@login_required
@require_POST
@shows_action_errors
def interest_respond(request: HttpRequest, pk: str) -> HttpResponse:
    interest = get_object_or_404(ExpressionOfInterest, pk=pk)
    accept = request.POST.get("decision") == "accept"
    A.do_respond_to_interest(request.user, interest, accept=accept)
    messages.success(request, _("Accepted: the requester now sees your contact details.") if accept else _("Declined."))
    return redirect("partnering:interests")


@login_required
@require_POST
@shows_action_errors
def interest_withdraw(request: HttpRequest, pk: str) -> HttpResponse:
    interest = get_object_or_404(ExpressionOfInterest, pk=pk)
    A.do_withdraw_interest(request.user, interest)
    messages.success(request, _("Your request was withdrawn."))
    return redirect("partnering:interests")


@login_required
def notifications(request: HttpRequest) -> HttpResponse:
    items = list(Notification.objects.filter(user=request.user)[:100])
    if request.method == "POST":
        A.do_mark_notifications_read(request.user)
        return redirect("partnering:notifications")
    return render(request, "partnering/notifications.html", {"items": items})


# --- operators ------------------------------------------------------------------------------

def _operator_only(request: HttpRequest) -> HttpResponse | None:
    if not request.user.is_authenticated:
        return redirect(f"/accounts/login/?next={request.path}")
    if not is_operator(request.user):
        return HttpResponseForbidden(_("Only operators can do this."))
    return None


def operator_queue(request: HttpRequest) -> HttpResponse:
    if (refused := _operator_only(request)) is not None:
        return refused
    context = {
        "submitted": CooperationProfile.objects.filter(status=ProfileStatus.SUBMITTED).select_related("owner_org").order_by("updated_at"),
        "interests": ExpressionOfInterest.objects.filter(
            status__in=[InterestStatus.REQUESTED, InterestStatus.ON_HOLD, InterestStatus.ACCEPTED]
        ).select_related("profile", "from_org", "from_user")[:200],
        "review_form": ReviewForm(),
    }
    return render(request, "partnering/operator_queue.html", context)


@require_POST
@shows_action_errors
def operator_review(request: HttpRequest, pk: str) -> HttpResponse:
    if (refused := _operator_only(request)) is not None:
        return refused
    profile = get_object_or_404(CooperationProfile, pk=pk)
    note = request.POST.get("note", "")
    if request.POST.get("decision") == "publish":
        A.do_publish_profile(request.user, profile, note)
        messages.success(request, _("Published."))
    else:
        A.do_request_changes(request.user, profile, note)
        messages.success(request, _("The owner was asked for changes."))
    return redirect(_back(request, "/partnering/operator/"))


@require_POST
@shows_action_errors
def operator_steer(request: HttpRequest, pk: str) -> HttpResponse:
    if (refused := _operator_only(request)) is not None:
        return refused
    interest = get_object_or_404(ExpressionOfInterest, pk=pk)
    A.do_steer_interest(request.user, interest, request.POST.get("action", ""), request.POST.get("note", ""))
    messages.success(request, _("Done."))
    return redirect("partnering:operator")
