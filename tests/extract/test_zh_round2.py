"""Round 2: classes of Chinese text found on new real pages (the sentences are written here).

Each test is one class of text, not one sentence of the pages.
"""

from __future__ import annotations

import pytest
from tests.extract.helpers import names, run_components

from coopnode.extract import zh_dates, zh_script
from coopnode.extract.types import Doc
from coopnode.extract.zh import COMPONENTS


def run(text: str, published: str = "2024-05-03") -> Doc:
    return run_components(COMPONENTS, text, "zh", published)




needs_opencc = pytest.mark.skipif(not zh_script.char_table(), reason="OpenCC tables not installed")

TRADITIONAL = "據外交部消息,5月2日,國務委員王東在廣州會見白俄羅斯工業部部長彼得羅夫,雙方簽署《關於加強機械製造合作的諒解備忘錄》。"


@needs_opencc
def test_traditional_text_gives_the_same_items_as_simplified() -> None:
    """A big5 mirror of a mainland release must not lose its names, triggers and documents."""
    doc = run(TRADITIONAL)
    simplified = run(zh_script.simplified_view(TRADITIONAL))
    assert len(doc.entities) == len(simplified.entities) > 0
    assert [t.type for t in doc.triggers] == [t.type for t in simplified.triggers]
    assert len(doc.agreements) == len(simplified.agreements) == 1


@needs_opencc
def test_traditional_names_are_quoted_in_the_original_script() -> None:
    doc = run(TRADITIONAL)
    assert "王東" in names(doc, "person")
    assert "廣州" in names(doc, "place")
    for e in doc.entities:
        assert e.text == TRADITIONAL[e.start:e.end]
    assert "諒解備忘錄" in doc.agreements[0].title


@needs_opencc
def test_one_simplified_character_for_two_traditional_ones() -> None:
    """干 stands for both 乾 and 幹: a name is copied from its own span, not re-mapped."""
    doc = run("幹部交流很重要。會見中,李乾傑部長表示歡迎。")
    assert "李乾傑" in names(doc, "person")


def test_simplified_text_is_left_alone() -> None:
    """Simplified text uses a few characters OpenCC also lists as traditional (乾, 著)."""
    text = "双方著眼长远,在乾安县签署合作协议。"
    assert zh_script.simplified_view(text) == text


@pytest.mark.parametrize("text, person", [
    ("交通部副部长兼谈判副代表孟海出席开幕式。", "孟海"),
    ("外交部部长助理许文钢率团访问明斯克。", "许文钢"),
])
def test_name_after_title_runs_into_a_verb(text: str, person: str) -> None:
    """jieba tags such names as verbs or cuts off the last character; the verb ends the name."""
    persons = names(run(text), "person")
    assert person in persons
    assert not any(p != person and person.startswith(p) for p in persons)


def test_split_foreign_name_before_verb_of_speaking_is_whole() -> None:
    doc = run("会谈中,白俄罗斯副总理彼得罗夫斯基指出,双方合作潜力巨大。库兹涅佐娃表示赞同。")
    persons = names(doc, "person")
    assert "库兹涅佐娃" in persons
    assert not any(p != "库兹涅佐娃" and "库兹涅佐娃".endswith(p) for p in persons)


def test_adjective_after_title_is_not_a_name() -> None:
    """"主席成功访华": 成 is a surname, but 成功 is one word, an adjective."""
    assert not names(run("去年十月,赵刚主席成功访问俄罗斯。"), "person") - {"赵刚"}


@pytest.mark.parametrize("text", [
    "2024年金砖国家外长会晤将于6月在下诺夫哥罗德举行。",
    "今年3月中白工业园管委会代表团访问深圳。",
])
def test_date_word_is_not_glued_to_a_name(text: str) -> None:
    orgs = names(run(text), "organization")
    assert orgs and not any(o.startswith(("年", "月")) for o in orgs)


@pytest.mark.parametrize("text, title", [
    ("会议结束后,各方发表了新闻公报。", "新闻公报"),
    ("两国除签署联合公报外,还将签署合作协议。", "联合公报"),
])
def test_communique_is_a_document_not_a_body(text: str, title: str) -> None:
    doc = run(text)
    assert title not in names(doc, "organization")
    assert any(a.title == title and a.type == "declaration" for a in doc.agreements)


