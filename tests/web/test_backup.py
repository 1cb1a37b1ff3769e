"""A backup taken while the node keeps writing is a consistent snapshot."""

from __future__ import annotations

import sqlite3
import tarfile
import threading

import pytest
from django.db import connection

from coopnode.web.backup import do_backup
from tests.factories import make_org

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_backup_during_writes_is_consistent(tmp_path):
    if connection.vendor != "sqlite":
        pytest.skip("the SQLite snapshot path; PostgreSQL is dumped in one transaction")
    make_org(name_en="Before the backup")
    stop = threading.Event()
    written: list[int] = []

    def keep_writing() -> None:
        from django.db import connection as thread_connection

        i = 0
        while not stop.is_set() and i < 200:
            make_org(name_en=f"Written during the backup {i}")
            written.append(i)
            i += 1
        thread_connection.close()

    writer = threading.Thread(target=keep_writing)
    writer.start()
    try:
        archive = do_backup(tmp_path / "node.tar.gz")
    finally:
        stop.set()
        writer.join()
    with tarfile.open(archive) as tar:
        tar.extract("database.sqlite3", tmp_path, filter="data")
        names = set(tar.getnames())
    assert {"manifest.json", "database.sqlite3"} <= names
    snapshot = sqlite3.connect(tmp_path / "database.sqlite3")
    assert snapshot.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    entities = snapshot.execute("SELECT count(*) FROM registry_entity").fetchone()[0]
    names_rows = snapshot.execute(
        "SELECT count(DISTINCT entity_id) FROM registry_entityname"
    ).fetchone()[0]
    assert entities >= 1
    assert entities == names_rows, "every entity in the snapshot has its names: no half-written create"
