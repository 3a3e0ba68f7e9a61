"""Claim strength: how strongly a sentence states a finding (model ``strength-ens.v4``).

Four classes, after Yu et al. (2019, 2020): ``0`` not a claim, ``1`` correlational
("is associated with"), ``2`` conditional causal, i.e. hedged ("may increase"), ``3`` direct
causal ("increases"). A linear SVM over the sentence's MiniLM vector (the one annotate
already computed), hashed word 1-3-grams, counts of cue words (causal verbs, correlational
phrases, hedges, negation, reporting words; :func:`cue_features`) and hashed facts of the
dependency parse (:func:`dependency_features`: the main verb, the verb of the clause the
root governs, modals and negation attached to it). Its scores times a temperature
fitted on cross-validated scores are softmaxed, so the probabilities are calibrated. The
weights are in ``storyweave/data/strength_model.json``, written by
``benchmarks/train_strength.py``.

A second judge reads the sentence whole: all-MiniLM-L6-v2 fine-tuned on the same data
(``storyweave/data/strength_ce.onnx``, ``benchmarks/train_cross_encoder.py``). The
reported probabilities are the two judges' geometric mean, renormalised: grouped 5-fold CV
macro-F1 0.805 against 0.741 for the SVM and 0.769 for the fine-tuned model alone.
"""

from __future__ import annotations

import base64
import json
import re
import zlib
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any, Sequence

import numpy as np

from ..errors import ModelMissingError

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

MODEL_FILE = "strength_model.json"
MODEL_NAME = "strength-ens.v4"
#: The fine-tuned judge (storyweave.cross_encoder).
CROSS_ENCODER_FILE = "strength_ce.onnx"
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

# Lemmas of the main verb that make a finding causal or correlational; modals that hedge it.
_CAUSAL_LEMMAS = frozenset(
    """cause lead result contribute increase reduce decrease raise improve lower boost prevent
    protect trigger promote impair damage enhance affect drive worsen benefit extend double
    triple halve slow cut help make reverse block inhibit kill save induce stimulate suppress
    alter change elevate accelerate delay limit aid treat""".split())
_CORRELATIONAL_LEMMAS = frozenset("associate link correlate relate tie connect predict".split())
_MODALS = frozenset("may might could can would should".split())
#: Value of one dependency fact; tuned with the other weights by grouped CV (0.5 beat 1.0).
DEPENDENCY_WEIGHT = 0.5
_FINAL_PUNCTUATION = (".", "!", "?", '"', "”")


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


