"""Putting Russian names into the nominative without breaking them.

Natasha's span normaliser lemmatises every word of an organization name, which turns
"Министерства связи и информатизации" into "Министерство связь и информатизация".  A Russian
name is a head noun phrase (adjectives + the first noun) followed by a tail that stays in the
genitive whatever the case of the whole name, so only the head is inflected here and the tail
is copied as written.  Persons are inflected word by word (names, patronymics, surnames; an
initial stays as it is).  The case of the phrase is the one all its head words can share,
nominative when possible, so a name already in the nominative is left alone.

pymorphy2 (which natasha ships with) does the inflection; parses are cached per word.
"""

from __future__ import annotations

import re
from functools import lru_cache
from os.path import commonprefix
from typing import Any

_WORD = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*")
_CASE_ORDER = ("nomn", "gent", "datv", "ablt", "loct", "accs")


@lru_cache(maxsize=1)
def morph() -> Any:
    """The pymorphy2 analyser (about 15 MB of dictionaries), loaded once per process.

    Taken through natasha's ``MorphVocab``, which makes pymorphy2 work on Python 3.11.
    """
    from natasha import MorphVocab

    vocab = MorphVocab()
    _remember_known_words(vocab.dictionary)
    return vocab


def _remember_known_words(dictionary: Any) -> None:
    """pymorphy2 looks a word up in its DAWG every time a parse's ``is_known`` is read; the
    rules read it for the same few thousand words again and again, so the answers are kept
    (per word, at most 200,000 of them)."""
    lookup = dictionary.word_is_known
    known: dict[str, bool] = {}

    def word_is_known(word: str, substitutes_compiled: Any = None) -> bool:
        answer = known.get(word)
        if answer is None:
            answer = bool(lookup(word, substitutes_compiled))
            if len(known) < 200_000:
                known[word] = answer
        return answer

    dictionary.word_is_known = word_is_known


@lru_cache(maxsize=50000)
def _parses(word: str) -> tuple[Any, ...]:
    return tuple(morph().parse(word))


def _restore_case(original: str, inflected: str) -> str:
    """Give ``inflected`` the capitalisation pattern of ``original`` (per hyphen part)."""
    if original.isupper() and len(original) > 1:
        return inflected.upper()
    parts_o = original.split("-")
    parts_i = inflected.split("-")
    if len(parts_o) != len(parts_i):
        return inflected[:1].upper() + inflected[1:] if original[:1].isupper() else inflected
    out = []
    for o, i in zip(parts_o, parts_i, strict=True):
        out.append(i[:1].upper() + i[1:] if o[:1].isupper() else i)
    return "-".join(out)


def _is_indeclinable_token(word: str) -> bool:
    """Abbreviations ("КНР") and compound ministry names ("Минцифры", "Минсвязи") do not
    decline; "Минск" (a dictionary word) does."""
    if not _WORD.fullmatch(word) or (word.isupper() and len(word) > 1):
        return True
    if word.startswith("Мин") and len(word) > 4:
        parses = _parses(word.lower())
        return not (parses and parses[0].is_known)
    return False


def _cases(word: str, pos: tuple[str, ...] | None = None) -> list[str]:
    """Cases a word can be in (singular readings first, by pymorphy's likelihood)."""
    seen: list[str] = []
    parses = _parses(word.lower())
    for sing_first in (True, False):
        for parse in parses:
            tag = parse.tag
            if pos and tag.POS not in pos:
                continue
            if sing_first and tag.number == "plur":
                continue
            if tag.case and tag.case not in seen:
                seen.append(tag.case)
    return seen


def _sing_cases(word: str) -> list[str]:
    seen: list[str] = []
    for parse in _parses(word.lower()):
        if parse.tag.number != "plur" and parse.tag.case and parse.tag.case not in seen:
            seen.append(parse.tag.case)
    return seen


# Nominative endings of the Russian surname types whose oblique forms are safe to undo.
SURNAME_ENDINGS = _SURNAME_ENDINGS = ("ов", "ев", "ёв", "ин", "ын", "ский", "цкий", "ской", "цкой", "ова", "ева",
                    "ёва", "ина", "ына", "ская", "цкая")

