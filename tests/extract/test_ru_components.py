"""Russian components on short texts written for these tests."""

from __future__ import annotations

import pytest
from tests.extract.helpers import names, run_components

from coopnode.extract.ru import COMPONENTS, chinese_name_nominative
from coopnode.extract.ru_morph import person_nominative, phrase_nominative
from coopnode.extract.types import Doc


def run(text: str, published: str | None = "2026-06-05") -> Doc:
    return run_components(COMPONENTS, text, "ru", published)


@pytest.mark.parametrize(("inflected", "nominative"), [
    ("Министерством связи и информатизации", "Министерство связи и информатизации"),
    ("Министерства промышленности и информатизации", "Министерство промышленности и информатизации"),
    ("Кыргызской Республики", "Кыргызская Республика"),
    ("Республики Индии", "Республика Индия"),
    ("Торгово-промышленной палате", "Торгово-промышленная палата"),
    ("Ассоциации внешней торговли", "Ассоциация внешней торговли"),
    ("КНР", "КНР"),
])
def test_only_the_head_phrase_of_a_name_is_put_in_the_nominative(inflected, nominative):
    assert phrase_nominative(inflected) == nominative


def test_person_names_in_context_cases():
    assert person_nominative("Романа Головченко", "gent") == "Роман Головченко"
    assert person_nominative("А.У.Мамина", "gent") == "А.У.Мамин"
    assert person_nominative("Антон Алексеев", "nomn") == "Антон Алексеев"
    assert chinese_name_nominative("Ли Цяна") == "Ли Цян"
    assert chinese_name_nominative("Юй Синго") == "Юй Синго"


def test_organization_names_are_extended_over_their_genitive_country():
    doc = run("Соглашение подписали представители Министерства иностранных дел Республики "
              "Казахстан и Министерства экономики Кыргызской Республики.")
    orgs = names(doc, "organization")
    assert "Министерство иностранных дел Республики Казахстан" in orgs
    assert "Министерство экономики Кыргызской Республики" in orgs
    assert {"Республика Казахстан", "Кыргызская Республика"} <= names(doc, "place")


def test_persons_with_initials_and_their_titles():
    doc = run("В совещании участвовали Председатель Правительства Российской Федерации "
              "Д.А.Медведев и Премьер-министр Республики Казахстан А.У.Мамин.")
    assert {"Д.А.Медведев", "А.У.Мамин"} <= names(doc, "person")
    titles = {p.person.name: p.title for p in doc.positions if p.person}
    assert titles["А.У.Мамин"] == "Премьер-министр Республики Казахстан"
    assert titles["Д.А.Медведев"] == "Председатель Правительства Российской Федерации"


def test_a_title_in_the_genitive_is_given_in_the_nominative():
    doc = run("Состоялись переговоры заместителя Министра связи и информатизации Республики "
              "Беларусь Татьяны Рускевич с делегацией.")
    position = doc.positions[0]
    assert position.person.name == "Татьяна Рускевич"
    assert position.title.startswith("заместитель Министра связи и информатизации")


def test_event_triggers_and_planned_wording():
    doc = run("Стороны провели переговоры. Церемония открытия состоится 26 июня. "
              "Следующее заседание комиссии пройдет в Казани.")
    found = {(t.type, t.planned_hint) for t in doc.triggers}
    assert ("meeting", False) in found
    assert ("ceremony", True) in found
    assert ("forum", True) in found


def test_a_multilateral_ministerial_meeting_is_a_forum():
    doc = run("Делегация примет участие в совещании министров связи государств-членов ШОС.")
    assert [t.type for t in doc.triggers] == ["forum"]


@pytest.mark.parametrize(("text", "kind", "title"), [
    ("Стороны подписали Меморандум о взаимопонимании в области цифровой экономики.",
     "memorandum", "Меморандум о взаимопонимании в области цифровой экономики"),
    ("Министры одобрили Дорожную карту по развитию сотрудничества в сфере ИКТ и обсудили планы.",
     "roadmap", "Дорожная карта по развитию сотрудничества в сфере ИКТ"),
    ("По итогам принята Декларация о стратегическом партнерстве, сообщает агентство.",
     "declaration", "Декларация о стратегическом партнерстве"),
    ("Было заключено Соглашение о сотрудничестве в области искусственного интеллекта.",
     "agreement", "Соглашение о сотрудничестве в области искусственного интеллекта"),
])
def test_named_agreements(text, kind, title):
    agreement = run(text).agreements[0]
    assert (agreement.type, agreement.title) == (kind, title)


def test_sentences_never_cross_a_line_break():
    doc = run("Заголовок без точки\n5 июня 2026 года прошла встреча. Стороны обсудили планы.")
    assert [s.text for s in doc.sentences] == [
        "Заголовок без точки", "5 июня 2026 года прошла встреча.", "Стороны обсудили планы."]


def test_titles_do_not_swallow_idioms_or_other_people():
    doc = run("Делегация во главе с Министром связи Константином Шульганом прибыла. "
              "Участвовали Министр связи Республики Беларусь Константин Шульган и губернатор "
              "провинции Шэньси Чжао Ган.")
    titles = {(p.person.name, p.title) for p in doc.positions}
    assert ("Чжао Ган", "губернатор провинции Шэньси") in titles
    assert all(not title.startswith("глав") for _name, title in titles)


def test_an_unnamed_lower_case_document_is_not_an_agreement():
    doc = run("Стороны договорились о встрече и подписали договор.")
    assert doc.agreements == []


def test_a_declaration_named_by_a_place_adjective():
    doc = run("По итогам саммита была принята Тяньцзиньская декларация.")
    assert [(a.type, a.title) for a in doc.agreements] == [("declaration", "Тяньцзиньская декларация")]


def test_bodies_before_places_brackets_and_quotes():
    doc = run("Обсуждено Соглашение между Правительством Республики Беларусь и Правительством "
              "Российской Федерации о сотрудничестве в области связи. Министр цифрового развития "
              "Российской Федерации (Минцифры России) и генеральный директор РУП «Белтелеком» "
              "выступили.")
    orgs = names(doc, "organization")
    assert {"Правительство Республики Беларусь", "Правительство Российской Федерации",
            "Минцифры России", "РУП «Белтелеком»"} <= orgs
    assert doc.agreements[0].title == (
        "Соглашение между Правительством Республики Беларусь и Правительством Российской "
        "Федерации о сотрудничестве в области связи")


def test_a_known_first_name_shows_the_case_of_the_surname():
    assert person_nominative("Константина Шульгана", "nomn") == "Константин Шульган"
    assert person_nominative("К.Расулзода", "gent") == "К.Расулзода"


def test_a_title_may_enumerate_with_a_comma():
    doc = run("Встреча с Министром цифрового развития, связи и массовых коммуникаций Российской "
              "Федерации Максутом Шадаевым прошла в Москве.")
    position = next(p for p in doc.positions if p.person.name == "Максут Шадаев")
    assert position.title == ("Министр цифрового развития, связи и массовых коммуникаций "
                              "Российской Федерации")


def test_names_never_run_over_a_line_break():
    doc = run("Участвовал А.П.Оморкулов\n\nМеморандумом предусмотрено сотрудничество.")
    assert "А.П.Оморкулов" in names(doc, "person")
    assert all("\n" not in m.text for m in doc.entities)
