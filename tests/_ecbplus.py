"""The ECB+ documents as plain text lines, and B³-F1 between two clusterings, for tests."""

from __future__ import annotations

import gzip
import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

ECBPLUS = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "ecbplus" / "documents.jsonl.gz"


@dataclass(frozen=True)
class EcbDocument:
    topic: int
    subtopic: str
    doc_id: str
    lines: tuple[str, ...]  # sentences rebuilt from the tokens; the first is the title


def ecb_documents(topics: set[int] | None = None) -> list[EcbDocument]:
    """ECB+ documents (of the given topics, or all), sorted by topic and id; skips the test
    when the data set is not there."""
    if not ECBPLUS.is_file():
        pytest.skip(f"ECB+ documents not found at {ECBPLUS}")
    docs = []
    with gzip.open(ECBPLUS, "rt", encoding="utf-8") as fh:
        for line in fh:
            doc = json.loads(line)
            if topics is not None and doc["topic"] not in topics:
                continue
            sentences: dict[int, list[str]] = {}
            for token in ET.fromstring(doc["xml"]).iter("token"):
                sentences.setdefault(int(token.get("sentence", 0)), []).append(token.text or "")
            lines = [" ".join(sentences[k]) for k in sorted(sentences)]
            if lines and re.match(r"^\s*(https?|www)\b", lines[0]):
                lines.pop(0)  # the source URL, not text
            docs.append(EcbDocument(doc["topic"], doc["subtopic"], doc["doc_id"], tuple(lines)))
    return sorted(docs, key=lambda d: (d.topic, d.doc_id))


def b_cubed_f1(pred: dict[str, str], gold: dict[str, str]) -> float:
    """B³-F1 of a predicted clustering against a gold one (item → cluster label)."""
    pc, gc = Counter(pred.values()), Counter(gold.values())
    both = Counter((pred[k], gold[k]) for k in pred)
    p = sum(both[(pred[k], gold[k])] / pc[pred[k]] for k in pred) / len(pred)
    r = sum(both[(pred[k], gold[k])] / gc[gold[k]] for k in pred) / len(pred)
    return 2 * p * r / (p + r)
