"""Reader-language texts for match reasons (ru/zh/en).

Reasons are stored as ``code`` + ``params``; this module turns them into one sentence in the
reader's language, so a Chinese reader sees Chinese reasons for a Russian profile. Unknown
languages fall back to English; unknown codes render as the code itself (never crash a page).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from coopnode.match.features import MatchReason
from coopnode.refdata.sectors import sector_label

LANGS = ("en", "ru", "zh")

PROFILE_TYPE_LABELS: dict[str, dict[str, str]] = {
    "business_offer": {"en": "business offer", "ru": "деловое предложение", "zh": "商务合作供给"},
    "business_request": {"en": "business request", "ru": "деловой запрос", "zh": "商务合作需求"},
    "technology_offer": {
        "en": "technology offer",
        "ru": "технологическое предложение",
        "zh": "技术供给",
    },
    "technology_request": {
        "en": "technology request",
        "ru": "технологический запрос",
        "zh": "技术需求",
    },
    "research_request": {
        "en": "research partner search",
        "ru": "поиск научного партнёра",
        "zh": "科研合作需求",
    },
}

COOPERATION_LABELS: dict[str, dict[str, str]] = {
    "commercial_agreement": {
        "en": "commercial agreement",
        "ru": "коммерческий договор",
        "zh": "商业合同",
    },
    "licence": {"en": "licence", "ru": "лицензия", "zh": "技术许可"},
    "joint_venture": {"en": "joint venture", "ru": "совместное предприятие", "zh": "合资企业"},
    "outsourcing": {"en": "outsourcing", "ru": "аутсорсинг", "zh": "外包"},
    "research_cooperation": {
        "en": "research cooperation",
        "ru": "научное сотрудничество",
        "zh": "科研合作",
    },
    "investment": {"en": "investment", "ru": "инвестиции", "zh": "投资"},
    "distribution": {"en": "distribution", "ru": "дистрибуция", "zh": "分销代理"},
    "technical_cooperation": {
        "en": "technical cooperation",
        "ru": "техническое сотрудничество",
        "zh": "技术合作",
    },
    "supply": {"en": "supply", "ru": "поставка", "zh": "供货"},
    "training": {"en": "training", "ru": "обучение", "zh": "培训"},
}

COUNTRY_LABELS: dict[str, dict[str, str]] = {
    "AE": {"en": "the UAE", "ru": "ОАЭ", "zh": "阿联酋"},
    "BR": {"en": "Brazil", "ru": "Бразилия", "zh": "巴西"},
    "BY": {"en": "Belarus", "ru": "Беларусь", "zh": "白俄罗斯"},
    "CN": {"en": "China", "ru": "Китай", "zh": "中国"},
    "EG": {"en": "Egypt", "ru": "Египет", "zh": "埃及"},
    "ET": {"en": "Ethiopia", "ru": "Эфиопия", "zh": "埃塞俄比亚"},
    "ID": {"en": "Indonesia", "ru": "Индонезия", "zh": "印度尼西亚"},
    "IN": {"en": "India", "ru": "Индия", "zh": "印度"},
    "IR": {"en": "Iran", "ru": "Иран", "zh": "伊朗"},
    "KG": {"en": "Kyrgyzstan", "ru": "Киргизия", "zh": "吉尔吉斯斯坦"},
    "KZ": {"en": "Kazakhstan", "ru": "Казахстан", "zh": "哈萨克斯坦"},
    "MN": {"en": "Mongolia", "ru": "Монголия", "zh": "蒙古国"},
    "MY": {"en": "Malaysia", "ru": "Малайзия", "zh": "马来西亚"},
    "PK": {"en": "Pakistan", "ru": "Пакистан", "zh": "巴基斯坦"},
    "RU": {"en": "Russia", "ru": "Россия", "zh": "俄罗斯"},
    "SA": {"en": "Saudi Arabia", "ru": "Саудовская Аравия", "zh": "沙特阿拉伯"},
    "TH": {"en": "Thailand", "ru": "Таиланд", "zh": "泰国"},
    "TJ": {"en": "Tajikistan", "ru": "Таджикистан", "zh": "塔吉克斯坦"},
    "UZ": {"en": "Uzbekistan", "ru": "Узбекистан", "zh": "乌兹别克斯坦"},
    "VN": {"en": "Vietnam", "ru": "Вьетнам", "zh": "越南"},
    "ZA": {"en": "South Africa", "ru": "ЮАР", "zh": "南非"},
}

_SEP = {"en": ", ", "ru": ", ", "zh": "、"}
_STAGE_LABELS: dict[str, dict[str, str]] = {
    "idea": {"en": "idea", "ru": "идея", "zh": "概念阶段"},
    "prototype": {"en": "prototype", "ru": "прототип", "zh": "原型阶段"},
    "pilot": {"en": "pilot", "ru": "пилотное внедрение", "zh": "试点阶段"},
    "market": {"en": "on the market", "ru": "на рынке", "zh": "已上市"},
}


def _label(table: dict[str, dict[str, str]], key: str | None, lang: str) -> str:
    if key is None:
        return "?"
    names = table.get(key)
    return (names.get(lang) or names["en"]) if names else key


def _join(items: Iterable[str], lang: str) -> str:
    return _SEP.get(lang, ", ").join(items)


def _num(value: float, lang: str) -> str:
    text = f"{value:.2f}"
    return text.replace(".", ",") if lang == "ru" else text


def _semantic(p: dict[str, Any], lang: str) -> str:
    sim = _num(float(p.get("similarity", 0.0)), lang)
    return {
        "en": f"The descriptions are close in meaning (similarity {sim})",
        "ru": f"Описания близки по смыслу (сходство {sim})",
        "zh": f"描述内容语义相近（相似度 {sim}）",
    }[lang]


def _sector(p: dict[str, Any], lang: str) -> str:
    codes = p.get("sectors") or []
    if not codes:
        return {"en": "No common sector", "ru": "Общих отраслей нет", "zh": "没有共同领域"}[lang]
    names = _join((sector_label(c, lang) for c in codes), lang)
    if p.get("level") == "group":
        return {
            "en": f"Related sectors in the same group: {names}",
            "ru": f"Смежные отрасли одной группы: {names}",
            "zh": f"同属一个大类的相关领域：{names}",
        }[lang]
    return {
        "en": f"Same sector: {names}",
        "ru": f"Общая отрасль: {names}",
        "zh": f"相同领域：{names}",
    }[lang]


def _cooperation(p: dict[str, Any], lang: str) -> str:
    types = p.get("types") or []
    if not types:
        return {
            "en": "No common form of cooperation stated",
            "ru": "Общие формы сотрудничества не указаны",
            "zh": "未注明共同的合作方式",
        }[lang]
    names = _join((_label(COOPERATION_LABELS, t, lang) for t in types), lang)
    return {
        "en": f"Both seek: {names}",
        "ru": f"Обе стороны ищут: {names}",
        "zh": f"双方均寻求：{names}",
    }[lang]


def _country(p: dict[str, Any], lang: str) -> str:
    country = _label(COUNTRY_LABELS, p.get("country"), lang)
    if not p.get("known"):
        return {
            "en": f"Partner based in {country}; no target countries stated",
            "ru": f"Партнёр из страны: {country}; целевые страны не указаны",
            "zh": f"合作方所在国：{country}；未注明目标国家",
        }[lang]
    if p.get("fit") == "none":
        return {
            "en": f"Partner based in {country}, outside the countries sought",
            "ru": f"Партнёр из страны: {country} — вне искомых стран",
            "zh": f"合作方所在国：{country}，不在目标国家范围内",
        }[lang]
    if p.get("fit") == "some":
        return {
            "en": f"Partner based in {country}; the countries sought match on one side only",
            "ru": f"Партнёр из страны: {country}; целевые страны совпадают лишь с одной стороны",
            "zh": f"合作方所在国：{country}；目标国家仅单方面相符",
        }[lang]
    return {
        "en": f"Partner based in {country}, within the countries sought",
        "ru": f"Партнёр из страны: {country} — входит в искомые страны",
        "zh": f"合作方所在国：{country}，属于目标国家范围",
    }[lang]


def _complementary(p: dict[str, Any], lang: str) -> str:
    own = _label(PROFILE_TYPE_LABELS, p.get("own_type"), lang)
    other = _label(PROFILE_TYPE_LABELS, p.get("other_type"), lang)
    return {
        "en": f"A {other} that answers your {own}",
        "ru": f"{other[:1].upper()}{other[1:]} отвечает на ваш профиль ({own})",
        "zh": f"该{other}可对应您的{own}",
    }[lang]


def _readiness(p: dict[str, Any], lang: str) -> str:
    if not p.get("stage"):
        return {
            "en": "Technology stage not stated",
            "ru": "Стадия готовности не указана",
            "zh": "未注明技术成熟阶段",
        }[lang]
    stage = _label(_STAGE_LABELS, p.get("stage"), lang)
    return {
        "en": f"Technology stage: {stage}",
        "ru": f"Стадия готовности технологии: {stage}",
        "zh": f"技术成熟阶段：{stage}",
    }[lang]


_RENDERERS: dict[str, Callable[[dict[str, Any], str], str]] = {
    "semantic": _semantic,
    "sector_overlap": _sector,
    "cooperation_type": _cooperation,
    "target_country": _country,
    "complementary_type": _complementary,
    "readiness": _readiness,
}


def render_reason(reason: MatchReason, lang: str) -> str:
    """One sentence explaining ``reason`` in ``lang`` (ru/zh/en; others fall back to en)."""
    lang = lang if lang in LANGS else "en"
    renderer = _RENDERERS.get(reason.code)
    if renderer is None:
        return reason.code
    return renderer(reason.params, lang)