UD_CASES = {"Nom": "nomn", "Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt",
            "Loc": "loct"}


def _inflect(word: str, case: str, pos: tuple[str, ...] | None, gender: str | None = None,
             person: bool = False, trusted: bool = False) -> str:
    """``word`` from ``case`` to the nominative (same number and gender), or unchanged."""
    if case == "nomn" or _is_indeclinable_token(word):
        return word
    best = None
    for parse in _parses(word.lower()):
        tag = parse.tag
        if tag.case != case or (pos and tag.POS not in pos):
            continue
        if person and (tag.number == "plur" or {"Geox", "Orgn"} & set(tag.grammemes) and (
                parse.is_known or not trusted)):
            continue            # "Мантурова" is a surname here, not the town Мантурово; a
            # guessed place reading of an unknown word ("Мендешем") only gives its paradigm
        if gender and tag.gender and tag.gender != gender and tag.number != "plur":
            continue
        if person and not ({"Name", "Surn", "Patr"} & set(tag.grammemes)) and best is not None:
            continue
        if tag.number == "plur" and best is not None:
            continue
        best = parse
        if not person or {"Name", "Surn", "Patr"} & set(tag.grammemes):
            if tag.number != "plur":
                break
    if best is None:
        return word
    from pymorphy2.analyzer import Parse  # natasha's MorphForm.inflect wants UD grammemes

    inflected = Parse.inflect(best, {"nomn"})
    if inflected is None:
        return word
    if person and not trusted and not best.is_known and \
            not inflected.word.endswith(_SURNAME_ENDINGS):
        return word             # a guessed paradigm: "Расулзода" is not a case of "Расулзод"
    if person and _IMPOSSIBLE_SPELLING.search(inflected.word):
        return word             # a guess no Russian word is spelt like: "Ханьхуэйем" -> "…йь"
    return _restore_case(word, inflected.word)


_IMPOSSIBLE_SPELLING = re.compile(r"[аеёиоуыэюяйь]ь|ьй|^ь")


def _shared_case(words: list[str], pos: tuple[str, ...] | None = None) -> str:
    """The case every word can be in: nominative if possible, else the head's likeliest."""
    declinable = [w for w in words if not _is_indeclinable_token(w)]
    if not declinable:
        return "nomn"
    options = [_cases(w, pos) for w in declinable]
    options = [o for o in options if o]
    sing = [_sing_cases(w) for w in declinable]
    if all(sing):                       # a name is singular unless only a plural reading fits
        options = sing
    if not options:
        return "nomn"
    common = [c for c in options[-1] if all(c in o for o in options)]
    if "nomn" in common:
        return "nomn"
    if common:
        return common[0]
    return options[-1][0]


