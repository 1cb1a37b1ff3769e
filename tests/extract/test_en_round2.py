"""English wording classes found on new texts (round 2): official lists with initials, two
persons joined by "and" after their titles, meetings held by video link.

Sentences are written for these tests; each stands for a class of text, not one example.
"""

from __future__ import annotations

from coopnode.extract import extract_document


def contract(text: str, published: str = "2024-05-20") -> dict:
    return extract_document(text, lang="en", published=published).to_contract()


def names(text: str, kind: str) -> list[str]:
    return [e["name"] for e in contract(text)["entities"] if e["type"] == kind]


def test_initials_and_surname_after_a_long_title_are_a_person():
    text = ("Deputy Prime Minister of the Republic of Tajikistan B.K. Nurov and Minister of "
            "Transport of the Kyrgyz Republic T. Asanov took part in the session.")
    persons = names(text, "person")
    assert "B.K. Nurov" in persons and "T. Asanov" in persons
    assert not any("Nurov" in n or "Asanov" in n for n in names(text, "organization"))


def test_initials_alone_in_a_list_are_a_person():
    assert names("The session was attended by R.T. Sultanov and D. Kerimova.", "person") \
        == ["R.T. Sultanov", "D. Kerimova"]


def test_dotted_country_abbreviations_are_not_initials():
    assert not any("Army" in n for n in names("The U.S. Army denied the report.", "person"))


def test_a_name_after_a_title_of_place_is_kept_before_and():
    text = ("In Astana, President of Kazakhstan Talgat Serikov and President of Mongolia "
            "Bat Erdene signed a joint statement.")
    persons = names(text, "person")
    assert "Talgat Serikov" in persons and "Bat Erdene" in persons
    assert not any("Serikov" in n for n in names(text, "organization"))


def test_a_meeting_held_by_video_conference_is_one_event():
    text = ("On 3 March 2024, the ninth meeting of the Council of Transport Ministers was held "
            "in a video conference format.")
    dated = [(e["type"], e["date"]) for e in contract(text)["events"] if e["date"]]
    assert len(dated) == 1 and dated[0][1] == "2024-03-03"
