"""Coreference scores of the CoNLL reference scorer (v8.01 definitions): MUC, B³, CEAF-e
and CoNLL F1 = their mean. Clusters are sets of hashable mention ids; singletons count.

Written from the definitions (Vilain et al. 1995; Bagga & Baldwin 1998; Luo 2005), and
tested on hand-made cases in ``tests/test_extract_coref_scores.py``.
"""

from __future__ import annotations

from typing import Hashable, Iterable, Sequence

Cluster = frozenset
Clusters = Sequence[frozenset]


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _prf(num_p: float, den_p: float, num_r: float, den_r: float) -> tuple[float, float, float]:
    p = num_p / den_p if den_p else 0.0
    r = num_r / den_r if den_r else 0.0
    return p, r, _f1(p, r)


def _index(clusters: Clusters) -> dict[Hashable, int]:
    return {m: i for i, c in enumerate(clusters) for m in c}


def _muc_side(key: Clusters, response: Clusters) -> tuple[int, int]:
    """(sum of |K| - |partitions of K by the response|, sum of |K| - 1) over key clusters."""
    where = _index(response)
    num = den = 0
    for k in key:
        parts = {where.get(m, ("missing", m)) for m in k}
        num += len(k) - len(parts)
        den += len(k) - 1
    return num, den


def muc(key: Clusters, response: Clusters) -> tuple[float, float, float]:
    """MUC precision, recall, F1 (links; singletons contribute nothing)."""
    nr, dr = _muc_side(key, response)
    np_, dp = _muc_side(response, key)
    return _prf(np_, dp, nr, dr)


def b_cubed(key: Clusters, response: Clusters) -> tuple[float, float, float]:
    """B³ precision, recall, F1, averaged over mentions."""
    k_of = {m: c for c in key for m in c}
    r_of = {m: c for c in response for m in c}
    p_sum = sum(len(c & k_of.get(m, frozenset())) / len(c) for c in response for m in c)
    r_sum = sum(len(c & r_of.get(m, frozenset())) / len(c) for c in key for m in c)
    n_resp = sum(len(c) for c in response)
    n_key = sum(len(c) for c in key)
    return _prf(p_sum, n_resp, r_sum, n_key)


def ceaf_e(key: Clusters, response: Clusters) -> tuple[float, float, float]:
    """Entity-based CEAF: the best one-to-one alignment of clusters under
    phi4(K, R) = 2|K ∩ R| / (|K| + |R|)."""
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    if not key or not response:
        return 0.0, 0.0, 0.0
    r_index = _index(response)
    sim = np.zeros((len(key), len(response)))
    for i, k in enumerate(key):
        for m in k:
            j = r_index.get(m)
            if j is not None:
                sim[i, j] += 1
    for i, k in enumerate(key):
        for j in np.nonzero(sim[i])[0]:
            sim[i, j] = 2 * sim[i, j] / (len(k) + len(response[j]))
    rows, cols = linear_sum_assignment(-sim)
    total = float(sim[rows, cols].sum())
    return _prf(total, len(response), total, len(key))


def conll(key: Iterable[Iterable[Hashable]], response: Iterable[Iterable[Hashable]]) -> dict[str, float]:
    """All three metrics' F1 and their mean, the CoNLL F1."""
    k = [frozenset(c) for c in key if c]
    r = [frozenset(c) for c in response if c]
    out = {"muc": muc(k, r)[2], "b3": b_cubed(k, r)[2], "ceafe": ceaf_e(k, r)[2]}
    out["conll"] = (out["muc"] + out["b3"] + out["ceafe"]) / 3
    return out
