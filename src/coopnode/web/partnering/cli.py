"""``coopnode match`` and ``coopnode profiles …`` — partnering from the command line.

Registered by the main CLI through :func:`register`; Django is set up only when a command runs
(``_require_init``), so ``coopnode --help`` stays fast.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

Add = Callable[[str, Callable[[argparse.Namespace], int], str, str], argparse.ArgumentParser]


def cmd_match(args: argparse.Namespace) -> int:
    from coopnode.cli import CommandError, _require_init

    _require_init()
    from django.core.exceptions import ValidationError

    from .matching import find_matches, reasons_to_json, render_reasons
    from .models import CooperationProfile

    try:
        profile = CooperationProfile.objects.filter(pk=args.profile_id).first()
    except (ValidationError, ValueError):
        profile = None
    if profile is None:
        raise CommandError(f"no profile with id {args.profile_id}")
    if args.top < 1:
        raise CommandError("--top must be at least 1")
    results = find_matches(profile, top_k=args.top)
    others = {str(p.pk): p for p in CooperationProfile.objects.filter(pk__in=[r.profile_id for r in results])}
    if args.json:
        for rank, r in enumerate(results, start=1):
            reasons = reasons_to_json(r.reasons)
            print(json.dumps({"rank": rank, "id": r.profile_id, "title": others[r.profile_id].title,
                              "language": others[r.profile_id].language, "score": r.score,
                              "reasons": render_reasons(reasons, args.lang), "features": reasons},
                             ensure_ascii=False))
        return 0
    print(f"{profile.title} [{profile.profile_type}, {profile.language}]")
    if not results:
        print("  no complementary published profiles")
    for rank, r in enumerate(results, start=1):
        other = others[r.profile_id]
        print(f"{rank:>3}. {r.score:.3f}  {other.title}  [{other.profile_type}, {other.language}]  {r.profile_id}")
        for sentence in render_reasons(reasons_to_json(r.reasons), args.lang):
            print(f"       - {sentence}")
    return 0


def cmd_profiles_import(args: argparse.Namespace) -> int:
    from coopnode.cli import CommandError, _require_init

    _require_init()
    from .actions import do_refresh_matches
    from .importing import ProfileImportError, do_import_profiles

    path = Path(args.file)
    if not path.is_file():
        raise CommandError(f"no such file: {path}")
    try:
        result = do_import_profiles(path, actor="cli", publish=args.publish)
    except ProfileImportError as exc:
        for line, message in exc.errors:
            print(f"{path.name}:{line}: {message}", file=sys.stderr)
        raise CommandError(f"{len(exc.errors)} bad row(s) in {path.name}; nothing imported") from exc
    except UnicodeDecodeError as exc:
        raise CommandError(f"{path.name} is not UTF-8 text") from exc
    if args.publish and not args.no_match:
        for profile in result.created:
            do_refresh_matches(profile)
    state = "published" if args.publish else "waiting for validation"
    print(f"imported {len(result.created)} profile(s) from {path.name} ({state})")
    return 0


def cmd_profiles_list(args: argparse.Namespace) -> int:
    from coopnode.cli import _require_init

    _require_init()
    from .models import CooperationProfile

    qs = CooperationProfile.objects.all().order_by("-updated_at")
    if args.status:
        qs = qs.filter(status=args.status)
    for p in qs:
        print(json.dumps({"id": str(p.pk), "type": p.profile_type, "status": p.status, "language": p.language,
                          "title": p.title, "owner_org": str(p.owner_org_id) if p.owner_org_id else None},
                         ensure_ascii=False))
    return 0


def cmd_profiles_rematch(args: argparse.Namespace) -> int:
    """Recompute every published profile's matches now (after an encoder change, or on a node
    that runs no background worker)."""
    from coopnode.cli import _require_init

    _require_init()
    from .actions import do_refresh_matches
    from .models import CooperationProfile, ProfileStatus

    profiles = list(CooperationProfile.objects.filter(status=ProfileStatus.PUBLISHED))
    new = sum(do_refresh_matches(p) for p in profiles)
    print(f"matched {len(profiles)} published profile(s); {new} new match(es)")
    return 0


def register(add: Add) -> None:
    p = add("match", cmd_match, "ranked partners for a cooperation profile, with reasons in a chosen language",
            "coopnode match 3f2a…-uuid --top 5 --lang ru")
    p.add_argument("profile_id", metavar="PROFILE_ID")
    p.add_argument("--top", type=int, default=10, help="how many matches (default 10)")
    p.add_argument("--lang", default="en", choices=["en", "ru", "zh"], help="language of the reasons")
    p.add_argument("--json", action="store_true", help="one JSON object per match")

    p = add("profiles", lambda a: (a.profiles_parser.print_help(), 2)[1],
            "cooperation profiles: import from CSV/JSON Lines, list",
            "coopnode profiles import offers.csv --publish")
    p.set_defaults(profiles_parser=p)
    sub = p.add_subparsers(dest="profiles_command", metavar="ACTION")
    imp = sub.add_parser("import", help="import profiles from a .csv or .jsonl file (all rows or none)")
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--publish", action="store_true",
                     help="publish at once (rows already validated); default: wait for operator validation")
    imp.add_argument("--no-match", action="store_true", help="with --publish: leave matching to the background worker")
    imp.set_defaults(func=cmd_profiles_import)
    rem = sub.add_parser("rematch", help="recompute the matches of every published profile now")
    rem.set_defaults(func=cmd_profiles_rematch)
    lst = sub.add_parser("list", help="print profiles as JSON Lines")
    lst.add_argument("--status", help="only this status (draft, submitted, published, …)")
    lst.set_defaults(func=cmd_profiles_list)
