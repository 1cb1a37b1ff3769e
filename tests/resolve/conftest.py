"""Shared fixtures for resolver tests."""

from __future__ import annotations

import pytest

from coopnode.resolve.scoring import Candidate
from tests.resolve.factories import make_org


@pytest.fixture
def belarus_ministries() -> list[Candidate]:
    return [
        make_org("mci", "Министерство связи и информатизации Республики Беларусь", country="BY"),
        make_org("mfa", "Министерство иностранных дел Республики Беларусь", country="BY"),
        make_org("economy", "Министерство экономики Республики Беларусь", country="BY"),
    ]
