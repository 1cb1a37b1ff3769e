"""Turning what a user hands in (bytes or text; plain, HTML or Markdown) into plain text.

Everything downstream works on one plain string, so offsets in the output always refer to the
text returned here.  Encodings are detected (press releases still arrive in cp1251 or GB18030),
page boilerplate is removed with trafilatura, Markdown markup with markdown-it, and a leading
``date YYYY-MM-DD`` line is read as the document's dateline and dropped from the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from coopnode.extract.errors import ExtractionInputError

_DATELINE = re.compile(r"\A\ufeff?[ \t]*date[ \t]+(\d{4}-\d{2}-\d{2})[ \t]*\r?\n")
_HTML_HINT = re.compile(r"<(?:!doctype\s+html|html|head|body|div|p|article|meta|title)\b", re.I)
_MD_HINT = re.compile(r"^(?:#{1,6}\s|\*\*|[-*+]\s|>\s|---\s*$)|\[[^\]]+\]\([^)]+\)|\*\*[^*]+\*\*",
                      re.M)


# control characters other than line/tab/page breaks, private-use and lone surrogates
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ue000-\uf8ff\ud800-\udfff]")


@dataclass
class PlainDocument:
    """The plain text of an input and what its markup told us about it."""

    text: str
    title: str | None = None
    published: str | None = None        # from a dateline or HTML metadata
    format: str = "text"                # text | html | markdown


def decode_bytes(data: bytes) -> str:
    """Text of ``data``: UTF-8 when valid, else the encoding charset-normalizer finds.

    Raises ExtractionInputError for empty, binary (NUL bytes, control characters) or
    undecodable input.
    """
    if not data or not data.strip():
        raise ExtractionInputError("empty input: the document has no text")
    if b"\x00" in data[:65536] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ExtractionInputError("binary input: the document contains NUL bytes, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = _detect_and_decode(data)
    _reject_binary_text(text)
    return text


def _detect_and_decode(data: bytes) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200000], cp_isolation=None).best()
    if best is None:
        raise ExtractionInputError("undecodable input: no text encoding fits the bytes")
    try:
        return data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError) as error:
        raise ExtractionInputError(
            f"undecodable input: the bytes are not valid {best.encoding}") from error


def _reject_binary_text(text: str) -> None:
    """Refuse decoded text that is mostly control characters (a binary file that decoded)."""
    sample = text[:20000]
    if not sample.strip():
        raise ExtractionInputError("empty input: the document has no text")
    controls = len(_CONTROL.findall(sample))
    if controls > max(8, len(sample) // 50):
        raise ExtractionInputError("binary input: the document is not text")


def detect_format(text: str, content_type: str | None = None) -> str:
    """``html``, ``markdown`` or ``text``: from the content type when given, else by sniffing."""
    if content_type:
        low = content_type.lower()
        if "html" in low or "xml" in low:
            return "html"
        if "markdown" in low or low.endswith(("md", "mdown")):
            return "markdown"
        if "plain" in low or low == "text":
            return "text"
    head = text[:4000]
    if _HTML_HINT.search(head) and head.count("<") >= 3:
        return "html"
    if len(_MD_HINT.findall(head)) >= 2:
        return "markdown"
    return "text"


def html_to_text(html: str) -> PlainDocument:
    """Main text, title and date of an HTML page (boilerplate removed by trafilatura)."""
    import trafilatura

    result = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                         include_tables=True, favor_recall=True)
    text = title = published = None
    if result is not None:
        get = result.get if isinstance(result, dict) else lambda key: getattr(result, key, None)
        text, title, published = get("text"), get("title"), get("date")
    if not text:
        text = _strip_tags(html)
    if published and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(published)):
        published = None
    return PlainDocument(text=text, title=title or None, published=published, format="html")


def _strip_tags(html: str) -> str:
    try:
        import lxml.html

        root = lxml.html.fromstring(html)
        for bad in root.xpath("//script|//style|//noscript"):
            bad.drop_tree()
        return "\n".join(line.strip() for line in root.text_content().splitlines() if line.strip())
    except Exception:  # noqa: BLE001 - a page lxml cannot parse still gets a crude text
        return re.sub(r"<[^>]+>", " ", html)


def markdown_to_text(markdown: str) -> PlainDocument:
    """Plain text of Markdown: blocks separated by blank lines, inline markup dropped."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").parse(markdown)
    blocks: list[str] = []
    title: str | None = None
    in_heading = False
    for token in tokens:
        if token.type == "heading_open":
            in_heading = True
        elif token.type == "heading_close":
            in_heading = False
        elif token.type in ("inline", "code_block", "fence"):
            if token.type == "inline":
                parts = []
                for child in token.children or []:
                    if child.type in ("text", "code_inline"):
                        parts.append(child.content)
                    elif child.type in ("softbreak", "hardbreak"):
                        parts.append("\n")
                content = "".join(parts).strip()
            else:
                content = token.content.strip()
            if content:
                if in_heading and title is None:
                    title = content
                blocks.append(content)
    return PlainDocument(text="\n\n".join(blocks), title=title, format="markdown")


def split_dateline(text: str) -> tuple[str, str | None]:
    """Drop a first line ``date YYYY-MM-DD`` and return (rest of the text, that date)."""
    match = _DATELINE.match(text)
    if not match:
        return text, None
    return text[match.end():], match.group(1)


def read_input(data: bytes | str, content_type: str | None = None) -> PlainDocument:
    """Plain text and metadata of any supported input (see the module docstring)."""
    text = decode_bytes(data) if isinstance(data, bytes) else data
    if isinstance(data, str):
        if not text.strip():
            raise ExtractionInputError("empty input: the document has no text")
        if "\x00" in text[:65536]:
            raise ExtractionInputError("binary input: the document contains NUL bytes, not text")
        _reject_binary_text(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    text, dateline = split_dateline(text)
    kind = detect_format(text, content_type)
    if kind == "html":
        document = html_to_text(text)
    elif kind == "markdown":
        document = markdown_to_text(text)
    else:
        document = PlainDocument(text=text)
    if dateline:
        document.published = dateline
    if not document.text.strip():
        raise ExtractionInputError("empty input: no text left after removing the markup")
    if document.title is None:
        document.title = _first_line_title(document.text)
    return document


def _first_line_title(text: str) -> str | None:
    """The first line when it looks like a headline (short, no final full stop)."""
    first = text.strip().split("\n", 1)[0].strip()
    letters = sum(ch.isalpha() for ch in first)
    if 10 <= len(first) <= 200 and not first.endswith((".", "。", ":")) and \
            letters >= len(first) // 2:
        return first                      # not a bare date/time line ("12.09.2024 15:37")
    return None
