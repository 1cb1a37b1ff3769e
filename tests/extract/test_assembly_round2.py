"""Assembly rules found on new texts (round 2): one trip per sentence, dates of cited acts,
days named next to weekdays.

Sentences are written for these tests; each stands for a class of text, not one example.
"""

from __future__ import annotations

from coopnode.extract import extract_document


def events(text: str, lang: str, published: str | None = None) -> list[tuple[str, str | None]]:
    result = extract_document(text, lang=lang, published=published).to_contract()
    return [(e["type"], e["date"]) for e in result["events"] if e["date"]]


def test_an_arrival_and_its_visit_are_one_event():
    text = ("The President of Chile arrived in Lima on Tuesday afternoon, beginning a three-day "
            "state visit to Peru.")
    assert events(text, "en", "2024-03-07") == [("visit", "2024-03-05")]


def test_an_arrival_and_its_visit_are_one_event_in_russian():
    text = ("Министр транспорта Чили прибыл в Лиму 12 марта с официальным визитом по "
            "приглашению перуанской стороны.")
    assert events(text, "ru", "2024-03-13") == [("visit", "2024-03-12")]


def test_the_date_of_a_cited_decree_is_not_the_signing_date():
    text = ("На основании постановления Правительства от 3 марта 2024 г. № 155 соглашение "
            "подписал министр финансов.")
    assert ("signing", "2024-03-03") not in events(text, "ru", "2024-03-06")


def test_a_weekday_next_to_a_day_dates_the_planned_session():
    text = ("Протокол будет подписан в ходе заседания межправительственной комиссии в "
            "понедельник, 18 марта, сообщило министерство в субботу.")
    found = events(text, "ru", "2024-03-16")
    assert ("signing", "2024-03-18") in found
    assert all(date != "2024-03-11" for _, date in found)


def test_the_day_before_dates_an_arrival_by_the_meeting():
    text = ("The President met the visiting minister in Santiago on May 21. The minister "
            "arrived in Chile the day before.")
    assert ("visit", "2025-05-20") in events(text, "en", "2025-05-23")


def test_a_name_with_an_acronym_is_the_same_body_as_its_spelled_out_form():
    text = ("Council of Heads of Ports of ALPA Member States\n\nOn 4 May 2024 the meeting of the "
            "Council of Heads of Ports of the Andean Latin Ports Association (ALPA) Member States "
            "was held in Lima.")
    result = extract_document(text, lang="en", published="2024-05-05").to_contract()
    councils = [e["name"] for e in result["entities"] if e["name"].startswith("Council of Heads")]
    assert len(councils) == 1


def test_a_dateline_yields_to_the_date_the_sentence_gives_its_event():
    text = ("Lima, 28 November 2023 (ANDINA): The 5th meeting of the Peru-Chile commission was "
            "held via video conference, on 25 November.")
    found = events(text, "en", "2023-11-28")
    assert any(date == "2023-11-25" for _, date in found)
    assert all(date != "2023-11-28" for _, date in found)


def test_a_dateline_alone_still_dates_its_sentence():
    text = "LIMA, 28 November 2023 (ANDINA): The ministers of Peru and Chile held talks."
    assert ("meeting", "2023-11-28") in events(text, "en", "2023-11-28")


def test_a_dateline_stays_when_the_sentence_gives_only_years():
    text = ("Lima, July 8: The President of Chile arrived in Lima late Monday afternoon, his "
            "first visit to the country since 2019.")
    assert ("visit", "2024-07-08") in events(text, "en", "2024-07-08")


def test_a_meeting_of_a_named_dialogue_is_one_event():
    text = ("On 12 March 2024 the ministers attended the first meeting of the Strategic Dialogue "
            "of Chile and Peru in Lima.")
    dated = events(text, "en", "2024-03-14")
    assert len([d for d in dated if d[1] == "2024-03-12"]) == 1
