"""Evidence for foreign persons' names in Chinese text, independent of jieba.

Why: a foreign name written in Chinese characters has no surname to recognise, and jieba cuts
it where its dictionary ends.  Two kinds of evidence do not depend on the tokenizer: the set
of characters the published transliteration tables use (``data/zh/transliteration.tsv``), and
a name written in Latin letters — either in brackets right after the Chinese rendering
("拉马福萨(Cyril Ramaphosa)"), or alone inside the Chinese sentence ("部长Márcio Rosa表示").
"""

from __future__ import annotations

import re
from functools import lru_cache

from coopnode.extract.wordlists import read_list

# A capitalised Latin word (with the accented letters of Portuguese, Spanish, French, Turkish …).
_WORD = r"[A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿā-ž'’]+(?:-[A-ZÀ-ÖØ-Þa-zß-öø-ÿā-ž][a-zß-öø-ÿā-ž'’]+)?"
# Lower-case particles inside names: Luiz Inácio Lula da Silva, Ursula von der Leyen.
_PARTICLE = r"(?:da|de|do|dos|das|di|du|del|della|la|le|van|von|der|den|ter|bin|ibn|al|el)"
_LATIN_NAME_RE = re.compile(
    rf"{_WORD}(?:[ \u00a0](?:[A-Z]\.[ \u00a0])*(?:{_PARTICLE}[ \u00a0])*{_WORD})+")
# Words that make a capitalised phrase an organization, place or event, not a person.
_NOT_PERSON_WORDS = frozenset("""
Group Company Corporation Corp Ltd Limited Inc Bank University College Institute Academy Ministry
Department Agency Council Committee Commission Association Federation Union Forum Summit Centre
Center Fund Foundation Organization Organisation Republic Kingdom State States Federal National
International Africa America Asia Europe South North East West New Saint City Province Region
Island Islands Park Zone Port Airport Station Office Embassy Parliament Assembly Party Court
Holding Holdings Industries Industrial Technology Technologies Digital Energy Airlines Motors
Network News Agency Times Post Daily Press Media Television Radio Club Cup Games Expo Week Day
Capital Partners Systems Solutions Services Logistics Trading Investment Investments Consulting
Electric Steel Oil Gas Petroleum Auto Pharma Labs Software Telecom Mobile Airways Railways
""".split())


@lru_cache(maxsize=1)
def transliteration_characters() -> frozenset[str]:
    """Every character of the transliteration tables (Russian, English, Arabic … to Chinese)."""
    chars: set[str] = set()
    for line in read_list("zh", "transliteration.tsv"):
        parts = line.split("\t")
        if len(parts) == 3:
            chars.update(c for c in parts[2].strip() if "\u4e00" <= c <= "\u9fff")
    return frozenset(chars)


def latin_person_name(text: str, pos: int) -> tuple[int, int] | None:
    """Span of a Latin-script person's name of two to six words starting at ``pos``.

    A single capitalised word is too weak (it is as often a company or a place), and phrases
    with a word such as Group, Ministry or Republic name no person.
    """
    m = _LATIN_NAME_RE.match(text, pos)
    if m is None:
        return None
    words = re.findall(r"[^\s\u00a0]+", m.group())
    capitalised = [w for w in words if w[:1].isupper()]
    if not 2 <= len(capitalised) <= 6:
        return None
    if any(w.rstrip(".") in _NOT_PERSON_WORDS for w in words):
        return None
    if any(len(w.rstrip(".")) > 1 and w.isupper() for w in words):
        return None  # "BRICS Business Council": acronyms belong to bodies
    return m.start(), m.end()


def latin_gloss(text: str, pos: int) -> tuple[int, int] | None:
    """Span of a bracketed Latin person's name that opens at ``pos`` ("(Cyril Ramaphosa)")."""
    if text[pos:pos + 1] not in {"(", "（"}:
        return None
    k = pos + 1
    while k < len(text) and text[k] in " \u00a0":
        k += 1
    span = latin_person_name(text, k)
    if span is None:
        return None
    close = span[1]
    while close < len(text) and text[close] in " \u00a0":
        close += 1
    if text[close:close + 1] not in {")", "）"}:
        return None
    return pos, close + 1
