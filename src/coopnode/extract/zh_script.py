"""Traditional Chinese input: read it through a simplified view of the same length.

Why: every Chinese rule, the jieba dictionary, the title list and the gazetteer are written in
simplified characters, so a page in traditional script (Hong Kong, Taiwan and "big5" mirrors of
mainland news such as 據中國商務部消息…) loses almost every name and trigger. Converting character
by character keeps every offset valid, so the components can work on the simplified view while
the mentions they return still quote the original text.

The character table comes from OpenCC's ``TSCharacters`` dictionary (package
``opencc-python-reimplemented``). Without that package the view is the text itself, and
traditional input is read as before.
"""

from __future__ import annotations

import dataclasses
from functools import lru_cache
from pathlib import Path

from coopnode.extract.types import Doc

# share of Han characters that must change before a text counts as traditional: a simplified
# text has a few characters that OpenCC also lists as traditional forms (乾, 著, 瞭 …)
_TRADITIONAL_SHARE = 0.04


@lru_cache(maxsize=1)
def char_table() -> dict[str, str]:
    """Traditional -> simplified, one character to one character; empty without OpenCC data."""
    try:
        import opencc
    except ImportError:
        return {}
    path = Path(opencc.__file__).parent / "dictionary" / "TSCharacters.txt"
    if not path.exists():
        return {}
    table: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) != 2 or len(parts[0]) != 1:
            continue
        candidates = parts[1].split(" ")
        if len(candidates[0]) == 1 and candidates[0] != parts[0]:
            table[parts[0]] = candidates[0]
    return table


@lru_cache(maxsize=1)
def _shared_characters() -> frozenset[str]:
    """Characters that are also written in simplified text: 乾 (干 乾), 於 (于 於), 瞭 (瞭 了).

    They are converted inside a traditional text, but they do not make a text traditional.
    """
    try:
        import opencc
    except ImportError:
        return frozenset()
    path = Path(opencc.__file__).parent / "dictionary" / "TSCharacters.txt"
    shared = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 2 and parts[0] in parts[1].split(" "):
            shared.add(parts[0])
    return frozenset(shared)


def is_traditional(text: str) -> bool:
    """True when enough of the Han characters have a different simplified form."""
    table = char_table()
    han = [c for c in text if "\u4e00" <= c <= "\u9fff"]
    if not han or not table:
        return False
    shared = _shared_characters()
    changed = sum(1 for c in han if c in table and c not in shared)
    return changed / len(han) >= _TRADITIONAL_SHARE


def simplified_view(text: str) -> str:
    """The text with each traditional character replaced by its simplified form (same length)."""
    if not is_traditional(text):
        return text
    table = char_table()
    return "".join(table.get(c, c) for c in text)


def back_mapping(original: str, view: str) -> dict[str, str]:
    """Simplified character -> the character this document writes, read off the aligned texts."""
    return {s: o for o, s in zip(original, view, strict=True) if o != s}


def restore(name: str, mapping: dict[str, str]) -> str:
    """A name built on the simplified view, written back in the document's own characters."""
    return "".join(mapping.get(c, c) for c in name) if mapping else name


def restore_at(name: str, original: str, view: str, start: int, end: int,
               mapping: dict[str, str]) -> str:
    """Like :func:`restore`, but a name read off the span itself is copied from the original.

    Why: one simplified character can stand for two traditional ones in the same document
    (干 for both 乾 in 李乾傑 and 幹 in 幹部), so the character mapping alone can pick the wrong one.
    """
    if not mapping:
        return name
    k = view.find(name, start, end) if name else -1
    if k != -1:
        return original[k:k + len(name)]
    return restore(name, mapping)


def view_doc(doc: Doc) -> tuple[Doc, dict[str, str]]:
    """A copy of ``doc`` whose text is the simplified view, and the mapping back to the original.

    When the text is already simplified, the doc itself and an empty mapping are returned.
    """
    view = simplified_view(doc.text)
    if view == doc.text:
        return doc, {}
    return dataclasses.replace(doc, text=view), back_mapping(doc.text, view)
