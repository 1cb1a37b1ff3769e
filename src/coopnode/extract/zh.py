"""Chinese extraction components: jieba words plus patterns for names, titles and documents.

Chinese official names are long noun chains closed by a telling suffix (…人民政府, …委员会,
…研究中心), so organizations are read from a suffix leftwards over noun-like words until a verb,
preposition or punctuation.  Places come from word lists, the reference gazetteer and jieba's
``ns`` tag.  Persons need evidence besides jieba's ``nr`` guess: a title next to the name
(部长, 副总理, 大使 …), a byline (记者 …, … 摄, 责任编辑：…) or a transliterated name with a
middle dot (安东·阿列克谢耶夫); also the place of a name in the sentence (the subject of a verb
of speaking, the partner of a talk, an item of a list of names, a name before 先生 or before its
title in brackets) and a Latin spelling next to it (拉马福萨(Cyril Ramaphosa)).  How far a
foreign name runs is read from the characters of the published transliteration tables
(``zh_names``).  Names are kept as written, with exact offsets into ``doc.text``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import TypeVar

from coopnode.extract import wordlists, zh_lexicon, zh_names, zh_script
from coopnode.extract.types import (
    AgreementMention,
    AgreementType,
    DateMention,
    Doc,
    EntityMention,
    EntityType,
    EventTrigger,
    EventType,
    PositionMention,
    Span,
)
from coopnode.extract.zh_lexicon import Token

ORG_SUFFIXES: tuple[str, ...] = (
    "人民政府", "政府", "分委员会", "委员会", "分委会", "联委会", "管委会", "执委会", "理事会", "协会", "商会", "联合会", "研究院", "研究所", "研究中心",
    "分中心", "中心", "办公室", "秘书处", "大学", "学院", "经学院", "大使馆", "使馆", "领事馆",
    "公司", "集团", "银行", "联盟", "工信厅", "部", "局", "厅", "署", "委", "办", "院", "组织",
    "产业园", "科技园", "工业园", "园区", "基地", "交易所", "基金会", "通讯社", "报社", "电视台",
    "实验室", "孵化器", "俱乐部", "议会", "国家杜马", "大巴扎", "经济区", "开发区", "自贸区",
    "合作区", "示范区", "高新区", "新区", "工坊", "联合工厂", "工厂", "厂", "联合体", "合作社",
    # missions, working bodies, organising committees, cultural bodies and media
    "办事处", "代表处", "工作组", "组委会", "秘书局", "交响乐团", "乐团", "艺术团", "剧院",
    "博物馆", "出版社", "新闻社", "广播电台", "国民会议", "联邦会议", "代表院", "共和国院",
)
# One-character suffixes are too common inside ordinary words; they need a longer name.
_SHORT_SUFFIXES = frozenset({"部", "局", "厅", "署", "委", "办", "院", "厂"})
_NOT_ORG_ENDINGS = ("内部", "外部", "全部", "东部", "西部", "南部", "北部", "中部", "局部", "干部",
                    "部分", "总部", "结局", "格局", "布局", "当局", "大局", "全局", "医院", "法院",
                    "庭院", "剧院", "影院", "主办", "承办", "协办", "举办", "创办", "开办", "筹办", "申办",
                    "督办", "查办", "设厂", "建厂", "办厂", "开厂", "出厂", "进厂", "全厂", "本厂",
                    "该厂", "回厂")
PLACE_SUFFIXES = ("自治区", "联邦区", "省", "市", "州", "县", "区", "地区")
# Words that stop the leftward walk over an organization's modifiers.
STOP_WORDS = frozenset("""
在 同 与 和 及 以及 或 由 向 对 把 被 将 为 于 从 自 至 到 经 据 据悉 是 有 了 的 等 等等 共同 并 还 也 又
签署 签订 签约 共建 举行 举办 主办 承办 出席 参加 考察 参观 访问 会见 会谈 会晤 表示 介绍 指出 强调
宣布 发布 发表 设立 成立 建立 依托 作为 服务 推动 推进 支持 加强 开展 打造 促进 深化 落实 决定 达成
当地时间 同时 此外 其中 来自 位于 举措 分别 双方 各方 此次 本次 这 该 其 之 中外 各国 两国
论坛 会议 峰会 博览会 大会 仪式 主题 聚焦 围绕 包括 通过 参与 合作伙伴
有关 相关 所有 各 各个 部分 多家 一些 若干 助力 赋能 携手 带动 支撑 助推 对接 服务于 面向 联手
""".split())
# Verbs that are part of official names (…创新发展研究中心, …合作委员会).
NAME_VERBS = frozenset("""
创新 发展 合作 研究 投资 贸易 交流 建设 开发 管理 促进 改革 运营 孵化 转移 监督 保护 规划 设计 制造
培训 教育 通信 信息化 共建 协调 服务 咨询 检测 认证 评估 孵化器 执行 传媒 经营 科研 联合
""".split())
# Stop words for an agreement title: 签署《共建…协议》 keeps 共建, but not the verb of signing.
AGREEMENT_STOP_WORDS = frozenset("""
在 同 与 和 及 以及 或 由 向 对 把 被 将 为 于 从 自 至 到 经 是 有 了 的 等 并 还 也 又 签署 签订 签约 签字
决定 达成 通过 发布 发表 落实 根据 按照 依据 共同 双方 各方 此次 本次 该 上述 这 其 一份 两份 多项
""".split())
# Tokens that make a chain a proper name rather than a description ("工业园区" is not a name).
_PROPER_FLAGS = frozenset({"ns", "nt", "nz", "nr", "nrt", "nrfg", "j", "eng"})
_NOUNISH = re.compile(r"^(?:n|nt|ns|nz|nrt|nr|j|vn|b|f|an|l|nnt|eng|x)$")

# Characters that transliterated foreign names are written with (阿列克谢耶夫, 特鲁特涅夫 …).
TRANSLIT = frozenset(
    "阿埃艾爱安昂奥澳巴拜班邦贝本比彼毕宾波伯博布查达戴丹道德登迪蒂丁东杜多厄恩尔法凡范菲费芬丰夫"
    "弗福伏盖甘冈戈格哥根古贡瓜圭哈海汉豪赫亨洪胡华怀霍基吉加贾杰金津卡凯坎康考柯科克肯库夸奎拉"
    "莱赖兰朗劳勒雷蕾里利莉列林琳留柳卢鲁路伦罗洛马玛迈麦曼梅门蒙米缅明莫姆穆纳娜奈南内尼涅努诺"
    "帕潘佩彭皮普齐奇恰乔切钦琴丘萨塞赛桑瑟森沙莎舍什施舒斯松苏索塔泰坦汤唐特提廷图托瓦万旺威韦"
    "维温沃乌伍西希锡席夏谢辛休雅亚扬耶叶伊因英尤约泽扎詹兹佐娃茨纽尚京吐木牙孜热甫买提江古丽"
    "不都肉孜阿卜努尔艾合买买提克依拜罕夏哈尼牙孜吾斯曼奴鄂芙薇蕾黛希茹娅捷霍巴赫若昆"
    "杰契佳尤勃瑞坚柴妮琪茜蒂洛罗萝片申廖连维延默别绍苗祖济"
)
# Further characters seen in transliterations; only trusted next to a middle dot
# (亚历山大·…), because alone they are too common in ordinary words.
TRANSLIT_DOTTED = TRANSLIT | frozenset(
    "高先鲍历山大德罗维奇诺夫斯基娜科耶托尔什米哈伊洛扎列宁普拉得莲杨"
    # from the Xinhua Russian-Chinese and Arabic-Chinese transliteration tables (安德烈, 季托夫,
    # 采列夫, 楚瓦, 易卜拉欣, 侯赛因, 优素福, 肖洛霍夫, 朱可夫, 甘地 …)
    "久代任侯季富察措日易楚欣武烈秋素肖茂采优朱可地") | zh_names.transliteration_characters()
# Common Chinese surnames, to accept a jieba nr word as a full name.
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏"
    "魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵"
    "万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘"
    "祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟"
    "艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞"
    "姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝习"
    # further surnames among the commonest few hundred (傅华, 洪磊, 赖清德, 阎…)
    "傅洪赖阎楚燕惠裘贝官居鞠储邰蔚薄尉练丘植"
    # rarer surnames that the credit lines of news pages show (符, 檀, 冼 …)
    "符檀厉揭冼鄢粟逯阚钮蔺屠訾芮闻雍濮扈冀郦庾暨蒯荆竺瞿晁"
)
SPEECH_VERBS = frozenset("""
表示 指出 说 介绍 强调 认为 称 透露 坦言 提出 建议 出席 会见 致辞 讲话 主持 宣布 回忆 谈到 告诉 希望
会谈 通话 率团 率领 访问 考察 签署 一行
致电 致函 致信 会晤 接见 宴请 参加 发言 祝贺
""".split())
COUNTRY_ABBREVIATIONS = frozenset("中俄白印巴南哈吉塔乌土蒙伊埃沙阿越老柬泰缅新菲美日韩德法英意")

_TRIGGERS: list[tuple[str, EventType]] = [
    ("签约仪式", "signing"), ("签字仪式", "signing"), ("签署", "signing"), ("签订", "signing"),
    ("签约", "signing"), ("签字", "signing"),
    ("会见", "meeting"), ("会谈", "meeting"), ("会晤", "meeting"), ("通话", "meeting"),
    ("视频会议", "meeting"), ("视频连线", "meeting"), ("座谈", "meeting"), ("磋商", "meeting"),
    ("洽谈", "meeting"), ("举行会议", "forum"), ("会议", "forum"),
    ("访问", "visit"), ("到访", "visit"), ("出访", "visit"), ("访华", "visit"), ("考察", "visit"),
    ("调研", "visit"), ("参观", "visit"), ("来访", "visit"),
    ("揭牌", "ceremony"), ("启动", "ceremony"), ("开幕", "ceremony"), ("开通", "ceremony"),
    ("启用", "ceremony"), ("落成", "ceremony"), ("颁奖", "ceremony"), ("仪式", "ceremony"),
    ("投入运营", "ceremony"), ("正式运行", "ceremony"),
    ("论坛", "forum"), ("峰会", "forum"), ("博览会", "forum"), ("展览会", "forum"), ("交易会", "forum"),
    ("洽谈会", "forum"), ("研讨会", "forum"), ("大会", "forum"), ("年会", "forum"), ("大赛", "forum"),
    ("展会", "forum"), ("博鳌", "forum"), ("部长级会议", "forum"), ("领导人会晤", "forum"),
    ("批复", "approval"), ("获批", "approval"), ("批准", "approval"), ("认定", "approval"),
    ("授予", "approval"), ("入选", "approval"), ("命名", "approval"),
    ("正式成立", "other"), ("挂牌成立", "other"),
    # calls and visits named by their destination: "通电话", "访俄", "访白期间"
    ("通电话", "meeting"), ("视频通话", "meeting"), ("访俄", "visit"), ("访白", "visit"),
    ("访印", "visit"), ("访哈", "visit"), ("访乌", "visit"), ("访吉", "visit"), ("访塔", "visit"),
    ("访蒙", "visit"), ("访巴", "visit"), ("访欧", "visit"), ("展览", "forum"), ("国家展", "forum"),
]
# Leaders' and ministers' meetings and numbered sessions are multilateral: forum, not meeting.
_FORUM_MEETING_RE = r"(?:领导人|元首|部长|外长|总理|首脑)(?:第[\d一二三四五六七八九十]+次)?(?:会晤|会议)|第[\d一二三四五六七八九十]+次(?:会晤|会议)"
_TRIGGER_RE = re.compile(_FORUM_MEETING_RE + "|" + "|".join(
    re.escape(w) for w, _ in sorted(_TRIGGERS, key=lambda p: -len(p[0]))))
_TRIGGER_TYPES: dict[str, EventType] = dict(_TRIGGERS)
_PLANNED_RE = re.compile(r"将于|将在|将会|即将|拟于|拟在|计划于|预计|将举办|将举行|将召开|届时|下月|明年"
                         r"|下周|月底前|年内将|定于|拟(?:赴|出席|访问|签署|举行|举办|召开|率团|前往)"
                         r"|将(?:赴|出席|访问|对|与|同|举行|举办|召开|签署|率团|前往|参加|会见|会晤|启动|访华)")

_AGREEMENT_KEYWORDS: list[tuple[str, AgreementType]] = [
    ("谅解备忘录", "memorandum"), ("备忘录", "memorandum"), ("路线图", "roadmap"),
    ("联合宣言", "declaration"), ("宣言", "declaration"), ("联合声明", "declaration"),
    ("声明", "declaration"), ("公报", "declaration"), ("合作协议", "agreement"), ("协议", "agreement"),
    ("协定", "agreement"), ("合同", "contract"), ("行动计划", "other"), ("合作纲要", "other"),
    ("合作规划", "other"), ("议定书", "other"), ("会议纪要", "other"), ("会谈纪要", "other"),
    ("纪要", "other"), ("合作纲领", "other"), ("意向书", "other"),
    ("条约", "agreement"), ("章程", "other"), ("宪章", "other"),
]
_AGREEMENT_RE = re.compile("|".join(re.escape(w) for w, _ in _AGREEMENT_KEYWORDS))
_AGREEMENT_TYPES: dict[str, AgreementType] = dict(_AGREEMENT_KEYWORDS)
_BARE_DOCUMENTS = frozenset({"联合声明", "联合宣言", "联合公报"})
_VAGUE_BEFORE = ("多项", "一系列", "若干", "各项", "系列", "一批", "多份", "该", "上述", "此项", "相关",
                 "有关", "这些", "这份", "此", "各类", "等", "所有", "全部", "各", "这一", "那些", "其他",
                 "两份", "三份", "多个", "一些")
# "三个工作组会议纪要", "5份协议": a counted set of documents, not one named document.
_COUNTED_RE = re.compile(r"[\d一二三四五六七八九十两几多]+\s*[个项份批件](?:[^，,。；;：:\n《》“”]{0,10}?(?:或|和|及|与|、))?[^，,。；;：:\n《》“”]{0,6}$")
# "关于…的" before a document keyword opens its title.
_ABOUT_RE = re.compile(r"(?:关于|有关)[^，,。；;！？!?\n《》“”]{2,40}?的(?:(?!和|与|及|有关|相关|问题|的)[\u4e00-\u9fff]){0,8}$")
_TITLE_BRACKETS_RE = re.compile(r"《([^《》\n]{2,80})》")
# Middle dots as pages write them: U+00B7, U+2022, U+30FB, U+2027, U+2219, U+22C5, U+FF65, U+2E31.
NAME_DOTS = "·•・‧∙⋅･⸱"
_DOT_NAME_RE = re.compile(r"[\u4e00-\u9fff]{1,8}(?:[" + NAME_DOTS + r"][\u4e00-\u9fff]{1,8})+")
_SENTENCE_END_RE = re.compile(r"[。！？；!?;]+[”’」』）)]*|\n+")
# A news agency dateline ("新华社莫斯科5月21日电（记者 李明）") is a sentence of its own, so that
# its date is not taken for the date of the events in the lead sentence.
_DATELINE_RE = re.compile(r"(?m)^[ \u3000]*[^\n。，,]{2,30}?\d{1,2}日电(?:[（(][^）)\n]{1,40}[）)])?")


def sentence_spans(text: str) -> list[Span]:
    """Sentences: split after 。！？； (with closing quotes) and at line breaks."""
    ends = [(m.start(), m.start() if m.group()[:1] == "\n" else m.end(), m.end())
            for m in _SENTENCE_END_RE.finditer(text)]
    ends += [(m.end(), m.end(), m.end()) for m in _DATELINE_RE.finditer(text)]
    spans: list[Span] = []
    lo = 0
    for _, end, resume in sorted(ends):
        if end < lo:
            continue
        spans.extend(_trimmed(text, lo, end))
        lo = resume
    spans.extend(_trimmed(text, lo, len(text)))
    return spans


def _trimmed(text: str, lo: int, hi: int) -> list[Span]:
    while lo < hi and text[lo].isspace():
        lo += 1
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    return [Span(lo, hi, text[lo:hi])] if hi > lo else []


def canonical_name(surface: str) -> str:
    """A name as written, without the brackets around an inner qualifier: 研究院(东南)创新 -> 研究院东南创新.

    The text spells such names both ways; one canonical form keeps them one entity.
    """
    return re.sub(r"[()（）\s]", "", surface)


def translit_run(text: str, start: int, step: int, chars: frozenset[str] = TRANSLIT) -> int:
    """End (step=1) or start (step=-1) of the run of transliteration characters from ``start``."""
    i = start
    if step > 0:
        while i < len(text) and (text[i] in chars or text[i] in NAME_DOTS):
            i += 1
    else:
        while i > 0 and (text[i - 1] in chars or text[i - 1] in NAME_DOTS):
            i -= 1
    return i


def title_at(text: str, pos: int, backwards: bool = False) -> str | None:
    """The title that starts (or, backwards, ends) at ``pos``, longest first."""
    for title in zh_lexicon.titles():
        if backwards and text.endswith(title, 0, pos):
            return title
        if not backwards and text.startswith(title, pos):
            return title
    return None


@dataclass
class _Candidate:
    start: int
    end: int
    type: EntityType
    name: str
    priority: int
    source: str
    country: str | None = None
    gazetteer_id: str | None = None


# ---------------------------------------------------------------- organizations and places

# Words jieba tags as organizations that name no particular body.
_GENERIC_NT = frozenset({"外交使团", "代表团", "使节团", "合作组织", "国际组织"})


_PARLIAMENTS = frozenset({"联邦会议", "国民会议"})


def _walk_left(tokens: tuple[Token, ...], index: int, text: str, allow_verbs: bool) -> int:
    """Index of the first token of the name chain that ends with ``tokens[index]``.

    The walk goes left over noun-like words; it stops at punctuation, numbers, prepositions and
    verbs of the sentence.  Verbs that official names contain (创新, 合作, 发展) are kept when a
    noun stands before them; ``allow_verbs`` (agreement titles) keeps any verb but a few.
    """
    stops = AGREEMENT_STOP_WORDS if allow_verbs else STOP_WORDS
    j = index
    while j > 0:
        prev = tokens[j - 1]
        word = prev.word
        if word in {")", "）"}:
            # a short qualifier in brackets inside a name: 中国信息通信研究院(东南)创新发展研究中心
            opening = _bracket_qualifier_start(tokens, j - 1)
            if opening is None:
                break
            j = opening
            continue
        if word == "、" and _enumeration_in_name(tokens, j - 1, index):
            j -= 1
            continue
        if word in {"”", "」"} and not allow_verbs:
            # a quoted proper name inside a name: 中白工业园“巨石”管委会
            opening = _quoted_part_start(tokens, j - 1)
            if opening is None:
                break
            j = opening
            continue
        if (word in {"—", "－", "-"} and j >= 2 and j < index and tokens[j - 2].flag == "ns"
                and tokens[j].flag in {"ns", "nt"}):
            # 中国—东盟信息港股份有限公司: two places joined by a dash name one body
            j -= 1
            continue
        if word in {"和", "与"} and _joins_names(tokens, j - 1):
            j -= 1
            continue
        if word.startswith("驻") and not allow_verbs:
            # "白俄罗斯驻华大使馆", "中国驻白俄罗斯大使馆": the seat is part of the name
            j -= 1
            continue
        if word == "会议" and text[max(0, prev.start - 2):prev.end] in _PARLIAMENTS:
            j -= 1  # "俄罗斯联邦会议联邦委员会", "白俄罗斯国民会议代表院": a parliament's name
            continue
        if (word in stops and (len(word) > 1 or not prev.flag.startswith("n"))
                or not re.fullmatch(r"[\u4e00-\u9fffA-Za-z·]+", word)):
            break
        if prev.flag.startswith("v") and prev.flag != "vn":
            name_verb = word in NAME_VERBS and j - 2 >= 0 and (
                _NOUNISH.match(tokens[j - 2].flag) or tokens[j - 2].word in {")", "）"})
            if not (allow_verbs or name_verb):
                break
        elif not (_NOUNISH.match(prev.flag) or prev.flag in {"a", "m"} and len(word) == 1
                  or allow_verbs and prev.flag in {"a", "ad", "d"} and len(word) >= 2
                  or prev.flag == "t" and not re.search(r"[年月日天时前后午晚今昨明近当期初底末]", word)):
            break
        if prev.flag == "m" and re.search(r"\d", word):
            break
        if word in {"年", "月", "日", "号"}:
            break  # "2025年上海合作组织峰会": the end of a date, not part of the name
        j -= 1
    while j < index and tokens[j].word in {"和", "与", "(", "（", ")", "）"}:
        j += 1
    return j


def _bracket_qualifier_start(tokens: tuple[Token, ...], closing: int) -> int | None:
    """Index of the "(" of a short bracketed qualifier that closes at ``closing`` and has a
    name word before it; None when the brackets hold something else (a byline, a note)."""
    k = closing - 1
    while k >= 0 and tokens[k].word not in {"(", "（"}:
        if tokens[k].word in {")", "）"} or not re.fullmatch(r"[\u4e00-\u9fff]+", tokens[k].word):
            return None
        k -= 1
    if k <= 0 or tokens[closing].start - tokens[k].end > 8 or closing - k < 2:
        return None
    before = tokens[k - 1]
    if not before.flag.startswith("n") or before.word in STOP_WORDS or before.flag == "nnt":
        return None
    return k


def _quoted_part_start(tokens: tuple[Token, ...], closing: int) -> int | None:
    """Index of the “ of a short quoted name (≤ 12 characters) that closes at ``closing``."""
    k = closing - 1
    while k >= 0 and closing - k <= 8 and tokens[k].word not in {"“", "「"}:
        if not re.fullmatch(r"[\u4e00-\u9fff—·]+", tokens[k].word):
            return None
        k -= 1
    if k < 0 or tokens[k].word not in {"“", "「"} or closing - k < 2:
        return None
    if tokens[closing].start - tokens[k].end > 12:
        return None
    return k


def _enumeration_in_name(tokens: tuple[Token, ...], i: int, index: int) -> bool:
    """"数字发展、通信和大众传媒部": an enumeration closed by 和 inside one office's name.

    Not when the word before 、 is itself a name (工业和信息化部、福建省人民政府 are two bodies).
    """
    if i <= 0:
        return False
    left = tokens[i - 1]
    if left.flag in {"ns", "nt", "nr", "nrt"} or _suffix_of(left.word) or left.word in zh_lexicon.entries():
        return False
    if not left.flag.startswith(("n", "v")):
        return False
    return any(t.word == "和" for t in tokens[i + 1:index])


def _is_proper_chain(tokens: tuple[Token, ...], lo: int, hi: int, text: str) -> bool:
    """A chain names something when a word in it is a proper noun (place, name, abbreviation)
    or it starts with 国家/中国/全国 ("国家数据局"); "工业园区", "高校联盟" only describe."""
    chain = tokens[lo:hi + 1]
    if any(t.flag in _PROPER_FLAGS for t in chain[:-1]) or (
            chain[-1].flag in {"nt", "nz"} and chain[-1].word not in ORG_SUFFIXES):
        return True
    if any(t.word in zh_lexicon.entries() for t in chain):
        return True
    return text[chain[0].start:chain[0].start + 2] in {"国家", "中国", "全国", "中央", "国务"}


def _joins_names(tokens: tuple[Token, ...], i: int) -> bool:
    """"中国东北地区和俄罗斯远东地区…委员会": 和 between two place words joins one name."""
    if not (0 < i < len(tokens) - 1 and tokens[i].word in {"和", "与"}):
        return False
    left, right = tokens[i - 1], tokens[i + 1]
    if (tokens[i].word == "和" and (left.flag == "ns" or left.word.endswith("地区"))
            and right.flag == "ns"):
        return True
    # "工业和信息化局", "国家发展和改革委员会": 和 inside the name of one office; the field after
    # 和 may be one word with the office ("创新和航空航天工业部")
    fields = {"n", "j", "vn", "l", "nz", "b"}
    left_ok = left.flag in fields or left.word in NAME_VERBS
    right_suffix = _suffix_of(right.word)
    right_ok = right.flag in fields and len(right.word) <= 4 or (
        right.flag in fields | {"nt"} and right_suffix is not None
        and 2 <= len(right.word) - len(right_suffix) <= 6)
    return (left_ok and right_ok and _suffix_of(left.word) is None and len(left.word) <= 4
            and left.word not in STOP_WORDS and right.word not in STOP_WORDS)


# Heads that, after nothing but a country or place, describe a kind of body: 中国公司, 俄罗斯企业.
_GENERIC_HEADS = frozenset({"公司", "企业", "集团", "银行", "机构", "部门", "高校", "大学", "组织"})


_INSTITUTIONS = ("研究所", "研究院", "大学", "科学院", "研究中心")
_DEPARTMENTS = ("部", "处", "室", "系", "科", "组")


def _institution_before_department(tokens: tuple[Token, ...], lo: int, hi: int) -> int | None:
    """Index of an institute or university inside a chain that ends in one of its departments
    ("…国际研究所历史文化遗产和人文研究部"): the institute is the organization of record."""
    if not tokens[hi].word.endswith(_DEPARTMENTS) or tokens[hi].word.endswith(("大学", "学院")):
        return None
    for k in range(hi - 1, lo, -1):
        if tokens[k].word.endswith(_INSTITUTIONS):
            return k
    return None


def _is_generic_company(tokens: tuple[Token, ...], lo: int, hi: int) -> bool:
    """"中国公司", "俄罗斯企业": a place plus a generic head names no particular body
    (whereas 厦门市政府 or 中国银行 as one jieba word do)."""
    return (hi - lo == 1 and tokens[hi].word in _GENERIC_HEADS
            and tokens[lo].flag == "ns" and tokens[lo].word in zh_lexicon.entries())


@lru_cache(maxsize=50_000)
def _suffix_of(word: str) -> str | None:
    """The first of ORG_SUFFIXES that ``word`` ends with (words repeat: kept per word)."""
    for suffix in ORG_SUFFIXES:
        if word.endswith(suffix):
            return suffix
    return None


_REPORT_SOURCE_RE = re.compile(r"(?:^|[，,。\n（(])\s*据([\u4e00-\u9fffA-Za-z]{2,10}?)(?:报道|消息|援引|发布的消息)")
_GENERIC_SOURCES = frozenset({"媒体", "外媒", "官方", "官网", "当地媒体", "有关方面", "相关部门",
                              "知情人士", "消息人士", "统计", "了解", "悉", "介绍", "此前报道"})
_COMPANY_TITLES = frozenset({"董事长", "总经理", "总裁", "副总裁", "副总经理", "副董事长",
                             "首席执行官", "董事会主席", "执行董事"})
_JOINT_HEADS = re.compile(r"(?:合作|联合|混合)(?:委员会|分委会|分委员会|工作组|理事会)$|混委会$|联委会$")


def _joint_body_start(text: str, tokens: tuple[Token, ...], j: int, start: int, surface: str) -> int:
    """Start of a joint body "A与B合作委员会" whose name begins with the first partner A.

    Why: the walk stops at 与/和, so "中国全国人大与俄联邦委员会合作委员会" came out as
    "俄联邦委员会合作委员会".  A must itself be a body (a listed one or jieba's organization
    word), optionally after its country, so that "吴邦国与…" never becomes part of a name.
    """
    if j < 2 or tokens[j - 1].word not in {"与", "和", "同"} or not _JOINT_HEADS.search(surface):
        return start
    partner = tokens[j - 2]
    entry = zh_lexicon.entries().get(partner.word)
    if not (partner.flag == "nt" or entry is not None and entry.type == "organization"
            or _suffix_of(partner.word) is not None and len(partner.word) >= 3):
        return start
    k = j - 2
    if k >= 1 and tokens[k - 1].flag == "ns":
        k -= 1  # "中国全国人大": the partner's country belongs to its name
    return tokens[k].start


_EVENT_BODY_SUFFIXES = ("组委会", "组织委员会", "秘书处", "执委会")
_EVENT_WORDS = ("博览会", "论坛", "峰会", "展会", "大会", "交易会", "运动会")


def _org_candidates(text: str, tokens: tuple[Token, ...]) -> list[_Candidate]:
    found: list[_Candidate] = []
    for i, tok in enumerate(tokens):
        suffix = _suffix_of(tok.word)
        if suffix is None or tok.flag.startswith("v") and tok.flag != "vn" or tok.flag == "nnt":
            continue
        if tok.word.endswith(_NOT_ORG_ENDINGS) and tok.word not in zh_lexicon.entries():
            if not (tok.word in {"中心", "委", "办"} and i > 0):
                continue
        j = _walk_left(tokens, i, text, allow_verbs=False)
        if (j == i and i > 0 and tok.word.endswith(_EVENT_BODY_SUFFIXES)
                and tokens[i - 1].word.endswith(_EVENT_WORDS)):
            # "中国—东盟博览会组委会", "论坛秘书处": the committee of a named event
            j = _walk_left(tokens, i - 1, text, allow_verbs=False)
        if not _is_proper_chain(tokens, j, i, text):
            continue
        start, end = tokens[j].start, tok.end
        parent = _institution_before_department(tokens, j, i)
        if parent is not None:
            end = tokens[parent].end  # "…研究所历史文化研究部": the body is the institute
        if len(tok.word) >= 2 and tok.word[-1] == tok.word[-2] and title_at(text, end - 1):
            end -= 1  # "…传媒部部/长沙": jieba joined the head with the title's first character
        surface = text[start:end]
        if len(surface) < 3 or (suffix in _SHORT_SUFFIXES and len(surface) < 3):
            continue
        if surface == tok.word and (tok.flag not in {"nt", "nz"} and len(surface) < 4
                                    or surface in ORG_SUFFIXES):
            continue
        if _is_generic_company(tokens, j, i):
            continue
        if _is_compound_adjective(surface[:2]) and len(surface) <= 4:
            continue  # "中俄议会(合作)", "中白企业": an adjective and a common noun
        if (j >= 2 and tokens[j - 1].word == "、" and tokens[j - 2].flag in {"n", "vn", "b", "an"}
                and _suffix_of(tokens[j - 2].word) is None
                and tokens[j].flag != "ns" and tokens[j].word not in zh_lexicon.entries()):
            continue  # "原材料、民用航空工作组": the groups of listed fields, not one named body
        if len(surface) > 40:
            continue
        start = _joint_body_start(text, tokens, j, start, surface)
        surface = text[start:end]
        found.append(_Candidate(start, end, "organization", canonical_name(surface), 2, "suffix"))
    # a company named only by its head's title: "中工国际总经理", "吉利汽车董事长李书福"
    for i, tok in enumerate(tokens):
        if tok.word not in _COMPANY_TITLES or i == 0:
            continue
        j = _walk_left(tokens, i - 1, text, allow_verbs=False)
        chain = tokens[j:i]
        surface = text[tokens[j].start:tokens[i - 1].end]
        if (not chain or len(surface) < 3 or len(surface) > 16
                or not (any(t.flag in {"nt", "nz", "j", "ns", "eng"} for t in chain)
                        or len(chain) >= 2 and chain[-1].word in {"集团", "公司", "控股"})
                or all(t.flag == "ns" for t in chain) or surface in zh_lexicon.entries()
                or any(t.flag in {"nr", "nrfg", "nnt"} for t in chain)):
            continue
        found.append(_Candidate(tokens[j].start, tokens[i - 1].end, "organization",
                                canonical_name(surface), 1, "company-title"))
    # the source of a report: "据观察者网报道", "据澎湃新闻消息" names a medium or a body
    for m in _REPORT_SOURCE_RE.finditer(text):
        lo, hi = m.span(1)
        inner = [t for t in tokens if lo <= t.start and t.end <= hi]
        if (not inner or inner[0].start != lo
                or any(t.flag in {"nr", "nrfg", "nrt", "nnt", "r", "p", "m"} for t in inner)
                or len(inner) == 1 and inner[0].end == hi and inner[0].flag.startswith("v")
                or all(t.flag == "ns" for t in inner) or m.group(1) in _GENERIC_SOURCES):
            continue
        found.append(_Candidate(lo, hi, "organization", m.group(1), 1, "report-source"))
    # a parliament named after its country: "俄罗斯联邦会议", "白俄罗斯共和国国民会议"
    for m in re.finditer("联邦会议|国民会议", text):
        for size in range(9, 1, -1):
            entry = zh_lexicon.entries().get(text[max(0, m.start() - size):m.start()])
            if m.start() >= size and entry is not None and entry.type == "place":
                found.append(_Candidate(m.start() - size, m.end(), "organization",
                                        text[m.start() - size:m.end()], 2, "suffix"))
                break
    # the agency of a dateline: "卫星新闻北京9月29日电", "塔斯社莫斯科5月3日电"
    found.extend(_dateline_agencies(text))
    # jieba's own organization words (中国电信, 中兴通讯, 清华大学)
    for k, tok in enumerate(tokens):
        if tok.flag == "nt" and len(tok.word) >= 3 and tok.word not in zh_lexicon.entries():
            if tok.word.endswith(PLACE_SUFFIXES) or tok.word in ORG_SUFFIXES:
                continue
            if _AGREEMENT_RE.search(tok.word[-3:]):
                continue  # "新闻公报", "联合公报": jieba tags documents nt, they are not bodies
            if _is_compound_adjective(tok.word[:2]) and len(tok.word) <= 4:
                continue  # "中俄关系" is tagged nt, but it is a relation, not a body
            if _suffix_of(tok.word) is None and (len(tok.word) < 4 or tok.word in _GENERIC_NT
                                                 or _listed_with_fields(tokens, k)):
                continue
            found.append(_Candidate(tok.start, tok.end, "organization", tok.word, 1, "jieba"))
    return found


_DATELINE_AGENCY_RE = re.compile(
    r"(?m)^[ \u3000]*(?:[（(]?)([\u4e00-\u9fff]{2,8}?)(?:记者)?([\u4e00-\u9fff]{2,6}?)"
    r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\d{1,2}|[一二三四五六七八九十]{1,3})日电")


def _dateline_agencies(text: str) -> list[_Candidate]:
    """The news agency that opens a dateline, before the place it files from.

    Why: agencies and media outlets (卫星新闻, 塔斯社, 中新社) rarely carry an organization suffix,
    but the dateline form "AGENCY + PLACE + date + 电" names one for certain.  The place must be
    a known one, so that the split between agency and place is not a guess.
    """
    found: list[_Candidate] = []
    for m in _DATELINE_AGENCY_RE.finditer(text):
        head = m.group(1) + m.group(2)
        for cut in range(2, len(head) - 1):
            place = zh_lexicon.entries().get(head[cut:])
            if place is not None and place.type == "place":
                start = m.start(1)
                found.append(_Candidate(start, start + cut, "organization", head[:cut], 1, "dateline"))
                break
    return found


def _listed_with_fields(tokens: tuple[Token, ...], k: int) -> bool:
    """"民用航空、原材料、装备等领域": a word listed with plain nouns names a field of work,
    even when jieba tags it as an organization."""
    neighbours = []
    if k + 2 < len(tokens) and tokens[k + 1].word == "、":
        neighbours.append(tokens[k + 2])
    if k >= 2 and tokens[k - 1].word == "、":
        neighbours.append(tokens[k - 2])
    return any(t.flag in {"n", "vn"} and _suffix_of(t.word) is None for t in neighbours)


# A concept named after a place ("上海精神", "中国方案") does not mention the place.
_NAMED_AFTER_PLACE = wordlists.ZH_NAMED_AFTER_PLACE


def _place_candidates(text: str, tokens: tuple[Token, ...]) -> list[_Candidate]:
    found: list[_Candidate] = []
    for m in zh_lexicon.lexicon_pattern().finditer(text):
        entry = zh_lexicon.entries()[m.group()]
        found.append(_Candidate(m.start(), m.end(), entry.type,  # type: ignore[arg-type]
                                entry.name if entry.type == "organization" else m.group(),
                                3, "lexicon", entry.country))
    for hit in zh_lexicon.gazetteer_hits(text, "zh"):
        start, end, kind, country, entry_id, name = zh_lexicon.hit_fields(hit, text, "zh")
        if not (0 <= start < end <= len(text)):
            continue
        etype: EntityType = ("place" if kind in {"place", "country", "region", "city", "province",
                                                  "area", "district", "river"} else "organization")
        found.append(_Candidate(start, end, etype, name or text[start:end], 3, "gazetteer",
                                country, entry_id))
    for tok in tokens:
        if tok.flag != "ns" or len(tok.word) < 2 or _is_compound_adjective(tok.word):
            continue
        if not (tok.word.endswith(("省", "市", "县", "州", "自治区", "地区", "联邦区", "岛", "群岛", "半岛",
                                   "河", "湖", "江", "山", "海", "湾"))
                and len(tok.word) >= 3 or len(tok.word) >= 3 and all(c in TRANSLIT for c in tok.word)):
            continue
        # "东北—远东" style slogans are not places on their own
        if text[tok.start - 1:tok.start] == "—" or text[tok.end:tok.end + 1] == "—":
            continue
        if tok.word[0] in "大小各全本该多此两三四诸某" and tok.word not in zh_lexicon.entries():
            continue
        found.append(_Candidate(tok.start, tok.end, "place", tok.word, 1, "jieba"))
    return [c for c in found if not (c.type == "place" and text.startswith(_NAMED_AFTER_PLACE, c.end))]


def _is_compound_adjective(word: str) -> bool:
    """中俄, 中白, 俄中: two country abbreviations make an adjective, not a place."""
    return len(word) == 2 and all(c in COUNTRY_ABBREVIATIONS for c in word)


# ---------------------------------------------------------------- persons

def _person_candidates(text: str, tokens: tuple[Token, ...]) -> list[_Candidate]:
    found: list[_Candidate] = []

    lone_chars = {t.start for t in tokens if len(t.word) == 1}

    def add(start: int, end: int, source: str, priority: int = 3) -> None:
        if source.startswith("title"):
            end = _hyphenated_end(text, start, end)
        if (end - start == 3 and end in lone_chars and text[end - 1:end + 1] in SPEECH_VERBS
                and source not in {"middle-dot", "latin", "gloss"}):
            end -= 1  # "杨诚会/见": jieba glued the first character of the verb to the name
        name = text[start:end]
        if source not in {"middle-dot", "latin", "gloss"} and _is_place_name(name):
            return  # "乌兹别克副总理", "…卡姆斯克市长": the place before a title
        if 2 <= len(name) <= (48 if source == "latin" else 16):
            found.append(_Candidate(start, end, "person", name, priority, source))

    # transliterated names with a middle dot
    for m in _DOT_NAME_RE.finditer(text):
        dot = re.search("[" + NAME_DOTS + "]", m.group())
        assert dot is not None
        first_dot = m.start() + dot.start()
        start = translit_run(text, first_dot, -1, TRANSLIT_DOTTED)
        end = translit_run(text, first_dot, 1, TRANSLIT_DOTTED)
        start, end = _dotted_name_tokens(tokens, start, end, first_dot)
        end = _dotted_tail_end(text, end, first_dot)
        for k in range(first_dot - 1, start, -1):
            title = title_at(text, k, backwards=True)
            if title and k - len(title) < start + len(title):
                start = k
                break
        if end - start >= 4 and start < first_dot and end > first_dot + 1:
            add(start, end, "middle-dot", 4)
    # bylines: 记者 邵香云 白佳丽  /  （赵子硕 摄）
    for m in re.finditer(r"(?:记者|通讯员|摄影|编辑|作者)[:：\s]*((?:[\u4e00-\u9fff]{2,4}(?:[ \u3000、，,]+|$|(?=[）)])))+)",
                         text, re.MULTILINE):
        for name in re.finditer(r"[\u4e00-\u9fff]{2,4}", m.group(1)):
            if name.group()[0] in SURNAMES and name.group() not in {"报道", "摄影"}:
                trail = re.search(r"(?:报道|摄)$", name.group())
                cut = len(trail.group()) if trail and len(name.group()) - len(trail.group()) >= 2 else 0
                add(m.start(1) + name.start(), m.start(1) + name.end() - cut, "byline")
    # photo credits set off by spaces ("中新社发 任晨鸣 摄", "记者 巨建兵 摄"): the spaced 摄
    # marks a credit, so the name needs no common surname
    for m in re.finditer(r"(?:^|(?<=[ \u3000]))([\u4e00-\u9fff]{2,3})[ \u3000]+摄(?=[ \u3000]*(?:$|[）)]))",
                         text, re.MULTILINE):
        if m.group(1) not in {"记者", "通讯员", "摄影", "编辑", "作者", "本报", "图片", "资料"}:
            add(m.start(1), m.end(1), "byline")
    # "记者张明报道", "通讯员李华摄": the name runs straight into the verb of reporting
    for m in re.finditer(r"(?:记者|通讯员)[:：\s]*([\u4e00-\u9fff]{2,3}?)(?=报道|摄|发自|电)", text):
        if m.group(1)[0] in SURNAMES:
            add(m.start(1), m.end(1), "byline")
    for m in re.finditer(r"[（(]\s*([\u4e00-\u9fff]{2,4})\s*摄\s*[）)]", text):
        if m.group(1)[0] in SURNAMES:
            add(m.start(1), m.end(1), "byline")
    # names confirmed by a Latin gloss, Latin names, foreign speakers, lists and bylines
    for start, end, source in (_glossed_names(text, tokens) + _latin_names(text, tokens)
                               + _foreign_speakers(text, tokens) + _listed_names(text, tokens)
                               + _byline_names(text) + _foreign_after_title(text, tokens)
                               + _honorific_names(text, tokens)
                               + _foreign_partners(text, tokens)
                               + _names_before_titled_asides(text, tokens)):
        add(start, end, source, 4 if source in {"gloss", "latin"} else 3)
    # "市领导蔡某某会见": 领导 is no title of its own, but it introduces the leaders named after it
    for i, tok in enumerate(tokens[:-1]):
        if not tok.word.endswith("领导") or text[tok.end:tok.end + 1] == "人":
            continue
        nxt = tokens[i + 1]
        if nxt.flag in {"nr", "nrfg"} and nxt.word[0] in SURNAMES and 2 <= len(nxt.word) <= 3:
            add(nxt.start, nxt.end, "title", 2)
        elif (verb_name := _name_before_verb(text, tokens, tok.end)) is not None:
            add(tok.end, tok.end + verb_name, "title-verb", 2)
    # a title before or after the name
    for i, tok in enumerate(tokens):
        if tok.flag != "nnt" and tok.word not in zh_lexicon.titles() and not _ends_with_title(tok.word):
            continue
        if tok.word in {"记者", "通讯员", "摄影", "编辑", "委员"}:
            continue
        verb_name = _name_before_verb(text, tokens, tok.end)
        if verb_name:
            # "副代表凌激出席", "部长助理李成钢率团": surname, one or two characters, a verb
            add(tok.end, tok.end + verb_name, "title-verb")
        if tok.word in {"代表", "专家", "教授", "研究员"}:
            # weak titles: only a name jieba recognised right after them
            if (i + 1 < len(tokens) and tokens[i + 1].flag in {"nr", "nrfg", "nrt"}
                    and _plausible_name(tokens[i + 1].word)):
                add(tokens[i + 1].start, tokens[i + 1].end, "title")
            continue
        # after the title, over an aside in brackets ("总工程师（副部长级）谢少锋")
        j = _after_aside(tokens, i + 1)
        if j < len(tokens) and j > i + 1:
            if tokens[j].flag in {"nr", "nrfg", "nrt"} and _plausible_name(tokens[j].word):
                add(tokens[j].start, tokens[j].end, "title")
            elif tokens[j].word[:1] in SURNAMES and not _is_function_word(tokens[j]):
                length = _split_name_length(tokens, j, text)
                if length and _suffix_of(text[tokens[j].start:tokens[j].start + length]) is None:
                    add(tokens[j].start, tokens[j].start + length, "title-surname", 2)
        elif i + 1 < len(tokens):
            nxt = tokens[i + 1]
            run_end = translit_run(text, tok.end, 1)
            # the run ends where a word ends: 莫迪提出 is 莫迪 + 提出, not a name 莫迪提
            run_end = max((t.end for t in tokens[i + 1:i + 8] if t.end <= run_end), default=tok.end)
            if (nxt.flag in {"nr", "nrfg", "nrt"} and _plausible_name(nxt.word)
                    and run_end <= nxt.end):
                add(nxt.start, _split_given_name_end(text, tokens, i + 1), "title")
            elif run_end - tok.end >= 2:
                add(tok.end, run_end, "title-translit")
            elif (text[tok.end:tok.end + 1] in SURNAMES and not _is_function_word(nxt)
                  and not (len(nxt.word) >= 2 and nxt.flag in _COMMON_WORD_FLAGS)):
                # ("主席成功访华": 成功 is an adjective, not 成 + given name)
                # "副市长郑向东出席": jieba split the name; take it up to a word boundary
                length = _split_name_length(tokens, i + 1, text)
                if length and _suffix_of(text[tok.end:tok.end + length]) is None:
                    add(tok.end, tok.end + length, "title-surname", 2)
        # before the title (习近平主席, 普京总统); before 驻华大使 stands the sending state
        if i > 0 and not tok.word.startswith("驻"):
            prev = tokens[i - 1]
            first = _translit_tokens_start(tokens, i - 1)
            if first < i - 1 and tok.start - tokens[first].start <= 10:
                # "…卡拉涅夫副部长": jieba cut a transliterated name into pieces
                add(tokens[first].start, tok.start, "title-translit")
            elif prev.flag in {"nr", "nrfg", "nrt"} and _plausible_name(prev.word):
                add(prev.start, prev.end, "title")
            elif (split := _split_name_before_title(text, tokens, i)) is not None:
                add(split, tok.start, "title-surname", 2)
            else:
                start = translit_run(text, tok.start, -1)
                if (tok.start - start >= 2 and text[start:tok.start] not in zh_lexicon.entries()
                        and (start == 0 or text[start - 1] in "和与及、，,同在 “\"（(了向对给被由的见\n。；：:")):
                    add(start, tok.start, "title-translit")
    # a title jieba cut apart ("…部部/长沙/达耶/夫" for 部长沙达耶夫): read the text itself
    boundaries = sorted({t.start for t in tokens} | {len(text)})
    for m in _title_pattern().finditer(text):
        run_end = translit_run(text, m.end(), 1)
        if run_end - m.end() < 2 or zh_lexicon.lexicon_pattern().match(text, m.end()):
            continue
        k = bisect_right(boundaries, run_end) - 1  # the last word boundary inside the run
        name_end = boundaries[k] if k >= 0 and boundaries[k] >= m.end() + 2 else None
        if name_end is not None:
            add(m.end(), name_end, "title-translit")
    # "南京高速齿轮公司的马茂生共同展示", "宇通集团（Yutong Group）的李建春提出": a name jieba
    # recognised, introduced by the company or body it works for
    for i in range(1, len(tokens) - 1):
        if tokens[i].word != "的":
            continue
        word_tok = tokens[i + 1]
        if not _after_organization(text, tokens[i].start):
            continue
        if word_tok.flag in {"nr", "nrfg", "nrt"} and _plausible_name(word_tok.word):
            end, k = word_tok.end, i + 2
        elif (len(word_tok.word) == 1 and word_tok.word in SURNAMES and word_tok.flag == "nr"
              and (length := _split_name_length(tokens, i + 1, text))):
            # "…的李建春提出": jieba cut the name after the surname (李 / 建春)
            end = word_tok.start + length
            k = next((j for j in range(i + 2, len(tokens)) if tokens[j].start >= end), len(tokens))
            if k < len(tokens) and tokens[k].start != end:
                continue
        else:
            continue
        after = tokens[k] if k < len(tokens) else None
        if after is None or after.flag[:1] in {"v", "d", "p", "c"} or after.word in "，,、。":
            first = _translit_tokens_start(tokens, i + 1)
            add(tokens[first].start, end, "employer", 2)
    # a name jieba recognised, as the subject of a verb of speaking or attending ("张明指出")
    for i, tok in enumerate(tokens[:-1]):
        if (tok.flag in {"nr", "nrfg", "nrt"} and _plausible_name(tok.word)
                and _speech_follows(tokens, i + 1)):
            # "米罗/诺夫/表示": jieba keeps only the tail of a foreign name
            first = _translit_tokens_start(tokens, i)
            add(tokens[first].start, tok.end, "speaker", 2)
        elif (len(tok.word) == 1 and tok.word in SURNAMES and tok.flag == "nr" and i + 2 < len(tokens)
              and 1 <= len(tokens[i + 1].word) <= 2 and tokens[i + 1].flag in {"nr", "nrfg", "ng"}
              and not _ends_with_title(tok.word + tokens[i + 1].word)
              and tok.word + tokens[i + 1].word not in zh_lexicon.titles()
              and (tok.start == 0 or text[tok.start - 1] in _NAME_OPENINGS)
              and not zh_lexicon.is_dictionary_word(tok.word + tokens[i + 1].word)
              and _speech_follows(tokens, i + 2)):
            # "，邓/海燕/表示": jieba cut the name after the surname
            add(tok.start, tokens[i + 1].end, "speaker", 2)
    # names the text already introduced with a title: later bare mentions
    known = {c.name for c in found}
    strong = {c.name for c in found if c.priority >= 2}
    titled: dict[int, list[int]] = {}
    for c in found:
        if c.priority >= 3:
            titled.setdefault(c.start, []).append(c.end)
    for known_name in known:
        for occurrence in re.finditer(re.escape(known_name), text):
            # "市长曹新平和…": jieba cut 曹新/平和, so the title reading stops short of a name the
            # text gives in full elsewhere; the known full name wins over the cut one
            cut = known_name in strong and any(
                hi < occurrence.end() for hi in titled.get(occurrence.start(), ()))
            add(occurrence.start(), occurrence.end(), "repeat", 4 if cut else 1)
    return found


_GLOSS_OPEN_RE = re.compile(r"[(（][ \u00a0]*[A-ZÀ-Þ]")
_NAME_ENDS_OF_PLACES = ("斯克", "格勒", "斯坦", "堡")


def _is_place_name(name: str) -> bool:
    """Whether a would-be name is a place: a listed name or the head of one ("乌兹别克" of
    乌兹别克斯坦), or a foreign word with the ending of a place's name (…斯克, …格勒, …州)."""
    if name in zh_lexicon.entries() or name in _place_heads() or _gazetteer_name(name):
        return True
    if name[:1] in SURNAMES and len(name) <= 3 and not all(c in TRANSLIT for c in name):
        return False  # a Chinese name (王海港) may end like a place
    return name.endswith(_NAME_ENDS_OF_PLACES) or len(name) >= 3 and name[-1] in _PLACE_LAST_CHARS


