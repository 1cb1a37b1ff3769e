"""``coopnode`` — the command line of a cooperation-network node.

Every command works non-interactively; errors print one line and exit non-zero.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from coopnode import config

# The NLP models run many small matrix products per document: BLAS thread pools only contend
# with the node's own worker processes (measured: 3–5× slower on 2 cores). One thread per process;
# an operator can still override these from the environment.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

EPILOG = """\
examples:
  coopnode init --no-input --sample      create the database, reference data, an operator, sample data
  coopnode serve --port 8000             run the portal and API on http://127.0.0.1:8000/
  coopnode ingest press-release.html     store a document, extract its facts, queue them for review
  coopnode ingest https://example.org/news/123
  coopnode extract release.txt           print the facts of one document as JSON (nothing stored)
  coopnode entities --type place         print organizations/persons/places as JSON Lines
  coopnode export --output registry.jsonl
  coopnode backup --output node.tar.gz   a consistent snapshot of the whole data directory
  coopnode restore node.tar.gz --force

The node keeps all its state in one data directory: $COOPNODE_HOME (now: {home}).
Set COOPNODE_DATABASE_URL=postgresql://user:pass@host/db to use PostgreSQL instead of SQLite.
"""


class CommandError(Exception):
    """A failure to report in one line."""


def _django() -> None:
    from coopnode.web import setup

    setup()


def _is_initialised() -> bool:
    from django.db import connection

    return "registry_entity" in connection.introspection.table_names()


def _require_init() -> None:
    _django()
    if not _is_initialised():
        raise CommandError("this node has no database yet: run `coopnode init` first")
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        raise CommandError("this node's database is from an older version: run `coopnode init` to upgrade it")


# --- commands ---------------------------------------------------------------------------------

def cmd_init(args: argparse.Namespace) -> int:
    _django()
    from django.core.management import call_command

    from coopnode.web.registry.refdata import do_load_reference_data

    home = config.ensure_data_dir()
    call_command("migrate", interactive=False, verbosity=0)
    created, updated = do_load_reference_data()
    print(f"data directory: {home}")
    print(f"reference data: {created} entries added, {updated} completed")
    _ensure_operator(args)
    if args.sample:
        from coopnode.web.intake.samples import do_load_samples

        for line in do_load_samples():
            print(line)
    return 0


def _ensure_operator(args: argparse.Namespace) -> None:
    from django.contrib.auth import get_user_model

    from coopnode.web.accounts import do_create_operator

    User = get_user_model()
    username = os.environ.get("COOPNODE_OPERATOR_USERNAME") or args.operator or "operator"
    if User.objects.filter(username=username).exists():
        creds = config.data_dir() / "keys" / "operator-credentials.txt"
        hint = f"; its generated password is in {creds}" if creds.exists() else ""
        print(f"operator account: {username} (exists{hint})")
        return
    password = os.environ.get("COOPNODE_OPERATOR_PASSWORD")
    email = os.environ.get("COOPNODE_OPERATOR_EMAIL", "")
    generated = False
    if not password and not args.no_input and sys.stdin.isatty():
        import getpass

        password = getpass.getpass(f"password for operator {username!r} (empty: generate one): ")
    if not password:
        import secrets

        password = secrets.token_urlsafe(12)
        generated = True
    do_create_operator(username=username, password=password, email=email)
    if generated:
        print(f"operator account: {username}  password: {password}  (generated; change it after login)")
        creds = config.data_dir() / "keys" / "operator-credentials.txt"
        creds.write_text(f"{username}\n{password}\n")
        creds.chmod(0o600)
    else:
        print(f"operator account: {username} (created)")


def cmd_serve(args: argparse.Namespace) -> int:
    _require_init()
    from coopnode.web.server import run_server

    return run_server(host=args.host, port=args.port, workers=args.workers,
                      with_worker=not args.no_worker)


def cmd_worker(args: argparse.Namespace) -> int:
    _require_init()
    from django.core.management import call_command

    call_command("run_huey", workers=args.workers, worker_type="thread", verbose=False)
    return 0


def cmd_ingest(args: argparse.Namespace) -> int:
    _require_init()
    from coopnode.web.intake.actions import do_ingest
    from coopnode.web.intake.sources import IntakeError, iter_sources

    failures = 0
    for target in args.targets:
        try:
            for item in iter_sources(target):
                try:
                    result = do_ingest(item, lang=args.lang, published=args.published,
                                       actor=f"cli:{os.environ.get('USER', 'operator')}")
                    print(result.summary)
                except IntakeError as exc:
                    failures += 1
                    print(f"coopnode: error: {exc}", file=sys.stderr)
        except IntakeError as exc:
            failures += 1
            print(f"coopnode: error: {exc}", file=sys.stderr)
    return 1 if failures else 0


def cmd_extract(args: argparse.Namespace) -> int:
    from coopnode.extract import extract_document
    from coopnode.extract.errors import ExtractionInputError

    name = args.file
    if name == "-":
        data = sys.stdin.buffer.read()
    else:
        path = Path(name)
        if not path.is_file():
            raise CommandError(f"{name}: no such file")
        data = path.read_bytes()
    try:
        result = extract_document(data, lang=args.lang, published=args.published, source_name=name)
    except ExtractionInputError as exc:
        raise CommandError(f"{name}: {exc}") from exc
    contract = result.to_contract()
    json.dump(contract, sys.stdout, ensure_ascii=False, indent=2 if args.pretty else None)
    sys.stdout.write("\n")
    return 0


def _open_output(path: str | None):  # type: ignore[no-untyped-def]
    if not path or path == "-":
        return sys.stdout
    return open(path, "w", encoding="utf-8")  # noqa: SIM115


def cmd_entities(args: argparse.Namespace) -> int:
    _require_init()
    from coopnode.web.registry.export import entity_records, write_jsonl

    out = _open_output(args.output)
    try:
        types = [args.type] if args.type else ["organization", "person", "place"]
        for entity_type in types:
            write_jsonl(entity_records(entity_type), out)
    finally:
        if out is not sys.stdout:
            out.close()
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    _require_init()
    from coopnode.web.registry.export import all_records, write_jsonl

    out = _open_output(args.output)
    try:
        count = write_jsonl(all_records(), out)
    finally:
        if out is not sys.stdout:
            out.close()
    if args.output and args.output != "-":
        print(f"{count} records written to {args.output}", file=sys.stderr)
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    _require_init()
    from coopnode.web.backup import do_backup

    path = do_backup(Path(args.output) if args.output else None)
    print(f"backup written: {path}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    _django()
    from coopnode.web.backup import BackupError, do_restore

    try:
        summary = do_restore(Path(args.archive), force=args.force)
    except BackupError as exc:
        raise CommandError(str(exc)) from exc
    print(summary)
    return 0


# --- parser -----------------------------------------------------------------------------------

def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="coopnode",
        description="Run a node of an international cooperation network: cooperation registry, intake of "
        "press releases (ru/zh/en), partnering, web portal and REST API.",
        epilog=EPILOG.format(home=config.data_dir()),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add(name: str, func: Callable[[argparse.Namespace], int], help_: str, example: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_, description=help_, epilog=f"example:\n  {example}",
                           formatter_class=argparse.RawDescriptionHelpFormatter)
        p.set_defaults(func=func)
        return p

    p = add("init", cmd_init, "create or upgrade the database, load reference data, create an operator account",
            "COOPNODE_OPERATOR_PASSWORD=… coopnode init --no-input --sample")
    p.add_argument("--no-input", action="store_true", help="never prompt: take the operator's password "
                   "from COOPNODE_OPERATOR_PASSWORD or generate and print one")
    p.add_argument("--operator", help="operator user name (default: $COOPNODE_OPERATOR_USERNAME or 'operator')")
    p.add_argument("--sample", action="store_true", help="also load the sample press releases (ru, zh, en)")

    p = add("serve", cmd_serve, "run the web portal and REST API (gunicorn)", "coopnode serve --host 0.0.0.0 --port 8000")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.add_argument("--workers", type=int, default=2, help="worker processes (default 2)")
    p.add_argument("--no-worker", action="store_true",
                   help="do not start the background worker (run `coopnode worker` separately)")

    p = add("worker", cmd_worker, "run the background worker: feed polling, matching, expiry notices "
            "(`serve` starts one unless --no-worker)", "coopnode worker")
    p.add_argument("--workers", type=int, default=1, help="worker threads (default 1)")

    p = add("ingest", cmd_ingest, "store documents (file, folder, URL), extract their facts and queue them for review",
            "coopnode ingest ../shared/seed/000_9c0d123f5dd01e10.txt")
    p.add_argument("targets", nargs="+", metavar="FILE|DIR|URL")
    p.add_argument("--lang", choices=["ru", "zh", "en"], help="the documents' language (default: detect)")
    p.add_argument("--published", metavar="YYYY-MM-DD", help="the documents' own date (default: from the text)")

    p = add("extract", cmd_extract, "print the entities, events and agreements of one document as JSON (stores nothing)",
            "coopnode extract --pretty release.html")
    p.add_argument("file", metavar="FILE", help="text, HTML or Markdown file; - for standard input")
    p.add_argument("--lang", choices=["ru", "zh", "en"], help="the document's language (default: detect)")
    p.add_argument("--published", metavar="YYYY-MM-DD", help="the document's own date")
    p.add_argument("--pretty", action="store_true", help="indent the JSON")

    p = add("entities", cmd_entities, "print organizations, persons and places as JSON Lines", "coopnode entities --type person")
    p.add_argument("--type", choices=["organization", "person", "place"])
    p.add_argument("--output", metavar="FILE")

    p = add("export", cmd_export, "print the whole registry as JSON Lines", "coopnode export --output registry.jsonl")
    p.add_argument("--output", metavar="FILE", help="write to FILE instead of standard output")

    p = add("backup", cmd_backup, "write a consistent snapshot of the data directory (safe while the node runs)",
            "coopnode backup --output /srv/backups/node.tar.gz")
    p.add_argument("--output", metavar="FILE", help="archive path (default: DATA_DIR/backups/coopnode-TIMESTAMP.tar.gz)")

    p = add("restore", cmd_restore, "replace this node's data with a backup archive", "coopnode restore node.tar.gz --force")
    p.add_argument("archive", metavar="ARCHIVE")
    p.add_argument("--force", action="store_true", help="overwrite an existing database")

    _register_extensions(add)
    return parser


def _register_extensions(add: Callable[..., argparse.ArgumentParser]) -> None:
    """Commands of other areas (partnering, events, federation) register themselves here."""
    import importlib

    for module in ("coopnode.web.partnering.cli",):
        try:
            mod = importlib.import_module(module)
        except ModuleNotFoundError:
            continue
        mod.register(add)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return args.func(args)
    except CommandError as exc:
        print(f"coopnode: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
