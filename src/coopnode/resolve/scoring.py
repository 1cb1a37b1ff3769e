"""Explainable features that compare a mention with a registry candidate.

Each feature is a small pure function ``(MentionQuery, Candidate) -> FeatureScore`` with a score
in 0..1 and a detail a person can read ("'минсвязи' is an abbreviation of 'министерство связи и
информатизации'").  The resolver multiplies each score by its weight from :data:`WEIGHTS` and
adds them up; conflicting evidence (another gazetteer entry, another country, another type,
incompatible person names) carries a negative weight.  This follows nomenklatura's matching
design: a score you can print, line by line, as "why this match".

Name features are made exclusive so that one piece of evidence is not counted twice: an exact
normalised match switches off the fuzzy and transliteration features, fuzzy similarity compares
names in the same script and transliteration compares names across scripts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from rapidfuzz import fuzz

from coopnode.resolve.normalize import is_cyrillic, is_han, normalize, skeleton, transliterate
from coopnode.resolve.palladius import chinese_reading

# --- inputs --------------------------------------------------------------------------------------


class CandidateName(NamedTuple):
    """A stored name of a registry entity: ("Минсвязи", "ru", "abbreviation").

    A named tuple, so plain ``(text, lang, kind)`` tuples from a database row work as well.
    """

    text: str
    lang: str | None = None
    kind: str = "alias"


@dataclass(frozen=True)
class Candidate:
    """A registry entity that a mention might refer to.

    ``names`` may be given as ``CandidateName`` values, ``(text, lang, kind)`` tuples or plain
    strings; they are stored as a tuple of ``CandidateName``.
    """

    id: str
    type: str
    country: str | None = None
    names: tuple[CandidateName, ...] = ()
    gazetteer_id: str | None = None
    context_ids: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        names = tuple(
            CandidateName(n) if isinstance(n, str) else CandidateName(*n) for n in self.names
        )
        object.__setattr__(self, "names", names)
        object.__setattr__(self, "context_ids", frozenset(self.context_ids))

    @staticmethod
    def make(
        id: str,
        type: str,
        names: Iterable[str | tuple[str, str | None, str] | CandidateName],
        country: str | None = None,
        gazetteer_id: str | None = None,
        context_ids: Iterable[str] = (),
    ) -> Candidate:
        """Build a candidate from plain strings or (text, lang, kind) tuples."""
        parsed = tuple(CandidateName(n) if isinstance(n, str) else CandidateName(*n) for n in names)
        return Candidate(id, type, country, parsed, gazetteer_id, frozenset(context_ids))


@dataclass(frozen=True)
class MentionQuery:
    """A mention to resolve: the surface ``text``, its canonical ``name`` and what is known."""

    text: str
    name: str = ""
    type: str | None = None
    lang: str | None = None
    country: str | None = None
    gazetteer_id: str | None = None
    context: tuple[str, ...] = ()          # co-mentioned names or registry ids

    @property
    def names(self) -> list[str]:
        """The forms to compare: canonical name first, then the surface text if different."""
        forms = [self.name or self.text]
        if self.text and normalize(self.text) != normalize(forms[0]):
            forms.append(self.text)
        return forms


@dataclass(frozen=True)
class FeatureScore:
    """One piece of evidence: a score in 0..1 and why."""

    name: str
    score: float
    detail: str


@dataclass(frozen=True)
class ScoredCandidate:
    """A candidate with its total score and the features that made it."""

    candidate: Candidate
    score: float
    features: tuple[FeatureScore, ...] = field(default=())

    def explain(self) -> str:
        """One line per feature that contributed, strongest first."""
        lines = [f"{self.candidate.id}: score {self.score:.2f}"]
        contributing = [f for f in self.features if f.score > 0]
        contributing.sort(key=lambda f: -abs(f.score * WEIGHTS[f.name]))
        for feature in contributing:
            weight = WEIGHTS[feature.name]
            sign = "+" if weight >= 0 else "-"
            lines.append(
                f"  {sign} {feature.name:<22} {feature.score:.2f} x {abs(weight):.2f}  {feature.detail}"
            )
        return "\n".join(lines)


# --- weights, in one place -----------------------------------------------------------------------

WEIGHTS: dict[str, float] = {
    "exact_name": 0.80,
    "same_gazetteer_entry": 0.80,
    "transliteration": 0.70,
    "abbreviation": 0.70,
    "fuzzy_tokens": 0.70,
    "person_name": 0.30,
    "shared_context": 0.20,
    "country_agreement": 0.10,
    "type_agreement": 0.05,
    "gazetteer_conflict": -0.90,
    "type_conflict": -1.00,
    "person_name_conflict": -0.60,
    "country_conflict": -0.40,
}

# --- token helpers -------------------------------------------------------------------------------

FUNCTION_WORDS: frozenset[str] = frozenset({
    "и", "в", "во", "на", "по", "при", "для", "с", "со", "о", "об", "of", "the", "and", "for",
    "on", "in", "at", "de", "da", "do", "s", "&",
})

# Words that every ministry or agency name has, and country words: they say nothing about *which*
# body is meant, so two different ministries of Belarus must not look alike because of them.
# Matched as prefixes so that Russian case forms are covered.
GENERIC_PREFIXES: tuple[str, ...] = (
    "министерств", "ministry", "ministries", "государствен", "national", "state", "республик",
    "republic", "федерац", "federation", "федеральн", "federal", "правительств", "government",
    "народн", "people", "кнр", "рф", "prc", "беларус", "белорус", "belarus", "росси", "russia",
    "кита", "china", "chinese", "committee", "комитет", "агентств", "agency", "администрац",
    "administration", "управлени", "департамент", "department", "office", "совет", "council",
)

# Russian case endings a name's word may carry ("Алексеева", "Министерством", "России").
# No genitive plural -ов/-ев: "Иван" must not meet "Иванов".
_CASE_ENDINGS: tuple[str, ...] = (
    "а", "я", "у", "ю", "е", "ы", "и", "о", "ь", "й", "ой", "ей", "ом", "ем", "ым", "им",
    "ого", "его", "ому", "ему", "ую", "юю", "ая", "яя", "ое", "ее", "ий", "ый", "ые", "ие",
    "ых", "их", "ами", "ями", "ах", "ях", "ам", "ям", "ию", "ия", "ии", "ией", "ью",
)
_MIN_STEM = 3
_TYPO_MIN_LENGTH = 6
_TYPO_RATIO = 90


def token_stems(token: str) -> frozenset[str]:
    """Latin skeletons of a word and of its possible stems without a Russian case ending.

    Stems are cut in the original script, then transliterated, so that "Антона" meets "Anton"
    and "Алексеева" meets "Alexeev", while "Петровский" never shrinks to "Петров".
    """
    forms = {token}
    if any(is_cyrillic(ch) for ch in token):
        for ending in _CASE_ENDINGS:
            if token.endswith(ending) and len(token) - len(ending) >= _MIN_STEM:
                forms.add(token[: -len(ending)])
    return frozenset(skeleton(form).replace(" ", "") for form in forms)


def tokens_match(a: str, b: str) -> bool:
    """Equal, the same word in another case or script ("алексеева" ~ "Alekseev"), or a typo."""
    if a == b:
        return True
    stems_a, stems_b = token_stems(a), token_stems(b)
    if stems_a & stems_b:
        return True
    sa, sb = skeleton(a), skeleton(b)
    return min(len(sa), len(sb)) >= _TYPO_MIN_LENGTH and fuzz.ratio(sa, sb) >= _TYPO_RATIO


def _is_generic(token: str) -> bool:
    return token in FUNCTION_WORDS or token.startswith(GENERIC_PREFIXES)


def distinctive_tokens(name: str) -> list[str]:
    """Normalised tokens that identify a body: function words and generic words removed."""
    return [t for t in normalize(name).split() if not _is_generic(t)]


def token_overlap(a: list[str], b: list[str]) -> tuple[float, list[str]]:
    """Mean share of each side's tokens matched one-to-one on the other side."""
    if not a or not b:
        return 0.0, []
    remaining = list(b)
    matched: list[str] = []
    for token in a:
        for other in remaining:
            if tokens_match(token, other):
                matched.append(token)
                remaining.remove(other)
                break
    score = 0.5 * len(matched) / len(a) + 0.5 * len(matched) / len(b)
    return score, matched


