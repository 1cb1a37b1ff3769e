from __future__ import annotations

import pytest

from coopnode.refdata.sectors import (
    LANGUAGES,
    UnknownSectorError,
    children,
    expand_with_parents,
    get_sector,
    load_sectors,
    sector_label,
)


def test_taxonomy_has_two_levels_of_40_to_80_codes():
    sectors = load_sectors()
    assert 40 <= len(sectors) <= 80
    codes = {s.code for s in sectors}
    assert len(codes) == len(sectors), "codes must be unique"
    for s in sectors:
        if s.parent is not None:
            assert s.parent in codes
            assert get_sector(s.parent).parent is None, "only two levels"


def test_every_sector_is_named_and_has_keywords_in_ru_zh_en():
    for s in load_sectors():
        for lang in LANGUAGES:
            assert s.names.get(lang), (s.code, lang)
            assert s.keywords.get(lang), (s.code, lang)


def test_every_top_level_group_has_children():
    for s in load_sectors():
        if s.parent is None:
            assert children(s.code), s.code


def test_sector_label_in_each_language():
    assert sector_label("gov.edoc", "ru") == "Электронный документооборот"
    assert "公文" in sector_label("gov.edoc", "zh")
    assert sector_label("gov.edoc", "en") == "Electronic document workflow"


def test_label_falls_back_to_english_and_unknown_code_renders_as_is():
    assert sector_label("cloud", "pt") == get_sector("cloud").names["en"]
    assert sector_label("no.such.code", "ru") == "no.such.code"


def test_unknown_code_lookup_raises_a_clear_error():
    with pytest.raises(UnknownSectorError, match="unknown sector code"):
        get_sector("no.such.code")


def test_expand_with_parents_adds_the_group():
    assert expand_with_parents(["sec.crypto"]) == {"sec.crypto", "sec"}
