"""Claim strength: how strongly a sentence states a finding (model ``strength-lr.v1``).

Four classes, after Yu et al. (2019, 2020): ``0`` not a claim, ``1`` correlational
("is associated with"), ``2`` conditional causal, i.e. hedged ("may increase"), ``3`` direct
causal ("increases"). A multinomial logistic regression over the sentence's MiniLM vector
(the one annotate already computed) and hashed word 1-3-grams. The weights are in
``storyweave/data/certainty_model.json``, written by ``benchmarks/train_certainty.py``.
"""

from __future__ import annotations

import json
import re
import zlib
from functools import lru_cache
from importlib import resources
from typing import Any, Sequence

import numpy as np

from ..errors import ModelMissingError

MODEL_FILE = "certainty_model.json"
MODEL_NAME = "strength-lr.v1"
#: Hash buckets for word n-grams; collisions are rare at a vocabulary of a few thousand.
BUCKETS = 1 << 18
LABELS = ("not a claim", "correlational", "conditional causal", "direct causal")
_WORD = re.compile(r"[a-z0-9]+(?:['’-][a-z0-9]+)*")


def ngram_features(text: str) -> dict[int, float]:
    """Hashed, binary word 1-3-grams of a lowercased sentence (CRC32: the same in every
    Python process, unlike ``hash``)."""
    words = _WORD.findall(text.lower())
    out: dict[int, float] = {}
    for n in (1, 2, 3):
        for i in range(len(words) - n + 1):
            key = " ".join(words[i : i + n])
            out[zlib.crc32(key.encode()) % BUCKETS] = 1.0
    return out


class _Model:
    def __init__(self, data: dict[str, Any]) -> None:
        self.intercept = np.asarray(data["intercept"], dtype=np.float64)
        self.dense = np.asarray(data["dense"], dtype=np.float64)  # classes x 384
        self.sparse: dict[int, np.ndarray] = {}
        for bucket, weights in data["sparse"].items():
            self.sparse[int(bucket)] = np.asarray(weights, dtype=np.float64)
        self.vector_scale = float(data.get("vector_scale", 1.0))


@lru_cache(maxsize=1)
def _model() -> _Model:
    try:
        raw = resources.files("storyweave.data").joinpath(MODEL_FILE).read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError) as exc:
        raise ModelMissingError(
            f"the claim-strength model {MODEL_FILE} is missing from the storyweave package; "
            "reinstall storyweave or run benchmarks/train_certainty.py"
        ) from exc
    return _Model(json.loads(raw))


def strength_probabilities(texts: Sequence[str], vectors: np.ndarray) -> np.ndarray:
    """Class probabilities (rows: sentences; columns: the four :data:`LABELS`).

    Args:
        texts: sentences.
        vectors: their unit-length MiniLM vectors (``storyweave.embed.embed``), one row each.

    Returns:
        An array of shape ``(len(texts), 4)``.
    """
    model = _model()
    vectors = np.asarray(vectors, dtype=np.float64).reshape(len(texts), -1)
    logits = vectors @ model.dense.T * model.vector_scale + model.intercept
    for row, text in enumerate(texts):
        for bucket in ngram_features(text):
            weights = model.sparse.get(bucket)
            if weights is not None:
                logits[row] += weights
    logits -= logits.max(axis=1, keepdims=True)
    exp = np.exp(logits)
    return exp / exp.sum(axis=1, keepdims=True)


def claim_strength(texts: Sequence[str], vectors: np.ndarray) -> list[int]:
    """The most likely claim-strength class (0–3) of each sentence."""
    return [int(i) for i in strength_probabilities(texts, vectors).argmax(axis=1)]