def script_of(text: str) -> str:
    """"han", "cyrillic" or "latin": the script of the first letter that has one."""
    for ch in text:
        if is_han(ch):
            return "han"
        if is_cyrillic(ch):
            return "cyrillic"
        if ch.isalpha():
            return "latin"
    return "latin"


def _pairs(query: MentionQuery, candidate: Candidate) -> list[tuple[str, CandidateName]]:
    return [(q, c) for q in query.names for c in candidate.names]


# --- name features -------------------------------------------------------------------------------


def exact_name(query: MentionQuery, candidate: Candidate) -> FeatureScore:
    """The mention equals a stored name after normalisation (case, ё, punctuation)."""
    for q, c in _pairs(query, candidate):
        if normalize(q) and normalize(q) == normalize(c.text):
            return FeatureScore("exact_name", 1.0, f"'{q}' = stored name '{c.text}'")
    return FeatureScore("exact_name", 0.0, "no stored name equals the mention")


def _has_exact(query: MentionQuery, candidate: Candidate) -> bool:
    return exact_name(query, candidate).score > 0


def fuzzy_tokens(query: MentionQuery, candidate: Candidate) -> FeatureScore:
    """Same-script names sharing their distinctive words (inflection and small typos allowed)."""
    if _has_exact(query, candidate):
        return FeatureScore("fuzzy_tokens", 0.0, "covered by exact name")
    best = FeatureScore("fuzzy_tokens", 0.0, "no stored name in the same script is similar")
    for q, c in _pairs(query, candidate):
        script = script_of(q)
        if script != script_of(c.text):
            continue
        if script == "han":
            score = fuzz.ratio(normalize(q), normalize(c.text)) / 100
            detail = f"'{q}' ~ '{c.text}' (character similarity {score:.2f})"
        else:
            person = query.type == "person" or candidate.type == "person"
            qt = normalize(q).split() if person else distinctive_tokens(q)
            ct = normalize(c.text).split() if person else distinctive_tokens(c.text)
            score, matched = token_overlap(qt, ct)
            detail = f"'{q}' ~ '{c.text}': shared words {matched or 'none'} ({score:.2f})"
        if score > best.score:
            best = FeatureScore("fuzzy_tokens", round(score, 3), detail)
    return best


