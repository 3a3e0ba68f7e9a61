"""group: near-duplicate sets and stories.

Reads annotated articles; adds stories. Near-duplicates are found with MinHash LSH over
word 5-shingles (datasketch). Stories grow one article at a time: an article joins the
story whose centroid it is closest to when the two share named entities too, else it
starts a new story, so a feed can be followed day after day with the same result as a
batch.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Sequence

import numpy as np
from datasketch import MinHash, MinHashLSH

from .extract.entities import COUNTRY_ALIASES, normalise_name
from .model import Annotation, Story

SHINGLE_WORDS = 5
NUM_PERM = 128
#: Jaccard similarity of shingles from which two articles are copies of one text.
DUPLICATE_JACCARD = 0.8
#: A new article joins a story at this centroid cosine when they share entities…
STORY_COSINE = 0.5
#: …and at this cosine whatever the entities.
STORY_COSINE_ALONE = 0.8
#: Share of the smaller entity profile two articles of one story have in common.
STORY_ENTITY_OVERLAP = 0.2
SEED = 1


def _shingles(text: str) -> set[bytes]:
    words = re.findall(r"\w+", text.lower())
    return {" ".join(words[i : i + SHINGLE_WORDS]).encode() for i in range(max(1, len(words) - SHINGLE_WORDS + 1))}


def near_duplicates(annotations: Sequence[Annotation]) -> dict[str, str]:
    """Each article that copies an earlier one, mapped to the first article it copies."""
    lsh = MinHashLSH(threshold=DUPLICATE_JACCARD, num_perm=NUM_PERM)
    duplicate_of: dict[str, str] = {}
    order: dict[str, int] = {}
    for i, ann in enumerate(annotations):
        if ann.article.id in order:
            duplicate_of.setdefault(ann.article.id, ann.article.id)
            continue
        m = MinHash(num_perm=NUM_PERM, seed=SEED)
        for s in _shingles(ann.article.text):
            m.update(s)
        matches = [k for k in lsh.query(m)]
        if matches:
            first = min(matches, key=lambda k: order[k])
            duplicate_of[ann.article.id] = duplicate_of.get(first, first)
        lsh.insert(ann.article.id, m)
        order[ann.article.id] = i
    return duplicate_of


def _profile(ann: Annotation) -> set[str]:
    names = set()
    for m in ann.mentions:
        if m.label in ("PERSON", "GPE", "ORG", "LOC", "FAC", "EVENT"):
            key = normalise_name(m.text)
            key = COUNTRY_ALIASES.get(key, key)
            if key:
                names.add(key.split()[-1] if m.label == "PERSON" else key)
    return names


def article_vector(ann: Annotation) -> np.ndarray:
    """The article's direction: its title and lead sentences weigh most."""
    if not len(ann.sentences):
        return np.zeros(384, dtype=np.float32)
    weights = np.array([1.0 / (1 + i / 3) for i in range(len(ann.sentences))], dtype=np.float32)
    v = (ann.vectors * weights[:, None]).sum(axis=0)
    return v / max(float(np.linalg.norm(v)), 1e-9)


@dataclass
class _StoryState:
    id: str
    articles: list[str] = field(default_factory=list)
    total: np.ndarray = field(default_factory=lambda: np.zeros(384, dtype=np.float32))
    entities: set[str] = field(default_factory=set)


def group(annotations: Sequence[Annotation]) -> list[Story]:
    """Stories of the given articles, in order of their first article.

    Args:
        annotations: annotated articles in arrival order.

    Returns:
        Stories with their articles and near-duplicate map.
    """
    duplicate_of = near_duplicates(annotations)
    stories: list[_StoryState] = []
    seen: set[str] = set()
    for ann in annotations:
        if ann.article.id in seen:
            continue
        seen.add(ann.article.id)
        vector = article_vector(ann)
        profile = _profile(ann)
        best, best_score = None, -1.0
        for story in stories:
            centroid = story.total / max(float(np.linalg.norm(story.total)), 1e-9)
            cosine = float(centroid @ vector)
            overlap = len(profile & story.entities) / max(1, min(len(profile), len(story.entities)))
            fits = cosine >= STORY_COSINE_ALONE or (cosine >= STORY_COSINE and overlap >= STORY_ENTITY_OVERLAP)
            if ann.article.id in duplicate_of and duplicate_of[ann.article.id] in story.articles:
                fits, cosine = True, 2.0
            if fits and cosine > best_score:
                best, best_score = story, cosine
        if best is None:
            best = _StoryState("s-" + hashlib.sha1(ann.article.id.encode()).hexdigest()[:10])
            stories.append(best)
        best.articles.append(ann.article.id)
        best.total = best.total + vector
        best.entities |= profile
    out = []
    for s in stories:
        dups = {a: d for a, d in duplicate_of.items() if a in s.articles and a != d}
        out.append(Story(s.id, "", tuple(s.articles), dups))
    return out
