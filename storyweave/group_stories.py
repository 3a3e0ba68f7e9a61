"""Incremental story grouping: each new article joins its best candidate story or starts one.

An article is never compared with every other article. Its heaviest terms, names and
years are looked up in an inverted index of the stories whose time span is near its
day; only the stories found there are scored, by the similarity between the article's
TF-IDF vector and the story's centroid. The article joins the best one when that
similarity reaches :data:`JOIN_COSINE` and its day fits the story's time span, else it
starts a new story.

Names and years make up :data:`NAME_WEIGHT` of the similarity, so two events of one kind
(two earthquakes, two summits) stay apart: they share their topic words but not their
places, people and dates. The index is cut into :data:`BUCKET_DAYS`-day buckets: a story
is posted only in the buckets its span (widened by :data:`WINDOW_DAYS`) touches, and a
dated article looks only in its own bucket, so a story ages out of the candidate set
once it is more than a window older than the articles arriving, and the work per
article stays flat however long a feed is followed, in arrival order or not (an archive
loaded out of order works the same way).

IDF weights come from the document frequencies of everything seen so far, so the state
is the same whether articles arrive in one batch or one a day.
"""

from __future__ import annotations

import heapq
import json
import math
import zlib
from dataclasses import dataclass, field
from typing import Iterable

from .group_features import Sketch

#: Cosine between an article and a story centroid from which the article joins the story
#: (tuned on ECB+ train topics: documents given one at a time).
JOIN_COSINE = 0.25
#: Share of the names-and-years cosine in an article's similarity to a story (the rest
#: is the cosine of plain words).
NAME_WEIGHT = 0.3
#: An article's terms used to find candidate stories (its heaviest ones).
QUERY_TERMS = 24
#: A story is indexed under this many of its centroid's heaviest terms.
INDEX_TERMS = 48
#: Terms kept in a story's centroid; the rest weigh too little to change a cosine.
STORY_TERMS = 300
#: Stories scored per article at most (the ones sharing most query terms).
MAX_CANDIDATES = 64
#: Posting lists longer than this belong to terms too common to point at a story.
MAX_POSTINGS = 2000
#: An article joins a dated story only within this many days of the story's span (tuned
#: on ECB+ train: written dates are lower bounds of publication, and follow-ups of one
#: event run for weeks).
WINDOW_DAYS = 90
#: Width of a time bucket of the index, in days: as wide as the window, so a story sits
#: in a few buckets only.
BUCKET_DAYS = 90
#: Version of the serialised state; a stored state of another version is rebuilt.
STATE_VERSION = 1


@dataclass
class StoryProfile:
    """A story as grouping sees it: centroid, entity profile and time span.

    Attributes:
        id: the story id (derived from its first article's id).
        seq: creation order, so ties break the same way every run.
        size: articles in the story.
        total: the sum of its articles' unit TF-IDF vectors (heaviest terms only).
        names: name/year key -> how many of its articles mention it.
        first_day: ordinal of its earliest dated article, or None.
        last_day: ordinal of its latest dated article, or None.
    """

    id: str
    seq: int
    size: int = 0
    total: dict[str, float] = field(default_factory=dict)
    names: dict[str, int] = field(default_factory=dict)
    first_day: int | None = None
    last_day: int | None = None
    norm: float = 0.0
    name_norm: float = 0.0
    indexed: frozenset[str] = frozenset()
    buckets: frozenset[int | None] = frozenset()

    def update_norms(self) -> None:
        """Recompute the lengths of the centroid's word and name parts."""
        self.norm = math.sqrt(sum(v * v for t, v in self.total.items() if t[0] != "@"))
        self.name_norm = math.sqrt(sum(v * v for t, v in self.total.items() if t[0] == "@"))

    def to_bytes(self) -> bytes:
        """The profile serialised for the store (compressed JSON)."""
        data = {
            "v": STATE_VERSION, "seq": self.seq, "size": self.size, "first": self.first_day, "last": self.last_day,
            "total": {k: round(v, 6) for k, v in self.total.items()}, "names": self.names,
        }
        return zlib.compress(json.dumps(data, sort_keys=True, separators=(",", ":")).encode())

    @classmethod
    def from_bytes(cls, story_id: str, blob: bytes) -> StoryProfile:
        data = json.loads(zlib.decompress(blob))
        profile = cls(story_id, data["seq"], data["size"], data["total"], data["names"], data["first"], data["last"])
        profile.update_norms()
        return profile