def pinyin_reading(name: str) -> str | None:
    """How a Chinese name sounds in pinyin, without spaces, from any script.

    Han characters are read with pypinyin, Russian Palladius spellings are parsed back
    ("Си Цзиньпин"), Latin names are taken as written ("Xi Jinping").  None when a Cyrillic
    name is not a Palladius spelling.
    """
    script = script_of(name)
    if script == "cyrillic":
        reading = chinese_reading(normalize(name))
        return reading.replace(" ", "") if reading else None
    return normalize(transliterate(name)).replace(" ", "") or None


def _same_chinese_reading(a: str, b: str) -> bool:
    """Two spellings of one Chinese name in different scripts, one of them Han or Palladius."""
    scripts = {script_of(a), script_of(b)}
    if len(scripts) < 2 or not scripts & {"han", "cyrillic"}:
        return False
    reading_a, reading_b = pinyin_reading(a), pinyin_reading(b)
    return reading_a is not None and reading_a == reading_b


def transliteration(query: MentionQuery, candidate: Candidate) -> FeatureScore:
    """Names in different scripts that read the same in Latin letters ("Антон" ~ "Anton").

    Chinese names are compared by their pinyin reading, so that "Си Цзиньпин", "Xi Jinping"
    and "习近平" meet.
    """
    if _has_exact(query, candidate):
        return FeatureScore("transliteration", 0.0, "covered by exact name")
    best = FeatureScore("transliteration", 0.0, "no stored name in another script reads the same")
    for q, c in _pairs(query, candidate):
        if script_of(q) == script_of(c.text):
            continue
        if _same_chinese_reading(q, c.text):
            return FeatureScore(
                "transliteration", 1.0, f"'{q}' and '{c.text}' read '{pinyin_reading(q)}' in pinyin"
            )
        qs, cs = skeleton(q), skeleton(c.text)
        if not qs or not cs:
            continue
        if qs.replace(" ", "") == cs.replace(" ", "") or "".join(qs.split()[::-1]) == cs.replace(" ", ""):
            score, detail = 1.0, f"'{q}' reads as '{c.text}' ({qs})"
        else:
            score, matched = token_overlap(qs.split(), cs.split())
            score *= 0.9
            detail = f"'{q}' ~ '{c.text}' in Latin: shared {matched or 'none'}"
        if score > best.score:
            best = FeatureScore("transliteration", round(score, 3), detail)
    return best


