"""Language-independent assembly on hand-made mentions (no models needed)."""

from __future__ import annotations

from coopnode.extract.assembly import (
    assemble_agreements,
    assemble_events,
    cameo_code,
    group_entities,
    is_abbreviation,
)
from coopnode.extract.types import (
    AgreementMention,
    DateMention,
    Doc,
    EntityMention,
    EventTrigger,
    Span,
)


def mention(text: str, doc_text: str, kind: str, name: str | None = None, nth: int = 0,
            **extra) -> EntityMention:
    start = -1
    for _ in range(nth + 1):
        start = doc_text.index(text, start + 1)
    return EntityMention(start, start + len(text), text, type=kind, name=name or text, **extra)


def span_of(text: str, doc_text: str, cls=Span, nth: int = 0, **extra):
    start = -1
    for _ in range(nth + 1):
        start = doc_text.index(text, start + 1)
    return cls(start, start + len(text), text, **extra)


def test_abbreviations():
    assert is_abbreviation("ШОС", "Шанхайская организация сотрудничества")
    assert is_abbreviation("КНР", "Китайская Народная Республика")
    assert is_abbreviation("Минсвязи", "Министерство связи и информатизации Республики Беларусь")
    assert is_abbreviation("МИД", "Министерство иностранных дел")
    assert is_abbreviation("SCO", "Shanghai Cooperation Organization")
    assert not is_abbreviation("МИД", "Министерство связи и информатизации")
    assert not is_abbreviation("ШОС", "Совет глав правительств")


def test_surname_initials_and_inflected_forms_join_the_full_name():
    text = "Антон Алексеев провел встречу. Алексеев отметил. А.Алексеев подчеркнул. Ли Цяна и Ли Цян."
    doc = Doc(text=text, language="ru", entities=[
        mention("Антон Алексеев", text, "person"),
        mention("Алексеев", text, "person", nth=1),
        mention("А.Алексеев", text, "person"),
        mention("Ли Цяна", text, "person"),
        mention("Ли Цян", text, "person", nth=1),
    ])
    entities, _ = group_entities(doc)
    assert sorted(e.name for e in entities) == ["Антон Алексеев", "Ли Цян"]
    alekseev = next(e for e in entities if e.name == "Антон Алексеев")
    assert len(alekseev.mentions) == 3


def test_a_surname_shared_by_two_people_is_not_joined():
    text = "Иван Петров и Олег Петров встретились. Петров заявил."
    doc = Doc(text=text, language="ru", entities=[
        mention("Иван Петров", text, "person"), mention("Олег Петров", text, "person"),
        mention("Петров", text, "person", nth=2)])
    entities, _ = group_entities(doc)
    assert len(entities) == 3


def test_one_entity_for_an_organization_named_in_several_ways():
    text = ("Минсвязи сообщает. Министерство связи и информатизации Республики Беларусь и "
            "Министерство промышленности и информационных технологий КНР, а также Министерство "
            "промышленности и информатизации КНР. Шанхайская организация сотрудничества (ШОС); ШОС.")
    doc = Doc(text=text, language="ru", entities=[
        mention("Минсвязи", text, "organization"),
        mention("Министерство связи и информатизации Республики Беларусь", text, "organization",
                country="BY"),
        mention("Республики Беларусь", text, "place", name="Республика Беларусь", country="BY"),
        mention("Министерство промышленности и информационных технологий КНР", text,
                "organization", country="CN"),
        mention("Министерство промышленности и информатизации КНР", text, "organization",
                country="CN"),
        mention("КНР", text, "place", nth=1, country="CN"),
        mention("Шанхайская организация сотрудничества (ШОС)", text, "organization",
                name="Шанхайская организация сотрудничества", abbreviation="ШОС"),
        mention("ШОС", text, "organization", nth=1),
    ])
    entities, _ = group_entities(doc)
    orgs = sorted(e.name for e in entities if e.type == "organization")
    assert orgs == [
        "Министерство промышленности и информационных технологий КНР",
        "Министерство связи и информатизации Республики Беларусь",
        "Шанхайская организация сотрудничества",
    ]


def test_events_take_the_date_of_their_clause_and_a_status():
    text = ("5 июня 2026 года министр провел встречу в Минске. "
            "Церемония состоится в Урумчи 26 июня 2026 года. Стороны поблагодарили за встречу.")
    sentences = [span_of("5 июня 2026 года министр провел встречу в Минске.", text),
                 span_of("Церемония состоится в Урумчи 26 июня 2026 года.", text),
                 span_of("Стороны поблагодарили за встречу.", text)]
    doc = Doc(text=text, language="ru", published="2026-06-05", sentences=sentences,
              entities=[mention("Минске", text, "place", name="Минск"),
                        mention("Урумчи", text, "place")],
              dates=[span_of("5 июня 2026 года", text, DateMention, value="2026-06-05"),
                     span_of("26 июня 2026 года", text, DateMention, value="2026-06-26")],
              triggers=[span_of("встречу", text, EventTrigger, type="meeting"),
                        span_of("Церемония", text, EventTrigger, type="ceremony",
                                planned_hint=True),
                        span_of("встречу", text, EventTrigger, nth=1, type="meeting")])
    entities, index = group_entities(doc)
    events = assemble_events(doc, entities, index)
    summary = [(e.type, e.date, e.status) for e in events]
    assert summary == [("meeting", "2026-06-05", "past"), ("ceremony", "2026-06-26", "planned")]
    urumqi = next(e for e in entities if e.name == "Урумчи")
    assert events[1].place == urumqi.id
    assert events[1].cameo == "050" and events[0].cameo == "040"
    assert text[slice(*events[0].evidence_span)].strip() == events[0].evidence


def test_cameo_codes():
    assert cameo_code("signing", "past", "") == "057"
    assert cameo_code("meeting", "planned", "") == "036"
    assert cameo_code("meeting", "past", "провели переговоры") == "046"
    assert cameo_code("visit", "past", "The mayor hosted the delegation") == "043"


def test_agreement_mentions_merge_and_parties_come_from_the_sentence():
    text = ("Подписан меморандум о сотрудничестве в области ИКТ. Так, между Министерством связи и "
            "Министерством промышленности подписан меморандум о сотрудничестве в области "
            "информационно-коммуникационных технологий. Меморандумом предусмотрено многое.")
    sentences = [span_of("Подписан меморандум о сотрудничестве в области ИКТ.", text),
                 Span(text.index("Так"), text.index("Меморандумом") - 1,
                      text[text.index("Так"):text.index("Меморандумом") - 1]),
                 span_of("Меморандумом предусмотрено многое.", text)]
    first = span_of("меморандум о сотрудничестве в области ИКТ", text, AgreementMention,
                    type="memorandum", title="Меморандум о сотрудничестве в области ИКТ")
    long_text = ("меморандум о сотрудничестве в области информационно-коммуникационных "
                 "технологий")
    second = span_of(long_text, text, AgreementMention, type="memorandum",
                     title="Меморандум" + long_text[len("меморандум"):])
    bare = span_of("Меморандумом", text, AgreementMention, type="memorandum", title="Меморандум")
    doc = Doc(text=text, language="ru", sentences=sentences, agreements=[first, second, bare],
              entities=[mention("Министерством связи", text, "organization",
                                name="Министерство связи"),
                        mention("Министерством промышленности", text, "organization",
                                name="Министерство промышленности")])
    _entities, index = group_entities(doc)
    agreements = assemble_agreements(doc, index)
    assert len(agreements) == 1
    assert agreements[0].title.endswith("информационно-коммуникационных технологий")
    assert len(agreements[0].parties) == 2
