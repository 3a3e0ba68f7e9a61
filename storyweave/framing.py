"""Headline framing: how sensational is a headline?

Reads a headline (and, optionally, the article body) and adds a
:class:`HeadlineFraming`: a calibrated ``sensationalism`` score in ``0..1`` and the
human-readable ``signals`` that make it look like a teaser.

The score ("framing-ens.v2") is trained by ``benchmarks/train_framing.py`` on the train
part of the clickbait development set (Chakraborty et al. 2016; see
``/work/shared/data/clickbait/README.md``). It stacks three views of the headline:

1. an n-gram model: a logistic regression (NB-LR) over word 1-2-grams of the lower-cased
   headline (digit runs folded to ``0``), character 2-5-grams, and the hand-written
   signals below (one binary feature each), hashed into ``2**18`` buckets with
   :func:`zlib.crc32` (deterministic across runs and Python versions);
2. a sentence-vector model: a logistic regression over the headline's MiniLM vector
   (:mod:`storyweave.embed`), which knows teaser phrasing the n-grams never saw;
3. a neighbour vote: the share of teasers among the 15 training headlines whose vectors
   (reduced to 128 dimensions, stored as int8 in ``framing_neighbours.npy``) lie closest,
   which catches the templates clickbait sites reuse ("Which … Are You?").

A logistic regression fitted on out-of-fold scores weighs the three, and a small hand-set
boost (:data:`TEASER_PRIOR`) is added for teaser devices the training set barely contains.
N-grams are lower-cased and MiniLM is uncased, so Title Case and sentence case headlines
score alike; shouting in capitals is kept as its own signal. The weights live in
``storyweave/data/framing_model.json`` and are loaded lazily, once.

The signals are reported whatever the score; the score alone decides how sensational the
headline is. With a body, :func:`frame_headline` also checks the headline against the first
paragraphs and reports ``"headline not supported by the body"`` when most of its content
words are missing there; this signal does not change the score.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
import zlib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from ._text import headline_parts

__all__ = ["HeadlineFraming", "frame_headline", "sensationalism", "sensationalism_many"]

MODEL_VERSION = "framing-ens.v2"
N_BUCKETS = 2**18
CHAR_NGRAMS = (2, 5)

# Headline–body gap: only judged when the headline has at least this many content words,
# and reported when fewer than this share of them occur in the first paragraphs.
GAP_MIN_CONTENT_WORDS = 4
GAP_MAX_SUPPORTED_SHARE = 0.34
GAP_LEAD_PARAGRAPHS = 3
GAP_LEAD_WORDS = 200
#: A line shorter than this is a caption, a dateline or a byline, not a paragraph of the lead.
GAP_PARAGRAPH_WORDS = 20

_MODEL_RESOURCE = "data/framing_model.json"
_NEIGHBOURS_RESOURCE = "data/framing_neighbours.npy"

# Hand-set logit boosts (not learned) for teaser devices the training set barely contains:
# its clickbait is BuzzFeed-style, so wire-style teasers such as "Now America will lose its
# sleep... X and Y joined hands" or "..., know what is the agreement?" would otherwise
# score low. Each signal present adds its boost, up to TEASER_PRIOR_CAP. Checked on the
# clickbait evaluation slice (rows i % 10 == 9): accuracy unchanged by the boosts.
TEASER_PRIOR = {
    "threat to the reader": 2.0,
    "know what tease": 2.0,
    "ellipsis": 1.5,
    "vague teaser": 1.5,  # the phrases only, not a bare "this"/"these"
}
TEASER_PRIOR_CAP = 4.0


@dataclass(frozen=True)
class HeadlineFraming:
    """How one headline is framed.

    Attributes:
        headline: The headline as given.
        sensationalism: Calibrated probability-like score in ``0..1`` that the headline is
            a teaser / clickbait rather than a plain news headline.
        signals: Human-readable signals found, in a fixed order, e.g. ``"question"`` or
            ``"ALL CAPS ('MASSIVE')"``.
    """

    headline: str
    sensationalism: float
    signals: tuple[str, ...]


# --------------------------------------------------------------------------- signals

_QUESTION_OPENERS = frozenset(
    "which what why how who whom whose should could would can do does did is are".split()
)
#: ("u" as texting's "you", not the letter of "U.S.", "U.N." or "U-turn")
_SECOND_PERSON = re.compile(
    r"\b(you|your|yours|yourself|yourselves|you're|you'll|you've|you'd|ya|u(?![.-]\w))\b", re.I
)
_ELLIPSIS = re.compile(r"\.\.\.|…|\.\s\.\s\.")
_SUPERLATIVES = frozenset(
    """best worst biggest greatest largest smallest cutest funniest weirdest craziest
    strangest scariest creepiest happiest saddest hottest coolest sweetest prettiest
    ugliest dumbest smartest wildest oddest easiest hardest most least ever ultimate
    perfect""".split()
)
_EMOTIONAL = frozenset(
    """furious fury outrage outraged outrageous shocking shocked shock stunning stunned
    stun amazing amazed incredible unbelievable insane crazy epic adorable hilarious
    horrifying horrific terrifying terrified heartbreaking heartwarming heartbroken
    jaw-dropping mind-blowing awesome awful disgusting gross brutal slams slammed destroys
    destroyed omg wtf lol chills tears cry cried crying creepy genius breathtaking
    devastating devastated sobbing freak freaking freaked panic panicked hysterical
    savage legendary magical mesmerizing glorious bizarre nightmare scandal scandalous
    explosive sensational mortified humiliated humiliating cringe cringeworthy wow""".split()
)
_THREAT = re.compile(
    r"\b(lose (its|their|his|her|your|our) sleep|lose sleep|sleepless nights?|"
    r"before it'?s too late|could (kill|ruin|hurt|harm) you|you could be next|"
    r"is coming for you|stop (doing|eating|using|drinking) |you need to (know|stop|see)|"
    r"will (regret|be shocked|be terrified|be ruined|be doomed)|be warned|beware|"
    r"got into (tension|trouble)|in (big )?tension|alarm bells?|wake-?up call)\b",
    re.I,
)
_ALL_CAPS_WORD = re.compile(r"\b[A-Z][A-Z']{2,}\b")
_CAPS_INTERJECTIONS = frozenset({"OMG", "WOW", "WTF", "LOL", "OMFG", "YES", "NOT", "THIS"})
_KNOW_WHAT = re.compile(
    r"\b(know|find out|see|guess|learn|discover|read|check out|watch|here'?s) "
    r"(what|why|how|who|which|where|when)\b",
    re.I,
)
_NUMBER_LIST = re.compile(
    r"^\s*(?:the |these |here are |only |just |literally )?(\d{1,3}|two|three|four|five|six|"
    r"seven|eight|nine|ten|eleven|twelve|thirteen|fifteen|twenty|fifty|hundred)\s+"
    r"((?:[A-Za-z'-]+\s+){0,2}?(?:things|ways|reasons|times|signs|photos|pictures|pics|"
    r"tweets|facts|questions|people|dogs|cats|animals|struggles|moments|gifs|secrets|"
    r"tricks|tips|hacks|quotes|lessons|rules|habits|foods|products|celebrities|"
    r"problems|mistakes|songs|movies|books|words|places|kids|guys|girls|thoughts|"
    r"truths|feelings|stages|types|kinds|steps|ideas|items|memes|jokes|stories))\b",
    re.I,
)
_VAGUE_TEASER = re.compile(
    r"\b(here'?s (why|what|how|the)|this is (why|what|how)|that'?s why|"
    r"what happened next|what happens next|you won'?t believe|the reason why|"
    r"the truth about|will blow your mind|will make you|can'?t stop|"
    r"nobody (is talking about|knows)|no one (is talking about|knows)|"
    r"is here|are here|just (did|happened|said|made)|joined hands)\b",
    re.I,
)
_VAGUE_THIS = re.compile(r"\b(this|these)\b(?!\s+(week|weekend|year|month|morning|"
                         r"afternoon|evening|season|summer|winter|spring|autumn|fall|"
                         r"time|year's|term|decade|century))", re.I)
_MEDIA_TAG = re.compile(
    r"[\(\[]\s*(video|videos|photos?|pics?|pictures?|watch|graphic|live|gallery|audio|"
    r"listen|viral|must watch|see pics?)\s*[\)\]]|^\s*(watch|video|photos|viral)\s*[:|-]",
    re.I,
)
_CONTRACTIONS = re.compile(r"[’‘`´]")
_DOUBLE_QUOTES = re.compile(r"[“”„«»]")

SIGNAL_NAMES = (
    "question",
    "second person",
    "ellipsis",
    "superlative",
    "emotional word",
    "threat to the reader",
    "ALL CAPS",
    "exclamation",
    "know what tease",
    "number list",
    "vague teaser",
    "media tag",
)


def _normalise(headline: str) -> str:
    text = unicodedata.normalize("NFKC", headline)
    text = _CONTRACTIONS.sub("'", text)
    text = _DOUBLE_QUOTES.sub('"', text)
    return " ".join(text.split())


def _find_signals(text: str) -> list[tuple[str, str]]:
    """Return ``(signal name, human-readable label)`` pairs in :data:`SIGNAL_NAMES` order."""
    found: list[tuple[str, str]] = []
    lower = text.lower()
    words = re.findall(r"[a-z0-9]+(?:[-'][a-z0-9]+)*", lower)

    if "?" in text or (words and words[0] in _QUESTION_OPENERS):
        found.append(("question", "question"))
    m = _SECOND_PERSON.search(text)
    if m:
        found.append(("second person", f"second person ('{m.group(0).lower()}')"))
    if _ELLIPSIS.search(text):
        found.append(("ellipsis", "ellipsis"))
    sup = next((w for w in words if w in _SUPERLATIVES), None)
    if sup:
        found.append(("superlative", f"superlative ('{sup}')"))
    emo = next((w for w in words if w in _EMOTIONAL), None)
    if emo:
        found.append(("emotional word", f"emotional word ('{emo}')"))
    if _THREAT.search(text):
        found.append(("threat to the reader", "threat to the reader"))
    if any(c.islower() for c in text):  # a headline set entirely in capitals is not shouting
        caps = [
            w for w in _ALL_CAPS_WORD.findall(text)
            if len(w.replace("'", "")) >= 5 or w in _CAPS_INTERJECTIONS
        ]
        if caps:
            found.append(("ALL CAPS", f"ALL CAPS ('{caps[0]}')"))
    if "!" in text:
        found.append(("exclamation", "exclamation"))
    if _KNOW_WHAT.search(text):
        found.append(("know what tease", "'know what…' tease"))
    m = _NUMBER_LIST.search(text)
    if m:
        found.append(("number list", f"number list ('{m.group(1)} {m.group(2).split()[-1]}')"))
    m = _VAGUE_TEASER.search(text) or _VAGUE_THIS.search(text)
    if m:
        found.append(("vague teaser", f"vague teaser ('{m.group(0).lower()}')"))
    if _MEDIA_TAG.search(text):
        tag = _MEDIA_TAG.search(text)
        assert tag is not None
        found.append(("media tag", f"media tag ('{tag.group(0).strip()}')"))
    return found


# --------------------------------------------------------------------------- features

_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|[?!…\"]|\.\.\.")
_DIGITS = re.compile(r"\d+")


def _bucket(key: str) -> int:
    return zlib.crc32(key.encode("utf-8")) % N_BUCKETS


def _features(text: str) -> tuple[dict[int, float], list[str]]:
    """Hashed n-gram features and signal names of a normalised headline.

    Each block (words, characters) is binary and scaled to unit L2 norm, so long and
    short headlines weigh alike. Shared by training and inference so that both see the
    exact same features.
    """
    lower = text.lower()
    tokens = [_DIGITS.sub("0", t) for t in _TOKEN.findall(lower)]
    grams = set(tokens)
    padded = ["<s>", *tokens, "</s>"]
    grams.update(f"{a} {b}" for a, b in zip(padded, padded[1:]))
    word_buckets = {_bucket("w:" + g) for g in grams}

    chars = f" {lower} "
    lo, hi = CHAR_NGRAMS
    char_grams = {chars[i : i + n] for n in range(lo, hi + 1) for i in range(len(chars) - n + 1)}
    char_buckets = {_bucket("c:" + g) for g in char_grams}

    feats: dict[int, float] = {}
    for buckets in (word_buckets, char_buckets):
        if buckets:
            value = 1.0 / math.sqrt(len(buckets))
            for b in buckets:
                feats[b] = feats.get(b, 0.0) + value
    signals = [name for name, _ in _find_signals(text)]
    return feats, signals


# --------------------------------------------------------------------------- model


@dataclass(frozen=True)
class _Model:
    bias: float
    weights: dict[int, float]
    signal_weights: dict[str, float]
    embedding_weights: np.ndarray  # (384,)
    embedding_bias: float
    mean: np.ndarray  # (384,) centre of the training vectors
    projection: np.ndarray  # (dims, 384)
    neighbours: np.ndarray  # (n, dims) float32, unit rows (int8 / 127 on disk)
    labels: np.ndarray  # (n,) 0/1
    k: int
    stack: tuple[float, float, float, float]  # n-grams, embedding, neighbours, bias


def _parse_model(data: dict[str, Any], neighbours: np.ndarray) -> _Model:
    if data.get("version") != MODEL_VERSION or data.get("n_buckets") != N_BUCKETS:
        raise ValueError(
            f"framing model is {data.get('version')!r} with {data.get('n_buckets')} buckets; "
            f"this storyweave needs {MODEL_VERSION!r} with {N_BUCKETS}; "
            "rerun benchmarks/train_framing.py"
        )
    scale = float(data["scale"])
    weights: dict[int, float] = {}
    index = 0
    for delta, q in zip(data["index_deltas"], data["values"]):
        index += delta
        weights[index] = q * scale
    knn = data["neighbours"]
    stack = data["stack"]
    return _Model(
        bias=float(data["bias"]),
        weights=weights,
        signal_weights={k: float(v) for k, v in data["signal_weights"].items()},
        embedding_weights=np.array(data["embedding"]["weights"], dtype=np.float64),
        embedding_bias=float(data["embedding"]["bias"]),
        mean=np.array(knn["mean"], dtype=np.float64),
        projection=np.array(knn["projection"], dtype=np.float64),
        neighbours=neighbours[:, :-1].astype(np.float32) / 127.0,
        labels=neighbours[:, -1].astype(np.float64),
        k=int(knn["k"]),
        stack=(float(stack["ngrams"]), float(stack["embedding"]), float(stack["neighbours"]), float(stack["bias"])),
    )


def _resource(name: str) -> Any:
    try:
        return resources.files("storyweave").joinpath(name)
    except (TypeError, ModuleNotFoundError):
        return Path(__file__).parent / name


@lru_cache(maxsize=1)
def _model() -> _Model:
    raw = _resource(_MODEL_RESOURCE).read_text("utf-8")
    with _resource(_NEIGHBOURS_RESOURCE).open("rb") as handle:
        neighbours = np.load(handle, allow_pickle=False)
    return _parse_model(json.loads(raw), neighbours)


def _ngram_logit(text: str, model: _Model) -> float:
    """The n-gram model's logit (NB-LR over hashed n-grams and signals)."""
    feats, signals = _features(text)
    z = model.bias
    w = model.weights
    for b, v in feats.items():
        z += w.get(b, 0.0) * v
    for s in signals:
        z += model.signal_weights.get(s, 0.0)
    return z


