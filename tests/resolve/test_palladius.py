"""Russian (Palladius) spellings of Chinese names read back as pinyin."""

from coopnode.resolve.normalize import name_keys
from coopnode.resolve.palladius import chinese_reading, to_palladius
from coopnode.resolve.resolver import resolve_mention
from tests.resolve.factories import make_person, mention


def test_palladius_rules_for_typical_syllables():
    assert [to_palladius(s) for s in ("jin", "xi", "zhang", "qiang", "si", "xue", "hui")] == [
        "цзинь", "си", "чжан", "цян", "сы", "сюэ", "хуэй",
    ]


def test_russian_spelling_reads_as_pinyin():
    assert chinese_reading("Си Цзиньпин") == "xi jinping"
    assert chinese_reading("Ма Сяодун") == "ma xiaodong"
    assert chinese_reading("Сиань") == "xian"


def test_russian_names_that_are_not_chinese_have_no_reading():
    assert chinese_reading("Антон Алексеев") is None


def test_keys_bridge_russian_chinese_and_pinyin_spellings():
    assert name_keys("Си Цзиньпин") & name_keys("习近平") & name_keys("Xi Jinping")


def test_chinese_official_named_in_russian_links_to_the_registry_entry():
    registry = [make_person("wang", "王毅", lang="zh"), make_person("li", "李强", lang="zh")]
    result = resolve_mention(mention("Ван И", "person", "ru"), registry)
    assert result.decision == "link" and result.best.candidate.id == "wang"
    assert "pinyin" in result.explain()


def test_a_different_syllable_is_a_different_person():
    registry = [make_person("li", "李强", lang="zh")]
    assert resolve_mention(mention("Ли Цзян", "person", "ru"), registry).decision == "new"
