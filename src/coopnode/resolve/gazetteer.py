"""Find gazetteer names in running text and look names up, in Russian, Chinese and English.

Matching works on tokens: a run of letters/digits is one token, except that every Han character
is a token of its own (Chinese has no spaces, so a name may start at any character).  Each
gazetteer name becomes a sequence of token patterns:

* Russian words of four or more letters match on their stem followed by one inflectional
  ending of the same class (noun or adjective), so "Министерства связи и информатизации
  Республики Беларусь" and "в Урумчи", "Синьцзяна", "Китайской Народной Республики" are found
  without a morphological dictionary; short words and abbreviations match exactly.
* English and other Latin tokens match case-insensitively, on whole words.
* Han characters match exactly and may be adjacent to anything.

A name whose first word is capitalised is not matched where the text has that word all in
lower case ("turkey" the bird, "china" the porcelain); abbreviations keep their capitals.
Hits never overlap; the longest name wins, then the leftmost.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import threading
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from coopnode.refdata.loader import GazetteerEntry, load_gazetteer
from coopnode.resolve.normalize import is_cyrillic, is_han, normalize

_HAN_OR_WORD_RE = re.compile(
    r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[^\W_\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+"
)
# What may stand between two words of one name: spaces, hyphens, quotes, brackets.
_GAP_RE = re.compile(r"[.,\s\-‐‑–—«»\"“”„'’()]{0,4}")
_MAX_GAP = 4

# Russian inflectional endings by declension class.  A word of a name is cut to its stem by
# removing the longest ending of its class; the text may then show any ending of that class.
_NOUN_ENDINGS: frozenset[str] = frozenset({
    "", "а", "я", "о", "е", "и", "ы", "у", "ю", "ь", "й", "ом", "ем", "ой", "ей", "ою",
    "ею", "ам", "ям", "ами", "ями", "ах", "ях", "ов", "ев", "ью", "ия", "ии", "ию", "ией",
    "ие", "ье", "ья", "ьи", "ьей",
})
_ADJECTIVE_ENDINGS: frozenset[str] = frozenset({
    "ий", "ый", "ой", "ая", "яя", "ое", "ее", "ие", "ые", "ого", "его", "ому", "ему", "ым",
    "им", "ом", "ем", "ей", "ую", "юю", "ых", "их", "ыми", "ими",
})
_ADJECTIVE_FINALS: tuple[str, ...] = ("ий", "ый", "ая", "яя", "ое", "ые")
_MIN_STEM = 3
_MAX_ENDING = max(len(e) for e in _NOUN_ENDINGS | _ADJECTIVE_ENDINGS)


def _fold(token: str) -> str:
    return token.casefold().replace("ё", "е")


@dataclass(frozen=True)
class TokenPattern:
    """How one word of a name matches a word of the text."""

    stems: tuple[str, ...]             # case-folded; the whole word when ``endings`` is None
    endings: frozenset[str] | None     # allowed endings after a stem, None = exact word
    capitalised: bool                  # the name writes it with a capital first letter
    upper: bool                        # an abbreviation written in capitals ("КНР", "MIIT")

    def matches(self, token: str, folded: str) -> bool:
        """Whether text word ``token`` (``folded`` = its case-folded form) fits this pattern."""
        if self.endings is None:
            if folded != self.stems[0]:
                return False
        elif not any(
            folded.startswith(stem) and folded[len(stem):] in self.endings for stem in self.stems
        ):
            return False
        if self.upper:
            return token.isupper()
        return True


def _is_adjective(folded: str, single_word: bool) -> bool:
    """Whether a Russian word of a name declines like an adjective ("Народная", "Уйгурский")."""
    if single_word:
        return False  # one-word names are nouns: "Ханой", "Китай", "Дубай"
    return folded.endswith(_ADJECTIVE_FINALS) or folded.endswith(("кие", "ой"))


def _russian_pattern(word: str, single_word: bool = False) -> TokenPattern:
    folded = _fold(word)
    upper = len(word) > 1 and word.isupper()
    capitalised = word[:1].isupper()
    if upper:
        return TokenPattern((folded,), None, capitalised, upper)
    if len(folded) == 3 and capitalised and folded.endswith(("а", "я")):
        return TokenPattern((folded[:2],), _NOUN_ENDINGS - {""}, capitalised, False)  # "Уфа"
    if len(folded) < 4:
        return TokenPattern((folded,), None, capitalised, upper)
    if _is_adjective(folded, single_word):
        return TokenPattern((folded[:-2],), _ADJECTIVE_ENDINGS, capitalised, False)
    if folded.endswith("й") and folded[-2] in "аеоуэюя":
        # "Ханой" → "Ханое", "Китай" → "Китая": only the й alternates.
        return TokenPattern((folded[:-1],), _NOUN_ENDINGS - {""}, capitalised, False)
    for size in range(_MAX_ENDING, 0, -1):
        ending = folded[-size:]
        if ending in _NOUN_ENDINGS and len(folded) - size >= _MIN_STEM:
            # The bare stem is a genitive plural, never wanted for a name, and would turn
            # "Нигерия" into "Нигер".
            stem = folded[:-size]
            return TokenPattern(_with_fleeting_vowel(stem), _NOUN_ENDINGS - {""}, capitalised, False)
    return TokenPattern(_with_fleeting_vowel(folded), _NOUN_ENDINGS, capitalised, False)


def _with_fleeting_vowel(stem: str) -> tuple[str, ...]:
    """The stem, plus the stem without a fleeting е/о before its last consonant.

    "Египет" → "Египта", "камень" → "камня"; the extra stem only ever adds matches of
    real inflected forms, because it must still be followed by an ending.
    """
    vowels = "аеиоуыэюяь"
    if len(stem) >= 4 and stem[-2] in "ео" and stem[-1] not in vowels and stem[-3] not in vowels:
        return (stem, stem[:-2] + stem[-1])
    return (stem,)


def _word_pattern(word: str, single_word: bool = False) -> TokenPattern:
    if any(is_cyrillic(ch) for ch in word):
        return _russian_pattern(word, single_word)
    upper = len(word) > 1 and word.isupper() and word.isalpha()
    return TokenPattern((_fold(word),), None, word[:1].isupper(), upper)


@dataclass(frozen=True)
class NamePattern:
    """A gazetteer name compiled to token patterns."""

    text: str
    lang: str
    entry_index: int
    tokens: tuple[TokenPattern, ...]
    literal: str | None = None         # an all-Han name, matched as a plain substring


@dataclass(frozen=True)
class GazetteerHit:
    """A gazetteer name found in a text: ``text == source[start:end]``."""

    start: int
    end: int
    text: str
    entry: GazetteerEntry
    name: str = ""          # the gazetteer name that matched, in its dictionary form
    lang: str = ""


def tokenize(text: str) -> list[tuple[int, int, str]]:
    """(start, end, token) for every word and every Han character of ``text``."""
    return [(m.start(), m.end(), m.group()) for m in _HAN_OR_WORD_RE.finditer(text)]


def _compile(name: str, lang: str, entry_index: int) -> NamePattern | None:
    words = [token for _, _, token in tokenize(name)]
    if not words:
        return None
    single = len(words) == 1
    literal = "".join(words) if all(is_han(w[0]) for w in words) else None
    patterns = tuple(_word_pattern(w, single) for w in words)
    return NamePattern(name, lang, entry_index, patterns, literal)


def _lookup_keys(folded: str) -> list[str]:
    """Index keys a (case-folded) text token may be filed under: itself and Cyrillic stems."""
    keys = [folded]
    if any(is_cyrillic(ch) for ch in folded):
        for size in range(1, _MAX_ENDING + 1):
            if len(folded) - size >= 2:
                keys.append(folded[:-size])
    return keys


def _head_matches(pattern: NamePattern, token: str, folded: str) -> bool:
    """Does the first word of ``pattern`` match text word ``token`` (capitalisation too)?"""
    head = pattern.tokens[0]
    if not head.matches(token, folded):
        return False
    return not (head.capitalised and not is_han(token[0]) and token.islower())


_START_CACHE_LIMIT = 100_000     # distinct (word, languages) pairs remembered per gazetteer


class Gazetteer:
    """Names of countries, places and organizations, findable in text and by lookup."""

    def __init__(self, entries: Iterable[GazetteerEntry]):
        self._recent_finds: dict[tuple[str, str | None], tuple[GazetteerHit, ...]] = {}
        self._recent_lock = threading.Lock()
        self.entries: list[GazetteerEntry] = list(entries)
        self.by_id: dict[str, GazetteerEntry] = {e.id: e for e in self.entries}
        self._patterns: dict[str, dict[str, list[NamePattern]]] = defaultdict(
            lambda: defaultdict(list)
        )
        self._by_normalized: dict[str, list[tuple[str, int]]] = defaultdict(list)
        self._start_cache: dict[tuple[str, tuple[str, ...]], tuple[NamePattern, ...]] = {}
        self._pair_cache: dict[tuple[str, str | None, tuple[str, ...]],
                               tuple[NamePattern, ...]] = {}
        for index, entry in enumerate(self.entries):
            for name in entry.names:
                self._by_normalized[normalize(name.text)].append((name.lang, index))
                pattern = _compile(name.text, name.lang, index)
                if pattern is not None:
                    for stem in set(pattern.tokens[0].stems):
                        self._patterns[name.lang][stem].append(pattern)

    def _languages(self, lang: str | None) -> list[str]:
        if lang is None or lang not in self._patterns:
            return list(self._patterns)
        # Latin-script names (BRICS, MIIT, Huawei) appear untranslated in Russian and Chinese text.
        return [lang] if lang == "en" else [lang, "en"]

    def _candidates(self, text: str, langs: list[str]) -> list[GazetteerHit]:
        tokens = tokenize(text)
        folded = [_fold(token) for _, _, token in tokens]
        hits: list[GazetteerHit] = []
        langs_key = tuple(langs)
        last = len(tokens) - 1
        for i, (start, _, token) in enumerate(tokens):
            following = tokens[i + 1][2] if i < last else None
            for pattern in self._starting_pair(token, folded[i], following, langs_key):
                if pattern.literal is not None:
                    found = text.startswith(pattern.literal, start)
                    end = start + len(pattern.literal) if found else None
                else:
                    end = self._match_rest(text, tokens, folded, i, pattern)
                if end is not None:
                    entry = self.entries[pattern.entry_index]
                    hits.append(GazetteerHit(
                        start, end, text[start:end], entry, pattern.text, pattern.lang
                    ))
        return hits

    def _starting_pair(self, token: str, folded: str, following: str | None,
                       langs: tuple[str, ...]) -> tuple[NamePattern, ...]:
        """``_starting_with`` narrowed by the next text word: names of several words whose
        second word cannot be ``following`` are dropped (one "Республики" starts dozens of
        "Республика …" names, and the next word rules out all but one or two).  Order and
        repeats are kept; the gap between the words is still checked per position."""
        key = (token, following, langs)
        cached = self._pair_cache.get(key)
        if cached is not None:
            return cached
        starting = self._starting_with(token, folded, langs)
        following_folded = _fold(following) if following is not None else ""
        cached = tuple(
            pattern for pattern in starting
            if pattern.literal is not None or len(pattern.tokens) == 1 or (
                following is not None
                and pattern.tokens[1].matches(following, following_folded))
        )
        if len(self._pair_cache) >= _START_CACHE_LIMIT:
            self._pair_cache.clear()
        self._pair_cache[key] = cached
        return cached

    def _starting_with(self, token: str, folded: str, langs: tuple[str, ...]
                       ) -> tuple[NamePattern, ...]:
        """Patterns that may start at a text word: all-Han literals filed under it, and token
        patterns whose first word matches it (the capitalisation rule included).

        Why cached: the first-word test depends on the word alone, press releases repeat
        their words, and testing every ministry's name against every "Министерства" was most
        of the scan.  Order (language, index key, pattern) and repeats are kept, so the hits
        come out as the uncached scan produced them.
        """
        key = (token, langs)
        cached = self._start_cache.get(key)
        if cached is not None:
            return cached
        keys = [token] if is_han(token[0]) else _lookup_keys(folded)
        found: list[NamePattern] = []
        for lang in langs:
            table = self._patterns[lang]
            for index_key in keys:
                for pattern in table.get(index_key, ()):
                    if pattern.literal is not None or _head_matches(pattern, token, folded):
                        found.append(pattern)
        if len(self._start_cache) >= _START_CACHE_LIMIT:
            self._start_cache.clear()
        self._start_cache[key] = cached = tuple(found)
        return cached

    @staticmethod
    def _match_rest(
        text: str, tokens: list[tuple[int, int, str]], folded: list[str], i: int,
        pattern: NamePattern,
    ) -> int | None:
        """End of ``pattern`` at token ``i`` whose first word is known to match, or None."""
        if i + len(pattern.tokens) > len(tokens):
            return None
        previous_end = tokens[i][1]
        for offset, token_pattern in enumerate(pattern.tokens[1:], start=1):
            start, end, token = tokens[i + offset]
            gap = text[previous_end:start]
            if len(gap) > _MAX_GAP or _GAP_RE.fullmatch(gap) is None:
                return None
            if is_han(token[0]) and gap:
                return None
            if not token_pattern.matches(token, folded[i + offset]):
                return None
            previous_end = end
        # A Latin or Cyrillic name must not end inside a longer word (tokens already ensure it);
        # a Han name may be followed by anything.
        return previous_end

    def find(self, text: str, lang: str | None) -> list[GazetteerHit]:
        """Non-overlapping gazetteer names in ``text``, in text order (longest match chosen).

        The answers for the last few texts are kept: extraction asks for the same text twice
        (the language's components, then the pipeline's gazetteer step)."""
        key = (text, lang)
        with self._recent_lock:
            kept = self._recent_finds.get(key)
        if kept is not None:
            return list(kept)
        found = self._find(text, lang)
        with self._recent_lock:
            if len(self._recent_finds) >= 4:
                self._recent_finds.pop(next(iter(self._recent_finds)))
            self._recent_finds[key] = tuple(found)
        return found

    def _find(self, text: str, lang: str | None) -> list[GazetteerHit]:
        candidates = self._candidates(text, self._languages(lang))
        candidates.sort(key=lambda h: (-(h.end - h.start), h.start, h.entry.id))
        taken: list[tuple[int, int]] = []
        chosen: list[GazetteerHit] = []
        seen_spans: set[tuple[int, int]] = set()
        for hit in candidates:
            if (hit.start, hit.end) in seen_spans:
                continue  # the same words name two entries; keep the first (alphabetical id)
            if any(hit.start < end and start < hit.end for start, end in taken):
                continue
            taken.append((hit.start, hit.end))
            seen_spans.add((hit.start, hit.end))
            chosen.append(hit)
        chosen.sort(key=lambda h: h.start)
        return [_close_quote(text, hit) for hit in chosen]

    def find_all(self, text: str, lang: str | None) -> list[GazetteerHit]:
        """Every gazetteer name matching somewhere in ``text``, overlaps and ambiguities kept."""
        return sorted(self._candidates(text, self._languages(lang)), key=lambda h: (h.start, -h.end))

    def lookup(self, name: str, lang: str | None = None) -> list[GazetteerEntry]:
        """Entries one of whose names is ``name`` (after normalisation, or as an inflected form).

        "Урумчи", "乌鲁木齐" and "Urumqi" all return the Urumqi entry; so does "Синьцзяна".
        Several entries come back when a name is ambiguous.
        """
        key = normalize(name)
        found: list[GazetteerEntry] = []
        for name_lang, index in self._by_normalized.get(key, ()):
            if lang is None or name_lang == lang or name_lang == "en":
                entry = self.entries[index]
                if entry not in found:
                    found.append(entry)
        if found:
            return found
        stripped = name.strip()
        for hit in self.find_all(stripped, lang):
            if hit.start == 0 and hit.end == len(stripped) and hit.entry not in found:
                found.append(hit.entry)
        return found

    def get(self, entry_id: str) -> GazetteerEntry | None:
        return self.by_id.get(entry_id)


_QUOTE_PAIRS: dict[str, str] = {"«": "»", "“": "”", "„": "“", '"': '"'}


def _close_quote(text: str, hit: GazetteerHit) -> GazetteerHit:
    """Take in the closing quote of a name that opens one: «Великий камень» keeps its »."""
    for opening, closing in _QUOTE_PAIRS.items():
        inside = hit.text.count(opening) - (hit.text.count(closing) if opening != closing else 0)
        if opening == closing:
            inside = hit.text.count(opening) % 2
        if inside > 0 and text.startswith(closing, hit.end):
            end = hit.end + len(closing)
            return dataclasses.replace(hit, end=end, text=text[hit.start:end])
    return hit


@functools.cache
def default_gazetteer() -> Gazetteer:
    """The packaged gazetteer, built once per process."""
    return Gazetteer(load_gazetteer())