# Words that name the country a body belongs to; a trailing run of them is not part of the
# body's own abbreviation ("ГКНТ" ← "Государственный комитет по науке и технологиям
# Республики Беларусь", "НАН Беларуси" ← "Национальная академия наук Беларуси").
COUNTRY_WORD_PREFIXES: tuple[str, ...] = (
    "республик", "republic", "федерац", "federation", "беларус", "белорус", "belarus",
    "российск", "росси", "russia", "кнр", "рф", "prc", "китайск", "китая", "china", "chinese",
    "народн", "people", "s", "of", "the",
)


def without_country(name: str) -> list[str]:
    """Normalised words of a name with a trailing country phrase removed."""
    words = normalize(name).split()
    while len(words) > 1 and words[-1].startswith(COUNTRY_WORD_PREFIXES):
        words.pop()
    return words


def initials(name: str) -> str:
    """First letters of the significant words: "Shanghai Cooperation Organisation" → "sco"."""
    return "".join(t[0] for t in normalize(name).split() if t not in FUNCTION_WORDS)


def initials_variants(name: str) -> set[str]:
    """Initials of the whole name and of the name without its trailing country phrase."""
    variants = {initials(name), initials(" ".join(without_country(name)))}
    variants.discard("")
    return variants


def _is_abbreviation(text: str) -> bool:
    compact = text.replace(" ", "")
    return (
        2 <= len(compact) <= 20
        and len(text.split()) <= 2
        and not any(is_han(ch) for ch in text)
    )


def _prefix_compound(abbreviation: str, full_name: str) -> bool:
    """Russian compound shortening: "Минсвязи" ← "Министерство связи …", "Минэкономразвития".

    The abbreviation must be spelled by the beginnings (three letters or more) of successive
    words of the full name, starting with the first word.
    """
    words = [w for w in normalize(full_name).split() if w not in FUNCTION_WORDS]
    rest = normalize(abbreviation).replace(" ", "")
    if not words or len(rest) < 5:
        return False

    def spell(rest: str, index: int, used: int) -> bool:
        if not rest:
            return used >= 2
        for j in range(index, min(index + 3, len(words))):
            word = words[j]
            for size in range(min(len(word), len(rest)), 2, -1):
                if rest.startswith(word[:size]) and spell(rest[size:], j + 1, used + 1):
                    return True
            if j == 0:
                break  # the first word must be used
        return False

    # A case ending may close the abbreviation ("Минсвязи" — "связи" is itself inflected).
    return spell(rest, 0, 0)


_INITIALS_CONFIDENCE: dict[int, float] = {2: 0.6, 3: 0.85}


def abbreviation(query: MentionQuery, candidate: Candidate) -> FeatureScore:
    """One side is the initials ("ШОС", "MIIT") or a compound shortening ("Минсвязи") of the other."""
    if "person" in (query.type, candidate.type):
        return FeatureScore("abbreviation", 0.0, "persons have no abbreviations")
    if _has_exact(query, candidate):
        return FeatureScore("abbreviation", 0.0, "covered by exact name")
    for q, c in _pairs(query, candidate):
        for short, full in ((q, c.text), (c.text, q)):
            if not _is_abbreviation(short) or len(full.split()) < 2:
                continue
            for compact in {normalize(short).replace(" ", ""), "".join(without_country(short))}:
                if len(compact) >= 2 and compact in initials_variants(full):
                    # Longer initials are rarer by chance: "БГУИР" is near proof, "РК" a hint.
                    score = _INITIALS_CONFIDENCE.get(len(compact), 1.0)
                    return FeatureScore("abbreviation", score, f"'{short}' = initials of '{full}'")
            if _prefix_compound(short, full):
                return FeatureScore("abbreviation", 1.0, f"'{short}' shortens '{full}'")
    return FeatureScore("abbreviation", 0.0, "no abbreviation relation")


