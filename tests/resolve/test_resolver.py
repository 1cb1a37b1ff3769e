"""Resolving mentions against registry candidates: the equivalences users rely on."""

from pathlib import Path

import pytest

from coopnode.resolve.evaluate import evaluate, load_labelled
from coopnode.resolve.resolver import (
    LINK,
    REVIEW,
    InMemoryCandidateSource,
    index_keys,
    resolve_mention,
    resolve_with_source,
    with_alias,
)
from tests.resolve.factories import make_org, make_person, make_place, mention


@pytest.mark.parametrize("text,lang", [("Урумчи", "ru"), ("乌鲁木齐", "zh"), ("Urumqi", "en")])
def test_urumqi_in_three_scripts_links_through_the_gazetteer(text, lang):
    registry = [make_place("urumqi", "乌鲁木齐", lang="zh"), make_place("xiamen", "厦门", lang="zh")]
    result = resolve_mention(mention(text, "place", lang), registry)
    assert result.decision == "link"
    assert result.best.candidate.id == "urumqi"


def test_person_across_scripts_links_by_transliteration():
    registry = [make_person("alekseev", "Anton Alekseev", lang="en"),
                make_person("ivanov", "Ivan Ivanov", lang="en")]
    result = resolve_mention(mention("Антон Алексеев", "person", "ru"), registry)
    assert result.decision == "link" and result.best.candidate.id == "alekseev"


def test_inflected_person_mention_links_to_nominative_name():
    registry = [make_person("alekseev", "Антон Алексеев")]
    result = resolve_mention(mention("Антона Алексеева", "person", "ru"), registry)
    assert result.decision == "link"


@pytest.mark.parametrize("text,lang", [
    ("Министерство промышленности и информатизации КНР", "ru"),
    ("Министерство промышленности и информационных технологий КНР", "ru"),
    ("工业和信息化部", "zh"),
    ("MIIT", "en"),
])
def test_every_name_of_miit_links_to_the_same_entity(text, lang):
    registry = [
        make_org("miit", "Министерство промышленности и информационных технологий КНР", country="CN"),
        make_org("mofcom", "Ministry of Commerce of the People's Republic of China", lang="en", country="CN"),
    ]
    result = resolve_mention(mention(text, "organization", lang), registry)
    assert result.decision == "link" and result.best.candidate.id == "miit"


def test_minsvyazi_is_the_belarusian_ministry(belarus_ministries):
    result = resolve_mention(mention("Минсвязи", "organization", "ru"), belarus_ministries)
    assert result.decision == "link" and result.best.candidate.id == "mci"


def test_minsvyazi_is_recognised_as_a_shortening_even_without_the_gazetteer(belarus_ministries):
    result = resolve_mention(
        mention("Минсвязи", "organization", "ru"), belarus_ministries, use_gazetteer=False
    )
    assert result.best.candidate.id == "mci"
    assert result.decision in ("link", "review")


def test_two_ministries_of_one_country_are_not_linked(belarus_ministries):
    mfa_only = [c for c in belarus_ministries if c.id == "mfa"]
    result = resolve_mention(
        mention("Министерство связи и информатизации Республики Беларусь", "organization", "ru"),
        mfa_only,
    )
    assert result.decision == "new"


def test_unknown_ministry_of_a_known_country_is_new(belarus_ministries):
    result = resolve_mention(
        mention("Министерство образования Республики Беларусь", "organization", "ru"),
        belarus_ministries,
    )
    assert result.decision == "new"
    assert result.best.score < REVIEW


def test_different_given_names_with_one_surname_are_not_linked():
    registry = [make_person("ivan", "Иван Алексеев")]
    result = resolve_mention(mention("Антон Алексеев", "person", "ru"), registry)
    assert result.decision == "new"


def test_initials_go_to_review_not_to_a_silent_link():
    registry = [make_person("alekseev", "Антон Алексеев")]
    result = resolve_mention(mention("А. Алексеев", "person", "ru"), registry)
    assert result.decision == "review"


