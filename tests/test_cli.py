"""The ``coopnode`` command, run as a user runs it: a separate process with its own data dir."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SEED

pytestmark = pytest.mark.slow


def run(home: Path, *args: str, input: bytes | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k not in ("COOPNODE_DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    environment["COOPNODE_HOME"] = str(home)
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "coopnode.cli", *args], capture_output=True, input=input,
        env=environment, timeout=300,
    )


@pytest.fixture(scope="module")
def node(tmp_path_factory) -> Path:
    home = tmp_path_factory.mktemp("node")
    result = run(home, "init", "--no-input")
    assert result.returncode == 0, result.stderr.decode()
    out = result.stdout.decode()
    assert "password:" in out  # generated and printed for the operator
    return home


def test_help_documents_every_command_with_examples():
    result = run(Path("/tmp"), "--help")
    out = result.stdout.decode()
    for command in ("init", "serve", "ingest", "extract", "entities", "export", "backup", "restore"):
        assert command in out
    assert "examples:" in out
    sub = run(Path("/tmp"), "ingest", "--help").stdout.decode()
    assert "example:" in sub


def test_commands_need_an_initialised_node(tmp_path):
    result = run(tmp_path / "fresh", "export")
    assert result.returncode == 1
    assert b"coopnode init" in result.stderr


@pytest.mark.skipif(not SEED.exists(), reason="shared/seed not beside the checkout")
def test_ingesting_the_seed_twice_stores_one_document_with_provenance(node):
    first = run(node, "ingest", str(SEED))
    second = run(node, "ingest", str(SEED))
    assert first.returncode == 0, first.stderr.decode()
    assert second.returncode == 0
    assert b"already stored" in second.stdout
    records = [json.loads(line) for line in run(node, "export").stdout.decode().splitlines()]
    documents = [r for r in records if r["type"] == "document"]
    assert len(documents) == 1
    assert documents[0]["source"] == str(SEED)
    assert len(documents[0]["sha256"]) == 64
    events = [r for r in records if r["type"] == "event"]
    assert events and all(e["provenance"] for e in events)
    assert all(p["document"] == documents[0]["id"] for e in events for p in e["provenance"])
    people = [r for r in records if r["type"] == "person"]
    alekseev = [p for p in people if p["name"] == "Антон Алексеев"]
    assert alekseev and alekseev[0]["mentions"][0]["status"] == "proposed"
    entities = [json.loads(line) for line in run(node, "entities").stdout.decode().splitlines()]
    assert {e["type"] for e in entities} <= {"organization", "person", "place"}
    urumqi = [e for e in entities if any(n["text"] == "乌鲁木齐" for n in e["names"])]
    assert len(urumqi) == 1 and urumqi[0]["mentions"], "the seed's Урумчи resolves to the gazetteer city"


def test_bad_input_exits_non_zero_with_one_line(node, tmp_path):
    binary = tmp_path / "photo.jpg"
    binary.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 8)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    for target, words in ((binary, b"binary"), (empty, b"empty"), (tmp_path / "nope.txt", b"no such file")):
        result = run(node, "ingest", str(target))
        assert result.returncode == 1
        lines = result.stderr.decode().strip().splitlines()
        assert len(lines) == 1 and words in result.stderr, result.stderr


def test_extract_reads_standard_input(tmp_path):
    text = "5 июня 2026 года Антон Алексеев провел встречу в Минске.".encode()
    result = run(tmp_path, "extract", "-", "--published", "2026-06-05", input=text)
    assert result.returncode == 0, result.stderr.decode()
    out = json.loads(result.stdout)
    assert out["language"] == "ru"
    assert out["published"] == "2026-06-05"


def test_backup_and_restore_bring_back_the_whole_node(node, tmp_path):
    archive = tmp_path / "node.tar.gz"
    assert run(node, "backup", "--output", str(archive)).returncode == 0
    before = run(node, "export").stdout
    other = tmp_path / "other-node"
    restored = run(other, "restore", str(archive))
    assert restored.returncode == 0, restored.stderr.decode()
    assert run(other, "export").stdout == before
    again = run(other, "restore", str(archive))
    assert again.returncode == 1 and b"--force" in again.stderr
