"""Which language a document is written in.

Script ratios decide between the three big families quickly and robustly on mixed texts (a
Russian release quoting an English name is still Russian); py3langid then names the language
within a script (Russian vs Ukrainian, English vs French).  A Han character carries about as
much as a word, so it weighs more than a Cyrillic or Latin letter.
"""

from __future__ import annotations

from functools import lru_cache

_HAN_WEIGHT = 3
_SAMPLE = 20000


def script_counts(text: str) -> dict[str, int]:
    """Letters per script in ``text``: cyrillic, han, latin, other."""
    counts = {"cyrillic": 0, "han": 0, "latin": 0, "other": 0}
    for ch in text:
        if not ch.isalpha():
            continue
        code = ord(ch)
        if 0x0400 <= code <= 0x052F:
            counts["cyrillic"] += 1
        elif 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0xF900 <= code <= 0xFAFF:
            counts["han"] += 1
        elif code < 0x250 and ch.isascii() or 0xC0 <= code < 0x250:
            counts["latin"] += 1
        else:
            counts["other"] += 1
    return counts


@lru_cache(maxsize=1)
def _langid() -> object | None:
    try:
        import py3langid

        return py3langid
    except ImportError:  # pragma: no cover - declared dependency
        return None


def detect_language(text: str) -> str:
    """ISO 639-1 code of the dominant language, or ``"und"`` when there is no text to judge."""
    sample = text[:_SAMPLE]
    counts = script_counts(sample)
    weighted = {
        "cyrillic": counts["cyrillic"], "han": counts["han"] * _HAN_WEIGHT,
        "latin": counts["latin"], "other": counts["other"],
    }
    if sum(weighted.values()) < 3:
        return "und"
    script = max(weighted, key=lambda key: weighted[key])
    if script == "han":
        return "zh"
    langid = _langid()
    preferred = {"cyrillic": "ru", "latin": "en"}.get(script)
    guess = None
    if langid is not None:
        ranking = langid.rank(sample)  # type: ignore[attr-defined]
        guess, top = ranking[0]
        scores = dict(ranking)
        # A short headline ("Xiamen hosts BRICS forum") is easily taken for Latin or Serbian;
        # the language this network writes in wins unless another is clearly more likely.
        if preferred and preferred in scores and \
                (top - scores[preferred]) / max(len(sample), 1) < _PREFERRED_MARGIN:
            guess = preferred
    if script == "cyrillic":
        return guess if guess in ("ru", "uk", "be", "bg", "sr", "mk", "kk", "ky", "mn") else "ru"
    if script == "latin":
        return guess if guess else "en"
    return guess or "und"


_PREFERRED_MARGIN = 0.1     # log-probability per character
