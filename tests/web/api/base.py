"""The generic API test case: declare an endpoint, two record makers and the filters that tell
them apart, and every list/detail/pagination/filter/permission behaviour is checked the same way
(after NetBox's ``APIViewTestCases``)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any, ClassVar

import pytest

pytestmark = pytest.mark.django_db


def assert_error(response: Any, status: int, code: str | None = None) -> dict[str, Any]:
    """Every API error has the same JSON shape."""
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    error = response.json()["error"]
    assert set(error) == {"code", "message", "details"}
    assert error["message"]
    if code:
        assert error["code"] == code
    return error


class ResourceAPITestCase:
    """Subclass with ``endpoint``, ``make_a``/``make_b`` (two records that differ) and ``filters``:
    query parameters that select the record of ``make_a`` and not the one of ``make_b``."""

    endpoint: ClassVar[str]
    make_a: ClassVar[Callable[[], Any]]
    make_b: ClassVar[Callable[[], Any]]
    filters: ClassVar[list[dict[str, str]]] = []
    write_methods: ClassVar[tuple[str, ...]] = ("post", "put", "delete")

    @pytest.fixture
    def records(self, db: Any) -> tuple[Any, Any]:
        return type(self).make_a(), type(self).make_b()

    def url(self, suffix: str = "") -> str:
        return f"/api/{self.endpoint}{suffix}"

    def test_list_is_public(self, client: Any, records: tuple[Any, Any]) -> None:
        response = client.get(self.url())
        assert response.status_code == 200
        body = response.json()
        assert body["count"] == 2
        assert {item["id"] for item in body["items"]} == {str(r.pk) for r in records}

    def test_list_is_paginated(self, client: Any, records: tuple[Any, Any]) -> None:
        first = client.get(self.url(), {"limit": 1}).json()
        second = client.get(self.url(), {"limit": 1, "offset": 1}).json()
        assert first["count"] == second["count"] == 2
        assert len(first["items"]) == len(second["items"]) == 1
        assert first["items"][0]["id"] != second["items"][0]["id"]

    def test_limit_out_of_range_is_a_validation_error(self, client: Any, records: tuple[Any, Any]) -> None:
        assert_error(client.get(self.url(), {"limit": 100000}), 422, "validation_error")
        assert_error(client.get(self.url(), {"date_from": "not-a-date"}), 422, "validation_error")

    def test_detail(self, client: Any, records: tuple[Any, Any]) -> None:
        record = records[0]
        response = client.get(self.url(f"/{record.pk}"))
        assert response.status_code == 200
        assert response.json()["id"] == str(record.pk)

    def test_unknown_record_is_a_404_in_json(self, client: Any, records: tuple[Any, Any]) -> None:
        assert_error(client.get(self.url(f"/{uuid.uuid4()}")), 404, "not_found")

    def test_filters_select_the_matching_record(self, client: Any, records: tuple[Any, Any]) -> None:
        a, _b = records
        assert self.filters, "declare at least one filter for this endpoint"
        for params in self.filters:
            body = client.get(self.url(), params).json()
            assert [item["id"] for item in body["items"]] == [str(a.pk)], params
            assert body["count"] == 1

    def test_anonymous_cannot_write(self, client: Any, records: tuple[Any, Any]) -> None:
        for method in self.write_methods:
            for url in (self.url(), self.url(f"/{records[0].pk}")):
                response = getattr(client, method)(url, data={}, content_type="application/json")
                assert response.status_code in (401, 403, 404, 405), (method, url)
                assert_error(response, response.status_code)
