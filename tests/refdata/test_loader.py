"""The packaged gazetteer loads, is consistent, and bad files are reported clearly."""

from pathlib import Path

import pytest

from coopnode.refdata.loader import (
    GazetteerError,
    entries_by_id,
    load_files,
    load_gazetteer,
)


def test_every_entry_has_names_in_the_three_working_languages_or_a_note():
    for entry in load_gazetteer():
        langs = {name.lang for name in entry.names}
        assert "en" in langs
        assert langs == {"en", "ru", "zh"} or entry.note, f"{entry.id} lacks ru/zh names"


def test_countries_carry_iso_codes_and_an_existing_capital():
    by_id = entries_by_id()
    countries = [e for e in by_id.values() if e.kind == "country"]
    assert {"CN", "RU", "BY", "IN", "BR", "ZA", "KZ", "UZ"} <= {c.iso for c in countries}
    for country in countries:
        assert country.iso and len(country.iso) == 2 and country.iso == country.country
        assert country.iso3 and len(country.iso3) == 3
        capital = by_id[country.capital]
        assert capital.country == country.iso


def test_places_point_to_parents_in_the_same_country():
    by_id = entries_by_id()
    urumqi = by_id["place/urumqi"]
    assert by_id[urumqi.parent].id == "place/CN-XJ"
    for entry in by_id.values():
        if entry.type == "place" and entry.parent:
            assert by_id[entry.parent].country == entry.country, entry.id


def test_russian_usage_variants_are_all_kept():
    names = {n.text for n in entries_by_id()["org/CN-MIIT"].names if n.lang == "ru"}
    assert "Министерство промышленности и информационных технологий КНР" in names
    assert "Министерство промышленности и информатизации КНР" in names


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_all_problems_are_reported_at_once(tmp_path):
    path = _write(tmp_path, "bad.yaml", """
- id: place/a
  type: place
  kind: city
  parent: place/nowhere
  names: {en: {official: A}, xx: {official: B}}
- id: place/a
  type: place
  kind: planet
  names: {en: {official: A2, nickname: A3}}
""")
    with pytest.raises(GazetteerError) as caught:
        load_files([path])
    message = str(caught.value)
    assert "unknown language code 'xx'" in message
    assert "kind 'planet'" in message
    assert "unknown name kind 'nickname'" in message
    assert "duplicate id" in message
    assert "parent 'place/nowhere'" in message


def test_invalid_yaml_names_the_file(tmp_path):
    path = _write(tmp_path, "broken.yaml", "- id: [unclosed\n")
    with pytest.raises(GazetteerError, match="broken.yaml: not valid YAML"):
        load_files([path])
