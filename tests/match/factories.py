"""One-line fixtures for matching tests."""

from __future__ import annotations

from itertools import count
from typing import Any

from coopnode.match.profile import Profile

_ids = count(1)


def make_profile(**fields: Any) -> Profile:
    """A valid business offer unless told otherwise; each call gets a fresh id and owner."""
    n = next(_ids)
    data: dict[str, Any] = {
        "id": f"p{n}",
        "type": "business_offer",
        "title": f"profile {n}",
        "language": "en",
        "owner_org_id": f"org{n}",
    }
    data.update(fields)
    return Profile.from_dict(data)