# --- person names --------------------------------------------------------------------------------


@dataclass(frozen=True)
class PersonComparison:
    score: float
    conflict: bool
    detail: str


def _person_tokens(name: str) -> list[str]:
    """Words of a person name; Chinese names are split into syllables ("张华" → 张 华)."""
    tokens: list[str] = []
    for token in normalize(name).split():
        if any(is_han(ch) for ch in token):
            tokens.extend(transliterate(token).split())
        else:
            tokens.append(token)
    return tokens


def compare_person_names(a: str, b: str) -> PersonComparison:
    """Whether two person names can be the same person, in any script and order.

    Full words must match (case endings allowed: "Алексеева" ~ "Алексеев"); an initial matches
    a word with that first letter; a word present on one side only (a patronymic) is tolerated,
    but two different given names or surnames are a conflict.
    """
    sa, sb = skeleton(a), skeleton(b)
    if sa.replace(" ", "") == sb.replace(" ", ""):
        return PersonComparison(1.0, False, f"'{a}' and '{b}' spell the same")
    if _same_chinese_reading(a, b):
        return PersonComparison(1.0, False, f"'{a}' and '{b}' are one Chinese name")
    # Initials are read before transliteration: "Ю." is one letter even though it gives "yu".
    ta, tb = _person_tokens(a), _person_tokens(b)
    full_a = [t for t in ta if len(t) > 1]
    full_b = [t for t in tb if len(t) > 1]
    init_a = [skeleton(t) for t in ta if len(t) == 1]
    init_b = [skeleton(t) for t in tb if len(t) == 1]
    remaining_b = list(full_b)
    matched = 0
    unmatched_a: list[str] = []
    for token in full_a:
        for other in remaining_b:
            if tokens_match(token, other):
                remaining_b.remove(other)
                matched += 1
                break
        else:
            unmatched_a.append(token)
    if matched == 0:
        return PersonComparison(0.0, True, f"no name word of '{a}' matches '{b}'")
    used_initials = False
    for initials_side, words in ((init_a, remaining_b), (init_b, unmatched_a)):
        for initial in initials_side:
            hit = next((w for w in words if skeleton(w).startswith(initial)), None)
            if hit is None and words:
                return PersonComparison(0.0, True, f"initial '{initial}' fits no name in '{a}'/'{b}'")
            if hit is not None:
                words.remove(hit)
                used_initials = True
    if unmatched_a and remaining_b:
        return PersonComparison(
            0.0, True, f"'{a}' and '{b}' differ in {unmatched_a} / {remaining_b}"
        )
    if used_initials:
        return PersonComparison(0.7, False, f"'{a}' fits '{b}' through initials")
    if unmatched_a or remaining_b:
        return PersonComparison(0.8, False, f"'{a}' and '{b}' agree; one has more names")
    return PersonComparison(1.0, False, f"'{a}' and '{b}' are the same name in other forms")


def _best_person_comparison(query: MentionQuery, candidate: Candidate) -> PersonComparison | None:
    if query.type != "person" or candidate.type != "person":
        return None
    comparisons = [compare_person_names(q, c.text) for q, c in _pairs(query, candidate)]
    if not comparisons:
        return None
    return max(comparisons, key=lambda c: (not c.conflict, c.score))


def person_name(query: MentionQuery, candidate: Candidate) -> FeatureScore:
    """Person names compatible: same words in any order, case or script, or fitting initials."""
    best = _best_person_comparison(query, candidate)
    if best is None or best.conflict:
        return FeatureScore("person_name", 0.0, best.detail if best else "not a pair of persons")
    return FeatureScore("person_name", best.score, best.detail)


