"""Reading documents from where an operator points: a file, a folder, or a web address.

Everything here raises :class:`IntakeError` with a one-line message a person understands; nothing
is stored before the bytes have been read completely and checked.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml"}
USER_AGENT = "coopnode/0.1 (+https://example.invalid/coopnode)"


class IntakeError(Exception):
    """Input that cannot be ingested; the message says why, in one line."""


@dataclass(frozen=True)
class SourceItem:
    source: str          # the file name or URL as the user gave it
    kind: str            # file | url | upload | feed | sample
    data: bytes
    content_type: str | None = None


def max_bytes() -> int:
    return int(settings.COOPNODE_MAX_DOCUMENT_BYTES)


def _too_large(size: int) -> IntakeError:
    limit_mb = max_bytes() / (1024 * 1024)
    return IntakeError(f"the document is {size / (1024 * 1024):.1f} MB; the limit is {limit_mb:.0f} MB")


def read_file(path: Path, source: str | None = None) -> SourceItem:
    if not path.exists():
        raise IntakeError(f"{path}: no such file")
    if not path.is_file():
        raise IntakeError(f"{path}: not a regular file")
    size = path.stat().st_size
    if size > max_bytes():
        raise IntakeError(f"{path}: {_too_large(size)}")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise IntakeError(f"{path}: cannot read ({exc.strerror})") from exc
    return SourceItem(source=source or str(path), kind="file", data=data)


def read_url(url: str, timeout: float = 20.0) -> SourceItem:
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            content_type = response.headers.get("Content-Type")
            data = response.read(max_bytes() + 1)
    except urllib.error.HTTPError as exc:
        raise IntakeError(f"{url}: the server answered {exc.code} {exc.reason}") from exc
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise IntakeError(f"{url}: cannot be reached ({reason})") from exc
    if len(data) > max_bytes():
        raise IntakeError(f"{url}: {_too_large(len(data))}")
    return SourceItem(source=url, kind="url", data=data, content_type=content_type)


def iter_sources(target: str) -> Iterator[SourceItem]:
    """The documents behind ``target``: a URL, a file, or every text/HTML file of a folder."""
    if target.startswith(("http://", "https://")):
        yield read_url(target)
        return
    path = Path(target).expanduser()
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES)
        if not files:
            raise IntakeError(f"{target}: the folder holds no .txt, .md or .html files")
        for file in files:
            yield read_file(file)
        return
    yield read_file(path, source=target)
