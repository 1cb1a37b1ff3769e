"""A real node for browser tests: a fresh data directory, ``coopnode init --no-input``, then
``coopnode serve`` (gunicorn) on a free port, driven by Debian's Chromium through Playwright.

Nothing here downloads a browser: Chromium comes from the system (``/usr/bin/chromium`` or
``$COOPNODE_CHROMIUM``); without it the browser tests skip.
"""

from __future__ import annotations

import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
SHARED = (REPO_ROOT.parent / "shared").resolve()
SEED = SHARED / "seed" / "000_9c0d123f5dd01e10.txt"
CHROMIUM = os.environ.get("COOPNODE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
STARTUP_SECONDS = 90


@dataclass(frozen=True)
class Node:
    url: str
    home: Path
    username: str
    password: str
    env: dict[str, str]

    def cli(self, *args: str, timeout: int = 300) -> subprocess.CompletedProcess[str]:
        """Run ``coopnode <args>`` against this node's data directory."""
        return subprocess.run(
            [_coopnode(), *args], env=self.env, capture_output=True, text=True, timeout=timeout,
            check=True,
        )


def _coopnode() -> str:
    beside = Path(sys.executable).with_name("coopnode")
    return str(beside) if beside.exists() else (shutil.which("coopnode") or "coopnode")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_until_up(url: str, server: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"coopnode serve exited early:\n{log.read_text(errors='replace')[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.5)
    raise RuntimeError(f"coopnode serve did not answer within {STARTUP_SECONDS}s")


@pytest.fixture(scope="session")
def node() -> Iterator[Node]:
    home = Path(tempfile.mkdtemp(prefix="coopnode-browser-"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("COOPNODE_")}
    env.update({
        "COOPNODE_HOME": str(home),
        "COOPNODE_OPERATOR_USERNAME": os.environ.get("COOPNODE_OPERATOR_USERNAME", "operator"),
        "COOPNODE_OPERATOR_PASSWORD": os.environ.get("COOPNODE_OPERATOR_PASSWORD", secrets.token_urlsafe(16)),
        "COOPNODE_TASKS_IMMEDIATE": "1",
        "COOPNODE_SECRET_KEY": secrets.token_urlsafe(40),
    })
    if os.environ.get("COOPNODE_DATABASE_URL_BROWSER"):
        env["COOPNODE_DATABASE_URL"] = os.environ["COOPNODE_DATABASE_URL_BROWSER"]
    subprocess.run([sys.executable, str(REPO_ROOT / "scripts" / "compile_translations.py")], check=True)
    subprocess.run([_coopnode(), "init", "--no-input"], env=env, check=True, timeout=600,
                   capture_output=True)
    port = _free_port()
    log = home / "serve.log"
    with log.open("wb") as out:
        server = subprocess.Popen(
            [_coopnode(), "serve", "--host", "127.0.0.1", "--port", str(port)],
            env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(url + "/", server, log)
        yield Node(url, home, env["COOPNODE_OPERATOR_USERNAME"], env["COOPNODE_OPERATOR_PASSWORD"], env)
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        shutil.rmtree(home, ignore_errors=True)


@pytest.fixture(scope="session")
def browser():  # type: ignore[no-untyped-def]
    if not Path(CHROMIUM).exists():
        pytest.skip(f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def context_factory(browser):  # type: ignore[no-untyped-def]
    """New, isolated browser contexts (own cookies), e.g. ``context_factory(locale="ru-RU")``."""
    contexts = []

    def make(**kwargs):  # type: ignore[no-untyped-def]
        kwargs.setdefault("locale", "en-US")
        context = browser.new_context(**kwargs)
        context.set_default_timeout(20_000)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(context_factory):  # type: ignore[no-untyped-def]
    return context_factory().new_page()
