from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from coopnode.web.portal.search import rebuild_index


class Command(BaseCommand):
    help = "Recreate the portal's search index from the registry (after a restore or bulk import)."

    def handle(self, *args: Any, **options: Any) -> None:
        counts = rebuild_index()
        self.stdout.write(", ".join(f"{kind}: {n}" for kind, n in counts.items()))
