"""Round 2: classes of Chinese text found on new real pages (the sentences are written here).

Each test is one class of text, not one sentence of the pages.
"""

from __future__ import annotations

import pytest

from coopnode.extract import zh_script
from coopnode.extract.types import Doc
from coopnode.extract.zh import COMPONENTS


def run(text: str, published: str = "2024-05-03") -> Doc:
    doc = Doc(text=text, language="zh", published=published)
    doc.sentences = COMPONENTS.sentences(doc)
    doc.entities = COMPONENTS.entities(doc)
    doc.dates = COMPONENTS.dates(doc)
    doc.triggers = COMPONENTS.triggers(doc)
    doc.agreements = COMPONENTS.agreements(doc)
    return doc


def names(doc: Doc, kind: str) -> set[str]:
    return {e.name for e in doc.entities if e.type == kind}


needs_opencc = pytest.mark.skipif(not zh_script.char_table(), reason="OpenCC tables not installed")

TRADITIONAL = "據外交部消息,5月2日,國務委員王東在廣州會見白俄羅斯工業部部長彼得羅夫,雙方簽署《關於加強機械製造合作的諒解備忘錄》。"


@needs_opencc
def test_traditional_text_gives_the_same_items_as_simplified() -> None:
    """A big5 mirror of a mainland release must not lose its names, triggers and documents."""
    doc = run(TRADITIONAL)
    simplified = run(zh_script.simplified_view(TRADITIONAL))
    assert len(doc.entities) == len(simplified.entities) > 0
    assert [t.type for t in doc.triggers] == [t.type for t in simplified.triggers]
    assert len(doc.agreements) == len(simplified.agreements) == 1


@needs_opencc
def test_traditional_names_are_quoted_in_the_original_script() -> None:
    doc = run(TRADITIONAL)
    assert "王東" in names(doc, "person")
    assert "廣州" in names(doc, "place")
    for e in doc.entities:
        assert e.text == TRADITIONAL[e.start:e.end]
    assert "諒解備忘錄" in doc.agreements[0].title


@needs_opencc
def test_one_simplified_character_for_two_traditional_ones() -> None:
    """干 stands for both 乾 and 幹: a name is copied from its own span, not re-mapped."""
    doc = run("幹部交流很重要。會見中,李乾傑部長表示歡迎。")
    assert "李乾傑" in names(doc, "person")


def test_simplified_text_is_left_alone() -> None:
    """Simplified text uses a few characters OpenCC also lists as traditional (乾, 著)."""
    text = "双方著眼长远,在乾安县签署合作协议。"
    assert zh_script.simplified_view(text) == text
