"""Checks on what an operator uploads or posts, shared by the operator pages and the API.

Only plain text, HTML and Markdown are press releases; anything else (PDF, Office, images,
archives) is refused by name *and* by content before it is stored.
"""

from __future__ import annotations

from pathlib import Path

from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.urls import NoReverseMatch, reverse

from .sources import TEXT_SUFFIXES, IntakeError, SourceItem, max_bytes

ALLOWED_CONTENT_TYPES = {
    "text/plain", "text/html", "text/markdown", "text/x-markdown", "application/xhtml+xml",
    "application/octet-stream", "",  # browsers send this for unknown suffixes; the content decides
}
BINARY_SIGNATURES = (b"%PDF", b"PK\x03\x04", b"\xd0\xcf\x11\xe0", b"\x89PNG", b"\xff\xd8\xff",
                     b"GIF8", b"\x1f\x8b", b"Rar!", b"7z\xbc\xaf")


class UploadTooLarge(IntakeError):
    """The upload exceeds ``COOPNODE_MAX_DOCUMENT_BYTES`` (HTTP 413)."""


class UnsupportedUpload(IntakeError):
    """The upload is not text, HTML or Markdown (HTTP 415)."""


def limit_text() -> str:
    limit = max_bytes()
    if limit >= 1024 * 1024:
        return f"{limit / (1024 * 1024):.0f} MB"
    return f"{max(1, limit // 1024)} KB"


def check_size(size: int, name: str = "the document") -> None:
    if size > max_bytes():
        raise UploadTooLarge(f"{name} is too large ({size:,} bytes); the limit is {limit_text()}.")


def check_upload(name: str, content_type: str | None, head: bytes) -> None:
    """Refuse a file that is not text, HTML or Markdown, by suffix, declared type and content."""
    suffix = Path(name or "").suffix.lower()
    if suffix not in TEXT_SUFFIXES:
        allowed = ", ".join(sorted(TEXT_SUFFIXES))
        raise UnsupportedUpload(f"{name}: only text, HTML or Markdown files are accepted ({allowed}).")
    declared = (content_type or "").split(";")[0].strip().lower()
    if declared not in ALLOWED_CONTENT_TYPES and not declared.startswith("text/"):
        raise UnsupportedUpload(f"{name}: files of type {declared} are not accepted.")
    if head.startswith(BINARY_SIGNATURES) or (b"\x00" in head[:8192] and not head.startswith((b"\xff\xfe", b"\xfe\xff"))):
        raise UnsupportedUpload(f"{name}: this is a binary file, not text, HTML or Markdown.")


def item_from_upload(uploaded) -> SourceItem:  # type: ignore[no-untyped-def]
    """A checked :class:`SourceItem` from a Django ``UploadedFile``."""
    name = uploaded.name or "upload.txt"
    check_size(uploaded.size or 0, name)
    data = uploaded.read(max_bytes() + 1)
    check_size(len(data), name)
    check_upload(name, getattr(uploaded, "content_type", None), data[:8192])
    return SourceItem(source=name, kind="upload", data=data,
                      content_type=getattr(uploaded, "content_type", None))


def item_from_text(text: str, source: str = "") -> SourceItem:
    data = text.encode("utf-8")
    check_size(len(data), source or "the text")
    return SourceItem(source=source or "pasted text", kind="upload", data=data,
                      content_type="text/plain; charset=utf-8")


TOO_LARGE_ATTRIBUTE = "coopnode_upload_too_large"
DOCUMENT_UPLOAD_URLS = ("intake:ingest_file", "api:upload_document")


def _document_upload_paths() -> set[str]:
    paths = set()
    for name in DOCUMENT_UPLOAD_URLS:
        try:
            paths.add(reverse(name))
        except NoReverseMatch:
            continue
    return paths


class DocumentSizeLimitHandler(FileUploadHandler):
    """Stops reading a document upload as soon as it passes ``COOPNODE_MAX_DOCUMENT_BYTES``.

    Without it Django would first write the whole body to a temporary file — for anyone, since
    the CSRF check parses the form before the view checks the role.  The rest of the body is
    discarded unread-to-disk and the request is marked, so the view answers 413.  Only the
    document upload endpoints are limited; other uploads (e.g. profile imports) keep Django's
    defaults.
    """

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):  # type: ignore[no-untyped-def]
        self.active = self.request is not None and self.request.path in _document_upload_paths()
        return None

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        if getattr(self, "active", False) and start + len(raw_data) > max_bytes():
            setattr(self.request, TOO_LARGE_ATTRIBUTE, self.file_name or "the file")
            raise StopUpload(connection_reset=False)
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None


def too_large_message(name: str) -> str:
    return f"{name} is larger than the limit; the limit is {limit_text()}."


def upload_too_large(request) -> str | None:  # type: ignore[no-untyped-def]
    """The name of the upload the size limit stopped, if any (parses the body if not done yet)."""
    _ = request.FILES
    return getattr(request, TOO_LARGE_ATTRIBUTE, None)
