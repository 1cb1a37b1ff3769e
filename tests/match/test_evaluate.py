from __future__ import annotations

from collections import Counter

import numpy as np

from coopnode.match.evaluate import (
    ABLATIONS,
    EVAL_TODAY,
    by_language_pair,
    feature_scores,
    filtered_ranks,
    load_evalset,
    main,
)
from coopnode.match.matcher import DEFAULT_WEIGHTS
from coopnode.refdata.sectors import is_sector


def test_evalset_is_large_trilingual_and_consistent():
    profiles = load_evalset()
    by_id = {p.id: p for p in profiles}
    assert len(profiles) >= 200 and len(by_id) == len(profiles)
    langs = Counter(p.language for p in profiles)
    assert set(langs) == {"ru", "zh", "en"} and min(langs.values()) >= 50
    cross = same = 0
    for p in profiles:
        assert p.sectors and all(is_sector(c) for c in p.sectors), p.id
        assert p.is_active(EVAL_TODAY)
        for pid in p.extra["partners"]:
            partner = by_id[pid]
            assert p.id in partner.extra["partners"], "partners are symmetric"
            assert p.complements(partner)
            cross += partner.language != p.language
            same += partner.language == p.language
        if p.extra["role"] == "distractor":
            assert not p.extra["partners"]
    assert cross > 3 * same
    assert sum(p.extra["role"] == "distractor" for p in profiles) >= 40


def _oracle_vectors(profiles):
    """Partners share a direction, everything else is orthogonal: a perfect text model."""
    root = {p.id: p.id for p in profiles}

    def find(x: str) -> str:
        while root[x] != x:
            x = root[x]
        return x

    for p in profiles:
        for pid in p.extra["partners"]:
            root[find(pid)] = find(p.id)
    groups = {g: i for i, g in enumerate(sorted({find(p.id) for p in profiles}))}
    out = {}
    for p in profiles:
        v = np.zeros(len(groups), dtype=np.float32)
        v[groups[find(p.id)]] = 1.0
        out[p.id] = v
    return out


def test_a_perfect_text_model_scores_recall_and_mrr_of_one():
    profiles = load_evalset()
    scores = feature_scores(profiles, _oracle_vectors(profiles))
    table = by_language_pair(filtered_ranks(profiles, scores, ABLATIONS["text model only"]))
    assert table["all"]["recall@10"] == 1.0 and table["all"]["mrr"] == 1.0
    assert {"ru→zh", "zh→ru", "en→ru"} <= set(table)


def test_constant_scores_rank_partners_in_the_middle_not_first():
    profiles = load_evalset()
    scores = feature_scores(profiles, _oracle_vectors(profiles))
    ranks = filtered_ranks(profiles, scores, {})
    assert all(r.rank > 10 for r in ranks), "ties must not flatter a useless score"


def test_cli_prints_tables_for_the_lexical_encoder(capsys):
    assert main(["--encoders", "lexical"]) == 0
    out = capsys.readouterr().out
    assert "recall@10" in out and "ru→zh" in out and "text model only" in out
    assert DEFAULT_WEIGHTS  # the weights the CLI used are importable for docs
