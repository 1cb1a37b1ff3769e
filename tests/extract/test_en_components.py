"""English components on short texts written for these tests (not taken from any source)."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.extract.helpers import assert_offsets, names, run_components

from coopnode.extract.en import COMPONENTS
from coopnode.extract.types import Doc

SHARED_DEV = Path(__file__).resolve().parents[2] / ".." / "shared" / "eval" / "dev"


def run(text: str, published: str | None = None) -> Doc:
    return run_components(COMPONENTS, text, "en", published)






def test_title_is_not_part_of_the_name_and_becomes_a_position() -> None:
    doc = run("Deputy Minister of Communications and Informatization of the Republic of Belarus "
              "Anton Alekseev met Chinese Ambassador to Belarus Xie Xiaoyong in Minsk.")
    assert {"Anton Alekseev", "Xie Xiaoyong"} <= names(doc, "person")
    titles = {p.person.name: p.title for p in doc.positions if p.person}
    assert titles["Anton Alekseev"].startswith("Deputy Minister of Communications")
    assert titles["Xie Xiaoyong"] == "Chinese Ambassador to Belarus"
    assert "Republic of Belarus" in names(doc, "place")
    assert_offsets(doc)


def test_position_after_the_name_carries_its_organization() -> None:
    doc = run("Speaking to reporters, Li Hua, deputy director of the National Data Administration "
              "(NDA), said the NDA would publish new rules.")
    position = next(p for p in doc.positions if p.person and p.person.name == "Li Hua")
    assert position.title == "deputy director of the National Data Administration"
    assert position.organization is not None
    assert position.organization.name == "National Data Administration"


def test_ministry_names_are_complete_without_article_or_possessive() -> None:
    doc = run("The event was organised by the Ministry of Commerce of the People's Republic of "
              "China and Belarus's Ministry of Foreign Affairs.")
    orgs = names(doc, "organization")
    assert "Ministry of Commerce of the People's Republic of China" in orgs
    assert "Ministry of Foreign Affairs" in orgs
    assert "Belarus" in names(doc, "place")
    assert not any(n.lower().startswith("the ") for n in orgs)
    assert_offsets(doc)


def test_abbreviation_shares_the_spelled_out_name() -> None:
    doc = run("The Eurasian Digital Trade Council (EDTC) met in Kazan. Later the EDTC issued a "
              "statement.")
    edtc = [e for e in doc.entities if e.text == "EDTC"]
    assert len(edtc) == 2
    assert {e.name for e in edtc} == {"Eurasian Digital Trade Council"}


def test_places_get_iso_country_codes() -> None:
    doc = run("Delegations from Brazil, Kazakhstan and Belarus arrived in Urumqi.")
    countries = {e.name: e.country for e in doc.entities if e.type == "place"}
    assert countries["Brazil"] == "BR"
    assert countries["Kazakhstan"] == "KZ"
    assert countries["Belarus"] == "BY"
    assert countries["Urumqi"] == "CN"


def test_venue_named_after_an_exhibition_is_an_organization_not_an_event() -> None:
    doc = run("The forum opened at the Minsk Exhibition Centre on 5 June.")
    assert "Minsk Exhibition Centre" in names(doc, "organization")
    assert [t.type for t in doc.triggers if t.text.lower().startswith("exhibition")] == []


def test_event_triggers_and_planned_wording() -> None:
    doc = run("The ministers met in Beijing on Monday and signed two contracts. "
              "The 2026 BRICS Digital Forum will be held in Xiamen in September.")
    kinds = {(t.text, t.type, t.planned_hint) for t in doc.triggers}
    assert ("met", "meeting", False) in kinds
    assert ("signed", "signing", False) in kinds
    assert ("Forum", "forum", True) in kinds
    assert_offsets(doc)


def test_multilateral_ministers_meeting_is_a_forum() -> None:
    doc = run("The SCO Digital Ministers Meeting took place in Tianjin.")
    assert [t.type for t in doc.triggers if "Meeting" in t.text] == ["forum"]


def test_agreements_get_types_and_clean_titles() -> None:
    doc = run("The parties signed a Memorandum of Understanding on Cooperation in the Digital "
              "Economy between the two ministries and adopted the “Minsk Declaration.” "
              "A roadmap for 2026-2028 was approved.")
    found = {(a.type, a.title) for a in doc.agreements}
    assert ("memorandum", "Memorandum of Understanding on Cooperation in the Digital Economy") in found
    assert ("declaration", "Minsk Declaration") in found
    assert ("roadmap", "roadmap for 2026-2028") in found
    assert_offsets(doc)


def test_unnamed_package_of_agreements_is_not_an_agreement() -> None:
    doc = run("Participants reached various agreements on cooperation in trade and science.")
    assert doc.agreements == []


def test_sentences_do_not_break_after_honorifics() -> None:
    doc = run("Mr. Chen met Dr. Ivanova. They discussed AI.\nNext line here")
    assert [s.text for s in doc.sentences] == [
        "Mr. Chen met Dr. Ivanova.", "They discussed AI.", "Next line here"]


def test_dates_delegate_to_the_shared_date_finder() -> None:
    doc = Doc(text="The talks took place on 3 March 2025.", language="en")
    values = [d.value for d in COMPONENTS.dates(doc)]
    assert values == [] or "2025-03-03" in values


@pytest.mark.skipif(not SHARED_DEV.is_dir(), reason="shared dev set not available")
def test_all_spans_on_the_dev_texts_point_into_the_text() -> None:
    for path in sorted(SHARED_DEV.glob("en_*.txt")):
        assert_offsets(run(path.read_text("utf-8")))


def test_regression_long_office_title_before_the_name_keeps_the_office_whole() -> None:
    doc = run("She met Vice Chairman of the People's Government of Hami Prefecture Li Na. "
              "Belarusian Minister of Communications and Informatization Pavel Orlov said so.")
    assert {"Li Na", "Pavel Orlov"} <= names(doc, "person")
    assert "People's Government of Hami Prefecture" in names(doc, "organization")
    assert not any("Informatization" in n for n in names(doc, "person"))


def test_regression_and_the_separates_two_bodies() -> None:
    doc = run("Engineers from Nordic Cloud and the Kashgar Municipal People's Government attended.")
    assert "Kashgar Municipal People's Government" in names(doc, "organization")
    assert not any(" and the " in n for n in names(doc, "organization"))


def test_a_plain_agreement_right_after_signed_is_kept() -> None:
    doc = run("The two universities signed a cooperation agreement.")
    assert [(a.type, a.title) for a in doc.agreements] == [("agreement", "cooperation agreement")]


def test_news_dateline_is_its_own_sentence() -> None:
    doc = run("MINSK, 9 April (BelTA) - The talks took place on 8 April.\n"
              "TIANJIN, June 30 (Xinhua) -- The forum will open on July 10.")
    assert [s.text for s in doc.sentences] == [
        "MINSK, 9 April (BelTA) -", "The talks took place on 8 April.",
        "TIANJIN, June 30 (Xinhua) --", "The forum will open on July 10."]


def test_organizations_get_the_country_their_name_states() -> None:
    doc = run("The Ministry of Communications and Informatization of Belarus and the Belarusian "
              "Embassy in China took part.")
    countries = {e.name: e.country for e in doc.entities if e.type == "organization"}
    assert countries["Ministry of Communications and Informatization of Belarus"] == "BY"
    assert countries["Belarusian Embassy in China"] == "BY"


def test_a_ministers_position_belongs_to_the_ministry_named_elsewhere() -> None:
    doc = run("Minister of Communications and Informatization of Belarus Pavel Orlov spoke. "
              "The Ministry of Communications and Informatization will host the event.")
    position = next(p for p in doc.positions if p.person and p.person.name == "Pavel Orlov")
    assert position.organization is not None
    assert position.organization.name.startswith("Ministry of Communications and Informatization")


def test_future_in_reported_speech_does_not_make_a_past_event_planned() -> None:
    doc = run("At the forum held on June 5, the minister said cooperation will deepen.")
    assert [(t.text, t.planned_hint) for t in doc.triggers] == [("forum", False)]


def test_regression_names_do_not_run_across_a_full_stop_or_join_two_brands() -> None:
    doc = run("China Mobile and China Telecom signed deals with Rostelecom. The Ministry of "
              "Industry and Information Technology welcomed it.")
    assert {"China Mobile", "China Telecom", "Rostelecom",
            "Ministry of Industry and Information Technology"} <= names(doc, "organization")


def test_title_case_headline_capitals_do_not_make_names() -> None:
    doc = run("Belarus Ministry Meets Xinjiang Delegation To Discuss Digital Cooperation\n"
              "The Ministry of Communications and Informatization of Belarus met a delegation.")
    assert names(doc, "organization") == {"Ministry of Communications and Informatization of Belarus"}
    assert {"Belarus", "Xinjiang"} <= names(doc, "place")


def test_regression_list_of_leaders_each_with_a_title() -> None:
    doc = run("Indian Prime Minister Narendra Modi, Russian President Vladimir Putin and Kazakh "
              "President Kassym-Jomart Tokayev attended.")
    assert {"Narendra Modi", "Vladimir Putin", "Kassym-Jomart Tokayev"} <= names(doc, "person")
    titles = {p.person.name: p.title for p in doc.positions if p.person}
    assert titles["Narendra Modi"] == "Indian Prime Minister"


def test_regression_dateline_with_abbreviated_month_and_title_ending_before_a_verb() -> None:
    doc = run("TIANJIN, Sept. 1 (Xinhua) -- Leaders signed the Agreement on Cooperation in "
              "Artificial Intelligence and decided to set up a bank.")
    assert [s.text for s in doc.sentences][1].startswith("Leaders signed")
    assert [a.title for a in doc.agreements] == ["Agreement on Cooperation in Artificial Intelligence"]


def test_short_and_full_wordings_of_one_declaration_share_the_fullest_title() -> None:
    doc = run("Leaders adopt Kazan Declaration\nThe summit released the 16th BRICS Summit Kazan "
              "Declaration.")
    assert {a.title for a in doc.agreements} == {"16th BRICS Summit Kazan Declaration"}


def test_names_with_accents_and_particles_after_a_title() -> None:
    doc = run("Brazilian President Luiz Inácio Lula da Silva met Chinese Premier Li Qiang. "
              "Lula thanked him.")
    persons = [e for e in doc.entities if e.type == "person"]
    assert {e.name for e in persons} == {"Luiz Inácio Lula da Silva", "Li Qiang"}


def test_regression_abbreviation_in_brackets_closes_a_name() -> None:
    doc = run("The Belarusian State University of Informatics and Radioelectronics (BSUIR) and "
              "Harbin Institute of Technology opened a lab. BSUIR will host students.")
    orgs = names(doc, "organization")
    assert {"Belarusian State University of Informatics and Radioelectronics",
            "Harbin Institute of Technology"} <= orgs
    assert {e.name for e in doc.entities if e.text == "BSUIR"} == {
        "Belarusian State University of Informatics and Radioelectronics"}


def test_quoted_word_inside_a_name_keeps_offsets_and_drops_quotes_from_the_name() -> None:
    doc = run('Residents of the "Silver Lake" Technology Park met on Monday.')
    park = next(e for e in doc.entities if e.type == "organization")
    assert park.text == '"Silver Lake" Technology Park'
    assert park.name == "Silver Lake Technology Park"
    assert_offsets(doc)
