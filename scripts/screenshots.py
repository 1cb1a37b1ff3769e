"""Screenshots of the portal's main pages for the docs: ``docs/screenshots/*.png``.

Starts a throw-away node with the sample press releases (``coopnode init --no-input --sample``),
serves it with ``coopnode serve`` on a free port and photographs it with Debian's Chromium
through Playwright (no browser download).  Run: ``.venv/bin/python scripts/screenshots.py``.
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
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
CHROMIUM = os.environ.get("COOPNODE_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
COOPNODE = str(Path(sys.executable).with_name("coopnode"))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for(url: str, seconds: int = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"server at {url} did not answer")


def shoot(base: str) -> list[Path]:
    from playwright.sync_api import sync_playwright

    OUT.mkdir(parents=True, exist_ok=True)
    shots: list[tuple[str, str, str]] = [
        ("home", "en-US", "/"),
        ("calendar", "zh-CN", "/calendar/?year=2026&month=6"),
        ("search", "en-US", "/search?q=%E4%B9%8C%E9%B2%81%E6%9C%A8%E9%BD%90"),
        ("network", "en-US", "/network/"),
    ]
    saved = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for name, locale, path in shots:
            page = browser.new_page(locale=locale, viewport={"width": 1280, "height": 860})
            page.goto(base + path)
            target = OUT / f"{name}.png"
            page.screenshot(path=str(target), full_page=True)
            saved.append(target)
            if name == "search":  # the city found by its Chinese name, shown in Russian
                href = page.locator('.search-results[data-kind="entity"] li a').first.get_attribute("href")
                ru = browser.new_page(locale="ru-RU", viewport={"width": 1280, "height": 860})
                ru.goto(base + href)
                ru.screenshot(path=str(OUT / "entity.png"), full_page=True)
                saved.append(OUT / "entity.png")
                # the graph of an organization that has partners: Belarus's ministry
                ru.goto(base + "/search?q=Ministry+of+Communications")
                org_href = ru.locator('.search-results[data-kind="entity"] li a').first.get_attribute("href")
                ru.goto(base + org_href + "graph/")
                ru.screenshot(path=str(OUT / "graph.png"), full_page=True)
                saved.append(OUT / "graph.png")
        mobile = browser.new_page(locale="ru-RU", viewport={"width": 390, "height": 844})
        mobile.goto(base + "/")
        mobile.screenshot(path=str(OUT / "home-mobile.png"), full_page=False)
        saved.append(OUT / "home-mobile.png")
        browser.close()
    return saved


def main() -> int:
    home = Path(tempfile.mkdtemp(prefix="coopnode-shots-"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("COOPNODE_")}
    env.update({"COOPNODE_HOME": str(home), "COOPNODE_OPERATOR_USERNAME": "operator",
                "COOPNODE_OPERATOR_PASSWORD": secrets.token_urlsafe(16), "COOPNODE_TASKS_IMMEDIATE": "1"})
    subprocess.run([sys.executable, str(ROOT / "scripts" / "compile_translations.py")], check=True)
    subprocess.run([COOPNODE, "init", "--no-input", "--sample"], env=env, check=True)
    port = free_port()
    server = subprocess.Popen([COOPNODE, "serve", "--host", "127.0.0.1", "--port", str(port)], env=env)
    try:
        base = f"http://127.0.0.1:{port}"
        wait_for(base + "/")
        for path in shoot(base):
            print(path.relative_to(ROOT))
    finally:
        server.terminate()
        server.wait(timeout=20)
        shutil.rmtree(home, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
