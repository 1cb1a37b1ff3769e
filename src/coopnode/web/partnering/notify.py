"""Tell people about partnering events: a portal notice and, when they have an address, an
e-mail. Texts are msgids (marked with ``gettext_noop``) rendered in the recipient's language."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.core.mail import send_mail
from django.utils import translation
from django.utils.translation import gettext, gettext_noop

from coopnode.web.accounts import OPERATORS

from .membership import member_users
from .models import CooperationProfile, Notification

NEW_MATCH = gettext_noop("New match for your profile “%(title)s”: “%(other)s”.")
PROFILE_PUBLISHED = gettext_noop("Your profile “%(title)s” has been published.")
CHANGES_REQUESTED = gettext_noop("An operator asks for changes to your profile “%(title)s”: %(note)s")
PROFILE_SUBMITTED = gettext_noop("Profile “%(title)s” is waiting for validation.")
EXPIRES_SOON = gettext_noop("Your profile “%(title)s” expires on %(date)s. Extend it to stay in matching.")
PROFILE_EXPIRED = gettext_noop("Your profile “%(title)s” has expired and no longer takes part in matching.")
INTEREST_RECEIVED = gettext_noop("%(org)s is interested in your profile “%(title)s”.")
INTEREST_ACCEPTED = gettext_noop("Your interest in “%(title)s” was accepted; the contact details are now visible.")
INTEREST_DECLINED = gettext_noop("Your interest in “%(title)s” was declined.")
INTEREST_STEERED = gettext_noop("An operator changed the status of the interest in “%(title)s” to %(status)s.")

SUBJECT = gettext_noop("Cooperation node: %(kind)s")


def profile_owners(profile: CooperationProfile) -> list[AbstractBaseUser]:
    """Users who speak for the profile: its author and the members of its organization."""
    users: dict[int, AbstractBaseUser] = {}
    if profile.created_by_id and profile.created_by and profile.created_by.is_active:
        users[profile.created_by.pk] = profile.created_by
    if profile.owner_org_id:
        for user in member_users(profile.owner_org_id):
            if user.is_active:
                users[user.pk] = user
    return list(users.values())


def operators() -> list[AbstractBaseUser]:
    User = get_user_model()
    return list(User.objects.filter(is_active=True, groups__name=OPERATORS).distinct())


def _language_of(user: AbstractBaseUser) -> str:
    """The user's portal language if known, else the node default."""
    return getattr(user, "language", "") or settings.LANGUAGE_CODE


def notify(
    users: Iterable[AbstractBaseUser], kind: str, text_key: str, params: dict[str, Any], url: str = "",
    *, email: bool = True,
) -> list[Notification]:
    """One portal notice per user, plus an e-mail to those with an address."""
    made = []
    for user in users:
        made.append(Notification.objects.create(user=user, kind=kind, text_key=text_key, params=params, url=url))
        if email and user.email:
            with translation.override(_language_of(user)):
                body = gettext(text_key) % params
                if url:
                    body += "\n\n" + url
                subject = gettext(SUBJECT) % {"kind": gettext(kind.replace("_", " "))}
            send_mail(subject, body, None, [user.email], fail_silently=True)
    return made