@lru_cache(maxsize=20000)
def person_nominative(name: str, case: str | None = None) -> str:
    """"Романа Головченко" -> "Роман Головченко", "А.У.Мамина" -> "А.У.Мамин".

    ``case`` (a pymorphy case such as "gent") is the case the context shows, when a tagger
    knows it; otherwise the case all words can share is taken.
    """
    tokens = re.findall(r"[^\s]+", name)
    words: list[str] = []
    for token in tokens:
        tail = token.rsplit(".", 1)[-1]         # the surname after initials "А.У.Мамина"
        if _WORD.fullmatch(tail) and len(tail) > 1:
            words.append(tail)
    # the instrumental endings (-ом/-ем, -ой/-ей) of a name the dictionary does not know are
    # safe to undo when the context shows the case ("с Нарендрой Моди")
    trusted_context = case == "ablt"
    if case is None and len(words) >= 2 and re.search(r"(?:ов|ев|ёв|ин|ын|ск)ым$", words[-1]):
        # "Нурымбетом Сактагановым": a surname's instrumental ending tells the whole name's
        case, trusted_context = "ablt", True
    case = case or _shared_case(words)
    strong = _oblique_first_name(words)
    if strong is not None:
        case = strong             # a known first name shows the case the whole name is in
    first_gender = _first_name_gender(words, case)
    out = []
    index = -1
    for token in tokens:
        head, dot, tail = token.rpartition(".")
        if _WORD.fullmatch(tail) and len(tail) > 1:
            index += 1
            word_case = case
            if case == "nomn":
                # a word that cannot be a singular nominative ("Татьяны") is inflected from its
                # own likeliest case even when the tagger reads the name as nominative
                own = _sing_cases(tail)
                word_case = own[0] if own and "nomn" not in own and _is_name_word(tail) \
                    else "nomn"
                if first_gender == "femn" and index > 0 and tail.lower().endswith(_WOMANS_ENDINGS):
                    word_case = "nomn"   # "Юлия Шапкина": a woman's surname, not "Шапкин"'s
            gender = "femn" if index == 0 and _womans_surname(words, word_case) else None
            if first_gender is not None and index > 0:
                gender = first_gender    # "Юлии Шапкиной" -> "Шапкина"
            inflected = _inflect(tail, word_case, None, person=True, gender=gender,
                                 trusted=strong is not None or trusted_context)
            out.append(f"{head}{dot}{inflected}")
        else:
            out.append(token)
    return " ".join(out)


# Endings of women's surnames ("Шапкина", "Козлова", "Вяземская").
WOMANS_SURNAME_ENDINGS = ("ова", "ева", "ёва", "ина", "ына", "ская", "цкая")
_WOMANS_ENDINGS = WOMANS_SURNAME_ENDINGS + ("ая",)


def _first_name_gender(words: list[str], case: str | None = None) -> str | None:
    """"femn" or "masc" when the first word, read in ``case``, is most likely a first name of
    one gender (Юлия in the nominative, Юлии; Юлия in the genitive is Юлий's), else None."""
    if len(words) < 2:
        return None
    parses = [p for p in _parses(words[0].lower())
              if p.is_known and "Name" in p.tag.grammemes and p.tag.gender in ("masc", "femn")
              and (case is None or p.tag.case == case)]
    best = max(parses, key=lambda p: p.score, default=None)
    if best is None or best.score < 0.6:
        return None
    genders = {best.tag.gender}
    return genders.pop() if len(genders) == 1 else None


def _womans_surname(words: list[str], case: str) -> bool:
    """A surname ending in a hard consonant left as it is in an oblique case ("посла Алоизии
    Вергеттер") is a woman's: a man's would take the case ending ("Вергеттера")."""
    return len(words) >= 2 and case not in ("nomn", "accs") and \
        bool(re.search(r"[бвгджзклмнпрстфхцчшщ]$", words[-1])) and not _is_name_word(words[-1]) \
        and not (case == "ablt" and words[-1].endswith("м"))     # "-ом", "-ым" are endings


def _oblique_first_name(words: list[str]) -> str | None:
    """The case of a known first name that cannot be nominative ("Константина" -> gent)."""
    if len(words) < 2:
        return None
    parses = [p for p in _parses(words[0].lower()) if p.is_known and p.tag.case]
    if not any("Name" in p.tag.grammemes for p in parses):
        return None
    nominative = sum(p.score for p in parses if p.tag.case == "nomn" and p.tag.number != "plur")
    lemmas = {p.normal_form for p in parses if p.tag.number != "plur" and p.tag.case != "nomn"
              and "Name" in p.tag.grammemes}
    if len(lemmas) > 1:
        return None             # "Алоизии": a case of Алоизий or of Алоизия - the context decides
    if nominative < _RARE_READING:           # "Романа" is a female name only in rare texts
        return parses[0].tag.case
    return None


_RARE_READING = 0.15


def _is_name_word(word: str) -> bool:
    """A first name, patronymic or surname the dictionary knows (not a guess from endings:
    "Арсе" or "Расулзода" must stay as written)."""
    return any({"Name", "Surn", "Patr"} & set(p.tag.grammemes) and p.is_known
               for p in _parses(word.lower()))


