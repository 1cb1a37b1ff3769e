"""The whole pipeline: ``extract_document`` and the contract JSON the CLI prints."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coopnode.extract import ExtractionInputError, extract_document

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
SEED = SHARED / "seed" / "000_9c0d123f5dd01e10.txt"

RU_RELEASE = (
    "Министр цифрового развития Кыргызской Республики посетил Китай\n\n"
    "12 марта 2025 года Министр цифрового развития Кыргызской Республики Т.Дуйшенбиев провел "
    "в Пекине переговоры с Министром промышленности и информационных технологий КНР.\n\n"
    "Стороны подписали Соглашение о сотрудничестве в области искусственного интеллекта.\n\n"
    "Следующее заседание межправительственной комиссии состоится в Бишкеке в октябре 2025 года."
)


@pytest.fixture(scope="module")
def seed():
    if not SEED.exists():
        pytest.skip("shared seed press release not available")
    return extract_document(SEED.read_bytes(), source_name=SEED.name)


def by_name(contract: dict, name: str) -> dict:
    return next(e for e in contract["entities"] if e["name"] == name)


def test_seed_press_release_acceptance(seed):
    contract = seed.to_contract()
    assert contract["language"] == "ru"
    assert contract["published"] == "2026-06-05"
    alekseev = by_name(contract, "Антон Алексеев")
    assert alekseev["type"] == "person"
    title = alekseev["positions"][0]
    assert title["title"].startswith("заместитель Министра связи и информатизации")
    ministry = next(e for e in contract["entities"] if e["id"] == title["organization"])
    assert ministry["name"] == "Министерство связи и информатизации Республики Беларусь"
    assert "Минсвязи" in ministry["mentions"]
    miit = [e for e in contract["entities"] if e["name"].startswith("Министерство промышленности")]
    assert len(miit) == 1, "both spellings of MIIT are one entity"
    assert set(miit[0]["mentions"]) >= {
        "Министерства промышленности и информационных технологий КНР",
        "Министерством промышленности и информатизации КНР"}
    events = {(e["type"], e["date"], e["status"]) for e in contract["events"]}
    assert ("meeting", "2026-06-05", "past") in events
    assert ("ceremony", "2026-06-26", "planned") in events
    assert any(e["type"] == "approval" for e in contract["events"])
    ceremony = next(e for e in contract["events"] if e["type"] == "ceremony")
    assert next(e for e in contract["entities"] if e["id"] == ceremony["place"])["name"] == "Урумчи"
    memorandum = contract["agreements"][0]
    assert memorandum["type"] == "memorandum"
    assert memorandum["title"].startswith("Меморандум о взаимопонимании по вопросу стратегического")
    assert set(memorandum["parties"]) == {ministry["id"], miit[0]["id"]}


def test_contract_offsets_and_ids_are_consistent(seed):
    contract = seed.to_contract()
    text = seed.text
    ids = {e["id"] for e in contract["entities"]}
    for entity in contract["entities"]:
        assert entity["type"] in ("person", "organization", "place")
        for (start, end) in entity["spans"]:
            assert text[start:end] in entity["mentions"]
    for event in contract["events"]:
        start, end = event["evidence_span"]
        assert text[start:end].strip() == event["evidence"]
        assert set(event["participants"]) <= ids
        assert event.get("place") is None or event["place"] in ids
        assert event["cameo"].isdigit() and len(event["cameo"]) == 3
    for agreement in contract["agreements"]:
        assert set(agreement["parties"]) <= ids
        start, end = agreement["evidence_span"]
        assert text[start:end].strip() == agreement["evidence"]
    json.dumps(contract, ensure_ascii=False)


def test_a_new_russian_release():
    contract = extract_document(RU_RELEASE).to_contract()
    names = {e["name"] for e in contract["entities"]}
    assert {"Т.Дуйшенбиев", "Кыргызская Республика", "Пекин", "Бишкек"} <= names
    events = {(e["type"], e["date"], e["status"]) for e in contract["events"] if e["date"]}
    assert ("meeting", "2025-03-12", "past") in events
    assert ("forum", "2025-10", "planned") in events
    assert [(a["type"], a["title"]) for a in contract["agreements"]] == [
        ("agreement", "Соглашение о сотрудничестве в области искусственного интеллекта")]


def test_published_given_wins_and_dateline_is_used():
    text = "date 2024-09-12\nВчера в Минске прошли переговоры министров."
    result = extract_document(text)
    assert result.published == "2024-09-12"
    assert not result.text.startswith("date")
    assert [(e.type, e.date) for e in result.events] == [("meeting", "2024-09-11")]
    assert extract_document(text, published="2024-10-01").published == "2024-10-01"


def test_lang_overrides_detection():
    assert extract_document("Встреча в Минске", lang="ru").language == "ru"
    assert extract_document("Minsk meeting of ministers", lang="ru").language == "ru"


def test_cp1251_bytes_and_html_input():
    result = extract_document(RU_RELEASE.encode("cp1251"))
    assert result.text == RU_RELEASE
    html = ("<html><head><title>Визит</title>"
            '<meta property="article:published_time" content="2025-03-13"></head><body>'
            + "".join(f"<p>{p}</p>" for p in RU_RELEASE.split("\n\n")) + "</body></html>")
    result = extract_document(html.encode("utf-8"), content_type="text/html")
    assert result.published == "2025-03-13"
    assert "<p>" not in result.text and "Бишкеке" in result.text


def test_unknown_language_gives_a_valid_empty_result():
    result = extract_document("Ny kaominina dia nanao fivoriana tamin'ny alarobia.")
    contract = result.to_contract()
    assert set(contract) >= {"language", "entities", "events", "agreements"}
    assert extract_document("12345 67890 !!!").language == "und"


@pytest.mark.parametrize("data", [b"", b"\x00\x01\x02binary", "   "])
def test_bad_input_raises_the_input_error(data):
    with pytest.raises(ExtractionInputError):
        extract_document(data)


def test_a_missing_language_module_falls_back(monkeypatch):
    from coopnode.extract import pipeline

    pipeline.load_components.cache_clear()
    monkeypatch.setattr(pipeline.importlib, "import_module",
                        lambda name: (_ for _ in ()).throw(ImportError(name)))
    try:
        result = extract_document("5 июня 2026 года прошла встреча.", lang="ru")
        assert result.events == [] and result.published == "2026-06-05"
    finally:
        pipeline.load_components.cache_clear()


def test_a_failing_component_stage_does_not_lose_the_document(monkeypatch):
    from coopnode.extract import ru

    monkeypatch.setattr(ru.RussianComponents, "triggers",
                        lambda self, doc: (_ for _ in ()).throw(RuntimeError("boom")))
    result = extract_document(RU_RELEASE)
    assert result.events == []
    assert any(e.name == "Пекин" for e in result.entities)


def test_a_long_document_is_handled_in_linear_pieces():
    body = (RU_RELEASE + "\n\n") * 40            # ~20 000 words of repeated releases
    result = extract_document(body)
    peking = [e for e in result.entities if e.name == "Пекин"]
    assert len(peking) == 1 and len(peking[0].mentions) == 40


def test_a_five_megabyte_text_in_an_unknown_language_works():
    text = "Lorem ipsum dolor sit amet, 2024. " * 160_000
    assert len(text) > 5_000_000
    result = extract_document(text, lang="la")
    assert result.language == "la"


def test_a_deadline_is_not_the_date_of_an_event():
    result = extract_document("Саммит утвердил Стратегию развития до 2035 года.", lang="ru",
                              published="2025-09-01")
    assert all(event.date != "2035" for event in result.events)


def test_the_parties_of_an_agreement_between_two_bodies_are_those_bodies():
    text = ("Стороны обсудили Соглашение между Правительством Республики Беларусь и "
            "Правительством Российской Федерации о сотрудничестве в области связи, а также "
            "заседание Совета Министров ЕАЭС.")
    contract = extract_document(text, lang="ru").to_contract()
    names = {e["id"]: e["name"] for e in contract["entities"]}
    parties = {names[p] for p in contract["agreements"][0]["parties"]}
    assert parties == {"Правительство Республики Беларусь", "Правительство Российской Федерации"}


def test_a_language_tag_with_a_region_uses_its_language():
    assert extract_document("Встреча в Минске", lang="ru-RU").language == "ru"
    assert extract_document("厦门会议", lang="zh_CN").language == "zh"


def test_a_title_links_to_an_organization_known_by_its_short_form():
    text = ("В Минсвязи прошла встреча. Заместитель Министра связи и информатизации "
            "Республики Беларусь Антон Алексеев принял делегацию.")
    contract = extract_document(text, lang="ru").to_contract()
    alekseev = next(e for e in contract["entities"] if e["name"] == "Антон Алексеев")
    ministry = next(e for e in contract["entities"] if "Минсвязи" in e["mentions"])
    assert alekseev["positions"][0]["organization"] == ministry["id"]
