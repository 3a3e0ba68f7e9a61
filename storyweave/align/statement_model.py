"""The same-statement judge: a small trained model over pair features.

Two sentences that state the same thing share most of their content words, their
numbers, their names and their polarity, and sit close in embedding space. Each of those
is one feature here; a logistic regression trained on the training part of the Microsoft
Research Paraphrase Corpus (``benchmarks/train_same_statement.py``) weighs them. The
weights ship as JSON in ``storyweave/data/same_statement_model.json``: no pickle, no
download.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from difflib import SequenceMatcher
from functools import lru_cache
from importlib import resources
from typing import Any, Sequence

import numpy as np

from ..errors import ModelMissingError

MODEL_FILE = "same_statement_model.json"
#: The versioned name recorded with results, so a run can be repeated.
MODEL_NAME = "same-statement-lr.v2"

NEGATIONS = frozenset({"not", "no", "never", "n't", "nobody", "nothing", "none", "neither", "nor", "without"})
_STOP = frozenset(
    """a an the and or but of in on at to for from by with as is are was were be been being it its this
    that these those he she they we i you his her their our your has have had do does did will would
    shall should can could may might must than then so such also into over after before about
    said says say told which who whom whose what when where while there here up out if""".split()
)
_TOKEN = re.compile(r"[A-Za-z]+(?:'[a-z]+)?|\d+(?:[.,]\d+)*")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_WORD_NUMBERS = {"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
                 "eight": "8", "nine": "9", "ten": "10", "dozen": "12", "hundred": "100", "thousand": "1000"}


def _stem(word: str) -> str:
    return re.sub(r"(?<=[a-z]{3})(ing|ed|es|s)$", "", word)


# 16,384 sentences (about 30 MB) hold any one story's several times over; 65,536 grew to
# 120 MB on a long run for pairs that never come back.
@lru_cache(maxsize=16384)
def _analyse(text: str) -> dict[str, Any]:
    """Everything the features need from one sentence, computed once."""
    norm = text.replace("’", "'").replace("n't", " n't")
    tokens = _TOKEN.findall(norm)
    lower = [t.lower() for t in tokens]
    content = [_stem(w) for w in lower if w not in _STOP and w not in NEGATIONS]
    # A capitalised word not opening the sentence is most often a name.
    names = {t.lower() for i, t in enumerate(tokens) if i > 0 and t[:1].isupper() and t.lower() not in _STOP}
    numbers = {n.replace(",", "") for n in _NUMBER.findall(norm)} | {_WORD_NUMBERS[w] for w in lower if w in _WORD_NUMBERS}
    squashed = re.sub(r"\s+", " ", text.lower())
    trigrams = Counter(squashed[i : i + 3] for i in range(max(0, len(squashed) - 2)))
    return {
        "lower": lower,
        "content": set(content),
        "content_list": content,
        "names": names,
        "numbers": numbers,
        "negations": sum(w in NEGATIONS for w in lower),
        "tokens": set(lower),
        "trigrams": trigrams,
        "trigram_norm": sum(v * v for v in trigrams.values()),
        "bigrams": {(x, y) for x, y in zip(lower, lower[1:])},
    }


def _dice(a: set[Any], b: set[Any]) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


def _trigram_cosine(x: dict[str, Any], y: dict[str, Any]) -> float:
    """Cosine of two analysed sentences' character trigram counts."""
    a, b = x["trigrams"], y["trigrams"]
    if not a or not b:
        return 0.0
    # the counts are integers, so the dot product is exact whichever side is walked
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    dot = sum(v * large.get(k, 0) for k, v in small.items())
    return dot / math.sqrt(x["trigram_norm"] * y["trigram_norm"])


