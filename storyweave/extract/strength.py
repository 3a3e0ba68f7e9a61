"""Claim strength: how strongly a sentence states a finding (model ``strength-svm.v2``).

Four classes, after Yu et al. (2019, 2020): ``0`` not a claim, ``1`` correlational
("is associated with"), ``2`` conditional causal, i.e. hedged ("may increase"), ``3`` direct
causal ("increases"). A linear model (a linear SVM, its scores softmaxed) over the sentence's MiniLM vector
(the one annotate already computed), hashed word 1-3-grams and counts of cue words (causal
verbs, correlational phrases, hedges, negation, reporting words; :func:`cue_features`). The
weights are in ``storyweave/data/strength_model.json``, written by
``benchmarks/train_strength.py``.
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

MODEL_FILE = "strength_model.json"
MODEL_NAME = "strength-svm.v2"
#: Hash buckets for word n-grams; collisions are rare at a vocabulary of a few thousand.
BUCKETS = 1 << 18
LABELS = ("not a claim", "correlational", "conditional causal", "direct causal")
_WORD = re.compile(r"[a-z0-9]+(?:['’-][a-z0-9]+)*")

# Cue lexicons of the four classes: general English of science reporting, not any data set's
# phrases. A sentence's counts of each (capped) are features next to the n-grams, so a cue
# seen rarely in training still weighs as its family does.
_CAUSAL = re.compile(
    r"\b(caus(?:e|es|ed|ing)|leads? to|led to|leading to|results? in|resulted in|contributes? to"
    r"|(?:increas|reduc|decreas|rais|improv|lower|boost|prevent|protect|trigger|promot|impair|damag"
    r"|enhanc|affect|driv|worsen|benefit|extend|doubl|tripl|halv|slow|cut|help|mak)\w*)\b")
_CORRELATIONAL = re.compile(
    r"\b(associat\w*|link(?:s|ed)?|correlat\w*|related to|tied to|connected (?:to|with)|more likely"
    r"|less likely|higher risk|lower risk|odds|predict\w*)\b")
_CONDITIONAL = re.compile(
    r"\b(may|might|could|can|possibl\w*|potential\w*|likely|suggest\w*|appear\w*|seem\w*|perhaps"
    r"|indicat\w*)\b", re.I)
_NEGATION = re.compile(r"\b(not|no|never|neither|nor|without)\b|n't\b")
_REPORTING = re.compile(
    r"\b(found|finds?|shows?|shown|showed|reveal\w*|report\w*|demonstrat\w*|conclud\w*|study|studies"
    r"|research\w*|results?|data)\b")
#: How many cue features :func:`cue_features` returns.
CUE_FEATURES = 10


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


def cue_features(text: str) -> np.ndarray:
    """Counts of cue families and their combinations in one sentence.

    Returns:
        :data:`CUE_FEATURES` numbers: causal, correlational, conditional, negation and
        reporting cue counts (each capped at 3); causal with a hedge; causal without hedge
        or correlational phrase; correlational without hedge; a question; length / 40 words.
    """
    low = text.lower()
    causal, corr, cond, neg, rep = (min(len(p.findall(low)), 3) for p in
                                    (_CAUSAL, _CORRELATIONAL, _CONDITIONAL, _NEGATION, _REPORTING))
    return np.array([causal, corr, cond, neg, rep, float(causal > 0 and cond > 0),
                     float(causal > 0 and cond == 0 and corr == 0), float(corr > 0 and cond == 0),
                     float(text.strip().endswith("?")), min(len(low.split()) / 40, 2.0)], dtype=np.float64)


def conditional_cue(text: str) -> str | None:
    """The first hedge word of a sentence ("suggests", "may"), as written, or None."""
    match = _CONDITIONAL.search(text)  # on the text as written, so the cue keeps its case
    return match.group(0) if match else None


class _Model:
    def __init__(self, data: dict[str, Any]) -> None:
        self.intercept = np.asarray(data["intercept"], dtype=np.float64)
        self.dense = np.asarray(data["dense"], dtype=np.float64)  # classes x 384
        self.sparse: dict[int, np.ndarray] = {}
        for bucket, weights in data["sparse"].items():
            self.sparse[int(bucket)] = np.asarray(weights, dtype=np.float64)
        self.vector_scale = float(data.get("vector_scale", 1.0))
        self.cues = np.asarray(data["cues"], dtype=np.float64)  # classes x CUE_FEATURES
        self.cue_scale = float(data.get("cue_scale", 1.0))


@lru_cache(maxsize=1)
def _model() -> _Model:
    try:
        raw = resources.files("storyweave.data").joinpath(MODEL_FILE).read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError) as exc:
        raise ModelMissingError(
            f"the claim-strength model {MODEL_FILE} is missing from the storyweave package; "
            "reinstall storyweave or run benchmarks/train_strength.py"
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
        logits[row] += model.cues @ cue_features(text) * model.cue_scale
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
