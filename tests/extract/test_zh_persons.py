"""Round 3: Chinese persons the extractor missed or split on new real pages.

The sentences are written here; each test is one class of text, not one sentence of the pages.
"""

from __future__ import annotations

import pytest
from tests.extract.helpers import names, run_components

from coopnode.extract import zh_script
from coopnode.extract.types import Doc
from coopnode.extract.zh import COMPONENTS

needs_opencc = pytest.mark.skipif(not zh_script.char_table(), reason="OpenCC tables not installed")


def run(text: str, published: str = "2024-05-03") -> Doc:
    return run_components(COMPONENTS, text, "zh", published)


def persons(text: str) -> set[str]:
    return names(run(text), "person")


def test_deputy_chairman_of_a_standing_committee_is_a_title() -> None:
    """委员长 / 副委员长 (NPC Standing Committee) stand before a name like 主席 does."""
    found = persons("5月3日,白俄罗斯总理会见了全国人大常委会副委员长钱立群并交换意见。")
    assert "钱立群" in found
    assert persons("安徽省是钱立群的家乡。") == set()  # no title, no evidence
