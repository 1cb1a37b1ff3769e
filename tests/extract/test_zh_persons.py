"""Round 3: Chinese persons the extractor missed or split on new real pages.

The sentences are written here; each test is one class of text, not one sentence of the pages.
"""

from __future__ import annotations

import pytest
from tests.extract.helpers import names, run_components

from coopnode.extract import extract_document, zh_script
from coopnode.extract.types import Doc
from coopnode.extract.zh import COMPONENTS

needs_opencc = pytest.mark.skipif(not zh_script.char_table(), reason="OpenCC tables not installed")


def run(text: str, published: str = "2024-05-03") -> Doc:
    return run_components(COMPONENTS, text, "zh", published)


def persons(text: str) -> set[str]:
    return names(run(text), "person")


def test_deputy_chairman_of_a_standing_committee_is_a_title() -> None:
    """委员长 / 副委员长 (NPC Standing Committee) stand before a name like 主席 does."""
    found = persons("5月3日,白俄罗斯总理会见了全国人大常委会副委员长钱立群并交换意见。")
    assert "钱立群" in found
    assert persons("安徽省是钱立群的家乡。") == set()  # no title, no evidence


def test_spaced_photo_credit_is_a_byline_even_with_a_rare_surname() -> None:
    """"新华社发 某某 摄" and "记者 某某 摄": the spaced 摄 marks a photographer."""
    assert "闻晓舟" in persons("会议在杭州举行。\n新华社发 闻晓舟 摄\n")
    assert "巨明远" in persons("双方签署合作协议。\n记者 巨明远 摄\n")


def test_credit_word_alone_is_not_a_person() -> None:
    assert persons("双方签署合作协议。\n本报记者 摄\n") == set()


def test_dotted_name_runs_to_the_comma_past_an_unlisted_character() -> None:
    """The last part of a dotted name ends at the comma even when one of its characters is not
    in the transliteration list; the name is not cut in the middle."""
    found = persons("出席活动的还有经济部副部长戈尔布诺娃·伊莲娜,园区管委会主任舒米洛·斯杨娜。")
    assert "戈尔布诺娃·伊莲娜" in found
    assert "舒米洛·斯杨娜" in found
    assert not any(name.endswith("·伊") for name in found)


def test_dotted_name_does_not_swallow_the_following_word() -> None:
    found = persons("外交部长弗拉基米尔·马卡罗夫一起访问了园区。")
    assert "弗拉基米尔·马卡罗夫" in found


def test_surname_first_dotted_name_joins_its_bare_surname() -> None:
    """Belarusian and Russian names are often written surname first: 斯米尔诺夫·帕维尔,
    then 斯米尔诺夫 alone. Both mentions are one person under the full name."""
    doc = run("白俄罗斯总统办公厅副主任斯米尔诺夫·帕维尔与省长会谈。斯米尔诺夫表示,合作进展顺利。")
    assert names(doc, "person") == {"斯米尔诺夫·帕维尔"}


def test_bare_name_shared_by_two_dotted_names_is_left_alone() -> None:
    doc = run("副主任亚历山大·彼得罗夫和主任亚历山大·伊万诺夫出席。亚历山大表示欢迎。")
    found = names(doc, "person")
    assert {"亚历山大·彼得罗夫", "亚历山大·伊万诺夫"} <= found


@needs_opencc
def test_traditional_surname_first_name_joins_too() -> None:
    doc = run("白俄羅斯總統辦公廳副主任斯米爾諾夫·帕維爾與省長會談。斯米爾諾夫表示,合作進展順利。")
    assert names(doc, "person") == {"斯米爾諾夫·帕維爾"}


def test_name_cut_by_the_tokenizer_is_read_in_full_when_the_text_gives_it_elsewhere() -> None:
    """"市长曹新平和…" is tokenized 曹新/平和; the full name the text introduced earlier wins
    over a two-character fragment, so one mayor is not reported as two persons."""
    found = persons("市长曹新平于6月4日率团访问梁赞市。5日上午,市长曹新平和第一副市长富尔索夫分别介绍了情况。")
    assert "曹新平" in found
    assert "曹新" not in found


def test_name_cut_in_two_before_a_title_opening_a_clause() -> None:
    """"李小林会长会见…", "马文峰主任会见…": jieba cuts the name (李/小林, 马/文峰) and tags it
    as ordinary nouns; before a title and a verb of meeting it is still a name."""
    assert "蒋小川" in persons("4月1日,蒋小川会长会见了印度驻华大使。")
    assert "邵文峰" in persons("3月2日,邵文峰主任会见新任总领事。")


def test_dictionary_words_before_a_title_are_not_names() -> None:
    """"党委书记表示", "常务副市长会见": a surname-like first character is not enough."""
    found = persons("会上,党委书记表示支持。随后,常务副市长会见了代表团。")
    assert not found & {"党委", "常务"}


def test_the_kind_of_middle_dot_does_not_split_a_person() -> None:
    """Sites use ∙, • or · between the parts of a foreign name; a later bare surname is the
    same person whichever dot the full name had."""
    for dot in "·∙•":
        text = f"俄罗斯副总理尤里{dot}沃罗宁在会上发言。会议由副总理与全权代表沃罗宁共同主持。"
        contract = extract_document(text.encode()).to_contract()
        people = [e for e in contract["entities"] if e["type"] == "person"]
        assert len(people) == 1, (dot, people)


def test_hyphen_between_given_name_and_surname_after_a_title() -> None:
    found = persons("俄经济发展部副部长德米特里-沃洛金介绍说,项目进展顺利。")
    assert "德米特里-沃洛金" in found
    assert "德米特里" not in found


def test_hyphen_between_two_places_is_not_a_person() -> None:
    assert persons("阿根廷-巴西航线开通。") == set()
