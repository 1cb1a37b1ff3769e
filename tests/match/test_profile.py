from __future__ import annotations

from datetime import date

import pytest

from coopnode.match.profile import CooperationType, Profile, ProfileType, complementary_types

from .factories import make_profile


@pytest.mark.parametrize(
    ("own", "answers", "not_answers"),
    [
        ("business_offer", "business_request", "business_offer"),
        ("business_request", "business_offer", "technology_offer"),
        ("technology_offer", "technology_request", "business_request"),
        ("technology_request", "technology_offer", "business_offer"),
        ("research_request", "research_request", "business_offer"),
    ],
)
def test_offers_meet_requests_and_research_meets_research(own, answers, not_answers):
    a = make_profile(type=own)
    assert a.complements(make_profile(type=answers))
    assert not a.complements(make_profile(type=not_answers))


def test_complementarity_is_symmetric_for_every_type():
    for a in ProfileType:
        for b in complementary_types(a):
            assert a in complementary_types(b), (a, b)


def test_a_profile_never_matches_itself_or_its_own_organisation():
    offer = make_profile(type="business_offer", owner_org_id="org-x")
    own_request = make_profile(type="business_request", owner_org_id="org-x")
    assert not offer.complements(offer)
    assert not offer.complements(own_request)


def test_expired_profiles_are_inactive():
    p = make_profile(expires="2025-06-30")
    assert p.is_active(date(2025, 6, 30))
    assert not p.is_active(date(2025, 7, 1))
    assert make_profile().is_active(date(2099, 1, 1))


def test_round_trip_through_dict_keeps_fields_and_extras():
    p = make_profile(
        sectors=["gov.edoc"],
        cooperation_types=["licence"],
        country="ru",
        target_countries=["cn"],
        partners=["x"],
    )
    assert p.country == "RU" and p.target_countries == ("CN",)
    assert p.cooperation_types == (CooperationType.LICENCE,)
    again = Profile.from_dict(p.to_dict())
    assert again == p
    assert again.extra["partners"] == ["x"]


def test_unknown_profile_type_is_rejected():
    with pytest.raises(ValueError):
        make_profile(type="joint_offer")


def test_text_joins_title_summary_description():
    p = make_profile(title="T", summary="S", description="D")
    assert p.text == "T\nS\nD"


def test_encoder_text_is_capped_so_long_descriptions_do_not_slow_matching():
    from coopnode.match.profile import MAX_TEXT_CHARS

    p = make_profile(title="Need", description="x" * 10 * MAX_TEXT_CHARS)
    assert p.text.startswith("Need\n") and len(p.text) == MAX_TEXT_CHARS
