"""Finding gazetteer names in running text in Russian (inflected), Chinese and English."""

import time

import pytest

from coopnode.refdata.loader import GazetteerEntry, GazetteerName
from coopnode.resolve.gazetteer import Gazetteer, default_gazetteer


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return default_gazetteer()


def found(gazetteer: Gazetteer, text: str, lang: str) -> list[tuple[str, str]]:
    return [(hit.text, hit.entry.id) for hit in gazetteer.find(text, lang)]


def test_russian_inflected_ministry_and_country(gazetteer):
    text = "Встреча в Министерстве связи и информатизации Республики Беларусь прошла в Минске."
    assert found(gazetteer, text, "ru") == [
        ("Министерстве связи и информатизации Республики Беларусь", "org/BY-MCI"),
        ("Минске", "place/minsk"),
    ]


def test_russian_cases_of_places(gazetteer):
    text = "Делегация Китайской Народной Республики из Синьцзяна прибыла в Урумчи, затем в Уфу."
    assert found(gazetteer, text, "ru") == [
        ("Китайской Народной Республики", "country/CN"),
        ("Синьцзяна", "place/CN-XJ"),
        ("Урумчи", "place/urumqi"),
        ("Уфу", "place/ufa"),
    ]


def test_russian_fleeting_vowel_and_no_false_country(gazetteer):
    hits = found(gazetteer, "Делегация Египта посетила Нигер и китайский павильон.", "ru")
    assert hits == [("Египта", "country/EG")]


def test_both_russian_renderings_of_miit(gazetteer):
    for text in ("с Министерством промышленности и информатизации КНР",
                 "Министерства промышленности и информационных технологий КНР"):
        hits = gazetteer.find(text, "ru")
        assert [h.entry.id for h in hits] == ["org/CN-MIIT"]


def test_chinese_without_word_boundaries_prefers_longest(gazetteer):
    hits = found(gazetteer, "工信部与新疆维吾尔自治区人民政府在乌鲁木齐签署协议，内蒙古代表出席。", "zh")
    assert hits == [
        ("工信部", "org/CN-MIIT"),
        ("新疆维吾尔自治区人民政府", "org/CN-XJ-GOV"),
        ("乌鲁木齐", "place/urumqi"),
        ("内蒙古", "place/CN-NM"),
    ]


def test_english_case_insensitive_whole_words(gazetteer):
    hits = found(gazetteer, "MINSK and Urumqi signed; the SCO secretariat... Minskaya no.", "en")
    assert hits == [("MINSK", "place/minsk"), ("Urumqi", "place/urumqi"), ("SCO secretariat", "org/SCO-SECRETARIAT")]


def test_lowercase_common_words_are_not_countries(gazetteer):
    assert found(gazetteer, "They served roast turkey on fine china.", "en") == []


def test_latin_names_are_found_in_russian_text(gazetteer):
    assert [h.entry.id for h in gazetteer.find("Компания Huawei и партнеры", "ru")] == ["org/huawei"]


def test_lookup_across_languages_and_cases(gazetteer):
    for name in ("Урумчи", "Urumqi", "乌鲁木齐", "урумчи"):
        assert [e.id for e in gazetteer.lookup(name)] == ["place/urumqi"]
    assert [e.id for e in gazetteer.lookup("Синьцзяна", "ru")] == ["place/CN-XJ"]
    assert [e.id for e in gazetteer.lookup("Минсвязи")] == ["org/BY-MCI"]
    assert gazetteer.lookup("Атлантида") == []


def test_a_small_custom_gazetteer_works_without_the_packaged_files():
    entry = GazetteerEntry(
        id="place/test", type="place", kind="city", country="BY", iso=None, parent=None,
        lat=None, lon=None, names=(GazetteerName("Несвиж", "ru", "official"),), sources=(),
    )
    hits = Gazetteer([entry]).find("Гости из Несвижа приехали.", "ru")
    assert [(h.text, h.entry.id) for h in hits] == [("Несвижа", "place/test")]


def test_finding_in_a_page_of_text_is_quick(gazetteer):
    text = ("Министр связи и информатизации Республики Беларусь встретился с делегацией "
            "Синьцзян-Уйгурского автономного района в Минске. ") * 25
    started = time.perf_counter()
    hits = gazetteer.find(text, "ru")
    elapsed = time.perf_counter() - started
    assert len(hits) >= 50
    assert elapsed < 1.0  # generous: a guard against accidental quadratic scans, not a benchmark


def test_nouns_in_vowel_plus_i_keep_their_stem(gazetteer):
    """Regression: "Ханой" was read as an adjective stem and "в Ханое" was missed."""
    assert found(gazetteer, "Форум прошёл в Ханое и Дубае.", "ru") == [
        ("Ханое", "place/hanoi"), ("Дубае", "place/dubai"),
    ]


def test_abbreviated_words_and_closing_quotes(gazetteer):
    assert found(gazetteer, "Talks in St. Petersburg.", "en") == [("St. Petersburg", "place/saint-petersburg")]
    assert found(gazetteer, "резиденты парка «Великий камень» и ПВТ", "ru") == [
        ("Великий камень", "org/BY-GREAT-STONE"), ("ПВТ", "org/BY-HTP")]
    full = "Китайско-белорусского индустриального парка «Великий камень»"
    assert found(gazetteer, f"резиденты {full}.", "ru") == [(full, "org/BY-GREAT-STONE")]


def test_words_seen_before_in_another_case_or_language_do_not_change_hits():
    """The first-word cache is keyed by the word as written and the languages searched: a
    lower-case "china" seen first must not make "China" unfindable, nor the reverse, and a
    Russian search must not leak into an English one."""
    gazetteer = Gazetteer(default_gazetteer().entries)      # a fresh, empty cache
    assert found(gazetteer, "fine china and roast turkey", "en") == []
    assert [h.entry.id for h in gazetteer.find("China and Turkey", "en")] == \
        ["country/CN", "country/TR"]
    assert found(gazetteer, "fine china and roast turkey", "en") == []
    russian = "Делегация Египта посетила Минск, затем министерства Египта."
    first = found(gazetteer, russian, "ru")
    assert first == found(gazetteer, russian, "ru")
    assert ("Египта", "country/EG") in first
