"""Matching through the web layer: publishing a profile indexes it, ranks complementary
published profiles in any language, stores the matches and tells the owners."""

from __future__ import annotations

from datetime import timedelta

import numpy as np
import pytest
from django.core import mail
from django.utils import timezone, translation

from coopnode.web.partnering import actions as A
from coopnode.web.partnering.matching import find_matches, render_reasons
from coopnode.web.partnering.models import Match, Notification
from coopnode.web.partnering.vectors import DatabaseVectorStore, FileVectorStore, text_hash
from tests.factories import make_org

pytestmark = pytest.mark.django_db

EDOC_OFFER_RU = {
    "profile_type": "business_offer", "language": "ru", "country": "RU",
    "title": "Разработка систем электронного документооборота для государственных органов",
    "summary": "Внедряем СЭД в министерствах и администрациях: регистрация писем, согласование, "
               "электронная подпись и архив. Локализуем интерфейс под заказчика.",
    "sectors": ["gov.edoc"], "cooperation_types": ["commercial_agreement", "licence"],
    "target_countries": ["CN", "BY"],
}
EDOC_REQUEST_ZH = {
    "profile_type": "business_request", "language": "zh", "country": "CN",
    "title": "寻求政府机关电子公文流转系统软件供应商",
    "summary": "市政务服务部门计划上线统一的电子政务公文处理系统，包括收文登记、审批流程和电子档案，"
               "希望与有政府项目经验的软件企业合作。",
    "sectors": ["gov.edoc"], "cooperation_types": ["commercial_agreement"],
    "target_countries": ["RU"],
}
# Requests about other things, in three languages: the offer must rank the e-document one above them.
DISTRACTORS = [
    {"profile_type": "business_request", "language": "zh", "title": "采购农业植保无人机及飞防服务",
     "summary": "农业合作社需要用于农田喷洒的无人机和操作培训。"},
    {"profile_type": "business_request", "language": "zh", "title": "数据中心液冷设备采购",
     "summary": "新建数据中心需要高密度机柜液冷解决方案。"},
    {"profile_type": "business_request", "language": "en", "title": "Hospital information system for regional clinics",
     "summary": "A health ministry seeks a supplier of patient records and appointment software."},
    {"profile_type": "business_request", "language": "ru", "title": "Ищем поставщика систем видеонаблюдения для складов",
     "summary": "Логистическая компания закупает камеры и программное обеспечение для охраны складов."},
    {"profile_type": "business_request", "language": "en", "title": "Online learning platform for a university",
     "summary": "A university looks for a learning management system with video lectures."},
    {"profile_type": "business_request", "language": "zh", "title": "跨境电商物流追踪平台合作",
     "summary": "寻找提供国际包裹追踪和仓储管理软件的合作伙伴。"},
]


@pytest.fixture
def network(make_member, operator, make_profile):
    """Two organizations with e-document profiles, plus distractors of a third one."""
    org_ru, org_cn, org_other = (
        make_org(name_ru="Документ-Системы", country="RU"),
        make_org(name_zh="市政务服务管理局", country="CN"),
        make_org(name_en="Other Buyers", country="IN"),
    )
    anna = make_member("anna", org_ru, email="anna@example.org")
    li = make_member("li", org_cn, email="li@example.org")
    other = make_member("raj", org_other)
    distractors = [make_profile(other, org_other, publish_by=operator, **d) for d in DISTRACTORS]
    request = make_profile(li, org_cn, publish_by=operator, **EDOC_REQUEST_ZH)
    offer = make_profile(anna, org_ru, publish_by=operator, **EDOC_OFFER_RU)
    return {"offer": offer, "request": request, "anna": anna, "li": li, "distractors": distractors,
            "operator": operator}


@pytest.mark.real_encoder
def test_russian_edoc_offer_finds_the_chinese_request_in_its_top_three(network):
    results = find_matches(network["offer"], top_k=10)
    top3 = [r.profile_id for r in results[:3]]
    assert str(network["request"].pk) in top3
    best = next(r for r in results if r.profile_id == str(network["request"].pk))
    assert {r.code for r in best.shown_reasons()} >= {"semantic", "sector_overlap"}


def test_publishing_stores_matches_both_ways_and_notifies_both_owners(network):
    offer, request = network["offer"], network["request"]
    assert Match.objects.filter(profile=offer, candidate=request).exists()
    assert Match.objects.filter(profile=request, candidate=offer).exists()
    assert Notification.objects.filter(user=network["anna"], kind="new_match").exists()
    assert Notification.objects.filter(user=network["li"], kind="new_match").exists()
    assert any("anna@example.org" in m.to for m in mail.outbox)


