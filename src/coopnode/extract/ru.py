"""Russian components: sentences (razdel), names (natasha NER + own rules), positions, dates,
event triggers and agreements.

Natasha finds persons, organizations and places well but stops organization names early
("Министерства связи и информатизации" | "Республики Беларусь"), does not tag position titles
and lemmatises every word of a name.  The rules here extend organization names over a
following genitive place or organization, put only the head phrase into the nominative
(``ru_morph``), add persons written with initials, and read titles, triggers and agreement
names with patterns that describe Russian official prose rather than individual sentences.
Models load on first use and are cached per process.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from os.path import commonprefix
from typing import Any

from coopnode.extract.dates import find_dates
from coopnode.extract.ru_morph import (
    SURNAME_ENDINGS,
    UD_CASES,
    WOMANS_SURNAME_ENDINGS,
    can_be_genitive,
    case_between,
    name_word_nominative,
    needs_context,
    nominative_candidates,
    person_nominative,
    phrase_nominative,
    same_name_word,
    word_nominative,
)
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

_CHUNK = 4000               # characters per NER batch item: keeps memory flat on huge inputs
_NER_TYPES: dict[str, EntityType] = {"PER": "person", "ORG": "organization", "LOC": "place"}


# --- models and word lists --------------------------------------------------------------------


@lru_cache(maxsize=1)
def _models() -> tuple[Any, Any, Any]:
    """Natasha's segmenter, NER tagger and morphology tagger (one shared embedding)."""
    from natasha import NewsEmbedding, NewsMorphTagger, NewsNERTagger, Segmenter

    embedding = NewsEmbedding()
    return Segmenter(), NewsNERTagger(embedding), NewsMorphTagger(embedding)


def _read_tsv(name: str) -> list[list[str]]:
    text = resources.files("coopnode.extract").joinpath("data", "ru", name).read_text("utf-8")
    return [line.split("\t") for line in text.splitlines()
            if line.strip() and not line.startswith("#")]


def fold(text: str) -> str:
    """Comparison key: casefolded, ё -> е, punctuation and extra spaces removed."""
    text = text.casefold().replace("ё", "е")
    text = re.sub(r"[^\w\s-]", " ", text)
    return " ".join(text.split())


@lru_cache(maxsize=1)
def place_lexicon() -> dict[str, tuple[str, str, str]]:
    """Folded name or alias -> (canonical name, kind, ISO country) from ``data/ru/places.tsv``."""
    table: dict[str, tuple[str, str, str]] = {}
    for row in _read_tsv("places.tsv"):
        canonical, kind, country = row[0], row[1], row[2]
        aliases = row[3].split("|") if len(row) > 3 and row[3] else []
        for name in (canonical, *aliases):
            table[fold(name)] = (canonical, kind, country)
    return table


@lru_cache(maxsize=1)
def country_adjectives() -> tuple[tuple[str, str], ...]:
    return tuple((row[0], row[1]) for row in _read_tsv("adjectives.tsv"))


@lru_cache(maxsize=20000)
def country_of_name(name: str) -> str | None:
    """ISO code for a name that is, contains or starts with a known country/city or adjective."""
    folded = fold(name)
    lexicon = place_lexicon()
    if folded in lexicon:
        return lexicon[folded][2]
    words = folded.split()
    for size in range(min(4, len(words)), 0, -1):       # "... Республики Беларусь", "... КНР"
        tail = " ".join(phrase_nominative(" ".join(words[-size:])).split())
        if fold(tail) in lexicon:
            return lexicon[fold(tail)][2]
    for word in words:
        for stem, country in country_adjectives():
            if word.startswith(stem):
                return country
    return None


# --- sentences --------------------------------------------------------------------------------


def split_sentences(text: str) -> list[Span]:
    """Sentences by razdel, never across a line break (headlines and datelines have no stop)."""
    from razdel import sentenize

    spans: list[Span] = []
    for line in re.finditer(r"[^\n]+", text):
        if not line.group().strip():
            continue
        base = line.start()
        for sentence in sentenize(line.group()):
            if sentence.text.strip():
                spans.append(Span(base + sentence.start, base + sentence.stop, sentence.text))
    return spans


# --- entities ---------------------------------------------------------------------------------

_INITIALS_PERSON = re.compile(
    r"(?<![А-ЯЁA-Za-zа-яё.])(?:[А-ЯЁ]\.\s?){1,2}[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?")
_LATIN_SOURCE = re.compile(r"\((?P<name>[A-Z][A-Za-z]+(?:\.[a-z]{2,4})?)\)")
_NOT_NAMES = frozenset({"корр", "фото", "источник", "видео", "тасс"})
_PAREN_ABBR = re.compile(r"\s*\((?P<abbr>[А-ЯЁA-Z][А-ЯЁA-Zа-яё]{1,9})\)\s*$")