def _is_place_like(name: str, tokens: tuple[Token, ...], start: int) -> bool:
    """:func:`_is_place_name`, or a word jieba knows as a place or organization."""
    if _is_place_name(name):
        return True
    tok = _token_starting(tokens, start)
    if tok is None or tok.end != start + len(name):
        return False
    # jieba's guesses for unknown words (苏比安托 ns) say little; its dictionary's places do
    return tok.flag == "nt" or tok.flag == "ns" and zh_lexicon.dictionary_tag(tok.word) == "ns"


def _token_starting(tokens: tuple[Token, ...], pos: int) -> Token | None:
    """The token that starts at ``pos`` (binary search: texts of megabytes have millions)."""
    k = bisect_left(tokens, pos, key=lambda t: t.start)
    return tokens[k] if k < len(tokens) and tokens[k].start == pos else None


@lru_cache(maxsize=4096)
def _gazetteer_name(name: str) -> bool:
    """Whether the reference gazetteer knows ``name`` as a whole (阿根廷, 索马里 …)."""
    return any(int(hit.start) == 0 and int(hit.end) == len(name)
               for hit in zh_lexicon.gazetteer_hits(name, "zh"))


@lru_cache(maxsize=1)
def _place_heads() -> frozenset[str]:
    """Leading parts (3+ characters) of listed places: texts shorten 乌兹别克斯坦 to 乌兹别克."""
    heads: set[str] = set()
    for name, entry in zh_lexicon.entries().items():
        if entry.type == "place":
            heads.update(name[:k] for k in range(3, len(name)))
    return frozenset(heads)


