"""The profiles collection under the node API's generic resource tests (list, pagination,
detail, 404, filters, anonymous writes), like every other collection."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from coopnode.web.partnering.models import CooperationProfile, ProfileStatus
from tests.factories import make_org
from tests.web.api.base import ResourceAPITestCase


def _published(**fields: Any) -> CooperationProfile:
    # Fixture records only: the life cycle itself is tested through the actions.
    return CooperationProfile.objects.create(status=ProfileStatus.PUBLISHED, published_at=timezone.now(), **fields)


def make_offer() -> CooperationProfile:
    return _published(owner_org=make_org(name_ru="Документ-Системы", country="RU"), profile_type="business_offer",
                      title="Системы электронного документооборота", language="ru", country="RU",
                      sectors=["gov.edoc"])


def make_request() -> CooperationProfile:
    return _published(profile_type="technology_request", title="农业无人机技术", language="zh", country="CN")


class TestProfilesResource(ResourceAPITestCase):
    endpoint = "partnering/profiles"
    make_a = staticmethod(make_offer)
    make_b = staticmethod(make_request)
    filters = [{"type": "business_offer"}, {"language": "ru"}, {"country": "RU"}, {"sector": "gov"},
               {"q": "документооборота"}]
    write_methods = ("post", "patch", "delete")