_ADJ = ("ADJF", "PRTF", "NUMR", "ADJS")
# Heads followed by a proper name in apposition: the name takes the same case.
_APPOSITION_HEADS = frozenset({"республика", "республики", "республике", "республикой",
                               "республику", "королевство", "королевства", "королевстве",
                               "королевством", "княжество", "княжества"})
_NOUN = ("NOUN",)


def _is_noun(word: str) -> bool:
    parses = _parses(word.lower())
    if not parses:
        return False
    return parses[0].tag.POS == "NOUN" or (
        parses[0].tag.POS not in _ADJ and any(p.tag.POS == "NOUN" for p in parses[:2]))


@lru_cache(maxsize=20000)
def phrase_nominative(name: str, case: str | None = None) -> str:
    """Nominative of an organization or place name: inflect the head phrase, keep the tail.

    "Министерством связи и информатизации" -> "Министерство связи и информатизации";
    "Кыргызской Республики" -> "Кыргызская Республика"; "КНР" stays "КНР".
    """
    tokens = name.split()
    if not tokens:
        return name
    head_end = None
    for index, token in enumerate(tokens):
        if _is_indeclinable_token(token):
            if index == 0:
                return name
            break
        if _is_noun(token):
            head_end = index + 1
            break
        if not any(p.tag.POS in _ADJ for p in _parses(token.lower())):
            break
    if head_end is None:
        return name
    head = tokens[:head_end]
    noun = head[-1]
    case = case or _shared_case(head)
    if case == "nomn":
        return name
    noun_parse = next((p for p in _parses(noun.lower()) if p.tag.case == case
                       and p.tag.POS == "NOUN"), None)
    gender = noun_parse.tag.gender if noun_parse is not None else None
    out = [_inflect(word, case, _ADJ, gender=gender) for word in head[:-1]]
    out.append(_inflect(noun, case, _NOUN))
    tail = tokens[head_end:]
    if noun.lower() in _APPOSITION_HEADS and tail and tail[0][:1].isupper() and (
            not _is_indeclinable_token(tail[0]) and _is_noun(tail[0])):
        tail = [_inflect(tail[0], case, _NOUN), *tail[1:]]   # "Республики Индии"
    return " ".join(out + tail)


def word_nominative(word: str) -> str:
    """Nominative singular of one word ("заместителя" -> "заместитель")."""
    if _is_indeclinable_token(word):
        return word
    cases = _cases(word)
    if not cases or "nomn" in cases:
        return word
    return _inflect(word, cases[0], None)


def _name_words(name: str) -> list[str]:
    words = []
    for token in name.split():
        tail = token.rsplit(".", 1)[-1]
        if _WORD.fullmatch(tail) and len(tail) > 1 and not _is_indeclinable_token(tail):
            words.append(tail)
    return words


@lru_cache(maxsize=20000)
def needs_context(name: str, person: bool = False) -> bool:
    """Would the name come out differently depending on its case ("Романа", "Цзиньпина")?

    Only then does the contextual tagger have to decide; an indeclinable name ("Урумчи") or
    one whose case the dictionary settles does not need it.
    """
    words = _name_words(name)
    if not person:
        words = words[:2]
    if not words:
        return False
    if person and _oblique_first_name(words) is not None:
        return False                         # the first name settles it
    options = [_sing_cases(w) or _cases(w) for w in words]
    if person:
        common = [c for c in options[-1] if all(c in o for o in options)]
    else:
        common = options[0]        # an organization's case is its head word's case
    if common and not ("nomn" in common and len(common) > 1):
        return False
    to_nominative = person_nominative if person else phrase_nominative
    readings = {to_nominative(name, case) for case in (common or list(_CASE_ORDER))}
    return len(readings) > 1


def can_be_genitive(name: str) -> bool:
    """Can the first word of ``name`` be genitive singular ("Республики", "Беларуси")?"""
    words = _name_words(name)
    if not words:
        return True
    return "gent" in (_sing_cases(words[0]) or _cases(words[0]))


