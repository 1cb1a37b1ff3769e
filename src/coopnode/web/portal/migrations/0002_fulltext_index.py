"""The full-text index over ``SearchEntry.body``, one per database backend.

SQLite: an FTS5 table with ``SearchEntry`` as its external content, kept in step by triggers, so
every insert, update and delete of an entry reaches the index without application code.
PostgreSQL: a GIN index over ``to_tsvector('simple', body)`` ('simple' because the body is already
segmented and normalised for three languages; no stemming dictionary fits all three).
"""

from django.db import migrations

SQLITE_UP = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS portal_search_fts USING fts5("
    "body, content='portal_searchentry', content_rowid='id', "
    "tokenize=\"unicode61 remove_diacritics 2\")",
    "CREATE TRIGGER IF NOT EXISTS portal_searchentry_ai AFTER INSERT ON portal_searchentry BEGIN "
    "INSERT INTO portal_search_fts(rowid, body) VALUES (new.id, new.body); END",
    "CREATE TRIGGER IF NOT EXISTS portal_searchentry_ad AFTER DELETE ON portal_searchentry BEGIN "
    "INSERT INTO portal_search_fts(portal_search_fts, rowid, body) VALUES ('delete', old.id, old.body); END",
    "CREATE TRIGGER IF NOT EXISTS portal_searchentry_au AFTER UPDATE ON portal_searchentry BEGIN "
    "INSERT INTO portal_search_fts(portal_search_fts, rowid, body) VALUES ('delete', old.id, old.body); "
    "INSERT INTO portal_search_fts(rowid, body) VALUES (new.id, new.body); END",
    "INSERT INTO portal_search_fts(portal_search_fts) VALUES ('rebuild')",
]
SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS portal_searchentry_au",
    "DROP TRIGGER IF EXISTS portal_searchentry_ad",
    "DROP TRIGGER IF EXISTS portal_searchentry_ai",
    "DROP TABLE IF EXISTS portal_search_fts",
]
POSTGRES_UP = [
    "CREATE INDEX IF NOT EXISTS portal_searchentry_body_fts ON portal_searchentry "
    "USING GIN (to_tsvector('simple'::regconfig, body))",
]
POSTGRES_DOWN = ["DROP INDEX IF EXISTS portal_searchentry_body_fts"]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for sql in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("portal", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_UP, "postgresql": POSTGRES_UP}),
            _run({"sqlite": SQLITE_DOWN, "postgresql": POSTGRES_DOWN}),
        ),
    ]
