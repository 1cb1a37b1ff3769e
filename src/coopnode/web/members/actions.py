"""Member accounts: inviting them (operators) and editing one's own organization (members).

``check_can_edit_organization`` is the one object-level rule every entry point (pages, API)
goes through: operators edit any organization, a member only the one their membership names.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction

from ..accounts import ensure_roles, is_operator
from ..registry import audit
from ..registry.actions import NameSpec, RegistryError, do_add_name, do_update_entity
from ..registry.models import Entity, EntityType
from ..registry.models.entities import NameKind
from .models import Membership

PROFILE_FIELDS = ("description", "website")
MAX_DESCRIPTION = 10_000
_web_address = URLValidator(schemes=["http", "https"])


class NotAllowed(RegistryError):
    """The user may not do this to this object (403)."""


def organization_of(user: AbstractBaseUser | None) -> Entity | None:
    """The organization ``user`` speaks for, if any (following merges)."""
    if user is None or not user.is_authenticated:
        return None
    membership = Membership.objects.select_related("organization").filter(user=user).first()
    if membership is None:
        return None
    org = membership.organization
    while org.merged_into_id is not None:
        org = Entity.all_objects.get(pk=org.merged_into_id)
    return org


def check_can_edit_organization(user: AbstractBaseUser | None, organization: Entity) -> None:
    if user is None or not user.is_authenticated:
        raise NotAllowed("Log in to edit an organization's profile.")
    if organization.entity_type != EntityType.ORGANIZATION:
        raise NotAllowed("Only organizations have member-edited profiles.")
    if is_operator(user):
        return
    own = organization_of(user)
    if own is None or own.pk != organization.pk:
        raise NotAllowed("You can edit only your own organization's profile.")


@dataclass(frozen=True)
class ProfileChange:
    expected_version: int
    description: str | None = None
    website: str | None = None
    new_names: tuple[NameSpec, ...] = ()


def check_profile_change(change: ProfileChange) -> None:
    """Only web addresses a browser opens safely (http/https — never ``javascript:``), and a
    description of sensible length."""
    if change.website:
        try:
            _web_address(change.website)
        except ValidationError as exc:
            raise RegistryError("The website must be an http:// or https:// address.") from exc
    if change.description is not None and len(change.description) > MAX_DESCRIPTION:
        raise RegistryError(f"The description is longer than {MAX_DESCRIPTION:,} characters.")
    for spec in change.new_names:
        if len(spec.text) > 500:
            raise RegistryError("A name is longer than 500 characters.")
        if spec.kind not in NameKind.values:
            raise RegistryError(f"Unknown kind of name: {spec.kind}")


def do_update_profile(
    organization: Entity, change: ProfileChange, *, user: AbstractBaseUser
) -> Entity:
    """Apply a member's edit of their organization's profile, with optimistic locking."""
    check_can_edit_organization(user, organization)
    check_profile_change(change)
    fields = {f: getattr(change, f) for f in PROFILE_FIELDS if getattr(change, f) is not None}
    with transaction.atomic():
        organization = do_update_entity(
            organization, expected_version=change.expected_version, user=user, **fields
        )
        for spec in change.new_names:
            if spec.text.strip():
                do_add_name(organization, NameSpec(spec.text, spec.lang, spec.kind, "member"))
                audit.record("entity.add_name", organization, user=user, name=spec.text, lang=spec.lang)
    return organization


def check_can_invite(user: AbstractBaseUser | None) -> None:
    if not is_operator(user):
        raise NotAllowed("Only operators can invite members.")


def do_invite_member(
    *,
    username: str,
    email: str,
    organization: Entity,
    user: AbstractBaseUser,
    request=None,  # type: ignore[no-untyped-def]
) -> AbstractBaseUser:
    """Create a member account for ``organization`` and e-mail a link to set its password."""
    check_can_invite(user)
    if organization.entity_type != EntityType.ORGANIZATION:
        raise RegistryError("A member account belongs to an organization.")
    User = get_user_model()
    if User.objects.filter(username__iexact=username).exists():
        raise RegistryError(f"The user name {username!r} is taken.")
    with transaction.atomic():
        _, members = ensure_roles()
        member = User.objects.create_user(username=username, email=email)
        member.set_unusable_password()
        member.save()
        member.groups.add(members)
        Membership.objects.create(user=member, organization=organization, invited_by=user)
        audit.record("member.invite", organization, user=user, member=username, email=email)
    if email:
        form = PasswordResetForm({"email": email})
        if form.is_valid():
            # Django sends reset links only to users with a usable password; invitees have none
            # yet, so we hand the form our user directly.
            form.get_users = lambda _email: [member]  # type: ignore[method-assign]
            form.save(request=request, use_https=bool(request and request.is_secure()),
                      domain_override=None if request else "localhost",
                      subject_template_name="members/invite_subject.txt",
                      email_template_name="members/invite_email.txt")
    return member
