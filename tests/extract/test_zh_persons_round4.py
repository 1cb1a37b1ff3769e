"""Round 4: classes of Chinese person mentions that were lost on unseen pages.

The sentences are written here (invented names and events); each test is one class of text.
"""

from __future__ import annotations

import pytest
from tests.extract.helpers import names, run_components

from coopnode.extract import zh_names, zh_script
from coopnode.extract.types import Doc
from coopnode.extract.zh import COMPONENTS, TRANSLIT_DOTTED

needs_opencc = pytest.mark.skipif(not zh_script.char_table(), reason="OpenCC tables not installed")


def run(text: str, published: str = "2024-05-03") -> Doc:
    return run_components(COMPONENTS, text, "zh", published)


def persons(text: str) -> set[str]:
    return names(run(text), "person")


# ------------------------------------------------------------------ names with no title


def test_foreign_name_opening_a_clause_before_a_verb_of_speaking() -> None:
    """"米哈尔科夫表示…": a transliterated subject needs no title; jieba cuts such names."""
    found = persons("会谈在友好气氛中进行。索博列夫斯基表示，两国将扩大数字经济合作。")
    assert "索博列夫斯基" in found
    # a country as the subject of the same verb is no person
    assert persons("会上，巴西表示支持该倡议，俄罗斯表示欢迎。") == set()


def test_chinese_names_listed_without_titles_before_a_verb() -> None:
    """"韩立军、邓海燕、江晓峰等参加": a bare list of leaders is a list of persons."""
    found = persons("会见前，韩立军、邓海燕、江晓峰等参加了座谈。")
    assert {"韩立军", "邓海燕", "江晓峰"} <= found
    # listed fields of work are not names
    assert persons("双方在工业、农业、能源等领域开展合作。") == set()


# ------------------------------------------------------------------ transliterated names


def test_dotted_name_with_characters_of_the_published_tables() -> None:
    """Characters of the transliteration tables (义 of 赛义…) do not cut a dotted name short."""
    assert "阿卜杜·赛义多夫" in persons("乌兹别克斯坦副总理阿卜杜·赛义多夫出席论坛。")
    assert set("赛义佛") <= zh_names.transliteration_characters() <= TRANSLIT_DOTTED


def test_latin_gloss_confirms_extent_of_a_foreign_name() -> None:
    """"总统拉玛佛沙(Cyril Ramaphosa)": the bracketed Latin name ends the Chinese rendering."""
    found = persons("南非总统西里尔佛沙(Cyril Mbeki)周一证实将出席峰会。")
    assert "西里尔佛沙" in found
    # a company with a Latin gloss is no person
    assert persons("宇通集团(Yutong Group)参加了展会。") == set()


def test_feminine_name_after_a_title_in_a_list() -> None:
    """"副主席日丹诺娃，": a rendering that ends like a woman's name closes before the comma."""
    found = persons("代表团成员有州政府副主席日列兹诺娃，副州长罗巴切夫。")
    assert "日列兹诺娃" in found


@needs_opencc
def test_traditional_script_foreign_names() -> None:
    """Pages from Taiwan and Hong Kong: the same names, quoted in the original characters."""
    found = persons("州政府副主席日列茲諾娃,副州長羅巴切夫率領代表團來訪。")
    assert {"日列茲諾娃", "羅巴切夫"} <= found


def test_latin_script_name_inside_chinese_text() -> None:
    """"工贸部长Márcio Elias Rosa表示": a name left in Latin letters after a title."""
    found = persons("巴西工贸部长João Carlos da Costa表示，巴方欢迎中国投资。")
    assert "João Carlos da Costa" in found
    assert persons("会议由Digital Silk Road Forum主办。") == set()


# ------------------------------------------------------------------ bylines


@pytest.mark.parametrize("line", ["撰文：滑明远", "文/滑明远", "责任编辑：滑明远", "编辑 | 滑明远"])
def test_credit_lines_name_a_person_even_with_a_rare_surname(line: str) -> None:
    assert "滑明远" in persons(f"中俄数字论坛在厦门开幕\n{line}\n论坛为期两天。")


