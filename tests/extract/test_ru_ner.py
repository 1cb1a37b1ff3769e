"""The faster NER runner must find exactly the spans natasha's own tagger finds."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from coopnode.extract.ru_ner import NerRunner, _bio_spans, viterbi

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"

# Written for this test: official prose with persons, bodies and places in several cases.
TEXTS = [
    "Министр связи и информатизации Республики Беларусь Константин Шульган встретился в Минске "
    "с делегацией Народного правительства Синьцзян-Уйгурского автономного района.",
    "В Урумчи прошёл форум цифровой экономики; заместитель Министра Антон Алексеев обсудил с "
    "мэром Сямыня Хуан Вэньхуэем создание совместного центра.",
    "Государственный комитет по науке и технологиям подписал соглашение с компанией «Хуавэй».",
    "Корр.",
    "Без имён и названий: просто короткое предложение о погоде.",
]


@pytest.fixture(scope="module")
def tagger():
    natasha = pytest.importorskip("natasha")
    return natasha.NewsNERTagger(natasha.NewsEmbedding())


def natasha_spans(tagger, texts):
    return [[(s.start, s.stop, s.type) for s in markup.spans] for markup in tagger.map(texts)]


def dev_texts() -> list[str]:
    dev = SHARED / "eval" / "dev"
    return [p.read_text(encoding="utf-8") for p in sorted(dev.glob("ru_*.txt"))]


def test_spans_equal_natashas_one_text_at_a_time(tagger):
    runner = NerRunner(tagger)
    for text in TEXTS:
        assert runner.spans([text]) == natasha_spans(tagger, [text])


def test_spans_equal_natashas_in_padded_batches_longer_than_one_batch(tagger):
    """Texts of different lengths share a padded batch; eleven texts make two batches."""
    texts = (TEXTS * 3)[:11]
    assert NerRunner(tagger).spans(texts) == natasha_spans(tagger, texts)


def test_spans_equal_natashas_on_the_dev_press_releases(tagger):
    texts = dev_texts()
    if not texts:
        pytest.skip("shared/eval/dev is not beside the checkout")
    runner = NerRunner(tagger)
    assert runner.spans(texts) == natasha_spans(tagger, texts)
    assert [runner.spans([t])[0] for t in texts] == natasha_spans(tagger, texts)


def test_viterbi_takes_transitions_into_account():
    """Emissions alone would pick tag 1 twice; a forbidden 1 -> 1 transition splits them."""
    emissions = np.array([[0.0, 1.0], [0.0, 1.0]], dtype=np.float32)
    transitions = np.array([[0.0, 0.0], [0.0, -10.0]], dtype=np.float32)
    assert viterbi(emissions, 2, transitions) in ([0, 1], [1, 0])
    assert viterbi(emissions, 2, np.zeros((2, 2), dtype=np.float32)) == [1, 1]
    assert viterbi(emissions, 0, transitions) == []


class _Token:
    def __init__(self, start: int, stop: int):
        self.start, self.stop = start, stop


def test_bio_tags_join_into_character_spans():
    tokens = [_Token(0, 3), _Token(4, 8), _Token(9, 10), _Token(11, 15), _Token(16, 20)]
    tags = ["B-ORG", "I-ORG", "O", "B-PER", "B-LOC"]
    assert _bio_spans(tokens, tags) == [(0, 8, "ORG"), (11, 15, "PER"), (16, 20, "LOC")]
    assert _bio_spans(tokens[:2], ["O", "I-PER"]) == []       # an I- tag opens nothing
