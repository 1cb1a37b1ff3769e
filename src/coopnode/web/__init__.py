"""The Django adapter of coopnode: ORM, web portal, REST API, admin.

The core packages (``coopnode.extract``, ``coopnode.resolve``, ``coopnode.match`` …) never import
from here; this package uses them.
"""

from __future__ import annotations

import os

SETTINGS_MODULE = "coopnode.web.settings"


def setup() -> None:
    """Configure Django for use from the CLI or a script."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", SETTINGS_MODULE)
    import django

    django.setup()