@pytest.mark.real_encoder
def test_reasons_are_rendered_in_the_readers_language(network, client):
    match = Match.objects.get(profile=network["offer"], candidate=network["request"])
    ru, zh = render_reasons(match.reasons, "ru"), render_reasons(match.reasons, "zh-hans")
    assert ru and zh and ru != zh
    assert any("\u4e00" <= ch <= "\u9fff" for ch in "".join(zh))
    assert any("а" <= ch <= "я" for ch in "".join(ru).lower())

    client.force_login(network["anna"])
    with translation.override("ru"):
        page = client.get(network["offer"].get_absolute_url(), HTTP_ACCEPT_LANGUAGE="ru")
    body = page.content.decode()
    assert page.status_code == 200
    assert network["request"].title in body
    assert ru[0] in body


def test_match_page_lists_the_owners_matches(network, client):
    client.force_login(network["li"])
    body = client.get("/partnering/matches/").content.decode()
    assert network["offer"].title in body


def test_complementary_types_only(network, make_profile, make_member):
    """A second offer never appears among an offer's matches."""
    org = make_org(name_en="Competitor", country="BY")
    rival = make_profile(make_member("ivan", org), org, publish_by=network["operator"],
                         **{**EDOC_OFFER_RU, "country": "BY"})
    ids = {r.profile_id for r in find_matches(network["offer"])}
    assert str(rival.pk) not in ids


def test_expired_and_withdrawn_profiles_drop_out_of_matching(network, django_capture_on_commit_callbacks):
    request = network["request"]
    with django_capture_on_commit_callbacks(execute=True):
        A.do_update_profile(network["li"], request, {"expires": (timezone.localdate() + timedelta(days=1)).isoformat()})
        A.do_expire_profiles(timezone.localdate() + timedelta(days=3))
    assert str(request.pk) not in {r.profile_id for r in find_matches(network["offer"], today=timezone.localdate() + timedelta(days=3))}
    assert not Match.objects.filter(candidate=request).exists()

    distractor = network["distractors"][0]
    with django_capture_on_commit_callbacks(execute=True):
        A.do_withdraw_profile(network["operator"], distractor)
    assert str(distractor.pk) not in {r.profile_id for r in find_matches(network["offer"])}


def test_file_store_keeps_vectors_across_instances_and_notices_changed_text(tmp_path):
    store = FileVectorStore(tmp_path)
    vec = np.arange(4, dtype=np.float32)
    store.put("p1", vec, "lexical", text_hash("hello"))
    again = FileVectorStore(tmp_path)
    assert np.allclose(again.get_many(["p1"], "lexical", {"p1": text_hash("hello")})["p1"], vec)
    assert again.get_many(["p1"], "lexical", {"p1": text_hash("changed")}) == {}
    again.put_many([("p2", vec * 2, text_hash("two")), ("p3", vec * 3, text_hash("three"))], "lexical")
    assert set(store.get_many(["p1", "p2", "p3"], "lexical",
                              {"p1": text_hash("hello"), "p2": text_hash("two"), "p3": text_hash("three")})) == {"p1", "p2", "p3"}
    again.remove("p1")
    assert store.get_many(["p1"], "lexical", {"p1": text_hash("hello")}) == {}


def test_database_store_round_trips_float32_vectors(network):
    store = DatabaseVectorStore()
    pid = str(network["offer"].pk)
    vec = np.linspace(0, 1, 8, dtype=np.float32)
    store.put(pid, vec, "test-encoder", "h1")
    assert np.allclose(store.get_many([pid], "test-encoder", {pid: "h1"})[pid], vec)
    store.remove(pid)
    assert store.get_many([pid], "test-encoder", {pid: "h1"}) == {}


def test_vectors_live_in_the_data_directory_on_sqlite_and_in_the_database_on_postgresql(network):
    from django.db import connection

    from coopnode import config
    from coopnode.web.partnering.models import ProfileEmbedding

    if connection.vendor == "postgresql":
        assert ProfileEmbedding.objects.filter(profile=network["offer"]).exists()
    else:
        assert list((config.data_dir() / "indexes").glob("partnering-*.npz"))
        assert not ProfileEmbedding.objects.exists()