@pytest.mark.parametrize("number, value", [("九", 9), ("十", 10), ("十一", 11), ("二十", 20),
                                           ("二十九", 29), ("三十一", 31), ("百", None)])
def test_chinese_numerals_read_as_numbers(number: str, value: int | None) -> None:
    assert zh_dates.chinese_number(number) == value


@pytest.mark.parametrize("text, published, expected", [
    ("新华社北京三月十二日电 记者报道。", "2019-03-12", "2019-03-12"),
    ("新华社明斯克三月十九日电 王东十八日在明斯克表示。", "2019-03-20", "2019-03-18"),
    ("前年十月,代表团访问了明斯克。", "2019-03-20", "2017-10"),
])
def test_dates_in_chinese_numerals(text: str, published: str, expected: str) -> None:
    doc = run(text, published)
    assert expected in [d.value for d in doc.dates]
    for d in doc.dates:
        assert d.text == text[d.start:d.end]


def test_year_at_the_head_of_the_clause_dates_the_day() -> None:
    """An announcement gives the year once; the page itself may be older or undated."""
    doc = run("2027年金砖国家通信部长会议将于10月12日至13日在喀山举行。", "2026-12-30")
    assert "2027-10-12" in [d.value for d in doc.dates]


def test_year_of_another_clause_is_not_carried() -> None:
    doc = run("上合组织成立于2001年,6月15日各方举行庆祝活动。", "2024-06-16")
    assert "2024-06-15" in [d.value for d in doc.dates]


def test_one_day_is_not_a_date() -> None:
    assert not run("代表团参加了一日游。", "2024-06-16").dates


@pytest.mark.parametrize("text, org", [
    ("晚会上,明斯克国立爱乐乐团演奏了中国乐曲。", "明斯克国立爱乐乐团"),
    ("白俄罗斯驻上海商务代表处举办推介会。", "白俄罗斯驻上海商务代表处"),
    ("中国—东盟博览会组委会发布了展会日程。", "中国—东盟博览会组委会"),
])
def test_bodies_with_mission_committee_or_ensemble_heads(text: str, org: str) -> None:
    assert org in names(run(text), "organization")


def test_dateline_agency_without_suffix_is_an_organization() -> None:
    doc = run("俄新网明斯克4月2日电 两国代表团举行会谈。")
    assert "俄新网" in names(doc, "organization")
    assert "明斯克" in names(doc, "place")


@pytest.mark.parametrize("text", [
    "近年来中白关系稳步发展。",
    "双方同意推动中俄议会合作走深走实。",
])
def test_country_pair_with_a_common_noun_is_no_body(text: str) -> None:
    assert not names(run(text), "organization")


def test_listed_fields_before_a_working_group_are_no_body() -> None:
    doc = run("双方主持了能源、数字经济工作组会议。")
    assert "数字经济工作组" not in names(doc, "organization")


def test_about_clause_with_youguan_names_one_document() -> None:
    """"有关…的协议" is a title like "关于…的协议"; a bare "有关协议" is vague."""
    doc = run("双方就有关避免双重征税的协定交换了意见,并表示将落实有关协议。")
    titles = [a.title for a in doc.agreements]
    assert titles == ["有关避免双重征税的协定"]


def test_documents_counted_in_a_package_are_not_titles() -> None:
    doc = run("两国将签署二十多个政府间协议及商业合同。")
    assert not doc.agreements


@pytest.mark.parametrize("text, kind", [
    ("两国于1996年签署了睦邻友好条约。", "agreement"),
    ("会议通过了中白地方合作理事会章程。", "other"),
])
def test_treaties_and_charters_are_documents(text: str, kind: str) -> None:
    doc = run(text)
    assert [a.type for a in doc.agreements] == [kind]


@pytest.mark.parametrize("text", [
    "应邀,白俄罗斯外长将赴北京出席中白政府间合作委员会会议。",
    "双方部长拟签署经贸合作协议。",
    "中方代表团定于下周访问明斯克。",
])
def test_future_wording_marks_the_event_planned(text: str) -> None:
    doc = run(text)
    assert doc.triggers and all(t.planned_hint for t in doc.triggers)


def test_past_event_is_not_planned() -> None:
    doc = run("昨天,两国外长在北京举行会谈并签署合作协议。")
    assert doc.triggers and not any(t.planned_hint for t in doc.triggers)


