"""group: near-duplicate sets and stories, one article at a time.

Reads cleaned articles (title, text, publication time); adds each article's story and the
first article it duplicates. The cascade for one article:

1. An article already grouped (same id) keeps its story: feeding the same articles
   twice changes nothing.
2. Its MinHash signature is looked up in the near-duplicate index
   (:mod:`storyweave.group.dups`); a copy joins the story of its original.
3. Otherwise its TF-IDF vector over words, names and years
   (:mod:`storyweave.group.features`) is scored against the active stories that share
   its heaviest terms (:mod:`storyweave.group.stories`); it joins the best one above the
   (strict) threshold, else it starts a new story.
4. At the end of a batch (:meth:`Grouper.settle`), the articles of the re-check window
   are scored again with everything seen since: an article moves to the story it now
   fits best, and stories that turn out to be one are merged
   (:meth:`storyweave.group.stories.StoryIndex.recheck`). Only candidate stories are
   compared, as on arrival. The window holds the last articles grouped, whichever run
   brought them; when it is full it is re-checked and closed, and its articles' stories
   are final.

With a store, the grouping state (story centroids and profiles, document frequencies,
signatures, memberships and the open window) is loaded first and saved after, so
``follow`` and repeated ``analyze --db`` runs extend the same stories day after day, and
a feed saved after every poll ends up grouped as if it had come in one batch.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterable, Sequence

import numpy as np

from ..clean import NOTHING_LEFT, clean
from ..errors import StoryweaveError
from ..ingest import ingest
from ..model import Article, InputFailure, Story
from ..options import Options
from .dups import DuplicateIndex, signature
from .features import sketch
from .shared import NO_SENTENCES, sentence_hashes
from .stories import Recheck, StoryIndex, story_id_for

if TYPE_CHECKING:
    from ..store.base import Store

#: Versioned name of the grouping method, recorded with the stored state.
GROUPER = "tfidf-names-minhash.v2"

__all__ = ["GROUPER", "WHOLE_STORY_LIMIT", "Assignment", "Grouper", "group", "group_articles", "group_sources",
           "group_whole", "relabel", "story_id_for"]

#: ``analyze --db`` shows a story whole (with the members earlier runs stored) up to this
#: many articles: the analysis of a story costs about linear time in its articles, and a
#: report over more articles than this is no longer read whole anyway.
WHOLE_STORY_LIMIT = 50


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
        self._new: list[str] = []  # articles added since the last save, in order
        self._moved: set[str] = set()  # stored articles whose story changed since the last save
        # of the articles not saved yet or still in the re-check window (a stored
        # membership is written again when the article moves)
        self._signatures: dict[str, np.ndarray] = {}
        self._by_story: dict[str, set[str]] = {}
        if store is not None:
            self._load(store)

    def _load(self, store: Store) -> None:
        state = store.load_grouping(GROUPER)
        if state.meta is None:
            return
        open_ids = {aid for aid, _ in state.window}
        for article_id, story_id, duplicate_of, sig in state.members:
            self.members[article_id] = Assignment(article_id, story_id, duplicate_of)
            self._by_story.setdefault(story_id, set()).add(article_id)
            array = np.frombuffer(sig, dtype="<u4").astype(np.uint32)
            self.duplicates.insert(article_id, array, duplicate_of)
            if article_id in open_ids:
                self._signatures[article_id] = array
        window = [(aid, self.members[aid].story, blob) for aid, blob in state.window]
        self.stories = StoryIndex.restore(state.meta, state.stories, window)

    def add(self, article: Article) -> Assignment:
        """Group one article (see the module docstring for the steps).

        Returns:
            The article's story and the original it duplicates, if any (the story may
            still change when the re-check window is settled: see :meth:`settle`).
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
        # A copy prints its original's sentences again: one text, counted once.
        sentences = sentence_hashes(article.text) if original is None else NO_SENTENCES
        self.stories.add(story, features, vec, key=article.id, copy_of=original, sentences=sentences,
                         outlet=article.source if article.source_named else "")
        self.duplicates.insert(article.id, sig, original)
        assignment = Assignment(article.id, story.id, original)
        self.members[article.id] = assignment
        self._by_story.setdefault(story.id, set()).add(article.id)
        self._new.append(article.id)
        self._signatures[article.id] = sig
        if self.stories.window_full():
            self._recheck(close=True)
        return assignment

    def settle(self) -> dict[str, str]:
        """Re-check the articles of the re-check window (step 4), those of earlier runs
        still open included; nothing to do when none joined it since its last re-check.

        Called by :meth:`save`, and by :func:`group_articles` and :func:`group_sources`
        at the end of a batch; read :attr:`members` after it for the final stories.

        Returns:
            article id -> new story id, for every article whose story changed (merged
            stories included, stored members of earlier runs too).
        """
        if not self.stories.unsettled:
            return {}
        return self._recheck(close=False)

    @property
    def moved(self) -> frozenset[str]:
        """Articles whose story a re-check changed since the last save (a full window
        is re-checked while articles are added, not only by :meth:`settle`)."""
        return frozenset(self._moved)

    def _recheck(self, close: bool) -> dict[str, str]:
        moved = relabel(self.members, self._by_story, self.stories.recheck(close=close))
        self._moved.update(moved)
        return moved

    def save(self, settle: bool = True) -> None:
        """Write what changed since the last save to the store (no-op without a store).

        Args:
            settle: re-check the window first (:meth:`settle`); ``follow`` saves each
                article as it comes without, and settles once a poll is over.

        Raises:
            StoreError: the store cannot be written.
        """
        if settle:
            self.settle()
        if self.store is None or not (self._new or self._moved or self.stories.changed):
            return
        changed = sorted(self.stories.changed)
        rows = []
        for article_id in [*self._new, *sorted(self._moved.difference(self._new))]:
            a = self.members[article_id]
            rows.append((a.article, a.story, a.duplicate_of, self._signatures[article_id].astype("<u4").tobytes()))
        window, closed = self.stories.window_rows()
        self.store.save_grouping(
            GROUPER, self.stories.meta_bytes(), self.stories.stored_profiles(changed), rows, window, closed
        )
        self._new = []
        self._moved.clear()
        self._signatures = {aid: sig for aid, sig in self._signatures.items() if aid in self.stories.pending}
        self.stories.changed.clear()
        self.stories.seal()


