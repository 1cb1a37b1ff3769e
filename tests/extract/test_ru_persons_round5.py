"""Round 5: women's surnames the dictionary does not know, and instrumental names without
context (sentences written here)."""

from __future__ import annotations

import pytest

from coopnode.extract import ru_morph
from coopnode.extract.pipeline import extract_document


def _persons(text: str) -> set[str]:
    result = extract_document(text, lang="ru", published="2025-03-01")
    return {e.name for e in result.entities if e.type == "person"}


@pytest.mark.parametrize("text", [
    "Юлия Шапкина рассказала о проекте.",
    "Директор департамента Юлия Шапкина отметила рост экспорта.",
    "Встреча прошла с участием Юлии Шапкиной.",
])
def test_a_womans_surname_the_dictionary_does_not_know_stays_a_womans(text: str) -> None:
    assert _persons(text) == {"Юлия Шапкина"}


def test_the_genitive_of_a_mans_name_is_still_read_as_his() -> None:
    assert _persons("Подарок от Юлия Шапкина получил музей.") == {"Юлий Шапкин"}


def test_chinese_names_still_lose_their_russian_endings() -> None:
    assert "Ли Цян" in _persons("Премьер Госсовета КНР Ли Цян встретился с делегацией. "
                                "Переговоры с Ли Цяном прошли в Пекине.")


def test_an_instrumental_surname_ending_puts_the_whole_name_in_the_nominative() -> None:
    assert ru_morph.person_nominative("Нурымбетом Сактагановым") == "Нурымбет Сактаганов"
