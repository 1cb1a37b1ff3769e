"""Normalisation agrees with the scorer; transliteration and keys bridge scripts."""

from coopnode.resolve.normalize import name_keys, normalize, transliterate


def test_normalize_folds_case_yo_and_punctuation():
    assert normalize("  Партнёрство «БРИКС»—PartNIR! ") == "партнерство брикс partnir"
    assert normalize("People's  Republic") == "people s republic"
    assert normalize("") == ""


def test_transliterate_cyrillic_to_press_latin():
    assert transliterate("Антон Алексеев") == "Anton Alekseev"
    assert transliterate("Щукин Юрий") == "Shchukin Yuriy"


def test_transliterate_han_to_pinyin_and_strip_diacritics():
    assert transliterate("乌鲁木齐") == "wu lu mu qi"
    assert transliterate("São Paulo Ürümqi") == "Sao Paulo Urumqi"


def test_same_person_in_two_scripts_shares_a_key():
    assert name_keys("Антон Алексеев", "ru") & name_keys("Anton Alekseev", "en")
    assert name_keys("Алексеев Антон", "ru") & name_keys("Anton Alexeev", "en")


def test_chinese_name_meets_its_pinyin_spelling():
    assert name_keys("习近平", "zh") & name_keys("Xi Jinping", "en")


def test_unrelated_names_share_no_key():
    assert not name_keys("Антон Алексеев") & name_keys("Andrei Alekseenko")


def test_russian_e_spelled_ye_still_meets():
    assert name_keys("Yelena Smirnova") & name_keys("Елена Смирнова")
    assert name_keys("Sergeyev") & name_keys("Сергеев")
