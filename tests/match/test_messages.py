from __future__ import annotations

import re

import pytest

from coopnode.match import features as F
from coopnode.match.features import MatchReason
from coopnode.match.messages import render_reason

from .factories import make_profile

CJK = re.compile(r"[\u4e00-\u9fff]")
CYRILLIC = re.compile(r"[а-яА-Я]")


def _all_reasons() -> list[MatchReason]:
    own = make_profile(
        sectors=["gov.edoc"],
        cooperation_types=["licence"],
        country="RU",
        target_countries=["CN"],
        readiness="pilot",
    )
    other = make_profile(
        type="business_request",
        sectors=["gov.edoc"],
        cooperation_types=["licence"],
        country="CN",
        readiness="market",
    )
    return [
        F.semantic(0.61),
        F.sector_overlap(own, other),
        F.cooperation_type(own, other),
        F.target_country(own, other),
        F.complementary_type(own, other),
        F.readiness(own, other),
    ]


@pytest.mark.parametrize("reason", _all_reasons(), ids=lambda r: r.code)
def test_every_reason_renders_in_the_readers_script(reason):
    ru, zh, en = (render_reason(reason, lang) for lang in ("ru", "zh", "en"))
    assert CYRILLIC.search(ru) and not CJK.search(ru)
    assert CJK.search(zh)
    assert not CYRILLIC.search(en) and not CJK.search(en)
    for text in (ru, zh, en):
        assert "{" not in text and "?" not in text


def test_sector_reason_uses_the_sector_name_in_that_language():
    reason = _all_reasons()[1]
    assert "Электронный документооборот" in render_reason(reason, "ru")
    assert "Electronic document workflow" in render_reason(reason, "en")


def test_russian_numbers_use_a_decimal_comma():
    assert "0,61" in render_reason(F.semantic(0.61), "ru")


def test_unknown_language_falls_back_to_english_and_unknown_code_to_the_code():
    assert render_reason(F.semantic(0.5), "pt") == render_reason(F.semantic(0.5), "en")
    assert render_reason(MatchReason("future_feature", 1.0), "ru") == "future_feature"