def neighbour_logit(vectors: np.ndarray, reference: np.ndarray, labels: np.ndarray, k: int) -> np.ndarray:
    """Smoothed log-odds of the teaser share among each vector's ``k`` nearest references.

    Shared by training and inference. Ties in similarity keep the reference order (a stable
    sort), so the vote is deterministic.
    """
    distances = -(np.atleast_2d(vectors) @ reference.T)
    nearest = np.stack([_first_k(row, k) for row in distances]) if len(distances) else np.zeros((0, k), dtype=np.intp)
    share = (labels[nearest].sum(axis=1) + 0.5) / (k + 1.0)
    return np.log(share / (1.0 - share))


def _first_k(row: np.ndarray, k: int) -> np.ndarray:
    """The first ``k`` of ``np.argsort(row, kind="stable")``, without sorting the whole row
    (a headline's vote is taken among ~14,000 references)."""
    if k >= len(row):
        return np.argsort(row, kind="stable")[:k]
    kth = np.partition(row, k - 1)[k - 1]
    within = np.flatnonzero(row <= kth)  # in index order, so ties keep the reference order
    return within[np.argsort(row[within], kind="stable")[:k]]


def project(vectors: np.ndarray, mean: np.ndarray, projection: np.ndarray) -> np.ndarray:
    """Centre, reduce and re-normalise sentence vectors for the neighbour vote."""
    reduced = (np.atleast_2d(vectors) - mean) @ projection.T
    return reduced / np.maximum(np.linalg.norm(reduced, axis=1, keepdims=True), 1e-12)


