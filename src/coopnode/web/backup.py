"""Backup and restore of a whole node: database, originals, indexes and keys in one archive.

The database snapshot is consistent while the node keeps running: SQLite's online backup API
copies a single transaction-consistent image; on PostgreSQL the records are dumped inside one
REPEATABLE READ transaction.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import shutil
import sqlite3
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.db import connection, transaction

from coopnode import config

FORMAT = "coopnode-backup/1"
FOLDERS = ("originals", "indexes", "keys")


class BackupError(Exception):
    pass


def _is_sqlite() -> bool:
    return settings.DATABASES["default"]["ENGINE"].endswith("sqlite3")


def _snapshot_sqlite(target: Path) -> None:
    source = sqlite3.connect(settings.DATABASES["default"]["NAME"])
    try:
        dest = sqlite3.connect(target)
        with dest:
            source.backup(dest)
        dest.close()
    finally:
        source.close()


def _dump_records(target: Path) -> None:
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        with target.open("w", encoding="utf-8") as out:
            call_command("dumpdata", natural_foreign=True, exclude=["contenttypes", "auth.permission",
                         "sessions", "admin.logentry"], stdout=out, verbosity=0)


def do_backup(output: Path | None = None) -> Path:
    home = config.data_dir()
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    output = output or home / "backups" / f"coopnode-{stamp}.tar.gz"
    output.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        if _is_sqlite():
            db_member = "database.sqlite3"
            _snapshot_sqlite(tmpdir / db_member)
        else:
            db_member = "database.json"
            _dump_records(tmpdir / db_member)
        manifest = {"format": FORMAT, "created": stamp, "database": db_member,
                    "engine": connection.vendor}
        partial = output.with_suffix(output.suffix + ".partial")
        with tarfile.open(partial, "w:gz") as tar:
            data = json.dumps(manifest, indent=2).encode()
            info = tarfile.TarInfo("manifest.json")
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
            tar.add(tmpdir / db_member, arcname=db_member)
            for folder in FOLDERS:
                if (home / folder).exists():
                    tar.add(home / folder, arcname=folder)
        partial.replace(output)
    return output


def _safe_members(tar: tarfile.TarFile) -> list[tarfile.TarInfo]:
    members = []
    for member in tar.getmembers():
        name = Path(member.name)
        if name.is_absolute() or ".." in name.parts or not (member.isfile() or member.isdir()):
            raise BackupError(f"unsafe entry in archive: {member.name}")
        members.append(member)
    return members


def do_restore(archive: Path, *, force: bool = False) -> str:
    if not archive.is_file():
        raise BackupError(f"{archive}: no such file")
    try:
        tar = tarfile.open(archive, "r:gz")
    except (tarfile.TarError, OSError) as exc:
        raise BackupError(f"{archive}: not a coopnode backup archive ({exc})") from exc
    with tar, tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        members = _safe_members(tar)
        tar.extractall(tmpdir, members=members)  # noqa: S202 - members checked above
        manifest_path = tmpdir / "manifest.json"
        if not manifest_path.exists():
            raise BackupError(f"{archive}: not a coopnode backup archive (no manifest)")
        manifest = json.loads(manifest_path.read_text())
        if manifest.get("format") != FORMAT:
            raise BackupError(f"{archive}: unknown backup format {manifest.get('format')!r}")
        home = config.ensure_data_dir()
        db_member = manifest["database"]
        if db_member.endswith(".sqlite3"):
            if not _is_sqlite():
                raise BackupError("this backup holds an SQLite database; the node is configured for "
                                  "PostgreSQL. Unset COOPNODE_DATABASE_URL to restore it.")
            target = Path(settings.DATABASES["default"]["NAME"])
            if target.exists() and not force:
                raise BackupError(f"{target} exists; add --force to replace this node's data")
            connection.close()
            for suffix in ("-wal", "-shm"):
                Path(str(target) + suffix).unlink(missing_ok=True)
            shutil.copyfile(tmpdir / db_member, target)
        else:
            from django.db import connection as conn

            if "registry_entity" in conn.introspection.table_names() and not force:
                raise BackupError("this node already has a database; add --force to replace its data")
            call_command("migrate", interactive=False, verbosity=0)
            call_command("flush", interactive=False, verbosity=0)
            call_command("loaddata", str(tmpdir / db_member), verbosity=0)
        for folder in FOLDERS:
            src = tmpdir / folder
            if src.exists():
                shutil.copytree(src, home / folder, dirs_exist_ok=True)
    return f"restored {archive} (taken {manifest.get('created')}) into {home}"
