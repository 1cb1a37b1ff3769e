"""Round 4: persons in classes of text found on fresh real pages (sentences written here).

Each test is one class of text — a way news writes a person — not a sentence of those pages.
"""

from __future__ import annotations

from tests.extract.helpers import names, run_components

from coopnode.extract import en, zh
from coopnode.extract.types import Doc


def run_zh(text: str) -> Doc:
    return run_components(zh.COMPONENTS, text, "zh", "2025-07-14")


def run_en(text: str) -> Doc:
    return run_components(en.COMPONENTS, text, "en", "2025-07-14")


# ------------------------------------------------------------------ Chinese

def test_zh_dotted_name_with_a_character_missing_from_the_table() -> None:
    """安德烈 has 烈, rare in transliterations; jieba still tags the word a name."""
    doc = run_zh("俄方企业代表安德烈·别洛乌索夫随后介绍了风电项目。")
    assert "安德烈·别洛乌索夫" in names(doc, "person")


def test_zh_person_introduced_by_the_company_they_work_for() -> None:
    doc = run_zh("会上，长城汽车公司的王建国共同展示了新车型，“成都机床厂”的李世明则提出合作建议。")
    assert {"王建国", "李世明"} <= names(doc, "person")


def test_zh_company_name_with_english_aside_before_the_person() -> None:
    doc = run_zh("东方电气集团(Dongfang Electric)的李建春提出了交通领域的方案。")
    assert "李建春" in names(doc, "person")


def test_zh_title_with_a_rank_in_brackets_before_the_name() -> None:
    doc = run_zh("工业和信息化部总工程师(副部长级)赵明远出席会议并致辞。")
    assert "赵明远" in names(doc, "person")


def test_zh_region_before_a_title_is_not_a_person() -> None:
    doc = run_zh("新西伯利亚州副州长彼得·伊万诺夫在开幕式上讲话。")
    assert "新西伯利亚州" not in names(doc, "person")
    assert "彼得·伊万诺夫" in names(doc, "person")


def test_zh_building_a_factory_is_not_an_organization() -> None:
    doc = run_zh("该集团计划在明斯克设厂。")
    assert not any(n.endswith("设厂") for n in names(doc, "organization"))


# ------------------------------------------------------------------ English

def test_en_title_in_lower_case_before_the_name() -> None:
    doc = run_en("A spokesperson of the Ministry of Trade Ravi Kumar wrote on X.")
    assert "Ravi Kumar" in names(doc, "person")
    assert not any("Ravi" in n for n in names(doc, "organization"))


def test_en_name_after_a_long_title_followed_by_a_preposition() -> None:
    doc = run_en("He handed over a message from Minister of Foreign Affairs of Uzbekistan "
                 "Timur Rashidov on the occasion of the holiday.")
    assert "Timur Rashidov" in names(doc, "person")


def test_en_charge_d_affaires_ad_interim_with_country_before_the_name() -> None:
    doc = run_en("She met Charge d'Affaires ad Interim of the Republic of Kazakhstan in China "
                 "Erlan Nurov.")
    assert "Erlan Nurov" in names(doc, "person")


def test_en_title_with_an_aside_in_brackets() -> None:
    doc = run_en("The session was chaired by Secretary (East & West) Arun Mehra and "
                 "Additional Secretary Kavita Rao.")
    assert {"Arun Mehra", "Kavita Rao"} <= names(doc, "person")


def test_en_arabic_name_after_a_repeated_title() -> None:
    doc = run_en("Egypt's Minister of Industry Minister Khaled bin Saleh Al Mansour, and others.")
    assert "Khaled bin Saleh Al Mansour" in names(doc, "person")


def test_en_name_before_a_title_in_apposition_without_a_tagged_entity() -> None:
    doc = run_en("Arun Mehra, Secretary (Economic Relations), at the Ministry of External Affairs, "
                 "led the delegation. Tsogtbaatar, the provincial Party secretary, welcomed them.")
    assert {"Arun Mehra", "Tsogtbaatar"} <= names(doc, "person")


def test_en_country_in_apposition_is_not_a_person() -> None:
    doc = run_en("India, the Chair of BRICS this year, hosted the meeting.")
    assert "India" not in names(doc, "person")


def test_en_arabic_particle_joined_by_a_hyphen_stays_in_the_name() -> None:
    doc = run_en("President Abdel Fattah al-Sisi received the delegation in Cairo.")
    assert "Abdel Fattah al-Sisi" in names(doc, "person")


def test_en_sentence_adverb_is_not_part_of_a_name() -> None:
    doc = run_en("Foreign Minister Wang Yi met the envoy. Besides Wang, the talks were attended "
                 "by Li Qiang.")
    assert not any(n.startswith("Besides") for n in names(doc, "person"))


