"""Language detection by script ratios and py3langid."""

from __future__ import annotations

from coopnode.extract.language import detect_language


def test_the_three_languages():
    assert detect_language("Министерство связи и информатизации провело встречу с делегацией.") == "ru"
    assert detect_language("工业和信息化部与厦门市人民政府签署合作协议。") == "zh"
    assert detect_language("The ministry held a meeting with a delegation from Xiamen.") == "en"


def test_mixed_text_gets_its_dominant_language():
    text = ("Делегация компании Huawei Technologies и ассоциации BRICS PartNIR обсудила в Минске "
            "проекты цифровой трансформации, подготовку кадров и сотрудничество с городом Сямэнь.")
    assert detect_language(text) == "ru"
    assert detect_language("金砖国家新工业革命伙伴关系创新基地 (BRICS PartNIR Innovation Center) 在厦门") == "zh"


def test_no_letters_is_undetermined():
    assert detect_language("12345 — 678 !!!") == "und"


def test_short_headlines_keep_the_networks_languages():
    assert detect_language("Xiamen hosts BRICS forum") == "en"
    assert detect_language("Встреча в Минске прошла успешно.") == "ru"


def test_other_languages_of_the_same_script_are_still_told_apart():
    assert detect_language("Le ministre a rencontré la délégation chinoise à Minsk hier.") == "fr"
    assert detect_language("Сустрэча ў Мінску прайшла паспяхова, міністр сустрэўся з "
                           "дэлегацыяй.") == "be"
