"""group: near-duplicate sets and stories, one article at a time.

Reads cleaned articles (title, text, publication time); adds each article's story and the
first article it duplicates. The cascade for one article:

1. An article already grouped (same id) keeps its story: feeding the same articles
   twice changes nothing.
2. Its MinHash signature is looked up in the near-duplicate index
   (:mod:`storyweave.group_dups`); a copy joins the story of its original.
3. Otherwise its TF-IDF vector over words, names and years
   (:mod:`storyweave.group_features`) is scored against the active stories that share
   its heaviest terms (:mod:`storyweave.group_stories`); it joins the best one above the
   threshold, else it starts a new story.

With a store, the grouping state (story centroids and profiles, document frequencies,
signatures and memberships) is loaded first and saved after, so ``follow`` and
repeated ``analyze --db`` runs extend the same stories day after day.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterable, Sequence

import numpy as np

from .group_dups import DuplicateIndex, signature
from .group_features import sketch
from .group_stories import StoryIndex
from .clean import clean
from .errors import StoryweaveError
from .ingest import ingest
from .model import Annotation, Article, InputFailure, Story
from .options import Options

if TYPE_CHECKING:
    from .store.base import Store

#: Versioned name of the grouping method, recorded with the stored state.
GROUPER = "tfidf-names-minhash.v1"

__all__ = ["GROUPER", "Assignment", "Grouper", "group", "group_articles", "group_sources", "story_id_for"]


@dataclass(frozen=True)
class Assignment:
    """Where grouping put one article.

    Attributes:
        article: the article id.
        story: the story id.
        duplicate_of: the first article this one copies, or None.
    """

    article: str
    story: str
    duplicate_of: str | None


def story_id_for(article_id: str) -> str:
    """The id of a story started by this article: stable across runs and machines."""
    return "s-" + hashlib.sha1(article_id.encode()).hexdigest()[:12]


class Grouper:
    """Incremental grouping of articles into near-duplicate sets and stories.

    Args:
        store: where the grouping state is loaded from and saved to; None keeps it in
            memory only.

    Raises:
        StoreError: the store cannot be read.
    """

    def __init__(self, store: Store | None = None) -> None:
        self.store = store
        self.stories = StoryIndex()
        self.duplicates = DuplicateIndex()
        self.members: dict[str, Assignment] = {}
        self._new: list[tuple[Assignment, np.ndarray]] = []
        if store is not None:
            self._load(store)

    def _load(self, store: Store) -> None:
        state = store.load_grouping(GROUPER)
        if state.meta is None:
            return
        self.stories = StoryIndex.restore(state.meta, state.stories)
        for article_id, story_id, duplicate_of, sig in state.members:
            self.members[article_id] = Assignment(article_id, story_id, duplicate_of)
            self.duplicates.insert(article_id, np.frombuffer(sig, dtype="<u4").astype(np.uint32), duplicate_of)

    def add(self, article: Article) -> Assignment:
        """Group one article (see the module docstring for the steps).

        Returns:
            The article's story and the original it duplicates, if any.
        """
        known = self.members.get(article.id)
        if known is not None:
            return known
        features = sketch(article.title, article.text, article.published)
        sig = signature(features.shingles)
        original = self.duplicates.original(sig) if len(features.shingles) else None
        story, _, vec = self.stories.best(features)
        if original is not None:
            # A copy belongs with its original, whatever its wording scores.
            story = self.stories.stories[self.members[original].story]
        if story is None:
            story = self.stories.new_story(story_id_for(article.id))
        self.stories.add(story, features, vec)
        self.duplicates.insert(article.id, sig, original)
        assignment = Assignment(article.id, story.id, original)
        self.members[article.id] = assignment
        self._new.append((assignment, sig))
        return assignment

    def save(self) -> None:
        """Write what changed since the last save to the store (no-op without a store).

        Raises:
            StoreError: the store cannot be written.
        """
        if self.store is None or not (self._new or self.stories.changed):
            return
        changed = sorted(self.stories.changed)
        self.store.save_grouping(
            GROUPER,
            self.stories.meta_bytes(),
            [(sid, self.stories.stories[sid].to_bytes()) for sid in changed],
            [(a.article, a.story, a.duplicate_of, sig.astype("<u4").tobytes()) for a, sig in self._new],
        )
        self._new = []
        self.stories.changed.clear()


def group_articles(articles: Iterable[Article], store: Store | None = None) -> list[Assignment]:
    """Group articles in the order given, extending the stories in ``store`` if any.

    Args:
        articles: cleaned articles in arrival order; an id may repeat.
        store: where the grouping state is kept between runs; None keeps nothing.

    Returns:
        One assignment per article given, in order.

    Raises:
        StoreError: the store cannot be read or written.
    """
    grouper = Grouper(store)
    out = [grouper.add(a) for a in articles]
    grouper.save()
    return out


def group(annotations: Sequence[Annotation], store: Store | None = None) -> list[Story]:
    """Stories of the given articles, in order of their first article.

    Args:
        annotations: annotated articles in arrival order.
        store: where the grouping state is kept between runs; None keeps nothing.

    Returns:
        Stories with their articles (those given) and near-duplicate map.
    """
    assignments = group_articles([a.article for a in annotations], store)
    given = {a.article.id for a in annotations}
    members: dict[str, list[str]] = {}
    duplicates: dict[str, dict[str, str]] = {}
    for a in assignments:
        if a.article in members.get(a.story, ()):
            continue
        members.setdefault(a.story, []).append(a.article)
        # An original from an earlier run is not in this analysis: nothing to cite.
        if a.duplicate_of in given and a.duplicate_of != a.article:
            duplicates.setdefault(a.story, {})[a.article] = a.duplicate_of
    return [Story(sid, "", tuple(ids), duplicates.get(sid, {})) for sid, ids in members.items()]


def group_sources(
    sources: Iterable[str], options: Options | None = None, store: Store | None = None
) -> tuple[list[dict[str, Any]], list[InputFailure]]:
    """Read, clean and group sources: one row per input line or file, in input order.

    Each row is ``{"id", "story", "duplicate_of"}``: ``id`` is the input's own id where it
    had one, else the article id; ``duplicate_of`` is the ``id`` of the first input (or,
    from an earlier run, the article id) this one copies, or None. An input given twice
    gets two rows, the second a duplicate of the first.

    Args:
        sources: files, folders, JSONL files or ``-`` for stdin.
        options: the run's options.
        store: where the grouping state is kept between runs; None keeps nothing.

    Returns:
        The rows and the inputs that could not be read.

    Raises:
        StoreError: the store cannot be read or written.
    """
    options = options or Options()
    grouper = Grouper(store)
    rows: list[dict[str, Any]] = []
    failures: list[InputFailure] = []
    first_row: dict[str, str] = {}  # article id -> id of its first row
    for source in sources:
        for item in ingest(source, options):
            if isinstance(item, InputFailure):
                failures.append(item)
                continue
            try:
                article = clean(item, options)
            except StoryweaveError as exc:
                failures.append(InputFailure(item.location, str(exc)))
                continue
            if not article.text.strip():
                failures.append(InputFailure(item.location, "no article text left after removing page junk; check that the file holds an article"))
                continue
            row_id = article.input_id or article.id
            assignment = grouper.add(article)
            if article.id in first_row:
                duplicate_of: str | None = first_row[article.id]
            elif assignment.duplicate_of is not None:
                duplicate_of = first_row.get(assignment.duplicate_of, assignment.duplicate_of)
            else:
                duplicate_of = None
            first_row.setdefault(article.id, row_id)
            rows.append({"id": row_id, "story": assignment.story, "duplicate_of": duplicate_of})
    grouper.save()
    return rows, failures
