"""Read Russian spellings of Chinese names (the Palladius system) back as pinyin.

Russian and Belarusian texts write Chinese names in Palladius ("Си Цзиньпин", "Ван И",
"Урумчи" being an exception that the gazetteer covers); English texts use pinyin ("Xi
Jinping"); Chinese texts use characters.  Plain letter-by-letter transliteration of the Russian
form ("Si Tszinpin") meets neither.  This module rebuilds the Palladius spelling of every
pinyin syllable by the system's rules and parses a Cyrillic word back into syllables, so that
"Си Цзиньпин" reads "xi jinping" and meets 习近平 and "Xi Jinping".

A word that does not split completely into Palladius syllables is not Chinese, and gets no
reading; Russian names that happen to split ("Иван" → "yi wan") only gain a key or a candidate,
never a link by themselves.
"""

from __future__ import annotations

import functools

# Toneless pinyin syllables, as listed in pypinyin's character dictionary (interjections
# without a vowel left out).
PINYIN_SYLLABLES: tuple[str, ...] = tuple("""
    a ai an ang ao ba bai ban bang bao bei ben beng bi bian biang biao bie bin bing bo bong
    bu ca cai can cang cao ce cei cen ceng cha chai chan chang chao che chen cheng chi chong
    chou chu chua chuai chuan chuang chui chun chuo ci cong cou cu cuan cui cun cuo da dai
    dan dang dao de dei den deng di dia dian diao die din ding diu dong dou du duan dui dun
    duo e ei en eng er fa fan fang fei fen feng fiao fo fou fu ga gai gan gang gao ge gei
    gen geng gong gou gu gua guai guan guang gui gun guo ha hai han hang hao he hei hen heng
    hong hou hu hua huai huan huang hui hun huo ji jia jian jiang jiao jie jin jing jiong
    jiu ju juan jue jun ka kai kan kang kao ke kei ken keng kong kou ku kua kuai kuan kuang
    kui kun kuo la lai lan lang lao le lei len leng li lia lian liang liao lie lin ling liu
    lo long lou lu luan lun luo lv lve ma mai man mang mao me mei men meng mi mian miao mie
    min ming miu mo mou mu na nai nan nang nao ne nei nen neng ni nia nian niang niao nie
    nin ning niu nong nou nu nuan nun nuo nv nve o ou pa pai pan pang pao pei pen peng pi
    pian piao pie pin ping po pou pu qi qia qian qiang qiao qie qin qing qiong qiu qu quan
    que qun ran rang rao re ren reng ri rong rou ru rua ruan rui run ruo sa sai san sang sao
    se sen seng sha shai shan shang shao she shei shen sheng shi shou shu shua shuai shuan
    shuang shui shun shuo si song sou su suan sui sun suo ta tai tan tang tao te tei teng ti
    tian tiao tie ting tong tou tu tuan tui tun tuo wa wai wan wang wei wen weng wo wong wu
    xi xia xian xiang xiao xie xin xing xiong xiu xu xuan xue xun ya yan yang yao ye yi yin
    ying yo yong you yu yuan yue yun za zai zan zang zao ze zei zen zeng zha zhai zhan zhang
    zhao zhe zhei zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo zi
    zong zou zu zuan zui zun zuo
""".split())

_INITIALS: tuple[tuple[str, str], ...] = (
    ("zh", "чж"), ("ch", "ч"), ("sh", "ш"), ("b", "б"), ("p", "п"), ("m", "м"), ("f", "ф"),
    ("d", "д"), ("t", "т"), ("n", "н"), ("l", "л"), ("g", "г"), ("k", "к"), ("h", "х"),
    ("j", "цз"), ("q", "ц"), ("x", "с"), ("r", "ж"), ("z", "цз"), ("c", "ц"), ("s", "с"),
)

