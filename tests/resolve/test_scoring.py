"""Single features: each says what it saw, in a way a reviewer can read."""

from coopnode.resolve.scoring import (
    WEIGHTS,
    abbreviation,
    compare_person_names,
    country_conflict,
    exact_name,
    fuzzy_tokens,
    score_candidate,
    shared_context,
    tokens_match,
    transliteration,
)
from tests.resolve.factories import make_org, make_person, mention


def test_exact_name_ignores_case_yo_and_punctuation():
    feature = exact_name(mention("партнерство «брикс»", "organization", "ru"),
                         make_org("x", "Партнёрство БРИКС"))
    assert feature.score == 1.0 and "Партнёрство БРИКС" in feature.detail


def test_name_features_do_not_double_count_an_exact_match():
    query, candidate = mention("Деловой совет ШОС", "organization", "ru"), make_org("x", "Деловой совет ШОС")
    assert fuzzy_tokens(query, candidate).score == 0
    assert transliteration(query, candidate).score == 0


def test_generic_words_do_not_make_two_ministries_similar():
    feature = fuzzy_tokens(
        mention("Министерство иностранных дел Республики Беларусь", "organization", "ru"),
        make_org("x", "Министерство связи и информатизации Республики Беларусь"),
    )
    assert feature.score == 0


def test_initials_and_russian_shortenings_are_abbreviations():
    assert abbreviation(mention("ШОС", "organization", "ru"),
                        make_org("x", "Шанхайская организация сотрудничества")).score > 0.8
    assert abbreviation(mention("Минэкономразвития", "organization", "ru"),
                        make_org("x", "Министерство экономического развития Российской Федерации")).score > 0
    assert abbreviation(mention("МИД", "organization", "ru"),
                        make_org("x", "Министерство связи и информатизации")).score == 0


def test_persons_have_no_abbreviations():
    feature = abbreviation(mention("Сергей Петровский", "person", "ru"), make_person("x", "Сергей Петров"))
    assert feature.score == 0


def test_russian_case_forms_match_but_longer_surnames_do_not():
    assert tokens_match("алексеева", "alekseev")
    assert tokens_match("сергея", "сергей")
    assert not tokens_match("петровский", "петров")
    assert not tokens_match("иван", "иванов")


def test_person_names_compatibility():
    assert not compare_person_names("Антон Алексеев", "Alekseev Anton").conflict
    assert compare_person_names("Антон Алексеев", "Иван Алексеев").conflict
    assert compare_person_names("Ю. Иванов", "Юрий Иванов").score == 0.7
    assert not compare_person_names("张华", "Zhang Hua").conflict
    assert compare_person_names("张伟", "Zhang Hua").conflict


def test_country_conflict_and_shared_context():
    query = mention("Антон Алексеев", "person", "ru", country="BY", context=("org:by-mci",))
    candidate = make_person("x", "Антон Алексеев", country="RU", context_ids=("org:by-mci",))
    assert country_conflict(query, candidate).score == 1
    assert shared_context(query, candidate).score > 0


def test_every_feature_has_a_weight_and_scores_stay_in_range():
    scored = score_candidate(mention("Минсвязи", "organization", "ru"),
                             make_org("x", "Министерство связи и информатизации"))
    assert {f.name for f in scored.features} <= set(WEIGHTS)
    assert 0 <= scored.score <= 1
    assert all(0 <= f.score <= 1 for f in scored.features)
