"""The sample press releases shipped with the package (``coopnode/samples``).

They are ingested like any document, then their proposed facts are confirmed by the sample
loader so that a fresh node shows real, reviewed content.  Loading twice changes nothing.
"""

from __future__ import annotations

from importlib import resources

from ..registry.actions import do_review_claim
from ..registry.models import ClaimStatus
from .actions import do_ingest
from .sources import SourceItem

ACTOR = "sample loader"


def sample_files() -> list[tuple[str, bytes]]:
    folder = resources.files("coopnode.samples")
    return sorted(
        (entry.name, entry.read_bytes()) for entry in folder.iterdir() if entry.name.endswith(".txt")
    )


def do_load_samples() -> list[str]:
    lines = []
    for name, data in sample_files():
        result = do_ingest(SourceItem(source=f"sample:{name}", kind="sample", data=data), actor=ACTOR)
        if result.created:
            for claim in result.document.claims.filter(status=ClaimStatus.PROPOSED):
                do_review_claim(claim, status=ClaimStatus.CONFIRMED, actor=ACTOR,
                                note="sample data confirmed at load")
        doc = result.document
        state = "loaded and confirmed" if result.created else "already loaded"
        lines.append(f"sample {state}: {doc.title or doc.source} [{doc.language}]")
    return lines
