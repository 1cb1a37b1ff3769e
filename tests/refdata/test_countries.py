"""Country names outside the hand-written gazetteer come from CLDR (Babel)."""

from __future__ import annotations

from coopnode.extract.pipeline import extract_document
from coopnode.refdata.countries import country_code, country_names


def test_every_working_language_has_names_for_all_countries() -> None:
    for language in ("ru", "zh", "en"):
        names = country_names(language)
        assert len(names) > 240
        assert "EU" not in names.values()


def test_a_country_is_found_under_its_name_in_each_language() -> None:
    assert country_code("Lesotho", "en") == country_code("Лесото", "ru") == \
        country_code("莱索托", "zh") == "LS"
    assert country_code("Atlantis", "en") is None


def _places(text: str, lang: str) -> dict[str, str | None]:
    result = extract_document(text, lang=lang, published="2025-03-01")
    return {e.name: e.country for e in result.entities if e.type == "place"}


def test_a_country_outside_the_gazetteer_is_a_place_with_its_code() -> None:
    assert _places("Officials from Lesotho met Chad Moyo in Pretoria.", "en").get("Lesotho") == "LS"
    assert _places("莱索托代表团访问北京。", "zh").get("莱索托") == "LS"


def test_a_country_name_inside_a_longer_chinese_place_name_is_not_the_country() -> None:
    assert "马里" not in _places("马里兰州代表团访问北京。", "zh")


def test_a_first_name_that_is_also_a_country_stays_part_of_the_person() -> None:
    result = extract_document("Chad Moyo, the Minister of Trade, met the delegation.", lang="en")
    assert "Chad" not in {e.name for e in result.entities if e.type == "place"}