def person_name_conflict(query: MentionQuery, candidate: Candidate) -> FeatureScore:
    """Every stored name of the person contradicts the mention (another given name or surname)."""
    best = _best_person_comparison(query, candidate)
    if best is not None and best.conflict:
        return FeatureScore("person_name_conflict", 1.0, best.detail)
    return FeatureScore("person_name_conflict", 0.0, "no contradiction")


# --- identity, type, country, context -------------------------------------------------------------


def same_gazetteer_entry(query: MentionQuery, candidate: Candidate) -> FeatureScore:
    """Both are names of one reference-data entry (Урумчи, Urumqi, 乌鲁木齐)."""
    if query.gazetteer_id and query.gazetteer_id == candidate.gazetteer_id:
        return FeatureScore("same_gazetteer_entry", 1.0, f"both are {query.gazetteer_id}")
    return FeatureScore("same_gazetteer_entry", 0.0, "no shared reference entry")


def gazetteer_conflict(query: MentionQuery, candidate: Candidate) -> FeatureScore:
    """The two are known to be different reference entries (two ministries of one country)."""
    if query.gazetteer_id and candidate.gazetteer_id and query.gazetteer_id != candidate.gazetteer_id:
        return FeatureScore(
            "gazetteer_conflict", 1.0,
            f"mention is {query.gazetteer_id}, candidate is {candidate.gazetteer_id}",
        )
    return FeatureScore("gazetteer_conflict", 0.0, "no conflicting reference entries")


def type_agreement(query: MentionQuery, candidate: Candidate) -> FeatureScore:
    if query.type and query.type == candidate.type:
        return FeatureScore("type_agreement", 1.0, f"both are {query.type}")
    return FeatureScore("type_agreement", 0.0, "type unknown or different")


def type_conflict(query: MentionQuery, candidate: Candidate) -> FeatureScore:
    if query.type and candidate.type and query.type != candidate.type:
        return FeatureScore("type_conflict", 1.0, f"mention is a {query.type}, candidate a {candidate.type}")
    return FeatureScore("type_conflict", 0.0, "no type conflict")


def country_agreement(query: MentionQuery, candidate: Candidate) -> FeatureScore:
    if query.country and query.country == candidate.country:
        return FeatureScore("country_agreement", 1.0, f"both in {query.country}")
    return FeatureScore("country_agreement", 0.0, "country unknown or different")


def country_conflict(query: MentionQuery, candidate: Candidate) -> FeatureScore:
    if query.country and candidate.country and query.country != candidate.country:
        return FeatureScore(
            "country_conflict", 1.0, f"mention in {query.country}, candidate in {candidate.country}"
        )
    return FeatureScore("country_conflict", 0.0, "no country conflict")


_CONTEXT_SATURATION = 2


def shared_context(query: MentionQuery, candidate: Candidate) -> FeatureScore:
    """Co-mentioned entities that the candidate is already linked to (same ministry, same event)."""
    mine = {normalize(c) for c in query.context if normalize(c)}
    theirs = {normalize(c) for c in candidate.context_ids if normalize(c)}
    shared = sorted(mine & theirs)
    if not shared:
        return FeatureScore("shared_context", 0.0, "no shared context")
    score = min(1.0, len(shared) / _CONTEXT_SATURATION)
    return FeatureScore("shared_context", score, f"shares {', '.join(shared)}")


Feature = Callable[[MentionQuery, Candidate], FeatureScore]

FEATURES: tuple[Feature, ...] = (
    exact_name, same_gazetteer_entry, transliteration, abbreviation, fuzzy_tokens, person_name,
    shared_context, country_agreement, type_agreement, gazetteer_conflict, type_conflict,
    person_name_conflict, country_conflict,
)


def score_candidate(query: MentionQuery, candidate: Candidate) -> ScoredCandidate:
    """All features and their weighted sum, clipped to 0..1."""
    features = tuple(feature(query, candidate) for feature in FEATURES)
    total = sum(WEIGHTS[f.name] * f.score for f in features)
    return ScoredCandidate(candidate, round(min(1.0, max(0.0, total)), 4), features)
