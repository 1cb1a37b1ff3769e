"""Chinese components on short texts written for these tests (not taken from any source)."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.extract.helpers import assert_offsets, names, run_components

from coopnode.extract.types import Doc
from coopnode.extract.zh import COMPONENTS

SHARED_DEV = Path(__file__).resolve().parents[2] / ".." / "shared" / "eval" / "dev"


def run(text: str, published: str | None = None) -> Doc:
    return run_components(COMPONENTS, text, "zh", published)






def test_organizations_span_their_modifiers() -> None:
    doc = run("会议由新疆维吾尔自治区人民政府和哈萨克斯坦数字发展部共同主办，"
              "喀什市工业和信息化局、乌兹别克斯坦创新发展研究中心派员参加。")
    orgs = names(doc, "organization")
    assert "新疆维吾尔自治区人民政府" in orgs
    assert "哈萨克斯坦数字发展部" in orgs
    assert "喀什市工业和信息化局" in orgs
    assert "乌兹别克斯坦创新发展研究中心" in orgs
    assert_offsets(doc)


def test_a_description_with_a_suffix_is_not_an_organization() -> None:
    doc = run("企业在工业园区里开展合作，高校联盟也参与其中。")
    assert names(doc, "organization") == set()


def test_places_with_iso_codes_and_no_adjective_compounds() -> None:
    doc = run("中俄双方代表在明斯克会面，白俄罗斯、巴西和印度的企业也来到厦门。")
    places = {e.name: e.country for e in doc.entities if e.type == "place"}
    assert places["明斯克"] == "BY"
    assert places["巴西"] == "BR"
    assert places["印度"] == "IN"
    assert places["厦门"] == "CN"
    assert "中俄" not in places


def test_persons_need_a_title_and_a_bare_surname_with_title_is_not_a_name() -> None:
    doc = run("国家主席习近平会见了到访的客人。王部长表示欢迎。刘晓东副市长出席。")
    persons = names(doc, "person")
    assert "习近平" in persons
    assert "刘晓东" in persons
    assert not any(p.startswith("王") for p in persons)


def test_transliterated_names_with_and_without_middle_dot() -> None:
    doc = run("白俄罗斯通信和信息化部副部长安东·阿列克谢耶夫会见了俄罗斯副总理戈尔杰耶夫。")
    persons = names(doc, "person")
    assert "安东·阿列克谢耶夫" in persons
    assert "戈尔杰耶夫" in persons
    assert_offsets(doc)


def test_bylines_are_persons() -> None:
    doc = run("本报记者 周立新 孙悦\n展会现场。（钱明 摄）")
    assert {"周立新", "孙悦", "钱明"} <= names(doc, "person")


def test_positions_tie_title_and_organization() -> None:
    doc = run("中国驻白俄罗斯大使赵建华和厦门市工业和信息化局局长陈红出席。")
    titles = {p.person.name: (p.title, p.organization and p.organization.name)
              for p in doc.positions if p.person}
    assert titles["赵建华"][0] == "中国驻白俄罗斯大使"
    assert titles["陈红"] == ("厦门市工业和信息化局局长", "厦门市工业和信息化局")
    assert_offsets(doc)


def test_triggers_types_and_planned_hint() -> None:
    doc = run("双方举行会谈并签署合作文件。第三届中白数字经济论坛将于10月在明斯克举办。")
    found = {(t.text, t.type, t.planned_hint) for t in doc.triggers}
    assert ("会谈", "meeting", False) in found
    assert ("签署", "signing", False) in found
    assert ("论坛", "forum", True) in found


def test_leaders_meeting_is_a_forum() -> None:
    doc = run("金砖国家领导人第十七次会晤在里约热内卢举行。")
    assert [t.type for t in doc.triggers if "会晤" in t.text] == ["forum"]


def test_agreements_from_titles_and_from_plain_text() -> None:
    doc = run("双方签署了《关于数字丝绸之路合作的谅解备忘录》。"
              "厦门市与明斯克州签订共建数字贸易中心合作协议，并达成多项协议。")
    found = {(a.type, a.title) for a in doc.agreements}
    assert ("memorandum", "关于数字丝绸之路合作的谅解备忘录") in found
    assert ("agreement", "共建数字贸易中心合作协议") in found
    assert len(doc.agreements) == 2
    assert_offsets(doc)


def test_sentences_split_on_chinese_punctuation_and_lines() -> None:
    doc = run("第一句。第二句！第三句？第四句；\n第五句")
    assert [s.text for s in doc.sentences] == ["第一句。", "第二句！", "第三句？", "第四句；", "第五句"]


def test_news_agency_dateline_is_its_own_sentence() -> None:
    doc = run("新华社北京3月2日电  当地时间3月1日，双方举行会谈。")
    assert doc.sentences[0].text == "新华社北京3月2日电"


@pytest.mark.skipif(not SHARED_DEV.is_dir(), reason="shared dev set not available")
def test_all_spans_on_the_dev_texts_point_into_the_text() -> None:
    for path in sorted(SHARED_DEV.glob("zh_*.txt")):
        assert_offsets(run(path.read_text("utf-8")))


def test_regression_embassy_keeps_its_seat_and_enumerated_ministry_stays_whole() -> None:
    doc = run("白俄罗斯驻华大使馆参赞伊万诺夫会见俄罗斯联邦数字发展、通信和大众传媒部副部长"
              "格里高利·鲍里先科一行。")
    orgs = names(doc, "organization")
    assert "白俄罗斯驻华大使馆" in orgs
    assert "俄罗斯联邦数字发展、通信和大众传媒部" in orgs
    assert {"伊万诺夫", "格里高利·鲍里先科"} <= names(doc, "person")


def test_regression_name_split_by_jieba_after_a_title() -> None:
    doc = run("重庆市副市长郑向东出席开幕式。")
    assert "郑向东" in names(doc, "person")


def test_a_bare_agreement_right_after_signing_is_kept() -> None:
    doc = run("喀什大学与明斯克国立语言大学签署合作协议。会议还讨论了协议落实。")
    assert [(a.type, a.title) for a in doc.agreements] == [("agreement", "合作协议")]


def test_dateline_with_byline_in_brackets_is_its_own_sentence() -> None:
    doc = run("人民网明斯克5月3日电（记者 刘洋）5月2日，双方举行会谈。")
    assert [s.text for s in doc.sentences] == ["人民网明斯克5月3日电（记者 刘洋）", "5月2日，双方举行会谈。"]


def test_organizations_get_the_country_their_name_starts_with() -> None:
    doc = run("白俄罗斯驻华大使馆与喀什市人民政府联合举办活动。")
    countries = {e.name: e.country for e in doc.entities if e.type == "organization"}
    assert countries["白俄罗斯驻华大使馆"] == "BY"
    assert countries["喀什市人民政府"] == "CN"


def test_a_recognised_name_that_speaks_is_a_person() -> None:
    doc = run("张明指出，要加强政策沟通。")
    assert names(doc, "person") == {"张明"}


def test_company_names_jieba_knows_and_no_bare_government() -> None:
    doc = run("中国电信与中兴通讯参加。市人民政府有关部门表示支持。")
    assert names(doc, "organization") == {"中国电信", "中兴通讯"}


def test_regression_transliterated_name_before_a_title_after_a_particle() -> None:
    doc = run("习近平会见了卢卡申科总统。")
    assert names(doc, "person") == {"习近平", "卢卡申科"}


def test_regression_byline_brackets_are_not_part_of_the_next_name() -> None:
    doc = run("新华社天津9月1日电（记者 王晨）上海合作组织成员国元首理事会会议1日举行。")
    assert "上海合作组织成员国元首理事会" in names(doc, "organization")
    assert not any("记者" in n for n in names(doc, "organization"))


def test_headline_and_body_wordings_of_one_document_share_the_fullest_title() -> None:
    doc = run("峰会通过《喀什宣言》\n会议通过了《中亚城市论坛喀什宣言》。")
    assert {a.title for a in doc.agreements} == {"中亚城市论坛喀什宣言"}


def test_short_name_defined_in_brackets_stands_for_the_full_name() -> None:
    doc = run("喀什经济开发区管理委员会（以下简称“喀什经开委”）表示欢迎。喀什经开委将提供服务。")
    short = [e for e in doc.entities if e.text == "喀什经开委"]
    assert len(short) == 2
    assert {e.name for e in short} == {"喀什经济开发区管理委员会"}
    assert_offsets(doc)


def test_regression_yu_inside_a_university_name_and_first_deputy_titles() -> None:
    doc = run("白俄罗斯第一副总理斯诺普科夫表示，白俄罗斯国立信息与无线电电子大学与哈尔滨工业大学将合作。")
    orgs = names(doc, "organization")
    assert {"白俄罗斯国立信息与无线电电子大学", "哈尔滨工业大学"} <= orgs
    titles = {p.person.name: p.title for p in doc.positions if p.person}
    assert titles["斯诺普科夫"] == "白俄罗斯第一副总理"


def test_quoted_and_dashed_parts_inside_names_but_not_a_compound_adjective() -> None:
    doc = run("中白工业园“巨石”管委会与中国—东盟信息港股份有限公司签约。"
              "中国—上合组织数字经济合作项目启动。")
    orgs = names(doc, "organization")
    assert {"中白工业园“巨石”管委会", "中国—东盟信息港股份有限公司"} <= orgs
    assert "中国—上合组织" not in orgs
    assert_offsets(doc)