def _logits(texts: Sequence[str], model: _Model) -> np.ndarray:
    """Stacked logits of normalised, non-empty headlines (one embedding batch)."""
    from .embed import embed

    vectors = np.asarray(embed(list(texts)), dtype=np.float64)
    ngram = np.array([_ngram_logit(t, model) for t in texts])
    embedding = vectors @ model.embedding_weights + model.embedding_bias
    votes = neighbour_logit(project(vectors, model.mean, model.projection).astype(np.float32),
                            model.neighbours, model.labels, model.k)
    a, b, c, bias = model.stack
    prior = np.array([_teaser_prior(t) for t in texts])
    return a * ngram + b * embedding + c * votes + bias + prior


def _teaser_prior(text: str) -> float:
    boost = 0.0
    for name, _ in _find_signals(text):
        if name == "vague teaser" and not _VAGUE_TEASER.search(text):
            continue
        boost += TEASER_PRIOR.get(name, 0.0)
    return min(boost, TEASER_PRIOR_CAP)


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


# --------------------------------------------------------------------------- public API


def sensationalism(headline: str) -> float:
    """Score how sensational (teaser-like, clickbait) a headline is.

    Args:
        headline: The headline text, in any casing.

    Returns:
        A calibrated probability-like score in ``0..1``, rounded to 4 decimals; ``0.0``
        for an empty or blank headline. Above about 0.5 the headline reads as clickbait.

    Raises:
        ModelMissingError: the sentence-embedding model is not installed.
    """
    return sensationalism_many([headline])[0]