def _glossed_names(text: str, tokens: tuple[Token, ...]) -> list[tuple[int, int, str]]:
    """Chinese renderings followed by the person's name in Latin letters:
    "南非总统拉马福萨(Cyril Ramaphosa)".  The gloss says that a person is named and where the
    rendering ends; it starts after the title or where the transliteration characters start."""
    found: list[tuple[int, int, str]] = []
    for m in _GLOSS_OPEN_RE.finditer(text):
        gloss = zh_names.latin_gloss(text, m.start())
        if gloss is None or text.startswith(ORG_SUFFIXES, gloss[1]):
            continue  # "布里奇斯(Bridges Capital)公司": the gloss names a company
        end = m.start()
        while end > 0 and text[end - 1] in " \u00a0":
            end -= 1
        start = translit_run(text, end, -1, TRANSLIT_DOTTED)
        start = max(start, end - 16)
        for k in range(end - 2, start, -1):
            title = title_at(text, k, backwards=True)
            if title and k - len(title) < start + len(title):
                start = k
                break
        while start < end and text[start] in NAME_DOTS:
            start += 1
        if end - start < 2 or not all(c in TRANSLIT_DOTTED or c in NAME_DOTS for c in text[start:end]):
            start = _chinese_name_before(text, end)  # "韩立军(Han Lijun)"
        name = text[start:end]
        if len(name) >= 2 and not _is_place_like(name, tokens, start):
            found.append((start, end, "gloss"))
    return found


