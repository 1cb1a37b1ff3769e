"""Person classes found on new English and Russian texts (round 3): titles and honorifics
taken for a person, a full name with patronymic beside the short name, foreign names in an
oblique case.

Sentences are written for these tests; each stands for a class of text, not one example.
"""

from __future__ import annotations

from coopnode.extract import extract_document


def persons(text: str, lang: str, published: str = "2024-05-20") -> list[str]:
    result = extract_document(text, lang=lang, published=published).to_contract()
    return [e["name"] for e in result["entities"] if e["type"] == "person"]


def test_a_title_standing_before_the_name_is_no_person():
    text = ("On March 3, Minister Counsellor of the Embassy of Brazil in Russia Paulo Mendes "
            "spoke at the seminar.")
    found = persons(text, "en")
    assert "Paulo Mendes" in found
    assert not any(n in {"Counsellor", "Minister Counsellor", "Minister"} for n in found)


def test_an_honorific_before_the_name_is_no_person():
    text = ('"We held useful talks with H.E. Mr Oleg Brodsky today," the embassy wrote. '
            "Brodsky later met the press.")
    found = persons(text, "en")
    assert "Oleg Brodsky" in found
    assert not any(n.rstrip(".") in {"Mr", "H.E", "H.E. Mr"} for n in found)


def test_a_name_with_patronymic_and_the_short_name_are_one_person():
    text = ("Губернатор области Игорь Петров встретился с делегацией. Игорь Семёнович Петров "
            "рассказал гостям о планах региона.")
    found = persons(text, "ru")
    assert found == ["Игорь Семёнович Петров"]


def test_an_english_name_with_middle_name_and_the_short_name_are_one_person():
    text = ("Foreign Secretary Rohan Kumar Mehta arrived in Minsk on Monday. "
            "Rohan Mehta met the Belarusian minister the next day.")
    found = persons(text, "en")
    assert found == ["Rohan Kumar Mehta"]


def test_two_people_sharing_a_surname_stay_apart():
    text = ("Министр Игорь Семёнович Петров и его заместитель Анна Петрова обсудили бюджет.")
    found = persons(text, "ru")
    assert len(found) == 2


def test_a_foreign_name_after_colleague_in_the_instrumental_is_put_in_the_nominative():
    text = ("Министр иностранных дел Сергей Орлов встретился со своим бразильским коллегой "
            "Аугустом Мендешем в Москве.")
    assert "Аугуст Мендеш" in persons(text, "ru")


def test_an_indeclinable_foreign_first_name_after_colleague_stays_as_written():
    text = ("Министр провел переговоры со своей коллегой из ЮАР Тандеки Мокоэна в Москве.")
    found = persons(text, "ru")
    assert "Тандеки Мокоэна" in found


def test_an_indian_honorific_is_no_part_of_the_name():
    text = ("The 5th Session of the Joint Working Group was held on May 5, 2022 in New Delhi. "
            "Shri Anil Gupta, Secretary, Department of Telecommunications co-chaired the Indian "
            "side.")
    found = persons(text, "en")
    assert "Anil Gupta" in found
    assert not any(n.startswith("Shri") for n in found)


def test_sri_lanka_keeps_its_name():
    text = "The minister later flew to Sri Lanka for talks on May 6."
    assert not any("Lanka" in n and n != "Sri Lanka" for n in
                   [e["name"] for e in extract_document(text, lang="en").to_contract()["entities"]])


def test_a_body_acronym_with_a_title_is_no_person():
    text = ("The delegation is headed by Sergey Volkov, Minister of the Moscow City Government "
            "and DEEIR Head, heads of the relevant departments of key financial institutions.")
    found = persons(text, "en")
    assert "Sergey Volkov" in found
    assert not any("Head" in n for n in found)


def test_first_name_and_patronymic_without_surname_are_the_person_named_before():
    text = ("Глава агентства Павел Кудрин не поедет в Минск. Павел Андреевич считает, что "
            "вопросы можно решить письменно, сообщила пресс-служба.")
    assert persons(text, "ru") == ["Павел Кудрин"]


def test_first_name_and_patronymic_stay_apart_when_two_people_share_the_first_name():
    text = ("Министр Павел Кудрин и посол Павел Смирнов встретились в Минске. Павел Андреевич "
            "поблагодарил коллег.")
    found = persons(text, "ru")
    assert "Павел Кудрин" in found and "Павел Смирнов" in found


def test_every_author_of_a_byline_block_is_a_person():
    text = ("Digital corridor opens\n\nby Anna Kovaleva\n[Russia] Oleg Sidorenko\n\n"
            "The ministers of Russia and Belarus met in Minsk on May 5, 2024.")
    found = persons(text, "en")
    assert "Anna Kovaleva" in found and "Oleg Sidorenko" in found


def test_a_headline_under_a_byline_is_no_author():
    text = ("By Anna Kovaleva\nBelarus News Digest\nThe ministers met in Minsk on May 5, 2024.")
    found = persons(text, "en")
    assert "Anna Kovaleva" in found
    assert not any("Digest" in n or "Belarus" in n for n in found)


def test_participants_listed_after_an_honorific_are_persons():
    text = ("HE Xiaoming Wang, Vice Minister of Industry, China\n\n"
            "HE Noor Taha Hassan Saleh, Ambassador of Jordan to Brazil\n\n"
            "HE Rini Yusuf, Ambassador of Malaysia to Brazil\n")
    found = persons(text, "en")
    for name in ("Xiaoming Wang", "Noor Taha Hassan Saleh", "Rini Yusuf"):
        assert name in found


def test_an_honorific_before_a_title_or_a_place_is_no_person():
    text = "Mr Vice President, thank you. We met in New Delhi on May 5, 2024."
    assert persons(text, "en") == []