def test_credit_line_naming_a_medium_is_no_person() -> None:
    assert persons("编辑：环球时报\n来源：新华网\n论坛为期两天。") == set()


# ------------------------------------------------------------------ spurious names


def test_preposition_after_a_title_is_no_name() -> None:
    """"张明秘书长向对方介绍": 向 is the preposition, not the surname 向."""
    found = persons("刘海涛秘书长向对方介绍了合作进展。")
    assert "刘海涛" in found
    assert not any(n.startswith("向") for n in found)


def test_place_before_a_mayor_is_no_name() -> None:
    """"下卡姆斯克市长": the city before 市长 is a place, however foreign it sounds."""
    found = persons("代表团在新托姆斯克市长梅特列夫陪同下参观。")
    assert "梅特列夫" in found
    assert not any("托姆斯克" in n for n in found)


def test_short_country_name_before_a_title_is_no_name() -> None:
    assert "乌兹别克" not in persons("乌兹别克副总理纳扎罗夫出席。")


# ------------------------------------------------------------------ grouping


def test_middle_part_of_a_long_dotted_name_groups_with_it() -> None:
    """Portuguese names are often shortened to a middle part (卢拉 of 路易斯·…·卢拉·达席尔瓦)."""
    doc = run("巴西总统若昂·佩德罗·卡多佐·达席尔瓦出席峰会。卡多佐表示，巴西欢迎合作。")
    assert names(doc, "person") == {"若昂·佩德罗·卡多佐·达席尔瓦"}


def test_names_listed_after_a_title_or_joined_by_and() -> None:
    """"常委韩立军、邓海燕和江晓峰出席": the list opens after a shared title and closes with 和."""
    found = persons("政治局常委韩立军、邓海燕和江晓峰出席开幕式。")
    assert {"韩立军", "邓海燕", "江晓峰"} <= found


def test_foreign_speaker_with_the_occasion_before_the_verb() -> None:
    assert "索博列夫斯基" in persons("会谈结束后，索博列夫斯基在记者会上表示，合作前景广阔。")


def test_honorifics_mark_the_name_before_them() -> None:
    """"李建国先生主持", "米舒斯京阁下": 先生 / 女士 / 阁下 follow a person's name."""
    found = persons("会议由韩立军先生主持，感谢索博列夫斯基阁下和邓海燕女士的到访。")
    assert {"韩立军", "索博列夫斯基", "邓海燕"} <= found
    assert persons("女士们、先生们，欢迎来到厦门。") == set()


def test_name_does_not_swallow_the_verb_after_it() -> None:
    """"书记杨诚会见" (jieba: 杨诚会/见), "总统卢拉在讲话中说": the name stops before the verb
    or the preposition that follows it."""
    assert "杨立诚" not in persons("市委书记杨立会见了客人。")
    assert "杨立" in persons("市委书记杨立会见了客人。")
    found = persons("巴西总统卢拉在讲话中说，合作前景广阔。")
    assert "卢拉" in found and "卢拉在" not in found


def test_buildings_and_glossed_companies_are_no_persons() -> None:
    """"克里姆林宫发言人…" names the seat of an office; "…(Bridges Capital)公司" a company."""
    found = persons("克里姆林宫发言人佩斯科娃表示，双方将继续沟通。")
    assert "佩斯科娃" in found and "克里姆林宫" not in found
    assert persons("布里奇斯(Bridges Capital)公司参加了展会。") == set()


def test_foreign_names_as_partners_and_in_lists() -> None:
    """"会见索博列夫斯基", "出席的有A、B等": transliterated names with no title, known by the
    verb of meeting or by a list of like items; countries in the same places are not names."""
    assert "索博列夫斯基" in persons("市长会见索博列夫斯基，双方交换了意见。")
    found = persons("出席的有索博列夫斯基、奥列申科娃、阿尔达诺夫等。")
    assert {"索博列夫斯基", "奥列申科娃", "阿尔达诺夫"} <= found
    assert persons("中方与阿根廷、印度尼西亚、哈萨克斯坦等国举行磋商。") == set()


