"""The CoNLL coreference scorer of the benchmarks, on clusterings small enough to score by hand."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from coref_scores import b_cubed, ceaf_e, conll, muc  # noqa: E402


def test_extract_coref_scores_identical_clusterings_score_one():
    key = [{1, 2, 3}, {4, 5}, {6}]
    assert conll(key, key) == {"muc": 1.0, "b3": 1.0, "ceafe": 1.0, "conll": 1.0}


def test_extract_coref_scores_muc_counts_missing_links():
    # key {1,2,3} needs 2 links; the response keeps 1 of them and adds none
    p, r, f = muc([{1, 2, 3}], [{1, 2}, {3}])
    assert (p, r) == (1.0, 0.5) and f == pytest.approx(2 / 3)


def test_extract_coref_scores_b_cubed_by_hand():
    # mention-level: 1,2 -> P 1, R 2/3 ; 3 -> P 1, R 1/3
    p, r, _ = b_cubed([{1, 2, 3}], [{1, 2}, {3}])
    assert p == 1.0 and r == pytest.approx((2 / 3 + 2 / 3 + 1 / 3) / 3)


def test_extract_coref_scores_ceaf_e_aligns_clusters_one_to_one():
    # phi4({1,2,3},{1,2}) = 4/5 is the best single alignment; 1 key cluster, 2 response clusters
    p, r, _ = ceaf_e([{1, 2, 3}], [{1, 2}, {3}])
    assert r == pytest.approx(0.8) and p == pytest.approx(0.4)


def test_extract_coref_scores_all_in_one_cluster_is_penalised_by_precision():
    key = [{1}, {2}, {3}, {4}]
    scores = conll(key, [{1, 2, 3, 4}])
    assert scores["muc"] == 0.0 and scores["b3"] < 0.5 and scores["conll"] < 0.5
