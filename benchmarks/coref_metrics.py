"""Coreference scores: MUC, B³, CEAF-e and their mean, CoNLL F1 (v8.01 definitions).

Clusters are collections of hashable mention ids. A mention missing from the response
counts as a response singleton, and a response mention missing from the key as a key
singleton, as the reference scorer does when both sides hold the same gold mentions.
"""

from __future__ import annotations

from typing import Hashable, Iterable, Sequence

import numpy as np

Cluster = frozenset


def _clusters(groups: Iterable[Iterable[Hashable]]) -> list[frozenset]:
    return [frozenset(g) for g in groups if g]


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def muc(key: Sequence[Iterable[Hashable]], response: Sequence[Iterable[Hashable]]) -> tuple[float, float, float]:
    """Vilain et al. (1995) link-based recall, precision and F1."""
    k, r = _clusters(key), _clusters(response)

    def recall(gold: list[frozenset], other: list[frozenset]) -> float:
        where = {m: i for i, c in enumerate(other) for m in c}
        num = den = 0
        for c in gold:
            parts = {where.get(m, ("alone", m)) for m in c}
            num += len(c) - len(parts)
            den += len(c) - 1
        return num / den if den else 0.0

    rec, prec = recall(k, r), recall(r, k)
    return rec, prec, _f1(prec, rec)


def b_cubed(key: Sequence[Iterable[Hashable]], response: Sequence[Iterable[Hashable]]) -> tuple[float, float, float]:
    """Bagga and Baldwin (1998) mention-based recall, precision and F1."""
    k, r = _clusters(key), _clusters(response)
    key_of = {m: c for c in k for m in c}
    resp_of = {m: c for c in r for m in c}
    mentions = set(key_of) | set(resp_of)
    rec = sum(len(key_of.get(m, {m}) & resp_of.get(m, {m})) / len(key_of.get(m, {m})) for m in mentions)
    prec = sum(len(key_of.get(m, {m}) & resp_of.get(m, {m})) / len(resp_of.get(m, {m})) for m in mentions)
    n = len(mentions) or 1
    return rec / n, prec / n, _f1(prec / n, rec / n)


def ceaf_e(key: Sequence[Iterable[Hashable]], response: Sequence[Iterable[Hashable]]) -> tuple[float, float, float]:
    """Luo (2005) entity-based CEAF with φ4 similarity and an optimal one-to-one alignment."""
    from scipy.optimize import linear_sum_assignment

    k, r = _clusters(key), _clusters(response)
    if not k or not r:
        return 0.0, 0.0, 0.0
    sim = np.array([[2 * len(a & b) / (len(a) + len(b)) for b in r] for a in k])
    rows, cols = linear_sum_assignment(-sim)
    total = float(sim[rows, cols].sum())
    rec, prec = total / len(k), total / len(r)
    return rec, prec, _f1(prec, rec)


def conll(key: Sequence[Iterable[Hashable]], response: Sequence[Iterable[Hashable]]) -> dict[str, float]:
    """MUC, B³ and CEAF-e F1 and their mean (the CoNLL F1)."""
    scores = {"muc": muc(key, response)[2], "b3": b_cubed(key, response)[2], "ceafe": ceaf_e(key, response)[2]}
    scores["conll"] = sum(scores.values()) / 3
    return scores
