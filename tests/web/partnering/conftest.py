"""Fixtures for partnering: member users tied to organizations, profiles in one line."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from huey.contrib.djhuey import HUEY

from coopnode.web.accounts import do_create_operator, ensure_roles
from coopnode.web.partnering.actions import do_create_profile, do_publish_profile, do_submit_profile
from coopnode.web.partnering.membership import do_link_member
from coopnode.web.partnering.models import CooperationProfile
from tests.factories import make_org


@pytest.fixture(autouse=True)
def tasks_inline():
    """Run huey tasks inline so that publishing really indexes and matches."""
    old = HUEY.immediate
    HUEY.immediate = True
    yield
    HUEY.immediate = old


@pytest.fixture(autouse=True)
def fast_encoder(request, monkeypatch):
    """The model-free encoder keeps most tests fast; tests marked ``real_encoder`` use the
    node's default (the multilingual model) — the acceptance case does."""
    if request.node.get_closest_marker("real_encoder"):
        return
    from coopnode.match.encoder import LexicalEncoder
    from coopnode.web.partnering import matching

    encoder = LexicalEncoder()
    monkeypatch.setattr(matching, "profile_encoder", lambda: encoder)


def pytest_configure(config):
    config.addinivalue_line("markers", "real_encoder: use the node's default text encoder")


@pytest.fixture
def make_member(db) -> Callable[..., Any]:
    def make(username: str, org: Any = None, email: str = "") -> Any:
        _, members = ensure_roles()
        user = get_user_model().objects.create_user(username=username, password="pw-" + username * 3, email=email)
        user.groups.add(members)
        if org is not None:
            do_link_member(user, org)
        return user

    return make


@pytest.fixture
def operator(db) -> Any:
    return do_create_operator(username="operator", password="operator-pass-123", email="op@example.org")


@pytest.fixture
def org_ru(db) -> Any:
    return make_org(name_ru="ООО «Документ-Системы»", name_en="Document Systems LLC", country="RU")


@pytest.fixture
def org_cn(db) -> Any:
    return make_org(name_zh="厦门政务服务管理局", name_en="Xiamen Government Services Bureau", country="CN")


PROFILE_DEFAULTS = {
    "profile_type": "business_offer",
    "title": "Test profile",
    "language": "en",
    "expires": "2099-12-31",
}


@pytest.fixture
def make_profile(django_capture_on_commit_callbacks) -> Callable[..., CooperationProfile]:
    """``make_profile(user, org, publish_by=operator, title=…)``: create, submit, publish."""

    def make(user: Any, org: Any = None, *, publish_by: Any = None, **fields: Any) -> CooperationProfile:
        data = {**PROFILE_DEFAULTS, **fields}
        with django_capture_on_commit_callbacks(execute=True):
            profile = do_create_profile(user, data, owner_org=org)
            if publish_by is not None:
                profile = do_submit_profile(user, profile)
                profile = do_publish_profile(publish_by, profile)
        return profile

    return make