def relabel(members: dict[str, Assignment], by_story: dict[str, set[str]], change: Recheck) -> dict[str, str]:
    """Apply a re-check to the members: window articles go to their new stories, and
    every member of an absorbed story to the story that absorbed it.

    Args:
        members: article id -> assignment, updated in place.
        by_story: story id -> its article ids, updated in place.
        change: what :meth:`StoryIndex.recheck` returned.

    Returns:
        article id -> new story id, for every article whose story changed.
    """
    changed: dict[str, str] = {}

    def move(article_id: str, story_id: str) -> None:
        old = members[article_id]
        if old.story == story_id:
            return
        by_story.get(old.story, set()).discard(article_id)
        by_story.setdefault(story_id, set()).add(article_id)
        members[article_id] = Assignment(article_id, story_id, old.duplicate_of)
        changed[article_id] = story_id

    for article_id, story_id in change.placed.items():
        move(article_id, story_id)
    for gone, keep in change.merged.items():
        for article_id in sorted(by_story.get(gone, ())):
            move(article_id, keep)
    for article_id in changed:
        # A window article placed in a story absorbed later follows it.
        story_id = members[article_id].story
        while story_id in change.merged:
            story_id = change.merged[story_id]
        move(article_id, story_id)
    return changed


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
    ids = [grouper.add(a).article for a in articles]
    grouper.settle()
    grouper.save()
    return [grouper.members[i] for i in ids]


def group(articles: Sequence[Article], store: Store | None = None) -> list[Story]:
    """Stories of the given articles, in order of their first article.

    Args:
        articles: cleaned articles in arrival order.
        store: where the grouping state is kept between runs; None keeps nothing.

    Returns:
        Stories with their articles (those given) and near-duplicate map.
    """
    return group_whole(articles, store, limit=0)[0]