# Case endings of a name word and the nominative endings they replace.  A foreign name the
# dictionary does not know ("Доваля", "Джайшанкару", "Нарендрой") is declined like a Russian
# noun of its final letter: a consonant stem takes -а/-у/-ом/-е, a stem in -ь or -й takes
# -я/-ю/-ем/-е, a stem in -а or -я takes -ы/-и/-е/-у/-ой/-ей.
_OBLIQUE_ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ом", ("",)), ("ём", ("ь", "й")), ("ем", ("ь", "й", "")), ("ым", ("",)), ("им", ("",)),
    ("ой", ("а",)), ("ою", ("а",)), ("ей", ("я", "а", "ь")),
    ("а", ("",)), ("я", ("ь", "й")), ("у", ("", "а")), ("ю", ("ь", "й", "я")),
    ("е", ("", "а", "ь", "й", "я")), ("ы", ("а",)), ("и", ("я", "а", "ь")),
)
_MIN_STEM = 3


def nominative_candidates(word: str) -> list[str]:
    """Nominatives ``word`` could be an oblique case of, by ending alone ("Доваля" ->
    "Доваль", "Довалй"; "Нарендры" -> "Нарендра").  Most are not words; the caller keeps a
    candidate only when the document itself writes it, which is what makes this safe."""
    out: list[str] = []
    for ending, replacements in _OBLIQUE_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= _MIN_STEM:
            stem = word[: len(word) - len(ending)]
            for replacement in replacements:
                candidate = stem + replacement
                if candidate != word and candidate not in out:
                    out.append(candidate)
    return out


def same_name_word(a: str, b: str) -> bool:
    """Are ``a`` and ``b`` case forms of one name word ("Доваль"/"Доваля"/"Довалем")?
    They share all but their endings, and each ending is a case or nominative ending, so
    "Москва" and "Москвин" (a different suffix) are not."""
    a, b = a.casefold().replace("ё", "е"), b.casefold().replace("ё", "е")
    if a == b:
        return True
    common = len(commonprefix((a, b)))
    if common < _MIN_STEM + 1:
        return False
    return a[common:] in _NAME_TAILS and b[common:] in _NAME_TAILS


_NAME_TAILS = frozenset({"", "ь", "й", "а", "я", "у", "ю", "е", "и", "ы", "ом", "ем", "ым",
                         "им", "ой", "ей", "ою", "ью"})


# The case an (oblique ending, nominative ending) pair shows, when it shows only one.
_ENDING_CASES: dict[tuple[str, str], str] = {
    ("ом", ""): "ablt", ("ём", "ь"): "ablt", ("ём", "й"): "ablt", ("ем", "ь"): "ablt",
    ("ем", "й"): "ablt", ("ем", ""): "ablt", ("ым", ""): "ablt", ("им", ""): "ablt",
    ("ой", "а"): "ablt", ("ою", "а"): "ablt", ("ей", "я"): "ablt", ("ей", "а"): "ablt",
    ("а", ""): "gent", ("я", "ь"): "gent", ("я", "й"): "gent", ("у", ""): "datv",
    ("у", "а"): "accs", ("ю", "ь"): "datv", ("ю", "й"): "datv", ("ю", "я"): "accs",
    ("ы", "а"): "gent", ("и", "я"): "gent", ("и", "а"): "gent",
}


def case_between(oblique: str, nominative: str) -> str | None:
    """The case ``oblique`` is in when ``nominative`` is its nominative ("Джайшанкару",
    "Джайшанкар" -> "datv"); None when the ending fits several cases ("-е")."""
    common = len(commonprefix((oblique, nominative)))
    return _ENDING_CASES.get((oblique[common:], nominative[common:]))


def name_word_nominative(word: str, case: str) -> str:
    """One word of a person's name from a case the document has shown to the nominative,
    trusting the dictionary's guess for an unknown word ("Субраманьяму", datv ->
    "Субраманьям"); unchanged unless the result is a case form of the same word."""
    inflected = _inflect(word, case, None, person=True, trusted=True)
    return inflected if same_name_word(inflected, word) else word