def test_en_abbreviations_hashtags_and_compounds_are_not_persons() -> None:
    doc = run_en("The MoU was signed. Ministers joined the #GroupPhoto session. A "
                 "Stand-alone Session of the ministers took place in Delhi.")
    assert not names(doc, "person") & {"MoU", "GroupPhoto", "Stand"}


def test_en_role_words_of_summit_preparation_are_titles_not_names() -> None:
    doc = run_en("The Sous Sherpas met a day after the Sherpas, with Ravi Kumar as "
                 "India's BRICS Sherpa.")
    assert names(doc, "person") == {"Ravi Kumar"}


def test_en_initial_without_a_dot_belongs_to_the_name() -> None:
    doc = run_en("Since S Raghavan took office as minister, he has travelled widely.")
    assert "S Raghavan" in names(doc, "person")


def test_en_bare_surname_after_a_titled_mention_is_the_person_not_a_body() -> None:
    doc = run_en("The envoy held talks with Russian Deputy Foreign Minister Petrov. "
                 "Petrov said Moscow was ready to widen the dialogue.")
    assert "Petrov" in names(doc, "person")
    assert "Petrov" not in names(doc, "organization")


def test_en_region_after_a_title_is_not_a_person() -> None:
    doc = run_en("He met Ivan Sidorov, Governor of Primorskiy Kray.")
    assert "Primorskiy Kray" not in names(doc, "person")


def test_en_name_after_a_long_title_followed_by_and_others() -> None:
    doc = run_en("The delegation included First Deputy Head of the Ministry of Industry and Trade "
                 "of the Russian Federation Pavel Sorokin and others.")
    assert "Pavel Sorokin" in names(doc, "person")
    assert not any("Sorokin" in n for n in names(doc, "organization"))


def test_en_two_word_name_as_subject_of_speaking_is_a_person() -> None:
    doc = run_en("Representing the Ministry of Industry and Trade, Pavel Sorokin noted the growth "
                 "of exports.")
    assert "Pavel Sorokin" in names(doc, "person")


def test_en_three_word_name_after_a_title_naming_two_countries() -> None:
    doc = run_en("Ambassador of the Republic of South Africa to Russia Sibusiso Jabu Ndlovu and "
                 "Brazilian Ambassador Rodrigo Soares were present.")
    assert {"Sibusiso Jabu Ndlovu", "Rodrigo Soares"} <= names(doc, "person")


def test_en_title_left_over_from_a_run_on_phrase_is_no_organization() -> None:
    doc = run_en("New Delhi, June 3, 2024. Union Minister Arvind Rao met the delegation.")
    assert "Arvind Rao" in names(doc, "person")
    assert "Union Minister" not in names(doc, "organization")


def test_en_outlet_credited_at_the_end_of_a_paragraph_or_in_a_source_line() -> None:
    doc = run_en("The committee said it would open an office in São Paulo. (newswire)\n"
                 "Source: IANS\n(Photo)")
    assert {"newswire", "IANS"} <= names(doc, "organization")
    assert "Photo" not in names(doc, "organization")


def test_en_acronym_of_a_list_of_countries_is_a_grouping() -> None:
    doc = run_en("India, Brazil and South Africa (IBSA) will meet in March. IBSA was founded in 2003.")
    assert "IBSA" in names(doc, "organization")


def test_en_the_domain_of_an_office_is_not_its_holder() -> None:
    doc = run_en("The company met a delegation led by Mr. Paulo Pereira, Deputy Governor of Santa "
                 "Luzia, Brazil. Crown Prince of Ras Tamar, Khalid bin Saeed (KBS), sent a letter.")
    persons = names(doc, "person")
    assert {"Paulo Pereira", "Khalid bin Saeed"} <= persons
    assert not persons & {"Santa Luzia", "Ras Tamar"}


def test_en_a_name_followed_by_its_short_form_in_brackets() -> None:
    doc = run_en("Indonesian President Budi Santoso (Busan) received the delegation.")
    assert "Budi Santoso" in names(doc, "person")


def test_en_short_honorifics_and_company_branches_are_not_persons() -> None:
    doc = run_en("Vice President KH Ahmad Fauzi met the delegation. An agreement between "
                 "Sinotrans Hainan and the state was signed.")
    persons = names(doc, "person")
    assert "Ahmad Fauzi" in persons and not persons & {"KH", "Sinotrans Hainan"}


def test_en_a_name_set_off_by_commas_after_a_titled_phrase() -> None:
    doc = run_en("The deputy secretary of the state's Office for Foreign Trade, Renato Alves, "
                 "welcomed the guests.")
    assert "Renato Alves" in names(doc, "person")


def test_zh_common_surnames_outside_the_first_three_hundred() -> None:
    doc = run_zh("通讯社社长傅明在主旨发言中表示，合作很重要。")
    assert "傅明" in names(doc, "person")


def test_zh_three_character_name_jieba_cut_after_two_characters() -> None:
    doc = run_zh("友好协会秘书长苏子梁,国际部负责人出席。")
    assert "苏子梁" in names(doc, "person")
