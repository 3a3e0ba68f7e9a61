"""The ECB+ documents, read by the benchmarks' reader, and B³-F1 between two clusterings, for tests."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ECBPLUS = ROOT.parent / "shared" / "data" / "ecbplus" / "documents.jsonl.gz"

# benchmarks/ is a folder of scripts, not a package. Appended, not prepended: its script
# names (group, compare, api …) must not shadow anything the tests import.
if str(ROOT / "benchmarks") not in sys.path:
    sys.path.append(str(ROOT / "benchmarks"))

from ecbplus_data import EcbDocument, read_documents  # noqa: E402


def ecb_documents(topics: set[int] | None = None) -> list[EcbDocument]:
    """ECB+ documents (of the given topics, or all), sorted by topic and id; skips the test
    when the data set is not there."""
    if not ECBPLUS.is_file():
        pytest.skip(f"ECB+ documents not found at {ECBPLUS}")
    return [d for d in read_documents(ECBPLUS.parent) if topics is None or d.topic in topics]


def b_cubed_f1(pred: dict[str, str], gold: dict[str, str]) -> float:
    """B³-F1 of a predicted clustering against a gold one (item → cluster label)."""
    pc, gc = Counter(pred.values()), Counter(gold.values())
    both = Counter((pred[k], gold[k]) for k in pred)
    p = sum(both[(pred[k], gold[k])] / pc[pred[k]] for k in pred) / len(pred)
    r = sum(both[(pred[k], gold[k])] / gc[gold[k]] for k in pred) / len(pred)
    return 2 * p * r / (p + r)
