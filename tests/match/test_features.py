from __future__ import annotations

import pytest

from coopnode.match import features as F

from .factories import make_profile


def test_semantic_score_is_clipped_to_unit_interval():
    assert F.semantic(1.3).score == 1.0
    assert F.semantic(-0.2).score == 0.0
    assert F.semantic(0.456).params == {"similarity": 0.46}


def test_sector_overlap_exact_beats_same_group_beats_unrelated():
    own = make_profile(sectors=["sec.crypto"])
    exact = F.sector_overlap(own, make_profile(type="business_request", sectors=["sec.crypto"]))
    group = F.sector_overlap(own, make_profile(type="business_request", sectors=["sec.soc"]))
    none = F.sector_overlap(own, make_profile(type="business_request", sectors=["fin.payments"]))
    assert exact.score > group.score > none.score == 0.0
    assert exact.params["sectors"] == ["sec.crypto"]
    assert group.params == {"sectors": ["sec"], "level": "group"}


def test_cooperation_type_share_of_the_shorter_list():
    own = make_profile(cooperation_types=["licence", "joint_venture"])
    other = make_profile(cooperation_types=["licence"])
    reason = F.cooperation_type(own, other)
    assert reason.score == 1.0 and reason.params["types"] == ["licence"]
    assert F.cooperation_type(own, make_profile()).score == 0.0


def test_target_country_checks_both_directions():
    ru = make_profile(country="RU", target_countries=["CN"])
    cn_wants_ru = make_profile(country="CN", target_countries=["RU"])
    cn_wants_in = make_profile(country="CN", target_countries=["IN"])
    anywhere = make_profile(country="BR")
    assert F.target_country(ru, cn_wants_ru).score == 1.0
    assert F.target_country(ru, cn_wants_in).score == pytest.approx(0.5)
    assert F.target_country(ru, anywhere).score == 0.0
    assert F.target_country(make_profile(country="RU"), anywhere).params["known"] is False


def test_complementary_type_reason_names_both_types():
    offer = make_profile(type="technology_offer")
    reason = F.complementary_type(offer, make_profile(type="technology_request"))
    assert reason.score == 1.0
    assert reason.params == {"own_type": "technology_offer", "other_type": "technology_request"}


def test_readiness_closeness():
    a = make_profile(readiness="market")
    assert F.readiness(a, make_profile(readiness="market")).score == 1.0
    assert F.readiness(a, make_profile(readiness="idea")).score == 0.0
    assert F.readiness(a, make_profile()).score == 0.0


def test_every_feature_code_is_listed():
    produced = {
        F.semantic(0.5).code,
        *(
            f(make_profile(), make_profile(type="business_request")).code
            for f in (
                F.sector_overlap,
                F.cooperation_type,
                F.target_country,
                F.complementary_type,
                F.readiness,
            )
        ),
    }
    assert produced == set(F.FEATURE_CODES)