def _chinese_name_before(text: str, end: int) -> int:
    """Start of a Chinese name (surname and one or two characters) that ends at ``end`` and
    opens a clause or follows a title; ``end`` when there is none."""
    for length in (3, 2):
        start = end - length
        name = text[max(0, start):end]
        if start < 0 or not re.fullmatch(r"[\u4e00-\u9fff]+", name) or name[0] not in SURNAMES:
            continue
        if (start == 0 or text[start - 1] in _NAME_OPENINGS or title_at(text, start, backwards=True)) \
                and not zh_lexicon.is_dictionary_word(name):
            return start
    return end


_ASIDE_TITLE_RE = re.compile(r"[（(]([^（）()\n]{2,30})[）)]")


def _names_before_titled_asides(text: str, tokens: tuple[Token, ...]) -> list[tuple[int, int, str]]:
    """"韩立军（厦门市副市长）表示": a name followed by its title in brackets."""
    found: list[tuple[int, int, str]] = []
    for m in _ASIDE_TITLE_RE.finditer(text):
        if title_at(text, m.end(1), backwards=True) is None or m.start() < 2:
            continue
        end = m.start()
        start = translit_run(text, end, -1)
        if end - start >= 3 and (start == 0 or text[start - 1] in _NAME_OPENINGS):
            if not _is_place_like(text[start:end], tokens, start):
                found.append((start, end, "title-aside"))
            continue
        start = _chinese_name_before(text, end)
        if start < end:
            found.append((start, end, "title-aside"))
    return found


