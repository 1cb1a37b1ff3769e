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