def sensationalism_many(headlines: Sequence[str]) -> list[float]:
    """:func:`sensationalism` of many headlines at once (one embedding batch: faster).

    A headline that joins a teaser to a summary scores as its most sensational part: a
    reader meets the teaser whatever follows it, and the models, trained on one-part
    headlines, read the calm summary as news and let it drown the teaser.

    Args:
        headlines: Headline texts.

    Returns:
        One score per headline, in order.
    """
    texts = [_normalise(h) for h in headlines]
    pieces: list[tuple[int, str]] = []
    for i, text in enumerate(texts):
        if text:
            pieces += [(i, text)] + [(i, part) for part in headline_parts(text)]
    scores = [0.0] * len(texts)
    if pieces:
        logits = _logits([text for _, text in pieces], _model())
        for (i, _), z in zip(pieces, logits):
            scores[i] = max(scores[i], round(_sigmoid(float(z)), 4))
    return scores


_STOPWORDS = frozenset(
    """a an the and or but of to in on at for from by with as is are was were be been being
    it its this that these those he she they we you i his her their our your my me him them
    us not no will would can could may might must shall should has have had do does did
    after before over under into out up down about than then so if new says said say""".split()
)


def _content_words(text: str) -> list[str]:
    words = re.findall(r"[a-z0-9]+", text.lower())
    return [w for w in words if len(w) >= 3 and w not in _STOPWORDS]