def group_whole(
    articles: Sequence[Article], store: Store | None = None, limit: int = WHOLE_STORY_LIMIT
) -> tuple[list[Story], list[Article]]:
    """Stories of the given articles with the members earlier runs stored, when small.

    A story of at most ``limit`` articles in all (stored and given) lists all its members
    in the order they were grouped, whichever run brought them; a larger story
    lists only the given articles, so one run never analyses an archive-sized story.

    Args:
        articles: cleaned articles in arrival order.
        store: where the grouping state (and the earlier articles) are kept.
        limit: the largest story shown whole; 0 shows only the given articles.

    Returns:
        The stories, in order of their first given article, and the earlier articles
        they list (read from the store), in the order grouped.

    Raises:
        StoreError: the store cannot be read or written.
    """
    grouper = Grouper(store)
    given_ids = [grouper.add(a).article for a in articles]
    grouper.save()  # settles the re-check window first
    given = set(given_ids)
    members: dict[str, list[str]] = {}
    for article_id in given_ids:
        story_id = grouper.members[article_id].story
        if article_id not in members.get(story_id, ()):
            members.setdefault(story_id, []).append(article_id)
    earlier: dict[str, list[str]] = {}
    if store is not None and limit > 0:
        position = {aid: n for n, aid in enumerate(grouper.members)}
        for story_id, ids in members.items():
            everyone = grouper._by_story.get(story_id, set())
            if len(ids) < len(everyone) <= limit:
                earlier[story_id] = sorted(everyone - given, key=position.__getitem__)
    stored: dict[str, Article] = {}
    if store is not None and earlier:
        stored = {a.id: a for a in store.get_articles([i for ids in earlier.values() for i in ids])}
    shown = given | set(stored)
    stories = []
    for story_id, ids in members.items():
        listed = [i for i in earlier.get(story_id, ()) if i in stored] + ids
        if story_id in earlier:  # the order grouped, whichever run brought each member
            listed.sort(key=position.__getitem__)
        duplicates: dict[str, str] = {}
        for article_id in listed:
            original = grouper.members[article_id].duplicate_of
            # An original that is not shown is nothing to cite.
            if original is not None and original in shown and original != article_id:
                duplicates[article_id] = original
        stories.append(Story(story_id, "", tuple(listed), duplicates))
    order = [i for ids in earlier.values() for i in ids if i in stored]
    return stories, [stored[i] for i in order]


def group_sources(
    sources: Iterable[str], options: Options | None = None, store: Store | None = None, report_moved: bool = False
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
        report_moved: give every row its ``article`` id too, and after the inputs' rows
            add one row per article of an earlier run that this run moved to another
            story (``{"id", "article": its article id, "story", "duplicate_of", "moved":
            true}``, by article id), so that a caller keeping its own copy of the stories
            can follow the re-check (the store keeps article ids, not the inputs' ids).

    Returns:
        The rows and the inputs that could not be read.

    Raises:
        StoreError: the store cannot be read or written.
    """
    options = options or Options()
    grouper = Grouper(store)
    stored_stories = {a.article: a.story for a in grouper.members.values()} if report_moved else {}
    rows: list[dict[str, Any]] = []
    failures: list[InputFailure] = []
    first_row: dict[str, str] = {}  # article id -> id of its first row
    row_articles: list[str] = []
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
                failures.append(InputFailure(item.location, NOTHING_LEFT))
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
            row_articles.append(article.id)
    grouper.settle()
    grouper.save()
    for row, article_id in zip(rows, row_articles):
        row["story"] = grouper.members[article_id].story
        if report_moved:
            row["article"] = article_id
    for article_id in sorted(stored_stories.keys() - set(row_articles)):
        now = grouper.members[article_id]
        if now.story != stored_stories[article_id]:
            rows.append({"id": article_id, "article": article_id, "story": now.story,
                         "duplicate_of": now.duplicate_of, "moved": True})
    return rows, failures