# Syllables without a consonant initial, written with y/w in pinyin.
_ZERO_INITIAL: dict[str, str] = {
    "a": "а", "o": "о", "e": "э", "ai": "ай", "ei": "эй", "ao": "ао", "ou": "оу", "an": "ань",
    "en": "энь", "ang": "ан", "eng": "эн", "er": "эр",
    "yi": "и", "ya": "я", "ye": "е", "yao": "яо", "you": "ю", "yan": "янь", "yin": "инь",
    "yang": "ян", "ying": "ин", "yong": "юн", "yo": "йо", "yu": "юй", "yue": "юэ",
    "yuan": "юань", "yun": "юнь",
    "wu": "у", "wa": "ва", "wo": "во", "wai": "вай", "wei": "вэй", "wan": "вань", "wen": "вэнь",
    "wang": "ван", "weng": "вэн", "wong": "вун",
}

_FINALS: dict[str, str] = {
    "a": "а", "o": "о", "e": "э", "ai": "ай", "ei": "эй", "ao": "ао", "ou": "оу", "an": "ань",
    "en": "энь", "ang": "ан", "eng": "эн", "ong": "ун", "i": "и", "ia": "я", "ie": "е",
    "iao": "яо", "iu": "ю", "ian": "янь", "in": "инь", "iang": "ян", "ing": "ин", "iong": "юн",
    "u": "у", "ua": "уа", "uo": "о", "uai": "уай", "ui": "уй", "uan": "уань", "un": "унь",
    "uang": "уан", "v": "юй", "ve": "юэ", "ue": "юэ",
}

# After j, q, x the letter u is ü.
_AFTER_PALATAL: dict[str, str] = {"u": "юй", "uan": "юань", "un": "юнь", "ue": "юэ"}

_EXCEPTIONS: dict[str, str] = {"hui": "хуэй"}


def to_palladius(syllable: str) -> str | None:
    """The Palladius spelling of one toneless pinyin syllable ("jin" → "цзинь")."""
    if syllable in _EXCEPTIONS:
        return _EXCEPTIONS[syllable]
    if syllable in _ZERO_INITIAL:
        return _ZERO_INITIAL[syllable]
    for initial, cyrillic in _INITIALS:
        if syllable.startswith(initial):
            final = syllable[len(initial):]
            if initial in ("j", "q", "x") and final in _AFTER_PALATAL:
                return cyrillic + _AFTER_PALATAL[final]
            if final == "i" and initial in ("z", "c", "s"):
                return cyrillic + "ы"
            if final in _FINALS:
                return cyrillic + _FINALS[final]
            return None
    return None


@functools.cache
def _palladius_table() -> dict[str, str]:
    """Palladius spelling → pinyin; where two syllables share a spelling the commoner wins."""
    table: dict[str, str] = {}
    for syllable in PINYIN_SYLLABLES:
        spelling = to_palladius(syllable)
        if spelling is None:
            continue
        # "lo"/"luo" and the like are both spelled "ло": keep the -uo syllable, far commoner.
        if spelling not in table or syllable.endswith("uo"):
            table[spelling] = syllable
    return table


_MAX_SYLLABLE = 6


def word_to_pinyin(word: str) -> list[str] | None:
    """Split a Cyrillic word into Palladius syllables; their pinyin, or None if it is no split."""
    folded = word.casefold().replace("ё", "е").replace("ъ", "")
    table = _palladius_table()
    best: list[list[str] | None] = [None] * (len(folded) + 1)
    best[0] = []
    for end in range(1, len(folded) + 1):
        for size in range(1, min(_MAX_SYLLABLE, end) + 1):
            start = end - size
            previous = best[start]
            syllable = table.get(folded[start:end])
            if previous is None or syllable is None:
                continue
            candidate = [*previous, syllable]
            current = best[end]
            if current is None or len(candidate) < len(current):
                best[end] = candidate
    return best[len(folded)] if folded else None


def chinese_reading(name: str) -> str | None:
    """"Си Цзиньпин" → "xi jinping": the pinyin reading of a Russian-spelled Chinese name.

    Every word must split into Palladius syllables; otherwise there is no reading.
    """
    words = [w for w in name.replace("-", " ").split() if w.strip(".,")]
    if not words:
        return None
    readings = []
    for word in words:
        syllables = word_to_pinyin(word.strip(".,"))
        if not syllables:
            return None
        readings.append("".join(syllables))
    return " ".join(readings)