def _latin_names(text: str, tokens: tuple[Token, ...]) -> list[tuple[int, int, str]]:
    """Persons named in Latin letters inside Chinese text: after a title ("工贸部长Márcio
    Elias Rosa") or as the subject of a verb of speaking ("Márcio Rosa表示")."""
    found: list[tuple[int, int, str]] = []
    for m in _LATIN_START_RE.finditer(text):
        span = zh_names.latin_person_name(text, m.start())
        if span is None:
            continue
        before = m.start()
        while before > 0 and text[before - 1] in " \u00a0":
            before -= 1
        after = span[1]
        while after < len(text) and text[after] in " \u00a0":
            after += 1
        titled = (title_at(text, before, backwards=True) is not None
                  or title_at(text, after) is not None)  # "Márcio Rosa部长表示"
        speaking = any(text.startswith(v, after) for v in SPEECH_VERBS if len(v) >= 2)
        if titled or speaking and (before == 0 or text[before - 1] in "，,。；;：:\n、“"):
            found.append((span[0], span[1], "latin"))
    return found


# A capital letter that opens a Latin word (not one inside a word such as "McDonald").
_LATIN_START_RE = re.compile(r"(?<![A-Za-zÀ-ž'’.])[A-ZÀ-ÖØ-Þ](?=[a-zß-öø-ÿ])")


@lru_cache(maxsize=1)
def _speaker_pattern() -> re.Pattern[str]:
    """A run of transliteration characters that opens a clause and runs into a verb of
    speaking or attending: "，米舒斯京表示" (jieba often cuts such names: 米舒斯/京)."""
    chars = "".join(sorted(TRANSLIT_DOTTED))
    verbs = "|".join(sorted((v for v in SPEECH_VERBS if len(v) >= 2), key=len, reverse=True))
    # "米舒斯京在会谈中表示": the place or occasion may stand between the name and the verb
    occasion = r"(?:在[^，,。；;\n]{1,8}?[上中时后])?"
    return re.compile(rf"(?:^|(?<=[，,。；;：:\n、“”「」 \u3000]))([{chars}]{{2,8}}?)(?={occasion}(?:{verbs}))",
                      re.MULTILINE)


def _foreign_speakers(text: str, tokens: tuple[Token, ...]) -> list[tuple[int, int, str]]:
    """Foreign names with no title, known by their place at the head of a clause before a verb
    of speaking.  Two characters must all be core transliteration characters and make no
    dictionary word; places and listed bodies are left out."""
    found: list[tuple[int, int, str]] = []
    for m in _speaker_pattern().finditer(text):
        name = m.group(1)
        core = sum(c in TRANSLIT for c in name)
        if len(name) == 2 and core < 2 or len(name) >= 3 and core < len(name) - 1:
            continue
        if zh_lexicon.is_dictionary_word(name) or _is_place_like(name, tokens, m.start(1)):
            continue
        found.append((m.start(1), m.end(1), "speaker-translit"))
    return found


_LIST_BODY_RE = re.compile(r"((?:[\u4e00-\u9fff]{2,6}、)+[\u4e00-\u9fff]{2,6}?(?:[和及][\u4e00-\u9fff]{2,6}?)?)"
                           r"(?=等|出席|参加|陪同|会见|会谈|分别|一同|共同|参与|先后|在)")
# Where a list of names may start: a clause, a preposition, a title or 领导 ("市领导…").
_LIST_OPENING_RE = re.compile(r"[，,。；;：:\n由与和同及“ \u3000]|领导|包括|有")


def _is_foreign_name(name: str, tokens: tuple[Token, ...], start: int) -> bool:
    """A transliterated name with no other evidence: three characters or more of the tables,
    all but one of them core transliteration characters, no dictionary word, no place."""
    core = sum(c in TRANSLIT for c in name)
    return (3 <= len(name) <= 8 and all(c in TRANSLIT_DOTTED for c in name)
            and core >= len(name) - 1
            and (not zh_lexicon.is_dictionary_word(name)
                 or zh_lexicon.dictionary_tag(name) in {"nr", "nrt"})
            and not _is_place_like(name, tokens, start))


# "会见米舒斯京", "与拉夫罗夫举行会谈": a foreign name as the one met or the partner of a talk.
_PARTNER_VERB_RE = re.compile(r"会见|会晤|接见|宴请|致电|致函|同|与|和|陪同|随同|欢迎|感谢|祝贺|邀请|授予")
_PARTNER_RE = re.compile(r"([\u4e00-\u9fff]{2,8}?)"
                         r"(?=举行|会谈|会晤|通电话|通话|一行|共同|进行|出席|分别|[，,。；;、])")


_TALK_VERBS = ("举行会谈", "举行会晤", "会谈", "会晤", "通电话", "通话")


def _foreign_partners(text: str, tokens: tuple[Token, ...]) -> list[tuple[int, int, str]]:
    """Foreign names with no title as the person met or the partner of a talk."""
    found: list[tuple[int, int, str]] = []
    for verb in _PARTNER_VERB_RE.finditer(text):
        m = _PARTNER_RE.match(text, verb.end())
        if m is None:
            continue
        name = m.group(1)
        if len(name) == 2:
            # "与佐科举行会谈": two characters only before the verb of a talk, and only core
            # transliteration characters that make no dictionary word or place
            if not (all(c in TRANSLIT for c in name) and text.startswith(_TALK_VERBS, m.end(1))
                    and not zh_lexicon.is_dictionary_word(name) and not _is_place_name(name)):
                continue
        elif not _is_foreign_name(name, tokens, m.start(1)):
            continue
        found.append((m.start(1), m.end(1), "partner"))
    return found


def _listed_names(text: str, tokens: tuple[Token, ...]) -> list[tuple[int, int, str]]:
    """Chinese names listed with 、 and no titles of their own ("蔡奇、王毅、秦刚等参加",
    "常委蔡奇、王毅和秦刚出席"): every item has a common surname and is no dictionary word or
    listed name, and jieba took most of them for names."""
    openings = {0} | {m.end() for m in _LIST_OPENING_RE.finditer(text)}
    openings |= {m.end() for m in _title_pattern().finditer(text)}
    found: list[tuple[int, int, str]] = []
    covered = -1
    for pos in sorted(openings):
        if pos <= covered:
            continue
        m = _LIST_BODY_RE.match(text, pos)
        if m is None:
            continue
        items = [(k.start(), k.end()) for k in re.finditer(r"[^、和及]+", m.group(1))]
        items = [(pos + lo, pos + hi) for lo, hi in items]
        if len(items) < 2:
            continue
        named = 0
        for lo, hi in items:
            item = text[lo:hi]
            tok = _token_starting(tokens, lo)
            jieba_name = tok is not None and tok.end == hi and tok.flag in {"nr", "nrfg"}
            if _is_foreign_name(item, tokens, lo):
                named += 1  # "出席的有米舒斯京、诺瓦克等": foreign names listed alike
                continue
            named += jieba_name
            if (item[0] not in SURNAMES or item in zh_lexicon.entries() or item in STOP_WORDS
                    or zh_lexicon.is_dictionary_word(item) and not jieba_name):
                break
        else:
            if 2 * named > len(items):
                found.extend((lo, hi, "list") for lo, hi in items)
                covered = m.end()
    return found