def _sequence_ratio(x: dict[str, Any], y: dict[str, Any]) -> float:
    """How much of two analysed sentences' content words come in the same order."""
    if not x["content"] & y["content"] and (x["content"] or y["content"]):
        return 0.0  # no word in common, so no matching block: difflib's ratio is 0
    # SequenceMatcher is not symmetric; the larger of both directions keeps the feature so.
    return max(SequenceMatcher(a=x["content_list"], b=y["content_list"], autojunk=False).ratio(),
               SequenceMatcher(a=y["content_list"], b=x["content_list"], autojunk=False).ratio())


FEATURES = (
    "cosine", "cosine_sq", "content_dice", "token_dice", "bigram_dice", "trigram_cosine", "sequence_ratio",
    "unmatched_min", "unmatched_max", "length_ratio", "log_length",
    "numbers_both", "numbers_equal", "numbers_disjoint", "numbers_one_side",
    "names_dice", "names_unmatched", "negation_mismatch",
)


def pair_features(a: str, b: str, cosine: float) -> np.ndarray:
    """The features of one sentence pair, in :data:`FEATURES` order; symmetric in a and b.

    Args:
        a: a sentence.
        b: another sentence.
        cosine: the cosine of their sentence vectors.
    """
    x, y = _analyse(a), _analyse(b)
    ca, cb = x["content"], y["content"]
    unmatched = sorted((len(ca - cb) / len(ca) if ca else 1.0, len(cb - ca) / len(cb) if cb else 1.0))
    la, lb = len(x["lower"]) or 1, len(y["lower"]) or 1
    na, nb = x["numbers"], y["numbers"]
    names_a, names_b = x["names"], y["names"]
    names_unmatched = len(names_a ^ names_b) / max(1, len(names_a | names_b))
    return np.array([
        cosine, cosine * cosine, _dice(ca, cb), _dice(x["tokens"], y["tokens"]), _dice(x["bigrams"], y["bigrams"]),
        _trigram_cosine(x, y), _sequence_ratio(x, y),
        unmatched[0], unmatched[1], min(la, lb) / max(la, lb), math.log(la + lb),
        float(bool(na and nb)), float(bool(na) and na == nb), float(bool(na and nb) and not (na & nb)), float(bool(na) != bool(nb)),
        _dice(names_a, names_b), names_unmatched, float((x["negations"] > 0) != (y["negations"] > 0)),
    ], dtype=np.float64)


class StatementModel:
    """A logistic regression over :func:`pair_features`, read from JSON."""

    def __init__(self, spec: dict[str, Any]) -> None:
        if spec.get("features") != list(FEATURES):
            raise ModelMissingError(f"{MODEL_FILE} was trained on other features; retrain with benchmarks/train_same_statement.py")
        self.mean = np.array(spec["mean"], dtype=np.float64)
        self.scale = np.array(spec["scale"], dtype=np.float64)
        self.weights = np.array(spec["weights"], dtype=np.float64)
        self.bias = float(spec["bias"])
        self.threshold = float(spec["threshold"])

    def probability(self, features: np.ndarray) -> np.ndarray:
        """P(same statement) for rows of features."""
        z = ((np.atleast_2d(features) - self.mean) / self.scale) @ self.weights + self.bias
        return 1.0 / (1.0 + np.exp(-z))

    def score(self, pairs: Sequence[tuple[str, str, float]]) -> np.ndarray:
        """P(same statement) for ``(a, b, cosine)`` triples."""
        if not pairs:
            return np.zeros(0)
        return self.probability(np.stack([pair_features(a, b, c) for a, b, c in pairs]))


@lru_cache(maxsize=1)
def load_model() -> StatementModel:
    """The shipped model.

    Raises:
        ModelMissingError: the weights file is missing or was made for other features.
    """
    try:
        text = resources.files("storyweave").joinpath("data", MODEL_FILE).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError) as exc:
        raise ModelMissingError(
            f"storyweave/data/{MODEL_FILE} is missing; reinstall storyweave or run benchmarks/train_same_statement.py"
        ) from exc
    return StatementModel(json.loads(text))
