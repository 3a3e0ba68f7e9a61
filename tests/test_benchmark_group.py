"""The story-grouping benchmark's per-topic loss (benchmarks/group.py --errors)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from group import b_cubed, loss_by_topic  # noqa: E402


def test_loss_by_topic_counts_each_topics_lost_documents() -> None:
    # Topic 1: the Orsk fire's two reports and the Holm fire's report in one story;
    # topic 2: the Lusk vote's two reports split apart.
    gold = {"orsk-a": "1a", "orsk-b": "1a", "holm-a": "1b", "lusk-a": "2a", "lusk-b": "2a"}
    pred = {"orsk-a": "s1", "orsk-b": "s1", "holm-a": "s1", "lusk-a": "s2", "lusk-b": "s3"}
    topic = {k: 1 if k[0] in "oh" else 2 for k in gold}
    losses = loss_by_topic(pred, gold, topic)
    assert losses[1] == pytest.approx((1 / 3 + 1 / 3 + 2 / 3, 0.0))
    assert losses[2] == pytest.approx((0.0, 0.5 + 0.5))
    # The losses are B³'s, in documents: 1 - P and 1 - R times the number of documents.
    p, r, _ = b_cubed(pred, gold)
    assert sum(lp for lp, _ in losses.values()) == pytest.approx((1 - p) * len(gold))
    assert sum(lr for _, lr in losses.values()) == pytest.approx((1 - r) * len(gold))