_CREDIT_WORDS = ("撰文|撰稿|文|作者|责任编辑|责编|编辑|主编|审核|审校|校对|监制|统筹|策划|图|制图|摄影|摄像"
                 "|记者|通讯员|编译|翻译")
_BYLINE_RE = re.compile(
    rf"(?:^|(?<=[\s|｜（(【\[]))(?:{_CREDIT_WORDS})"
    r"[ \u3000]*[:：/／|｜][ \u3000]*((?:[\u4e00-\u9fff]{2,4}(?:[ \u3000、，,]+|(?=[\s|｜（(）)】\]]|$)))+)",
    re.MULTILINE)
# "本报记者 符小明 通讯员 檀晓丽", "新华社记者张三、李四报道": credits without a colon
_REPORTER_RE = re.compile(
    r"(?:记者|通讯员)[ \u3000]*((?:[\u4e00-\u9fff]{2,3}?(?:[ \u3000、]+|(?=报道|摄|发自|[ \u3000）)]|$)))+)",
    re.MULTILINE)
_NOT_IN_BYLINE_NAMES = re.compile(r"[报社网台刊站部局院会处]|新闻|中心|客户端|本报|本网|综合")


def _byline_names(text: str) -> list[tuple[int, int, str]]:
    """Authors and editors after a credit word and a colon or slash ("撰文：张某某",
    "文/李某", "责任编辑：王某"): the form marks a person even with a rare surname."""
    found: list[tuple[int, int, str]] = []
    for m in _BYLINE_RE.finditer(text):
        for name in re.finditer(r"[\u4e00-\u9fff]+", m.group(1)):
            word = name.group()
            if not 2 <= len(word) <= 3 or _NOT_IN_BYLINE_NAMES.search(word):
                continue
            if zh_lexicon.is_dictionary_word(word) and word[0] not in SURNAMES:
                continue
            found.append((m.start(1) + name.start(), m.start(1) + name.end(), "byline"))
    for m in _REPORTER_RE.finditer(text):
        for name in re.finditer(r"[\u4e00-\u9fff]+?(?=报道|摄|发自|[^\u4e00-\u9fff]|$)", m.group(1)):
            word = name.group()
            if (2 <= len(word) <= 3 and word[0] in SURNAMES and not _NOT_IN_BYLINE_NAMES.search(word)
                    and not zh_lexicon.is_dictionary_word(word)):
                found.append((m.start(1) + name.start(), m.start(1) + name.end(), "byline"))
    return found


_HONORIFICS = frozenset({"先生", "女士", "阁下", "夫人", "同志"})
_NAME_OPENINGS = "和与及、，,同在 “\"（(了向对给被由的见谢\n。；：:"


def _honorific_names(text: str, tokens: tuple[Token, ...]) -> list[tuple[int, int, str]]:
    """Names before 先生, 女士, 阁下 ("李建国先生主持", "米舒斯京阁下"): the honorific is
    no position, but it says that the word before it is a person's name."""
    found: list[tuple[int, int, str]] = []
    for i, tok in enumerate(tokens):
        if tok.word not in _HONORIFICS or i == 0:
            continue
        prev = tokens[i - 1]
        first = _translit_tokens_start(tokens, i - 1)
        if first < i - 1 or prev.flag in {"nr", "nrfg", "nrt"} and _plausible_name(prev.word):
            found.append((tokens[first].start, tok.start, "honorific"))
            continue
        if i >= 2 and len(tokens[i - 2].word) == 1 and tokens[i - 2].word in SURNAMES:
            # "邓/海燕/女士": jieba cut the name after the surname
            lo = tokens[i - 2].start
            name = text[lo:tok.start]
            if (len(name) <= 3 and (lo == 0 or text[lo - 1] in _NAME_OPENINGS)
                    and not zh_lexicon.is_dictionary_word(name)):
                found.append((lo, tok.start, "honorific"))
                continue
        start = translit_run(text, tok.start, -1)
        if tok.start - start >= 2 and (start == 0 or text[start - 1] in _NAME_OPENINGS):
            found.append((start, tok.start, "honorific"))
    return found


def _speech_follows(tokens: tuple[Token, ...], k: int) -> bool:
    """Whether ``tokens[k]`` opens the predicate of speaking: the verb itself, a set phrase
    jieba keeps as one word ("表示感谢"), or an occasion first ("在会上表示", "在讲话中说")."""
    if k >= len(tokens):
        return False
    tok = tokens[k]
    if tok.word in SPEECH_VERBS or tok.flag in {"i", "l"} and tok.word[:2] in SPEECH_VERBS:
        return True
    if tok.word in {"与", "同"}:
        # "王毅与拉夫罗夫举行会谈": the partner of a talk stands between name and verb
        for j in range(k + 1, min(k + 6, len(tokens))):
            if not re.fullmatch(r"[\u4e00-\u9fff·]+", tokens[j].word):
                return False
            if tokens[j].word.startswith(_TALK_VERBS) or tokens[j].word == "举行" and \
                    j + 1 < len(tokens) and tokens[j + 1].word.startswith(_TALK_VERBS):
                return True
        return False
    if not tok.word.startswith("在"):
        return False
    for j in range(k, min(k + 6, len(tokens) - 1)):
        if not re.fullmatch(r"[\u4e00-\u9fff]+", tokens[j].word):
            return False
        if tokens[j].word.endswith(("上", "中", "时")) and tokens[j + 1].word in SPEECH_VERBS:
            return True
    return False


def _foreign_after_title(text: str, tokens: tuple[Token, ...]) -> list[tuple[int, int, str]]:
    """Foreign names after a title that run over characters only the full tables list
    ("总统拉玛佛沙表示", "副主席日丹诺娃，"): the run must close before punctuation or a verb of
    speaking, and either end like a name or hold one uncommon character at most."""
    found: list[tuple[int, int, str]] = []
    for m in _title_pattern().finditer(text):
        end = translit_run(text, m.end(), 1, TRANSLIT_DOTTED)
        name = text[m.end():end]
        if not 3 <= len(name) <= 8 or any(c in NAME_DOTS for c in name):
            continue
        if end < len(text) and text[end] not in "，,、。；;：:）)\n \u3000" and not any(
                text.startswith(v, end) for v in SPEECH_VERBS if len(v) >= 2):
            continue
        core = sum(c in TRANSLIT for c in name)
        if name[-1] not in _NAME_LAST_CHARS and core < len(name) - 1:
            continue
        if not _is_place_like(name, tokens, m.end()):
            found.append((m.end(), end, "title-translit"))
    return found


def _dotted_name_tokens(tokens: tuple[Token, ...], start: int, end: int,
                        first_dot: int) -> tuple[int, int]:
    """Widen a dotted name to the whole words jieba tagged as names on either side of the dot.

    The character table cannot hold every character a transliteration uses; when jieba tags the
    word that touches the dot as a person's name ("安德烈" nr, "沃罗比约夫" nrt), the name
    runs over the whole word even if one of its characters is missing from the table.
    """
    for tok in tokens:
        if tok.flag not in {"nr", "nrfg", "nrt"} or not 2 <= len(tok.word) <= 6:
            continue
        if tok.end == first_dot and tok.start < start:
            start = tok.start
        elif tok.start == first_dot + 1 and tok.end > end:
            end = tok.end
    return start, end


_TRAILING_ASIDE_RE = re.compile(r"(?:[（(][^（）()\n]{1,60}[）)]|[”」’\"])+$")


def _split_given_name_end(text: str, tokens: tuple[Token, ...], k: int) -> int:
    """End of a Chinese name jieba cut after its second character ("秘书长苏子/梁,"): a
    two-character name word followed by one more character tagged a name, then punctuation or
    the end of the clause, is a three-character name."""
    name = tokens[k]
    if (len(name.word) == 2 and name.word[0] in SURNAMES and k + 1 < len(tokens)
            and len(tokens[k + 1].word) == 1 and tokens[k + 1].flag in {"nr", "ng", "nrfg"}
            and re.fullmatch(r"[\u4e00-\u9fff]", tokens[k + 1].word)
            and (k + 2 >= len(tokens) or tokens[k + 2].word in "，,、。；;：:（(）)\n")):
        return tokens[k + 1].end
    return name.end


def _after_aside(tokens: tuple[Token, ...], k: int) -> int:
    """Index of the token after a short bracketed aside that starts at ``tokens[k]`` (``k`` itself
    when there is none)."""
    if k >= len(tokens) or tokens[k].word not in {"(", "（"}:
        return k
    for j in range(k + 1, min(k + 8, len(tokens))):
        if tokens[j].word in {")", "）"}:
            return j + 1
    return k


def _after_organization(text: str, pos: int) -> bool:
    """Whether the text before ``pos`` ends with an organization's name, possibly followed by an
    aside in brackets or a closing quote ("…齿轮公司（Nanjing High Speed Gear）", "“…厂”")."""
    before = _TRAILING_ASIDE_RE.sub("", text[max(0, pos - 80):pos])
    return _suffix_of(before[-6:]) is not None and not before.endswith(_NOT_ORG_ENDINGS)


def _hyphenated_end(text: str, start: int, end: int) -> int:
    """"副部长德米特里-沃尔瓦茨": some sites join a foreign given name and surname with a hyphen
    instead of a middle dot. Only a transliterated name after a title is carried across it."""
    if not (text[end:end + 1] in "-－‐‑–" and all(c in TRANSLIT_DOTTED for c in text[start:end])):
        return end
    run = translit_run(text, end + 1, 1, TRANSLIT_DOTTED)
    return run if run - (end + 1) >= 2 else end


def _split_name_before_title(text: str, tokens: tuple[Token, ...], i: int) -> int | None:
    """Start of a Chinese name that jieba cut in two right before the title ``tokens[i]``.

    "，李小林会长会见…" (李/小林), "马文峰主任会见…" (马/文峰): the name opens a clause, starts
    with a surname and is no dictionary word ("党委书记", "常务副市长" are), and the title is
    followed by a verb of meeting or speaking.
    """
    if i < 2 or i + 1 >= len(tokens):
        return None
    if tokens[i + 1].word not in SPEECH_VERBS and not (
            tokens[i + 1].flag == "p" and any(t.word in SPEECH_VERBS for t in tokens[i + 2:i + 5])):
        return None  # "李小林会长会见…", "刘海涛秘书长向对方介绍…"
    first, second = tokens[i - 2], tokens[i - 1]
    name = first.word + second.word
    if not (len(first.word) == 1 and 1 <= len(second.word) <= 2 and first.end == second.start
            and re.fullmatch(r"[\u4e00-\u9fff]+", name) and name[0] in SURNAMES):
        return None
    before = text[first.start - 1] if first.start > 0 else "\n"
    if before not in "，,。；;：:、\n 日" or zh_lexicon.is_dictionary_word(name):
        return None
    if name in STOP_WORDS or name in zh_lexicon.entries() or _ends_with_title(name):
        return None
    return first.start


def _dotted_tail_end(text: str, end: int, first_dot: int) -> int:
    """End of a dotted name whose last part holds a character missing from TRANSLIT_DOTTED.

    "别尔米诺娃·伊莲娜，": when the run of known characters stops one or two characters short
    of a comma (or the end of the line) and the last of them is a usual last character of a
    transliterated name (娜, 娃, 夫 …), the name runs to the comma; anything else ("…诺夫出席。")
    is more likely a following word.
    """
    if end <= first_dot + 1:
        return end
    tail = re.match(r"[\u4e00-\u9fff]{1,2}(?=[，,、。；;：:）)\s]|$)", text[end:])
    if tail and tail.group()[-1] in _NAME_LAST_CHARS and tail.group() not in SPEECH_VERBS:
        return end + tail.end()
    return end


# Characters a transliterated given name or surname usually ends with.
_NAME_LAST_CHARS = frozenset("娜娃娅亚拉莎雅卡夫科奇基尔克娃莉琳妮丽")


def merge_dotted_surnames(mentions: list[EntityMention]) -> None:
    """A bare name that is a part of one dotted name takes that name.

    Usually the first or last part; a middle part only in names of three parts or more, which
    Portuguese and Spanish names are shortened to ("卢拉" of 路易斯·伊纳西奥·卢拉·达席尔瓦).

    Texts from Belarus and Russia often write the surname first ("斯诺普科夫·尼古拉", then
    "斯诺普科夫"), and sites use other dots than · ("尤里∙特鲁特涅夫", then "特鲁特涅夫").
    Only done when exactly one dotted person has the bare name as a part, so "亚历山大" alone
    is never pinned on one of two Alexanders.
    """
    dotted = {m.name for m in mentions if m.type == "person"
              and any(d in m.name for d in NAME_DOTS)}
    parts = [re.split("[" + NAME_DOTS + "]", name) for name in dotted]
    for m in mentions:
        if m.type != "person" or m.name in dotted:
            continue
        owners = {name for name, p in zip(dotted, parts, strict=True)
                  if m.name in (p[0], p[-1]) or len(p) >= 3 and m.name in p[1:-1]}
        if len(owners) == 1:
            m.name = owners.pop()


