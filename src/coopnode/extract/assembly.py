"""Language-independent assembly: mentions -> entities, triggers -> events, agreements.

Everything here works on the typed spans the language components put on a :class:`Doc`, so
Russian, Chinese and English share one definition of "the same entity", "the date of an
event" and "the parties of an agreement".  Each rule is a small function with the reason it
exists in its docstring.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from os.path import commonprefix
from typing import Any

from coopnode.extract.types import (
    AgreementMention,
    DateMention,
    Doc,
    EntityMention,
    EntityType,
    Span,
)

# --- comparison keys --------------------------------------------------------------------------

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


@lru_cache(maxsize=50000)
def fold(text: str) -> str:
    """Casefolded, ё -> е, punctuation as spaces, whitespace collapsed (the scorer's key)."""
    text = text.casefold().replace("ё", "е")
    text = re.sub(r"[^\w\s]", " ", text)
    return " ".join(text.split())


def prefix_tokens(text: str, size: int = 5) -> list[str]:
    """Word prefixes: Russian inflection and near-synonyms ("информатизации"/"информационных")
    differ after the fifth letter far more often than before it."""
    return list(_prefix_tokens(text, size))


@lru_cache(maxsize=50000)
def _prefix_tokens(text: str, size: int) -> tuple[str, ...]:
    return tuple(token[:size] for token in fold(text).split())


_STOP = frozenset({"и", "в", "по", "при", "of", "the", "and", "for", "on", "in", "de"})


@lru_cache(maxsize=50_000)
def is_abbreviation(short: str, full: str) -> bool:
    """Can ``short`` be read as the initial letters/prefixes of consecutive words of ``full``?

    "ШОС" ~ "Шанхайская организация сотрудничества", "КНР" ~ "Китайская Народная
    Республика", "Минсвязи" ~ "Министерство связи и информатизации", "МИД" ~ "Министерство
    иностранных дел".  Function words may be skipped; the first word must contribute.
    """
    s = fold(short).replace(" ", "")
    words = [w for w in fold(full).split()]
    if len(s) < 2 or len(words) < 2 or _HAN.search(s):
        return False


    @cache
    def match(i: int, j: int, syllabic: bool) -> bool:
        if i == len(s):
            # an acronym covers the whole name; a syllabic short form ("Минсвязи") may stop
            # after its second word
            return j == len(words) or all(w in _STOP for w in words[j:]) or (
                syllabic and j >= 2)
        if j >= len(words):
            return False
        word = words[j]
        if word in _STOP and match(i, j + 1, syllabic):
            return True
        for k in range(1, min(len(word), len(s) - i) + 1):
            if s[i:i + k] != word[:k]:
                break
            if match(i + k, j + 1, syllabic or k >= 3):
                return True
        return False

    return match(0, 0, False)


# --- entities ---------------------------------------------------------------------------------


@dataclass
class Entity:
    """One real-world person, organization or place of the document."""

    id: str
    type: EntityType
    name: str
    mentions: list[EntityMention]
    country: str | None = None
    gazetteer_id: str | None = None
    positions: list[dict[str, Any]] = field(default_factory=list)

    def to_contract(self) -> dict[str, Any]:
        surfaces: list[str] = []
        for mention in self.mentions:
            if mention.text not in surfaces:
                surfaces.append(mention.text)
        out: dict[str, Any] = {"id": self.id, "type": self.type, "name": self.name,
                               "mentions": surfaces}
        if self.country:
            out["country"] = self.country
        if self.positions:
            out["positions"] = self.positions
        out["spans"] = [[m.start, m.end] for m in self.mentions]
        if self.gazetteer_id:
            out["gazetteer_id"] = self.gazetteer_id
        return out


class _UnionFind:
    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _kind(mention: EntityMention) -> str:
    return "person" if mention.type == "person" else "named"


_INITIALS = re.compile(r"^((?:[^\W\d_]\.\s?)+)\s*([^\W\d_][\w-]+)$")


def _person_parts(name: str) -> tuple[list[str], str] | None:
    """(initials, surname) of "Д.А.Медведев" / "Дмитрий Анатольевич Медведев" forms."""
    match = _INITIALS.match(name.strip())
    if match:
        initials = [c for c in match.group(1) if c.isalpha()]
        return [c.casefold() for c in initials], fold(match.group(2))
    words = name.split()
    if len(words) >= 2 and not _HAN.search(name):
        return [w[0].casefold() for w in words[:-1]], fold(words[-1])
    return None


def _similar_words(a: str, b: str) -> bool:
    """Two forms of one name word ("Цяна"/"Цян"): long common prefix, short endings."""
    a, b = fold(a), fold(b)
    if a == b:
        return True
    common = len(commonprefix((a, b)))
    if common >= 3 and common >= max(len(a), len(b)) - 2:
        return True
    # a short word ending in "-й" and its oblique form ("Лэй"/"Лэю"/"Лэя")
    return len(a) == len(b) >= 3 and common == len(a) - 1 and \
        {a[-1], b[-1]} <= {"й", "я", "ю", "е"} and "й" in {a[-1], b[-1]}


def _is_name_without_middle(short: list[str], full: list[str]) -> bool:
    """"Сергей Лавров" is "Сергей Викторович Лавров" without the patronymic, "Harsh Shringla"
    is "Harsh Vardhan Shringla" without the middle name: same first and last word, one word
    fewer. Words are folded tokens; oblique forms of a word count as the same word."""
    if len(short) != 2 or len(full) != 3 or any(_HAN.search(w) for w in full):
        return False
    return _similar_words(short[0], full[0]) and _similar_words(short[1], full[2])


_PATRONYMIC = re.compile(r"(?:ович|евич|ьич|овна|евна|ична|инична)$")


def _is_first_name_and_patronymic_of(short: list[str], full: list[str]) -> bool:
    """"Сергей Алексеевич" after "Сергей Данкверт": the polite address by first name and
    patronymic is the person with that first name (the caller joins only a single fit)."""
    return len(short) == 2 and bool(_PATRONYMIC.search(short[1])) and len(full) >= 2 \
        and not _PATRONYMIC.search(full[-1]) and _similar_words(short[0], full[0]) \
        and (len(full) == 2 or _similar_words(short[1], full[1]))


def _person_links(mentions: list[EntityMention], uf: _UnionFind) -> None:
    """Join a surname-only, initials or mis-inflected mention to the one full name it fits."""
    persons = [i for i, m in enumerate(mentions) if m.type == "person"]
    # "尤里·舒尔甘": the parts of a transcribed name are its words
    names = {i: re.sub(r"[·•・]", " ", mentions[i].name) for i in persons}
    full = [i for i in persons if len(names[i].split()) >= 2 or _INITIALS.match(names[i])]
    by_word: dict[str, list[int]] = {}           # blocking: a candidate shares a word stem
    for j in full:
        parts = _person_parts(names[j])
        stems = {w[:3] for w in fold(names[j]).split()} | ({parts[1][:3]} if parts else set())
        for stem in stems:
            by_word.setdefault(stem, []).append(j)
    for i in persons:
        name_i = names[i]
        tokens_i = fold(name_i).split()
        candidates: set[int] = set()
        parts = _person_parts(name_i)
        stems = {w[:3] for w in tokens_i} | ({parts[1][:3]} if parts else set())
        block = sorted({j for stem in stems for j in by_word.get(stem, ())})
        for j in block:
            if i == j or uf.find(i) == uf.find(j):
                continue
            name_j = names[j]
            tokens_j = fold(name_j).split()
            if len(tokens_i) == 1 and not _INITIALS.match(name_i):
                if tokens_j and tokens_i[0] == tokens_j[-1] or (
                        _HAN.search(name_i) is None and tokens_i[0] in tokens_j[1:]):
                    candidates.add(uf.find(j))
                elif tokens_j and _HAN.search(name_i) is None and (
                        _similar_words(tokens_i[0], tokens_j[-1])        # "Мантурова"
                        or (len(tokens_j) == 2 and len(tokens_j[0]) <= 4   # "Си", "Xi": a
                            and tokens_i[0] == tokens_j[0])):              # Chinese surname
                    candidates.add(uf.find(j))
                elif (len(tokens_j) >= 2 and _HAN.search(name_i) is None and len(tokens_i[0]) >= 3
                      and tokens_i[0] == tokens_j[0] and not _PATRONYMIC.search(tokens_i[0])):
                    # "— Александр, на этом форуме …" after "Александр Евтух": the first name
                    # alone, as an address, is the one person the text gave it to
                    candidates.add(uf.find(j))
                continue
            if (2 <= len(tokens_i) < len(tokens_j) and tokens_j[-len(tokens_i):] == tokens_i
                    and _HAN.search(name_i) is None):
                # "Lula da Silva", "ас-Сиси", "bin Zayed Al Nahyan": the tail of a full name
                candidates.add(uf.find(j))
                continue
            if len(tokens_i) == len(tokens_j) and all(
                    _similar_words(x, y) for x, y in zip(tokens_i, tokens_j, strict=True)):
                candidates.add(uf.find(j))
                continue
            if _is_name_without_middle(tokens_i, tokens_j) or _is_name_without_middle(
                    tokens_j, tokens_i) or _is_first_name_and_patronymic_of(tokens_i, tokens_j):
                candidates.add(uf.find(j))      # "Сергей Лавров" / "Сергей Викторович Лавров"
                continue
            parts_i, parts_j = _person_parts(name_i), _person_parts(name_j)
            if parts_i and parts_j and parts_i[1] == parts_j[1] and parts_i[0] and parts_j[0] \
                    and parts_i[0][0] == parts_j[0][0] and (
                        _INITIALS.match(name_i) or _INITIALS.match(name_j)):
                candidates.add(uf.find(j))
        if len(candidates) == 1:
            uf.union(i, candidates.pop())


def _abbreviation_links(mentions: list[EntityMention], uf: _UnionFind) -> None:
    """Join abbreviations to the full names the text spells out ("ШОС", "Минсвязи Беларуси")."""
    named = [i for i, m in enumerate(mentions) if m.type != "person"]
    by_fold: dict[str, list[int]] = {}
    for i in named:
        by_fold.setdefault(fold(mentions[i].name), []).append(i)
    for i in named:
        abbreviation = mentions[i].abbreviation
        if abbreviation:
            for j in by_fold.get(fold(abbreviation), []):
                uf.union(i, j)
    longs_by_letter: dict[str, list[int]] = {}
    for j in named:
        if len(mentions[j].name.split()) >= 2:
            longs_by_letter.setdefault(fold(mentions[j].name)[:1], []).append(j)
    for i in named:
        words = mentions[i].name.split()
        if not words or len(words) > 3:
            continue
        acronym = len(words) > 1 and all(w.isupper() and len(w) >= 2 for w in words)
        head = "".join(words) if acronym else words[0]    # "ПК ВСНП": one acronym in parts
        if len(head) > 12 or not (head.isupper() or re.match(r"^[А-ЯЁ][а-яё]{2}[а-яё]+$", head)
                                  and head.lower().startswith(("мин", "гос", "рос", "бел"))
                                  or re.fullmatch(r"[A-ZА-ЯЁ][A-Za-zА-Яа-яЁё]*[A-ZА-ЯЁ][A-Za-zА-Яа-яЁё]*",
                                                  head)):
            continue
        candidates: set[int] = set()
        for j in longs_by_letter.get(fold(head)[:1], ()):
            if i == j or uf.find(i) == uf.find(j):
                continue
            other = mentions[j]
            if len(words) > 1 and not acronym and not (
                    mentions[i].country and other.country == mentions[i].country):
                continue
            if is_abbreviation(head, other.name):
                candidates.add(uf.find(j))
        if len(candidates) == 1:
            uf.union(i, candidates.pop())


_ACRONYM = re.compile(r"[A-ZА-ЯЁ]{2,8}")
_ARTICLES = frozenset({"the", "a", "an"})
_SPELLED_OUT = re.compile(r"((?:[A-ZА-ЯЁ][\w-]*\s+){1,8}[A-ZА-ЯЁ][\w-]*)\s*\(([A-ZА-ЯЁ]{2,8})\)")
_SPELLED_OUT_ACRONYM = re.compile(r"\s*\([A-ZА-ЯЁ]{2,8}\)")


def _expanded_name_links(mentions: list[EntityMention], uf: _UnionFind) -> None:
    """Join two names of one body that differ only in an acronym the text spells out
    elsewhere: "Council of Heads of Government of SCO Member States" is the "Council of Heads
    of Government of the Shanghai Cooperation Organization Member States"."""
    expansions: dict[str, list[str]] = {}
    for m in mentions:
        short = m.text.strip()
        if m.type != "person" and _ACRONYM.fullmatch(short) and len(m.name.split()) >= 2 \
                and is_abbreviation(short, m.name):
            expansions.setdefault(fold(short), fold(m.name).split())
        for inner in _SPELLED_OUT.finditer(m.name):     # "… Ports Association (ALPA) …"
            spelled = inner.group(1).split()
            for k in range(len(spelled) - 1):
                full = " ".join(spelled[k:])
                if is_abbreviation(inner.group(2), full):
                    expansions.setdefault(fold(inner.group(2)), fold(full).split())
                    break
    if not expansions:
        return
    first_of: dict[tuple[str, ...], int] = {}
    for i, m in enumerate(mentions):
        if m.type != "organization" or len(m.name.split()) < 3:
            continue
        words: list[str] = []
        for word in fold(_SPELLED_OUT_ACRONYM.sub("", m.name)).split():
            words.extend(expansions.get(word, [word]))
        key = tuple(w for w in words if w not in _ARTICLES)
        if key in first_of:
            uf.union(i, first_of[key])
        else:
            first_of[key] = i


def _looks_abbreviated(name: str) -> bool:
    """"ШОС", "МИД", "Минсвязи", "БелТА": a short form that stands for a longer name."""
    word = name.strip()
    if " " in word or len(word) > 12 or len(word) < 2:
        return False
    return word.isupper() or bool(re.fullmatch(r"(?:Мин|Гос|Рос|Бел)[а-яё]{3,}", word)) or bool(
        re.fullmatch(r"[A-ZА-ЯЁ][a-zа-яё]*[A-ZА-ЯЁ]\w*", word))


def _core_tokens(name: str, place_tokens: set[str]) -> frozenset[str]:
    return frozenset(t for t in prefix_tokens(name) if t not in place_tokens)


def _near_name_links(mentions: list[EntityMention], uf: _UnionFind) -> None:
    """Join organization names that differ in one word or only in how the country is named
    ("… информационных технологий КНР" / "… информатизации Китайской Народной Республики")."""
    place_tokens: set[str] = set()
    for m in mentions:
        if m.type == "place":
            place_tokens.update(prefix_tokens(m.name))
            place_tokens.update(prefix_tokens(m.text))
    orgs = [i for i, m in enumerate(mentions) if m.type == "organization"]
    cores = {i: _core_tokens(mentions[i].name, place_tokens) for i in orgs}
    by_token: dict[str, list[int]] = {}
    for i in orgs:
        if len(cores[i]) >= 3:
            for token in cores[i]:
                by_token.setdefault(token, []).append(i)
    for i in orgs:
        if len(cores[i]) < 3:
            continue
        # names that differ in at most one word share at least two of their rarer words
        rare = sorted(cores[i], key=lambda t: len(by_token.get(t, ())))[:2]
        block = sorted({j for t in rare for j in by_token.get(t, ()) if j > i})
        for j in block:
            if uf.find(i) == uf.find(j):
                continue
            ci, cj = cores[i], cores[j]
            if min(len(ci), len(cj)) < 3:
                continue
            ca, cb = mentions[i].country, mentions[j].country
            if ca and cb and ca != cb:
                continue
            if len(ci ^ cj) <= 1:
                uf.union(i, j)


def _prefix_links(mentions: list[EntityMention], uf: _UnionFind) -> None:
    """Join a shortened organization name to the one longer name it starts ("Министерство
    промышленности и информатизации" -> "… КНР"); a one-word short form only when the rest
    is a place ("Минсвязи" -> "Минсвязи Беларуси", but not "BRICS" -> "BRICS PartNIR …")."""
    orgs = [i for i, m in enumerate(mentions) if m.type == "organization"]
    folded = {i: fold(mentions[i].name).split() for i in orgs}
    place_tokens: set[str] = set()
    for m in mentions:
        if m.type == "place":
            place_tokens.update(prefix_tokens(m.name))
            place_tokens.update(prefix_tokens(m.text))
    by_first: dict[str, list[int]] = {}
    for j in orgs:
        if folded[j]:
            by_first.setdefault(folded[j][0], []).append(j)
    for i in orgs:
        words = folded[i]
        if not words or len(words) < 2 and not _looks_abbreviated(mentions[i].name):
            continue
        candidates = {uf.find(j) for j in by_first.get(words[0], ())
                      if len(folded[j]) > len(words) and folded[j][: len(words)] == words
                      and (len(words) >= 2 or all(w[:5] in place_tokens
                                                  for w in folded[j][len(words):]))}
        candidates.discard(uf.find(i))
        if len(candidates) == 1:
            uf.union(i, candidates.pop())


# Russian name endings of the dative/instrumental that no nominative name has ("Лэю", "Цяном")
_OBLIQUE_ENDING = re.compile(r"[а-яё](?:ю|ем|ом)$")


def _canonical_person(mentions: list[EntityMention]) -> str:
    """A name the text writes in the nominative, the fullest one; else the fullest normalised."""
    counts = Counter(m.name for m in mentions)

    def rank(m: EntityMention) -> tuple[int, int, int, int, int]:
        # more words, spelled out, not in an oblique case, more often, then shorter (an
        # oblique ending adds letters)
        oblique = 1 if _OBLIQUE_ENDING.search(m.name) else 0
        # "Сергей Алексеевич" has no surname: it is never the name of the person
        oblique += 2 if _PATRONYMIC.search(fold(m.name)) else 0
        return (len(re.sub(r"[·•・]", " ", m.name).split()), 0 if _INITIALS.match(m.name) else 1,
                -oblique,
                counts[m.name], -len(m.name))

    written = [m for m in mentions if m.text == m.name]
    pool = written if written else mentions
    best = max(pool, key=rank)
    if written:
        normalised = max(mentions, key=rank)
        if rank(normalised)[:2] > rank(best)[:2]:
            return normalised.name
    return best.name


def _canonical_named(mentions: list[EntityMention]) -> str:
    """The fullest name the text uses (most words; abbreviations lose)."""
    return max(mentions, key=lambda m: (len(m.name.split()), len(m.name), -m.start)).name


def group_entities(doc: Doc, key_of: Callable[[EntityMention], str | None] | None = None
                   ) -> tuple[list[Entity], dict[tuple[int, int], Entity]]:
    """Group mentions into entities; returns them in text order and a (start, end) index."""
    mentions = [m for m in doc.entities if m.name.strip()]
    mentions.sort(key=lambda m: (m.start, m.end))
    # The rules below compare names, so they run once per distinct name, not per mention:
    # a long document repeats the same few hundred names thousands of times.
    reps: list[EntityMention] = []
    rep_gazetteer: list[set[str]] = []
    rep_index: dict[tuple[str, str, str | None, str | None], int] = {}
    rep_of: list[int] = []
    for mention in mentions:
        rep_key = (mention.type, fold(mention.name), mention.abbreviation, mention.country)
        if rep_key not in rep_index:
            rep_index[rep_key] = len(reps)
            reps.append(mention)
            rep_gazetteer.append(set())
        number = rep_index[rep_key]
        rep_of.append(number)
        if mention.gazetteer_id:
            rep_gazetteer[number].add(mention.gazetteer_id)
    uf = _UnionFind(len(reps))
    first_of: dict[tuple[str, str], int] = {}
    for i, rep in enumerate(reps):
        keys: list[tuple[str, str]] = [(_kind(rep), fold(rep.name))]
        keys.extend(("gazetteer", g) for g in sorted(rep_gazetteer[i]))
        extra = key_of(rep) if key_of else _lexicon_key(doc.language, rep)
        if extra:
            keys.append(("lexicon", extra))
        for key in keys:
            if key in first_of:
                uf.union(i, first_of[key])
            else:
                first_of[key] = i
    _person_links(reps, uf)
    _abbreviation_links(reps, uf)
    _near_name_links(reps, uf)
    _prefix_links(reps, uf)
    _expanded_name_links(reps, uf)
    groups: dict[int, list[EntityMention]] = {}
    for i, mention in enumerate(mentions):
        groups.setdefault(uf.find(rep_of[i]), []).append(mention)
    entities: list[Entity] = []
    index: dict[tuple[int, int], Entity] = {}
    for root in sorted(groups, key=lambda r: groups[r][0].start):
        members = groups[root]
        types = Counter(m.type for m in members)
        etype: EntityType = "person" if types["person"] else max(
            ("organization", "place"), key=lambda t: (types[t], t == "organization"))
        same = [m for m in members if m.type == etype] or members
        name = _canonical_person(same) if etype == "person" else _canonical_named(same)
        countries = Counter(m.country for m in members if m.country)
        gazetteer_ids = Counter(m.gazetteer_id for m in members if m.gazetteer_id)
        entity = Entity(id=f"e{len(entities) + 1}", type=etype, name=name, mentions=members,
                        country=countries.most_common(1)[0][0] if countries else None,
                        gazetteer_id=gazetteer_ids.most_common(1)[0][0] if gazetteer_ids else None)
        entities.append(entity)
        for member in members:
            index[(member.start, member.end)] = entity
    return entities, index


def _lexicon_key(language: str, mention: EntityMention) -> str | None:
    """The Russian place list's canonical name, so "Китай", "КНР" and "Китайской Народной
    Республики" are one place even without the gazetteer."""
    if language != "ru" or mention.type == "person":
        return None
    from coopnode.extract.ru import fold as ru_fold
    from coopnode.extract.ru import place_lexicon

    entry = place_lexicon().get(ru_fold(mention.name))
    return entry[0] if entry else None


# --- positions ----------------------------------------------------------------------------------


def _best_organization(title: str, entities: Iterable[Entity]) -> Entity | None:
    """The organization a title names ("заместитель Министра связи …" -> the ministry)."""
    tokens = set(prefix_tokens(title)) - _STOP
    if len(tokens) < 2:
        return None
    best, best_score = None, 0.0
    for entity in entities:
        if entity.type != "organization":
            continue
        for name in {m.name for m in entity.mentions}:
            other = set(prefix_tokens(name)) - _STOP
            if len(other) < 2:
                if _looks_abbreviated(name) and _abbreviates_part(name, title) and \
                        best_score < 0.75:
                    best, best_score = entity, 0.75    # "Минсвязи" in "… Министра связи …"
                continue
            score = len(tokens & other) / len(other)      # how much of the name the title holds
            if score > best_score:
                best, best_score = entity, score
    return best if best_score >= 0.75 else None


def _abbreviates_part(short: str, title: str) -> bool:
    """Does ``short`` abbreviate the title from one of its words on ("Минсвязи" and
    "заместитель Министра связи и информатизации")?"""
    words = title.split()
    return any(is_abbreviation(short, " ".join(words[i:])) for i in range(min(3, len(words))))


def attach_positions(doc: Doc, entities: list[Entity],
                     entity_of: dict[tuple[int, int], Entity]) -> None:
    """Put each position on its person, with the organization's entity id when known."""
    for position in doc.positions:
        if position.person is None:
            continue
        person = entity_of.get((position.person.start, position.person.end))
        if person is None or person.type != "person":
            continue
        organization = None
        if position.organization is not None:
            organization = entity_of.get((position.organization.start, position.organization.end))
        if organization is None:
            organization = _best_organization(position.title or position.text, entities)
        title = position.title or position.text
        if any(fold(p["title"]) == fold(title) for p in person.positions):
            continue
        entry: dict[str, Any] = {"title": title}
        if organization is not None:
            entry["organization"] = organization.id
        entry["span"] = [position.start, position.end]
        person.positions.append(entry)


# --- events -------------------------------------------------------------------------------------

# CAMEO event codes (Schrodt, CAMEO Conflict and Mediation Event Observations Codebook v1.1b3,
# 2012): 036 express intent to meet or negotiate, 040 consult, 042 make a visit, 043 host a
# visit, 044 meet at a "third" location, 046 engage in negotiation, 050 engage in diplomatic
# cooperation, 051 praise or endorse, 057 sign formal agreement.
CAMEO: dict[str, str] = {
    "meeting": "040", "visit": "042", "signing": "057", "ceremony": "050", "forum": "044",
    "approval": "051", "other": "050",
}
_NEGOTIATION = re.compile(r"переговор|negotiat|talks|会谈|谈判", re.I)
_HOSTING = re.compile(r"принял[аи]?\s+(?:делегаци|делегат)|hosted|received a delegation|接待|会见",
                      re.I)


def cameo_code(event_type: str, status: str, evidence: str) -> str:
    """CAMEO code of an event: planned meetings and visits are intents (036)."""
    if status == "planned" and event_type in ("meeting", "visit"):
        return "036"
    if event_type == "meeting" and _NEGOTIATION.search(evidence):
        return "046"
    if event_type == "visit" and _HOSTING.search(evidence):
        return "043"
    return CAMEO.get(event_type, "050")


@dataclass
class Event:
    """A dated (or undated) event read from one sentence."""

    id: str
    type: str
    date: str | None
    status: str
    place: str | None
    participants: list[str]
    evidence: str
    evidence_span: tuple[int, int]
    cameo: str
    trigger_end: int = 0
    until: str | None = None
    trigger_text: str = ""

    def to_contract(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "type": self.type, "date": self.date,
                               "status": self.status}
        if self.place:
            out["place"] = self.place
        out["participants"] = self.participants
        out["evidence"] = self.evidence
        out["evidence_span"] = list(self.evidence_span)
        out["cameo"] = self.cameo
        return out


class _SpanIndex:
    """Spans by start offset, for "which of these lie in [start, end)" without a scan."""

    def __init__(self, spans: Iterable[Any]) -> None:
        self.spans = sorted(spans, key=lambda s: s.start)
        self.starts = [s.start for s in self.spans]

    def within(self, start: int, end: int) -> list[Any]:
        lo = bisect.bisect_left(self.starts, start)
        hi = bisect.bisect_left(self.starts, end)
        return [s for s in self.spans[lo:hi] if s.end <= end]


def _coming_year(mention: DateMention, published: str | None) -> str:
    """"The summit will be held in February" in a release of November: a month the text gives
    without a year, for an event it announces, is the coming one, not the one just past."""
    value = mention.value
    if (not mention.relative or mention.precision == "year" or not published
            or len(published) < 7 or re.search(r"\d{4}", mention.text)):
        return value
    if value[:7] < published[:7]:
        return f"{int(value[:4]) + 1:04d}{value[4:]}"
    return value


def _status(date: str | None, published: str | None, planned_hint: bool) -> str:
    """planned when the date lies after the document's date, or the wording announces it."""
    if date and published:
        size = min(len(date), len(published))
        if date[:size] > published[:size]:
            return "planned"
        if date[:size] < published[:size]:
            return "past"
    return "planned" if planned_hint else "past"


_CLAUSE_BREAK = re.compile(r"[,;，；]")
# "Стратегия … до 2035 года", "by 2030": a deadline, not the date of an event
_DEADLINE = re.compile(r"(?:\bдо|\bк|\bby|\buntil|\btill|到|至)\s*\Z", re.I)
# "программа на 2025-2026 годы", "plan for 2025-2030": a period of validity, not an event date
_PERIOD = re.compile(r"(?:\bна|\bfor)\s*\Z", re.I)
_YEAR_RANGE = re.compile(r"\d{4}\s*[-–—]\s*\d{2,4}")
_NEXT_CLAUSE_PENALTY = 120
_PRECISION_PENALTY = {"day": 0, "month": 60, "year": 160}   # "Expo 2025 … from June 26"
# "MOSCOW, 28 November 2021 (TASS): ", "ASTANA, Nov. 27 (Xinhua) -- ": a place, a date and an
# agency before the story
_DATELINE_LEAD = re.compile(r"\s*[A-ZА-ЯЁ][\w .’'-]{1,40},\s*[^:\n]{3,40}?(?:\([^()\n]{2,30}\))?\s*(?::|--|—|–)\s")
_NAME_YEAR_PENALTY = 200   # a year written right after an event word is part of its name
_MAX_DATE_DISTANCE = 600    # characters: a date further away belongs to another statement


_REFERENCE_BEFORE = re.compile(r"(?:\bот|\bdated)\s*\Z", re.I)
_REFERENCE_AFTER = re.compile(r"\s*(?:г\.|года)?\s*(?:№|N\s?\d|No\.?\s*\d)")
_REFERENCE_NOUN = re.compile(r"(?:постановлени|указ|решени|распоряжени|приказ|закон|resolution|decree"
                             r"|order|law)[\w]*\s+(?:[^\s,.;]+\s+){0,6}(?:от|dated)\s*\Z", re.I)


def _is_reference_date(text: str, mention: DateMention) -> bool:
    """"на основании постановления … от 5 декабря 2025 г. № 705", "Decree No. 9 dated 3 June":
    the date that identifies an act cited as a basis is not the date of the event told."""
    before = text[max(0, mention.start - 80):mention.start]
    if not _REFERENCE_BEFORE.search(before):
        return False
    return bool(_REFERENCE_AFTER.match(text, mention.end) or _REFERENCE_NOUN.search(before))


def _sentence_date(doc: Doc, sentence: Span, trigger: Span, dates: _SpanIndex,
                   sentences: list[Span], sentence_index: int,
                   excluded: tuple[tuple[int, int], ...] = ()) -> DateMention | None:
    """The date of the trigger's own clause: the nearest date in its sentence (one after a
    comma counts as further away; a date inside a position title such as "в 2018-2019 годах"
    is not an event date); else a short dateline just before the sentence."""
    inside = [d for d in dates.within(sentence.start, sentence.end)
              if not any(lo <= d.start < hi for lo, hi in excluded)
              and not _DEADLINE.search(doc.text, max(0, d.start - 8), d.start)
              and not _is_reference_date(doc.text, d)
              and not (d.precision == "year" and _YEAR_RANGE.search(d.text)
                       and _PERIOD.search(doc.text, max(0, d.start - 8), d.start))]
    lead = _DATELINE_LEAD.match(doc.text, sentence.start, sentence.end)
    if lead and any(d.start >= lead.end() and d.precision == "day" for d in inside):
        # "Moscow, 28 November 2021 (GNP): The meeting was held on 25 November": the dateline
        # dates the report; a date of the sentence proper dates the event
        inside = [d for d in inside if d.start >= lead.end()]
    if inside:
        precise = any(d.precision == "day" for d in inside)

        def distance(d: DateMention) -> tuple[int, int]:
            if d.start >= trigger.end:
                gap = d.start - trigger.end
                if d.precision == "year" and precise and gap <= 2:
                    gap += _NAME_YEAR_PENALTY     # "Conference 2019 …, from 28 October"
                if _CLAUSE_BREAK.search(doc.text, trigger.end, d.start):
                    gap += _NEXT_CLAUSE_PENALTY       # a date after a comma starts a new clause
            else:
                gap = trigger.start - d.end
            return (gap + _PRECISION_PENALTY[d.precision], d.start)
        best = min(inside, key=distance)
        if distance(best)[0] <= _MAX_DATE_DISTANCE:
            return best
        return None
    if sentence_index > 0:
        previous = sentences[sentence_index - 1]
        if _CONTINUATION.match(doc.text, sentence.start):
            if dates.within(sentence.start, sentence.end):
                return None             # "… the Memorandum signed in 2019": a date of its own
            return _narrative_date(doc, sentences, sentence_index, dates, excluded)
        if sentence_index > 1 and len(previous.text.strip()) <= 12 and \
                not dates.within(previous.start, previous.end):
            previous = sentences[sentence_index - 2]     # "МОСКВА, 9 июля. /ТАСС/. …"
        same_line = "\n" not in doc.text[previous.end:sentence.start]
        if same_line and len(previous.text) <= 80 and not _has_trigger(doc, previous):
            before = dates.within(previous.start, previous.end)
            if before and _is_dateline(doc.text[previous.start:previous.end], before):
                return before[0]
    return None


# A sentence that goes on with the story of the one before: "В ходе беседы …", "After the
# meeting …", "会后 …".  Its event happened when the previous sentence says.
_CONTINUATION = re.compile(
    r"\s*[«\"“]?(?:В\s+ходе|Во\s+время|В\s+рамках|В\s+завершение|После|По\s+итогам|По\s+окончании"
    r"|На\s+(?:встрече|переговорах|совещании|заседании|церемонии)"
    r"|During|After\s+the|Following\s+the|At\s+the\s+(?:meeting|talks|event|ceremony)"
    r"|On\s+the\s+sidelines|At\s+the\s+same\s+time|The\s+same\s+day|Одновременно"
    r"|В\s+тот\s+же\s+день|同时|与此同时|会后|会上|会谈后|会见后|会议期间|访问期间|其间|期间|当天|同日)", re.I)
_NARRATIVE_REACH = 600      # characters back to the sentence whose date a continuation takes


def _narrative_date(doc: Doc, sentences: list[Span], index: int, dates: _SpanIndex,
                    excluded: tuple[tuple[int, int], ...]) -> DateMention | None:
    """The date of the nearest earlier sentence that has one, within a short reach."""
    limit = sentences[index].start - _NARRATIVE_REACH
    for previous in reversed(sentences[max(0, index - 3):index]):
        if previous.end < limit:
            break
        found = [d for d in dates.within(previous.start, previous.end)
                 if not any(lo <= d.start < hi for lo, hi in excluded)
                 and not _DEADLINE.search(doc.text, max(0, d.start - 8), d.start)]
        if found:
            return min(found, key=lambda d: (_PRECISION_PENALTY[d.precision], d.start))
    return None


# An event named as still to come: the date of the story around it is not its date.
_UPCOMING = re.compile(r"(?:предстоящ|следующ|будущ|очередн)[а-яё]*\s+(?:[а-яё]+\s+)?\Z"
                       r"|\b(?:upcoming|next|forthcoming|future)\s+(?:\w+\s+)?\Z"
                       r"|(?:即将|下一次|下届|下次)\S{0,6}\Z", re.I)


def _in_opening_phrase(text: str, continuation: re.Match[str], trigger: Span) -> bool:
    """Is the trigger the noun of the opening phrase ("В ходе беседы", "After the meeting")?"""
    end = continuation.end()
    comma = _CLAUSE_BREAK.search(text, end, end + 40)
    limit = comma.start() if comma else end + 25
    return continuation.start() <= trigger.start < limit


def _continued_event_date(events: list[Event], event_type: str, fallback: str | None
                          ) -> str | None:
    """"During the meeting, …": the meeting already reported is the one continued, so its
    date wins over the previous sentence's (which may be about something else)."""
    for event in reversed(events):
        if event.type == event_type and event.date:
            return event.date
    if fallback is not None and len(fallback) == 4:
        for event in reversed(events):      # "… signed in 2019. After the meeting, …"
            if event.date and len(event.date) > 4 and event.status == "past":
                return event.date
    return fallback


_DATELINE_REST = 30         # weighted characters a dateline has besides its date


def _is_dateline(text: str, dates_in: list[DateMention]) -> bool:
    """A dateline ("МОСКВА, 9 июля. /ТАСС/", "新华社北京7月10日电") is a date with little else;
    a short sentence of its own ("8月24日,发言人主持记者会。") tells its own story, and its date
    is not the date of the next sentence.  A Han character weighs as three letters."""
    rest = text
    for mention in dates_in:
        rest = rest.replace(mention.text, "")
    letters = [c for c in rest if c.isalpha()]
    weight = sum(3 if _HAN.match(c) else 1 for c in letters)
    return weight <= _DATELINE_REST


def _has_trigger(doc: Doc, sentence: Span) -> bool:
    """Does the sentence report an event of its own (then its date is that event's)?"""
    return any(sentence.start <= t.start < sentence.end for t in doc.triggers)


def _place_of(sentence_entities: list[Entity], place_kind: Callable[[str | None], str | None],
              trigger: Span, sentence_start: int = 0) -> Entity | None:
    """The place in the sentence: a city, then a region, then a country; the first named
    ("в городе Сиань (провинция Шэньси, КНР)" -> Сиань)."""
    places = [e for e in sentence_entities if e.type == "place"]
    if not places:
        return None

    def rank(entity: Entity) -> tuple[int, int]:
        kind = place_kind(entity.gazetteer_id) or _ru_kind(entity.name)
        first = min(m.start for m in entity.mentions if m.start >= sentence_start)
        return ({"city": 0, "country": 3}.get(kind or "", 1), first)

    return min(places, key=rank)


def _ru_kind(name: str) -> str | None:
    try:
        from coopnode.extract.ru import fold as ru_fold
        from coopnode.extract.ru import place_lexicon
    except Exception:  # noqa: BLE001
        return None
    entry = place_lexicon().get(ru_fold(name))
    return entry[1] if entry else None


def assemble_events(doc: Doc, entities: list[Entity], entity_of: dict[tuple[int, int], Entity],
                    place_kind: Callable[[str | None], str | None] = lambda _id: None
                    ) -> list[Event]:
    """One event per trigger with its date, status, place and participants; the same event
    reported twice (same type and date, or again without a date) is kept once."""
    sentences = sorted(doc.sentences, key=lambda s: s.start)
    sentence_starts = [s.start for s in sentences]
    dates = _SpanIndex(doc.dates)
    mentions = _SpanIndex(m for m in doc.entities if (m.start, m.end) in entity_of)
    agreements = _SpanIndex(doc.agreements)
    persons = _SpanIndex(m for m in doc.entities if m.type == "person")
    position_spans = tuple((p.start, max(p.end, p.person.start if p.person else p.end))
                           for p in doc.positions) + tuple((a.start, a.end) for a in doc.agreements)
    events: list[Event] = []
    ranged: list[Event] = []
    by_key: dict[tuple[str, str | None], Event] = {}
    for trigger in sorted(doc.triggers, key=lambda t: t.start):
        if _inside(persons, trigger):
            continue
        if trigger.type != "signing" and _inside(agreements, trigger):
            continue
        index = bisect.bisect_right(sentence_starts, trigger.start) - 1
        if index < 0 or trigger.start >= sentences[index].end:
            sentence, index = Span(trigger.start, trigger.end, trigger.text), -1
        else:
            sentence = sentences[index]
        date = _sentence_date(doc, sentence, trigger, dates, sentences, index,
                              position_spans) if index >= 0 else None
        value = date.value if date else None
        if date is not None and trigger.planned_hint:
            value = _coming_year(date, doc.published)
        continuation = _CONTINUATION.match(doc.text, sentence.start) if index > 0 else None
        if continuation and _in_opening_phrase(doc.text, continuation, trigger) and any(
                e.date and sentence.start - e.evidence_span[0] <= _NARRATIVE_REACH
                for e in events):
            continue                    # "After the meeting, …": the meeting already reported
        if index > 0 and date is not None and not (sentence.start <= date.start < sentence.end) \
                and continuation:
            if _UPCOMING.search(doc.text, max(0, trigger.start - 30), trigger.start):
                value = None            # "… согласовали повестку предстоящего совещания"
            else:
                value = _continued_event_date(events, trigger.type, value)
        in_sentence = []
        for mention in mentions.within(sentence.start, sentence.end):
            entity = entity_of[(mention.start, mention.end)]
            if entity not in in_sentence:
                in_sentence.append(entity)
        participants = [e.id for e in in_sentence if e.type in ("person", "organization")]
        place = _place_of(in_sentence, place_kind, trigger, sentence.start)
        key = (trigger.type, value)
        for earlier in ranged:                    # "7月11日" inside "7月10日至11日"
            if earlier.type == trigger.type and earlier.until and value and \
                    earlier.date is not None and earlier.date <= value <= earlier.until:
                key = (trigger.type, earlier.date)
                by_key.setdefault(key, earlier)
                break
        if key in by_key and _same_event(by_key[key], trigger, sentence):
            existing = by_key[key]
            existing.trigger_end = max(existing.trigger_end, trigger.end)
            for pid in participants:
                if pid not in existing.participants:
                    existing.participants.append(pid)
            continue
        status = _status(value, doc.published, trigger.planned_hint)
        evidence = doc.text[sentence.start:sentence.end].strip()
        event = Event(id="", type=trigger.type, date=value, status=status,
                      place=place.id if place else None, participants=participants,
                      evidence=evidence, evidence_span=(sentence.start, sentence.end),
                      cameo=cameo_code(trigger.type, status, evidence))
        event.trigger_end = trigger.end
        event.trigger_text = trigger.text
        event.until = date.until if date else None
        by_key[key] = event
        events.append(event)
        if event.until:
            ranged.append(event)
        if trigger.type == "visit" and date is not None:
            for extra_date, extra_place in _further_stops(doc, sentence, date, dates, mentions,
                                                          entity_of):
                extra_key = (trigger.type, extra_date.value)
                if extra_key in by_key:
                    continue
                extra_status = _status(extra_date.value, doc.published, trigger.planned_hint)
                extra = Event(id="", type=trigger.type, date=extra_date.value,
                              status=extra_status, place=extra_place.id,
                              participants=list(participants), evidence=evidence,
                              evidence_span=(sentence.start, sentence.end),
                              cameo=cameo_code(trigger.type, extra_status, evidence))
                extra.trigger_end = trigger.end
                extra.trigger_text = trigger.text
                by_key[extra_key] = extra
                events.append(extra)
    events = _drop_vague_repeats(_drop_named_twice(_drop_gathering_verbs(_drop_weak_duplicates(
        _drop_openings_of_forums(events)))))
    dated_types = {e.type for e in events if e.date}
    kept = [e for e in events if e.date or e.type not in dated_types]
    for number, event in enumerate(kept, start=1):
        event.id = f"v{number}"
    return kept


_OPENING = re.compile(r"open|откры|开幕|启动", re.I)


def _drop_openings_of_forums(events: list[Event]) -> list[Event]:
    """"The forum opened on Monday": the opening of a forum reported with it is the forum."""
    forums = {(e.evidence_span, e.date) for e in events if e.type == "forum"}
    return [e for e in events
            if not (e.type == "ceremony" and (e.evidence_span, e.date) in forums
                    and _OPENING.search(e.trigger_text))]


def _same_event(existing: Event, trigger: Span, sentence: Span) -> bool:
    """Same type and date is the same event, unless two different words in one sentence name
    two events at a month or day ("… совещании …, а также в Форуме …, которые состоятся в
    середине июня"); adjacent words ("церемония запуска") are one event."""
    if existing.evidence_span != (sentence.start, sentence.end):
        return True
    if existing.date is not None and len(existing.date) == 4:
        return True             # a bare year cannot tell two events of one sentence apart
    if _same_word(existing.trigger_text, trigger.text):
        return True             # "совещание … участники совещания": the word names it again
    if existing.type == "visit":
        return True             # "прибыл … 16 ноября с официальным визитом", "arrived …,
        # kicking off a two-day visit": an arrival and its visit are one trip
    return trigger.start - existing.trigger_end < 40


def _same_word(a: str, b: str) -> bool:
    """Two forms of one trigger word ("совещания"/"совещании", "meeting"/"meetings")."""
    fa, fb = fold(a), fold(b)
    if _HAN.search(fa) or _HAN.search(fb):
        # "第十八次会议 … 主持会议": the same head word, with or without its modifiers
        return fa.endswith(fb) or fb.endswith(fa) or fa[-2:] == fb[-2:]
    stem = 5 if len(fa) >= 5 and len(fb) >= 5 else min(len(fa), len(fb))
    return fa[:stem] == fb[:stem]


_STOP_REACH = 40        # characters between a place and the date of the stop made there


def _further_stops(doc: Doc, sentence: Span, first: DateMention, dates: _SpanIndex,
                   mentions: _SpanIndex, entity_of: dict[tuple[int, int], Entity]
                   ) -> list[tuple[DateMention, Entity]]:
    """"посетил Казань 5 мая, Уфу 7 мая и Самару 9 мая": each further place with a day of its
    own is a visit of its own (the first one is the trigger's event)."""
    stops: list[tuple[DateMention, Entity]] = []
    for mention in dates.within(first.end, sentence.end):
        if mention.precision != "day" or mention.value == first.value:
            continue
        near = [m for m in mentions.within(max(sentence.start, mention.start - _STOP_REACH),
                                           mention.start)
                if entity_of[(m.start, m.end)].type == "place"
                and not _CLAUSE_BREAK.search(doc.text, m.end, mention.start)]
        if near:
            stops.append((mention, entity_of[(near[-1].start, near[-1].end)]))
    return stops


def _drop_weak_duplicates(events: list[Event]) -> list[Event]:
    """One phrase, one event: an "other" event told by the same sentence with the same date
    as an event of a definite type is that event seen through a second word."""
    typed = {(e.evidence_span, e.date) for e in events if e.type != "other"}
    return [e for e in events if e.type != "other" or (e.evidence_span, e.date) not in typed]


_GATHERING_VERB = re.compile(r"(?i)^(?:met|meet|meets|gathered|convened|встретились|собрались)$")


def _drop_gathering_verbs(events: list[Event]) -> list[Event]:
    """"The ministers met in Brasília on 14 August for the 5th Ministers Meeting": the verb
    tells the forum of its sentence, not a meeting of its own."""
    forums = {(e.evidence_span, e.date) for e in events if e.type == "forum" and e.date}
    return [e for e in events if not (e.type == "meeting" and _GATHERING_VERB.match(
        getattr(e, "trigger_text", "") or "") and (e.evidence_span, e.date) in forums)]


def _drop_vague_repeats(events: list[Event]) -> list[Event]:
    """"The forum opened on 5 June … this year's forum drew 3,000 guests": an event dated only
    by its year is the event of the same type and status the text dates within that year."""
    precise = {(e.type, e.status, e.date[:4]) for e in events if e.date and len(e.date) > 4}
    return [e for e in events
            if not (e.date and len(e.date) == 4 and (e.type, e.status, e.date) in precise)]


_NAMED_TWICE_REACH = 40


def _drop_named_twice(events: list[Event]) -> list[Event]:
    """"the first meeting of the Strategic Dialogue", "the session of the Intergovernmental
    Commission": a meeting word and a forum word a few words apart name one event; the first
    word, the head of the phrase, keeps it."""
    kept: list[Event] = []
    for event in events:
        twin = next((k for k in kept if k.date and k.date == event.date
                     and {k.type, event.type} == {"meeting", "forum"}
                     and k.evidence_span == event.evidence_span
                     and 0 <= _trigger_start(event) - getattr(k, "trigger_end", 0) < _NAMED_TWICE_REACH),
                    None)
        if twin is None:
            kept.append(event)
    return kept


def _trigger_start(event: Event) -> int:
    return getattr(event, "trigger_end", 0) - len(getattr(event, "trigger_text", "") or "")


def _inside(index: _SpanIndex, span: Span) -> bool:
    """Does a span of ``index`` (a name, a document title) contain ``span``?"""
    lo = bisect.bisect_left(index.starts, max(0, span.start - 500))
    hi = bisect.bisect_right(index.starts, span.start)
    return any(s.start <= span.start and span.end <= s.end for s in index.spans[lo:hi])


# --- agreements ---------------------------------------------------------------------------------


@dataclass
class Agreement:
    """A named agreement, memorandum, roadmap, declaration or communiqué."""

    id: str
    type: str
    title: str
    parties: list[str]
    date: str | None
    evidence: str
    evidence_span: tuple[int, int]
    mentions: list[AgreementMention] = field(default_factory=list)

    def to_contract(self) -> dict[str, Any]:
        return {"id": self.id, "type": self.type, "title": self.title, "parties": self.parties,
                "date": self.date, "evidence": self.evidence,
                "evidence_span": list(self.evidence_span)}


def _same_agreement(a: AgreementMention, b: AgreementMention) -> bool:
    """Two mentions of one document: same type and one title contains or nearly equals the
    other (a headline shortens the title; a later "указанного Меморандума" drops it)."""
    if a.type != b.type:
        return False
    fa, fb = fold(a.title), fold(b.title)
    pa, pb = _parties_part(fa), _parties_part(fb)
    if pa and pb and pa != pb:
        return False            # "… between A and B" and "… between C and D": two documents
    if fa.startswith(fb) or fb.startswith(fa):
        return True
    if _different_subjects(fa, fb):
        return False
    try:
        from rapidfuzz import fuzz

        return fuzz.token_set_ratio(fa, fb) >= 85
    except ImportError:  # pragma: no cover
        return fa == fb


_DOCUMENT_WORDS = frozenset("""
mou mous memorandum memoranda understanding agreement agreements contract protocol declaration
statement joint roadmap road map plan programme program signed between field fields area areas
sphere spheres sector
""".split())


def _different_subjects(fa: str, fb: str) -> bool:
    """"MoU on cooperation in health" and "MoU on cooperation in tourism": two English titles
    that each have a content word the other lacks are about different things, however alike
    the rest of the words is. (Russian and Chinese titles inflect or run together, so word sets
    do not tell there.)"""
    if not (re.fullmatch(r"[a-z0-9 '’&-]+", fa) and re.fullmatch(r"[a-z0-9 '’&-]+", fb)):
        return False
    wa = {w for w in fa.split() if len(w) >= 4} - _DOCUMENT_WORDS
    wb = {w for w in fb.split() if len(w) >= 4} - _DOCUMENT_WORDS
    return bool(wa - wb) and bool(wb - wa)


_PARTIES_PART = re.compile(r"\s(?:между|between)\s(.+)$")


def _parties_part(folded_title: str) -> str | None:
    m = _PARTIES_PART.search(folded_title)
    return m.group(1) if m else None


def _distinct_titles(group: list[AgreementMention]) -> list[AgreementMention]:
    seen: dict[str, AgreementMention] = {}
    for mention in group:
        seen.setdefault(fold(mention.title), mention)
    return list(seen.values())


_SIGNING_REACH = 80     # characters between "подписали" and the document it signed


_BETWEEN = re.compile(r"\s(?:между|between)\s", re.I)
_SUBJECT = re.compile(r"\s(?:о|об|on|regarding|concerning)\s", re.I)


def _subject_at(mention: AgreementMention) -> int:
    """Where the subject starts in a "… между X и Y о …" title (its parties come before)."""
    between = _BETWEEN.search(mention.text)
    subject = _SUBJECT.search(mention.text, between.end() if between else 0)
    return subject.start() if subject else len(mention.text)


# A title that counts documents names none of them.
_COUNTED_TITLE = re.compile(r"\s*(?:\d{1,3}\s+(?!(?:st|nd|rd|th|год|г\.)\b)|several\b|a\s+number\s+of\b|multiple\b|numerous\b"
                            r"|a\s+series\s+of\b|несколько\b|ряд\b|多项|若干|一批|一系列|\d+项)",
                            re.I)


def _is_bare(mention: AgreementMention) -> bool:
    return len(fold(mention.title).split()) <= 2


def assemble_agreements(doc: Doc, entity_of: dict[tuple[int, int], Entity]) -> list[Agreement]:
    """Merge agreement mentions; parties are the organizations (else countries) named with
    them; the date is the date of a signing reported in the same sentence."""
    sentences = sorted(doc.sentences, key=lambda s: s.start)
    starts = [s.start for s in sentences]
    dates = _SpanIndex(doc.dates)
    mentions_index = _SpanIndex(m for m in doc.entities if (m.start, m.end) in entity_of)
    signings = _SpanIndex(t for t in doc.triggers if t.type == "signing")
    groups: list[list[AgreementMention]] = []
    by_title: dict[tuple[str, str], list[AgreementMention]] = {}
    for mention in sorted(doc.agreements, key=lambda a: a.start):
        key = (mention.type, fold(mention.title))
        if key in by_title:                      # the same title again: no fuzzy comparison
            by_title[key].append(mention)
            continue
        for group in groups:
            if any(_same_agreement(mention, other) for other in _distinct_titles(group)):
                group.append(mention)
                by_title[key] = group
                break
        else:
            groups.append([mention])
            by_title[key] = groups[-1]
    named_types = {g[0].type for g in groups if not all(_is_bare(m) for m in g)}
    titles = tuple((a.start, a.end) for a in doc.agreements)
    agreements: list[Agreement] = []
    for group in groups:
        if all(_is_bare(m) for m in group) and group[0].type in named_types:
            continue                       # "указанного Меморандума": refers to a named one
        if all(_COUNTED_TITLE.match(m.title) for m in group):
            continue                       # "28 MoUs", "несколько соглашений": no one document
        best = max(group, key=lambda m: len(m.title))
        parties: list[str] = []
        countries: list[str] = []
        date = None
        evidence_sentence = None
        for mention in group:
            index = bisect.bisect_right(starts, mention.start) - 1
            sentence = sentences[index] if index >= 0 else Span(mention.start, mention.end,
                                                                mention.text)
            if evidence_sentence is None or (not parties and mention is best):
                evidence_sentence = sentence
            between = _BETWEEN.search(mention.text)
            for m in mentions_index.within(sentence.start, sentence.end):
                inside = mention.start <= m.start and m.end <= mention.end
                if between:                # "Соглашение между X и Y о …": X and Y only
                    if not inside or m.start >= mention.start + _subject_at(mention):
                        continue
                elif inside:
                    continue               # a name in the subject of the title is not a party
                entity = entity_of[(m.start, m.end)]
                if entity.type == "organization" and entity.id not in parties:
                    parties.append(entity.id)
                elif entity.type == "place" and entity.id not in countries:
                    countries.append(entity.id)
            near = [t for t in signings.within(sentence.start, sentence.end)
                    if t.end >= mention.start - _SIGNING_REACH and t.start <= mention.end + 40]
            if date is None and near:
                found = _sentence_date(doc, sentence, near[-1], dates, sentences, index,
                                       titles)
                if found is not None and _status(found.value, doc.published, False) == "past":
                    date = found.value           # a signing still to come has no date yet
        if not parties:
            parties = countries
        sentence = evidence_sentence or Span(best.start, best.end, best.text)
        agreements.append(Agreement(id=f"a{len(agreements) + 1}", type=best.type,
                                    title=best.title, parties=parties, date=date,
                                    evidence=doc.text[sentence.start:sentence.end].strip(),
                                    evidence_span=(sentence.start, sentence.end),
                                    mentions=group))
    return agreements


__all__ = [
    "Agreement", "CAMEO", "Entity", "Event", "assemble_agreements", "assemble_events",
    "attach_positions", "cameo_code", "fold", "group_entities", "is_abbreviation",
]
