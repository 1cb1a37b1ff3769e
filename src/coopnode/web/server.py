"""``coopnode serve``: the portal and API behind gunicorn, a production WSGI server."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import Any

from gunicorn.app.base import BaseApplication


class NodeServer(BaseApplication):  # type: ignore[misc]
    def __init__(self, options: dict[str, Any]) -> None:
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            if key in self.cfg.settings and value is not None:
                self.cfg.set(key, value)

    def load(self) -> Any:
        from coopnode.web.wsgi import application

        return application


def start_worker() -> subprocess.Popen[bytes]:
    """The background task consumer (huey): feed polling, matching, expiry notices."""
    return subprocess.Popen([sys.executable, "-m", "coopnode.cli", "worker"])


def run_server(*, host: str, port: int, workers: int = 2, with_worker: bool = True) -> int:
    display_host = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    allowed = os.environ.get("COOPNODE_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
    if host not in ("0.0.0.0", "::") and host not in allowed.split(","):
        os.environ["COOPNODE_ALLOWED_HOSTS"] = f"{allowed},{host}"
    elif host in ("0.0.0.0", "::"):
        os.environ.setdefault("COOPNODE_ALLOWED_HOSTS", "*")
    print(f"coopnode is running: open http://{display_host}:{port}/  (Ctrl+C stops it)", flush=True)
    worker = start_worker() if with_worker else None
    try:
        _serve(host, port, workers)
    finally:
        if worker is not None:
            worker.terminate()
            try:
                worker.wait(timeout=10)
            except subprocess.TimeoutExpired:
                worker.kill()
    return 0


def _serve(host: str, port: int, workers: int) -> None:
    NodeServer(
        {
            "bind": f"[{host}]:{port}" if ":" in host else f"{host}:{port}",
            "workers": workers,
            "threads": 4,
            "timeout": 120,
            "accesslog": os.environ.get("COOPNODE_ACCESS_LOG"),
            "errorlog": "-",
            "loglevel": "warning",
            "preload_app": True,
        }
    ).run()