@lru_cache(maxsize=1)
def _title_pattern() -> re.Pattern[str]:
    """Titles of two characters or more that stand before a name (部长, 大使, 总统 …)."""
    return re.compile("|".join(re.escape(t) for t in zh_lexicon.titles()
                               if len(t) >= 2 and t not in {"记者", "通讯员", "摄影", "编辑", "委员",
                                                            "代表", "专家", "教授", "研究员"}))


@lru_cache(maxsize=50_000)
def _ends_with_title(word: str) -> bool:
    """"驻华大使", "常务副市长": one jieba word that ends with a title is a title."""
    return len(word) >= 3 and any(word.endswith(t) for t in zh_lexicon.titles()
                                  if len(t) >= 2 and t not in {"代表", "委员"})


# One-character words that start a clause after a title, never a name: 总理向大会致贺信.
_FUNCTION_FLAGS = ("p", "c", "u", "d", "r", "v")


def _is_function_word(token: Token) -> bool:
    """A preposition, conjunction or verb of one character (向, 与, 赴, 在) — even when it is
    also a surname, right after a title it starts the predicate, not a name."""
    return len(token.word) == 1 and token.flag.startswith(_FUNCTION_FLAGS)


_COMMON_WORD_FLAGS = frozenset({"a", "ad", "an", "d", "v", "vd", "vn", "m", "q", "t"})


# Prepositions and adverbs that follow a name; a name read up to a verb never ends with them.
_NOT_NAME_LAST = frozenset("在与和同向对将把被为从及并也还都就于")


def _name_before_verb(text: str, tokens: tuple[Token, ...], pos: int) -> int | None:
    """Length of a Chinese name at ``pos`` (surname + one or two characters) that runs straight
    into a verb of speaking or attending ("凌激出席", "李成钢率团") — jieba often tags such
    names as verbs or cuts them, but the verb right after a title settles the boundary."""
    if text[pos:pos + 1] not in SURNAMES:
        return None
    for length in (3, 2):
        name = text[pos:pos + length]
        if not re.fullmatch(r"[\u4e00-\u9fff]+", name):
            continue
        rest = text[pos + length:pos + length + 2]
        if length == 3 and name[-1] in _NOT_NAME_LAST:
            continue  # "卢拉在讲话中说": 在 opens the adverbial, the name is 卢拉
        if any(rest.startswith(v) for v in SPEECH_VERBS if len(v) >= 2):
            if name[1:] in STOP_WORDS or name in STOP_WORDS:
                continue
            tok = _token_starting(tokens, pos)
            if (tok is not None and len(tok.word) == 1 and tok.flag.startswith(("p", "c"))
                    and zh_lexicon.is_dictionary_word(name[1:])):
                continue  # "秘书长向对方介绍": a preposition and its object, not 向 + a name
            if (tok is not None and tok.end == pos + length and tok.flag in _COMMON_WORD_FLAGS
                    and tok.flag != "v"):
                continue  # "主席成功访问": 成功 is one common word (jieba tags names as v, too)
            return length
    return None


def _split_name_length(tokens: tuple[Token, ...], first: int, text: str) -> int | None:
    """Length of a Chinese name that jieba cut into single characters after a title
    ("副主席万钢赴重庆" -> 万钢): up to three characters, not running into a verb or
    preposition that follows the name."""
    start = tokens[first].start
    length = 0
    for tok in tokens[first:first + 3]:
        if length and _is_function_word(tok):
            break
        if not re.fullmatch(r"[\u4e00-\u9fff]+", tok.word) or length + len(tok.word) > 3:
            break
        length += len(tok.word)
    if length < 2 or not re.fullmatch(r"[\u4e00-\u9fff]+", text[start:start + length]):
        return None
    return length


def _translit_tokens_start(tokens: tuple[Token, ...], last: int) -> int:
    """Index of the first of the adjacent tokens ending at ``last`` that are all written in
    transliteration characters — jieba often keeps only the tail of a foreign name
    (格鲁杰夫 -> 格鲁/杰夫).  Places and listed names are not part of a person's name."""
    def foreign(tok: Token) -> bool:
        return (all(c in TRANSLIT for c in tok.word) and tok.flag not in {"ns", "nt"}
                and tok.word not in zh_lexicon.entries() and tok.word not in STOP_WORDS)

    if not foreign(tokens[last]) or tokens[last].flag.startswith(("v", "p", "c", "u")):
        return last
    k = last
    while k > 0 and foreign(tokens[k - 1]) and tokens[k - 1].end == tokens[k].start:
        k -= 1
    return k