def _chunks(text: str) -> Iterable[tuple[int, str]]:
    """(offset, chunk) pieces of at most about ``_CHUNK`` characters, cut at line ends."""
    start = 0
    while start < len(text):
        end = min(len(text), start + _CHUNK)
        if end < len(text):
            cut = text.rfind("\n", start + _CHUNK // 2, end)
            if cut == -1:
                cut = text.rfind(". ", start + _CHUNK // 2, end)
            end = cut + 1 if cut != -1 else end
        yield start, text[start:end]
        start = end


@lru_cache(maxsize=1)
def _ner_runner() -> Any:
    """Natasha's NER model behind ``ru_ner.NerRunner`` (same spans, less overhead)."""
    from coopnode.extract.ru_ner import NerRunner

    _segmenter, ner, _morph = _models()
    return NerRunner(ner)


def _tag(text: str) -> list[tuple[int, int, str]]:
    """NER spans (start, end, type) of the whole text, tagged in batches of chunks."""
    spans: list[tuple[int, int, str]] = []
    pieces = list(_chunks(text))
    for (offset, _piece), found in zip(pieces, _ner_runner().spans([p for _o, p in pieces]),
                                       strict=True):
        for start, stop, kind in found:
            spans.append((offset + start, offset + stop, kind))
    return spans


_WINDOW_BEFORE = 40         # characters of left context the morphology tagger sees
_WINDOW_AFTER = 12


def _context_morphology(text: str, spans: list[tuple[int, int]]
                        ) -> dict[int, tuple[int, str, dict[str, str]]]:
    """Morphology (end, pos, feats by token start) of short windows around ``spans`` only.

    The contextual tagger settles the case of a name whose words could be nominative or not
    ("Романа", "Цзиньпина").  Tagging only windows around such names keeps its cost a
    fraction of tagging the whole text.
    """
    if not spans:
        return {}
    from razdel import tokenize

    _segmenter, _ner, morph_tagger = _models()
    windows: list[tuple[list[int], list[int], list[str], int, int]] = []
    for start, end in spans:
        lo = max(0, start - _WINDOW_BEFORE)
        line_start = text.rfind("\n", lo, start)
        lo = line_start + 1 if line_start != -1 else lo
        hi = min(len(text), end + _WINDOW_AFTER)
        line_end = text.find("\n", end, hi)
        hi = line_end if line_end != -1 else hi
        tokens = list(tokenize(text[lo:hi]))
        if lo > 0 and tokens and not text[lo - 1].isspace():
            tokens = tokens[1:]                       # a cut word is not a word
        if not tokens:
            continue
        windows.append(([lo + t.start for t in tokens], [lo + t.stop for t in tokens],
                        [t.text for t in tokens], start, end))
    found: dict[int, tuple[int, str, dict[str, str]]] = {}
    for (starts, ends, _words, start, end), markup in zip(
            windows, morph_tagger.map([w[2] for w in windows]), strict=True):
        for token_start, token_end, token in zip(starts, ends, markup.tokens, strict=True):
            if start <= token_start < end:           # edges of a window are tagged blind
                found[token_start] = (token_end, token.pos or "", dict(token.feats or {}))
    return found


def _case_at(tokens: dict[int, tuple[int, str, dict[str, str]]], start: int, end: int,
             text: str, prefer_last: bool) -> str | None:
    """The contextual case of the name at [start, end): of its last (person) or first word."""
    starts = [s for s in range(start, end) if s in tokens]
    if not starts:
        return None
    order = reversed(starts) if prefer_last else iter(starts)
    for s in order:
        _end, pos, feats = tokens[s]
        case = feats.get("Case")
        if case and pos in ("PROPN", "NOUN", "ADJ"):
            return UD_CASES.get(case)
    return None


def _clean_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim spaces, slashes and stray quotes/punctuation around a NER span; keep a quoted
    name's closing quote ("РУП «Белтелеком»"); never run over a line break (a headline
    without a full stop is not the start of the next line's name)."""
    newline = text.find("\n", start, end)
    if newline != -1:
        end = newline
    while start < end and text[start] in " \t\"«»“”'/,.;:—–-(":
        start += 1
    while end > start and text[end - 1] in " \t\"«»“”'/,;:—–-":
        end -= 1
    if end > start and text[end - 1] == ")" and "(" not in text[start:end]:
        end -= 1
    inner = text[start:end]
    if "«" in inner and "»" not in inner:
        close = text.find("»", end, end + 3)
        if close != -1:
            end = close + 1
    return start, end


_ORG_HEADS = re.compile(
    r"^(?:правительств|министерств|посольств|парламент|администраци|комитет|агентств|"
    r"ассоциаци|палат|университет|компани|корпораци|банк|фонд|комисси|служб|институт|"
    r"академи|департамент|управлени|совет|собрани|дум|мэри|консульств|представительств|"
    r"секретариат|союз|объединени|центр|организаци)[а-я]*$", re.I)


def _has_organization_head(name: str) -> bool:
    """Does the name start with a noun that names a body, not a territory?"""
    first = name.split()[0] if name.split() else ""
    return bool(_ORG_HEADS.match(first)) and len(name.split()) > 1


_BODY_BEFORE_PLACE = re.compile(
    r"(?<![А-Яа-яЁё-])((?:Правительств|Министерств|Посольств|Парламент|Администраци|Посольств"
    r"|Генконсульств|Консульств|Представительств|Мэри)[а-яё]*)\s+\Z")


def _organizations_before_places(text: str, spans: list[tuple[int, int, str]]
                                 ) -> list[tuple[int, int, str]]:
    """"Правительством Российской Федерации" where NER tagged only the place: a capitalised
    body noun right before a place makes an organization of both."""
    added = []
    org_spans = [(s, e) for s, e, k in spans if k == "ORG"]
    for start, end, kind in spans:
        if kind != "LOC":
            continue
        match = _BODY_BEFORE_PLACE.search(text, max(0, start - 30), start)
        if not match:
            continue
        org_start = match.start(1)
        if any(s <= org_start < e for s, e in org_spans):
            continue
        added.append((org_start, end, "ORG"))
    return added


# Lemmas of the words for a person's post: "Начальника Службы связи" names the service, and
# the post before it belongs to a person.
_POST_LEMMAS = frozenset({"начальник", "директор", "председатель", "заместитель", "министр",
                          "руководитель", "посол", "глава", "президент", "советник", "секретарь",
                          "замминистра", "помощник", "представитель", "ректор", "губернатор",
                          "мэр", "вице-премьер", "вице-министр", "премьер-министр", "генеральный",
                          "первый"})
# Words a delegation or a group is called by: a group of people, not an organization.
_GROUP_LEMMAS = frozenset({"делегация", "группа", "сторона", "команда"})


def _organization_without_title(text: str, start: int, end: int, kind: str
                                ) -> tuple[int, int, str] | None:
    """An organization span without a post glued before it; None for a span that names a
    delegation or is made of adjectives only ("Китайская парламентская делегация")."""
    if kind != "ORG":
        return start, end, kind
    cut = _post_cut(text[start:end])
    return None if cut is None else (start + cut, end, kind)


@lru_cache(maxsize=20000)
def _post_cut(surface: str) -> int | None:
    """Characters of posts to cut from the front of an organization's surface, or None when
    the span is no organization.  Cached: the same names recur across documents, and the
    dictionary look-ups behind it are the costly part."""
    from coopnode.extract.ru_morph import _parses

    cut = 0
    while True:
        match = re.match(r"([А-ЯЁа-яё-]+)\s+(?=[А-ЯЁа-яё«\"])", surface[cut:])
        if match is None:
            break
        parses = _parses(match.group(1).lower())
        if parses and parses[0].normal_form in _POST_LEMMAS:
            cut += match.end()
            continue
        break
    rest = surface[cut:]
    words = re.findall(r"[А-ЯЁа-яё-]+", rest)
    if len(words) >= 2 and "«" not in rest and '"' not in rest:
        readings = [_parses(w.lower())[:1] for w in words]
        if all(r and r[0].is_known for r in readings):
            heads = [r[0] for r in readings if r[0].tag.POS == "NOUN"]
            if not heads and all(r[0].tag.POS in ("ADJF", "PRTF") for r in readings):
                return None
            if heads and heads[0].normal_form in _GROUP_LEMMAS:
                return None
    return cut


_LOWER_HEAD = re.compile(
    r"(?<![А-ЯЁа-яё-])((?:[А-ЯЁа-яё]+(?:ый|ий|ой|ое|ая|ого|ому|ым|ом|ую|ее|ей|ему|им|ые|ых)\s+)"
    r"{1,2}(?:правительств|министерств|комитет|палат|ассоциаци|служб|агентств|управлени"
    r"|департамент|администраци|собрани|совет|комисси)[а-я]*"
    r"(?:\s+(?:города|провинции|района|области|округа|края|штата|республики))?)\s+(?=[А-ЯЁ])")


def _lowercase_bodies(text: str, spans: list[tuple[int, int, str]]
                      ) -> list[tuple[int, int, str]]:
    """"народному правительству СУАР", "государственным комитетом КНР": a body written in
    lower case (an adjective and a head noun) right before a named place or organization is
    an organization; the name after it is joined as its genitive tail later."""
    starts = {s: k for s, _e, k in spans}
    covered = [(s, e) for s, e, _k in spans]
    added = []
    for match in _LOWER_HEAD.finditer(text):
        if match.end() not in starts or starts[match.end()] not in ("LOC", "ORG"):
            continue
        if any(s <= match.start(1) < e for s, e in covered):
            continue
        from coopnode.extract.ru_morph import _parses

        start = match.start(1)
        for word in re.finditer(r"\S+", match.group(1)):     # "руководством народного …"
            parses = _parses(word.group().lower())
            if parses and parses[0].tag.POS in ("ADJF", "PRTF"):
                start = match.start(1) + word.start()
                break
            if not parses or parses[0].tag.POS == "NOUN" and _ORG_HEADS.match(word.group()):
                start = -1
                break
        else:
            start = -1
        if start < 0:
            continue
        tail_end = next(e for s, e, _k in spans if s == match.end())
        added.append((start, tail_end, "ORG"))
    return added


def _split_brackets(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """"Российской Федерации (Минцифры России)": a bracket inside a span that is not the
    span's own abbreviation is a name of its own."""
    out: list[tuple[int, int, str]] = []
    for start, end, kind in spans:
        surface = text[start:end]
        match = re.search(r"\s*\(([^()]{2,80})\)?\s*$", surface)
        if match is None or _PAREN_ABBR.search(surface) or not match.group(1)[:1].isupper():
            out.append((start, end, kind))
            continue
        out.append((start, start + match.start(), kind))
        inner_kind = "ORG" if kind == "ORG" or re.match(r"(?:Мин|[А-ЯЁ]{2,})", match.group(1)) \
            else kind
        out.append((start + match.start(1), start + match.end(1), inner_kind))
    return out


def _is_genitive_continuation(text: str, tokens: dict[int, tuple[int, str, dict[str, str]]],
                              start: int, end: int) -> bool:
    """Does the name at [start, end) read as a genitive tail ("Республики Беларусь", "КНР")?"""
    word = text[start:end].split()[0] if text[start:end].split() else ""
    if word.isupper() and len(word) >= 2:
        return True                                     # КНР, ШОС, РФ
    case = _case_at(tokens, start, end, text, prefer_last=False)
    if case is not None:
        return case == "gent"
    return can_be_genitive(text[start:end])


def _extend_organizations(text: str, raw: list[tuple[int, int, str]],
                          tokens: dict[int, tuple[int, str, dict[str, str]]]
                          ) -> list[tuple[int, int, str, int]]:
    """Join an organization with the genitive place/organization right after it.

    Returns (start, end, type, head_end) where head_end marks where the organization's own
    words stop.  Every input span is also returned as it was, so the tail ("Республики
    Беларусь") stays a mention of its own.
    """
    out: list[tuple[int, int, str, int]] = []
    i = 0
    raw = sorted(raw)
    while i < len(raw):
        start, end, kind = raw[i]
        head_end = end
        if kind == "ORG":
            j = i + 1
            while j < len(raw):
                nstart, nend, nkind = raw[j]
                gap = text[end:nstart]
                if nkind == "ORG" and re.fullmatch(r"\s+при\s+", gap):
                    end = nend                   # "Служба связи при Правительстве …"
                    j += 1
                    continue
                if nkind not in ("LOC", "ORG") or not re.fullmatch(r"[ \t]{1,2}", gap):
                    break
                if not _is_genitive_continuation(text, tokens, nstart, nend):
                    break
                end = nend
                j += 1
        out.append((start, end, kind, head_end))
        i += 1
    return out


def _initials_persons(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _INITIALS_PERSON.finditer(text)]


def find_entities(doc: Doc) -> list[EntityMention]:
    """Persons, organizations and places of a Russian text, with nominative names."""
    text = doc.text
    raw = _tag(text)
    cleaned: list[tuple[int, int, str]] = []
    surnames = set(_surnames_in(text, raw))     # "Соловей" alone is a person named in full
    for start, end, kind in _split_brackets(text, raw):
        start, end = _clean_span(text, start, end)
        if end - start < 2 or fold(text[start:end]) in _NOT_NAMES:
            continue
        if end < len(text) and text[end] == "." and kind != "PER" and len(text[start:end]) <= 4 \
                and not text[start:end].isupper():
            continue                                    # "Корр." and similar abbreviations
        if kind == "LOC" and _has_organization_head(text[start:end]):
            kind = "ORG"                                # "Правительством Республики Беларусь"
        if kind == "PER" and text[start:end] not in surnames and \
                _is_not_a_person(text, start, end):
            kind = "ORG" if _BELARUSIAN_LETTERS.search(text[start:end]) else ""
            if not kind:
                continue
        cleaned.append((start, end, kind))
    cleaned = [piece for s, e, k in cleaned for piece in _place_then_person(text, s, e, k)]
    cleaned = [fixed for fixed in (_person_without_title(text, s, e, k) for s, e, k in cleaned)
               if fixed is not None]
    cleaned = [fixed for fixed in (_organization_without_title(text, s, e, k)
                                   for s, e, k in cleaned) if fixed is not None]
    cleaned.extend(_organizations_before_places(text, cleaned))
    cleaned.extend(_lowercase_bodies(text, cleaned))
    taken = [(s, e) for s, e, _k in cleaned]
    for start, end in _initials_persons(text):
        if not any(s <= start < e or start <= s < end for s, e in taken):
            cleaned.append((start, end, "PER"))
    for match in _LATIN_SOURCE.finditer(text):
        start, end = match.start("name"), match.end("name")
        if not any(s <= start < e for s, e in taken):
            cleaned.append((start, end, "ORG"))
    cleaned = _persons_named_elsewhere(text, cleaned)
    tokens = _context_morphology(text, [
        (s, e) for s, e, k in cleaned
        if (needs_context(text[s:e], person=k == "PER")
            or k == "PER" and _may_carry_case_ending(text[s:e]))
        and not (k == "PER" and chinese_name_nominative(text[s:e]) != text[s:e])])
    mentions: list[EntityMention] = []
    for start, end, kind, head_end in _extend_organizations(text, cleaned, tokens):
        if kind == "ORG" and head_end == end and _is_common_noun_org(text, start, end):
            continue
        mention = _make_mention(text, tokens, start, end, kind, head_end)
        if mention is not None:
            mentions.append(mention)
    mentions.sort(key=lambda m: (m.start, m.end))
    return settle_person_names(text, mentions)


# --- one name per person across the document ------------------------------------------------
#
# A sentence alone often cannot tell the case of a foreign name ("Аджита Доваля",
# "Субраманьяму Джайшанкару"): the dictionary does not know it.  The document usually can:
# the same person is written in other cases elsewhere, and the nominative is the form the
# others extend with a case ending.


_CAPITALISED = re.compile(r"(?<![А-Яа-яЁё.-])[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?(?![А-Яа-яЁё.-])")
_SENTENCE_OPENING = re.compile(r"(?:^|[.!?…:»\"]\s+|^[—–-]\s+|\n[—–-]?\s*)\Z")


def _written_name_words(text: str) -> dict[str, int]:
    """Capitalised words of the text with their counts, the evidence a nominative is chosen
    from.  A dictionary word opening a sentence ("Мир", "Политика") is left out: it is
    capitalised by its position, not because it is a name."""

    counts: dict[str, int] = {}
    for match in _CAPITALISED.finditer(text):
        word = match.group()
        if _SENTENCE_OPENING.search(text, max(0, match.start() - 3), match.start()) \
                and _is_dictionary_word(word):
            continue
        if _is_known_place(word):
            continue                  # "Шарма" is no case of a city
        counts[word] = counts.get(word, 0) + 1
    return counts


def _nominative_first_name(word: str) -> bool:
    """A first name the dictionary knows, most likely in the nominative ("Мария",
    "Александр"): the name it opens is in the nominative whatever its other words look like."""
    from coopnode.extract.ru_morph import _parses

    parses = [p for p in _parses(word.lower()) if p.is_known and "Name" in p.tag.grammemes]
    return sum(p.score for p in parses if p.tag.case == "nomn" and p.tag.number != "plur") >= 0.5


def _is_name_word_token(token: str) -> bool:
    return bool(re.fullmatch(r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?", token))


def _documented_nominative(word: str, written: dict[str, int]) -> str | None:
    """The nominative of ``word`` the document writes, if exactly that is found."""
    found = [c for c in nominative_candidates(word) if written.get(c)]
    if not found:
        return None
    return max(found, key=lambda c: written[c])


def _settle_by_document(mention: EntityMention, written: dict[str, int]) -> None:
    """Put the name words of ``mention`` that are still in an oblique case into the
    nominative the document writes elsewhere; the case that shows carries over to the other
    words of the name ("Субраманьяму Джайшанкару" once "Джайшанкар" is written)."""
    surface_words = mention.text.split()
    name_words = mention.name.split()
    if len(surface_words) != len(name_words):
        return
    if len(name_words) >= 2 and _nominative_first_name(surface_words[0]):
        return                       # "Мария Лаврова" is nominative even beside "Лавров"
    settled: list[str | None] = [None] * len(name_words)
    case = None
    for index, (surface, name) in enumerate(zip(surface_words, name_words, strict=True)):
        if surface != name or not _is_name_word_token(name):
            continue                 # already inflected from context, or an initial
        nominative = _documented_nominative(name, written)
        if nominative is not None:
            settled[index] = nominative
            case = case or case_between(name, nominative)
    if case is not None:
        for index, (surface, name) in enumerate(zip(surface_words, name_words, strict=True)):
            if settled[index] is None and surface == name and _is_name_word_token(name) \
                    and name not in indeclinable_names():
                inflected = name_word_nominative(name, case)
                if inflected != name:
                    settled[index] = inflected
    if any(settled):
        mention.name = " ".join(new or old for new, old in zip(settled, name_words, strict=True))


def _same_surface_same_name(persons: list[EntityMention]) -> None:
    """One surface, one name: "встреча А.Х.Хакимова" reads as a woman's nominative alone,
    while "Министра … А.Х.Хакимова" showed the genitive; the context that saw a case wins."""
    by_surface: dict[str, list[EntityMention]] = {}
    for mention in persons:
        by_surface.setdefault(mention.text, []).append(mention)
    for surface, group in by_surface.items():
        inflected = [m.name for m in group if m.name != surface]
        if not inflected or len(inflected) == len(group):
            continue
        best = max(set(inflected), key=inflected.count)
        for mention in group:
            mention.name = best


_PATRONYMIC_END = re.compile(r"(?:ович|евич|ьич|овна|евна|ична|инична)$")


def _given_name_alone(persons: list[EntityMention]) -> None:
    """"— Александр, на этом форуме …": a first name alone, used to address someone, is the
    one person of the document with that first name; a hyphenated surname alone ("Ас-Сиси")
    is the one person whose name ends with it."""
    full = [m for m in persons if len(m.name.split()) >= 2 and "." not in m.name
            and not _PATRONYMIC_END.search(m.name)]       # "Марина Сергеевна" is an address
    for mention in persons:
        words = mention.name.split()
        if len(words) != 1:
            continue
        if _nominative_first_name(words[0]):
            owners = {m.name for m in full if same_name_word(m.name.split()[0], words[0])}
        elif "-" in words[0]:
            # "Ас-Сиси" opening a sentence is "Абдель Фаттах ас-Сиси": a hyphenated surname
            # with its particle, capitalised by position
            owners = {m.name for m in full if m.name.split()[-1].casefold() == words[0].casefold()}
        else:
            continue
        if len(owners) == 1:
            mention.name = owners.pop()


def settle_person_names(text: str, mentions: list[EntityMention]) -> list[EntityMention]:
    """Person names made consistent across the document (see the section comment)."""
    persons = [m for m in mentions if m.type == "person"]
    if not persons:
        return mentions
    _same_surface_same_name(persons)
    written = _written_name_words(text)
    for mention in persons:
        _settle_by_document(mention, written)
    _given_name_alone(persons)
    return mentions


_BELARUSIAN_LETTERS = re.compile(r"[іўІЎ]")
# "Политика, 14:19, 12 марта 2009": a rubric word opening a page's dateline
_DATELINE_AFTER = re.compile(r"\s*[,|/]\s*(?:\d{1,2}[:.]\d{2}|\d{1,2}\s+[а-яё]+\s+\d{4}|\d{1,2}\.\d{1,2}\.\d{2,4})")


def _is_not_a_person(text: str, start: int, end: int) -> bool:
    """One word the tagger read as a person that cannot be one: a word spelt in Belarusian
    ("Позірк", an outlet: Russian has no "і"/"ў"), a rubric opening a dateline line, or a
    common noun the dictionary knows with no reading as a name ("Политика")."""
    surface = text[start:end]
    if _BELARUSIAN_LETTERS.search(surface):
        return True                                     # "Наша Ніва", "Позірк"
    if " " in surface or "." in surface:
        return False
    line_start = text.rfind("\n", 0, start) + 1
    if not text[line_start:start].strip() and _DATELINE_AFTER.match(text, end):
        return True
    from coopnode.extract.ru_morph import _parses

    parses = _parses(surface.lower())
    return bool(parses) and all(p.is_known for p in parses) and not any(
        {"Name", "Surn", "Patr", "Geox", "Orgn"} & set(p.tag.grammemes) for p in parses) \
        and parses[0].tag.POS == "NOUN"


def _surnames_in(text: str, spans: list[tuple[int, int, str]]) -> list[str]:
    """Last words of the person spans that are full names ("Аджита Доваля", "А.Х.Хакимова")."""
    out: list[str] = []
    for start, end, kind in spans:
        surface = text[start:end]
        words = surface.split()
        if kind != "PER" or not words:
            continue
        last = words[-1].rsplit(".", 1)[-1]
        if (len(words) >= 2 or "." in surface) and _is_name_word_token(last) and len(last) >= 4:
            out.append(last)
    return out


_ACRONYM_THEN_WORD = re.compile(r"([А-ЯЁA-Z]{2,})\s+((?:[А-ЯЁ][а-яё]+\s+){0,2}([А-ЯЁ][а-яё]+))")


def _persons_named_elsewhere(text: str, spans: list[tuple[int, int, str]]
                             ) -> list[tuple[int, int, str]]:
    """A surname the document has given with a first name or initials is that person
    wherever else it stands: the tagger glues it to an acronym before it ("встречи БРИКС
    Доваль"), reads it alone as a place, or misses it at the start of a sentence
    ("Джайшанкар 25 декабря прибыл …")."""
    surnames = _surnames_in(text, spans)
    if not surnames:
        return spans

    # same_name_word needs four common first letters: compare only surnames that share them
    by_stem: dict[str, list[str]] = {}
    for surname in surnames:
        by_stem.setdefault(_stem_key(surname), []).append(surname)

    def is_surname(word: str) -> bool:
        return any(same_name_word(word, surname) for surname in by_stem.get(_stem_key(word), ()))

    out: list[tuple[int, int, str]] = []
    for start, end, kind in spans:
        surface = text[start:end]
        glued = _ACRONYM_THEN_WORD.fullmatch(surface) if kind == "ORG" else None
        if glued and is_surname(glued.group(3)):
            out.append((start, start + glued.end(1), "ORG"))
            out.append((start + glued.start(2), end, "PER"))
        elif kind in ("LOC", "ORG") and _is_name_word_token(surface) and is_surname(surface) \
                and not _is_known_place(surface):
            out.append((start, end, "PER"))
        else:
            out.append((start, end, kind))
    taken = sorted((s, e) for s, e, _k in out)
    for match in _CAPITALISED.finditer(text):
        word = match.group()
        if len(word) < 4 or not is_surname(word) or _is_dictionary_word(word):
            continue
        if any(s < match.end() and match.start() < e for s, e in taken):
            continue
        out.append((match.start(), match.end(), "PER"))
    return out


def _stem_key(word: str) -> str:
    return word[:4].casefold().replace("ё", "е")


@lru_cache(maxsize=20000)
def _is_known_place(word: str) -> bool:
    lexicon = place_lexicon()
    return fold(word) in lexicon or fold(phrase_nominative(word)) in lexicon


@lru_cache(maxsize=20000)
def _is_dictionary_word(word: str) -> bool:
    """A word the dictionary knows as something other than a name ("Белый", "Мир")."""
    from coopnode.extract.ru_morph import _parses

    parses = _parses(word.lower())
    return bool(parses) and parses[0].is_known and not {"Name", "Surn", "Patr"} & set(
        parses[0].tag.grammemes)


# Endings a foreign name unknown to the dictionary takes in a case the context shows, as
# (oblique ending, nominative ending) pairs.  "-и" is left out, and "-е" outside the dative:
# they also end many names in the nominative ("Моди", "Лэцзи", "Лигабуэ").  The accusative
# of a man's name is its genitive; "-у"/"-ю" of a surname in the accusative is a noun in -а/-я.
_CASE_PAIRS: dict[str, frozenset[tuple[str, str]]] = {
    "gent": frozenset({("а", ""), ("я", "ь"), ("я", "й"), ("ы", "а")}),
    "datv": frozenset({("у", ""), ("ю", "ь"), ("ю", "й"), ("е", "а")}),
    "ablt": frozenset({("ом", ""), ("ем", "ь"), ("ем", "й"), ("ем", ""), ("ём", "ь"),
                       ("ём", "й"), ("ой", "а"), ("ей", "я"), ("ей", "а")}),
    "accs": frozenset({("а", ""), ("я", "ь"), ("я", "й")}),
}
_ACCUSATIVE_SURNAME_PAIRS = frozenset({("у", "а"), ("ю", "я")})
_ENDINGS_OF_CASE = {case: tuple({o for o, _n in pairs} | ({"у", "ю"} if case == "accs" else set()))
                    for case, pairs in _CASE_PAIRS.items()}
_INVALID_END = re.compile(r"(?:[бвгджзклмнпрстфхцчшщ]й|[аеёиоуыэюяйь]ь|[жшчщц]ь)$")


def _reads_as_womans_nominative(surface: str) -> bool:
    """Whether a name reads best as a woman's in the nominative: its first word is a woman's
    first name in the nominative more likely than a man's in another case ("Юлия" rather than
    "Юлий"'s genitive) and its last word has a woman's surname ending. Only the tagger's
    guess yields to this, never a case a title or a preposition shows."""
    from coopnode.extract.ru_morph import _parses

    words = surface.split()
    if len(words) < 2 or not words[-1].lower().endswith(WOMANS_SURNAME_ENDINGS):
        return False
    parses = [p for p in _parses(words[0].lower()) if p.is_known and "Name" in p.tag.grammemes]
    woman = sum(p.score for p in parses if p.tag.gender == "femn" and p.tag.case == "nomn")
    other = sum(p.score for p in parses if not (p.tag.gender == "femn" and p.tag.case == "nomn"))
    return woman > other


def foreign_name_nominative(surface: str, name: str, case: str) -> str:
    """"советника Аджита Доваля" -> "Аджит Доваль", "вице-президенту Джагдипу Дханкару" ->
    "Джагдип Дханкар": when the context shows the case, a name word the dictionary does not
    know that still carries a case ending of a Russian noun loses it; a guess of the
    dictionary that is no such ending ("Абием" -> "Абие") is replaced.  Names written surname
    first with a short surname ("Чан Хонг Ха", "Ван Ицзюнь") are left to the Chinese rules:
    their syllables end in "-а"/"-я" as written."""
    surface_words, name_words = surface.split(), name.split()
    if len(surface_words) != len(name_words) or len(name_words) < 2:
        return name
    if len(surface_words[0]) <= 4 and not _is_known_first_name(surface_words[0]):
        return name
    out = []
    last = len(name_words) - 1
    for index, (surface_word, name_word) in enumerate(zip(surface_words, name_words,
                                                          strict=True)):
        if surface_word == name_word or (
                _is_unknown_word(surface_word) and not name_word.endswith(SURNAME_ENDINGS)
                and not _pair_fits(surface_word, name_word, case, index == last)):
            out.append(_strip_case_ending(surface_word, case, index == last))
        else:
            out.append(name_word)
    return " ".join(out)


def _pair_fits(oblique: str, nominative: str, case: str, last: bool) -> bool:
    common = len(commonprefix((oblique, nominative)))
    pair = (oblique[common:], nominative[common:])
    return pair in _CASE_PAIRS[case] or (case == "accs" and last
                                         and pair in _ACCUSATIVE_SURNAME_PAIRS)


def _is_unknown_word(word: str) -> bool:
    """A name word the dictionary does not know at all: its readings are guesses."""
    from coopnode.extract.ru_morph import _parses

    return _is_name_word_token(word) and not any(p.is_known for p in _parses(word.lower()))


def _is_unknown_name_word(word: str) -> bool:
    """A capitalised word the dictionary does not know as a name, surname or place."""
    from coopnode.extract.ru_morph import _parses

    return _is_name_word_token(word) and len(word) > 3 and "-" not in word and not any(
        p.is_known and {"Name", "Surn", "Patr", "Geox"} & set(p.tag.grammemes)
        for p in _parses(word.lower()))


def _may_carry_case_ending(surface: str) -> bool:
    """Could a word of this foreign name be a case form the dictionary cannot tell
    ("Пиюша Гояла", "Субраманьяму")?  Then the contextual tagger is asked for the case."""
    from coopnode.extract.ru_morph import _parses

    words = surface.split()
    if len(words) < 2 or (len(words[0]) <= 4 and not _is_known_first_name(words[0])):
        return False
    for word in words:
        if _is_name_word_token(word) and len(word) > 3 and "-" not in word and \
                re.search(r"(?:[бвгджзклмнпрстфхцчшщ](?:а|у|ы|ом)|[бвгджзклмнпрстфхцчшщаеиоуэ](?:я|ю|ем))$",
                          word) and not any(p.is_known and {"Name", "Surn", "Patr", "Geox"}
                                            & set(p.tag.grammemes) for p in _parses(word.lower())):
            return True
    return False


def _case_of_endings(surface: str) -> str | None:
    """"Нарендры Моди": a word in "-ы" after a consonant is no nominative singular, so a name
    with one is in the genitive even where the context does not say."""
    for word in surface.split():
        if _is_name_word_token(word) and re.search(r"[бвгдзклмнпрстфхц]ы$", word):
            return "gent"
    return None


@lru_cache(maxsize=1)
def indeclinable_names() -> frozenset[str]:
    """Given names with a final vowel that do not decline (``data/ru/indeclinable_names.txt``)."""
    text = resources.files("coopnode.extract").joinpath(
        "data", "ru", "indeclinable_names.txt").read_text("utf-8")
    return frozenset(line.strip() for line in text.splitlines()
                     if line.strip() and not line.startswith("#"))


def _keep_indeclinable(surface: str, name: str) -> str:
    """Words of ``indeclinable_names`` stay as written ("Паулу" is no case of "Паула")."""
    surface_words, name_words = surface.split(), name.split()
    if len(surface_words) != len(name_words):
        return name
    return " ".join(s if s in indeclinable_names() else n
                    for s, n in zip(surface_words, name_words, strict=True))


def _strip_case_ending(word: str, case: str, last: bool) -> str:
    """``word`` without the ending of ``case`` (see ``_CASE_PAIRS``), or unchanged."""
    if not _is_unknown_name_word(word) or not word.endswith(_ENDINGS_OF_CASE[case]) \
            or word in indeclinable_names():
        return word
    from coopnode.extract.ru_morph import _parses

    for parse in _parses(word.lower()):                  # "Зайца" -> "Заяц", "Льва" -> "Лев"
        if parse.is_known and parse.tag.POS == "NOUN" and parse.tag.case == case \
                and parse.tag.number == "sing":
            from pymorphy2.analyzer import Parse  # natasha's MorphForm.inflect wants UD names

            nominative = Parse.inflect(parse, {"nomn"})
            return word if nominative is None else word[:1] + nominative.word[1:]
    candidates = nominative_candidates(word)
    if re.search(r"[жшчщц]ем$", word):
        candidates.sort(key=lambda c: not c.endswith(word[-3]))   # "Пиюшем" -> "Пиюш"
    for candidate in candidates:
        if candidate == word[: len(candidate)] and not re.search(
                r"[бвгджзклмнпрстфхцчшщ]$", candidate):
            continue                      # a bare stem ends in a consonant: "Сержиу" stays
        if _pair_fits(word, candidate, case, last) and not _INVALID_END.search(candidate) \
                and not (candidate.endswith("а") and word.endswith("е")
                         and not re.search(r"[бвгджзклмнпрстфхцчшщ]е$", word)):
            return candidate
    return word


def _is_known_first_name(word: str) -> bool:
    from coopnode.extract.ru_morph import _parses

    return any(p.is_known and "Name" in p.tag.grammemes for p in _parses(word.lower()))


_CHINESE_OBLIQUE = re.compile(r"^([А-ЯЁ][а-яё]{0,3}) ([А-ЯЁ][а-яё]*н)(?:а|у|ом|е)$")
_CHINESE_SOFT = re.compile(r"^([А-ЯЁ][а-яё]{0,3}) ([А-ЯЁ][а-яё]*н)(?:я|ем)$")
_CHINESE_VOWEL_Y = re.compile(r"^([А-ЯЁ][а-яё]{0,3}) ([А-ЯЁ][а-яё]*[аэоу])(?:я|ю|ем)$")
_CHINESE_SOFT_DATIVE = re.compile(r"^([А-ЯЁ][а-яё]{0,3}) ([А-ЯЁ][а-яё]*н)ю$")
# "Чжан Ханьхуэйем": the instrumental ending written after the "-й" of the syllable; no
# Chinese syllable ends in "-м", so the ending is safe to cut in any context
_CHINESE_Y_INSTRUMENTAL = re.compile(r"^([А-ЯЁ][а-яё]{0,3}) ([А-ЯЁ][а-яё]*й)ем$")
_OBLIQUE = frozenset({"gent", "datv", "ablt", "loct", "accs"})


def chinese_name_nominative(name: str, case: str | None = None) -> str:
    """"Ли Цяна" -> "Ли Цян", "Сюн Цзицзюня" -> "Сюн Цзицзюнь", "Хун Лэю" -> "Хун Лэй".

    A Chinese name in Russian is a one-syllable surname and a given name; a given name ending
    in "-н", "-нь" or a vowel plus "-й" is declined like a Russian noun, and the tagger often
    misses it because the surname looks indeclinable.  No Chinese syllable ends in
    "-на"/"-ну"/"-ном", "-ня" or "-нем", so those endings are safe to cut; "-ню" (niu) and a
    vowel plus "-я"/"-ю" are read as endings only when the context shows an oblique case.
    """
    first = name.split()[0] if name.split() else ""
    if len(first) >= 4 and _is_known_first_name(first):
        return name             # "Юлия Шапкина", "Анна Кузина": a Russian first name (Chinese
        # surnames that are also names in the dictionary, "Ли", "Ян", are shorter)
    match = _CHINESE_OBLIQUE.match(name)
    if match and len(match.group(2)) >= 3:
        return f"{match.group(1)} {match.group(2)}"
    match = _CHINESE_SOFT.match(name)
    if match and len(match.group(2)) >= 3:
        return f"{match.group(1)} {match.group(2)}ь"
    match = _CHINESE_Y_INSTRUMENTAL.match(name)
    if match and len(match.group(2)) >= 3:
        return f"{match.group(1)} {match.group(2)}"
    if case in _OBLIQUE:
        match = _CHINESE_SOFT_DATIVE.match(name)
        if match and len(match.group(2)) >= 3:
            return f"{match.group(1)} {match.group(2)}ь"
        match = _CHINESE_VOWEL_Y.match(name)
        if match and len(match.group(2)) >= 2:
            return f"{match.group(1)} {match.group(2)}й"
    return name


# Words that open a person span but are no part of the name: titles ("Президента А.Г.
# Лукашенко") and the adjectives of a title ("Чрезвычайный и Полномочный Посол").
_TITLE_ADJECTIVES = re.compile(r"(?:чрезвычайн|полномочн|генеральн|перв|специальн|почетн|почётн"
                               r"|заслуженн|постоянн|верховн)[а-я]*$", re.I)


def _place_then_person(text: str, start: int, end: int, kind: str
                       ) -> list[tuple[int, int, str]]:
    """"Посол Социалистической Республики Вьетнам Фам Дык Лонгом": a place span the tagger ran
    on over the person named after it is a known place followed by a person."""
    if kind != "LOC":
        return [(start, end, kind)]
    words = list(re.finditer(r"\S+", text[start:end]))
    if len(words) < 3:
        return [(start, end, kind)]
    lexicon = place_lexicon()
    for size in range(len(words) - 1, 0, -1):
        head_end = start + words[size - 1].end()
        head = phrase_nominative(text[start:head_end])
        if fold(head) in lexicon or fold(text[start:head_end]) in lexicon:
            rest = words[size:]
            if 1 <= len(rest) <= 4 and all(w.group()[:1].isupper() for w in rest):
                return [(start, head_end, "LOC"), (start + rest[0].start(), end, "PER")]
            break
    return [(start, end, kind)]


def _person_without_title(text: str, start: int, end: int, kind: str
                          ) -> tuple[int, int, str] | None:
    """A person span without the title words glued before the name; None when nothing of a
    name is left ("Чрезвычайный" tagged as a person)."""
    if kind != "PER":
        return start, end, kind
    while start < end:
        match = re.match(r"([А-ЯЁа-яё-]+)\s+", text[start:end])
        if match is None:
            break
        word = match.group(1)
        if _TITLE_START.fullmatch(word) or _TITLE_ADJECTIVES.match(word) or word == "и":
            start += match.end()
            continue
        break
    surface = text[start:end]
    if not re.search(r"[А-ЯЁA-Z]", surface):
        return None
    if _TITLE_START.fullmatch(surface) or _TITLE_ADJECTIVES.match(surface) or \
            _is_common_word(surface):
        return None
    return start, end, kind


def _is_common_word(word: str) -> bool:
    """A single dictionary adjective or participle ("Чрезвычайный"), never a name."""
    if " " in word or "." in word or not re.fullmatch(r"[А-ЯЁ][а-яё-]+", word):
        return False
    from coopnode.extract.ru_morph import _parses

    parses = _parses(word.lower())
    return bool(parses) and parses[0].is_known and parses[0].tag.POS in ("ADJF", "PRTF") and \
        not {"Name", "Surn", "Patr", "Geox"} & set(parses[0].tag.grammemes)


_PREPOSITION_CASES = {"с": "ablt", "со": "ablt", "между": "ablt", "к": "datv", "ко": "datv",
                      "у": "gent", "от": "gent", "для": "gent", "без": "gent",
                      "о": "loct", "об": "loct", "обо": "loct", "при": "loct"}


def _preposition_case(text: str, person_start: int) -> str | None:
    """The case a preposition right before a person governs ("встретился с Субраманьямом
    Джайшанкаром" is instrumental)."""
    match = re.search(r"(?<![А-Яа-яЁё])([А-Яа-яЁё]{1,5})\s+\Z", text[max(0, person_start - 8):
                                                                  person_start])
    return _PREPOSITION_CASES.get(match.group(1).lower()) if match else None


# "коллегой из ЮАР Наледи Пандор": a place after the noun does not break the apposition
_APPOSITION_NOUN = re.compile(r"(?<![А-Яа-яЁё-])([а-яё]{3,})(?:\s+из\s+[А-ЯЁ][А-Яа-яЁё-]*)?\s+\Z")


def _apposition_case(text: str, person_start: int) -> str | None:
    """The case of a noun for a person written right before the name ("со своим коллегой
    Субраманьямом Джайшанкаром", "гостю Ли Мину"): the name shares it. Only an animate noun
    with a single singular case counts, so a name the dictionary does not know still gets
    its case from the words around it."""
    match = _APPOSITION_NOUN.search(text[max(0, person_start - 40):person_start])
    if match is None:
        return None
    from coopnode.extract.ru_morph import _parses

    parses = [p for p in _parses(match.group(1)) if p.tag.POS == "NOUN"
              and "anim" in p.tag.grammemes and p.tag.number == "sing" and p.score >= 0.05]
    if not parses or len(parses) != len(_parses(match.group(1))):
        return None                     # the word also reads as something else
    cases = {p.tag.case for p in parses}
    if "accs" in cases and len(cases) == 2:
        cases.discard("accs")           # "коллеги": genitive for an animate noun
    return cases.pop() if len(cases) == 1 else None


def _title_case(text: str, person_start: int) -> str | None:
    """The case of the title written right before a person: the name stands in apposition
    and shares it ("Министр … Н.А.Кутнаева" is nominative, "директору … Хун Лэю" dative)."""
    window_start = max(0, person_start - 160)
    line = text.rfind("\n", window_start, person_start)
    window_start = line + 1 if line != -1 else window_start
    window = text[window_start:person_start]
    for match in _TITLE_START.finditer(window):
        rest = window[match.end():]
        if _TITLE_BREAK.search(rest) or re.search(r"[А-ЯЁ]\.\s?[А-ЯЁ]", rest) or \
                _has_finite_verb(rest):
            continue
        from coopnode.extract.ru_morph import _parses

        for word in match.group().split():
            parses = [p for p in _parses(word.lower()) if p.tag.POS == "NOUN"]
            if not parses:
                continue
            cases = {p.tag.case for p in parses if p.tag.number != "plur"}
            if "accs" in cases and len(cases) == 2:
                cases.discard("accs")              # "Министра": genitive for an animate noun
            return cases.pop() if len(cases) == 1 else None
        return None
    return None


_CHAIN_WORD = re.compile(r"([А-ЯЁа-яё-]+)\s+\Z")
_CHAIN_LIMIT = 6


def _genitive_chain_case(text: str, person_start: int) -> str | None:
    """"от Акима Костанайской области К.И. Аксакалова": a post the title list does not know,
    followed by its genitive tail, stands before initials in apposition.  Walking back over
    the words that can be genitive finds the word before them: a noun for a person ("Министр
    экономики области …") is the post and gives its case; otherwise ("встреча Министра …",
    "от Акима …") the first word of the chain is the post when it can be a person in the
    genitive (or the accusative, which a man's name shares).  Only for initials and a
    surname, whose "-ова"/"-ина" is otherwise read as a woman's nominative."""
    from coopnode.extract.ru_morph import _parses

    position = person_start
    first_of_chain = None
    for _step in range(_CHAIN_LIMIT):
        match = _CHAIN_WORD.search(text, max(0, position - 40), position)
        if match is None:
            return None
        parses = [p for p in _parses(match.group(1).lower()) if p.score >= 0.05]
        if parses and any(p.tag.case == "gent" for p in parses):
            first_of_chain = parses
            position = match.start(1)
            continue
        if first_of_chain is None:
            return None
        if parses and parses[0].tag.POS == "NOUN" and "anim" in parses[0].tag.grammemes:
            cases = {p.tag.case for p in parses if p.tag.POS == "NOUN" and p.tag.number == "sing"}
            return cases.pop() if len(cases) == 1 else None
        if any(p.tag.POS == "NOUN" and "anim" in p.tag.grammemes and p.tag.case == "gent"
               and p.tag.number == "sing" for p in first_of_chain):
            return "gent"
        return None
    return None


def _is_common_noun_org(text: str, start: int, end: int) -> bool:
    """A lone dictionary noun tagged as an organization ("Министерства" = a ministry already
    named) is a reference, not a name; a quoted one ("Маяк") is a name."""
    surface = text[start:end]
    if " " in surface or surface.isupper() or not re.fullmatch(r"[А-ЯЁ][а-яё-]+", surface):
        return False
    if start > 0 and text[start - 1] in "«\"“„'":
        return False
    from coopnode.extract.ru_morph import _parses

    parses = _parses(surface.lower())
    if not parses or not parses[0].is_known:
        return False
    grammemes = set(parses[0].tag.grammemes)
    return parses[0].tag.POS == "NOUN" and not grammemes & {"Name", "Surn", "Patr", "Geox",
                                                             "Orgn", "Trad", "Abbr"}


# Russian compound names of bodies and companies ("Росконгресс", "Ростелеком", "Газпром",
# "Минцифры", "Сбербанк"): one capitalised word built from a state prefix or an industry stem;
# the tagger sometimes reads them as a surname.
_PORTMANTEAU_ORG = re.compile(
    r"(?:Мин(?:цифры|связи|экономразвития|промторг|фин|юст|транс|энерго|обрнауки|здрав|культуры"
    r"|просвещения|сельхоз|обороны|иностранных)"
    r"|[А-ЯЁ][а-яё]*(?:конгресс|банк|пром|телеком|нефть|атом|экспо|холдинг|лизинг|инвест"
    r"|энерго|связь))")


def _make_mention(text: str, tokens: dict[int, tuple[int, str, dict[str, str]]], start: int,
                  end: int, kind: str, head_end: int) -> EntityMention | None:
    surface = text[start:end]
    etype = _NER_TYPES.get(kind)
    if etype is None:
        return None
    abbreviation = None
    if etype != "person":
        match = _PAREN_ABBR.search(surface)
        if match:
            abbreviation = match.group("abbr")
            surface_name = surface[: match.start()]
        else:
            surface_name = surface
        surface_name = re.sub(r"\s*\([^)]*\)\s*", " ", surface_name).strip() \
            if head_end == end else surface_name
        case = _case_at(tokens, start, head_end, text, prefer_last=False)
        name = phrase_nominative(surface_name, case)
    else:
        # a preposition right before the name governs its case; the tagger guesses it
        case = _title_case(text, start) or _apposition_case(text, start) \
            or _preposition_case(text, start) or (
                _genitive_chain_case(text, start) if "." in surface else None)
        if case is None:
            case = _case_at(tokens, start, end, text, prefer_last=True)
            if case in ("gent", "accs") and _reads_as_womans_nominative(surface):
                case = "nomn"   # "Юлия Шапкина рассказала": a woman, not Юлий Шапкин's case
        name = chinese_name_nominative(person_nominative(surface, case), case)
        case = case or _case_of_endings(surface)
        if case in _ENDINGS_OF_CASE:
            name = foreign_name_nominative(surface, name, case)
        name = _keep_indeclinable(surface, name)
    name = " ".join(name.split())
    if etype == "organization" and name[:1].islower():
        name = name[:1].upper() + name[1:]   # "народному правительству СУАР" names a body
    if etype == "person" and _PORTMANTEAU_ORG.fullmatch(name):
        etype = "organization"          # "Росконгресс сообщил": a compound company name
    country = country_of_name(name) if etype != "person" else None
    mention = EntityMention(start, end, surface, type=etype, name=name, country=country,
                            source="natasha")
    if abbreviation:
        mention.abbreviation = abbreviation
    return mention


# --- positions ----------------------------------------------------------------------------------

_TITLE_WORDS = (
    r"(?:первого\s+|первый\s+|первым\s+)?(?:заместител[а-я]*|замминистр[а-я]*|министр[а-я]*"
    r"|премьер-министр[а-я]*|премьер[а-я]*|председател(?:ь|я|ю|ем|е)|вице-премьер[а-я]*"
    r"|вице-президент[а-я]*|президент[а-я]*|генеральн[а-я]+\s+секретар[а-я]*|секретар[а-я]*"
    r"|директор[а-я]*|генеральн[а-я]+\s+директор[а-я]*|посл(?:а|у|ом|е|ы|ов|ам|ами|ах)|посол"
    r"|вице-мэр[а-я]*|вице-министр[а-я]*|мэр[а-я]*|губернатор[а-я]*|глав[аеуыойю]|руководител[а-я]*"
    r"|начальник[а-я]*|советник[а-я]*|пресс-секретар[а-я]*|представител[а-я]*|ректор[а-я]*"
    r"|помощник[а-я]*|уполномоченн[а-я]+|атташе|консул[а-я]*|член[а-я]*|глав[а-я]*|спикер[а-я]*)"
)
_TITLE_START = re.compile(r"(?<![а-яёА-ЯЁ-])" + _TITLE_WORDS + r"(?![а-яё])", re.I)
_TITLE_PERIOD = re.compile(r"\s+(?:в|с)\s+\d{4}(?:\s*[-–—]\s*\d{4})?\s*(?:годах|году|г\.|гг\.)?\s*$")
_TITLE_BREAK = re.compile(r"[.;:!?\n]|\s[-–—]\s|,\s(?![а-яё]+\s+и\s)|\s(?:с|со|к|от|для|у)\s|\s(?:в|на)\s(?=[а-яё])")
_IDIOM_BEFORE_TITLE = re.compile(r"во\s+\Z", re.I)


def find_positions(doc: Doc) -> list[PositionMention]:
    """Titles written right before a person ("заместитель Министра … Антон Алексеев")."""
    text = doc.text
    positions: list[PositionMention] = []
    persons = [m for m in doc.entities if m.type == "person"]
    for person in persons:
        window_start = max(0, person.start - 200)
        window = text[window_start:person.start]
        starts = list(_TITLE_START.finditer(window))
        if not starts:
            continue
        for match in starts:
            between = window[match.start():]
            rest = between[match.end() - match.start():]
            if _TITLE_BREAK.search(rest) or _TITLE_BREAK.search(between[:match.end()
                                                                         - match.start()]):
                continue
            start = window_start + match.start()
            if _IDIOM_BEFORE_TITLE.search(text, max(0, start - 4), start):
                continue                                 # "во главе с …" is not a title
            if any(start <= other.start < person.start for other in persons
                   if other is not person):
                continue                                 # another person's title
            if _has_finite_verb(rest):
                continue                                 # "Председатель … направил приветствие"
            start = window_start + match.start()
            end = person.start
            period = _TITLE_PERIOD.search(text, start, end)
            if period:
                end = period.start()
            honorific = _HONORIFIC_END.search(text, start, end)
            if honorific:
                end = honorific.start()                  # "мэр Маньчжурии господином"
            while end > start and text[end - 1] in " \t,":
                end -= 1
            title_text = text[start:end]
            if not title_text or len(title_text) > 180:
                continue
            positions.append(PositionMention(start, end, title_text,
                                             title=_title_nominative(title_text),
                                             person=person,
                                             organization=_organization_in(doc, start, end)))
            break
    return positions


_HONORIFIC_END = re.compile(r"(?<![А-Яа-яЁё-])(?:господ[а-я]*|госпож[а-я]*|г-н[а-я]*|г-ж[а-я]*"
                            r"|товарищ[а-я]*|мистер[а-я]*|миссис|мадам|сеньор[а-я]*"
                            r"|(?:его|её|ее)\s+превосходительств[а-я]*)\s*\Z", re.I)


def _has_finite_verb(words: str) -> bool:
    """A title is a noun phrase: a verb in the words before the name ("Председатель
    правительства направил приветствие Субраманьяму …") means the title word is a subject."""
    from coopnode.extract.ru_morph import _parses

    for word in re.findall(r"[а-яё]{3,}", words):
        parses = _parses(word)
        if parses and parses[0].tag.POS in ("VERB", "GRND") and parses[0].score >= 0.5:
            return True
    return False


@lru_cache(maxsize=20000)
def _title_nominative(title: str) -> str:
    """First word(s) of a title in the nominative; the genitive tail as written."""
    words = title.split()
    out = []
    for index, word in enumerate(words):
        if index < 2 and re.fullmatch(r"[А-ЯЁа-яё-]+", word) and (
                index == 0 or words[0].lower().startswith(("перв", "генеральн"))):
            out.append(word_nominative(word))
        else:
            out.append(word)
    return " ".join(out)


def _organization_in(doc: Doc, start: int, end: int) -> EntityMention | None:
    """The organization named inside a title, the longest when several."""
    inside = [m for m in doc.entities if m.type == "organization"
              and start <= m.start and m.end <= end]
    if inside:
        return max(inside, key=lambda m: m.end - m.start)
    return None


# --- event triggers -----------------------------------------------------------------------------

_TRIGGERS: list[tuple[EventType, re.Pattern[str]]] = [
    ("signing", re.compile(r"\b(?:подписа[а-я]*|подпишут|подпишет|заключ[иеё]л[аи]?\s+"
                           r"(?:соглашени|договор|контракт|меморандум)[а-я]*)", re.I)),
    ("meeting", re.compile(r"\b(?:встреч[аеиуы]|встретил[а-я]*|встретятся|переговор[а-я]*"
                           r"|совещани[а-я]*|бесед[аеуы]|телефонн[а-я]+\s+разговор[а-я]*"
                           r"|видеоконференци[а-я]*|консультаци[а-я]*)", re.I)),
    ("visit", re.compile(r"\b(?:визит[а-я]*|посетил[а-я]*|посетит|посетят|посещени[а-я]*"
                         r"|прибыл[а-я]*|прибудут|прибудет|приед[её]т|приедут|поездк[а-я]*"
                         r"|командировк[а-я]*"
                         r"|ознакомительн[а-я]+\s+тур[а-я]*)", re.I)),
    ("ceremony", re.compile(r"\b(?:церемони[а-я]*|открыти[а-я]+|торжественн[а-я]+\s+"
                            r"(?:открыти|запуск)[а-я]*|запуск[а-я]*|инаугураци[а-я]*"
                            r"|вручени[а-я]*|презентаци[а-я]*)", re.I)),
    ("forum", re.compile(r"\b(?:форум[а-я]*|саммит[а-я]*|конференци[а-я]*|выставк[а-я]*"
                         r"|экспо\b|ЭКСПО|заседани[а-я]*|сесси[а-я]*|съезд[а-я]*|конгресс[а-я]*"
                         r"|ярмарк[а-я]*|симпозиум[а-я]*)", re.I)),
    ("approval", re.compile(r"\b(?:одобрени[а-я]*|одобрил[а-я]*|утвердил[а-я]*|утвержд[её]н[а-я]*"
                            r"|присвоен[а-я]*|присвоил[а-я]*|аккредит[а-я]*|получил[а-я]*\s+"
                            r"статус[а-я]*)", re.I)),
    # taking over a chairmanship is an event; "под председательством X", "председательствовал"
    # only say who chaired some other event
    ("other", re.compile(r"\b(?:(?:заня|приня|переня|взя|переда)(?:л|ла|ли|ло|ет|ют|ст|дут)\s+"
                         r"(?:на\s+себя\s+)?председательств[а-я]*|председательств[оа]\s+"
                         r"(?:перешло|переходит|перейд[её]т)|вступил[а-я]*\s+в\s+силу)", re.I)),
]
_PLANNED = re.compile(r"\b(?:состоится|состоятся|пройд[её]т|пройдут|планиру[а-я]+"
                      r"|запланирован[а-я]*|предстоящ[а-я]+|будет|будут|намерен[а-я]*"
                      r"|намечен[а-я]*|прибудут|прибудет|приед[её]т|приедут|посетит|посетят"
                      r"|подпишут|подпишет"
                      r"|встретятся|откроется|откроют)", re.I)
_PLANNED_WINDOW = 120


_MULTILATERAL = re.compile(r"\w*\s+(?:[а-яё]+\s+){0,2}(?:министров|руководителей|глав|лидеров"
                          r"|представителей)\b[^.;]{0,120}\b(?:стран|государств)", re.I)


def find_triggers(doc: Doc) -> list[EventTrigger]:
    """Words that report an event; ``planned_hint`` when the clause announces it as coming."""
    text = doc.text
    triggers: list[EventTrigger] = []
    for etype, pattern in _TRIGGERS:
        for match in pattern.finditer(text):
            sentence = doc.sentence_of(match.start())
            lo = max(sentence.start if sentence else 0, match.start() - _PLANNED_WINDOW)
            hi = min(sentence.end if sentence else len(text), match.end() + _PLANNED_WINDOW)
            planned = bool(_PLANNED.search(text, lo, hi))
            if etype == "meeting" and _MULTILATERAL.match(text, match.start(), hi + 200):
                etype_here: EventType = "forum"     # multilateral ministerial meetings
            else:
                etype_here = etype
            triggers.append(EventTrigger(match.start(), match.end(), match.group(), type=etype_here,
                                         planned_hint=planned))
    triggers.sort(key=lambda t: t.start)
    return triggers


# --- agreements ---------------------------------------------------------------------------------

# "Тяньцзиньская декларация", "Казанской декларации": a place adjective names the document
_PLACE_ADJECTIVE = r"(?:[А-ЯЁ][а-яё]+(?:ск|цк)(?:ая|ое|ий|ой|ую|ого|ом|ей)\s+)?"
_AGREEMENT_HEADS: list[tuple[AgreementType, str, str]] = [
    ("memorandum", r"[Мм]еморандум[а-я]*", "Меморандум"),
    ("roadmap", r"[Дд]орожн[а-я]+\s+карт[а-я]*", "Дорожная карта"),
    ("declaration", r"[Дд]екларац[а-я]+", "Декларация"),
    ("declaration", r"(?:[Сс]овместн[а-я]+\s+)?[Кк]оммюнике", "Коммюнике"),
    ("declaration", r"[Сс]овместн[а-я]+\s+заявлени[а-я]*", "Совместное заявление"),
    ("agreement", r"(?:[Мм]ежправительственн[а-я]+\s+)?[Сс]оглашени[а-я]*", "Соглашение"),
    ("contract", r"[Кк]онтракт(?:а|у|ом|е|ы|ов|ам|ами|ах)?|[Дд]оговор(?:а|у|ом|е|ы|ов|ам|ами|ах)?",
     "Договор"),
    # the noun's own case endings only: "Протокольный отдел" is not a protocol
    ("other", r"[Пп]ротокол(?:а|у|ом|е|ы|ов|ам|ами|ах)?|[Пп]рограмм[а-я]+\s+сотрудничеств[а-я]*",
     "Протокол"),
]
_AGREEMENT_TAIL = re.compile(
    r"(?:\s+(?:о|об|по|в|между|на|о\s+взаимопонимании|о\s+сотрудничестве)\s+[^.;:!?\n]*"
    r"|\s+(?:[IVXLC]+\s+|\d{1,3}(?:-?(?:го|й|ого))?\s+)?(?:заседани[яй]|встреч[иу]|переговоров"
    r"|намерений)\s+[^.;:!?\n]*"
    r"|\s*[«\"“][^»\"”\n]{3,120}[»\"”])?")

_TAIL_STOP = re.compile(
    r",|\s(?:между|был[аио]?|подписан[а-я]*|и\s+(?:выразил|отметил|подчеркнул)|который|которая"
    r"|которые|что|сообщает|сообщил[а-я]*|предусматрива[а-я]*|состоялось|станет)\b|\s[-–—]\s")


def find_agreements(doc: Doc) -> list[AgreementMention]:
    """Named agreements: a document word and its subject ("Меморандум о взаимопонимании …")."""
    text = doc.text
    found: list[AgreementMention] = []
    covered = bytearray(len(text) + 1)        # characters already inside an agreement name
    for (atype, _head, label), (head_only, pattern) in zip(_AGREEMENT_HEADS,
                                                          _agreement_patterns(), strict=True):
        if head_only.search(text) is None:
            continue                  # no document word of this kind: skip the slower scan
        for match in pattern.finditer(text):
            tail_match = _AGREEMENT_TAIL.match(text, match.end())
            tail = tail_match.group() if tail_match else ""
            tail = _agreement_tail(tail)
            if match.group()[:1].islower() and _GENITIVE_TAIL.match(tail):
                tail = ""                 # "протокола встречи": a paper of a meeting, unnamed
            if not tail.strip() and (match.group()[:1].islower()
                                     or _opens_sentence(text, match.start())):
                continue                  # "подписали договор": an unnamed document
            if _counted(text, match.start(), match.group()):
                continue
            end = match.end() + len(tail)
            if covered[match.start()]:
                continue
            covered[match.start():end] = b"\x01" * (end - match.start())
            head_word = match.group()
            title_head = _agreement_head(head_word, label)
            title = (title_head + tail).strip()
            found.append(AgreementMention(match.start(), end, text[match.start():end],
                                          type=atype, title=title))
    found.sort(key=lambda a: a.start)
    return found


@lru_cache(maxsize=1)
def _agreement_patterns() -> tuple[tuple[re.Pattern[str], re.Pattern[str]], ...]:
    """Per document word of ``_AGREEMENT_HEADS``: the bare word, and the word with an optional
    place adjective before it.  Every match of the second contains a match of the first, so a
    text without the bare word is skipped without the slower scan."""
    return tuple(
        (re.compile(r"(?:" + head + r")(?![а-яё])"),
         re.compile(r"(?<![А-ЯЁа-яё])" + _PLACE_ADJECTIVE + r"(?:" + head + r")(?![а-яё])"))
        for _atype, head, _label in _AGREEMENT_HEADS)


_GENITIVE_TAIL = re.compile(r"\s+(?:[IVXLC]+\s+|\d{1,3}\S*\s+)?(?:заседани|встреч|переговор|намерени)")


def _opens_sentence(text: str, start: int) -> bool:
    """A capitalised document word with no subject that starts a sentence ("Протокол был
    подписан …") is capitalised by position, not because it is a title."""
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start].rstrip()
    return not before or before[-1] in ".!?:;\"«"


def _counted(text: str, start: int, word: str) -> bool:
    """Several documents ("Ключевые соглашения", "несколько соглашений", "28 соглашений"):
    a count or a group, not the name of one document."""
    from coopnode.extract.ru_morph import _parses

    parses = [p for p in _parses(word.split()[-1].lower()) if p.tag.POS == "NOUN"]
    if parses and all(p.tag.number == "plur" for p in parses):
        return True
    before = text[max(0, start - 30):start]
    return bool(re.search(r"(?:[Кк]лючев|[Нн]ескольк|[Рр]яд|[Пп]акет|\d)\S*\s+\Z", before))


def _agreement_tail(tail: str) -> str:
    """The subject of a document's title: "о …"/"по …"/"в области …", and the formal
    "между X и Y о …" form, up to a clause boundary."""
    prefix = ""
    if re.match(r"\s+между\s", tail):
        subject = re.search(r"\s(?:о|об)\s", tail)
        if subject is None:
            # "Программа сотрудничества между министерствами … на 2025-2026 годы": the parties
            # and the period are the title when there is no "о …" subject
            stop = _TAIL_STOP.search(tail.replace("между", "      ", 1))
            tail = tail[: stop.start()] if stop else tail
            return _cut_at_coordinated_verb(tail).rstrip()
        prefix, tail = tail[: subject.start()], tail[subject.start():]
        if _TAIL_STOP.search(prefix.replace("между", "", 1)):
            return ""
    stop = _TAIL_STOP.search(tail)
    if stop:
        tail = tail[: stop.start()]
    tail = _cut_at_coordinated_verb(tail).rstrip()
    if not tail.strip():
        return ""
    return prefix + tail


def _cut_at_coordinated_verb(tail: str) -> str:
    """End a title before "… и подписали …": a verb joined by "и" starts a new predicate."""
    from coopnode.extract.ru_morph import _parses

    for match in re.finditer(r"\s(?:и|а также)\s+([а-яё]+)", tail):
        parses = _parses(match.group(1))
        if parses and parses[0].tag.POS in ("VERB", "INFN", "PRTS", "GRND"):
            return tail[: match.start()]
    return tail


def _agreement_head(word: str, label: str) -> str:
    """Nominative of the document word(s), capitalised: "Дорожной карты" -> "Дорожная карта"."""
    if label == "Коммюнике":
        nominative = word
    else:
        nominative = phrase_nominative(word)
    return nominative[:1].upper() + nominative[1:]


# --- the component set ----------------------------------------------------------------------------


class RussianComponents:
    """The Russian implementation of ``LanguageComponents``."""

    language = "ru"

    def sentences(self, doc: Doc) -> list[Span]:
        return split_sentences(doc.text)

    def entities(self, doc: Doc) -> list[EntityMention]:
        return find_entities(doc)

    def positions(self, doc: Doc) -> list[PositionMention]:
        return find_positions(doc)

    def dates(self, doc: Doc) -> list[DateMention]:
        return find_dates(doc)

    def triggers(self, doc: Doc) -> list[EventTrigger]:
        return find_triggers(doc)

    def agreements(self, doc: Doc) -> list[AgreementMention]:
        return find_agreements(doc)


COMPONENTS = RussianComponents()