def dependency_features(parse: "Doc | Span") -> dict[int, float]:
    """Hashed facts of a sentence's dependency parse, in the n-grams' bucket space.

    The main verb is the root, or the head of the clause the root governs (``ccomp`` or
    ``xcomp``: "the study found that X *increases* Y", the root kept as ``rep``): its lemma,
    tag, whether it is causal or correlational, the modal, negation, passive and complement
    attached to it, and whether a causal verb anywhere carries a modal ("may *increase*").
    Headlines show as sentences without final punctuation.

    Args:
        parse: one parsed sentence (its first sentence is read).

    Returns:
        Bucket → :data:`DEPENDENCY_WEIGHT`.
    """
    keys: list[str] = []
    sentence = next(iter(parse.sents), None)  # type: ignore[union-attr]  # Span.sents: spaCy ≥ 3.2, not in its stub
    if sentence is None:
        return {}
    root = main = sentence.root
    for child in root.children:
        if child.dep_ in ("ccomp", "xcomp") and child.pos_ in ("VERB", "AUX", "ADJ"):
            keys.append("rep=" + root.lemma_.lower())
            main = child
            break
    lemma = main.lemma_.lower()
    keys += [f"root={root.lemma_.lower()}", f"rootpos={root.pos_}", f"main={lemma}",
             f"mainpos={main.pos_}/{main.tag_}", f"maincausal={int(lemma in _CAUSAL_LEMMAS)}",
             f"maincorr={int(lemma in _CORRELATIONAL_LEMMAS)}"]
    for child in main.children:
        if child.dep_ == "aux" and child.lower_ in _MODALS:
            keys += ["mainmodal=" + child.lower_, "mainmodal"]
        elif child.dep_ == "neg":
            keys.append("mainneg")
        elif child.dep_ == "auxpass":
            keys.append("mainpass")
        elif child.dep_ in ("acomp", "attr", "oprd"):
            keys.append("comp=" + child.lemma_.lower())
        elif child.dep_ == "prep":
            keys.append(f"mainprep={lemma}_{child.lower_}")
    for child in root.children:
        if child.dep_ == "aux" and child.lower_ in _MODALS:
            keys.append("rootmodal=" + child.lower_)
        elif child.dep_ == "neg":
            keys.append("rootneg")
    for token in sentence:
        low = token.lemma_.lower()
        if low in _CAUSAL_LEMMAS and any(c.dep_ == "aux" and c.lower_ in _MODALS for c in token.children):
            keys.append("modalcausal")
        if low in _CORRELATIONAL_LEMMAS and token.tag_ == "VBN":
            keys.append("corr_vbn")
    keys.append(f"endpunct={int(sentence.text.rstrip().endswith(_FINAL_PUNCTUATION))}")
    # A prefix no word n-gram can produce keeps these apart from the n-grams' keys.
    return {zlib.crc32(("\x00dep " + k).encode()) % BUCKETS: DEPENDENCY_WEIGHT for k in keys}


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
        classes = len(self.intercept)
        if "sparse_buckets" in data:
            # Base64 little-endian arrays: parsing ~270,000 JSON numbers took most of a second.
            buckets = np.frombuffer(base64.b64decode(data["sparse_buckets"]), dtype="<i4")
            rows = np.frombuffer(base64.b64decode(data["sparse_weights"]), dtype="<f4").astype(np.float64)
        else:  # strength-svm.v2 wrote a JSON object of buckets
            buckets = np.asarray(list(map(int, data["sparse"])), dtype=np.int64)
            rows = np.asarray(list(data["sparse"].values()), dtype=np.float64)
        self.sparse: dict[int, np.ndarray] = dict(zip(buckets.tolist(), rows.reshape(-1, classes)))
        self.vector_scale = float(data.get("vector_scale", 1.0))
        self.cues = np.asarray(data["cues"], dtype=np.float64)  # classes x CUE_FEATURES
        self.cue_scale = float(data.get("cue_scale", 1.0))
        self.temperature = float(data.get("temperature", 1.0))


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


def strength_probabilities(texts: Sequence[str], vectors: np.ndarray,
                           parses: "Sequence[Doc | Span] | None" = None) -> np.ndarray:
    """Class probabilities (rows: sentences; columns: the four :data:`LABELS`): the geometric
    mean of the calibrated SVM's and the fine-tuned cross-encoder's, renormalised.

    Args:
        texts: sentences.
        vectors: their unit-length MiniLM vectors (``storyweave.embed.embed``), one row each.
        parses: their spaCy parses (the sentence spans annotate made); parsed here with
            ``storyweave.nlp.load_nlp()`` when not given.

    Returns:
        An array of shape ``(len(texts), 4)``.
    """
    model = _model()
    if parses is None:
        from ..nlp import load_nlp

        parses = list(load_nlp().pipe(texts)) if texts else []
    vectors = np.asarray(vectors, dtype=np.float64).reshape(len(texts), -1)
    logits = vectors @ model.dense.T * model.vector_scale + model.intercept
    for row, (text, parse) in enumerate(zip(texts, parses)):
        logits[row] += model.cues @ cue_features(text) * model.cue_scale
        features = ngram_features(text)
        features.update(dependency_features(parse))  # on a shared bucket the parse's value wins, as in training
        for bucket, value in features.items():
            weights = model.sparse.get(bucket)
            if weights is not None:
                logits[row] += weights * value
    logits *= model.temperature
    svm = _softmax(logits)
    if not len(texts):
        return svm
    from ..cross_encoder import load

    combined = np.sqrt(svm * _softmax(load(CROSS_ENCODER_FILE).logits(list(texts)).astype(np.float64)))
    return combined / combined.sum(axis=1, keepdims=True)


def _softmax(logits: np.ndarray) -> np.ndarray:
    exp = np.exp(logits - logits.max(axis=1, keepdims=True))
    return exp / exp.sum(axis=1, keepdims=True)


def claim_strength(texts: Sequence[str], vectors: np.ndarray,
                   parses: "Sequence[Doc | Span] | None" = None) -> list[int]:
    """The most likely claim-strength class (0–3) of each sentence (arguments as
    :func:`strength_probabilities`)."""
    return [int(i) for i in strength_probabilities(texts, vectors, parses).argmax(axis=1)]