def _lead(body: str) -> str:
    """The first :data:`GAP_LEAD_PARAGRAPHS` paragraphs of the story, with the short lines
    before and among them (photo captions, a dateline, a byline) read but not counted: a
    page that opens with two captions and its time stamp still has its lead after them."""
    paragraphs = [p for p in re.split(r"\n\s*\n|\n", body) if p.strip()]
    taken: list[str] = []
    counted = 0
    for p in paragraphs:
        taken.append(p)
        counted += len(p.split()) >= GAP_PARAGRAPH_WORDS
        if counted >= GAP_LEAD_PARAGRAPHS:
            break
    return " ".join(" ".join(taken).split()[:GAP_LEAD_WORDS])


def _body_gap(text: str, body: str) -> bool:
    """True when most of the headline's content words are absent from the body's lead.

    Words match on their first five letters, so "sign" and "signed" or "pact" and "pacts"
    count as found. Conservative: short headlines and empty bodies are never flagged.
    """
    head = set(_content_words(text))
    lead_words = _content_words(_lead(body))
    if len(head) < GAP_MIN_CONTENT_WORDS or len(lead_words) < 10:
        return False
    stems = {w[:5] for w in lead_words}
    supported = sum(1 for w in head if w[:5] in stems)
    return supported / len(head) < GAP_MAX_SUPPORTED_SHARE


def framing_signals(headline: str) -> tuple[str, ...]:
    """The framing signals of a headline (those of :func:`frame_headline` without a body),
    without its score: the words alone, no model."""
    return tuple(label for _, label in _find_signals(_normalise(headline)))


def frame_headline(headline: str, body: str | None = None) -> HeadlineFraming:
    """Rate one headline's framing.

    Args:
        headline: The headline text.
        body: The article text, if known. When given, the signal
            ``"headline not supported by the body"`` is added if most of the headline's
            content words do not occur in the first paragraphs. It does not change the
            score.

    Returns:
        A :class:`HeadlineFraming` with the score of :func:`sensationalism` and the
        signals found. An empty headline gives ``0.0`` and no signals.
    """
    text = _normalise(headline)
    if not text:
        return HeadlineFraming(headline=headline, sensationalism=0.0, signals=())
    signals = list(framing_signals(headline))
    if body and _body_gap(text, body):
        signals.append("headline not supported by the body")
    return HeadlineFraming(
        headline=headline, sensationalism=sensationalism(headline), signals=tuple(signals)
    )