def _plausible_name(word: str) -> bool:
    """A Chinese full name (surname + 1-2 characters) or a transliterated one."""
    if len(word) >= 3 and word[-1] in "区县市省镇村":
        return False  # "高新区表示": jieba tags some districts as names
    if 2 <= len(word) <= 3 and word[0] in SURNAMES:
        return True
    if len(word) == 4 and word[:2] in {"欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "令狐"}:
        return True
    if len(word) >= 3 and word[-1] in _PLACE_LAST_CHARS:
        return False                # 斯维尔德洛夫斯克州 is a region, however foreign it sounds
    foreign = sum(c in TRANSLIT_DOTTED for c in word)
    return len(word) >= 2 and foreign == len(word) or len(word) >= 3 and foreign >= len(word) - 1


# Last characters of place names, never of a transliterated person's name.
_PLACE_LAST_CHARS = frozenset("州省市区县镇村岛湖港湾宫堡城馆")


def _select(candidates: list[_Candidate]) -> list[_Candidate]:
    """Non-overlapping candidates: persons with evidence first, then the longest span."""
    ordered = sorted(candidates, key=lambda c: (-(c.end - c.start) - (100 if c.type == "person"
                                                                        and c.priority >= 3 else 0),
                                                -c.priority, c.start))
    # taken spans never overlap, so sorted by start they are sorted by end too: a new span can
    # only overlap its two neighbours (binary search keeps long texts fast)
    starts: list[int] = []
    taken: list[_Candidate] = []
    for cand in ordered:
        k = bisect_left(starts, cand.start)
        if k > 0 and taken[k - 1].end > cand.start or k < len(taken) and taken[k].start < cand.end:
            continue
        starts.insert(k, cand.start)
        taken.insert(k, cand)
    return taken


def _in_title_brackets(text: str, start: int, end: int) -> bool:
    """Inside 《…》: a document or speech title, whose words are not mentions."""
    open_at = text.rfind("《", 0, start)
    return open_at != -1 and text.find("》", open_at) >= end and text.rfind("》", 0, start) < open_at


_SHORT_NAME_RE = re.compile(r"\s*[（(](?:以下)?(?:简称|下称)[为：:]?[“\"「]?([^”\"」）)，,、]{2,12})[”\"」]?[）)]")


def apply_short_names(text: str, mentions: list[EntityMention]) -> list[EntityMention]:
    """"…合作中心（以下简称“国合中心”）": the short name stands for the full one everywhere."""
    short_names: dict[str, EntityMention] = {}
    for mention in mentions:
        m = _SHORT_NAME_RE.match(text, mention.end)
        if m and mention.type != "person":
            short_names[m.group(1)] = mention
    if not short_names:
        return mentions
    result = list(mentions)
    for short, full in short_names.items():
        for m in re.finditer(re.escape(short), text):
            overlapping = [e for e in result if e.start < m.end() and m.start() < e.end]
            if any(e.start < m.start() or e.end > m.end() for e in overlapping):
                continue  # part of a longer name
            for e in overlapping:
                result.remove(e)
            result.append(EntityMention(start=m.start(), end=m.end(), text=short, type=full.type,
                                        name=full.name, country=full.country, source="short-name",
                                        gazetteer_id=full.gazetteer_id))
    return sorted(result, key=lambda e: e.start)


def leading_place_country(name: str) -> str | None:
    """The country of the place an organization's name starts with: 白俄罗斯驻华大使馆 -> BY,
    厦门市人民政府 -> CN (an embassy belongs to the state that sends it)."""
    match = zh_lexicon.lexicon_pattern().match(name)
    if match is None:
        return None
    entry = zh_lexicon.entries()[match.group()]
    return entry.country if entry.type == "place" else None


def merge_place_names(mentions: list[EntityMention]) -> None:
    """厦门 and 厦门市, 新疆 and 新疆维吾尔自治区 in one text are one place: the shorter name
    is used for both (the text's usual way of naming it)."""
    names = {m.name for m in mentions if m.type == "place"}
    for mention in mentions:
        if mention.type != "place":
            continue
        base = re.sub(r"(?:维吾尔|壮族|回族)?自治区$|[省市]$|(?<=..)地区$", "", mention.name)
        if base != mention.name and len(base) >= 2 and base in names:
            mention.name = base
    # 白罗斯 and 白罗斯共和国, 中国 and 中华人民共和国: names of one country are one place,
    # named as the text first names it
    first_name: dict[str, str] = {}
    for mention in sorted((m for m in mentions if m.type == "place"), key=lambda m: m.start):
        entry = zh_lexicon.entries().get(mention.text)
        if entry is None or entry.kind != "country" or entry.country is None:
            continue
        mention.name = first_name.setdefault(entry.country, mention.name)


# Prefixes that name the home state of a national body: 中国工业和信息化部 is 工业和信息化部.
_STATE_PREFIXES = ("中华人民共和国", "中国")


def org_variant_keys(name: str) -> set[str]:
    """Spellings under which one body's name is also written in the same text.

    白俄罗斯共和国工业部 / 白俄罗斯工业部 (the long form of the state's name),
    中国工业和信息化部 / 工业和信息化部 (the home state named or not), and
    俄罗斯工业和贸易部 / 俄罗斯工贸部 (each joined field cut to its first character).
    """
    keys = {name}
    for prefix in _STATE_PREFIXES:
        if name.startswith(prefix) and _suffix_of(name) in {"部", "委员会", "局", "署", "委", "办公室"}:
            keys.add(name[len(prefix):])
            break
    if not name.startswith("中华人民共和国"):
        keys.add(re.sub(r"^([\u4e00-\u9fff]{2,6}?)(?:共和国|联邦)(?=[\u4e00-\u9fff]{2})", r"\1", name))
    # 国机集团股份有限公司 / 国机集团: the legal form is left out in running text
    legal = re.sub(r"(?:股份有限公司|有限责任公司|有限公司|股份公司)$", "", name)
    if legal != name and len(legal) >= 3:
        keys.add(legal)
    for key in list(keys):
        contracted = _contract_fields(key)
        if contracted:
            keys.add(contracted)
    return {k for k in keys if len(k) >= 3}


def _contract_fields(name: str) -> str | None:
    """俄罗斯工业和贸易部 -> 俄罗斯工贸部: a ministry for "A和B" is also called by the first
    characters of A and B.  Only two-character fields are cut (工业, 贸易, 信息化 -> 工, 贸, 信)."""
    if "共和" in name:
        return None
    m = re.search(r"((?:[\u4e00-\u9fff]{2}和)+[\u4e00-\u9fff]{2,3})(部|委员会|厅|局)$", name)
    if m is None:
        return None
    fields = m.group(1).split("和")
    return name[:m.start()] + "".join(f[0] for f in fields) + m.group(2)


_PARENT_BODIES = ("委员会", "理事会", "联合会", "组织", "机制")
_SUB_BODIES = ("分委会", "分委员会", "委员会", "秘书处", "工作组", "小组", "分会")


def _without_parent(short: str, long: str) -> bool:
    """"中俄工业合作分委会" is "中俄总理定期会晤委员会工业合作分委会" without the parent body in
    the middle: a sub-body is often named by its own part alone (with the leading qualifier)."""
    if len(short) < 6 or len(long) <= len(short):
        return False
    for k in range(2, len(short) - 3):
        head, tail = short[:k], short[k:]
        if long.startswith(head) and long.endswith(tail):
            middle = long[k:len(long) - len(tail)]
            if (len(middle) >= 3 and middle.endswith(_PARENT_BODIES)
                    and tail.endswith(_SUB_BODIES)):
                return True
    return False


def merge_org_variants(mentions: list[EntityMention]) -> None:
    """Mentions of one body under the variant spellings of ``org_variant_keys`` take one name:
    the one the text uses most (the earliest on a tie)."""
    orgs = [m for m in mentions if m.type == "organization"]
    if len(orgs) < 2:
        return
    parent: dict[str, str] = {}

    def find(name: str) -> str:
        while parent.setdefault(name, name) != name:
            name = parent[name]
        return name

    owner: dict[str, str] = {}
    for mention in orgs:
        for key in org_variant_keys(mention.name):
            if key in owner:
                parent[find(mention.name)] = find(owner[key])
            else:
                owner[key] = mention.name
    distinct = sorted({m.name for m in orgs}, key=len)
    if len(distinct) <= 300:
        for k, short in enumerate(distinct):
            for long in distinct[k + 1:]:
                if _without_parent(short, long):
                    parent[find(short)] = find(long)
    groups: dict[str, list[EntityMention]] = {}
    for mention in orgs:
        groups.setdefault(find(mention.name), []).append(mention)
    for members in groups.values():
        if len({m.name for m in members}) < 2:
            continue
        counts: dict[str, int] = {}
        for m in members:
            counts[m.name] = counts.get(m.name, 0) + 1
        best = max(counts, key=lambda n: (counts[n], -min(m.start for m in members if m.name == n)))
        country = next((m.country for m in members if m.name == best), None)
        for m in members:
            m.name = best
            if m.country is None:
                m.country = country


_Found = TypeVar("_Found", bound=Span)


def _on_view(doc: Doc, run: Callable[[Doc], list[_Found]], restore: str | None = None
             ) -> tuple[list[_Found], dict[str, str]]:
    """``run`` on the simplified view of ``doc`` (zh_script), its results quoting the original
    characters: the surface text, and the ``restore`` field (a name or a title) where the
    original writes it.  Returns them with the mapping back to the original characters."""
    view, back = zh_script.view_doc(doc)
    found = run(view)
    for m in found:
        m.text = doc.text[m.start:m.end]
        if restore:
            setattr(m, restore, zh_script.restore_at(getattr(m, restore), doc.text, view.text,
                                                     m.start, m.end, back))
    return found, back


class ChineseComponents:
    """Chinese ``LanguageComponents``: see the module docstring."""

    language = "zh"

    def sentences(self, doc: Doc) -> list[Span]:
        return sentence_spans(doc.text)

    # Public components: each reads a simplified view of a traditional text (zh_script) and
    # quotes the original characters in what it returns.

    def entities(self, doc: Doc) -> list[EntityMention]:
        found, back = _on_view(doc, self._entities, "name")
        for m in found:
            if m.abbreviation:
                m.abbreviation = zh_script.restore(m.abbreviation, back)
        return found

    def positions(self, doc: Doc) -> list[PositionMention]:
        return _on_view(doc, self._positions, "title")[0]

    def dates(self, doc: Doc) -> list[DateMention]:
        return _on_view(doc, self._dates)[0]

    def triggers(self, doc: Doc) -> list[EventTrigger]:
        return _on_view(doc, self._triggers)[0]

    def agreements(self, doc: Doc) -> list[AgreementMention]:
        return _on_view(doc, self._agreements, "title")[0]

    def _entities(self, doc: Doc) -> list[EntityMention]:
        text = doc.text
        tokens = zh_lexicon.tokenize(text)
        candidates = (_person_candidates(text, tokens) + _org_candidates(text, tokens)
                      + _place_candidates(text, tokens))
        chosen = _select(candidates)
        mentions = []
        for cand in chosen:
            surface = text[cand.start:cand.end]
            if _in_title_brackets(text, cand.start, cand.end) and surface not in {"人民日报"}:
                if not zh_lexicon.entries().get(surface):
                    continue
            country = cand.country
            if country is None and cand.type == "place":
                entry = zh_lexicon.entries().get(surface)
                country = entry.country if entry else None
            if country is None and cand.type == "organization" and cand.source not in {
                    "lexicon", "gazetteer"}:
                country = leading_place_country(cand.name)
            mentions.append(EntityMention(
                start=cand.start, end=cand.end, text=surface, type=cand.type, name=cand.name,
                country=country, source=cand.source, gazetteer_id=cand.gazetteer_id,
            ))
        merge_place_names(mentions)
        merge_org_variants(mentions)
        merge_dotted_surnames(mentions)
        mentions = apply_short_names(text, mentions)
        return mentions

    def _positions(self, doc: Doc) -> list[PositionMention]:
        """The title chain before a person ("俄罗斯副总理兼总统驻远东联邦区全权代表") or one right after.

        Walking left from the name: titles, the organizations and places they belong to, and
        the joining characters 驻 (posted to), 兼 (concurrently), 前/原 (former).
        """
        text = doc.text
        entities = doc.entities or self._entities(doc)
        ends = {e.end: e for e in entities if e.type != "person"}
        result: list[PositionMention] = []
        for person in (e for e in entities if e.type == "person"):
            lo, titled = person.start, False
            while lo > 0:
                title = title_at(text, lo, backwards=True)
                if title:
                    lo, titled = lo - len(title), True
                elif lo in ends:
                    lo = ends[lo].start
                elif text[lo - 1] in "驻兼前原副总":
                    lo -= 1
                else:
                    break
            while lo < person.start and text[lo] in "兼驻":
                lo += 1
            span: tuple[int, int] | None = (lo, person.start) if titled else None
            if span is None:
                title = title_at(text, person.end)
                if title:
                    span = (person.end, person.end + len(title))
            if span is None:
                continue
            title_text = text[span[0]:span[1]]
            inside = [e for e in entities if e.type != "person"
                      and span[0] <= e.start and e.end <= span[1]]
            org = next((e for e in inside if e.type == "organization"), None) or next(
                iter(inside), None)
            result.append(PositionMention(start=span[0], end=span[1], text=title_text,
                                          title=title_text, person=person, organization=org))
        return result

    def _dates(self, doc: Doc) -> list[DateMention]:
        try:
            from coopnode.extract.zh_dates import find_chinese_dates
        except ImportError:
            return []
        return find_chinese_dates(doc.text, doc.published)

    def _triggers(self, doc: Doc) -> list[EventTrigger]:
        text = doc.text
        inside_names = sorted((e.start, e.end) for e in doc.entities if e.type == "organization")
        name_starts = [lo for lo, _ in inside_names]
        found: list[EventTrigger] = []
        for m in _TRIGGER_RE.finditer(text):
            # entities do not overlap: only the last name starting before the trigger can hold it
            k = bisect_right(name_starts, m.start()) - 1
            if k >= 0 and m.end() <= inside_names[k][1]:
                continue
            if text.startswith("纪要", m.end()):
                continue  # 会议纪要 is a document (minutes), not a meeting
            clause_lo = max(text.rfind(c, 0, m.start()) for c in "，,。；;！？\n")
            ends = [i for i in (text.find(c, m.end()) for c in "，,。；;！？\n") if i != -1]
            clause_hi = min(ends) if ends else len(text)
            planned = bool(_PLANNED_RE.search(text[clause_lo + 1:clause_hi]))
            found.append(EventTrigger(start=m.start(), end=m.end(), text=m.group(),
                                      type=_TRIGGER_TYPES.get(m.group(), "forum"),
                                      planned_hint=planned))
        return found

    def _agreements(self, doc: Doc) -> list[AgreementMention]:
        text = doc.text
        tokens = zh_lexicon.tokenize(text)
        found: list[AgreementMention] = []
        for m in _TITLE_BRACKETS_RE.finditer(text):
            key = _AGREEMENT_RE.search(m.group(1))
            if key is None:
                continue
            found.append(AgreementMention(start=m.start(1), end=m.end(1), text=m.group(1),
                                          type=_agreement_type(m.group(1)),
                                          title=m.group(1).strip()))
        for m in _AGREEMENT_RE.finditer(text):
            if _in_title_brackets(text, m.start(), m.end()):
                continue
            if any(a.start <= m.start() < a.end for a in found):
                continue
            end_index = next((i for i, t in enumerate(tokens) if t.start < m.end() <= t.end), None)
            if end_index is None:
                continue
            # "合作协议" may be one jieba word or two; the keyword must close a word
            if tokens[end_index].end != m.end():
                continue
            glued = tokens[end_index].word[:-len(m.group())]
            if glued and glued in AGREEMENT_STOP_WORDS:
                continue  # "发表声明" as one word: the verb of issuing and a bare keyword
            j = _walk_left(tokens, end_index, text, allow_verbs=True)
            start = tokens[j].start
            about = _about_clause(text, m.start())
            if about and about.start() < start:
                # "关于加强数字经济合作的谅解备忘录": the title runs from 关于 over its 的
                start = about.start()
                j = next((k for k, t in enumerate(tokens) if t.start >= start), j)
            surface = text[start:m.end()]
            if len(surface) <= len(m.group()) + 1 and m.group() not in _BARE_DOCUMENTS:
                # a bare "合作协议" right after the verb of signing is still one document
                signed = re.search(r"(?:签署|签订|签约|签字|达成)了?$", text[max(0, start - 3):start])
                if not (signed and len(surface) >= 4):
                    continue
            about_title = about is not None and start == about.start()  # "有关…的协议" names one
            if (text[max(0, start - 3):start].endswith(_VAGUE_BEFORE)
                    or surface.startswith(_VAGUE_BEFORE) and not about_title
                    or _COUNTED_RE.search(text, max(0, start - 20), start)):
                continue
            if _is_back_reference(tokens, j, end_index, m.group()):
                continue
            if any(e.start <= m.start() and m.end() <= e.end for e in doc.entities
                   if e.type == "organization"):
                continue  # "…自由贸易协定研究中心": the keyword is part of a body's name
            found.append(AgreementMention(start=start, end=m.end(), text=surface,
                                          type=_agreement_type(surface), title=surface))
        for mention in found:
            mention.title = expand_short_names(mention.title, text)
        _share_titles(found)
        return sorted(found, key=lambda a: a.start)


def _about_clause(text: str, keyword_start: int) -> re.Match[str] | None:
    """The "关于/有关 … 的" clause that ends right before a document keyword, starting from the
    nearest 关于/有关: in "关于边界的协定、有关投资的协议" the second title starts at 有关,
    not at the first title's 关于."""
    lo = max(0, keyword_start - 50)
    starts = [k.start() for k in re.finditer("关于|有关", text[lo:keyword_start])]
    for k in reversed(starts):
        about = _ABOUT_RE.match(text, lo + k, keyword_start)
        if about is not None:
            return about
    return None


def _is_back_reference(tokens: tuple[Token, ...], lo: int, hi: int, keyword: str) -> bool:
    """"推动路线图落地", "务实推动实施路线图": only verbs and adverbs before the keyword, so the
    text speaks again of a document it named before; a title has a noun that says what about."""
    words = [t for t in tokens[lo:hi + 1]]
    head = "".join(t.word for t in words)
    if not head.endswith(keyword) or words[-1].word != keyword:
        return False  # "贸易协定" as one word: its first part says what about
    before = [t for t in words if t.end <= words[-1].end - len(keyword)]
    return bool(before) and all(t.flag.startswith(("v", "d", "a")) and t.flag != "vn"
                                for t in before)


def _agreement_type(title: str) -> AgreementType:
    """The type of the last keyword in a title: 《…合作谅解备忘录》 is a memorandum."""
    last = None
    for m in _AGREEMENT_RE.finditer(title):
        last = m.group()
    return _AGREEMENT_TYPES[last] if last else "other"


def expand_short_names(title: str, text: str) -> str:
    """A title with short names (金砖创新基地) spelled out as the text spells them elsewhere
    (金砖国家新工业革命伙伴关系创新基地), so that a headline and the body name one document alike."""
    for hit in reversed(zh_lexicon.gazetteer_hits(title, "zh")):
        _, _, _, _, _, name = zh_lexicon.hit_fields(hit, text, "zh")
        if name and name != hit.text and len(name) > len(hit.text):
            title = title[: hit.start] + name + title[hit.end:]
    return title


def _share_titles(found: list[AgreementMention]) -> None:
    """Wordings of which one ends with the other name the same document ("天津宣言" in a headline,
    "…元首理事会天津宣言" in the body); all take the fullest wording, as entities do."""
    for mention in found:
        longer = [o.title for o in found if len(o.title) > len(mention.title)
                  and o.title.endswith(mention.title) and len(mention.title) >= 4]
        if longer:
            mention.title = max(longer, key=len)


COMPONENTS = ChineseComponents()
