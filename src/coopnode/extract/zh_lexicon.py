"""Word lists and the jieba tokenizer the Chinese components share.

jieba gets a private ``Tokenizer`` (so other code keeps the stock dictionary) whose user words
are the places (``ns``), organizations (``nt``) and titles (``nnt``) from ``data/zh/`` and, when
it is installed, the reference gazetteer.  The tokenizer is built once per process, lazily.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from coopnode.extract.wordlists import (
    LexiconEntry,
    gazetteer_hits,
    hit_fields,
    load_entries,
    load_titles,
)

__all__ = ["LexiconEntry", "entries", "titles", "lexicon_pattern", "tokenize", "gazetteer_hits",
           "hit_fields", "Token"]


@dataclass(frozen=True)
class Token:
    """A jieba word with its part-of-speech flag and offsets into the text."""

    start: int
    end: int
    word: str
    flag: str


def entries() -> dict[str, LexiconEntry]:
    """Surface form -> entry; variants (上合组织, 工信部) point at the full name."""
    return load_entries("zh")


def titles() -> tuple[str, ...]:
    """Titles, longest first."""
    return load_titles("zh")


@lru_cache(maxsize=1)
def lexicon_pattern() -> re.Pattern[str]:
    names = sorted(entries(), key=len, reverse=True)
    return re.compile("|".join(re.escape(n) for n in names))


@lru_cache(maxsize=1)
def _tokenizer() -> Any:
    import jieba
    import jieba.posseg

    logging.getLogger("jieba").setLevel(logging.WARNING)
    jieba.setLogLevel(logging.WARNING)
    base = jieba.Tokenizer()
    base.initialize()
    for name, entry in entries().items():
        base.add_word(name, freq=2000, tag="ns" if entry.type == "place" else "nt")
    for title in titles():
        base.add_word(title, freq=2000, tag="nnt")
    return jieba.posseg.POSTokenizer(base)


@lru_cache(maxsize=16)
def tokenize(text: str) -> tuple[Token, ...]:
    """jieba words with offsets (HMM on, so unknown names come out as words)."""
    tokens: list[Token] = []
    offset = 0
    for pair in _tokenizer().cut(text):
        word, flag = pair.word, pair.flag
        start = text.find(word, offset)
        if start < 0:               # jieba never rewrites text; be safe anyway
            continue
        offset = start + len(word)
        head = _fused_title(word)
        if head:
            # "局局长" -> "局" + "局长": the office closes a name, the title starts a person
            tokens.append(Token(start, start + len(head), head, "n"))
            tokens.append(Token(start + len(head), offset, word[len(head):], "nnt"))
            continue
        tokens.append(Token(start, offset, word, flag))
    return tuple(tokens)


def _fused_title(word: str) -> str | None:
    """The office character jieba glued to a title ("局局长", "部部长"), if any."""
    if len(word) >= 3 and word[0] in "局部厅处司院委办所校社会署" and word[1:] in set(titles()):
        return word[0]
    return None


def is_dictionary_word(word: str) -> bool:
    """Whether jieba's dictionary (with ours added) lists ``word`` as a word.

    A personal name is normally NOT a dictionary word, while look-alikes of a surname and a
    given name are ("常务", "党委", "项目"): this tells them apart before a title.
    """
    return bool(_tokenizer().tokenizer.FREQ.get(word))


def dictionary_tag(word: str) -> str | None:
    """jieba's part-of-speech tag for a dictionary word (``nrt``: a transliterated name)."""
    tag = _tokenizer().word_tag_tab.get(word)
    return str(tag) if tag else None
