"""Assembly rules that hold in every language: one event per phrase, dates across sentences.

The sentences are written for these tests; each stands for a class of text, not one example.
"""

from __future__ import annotations

from coopnode.extract import extract_document


def events(text: str, lang: str, published: str | None = None) -> list[tuple[str, str | None]]:
    result = extract_document(text, lang=lang, published=published).to_contract()
    return [(e["type"], e["date"]) for e in result["events"]]


def test_a_chinese_meeting_named_again_in_its_sentence_is_one_event():
    text = ("5月12日,中哈合作委员会第九次会议在阿拉木图召开,两国副部长出席并共同主持会议,"
            "双方代表团成员参加了讨论。")
    dated = [e for e in events(text, "zh", "2024-05-13") if e[1]]
    assert len(dated) == 1


def test_a_short_sentence_with_a_story_of_its_own_lends_no_date():
    text = "6月3日,外交部发言人王明主持召开例行记者会。有记者提问,博览会已经开幕,可否介绍情况?"
    assert all(date != "2024-06-03" for kind, date in events(text, "zh", "2024-06-03")
               if kind == "forum")


def test_a_dateline_gives_its_date_to_the_next_sentence():
    text = "КАЗАНЬ, 4 марта. /ТАСС/. Министры двух стран провели переговоры в Кремле."
    assert ("meeting", "2024-03-04") in events(text, "ru", "2024-03-04")


def test_an_upcoming_event_in_a_continuing_sentence_takes_no_date():
    text = ("12 апреля 2024 года в Минске прошла рабочая встреча экспертов. В ходе встречи "
            "участники согласовали программу предстоящего форума по цифровизации.")
    found = events(text, "ru", "2024-04-13")
    assert ("meeting", "2024-04-12") in found
    assert ("forum", "2024-04-12") not in found


def test_a_sentence_listing_dated_stops_gives_one_visit_per_stop():
    text = "Делегация посетила Новосибирск 10 июня 2024 года, Томск 12 июня и Омск 14 июня."
    visits = sorted(d for kind, d in events(text, "ru", "2024-06-20") if kind == "visit")
    assert visits == ["2024-06-10", "2024-06-12", "2024-06-14"]


def test_one_dated_visit_with_a_later_deadline_stays_one_visit():
    text = "The minister visited Delhi on 3 March 2024 to discuss a plan due by 1 July 2025."
    visits = [d for kind, d in events(text, "en", "2024-03-04") if kind == "visit"]
    assert visits == ["2024-03-03"]


def test_the_noun_of_an_opening_phrase_is_the_event_already_reported():
    text = ("On 4 April 2024 the ministers held talks in Baku. After the talks, the minister "
            "visited a data centre.")
    found = events(text, "en", "2024-04-05")
    assert found.count(("meeting", "2024-04-04")) == 1
    assert ("visit", "2024-04-04") in found


def test_a_continuing_sentence_with_a_year_of_its_own_keeps_it():
    text = ("On 4 April 2024 the ministers met in Baku. During the talks they recalled the "
            "agreement the two countries signed in 2015.")
    found = events(text, "en", "2024-04-05")
    assert ("signing", "2024-04-04") not in found


def test_a_chinese_surname_alone_links_to_the_transcribed_full_name():
    text = ("新华社明斯克6月12日电 哈萨克斯坦数字发展部部长叶尔兰·努尔兰诺夫12日在明斯克会见了王明。"
            "努尔兰诺夫表示,双方将加强合作。")
    result = extract_document(text, lang="zh", published="2024-06-13").to_contract()
    persons = [e["name"] for e in result["entities"] if e["type"] == "person"]
    assert "努尔兰诺夫" not in persons
    assert "叶尔兰·努尔兰诺夫" in persons


def test_a_counted_group_of_documents_is_no_agreement():
    text = "On 2 May 2024 the delegations signed 12 MoUs in Kazan."
    result = extract_document(text, lang="en", published="2024-05-03").to_contract()
    assert result["agreements"] == []