class StoryIndex:
    """Stories built one article at a time, with an inverted index over their terms.

    Args:
        join_cosine: cosine from which an article joins a story.
        name_weight: weight of names and years against plain words.
    """

    def __init__(self, join_cosine: float = JOIN_COSINE, name_weight: float = NAME_WEIGHT) -> None:
        self.join_cosine = join_cosine
        self.name_weight = name_weight
        self.df: dict[str, int] = {}
        self.documents = 0
        self.stories: dict[str, StoryProfile] = {}
        # term -> time bucket (None: undated) -> stories posted there
        self.postings: dict[str, dict[int | None, set[str]]] = {}
        self.changed: set[str] = set()

    # -- scoring ----------------------------------------------------------------------

    def _idf(self, term: str) -> float:
        return math.log((self.documents + 1) / (self.df.get(term, 0) + 1)) + 1.0

    def vector(self, sketch: Sketch) -> dict[str, float]:
        """The article's TF-IDF vector under the current document frequencies: its words
        and its names each of unit length, so neither part drowns the other."""
        vec = {t: tf * self._idf(t) for t, tf in sketch.terms.items()}
        words = math.sqrt(sum(w * w for t, w in vec.items() if t[0] != "@")) or 1.0
        names = math.sqrt(sum(w * w for t, w in vec.items() if t[0] == "@")) or 1.0
        return {t: w / names if t[0] == "@" else w / words for t, w in vec.items()}

    def _fits_time(self, story: StoryProfile, day: int | None) -> bool:
        if day is None or story.first_day is None or story.last_day is None:
            return True
        return story.first_day - WINDOW_DAYS <= day <= story.last_day + WINDOW_DAYS

    def candidates(self, vec: dict[str, float], day: int | None = None) -> list[StoryProfile]:
        """Stories near the article's day sharing at least one of its heaviest terms."""
        query = heapq.nlargest(QUERY_TERMS, vec.items(), key=lambda kv: (kv[1], kv[0]))
        hits: dict[str, float] = {}
        for term, weight in query:
            buckets = self.postings.get(term)
            if not buckets:
                continue
            if day is None:
                lists = list(buckets.values())
            else:
                lists = [p for p in (buckets.get(day // BUCKET_DAYS), buckets.get(None)) if p]
            for posting in lists:
                if len(posting) > MAX_POSTINGS:
                    continue
                for sid in posting:
                    hits[sid] = hits.get(sid, 0.0) + weight
        ranked = sorted(hits.items(), key=lambda kv: (-kv[1], self.stories[kv[0]].seq))[: MAX_CANDIDATES]
        return [self.stories[sid] for sid, _ in ranked]

    def cosine(self, vec: dict[str, float], story: StoryProfile) -> float:
        """The article's similarity to a story: the cosines of words and of names with
        the story's centroid, mixed by ``name_weight`` (the share of names)."""
        total = story.total
        words = names = 0.0
        for t, w in vec.items():
            c = total.get(t)
            if c is not None:
                if t[0] == "@":
                    names += w * c
                else:
                    words += w * c
        words = words / story.norm if story.norm else 0.0
        names = names / story.name_norm if story.name_norm else 0.0
        return (1.0 - self.name_weight) * words + self.name_weight * names

    def best(self, sketch: Sketch) -> tuple[StoryProfile | None, float, dict[str, float]]:
        """The story an article would join (or None), its cosine, and the article's vector."""
        vec = self.vector(sketch)
        best, best_score = None, -1.0
        for story in self.candidates(vec, sketch.day):
            if not self._fits_time(story, sketch.day):
                continue
            score = self.cosine(vec, story)
            if score > best_score:
                best, best_score = story, score
        if best is not None and best_score < self.join_cosine:
            best = None
        return best, best_score, vec

    # -- updating -----------------------------------------------------------------------

    def new_story(self, story_id: str) -> StoryProfile:
        story = StoryProfile(story_id, len(self.stories))
        self.stories[story_id] = story
        return story

    def add(self, story: StoryProfile, sketch: Sketch, vec: dict[str, float]) -> None:
        """Put an article (its sketch and vector) into a story and count its terms."""
        self.documents += 1
        for term in sketch.terms:
            self.df[term] = self.df.get(term, 0) + 1
        total = story.total
        for term, w in vec.items():
            total[term] = total.get(term, 0.0) + w
        if len(total) > 2 * STORY_TERMS:
            kept = heapq.nlargest(STORY_TERMS, total.items(), key=lambda kv: (kv[1], kv[0]))
            story.total = total = dict(kept)
        story.update_norms()
        for name in sketch.names:
            story.names[name] = story.names.get(name, 0) + 1
        story.size += 1
        if sketch.day is not None:
            story.first_day = sketch.day if story.first_day is None else min(story.first_day, sketch.day)
            story.last_day = sketch.day if story.last_day is None else max(story.last_day, sketch.day)
        self._index(story)
        self.changed.add(story.id)

    def _index(self, story: StoryProfile) -> None:
        """Post the story under its centroid's heaviest terms (and no others), so the
        index is a function of the stored profiles alone."""
        top = frozenset(t for t, _ in heapq.nlargest(INDEX_TERMS, story.total.items(), key=lambda kv: (kv[1], kv[0])))
        if story.first_day is None or story.last_day is None:
            buckets: frozenset[int | None] = frozenset([None])
        else:
            first = (story.first_day - WINDOW_DAYS) // BUCKET_DAYS
            buckets = frozenset(range(first, (story.last_day + WINDOW_DAYS) // BUCKET_DAYS + 1))
        for term in story.indexed - top:
            for bucket in story.buckets:
                self.postings[term][bucket].discard(story.id)
        for term in top:
            new = buckets if term not in story.indexed else buckets - story.buckets
            for bucket in new:
                self.postings.setdefault(term, {}).setdefault(bucket, set()).add(story.id)
        story.indexed, story.buckets = top, buckets

    # -- persistence ----------------------------------------------------------------------

    def meta_bytes(self) -> bytes:
        """Document frequencies and counters, serialised for the store."""
        data = {"v": STATE_VERSION, "documents": self.documents, "df": self.df}
        return zlib.compress(json.dumps(data, sort_keys=True, separators=(",", ":")).encode())

    @classmethod
    def restore(cls, meta: bytes, stories: Iterable[tuple[str, bytes]], **kwargs: float) -> StoryIndex:
        """An index rebuilt from :meth:`meta_bytes` and the stored story profiles."""
        index = cls(**kwargs)
        data = json.loads(zlib.decompress(meta))
        index.documents, index.df = data["documents"], data["df"]
        profiles = sorted((StoryProfile.from_bytes(sid, blob) for sid, blob in stories), key=lambda p: p.seq)
        for profile in profiles:
            index.stories[profile.id] = profile
            index._index(profile)
        return index