def test_two_equally_good_candidates_are_sent_to_review():
    registry = [make_person("a1", "Антон Алексеев", country="BY"),
                make_person("a2", "Антон Алексеев", country="RU")]
    result = resolve_mention(mention("Антон Алексеев", "person", "ru"), registry)
    assert result.best.score >= LINK
    assert result.decision == "review"


def test_confirmed_alias_becomes_an_exact_match():
    registry = [make_org("htp", "Парк высоких технологий", country="BY")]
    query = mention("Белорусская Кремниевая долина", "organization", "ru")
    before = resolve_mention(query, registry)
    assert before.decision == "new"

    learned = [with_alias(registry[0], "Белорусская Кремниевая долина", "ru")]
    after = resolve_mention(query, learned)
    assert after.decision == "link"
    assert any(f.name == "exact_name" and f.score == 1.0 for f in after.best.features)


def test_candidate_source_finds_candidates_across_scripts_and_cases():
    source = InMemoryCandidateSource([
        make_person("alekseev", "Anton Alexeev", lang="en"),
        make_org("sco", "Шанхайская организация сотрудничества"),
        make_place("urumqi", "Urumqi"),
    ])
    assert [c.id for c in source.candidates(index_keys("Антона Алексеева", "ru"), "person")] == ["alekseev"]
    assert [c.id for c in source.candidates(index_keys("ШОС", "ru"), "organization")] == ["sco"]
    result = resolve_with_source(mention("乌鲁木齐", "place", "zh"), source)
    assert result.decision == "link" and result.best.candidate.id == "urumqi"


def test_explanation_names_the_decision_and_the_evidence():
    registry = [make_person("alekseev", "Anton Alekseev", lang="en")]
    text = resolve_mention(mention("Антон Алексеев", "person", "ru"), registry).explain()
    assert "link to alekseev" in text
    assert "transliteration" in text


def test_no_candidates_means_new():
    result = resolve_mention(mention("Урумчи", "place", "ru"), [])
    assert result.decision == "new" and result.best is None
    assert "no candidate" in result.explain()


LABELLED = Path(__file__).parent / "data" / "labelled_mentions.yaml"


def test_labelled_set_quality_floor():
    """A guard against regressions: the labelled set must keep high link precision."""
    report = evaluate(*load_labelled(LABELLED))
    assert report.link_precision >= 0.95
    assert report.link_recall >= 0.85


def test_candidates_built_from_database_rows_keep_working():
    """A registry hands names as plain (text, lang, kind) tuples; features must read them."""
    from coopnode.resolve.scoring import Candidate

    row_candidate = Candidate(id="7", type="organization", country="BY",
                              names=[("Министерство связи и информатизации Республики Беларусь", "ru", "official")])
    result = resolve_mention(mention("Минсвязи", "organization", "ru"), [row_candidate])
    assert result.decision == "link"
    assert result.best.candidate.names[0][0].startswith("Министерство связи")


def test_resolve_mention_accepts_a_candidate_source_and_blocks_itself():
    source = InMemoryCandidateSource([
        make_org("edu", "Министерство образования Республики Беларусь", country="BY"),
        make_org("sport", "Министерство спорта и туризма Республики Беларусь", country="BY"),
    ])
    result = resolve_mention(mention("Минобразования", "organization", "ru"), source)
    assert result.decision == "link" and result.best.candidate.id == "edu"


def test_abbreviation_without_the_country_words_finds_the_body():
    source = InMemoryCandidateSource([
        make_org("academy", "Национальная академия наук Беларуси", country="BY"),
        make_org("gknt", "Государственный комитет по науке и технологиям Республики Беларусь", country="BY"),
    ])
    assert resolve_mention(mention("ГКНТ", "organization", "ru"), source).best.candidate.id == "gknt"
    best = resolve_mention(mention("НАН Беларуси", "organization", "ru"), source).best
    assert best is not None and best.candidate.id == "academy"


HELDOUT = Path(__file__).parent / "data" / "heldout_mentions.yaml"


def test_heldout_set_quality_floor():
    report = evaluate(*load_labelled(HELDOUT))
    assert report.link_precision >= 0.95
    assert report.link_recall >= 0.80
