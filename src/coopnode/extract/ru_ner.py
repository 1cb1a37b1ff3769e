"""Natasha's Russian NER model, run with less work around it and the same answers.

``NewsNERTagger.map`` spends about 40% of its time outside the neural network: it wraps every
razdel token in a record, looks up the word and shape ids of every token again in every
document, decodes the CRF with a fancy-indexing numpy step per token, and then finds every token
in the text a second time to turn tags into character spans.  ``NerRunner`` keeps the parts
that decide the answer untouched - razdel's tokens, the same id look-ups, the same padded
batches of eight chunks into the same slovnet model - and removes the rest:

* razdel's token offsets are used directly (slovnet re-finds each word with ``str.find``, which
  lands on the same offsets because only whitespace separates razdel tokens);
* a word's (word id, shape id) pair is cached, since press releases repeat their vocabulary;
* the Viterbi step takes the maximum with ``max`` instead of indexing by ``argmax`` (the same
  float, without building index grids), and the batch of one is decoded without batch axes.

``tests/extract/test_ru_ner.py`` checks that the spans equal ``NewsNERTagger``'s.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

_WORD_CACHE_LIMIT = 200_000     # distinct words kept; about 30 MB at most


class NerRunner:
    """``NewsNERTagger.map`` for plain (start, stop, type) spans, with less overhead."""

    def __init__(self, tagger: Any):
        infer = tagger.infer
        self.model = infer.model
        self.crf_transitions: np.ndarray = self.model.head.crf.transitions.array
        encoder = infer.encoder
        self.words_vocab = encoder.words_vocab
        self.shapes_vocab = encoder.shapes_vocab
        self.batch_size: int = min(tagger.batch_size, encoder.batch_size)
        self.tags: list[str] = list(infer.decoder.tags_vocab.items)
        self._ids: dict[str, tuple[int, int]] = {}

    def _word_ids(self, word: str) -> tuple[int, int]:
        """(word id, shape id) of a token, as slovnet's ``WordShapeEncoder.item`` gives them."""
        ids = self._ids.get(word)
        if ids is None:
            from slovnet.shape import word_shape  # type: ignore[import-untyped]

            ids = (self.words_vocab.encode(word.lower()),
                   self.shapes_vocab.encode(word_shape(word)))
            if len(self._ids) >= _WORD_CACHE_LIMIT:
                self._ids.clear()
            self._ids[word] = ids
        return ids

    def spans(self, texts: Sequence[str]) -> list[list[tuple[int, int, str]]]:
        """NER spans (start, stop, "PER"/"ORG"/"LOC") of each text, in text order."""
        from razdel import tokenize  # type: ignore[import-untyped]

        tokens = [list(tokenize(text)) for text in texts]
        out: list[list[tuple[int, int, str]]] = []
        for first in range(0, len(texts), self.batch_size):
            batch = tokens[first:first + self.batch_size]
            for item_tokens, tag_ids in zip(batch, self._tag_ids(batch), strict=True):
                out.append(_bio_spans(item_tokens, [self.tags[t] for t in tag_ids]))
        return out

    def _tag_ids(self, batch: list[list[Any]]) -> list[list[int]]:
        """Tag ids of each token list of one batch (padded exactly as slovnet pads it)."""
        pad_word, pad_shape = self.words_vocab.pad_id, self.shapes_vocab.pad_id
        size = max(len(item) for item in batch)
        word_id = np.full((len(batch), size), pad_word)
        shape_id = np.full((len(batch), size), pad_shape)
        for row, item in enumerate(batch):
            if item:
                ids = [self._word_ids(token.text) for token in item]
                word_id[row, :len(item)] = [w for w, _s in ids]
                shape_id[row, :len(item)] = [s for _w, s in ids]
        pad_mask = word_id == pad_word
        emissions = self.model(word_id, shape_id, pad_mask)
        return [viterbi(emissions[row], len(item), self.crf_transitions)
                for row, item in enumerate(batch)]


def viterbi(emissions: np.ndarray, length: int, transitions: np.ndarray) -> list[int]:
    """Best tag path over the first ``length`` positions of ``emissions`` (positions x tags).

    The same sums in the same order as slovnet's ``CRF.decode`` (score + transitions +
    emission), so the same path comes out, ties included (``argmax`` keeps the first).
    """
    if length <= 0:
        return []
    score = emissions[0]
    history = []
    for row in emissions[1:length]:
        step = score[:, None] + transitions
        step += row                              # (score + transition) + emission, as slovnet
        history.append(step.argmax(0))
        score = step.max(0)
    best = int(score.argmax())
    path = [best]
    for indexes in reversed(history):
        best = int(indexes[best])
        path.append(best)
    path.reverse()
    return path


def _bio_spans(tokens: list[Any], tags: list[str]) -> list[tuple[int, int, str]]:
    """Character spans of BIO-tagged tokens, joined exactly as ``slovnet.bio.bio_spans``
    joins them (an I- tag only extends the open span, whatever its type)."""
    spans: list[tuple[int, int, str]] = []
    previous: str | None = None
    start = stop = 0
    for token, tag in zip(tokens, tags, strict=True):
        part, _dash, kind = tag.partition("-")
        if part == "O":
            if previous:
                spans.append((start, stop, previous))
                previous = None
        elif part == "B":
            if previous:
                spans.append((start, stop, previous))
            previous = kind or None
            start, stop = token.start, token.stop
        elif part == "I":
            stop = token.stop
    if previous:
        spans.append((start, stop, previous))
    return spans