@pytest.mark.parametrize("text, kind", [
    ("5月3日,两国总理通电话。", "meeting"),
    ("普京总统访华期间,双方签署协议。", "visit"),
    ("访俄期间,王东会见了俄方官员。", "visit"),
])
def test_calls_and_visits_named_by_destination(text: str, kind: str) -> None:
    assert kind in {t.type for t in run(text).triggers}


@pytest.mark.parametrize("text, person", [
    ("俄罗斯第一副总理别洛乌索夫出席会议。", "别洛乌索夫"),
    ("俄方代表谢苗诺夫发言。", "谢苗诺夫"),
])
def test_transliterated_names_with_less_common_characters(text: str, person: str) -> None:
    assert person in names(run(text), "person")


@pytest.mark.parametrize("text, published, expected", [
    ("国务院副总理王东20日在北京会见俄方代表团。", "2023-11-21", "2023-11-20"),
    ("28日,代表团抵达明斯克。", "2024-03-02", "2024-02-28"),
])
def test_day_alone_takes_the_page_month(text: str, published: str, expected: str) -> None:
    """The month of a bare day is the page's, or the one before when the day is later."""
    assert expected in [d.value for d in run(text, published).dates]


def test_day_alone_after_a_month_keeps_that_month() -> None:
    doc = run("会议于5月3日开幕,4日双方签署协议。", "2023-06-10")
    assert [d.value for d in doc.dates] == ["2023-05-03", "2023-05-04"]


def test_two_about_titles_in_a_list_stay_apart() -> None:
    doc = run("双方正就关于边境口岸的协定、有关相互保护投资的协议进行磋商。")
    assert sorted(a.title for a in doc.agreements) == ["关于边境口岸的协定", "有关相互保护投资的协议"]


@pytest.mark.parametrize("text, org", [
    ("俄罗斯联邦会议代表团访问北京。", "俄罗斯联邦会议"),
    ("白俄罗斯共和国国民会议代表院主席出席开幕式。", "白俄罗斯共和国国民会议代表院"),
    ("他会见了俄罗斯联邦会议国家杜马副主席。", "俄罗斯联邦会议国家杜马"),
])
def test_parliaments_named_assembly_are_bodies_not_meetings(text: str, org: str) -> None:
    doc = run(text)
    assert org in names(doc, "organization")
    assert "forum" not in {t.type for t in doc.triggers}


def test_joint_body_named_after_both_partners() -> None:
    doc = run("两国主持了中国国家发展和改革委员会与白俄罗斯经济部合作委员会第三次会议。")
    assert "中国国家发展和改革委员会与白俄罗斯经济部合作委员会" in names(doc, "organization")


def test_person_before_yu_is_not_part_of_a_joint_body() -> None:
    doc = run("王东与白俄罗斯经济部合作委员会代表会谈。")
    assert not any(o.startswith("王东") for o in names(doc, "organization"))


@pytest.mark.parametrize("text, org", [
    ("大使与长城汽车总经理讨论了工厂项目。", "长城汽车"),
    ("中国一拖总经理出席签约仪式。", "中国一拖"),
    ("部长会见了中建集团董事长。", "中建集团"),
])
def test_company_named_only_by_its_heads_title(text: str, org: str) -> None:
    assert org in names(run(text), "organization")


@pytest.mark.parametrize("text", ["公司董事长出席了仪式。", "白俄罗斯总经理出席了仪式。"])
def test_generic_word_before_company_title_is_no_company(text: str) -> None:
    assert not names(run(text), "organization")


def test_company_with_and_without_legal_form_is_one_body() -> None:
    doc = run("中建集团股份有限公司在明斯克设厂。中建集团董事长表示满意。")
    assert names(doc, "organization") == {"中建集团股份有限公司"}


@pytest.mark.parametrize("text, org", [
    ("据澎湃新闻报道,两国签署了合作协议。", "澎湃新闻"),
    ("会议已经举行。据今日俄罗斯电视台消息,双方达成共识。", "今日俄罗斯电视台"),
])
def test_source_of_a_report_is_an_organization(text: str, org: str) -> None:
    assert org in names(run(text), "organization")


@pytest.mark.parametrize("text", ["据媒体报道,会议举行。", "据王明报道,会议举行。"])
def test_generic_or_personal_report_source_is_no_body(text: str) -> None:
    assert not names(run(text), "organization")