def test_reporters_listed_after_the_credit_word() -> None:
    """"新华社记者A、B报道", "本报记者 A 通讯员 B": every reporter of the credit, not the first."""
    found = persons("新华社记者韩立军、邓海燕报道\n论坛在厦门开幕。")
    assert {"韩立军", "邓海燕"} <= found
    assert {"符晓明", "檀丽华"} <= persons("本报记者 符晓明 通讯员 檀丽华\n论坛在厦门开幕。")
    assert persons("记者了解到，项目进展顺利。记者从市商务局获悉，论坛将开幕。") == set()


def test_latin_name_before_a_title() -> None:
    assert "João Costa" in persons("João Costa部长表示欢迎。")


def test_leaders_named_after_ling_dao() -> None:
    """"泉州市领导蔡某某会见": 领导 introduces a leader's name although it is no title."""
    assert "蔡立胜" in persons("泉州市领导蔡立胜会见了来宾。")
    assert persons("双方领导出席签约仪式。在市领导的关心下，项目顺利推进。") == set()


def test_speaker_with_the_occasion_before_the_verb() -> None:
    assert "王立毅" in persons("会后，王立毅在记者会上表示，中方愿同各方合作。")


@needs_opencc
def test_taiwan_renderings_of_leaders_and_countries() -> None:
    """Taiwan pages: "總統拉瑪佛沙表示" (佛 is no mainland transliteration character) and
    country names of their own (衣索比亞) that must not be read as a person before 總理."""
    found = persons("南非總統西里爾佛沙表示歡迎。衣索比亞總理阿比達說，合作前景廣闊。")
    assert {"西里爾佛沙", "阿比達"} <= found
    assert "衣索比亞" not in found


def test_compound_titles_are_read_whole() -> None:
    """外交秘书, 新闻秘书, 行政长官: the title is the whole compound, not its tail 秘书."""
    doc = run("总统新闻秘书佩斯科娃表示，外交秘书米斯拉会见了代表团。")
    titles = {p.title for p in doc.positions}
    assert any(t.endswith("新闻秘书") for t in titles) and any(t.endswith("外交秘书") for t in titles)
    assert {"佩斯科娃", "米斯拉"} <= names(doc, "person")


def test_name_followed_by_its_title_or_its_latin_spelling_in_brackets() -> None:
    """"韩某（厦门市副市长）表示", "韩某(Han Moujun)表示": the bracket says who the name is."""
    assert "韩立军" in persons("韩立军（厦门市副市长）表示，将加强合作。")
    assert "索博列夫斯基" in persons("索博列夫斯基（俄罗斯工贸部副部长）表示欢迎。")
    assert "韩立军" in persons("论坛上，韩立军(Han Lijun)表示欢迎。")
    assert persons("厦门市政府（市长办公室）发布通知。") == set()


def test_congratulated_and_comrades() -> None:
    """"致电祝贺X", "X同志": a foreign name after the verb of congratulating, a name before 同志."""
    found = persons("主席致电祝贺佩泽希奇扬，祝贺他当选。韩立军同志出席。")
    assert {"佩泽希奇扬", "韩立军"} <= found
    assert persons("同志们，大家好。会上，巴西参加讨论。") == set()


def test_both_sides_of_a_talk_without_titles() -> None:
    """"王某与拉某举行会谈", "与佐某通电话": the two persons of a talk, even when jieba guesses
    that an unknown foreign word is a place (苏比安托 ns)."""
    found = persons("韩立军与索博列夫斯基举行会谈。邓海燕与佐科通电话。当天，苏比安托表示欢迎。")
    assert {"韩立军", "索博列夫斯基", "邓海燕", "佐科", "苏比安托"} <= found
    assert persons("中方与巴西举行会谈。中国与俄罗斯举行会谈。中方同东盟举行会谈。") == set()


def test_districts_and_short_forms_of_address_are_no_speakers() -> None:
    """"，高新区表示" (jieba tags the district as a name), "李会长欢迎" (surname + title)."""
    assert persons("会上，高新区表示欢迎。随后，李会长欢迎客人。") == set()
