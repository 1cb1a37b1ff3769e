"""Measure the resolver's link decisions on a labelled set of mentions.

Usage::

    python -m coopnode.resolve.evaluate tests/resolve/data/labelled_mentions.yaml [-v]

The file holds a toy ``registry`` and ``mentions`` with a ``gold`` registry id (or null for
"not in the registry").  Every mention goes through blocking (:class:`InMemoryCandidateSource`)
and :func:`resolve_with_source`, exactly as in production.  Reported:

* link precision — of the mentions linked automatically, the share linked to the right entity;
* link recall — of the mentions whose entity is in the registry, the share linked right;
* review rate — the share sent to a person;
* reachable recall — right entity linked or ranked first in review (what a reviewer sees);
* false new — mentions of a registered entity that would create a duplicate.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from coopnode.resolve.resolver import InMemoryCandidateSource, Resolution, resolve_with_source
from coopnode.resolve.scoring import Candidate, MentionQuery


@dataclass(frozen=True)
class LabelledMention:
    query: MentionQuery
    gold: str | None


@dataclass(frozen=True)
class Outcome:
    mention: LabelledMention
    resolution: Resolution

    @property
    def predicted(self) -> str | None:
        best = self.resolution.best
        return best.candidate.id if best is not None else None

    @property
    def correct(self) -> bool:
        if self.mention.gold is None:
            return self.resolution.decision == "new"
        return self.resolution.decision == "link" and self.predicted == self.mention.gold


@dataclass(frozen=True)
class Report:
    outcomes: tuple[Outcome, ...]

    def _count(self, predicate) -> int:  # type: ignore[no-untyped-def]
        return sum(1 for outcome in self.outcomes if predicate(outcome))

    @property
    def links(self) -> int:
        return self._count(lambda o: o.resolution.decision == "link")

    @property
    def correct_links(self) -> int:
        return self._count(lambda o: o.resolution.decision == "link" and o.predicted == o.mention.gold)

    @property
    def registered(self) -> int:
        return self._count(lambda o: o.mention.gold is not None)

    @property
    def link_precision(self) -> float:
        return self.correct_links / self.links if self.links else 1.0

    @property
    def link_recall(self) -> float:
        return self.correct_links / self.registered if self.registered else 1.0

    @property
    def review_rate(self) -> float:
        return self._count(lambda o: o.resolution.decision == "review") / len(self.outcomes)

    @property
    def reachable_recall(self) -> float:
        reached = self._count(
            lambda o: o.mention.gold is not None
            and o.resolution.decision in ("link", "review")
            and o.predicted == o.mention.gold
        )
        return reached / self.registered if self.registered else 1.0

    @property
    def false_new(self) -> int:
        return self._count(lambda o: o.mention.gold is not None and o.resolution.decision == "new")

    @property
    def unregistered_kept_new(self) -> tuple[int, int]:
        total = self._count(lambda o: o.mention.gold is None)
        kept = self._count(lambda o: o.mention.gold is None and o.resolution.decision == "new")
        return kept, total

    def summary(self) -> str:
        kept, unregistered = self.unregistered_kept_new
        return "\n".join([
            f"mentions: {len(self.outcomes)} ({self.registered} of registered entities, "
            f"{unregistered} of unregistered ones)",
            f"link precision: {self.link_precision:.3f} ({self.correct_links}/{self.links})",
            f"link recall:    {self.link_recall:.3f} ({self.correct_links}/{self.registered})",
            f"reachable recall (linked or top of review): {self.reachable_recall:.3f}",
            f"review rate:    {self.review_rate:.3f}",
            f"false new (duplicates created): {self.false_new}",
            f"unregistered kept new: {kept}/{unregistered}",
        ])


def _candidate(raw: dict) -> Candidate:  # type: ignore[type-arg]
    return Candidate.make(
        raw["id"], raw["type"], [tuple(n) for n in raw["names"]], country=raw.get("country"),
        context_ids=raw.get("context", ()),
    )


def _mention(raw: dict) -> LabelledMention:  # type: ignore[type-arg]
    query = MentionQuery(
        text=raw["text"], name=raw.get("name", ""), type=raw.get("type"), lang=raw.get("lang"),
        country=raw.get("country"), context=tuple(raw.get("context", ())),
    )
    return LabelledMention(query, raw.get("gold"))


def load_labelled(path: Path) -> tuple[list[Candidate], list[LabelledMention]]:
    """Read a labelled set: the registry and the mentions with their gold ids."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [_candidate(r) for r in data["registry"]], [_mention(m) for m in data["mentions"]]


def evaluate(candidates: Sequence[Candidate], mentions: Sequence[LabelledMention]) -> Report:
    """Resolve every mention against the registry and collect the outcomes."""
    source = InMemoryCandidateSource(candidates)
    return Report(tuple(Outcome(m, resolve_with_source(m.query, source)) for m in mentions))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("-v", "--verbose", action="store_true", help="list every wrong decision")
    args = parser.parse_args(argv)
    try:
        candidates, mentions = load_labelled(args.path)
    except (OSError, KeyError, yaml.YAMLError) as exc:
        print(f"error: cannot read labelled set {args.path}: {exc}", file=sys.stderr)
        return 2
    report = evaluate(candidates, mentions)
    print(report.summary())
    if args.verbose:
        for outcome in report.outcomes:
            if not outcome.correct:
                print(f"\n--- gold {outcome.mention.gold}, decided {outcome.resolution.decision}")
                print(outcome.resolution.explain())
    return 0


if __name__ == "__main__":
    sys.exit(main())
