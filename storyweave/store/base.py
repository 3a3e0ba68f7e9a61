"""The ``Store`` protocol: what every storyweave store offers.

The pipeline and the web app talk only to this interface, so the embedded SQLite store
(:mod:`storyweave.store.sqlite`) and a later PostgreSQL store are interchangeable;
:func:`storyweave.store.open_store` picks one from a URL.

Every method may raise :class:`~storyweave.errors.StoreError`; none raises the
driver's own exceptions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import TracebackType
from typing import Any, Iterable, Mapping, Protocol, Sequence, runtime_checkable

import numpy as np

from ..model import Article, Story


@dataclass
class GroupingState:
    """The stored state of incremental story grouping (see :mod:`storyweave.group`).

    The store keeps the blobs as they are; only the grouping module reads them.

    Attributes:
        meta: document frequencies and counters, or None when nothing was grouped yet.
        stories: (story id, profile blob: centroid, entity profile, time span), in the
            order first saved.
        members: (article id, story id, first article it duplicates or None, MinHash
            signature), in the order grouped.
        window: (article id, features) of the articles of the open re-check window, in
            the order grouped.
    """

    meta: bytes | None = None
    stories: list[tuple[str, bytes]] = field(default_factory=list)
    members: list[tuple[str, str, str | None, bytes]] = field(default_factory=list)
    window: list[tuple[str, bytes]] = field(default_factory=list)


@runtime_checkable
class Store(Protocol):
    """Articles, caches, stories and analyses, kept between runs."""

    #: The ``--db`` value that opens this store again from another process (a worker
    #: analysing stories beside the main one), or None for a store that keeps nothing.
    location: str | None

    # -- articles -------------------------------------------------------------------

    def add_articles(self, articles: Iterable[Article]) -> list[bool]:
        """Store articles by id; an article already stored is left as it is.

        Args:
            articles: the articles to store, read once.

        Returns:
            One flag per article, in order: True when it was new.
        """
        ...

    def get_article(self, article_id: str) -> Article | None:
        """The stored article with this id, or None."""
        ...

    def get_articles(self, ids: Sequence[str]) -> list[Article]:
        """The stored articles with these ids, in the order given; unknown ids are skipped."""
        ...

    def all_articles(self) -> list[Article]:
        """Every stored article, oldest first."""
        ...

    def article_ids(self) -> list[str]:
        """Ids of every stored article, oldest first."""
        ...

    def delete_article(self, article_id: str) -> bool:
        """Delete an article and its story membership; True when it existed."""
        ...

    # -- caches ---------------------------------------------------------------------

    def get_vectors(self, model: str, hashes: Sequence[str]) -> dict[str, np.ndarray]:
        """Cached sentence vectors of ``model`` for the hashes that have one."""
        ...

    def put_vectors(self, model: str, vectors: Mapping[str, np.ndarray]) -> None:
        """Cache sentence vectors of ``model`` by sentence hash."""
        ...

    def get_blob(self, kind: str, key: str) -> bytes | None:
        """A cached blob (e.g. a serialised parse), or None."""
        ...

    def put_blob(self, kind: str, key: str, data: bytes) -> None:
        """Cache a blob under ``kind`` and a content-derived ``key``."""
        ...

    # -- stories and analyses ---------------------------------------------------------

    def save_stories(self, stories: Sequence[Story]) -> None:
        """Save stories, replacing each one's membership."""
        ...

    def get_stories(self) -> list[Story]:
        """Every stored story, in the order first saved."""
        ...

    def story_of(self, article_id: str) -> str | None:
        """The id of the story an article belongs to, or None."""
        ...

    def save_analysis(self, story_id: str, key: str, analysis: dict[str, Any]) -> None:
        """Save a story's analysis JSON under ``key`` (e.g. the options fingerprint)."""
        ...

    def get_analysis(self, story_id: str, key: str) -> dict[str, Any] | None:
        """A saved analysis, or None."""
        ...

    # -- grouping state ----------------------------------------------------------------

    def load_grouping(self, method: str) -> GroupingState:
        """The grouping state saved by ``method`` (a versioned name); empty when none."""
        ...

    def save_grouping(
        self,
        method: str,
        meta: bytes,
        stories: Sequence[tuple[str, bytes]],
        members: Sequence[tuple[str, str, str | None, bytes]],
        window: Sequence[tuple[str, bytes]] = (),
        closed: Sequence[str] = (),
    ) -> None:
        """Save grouping state in one transaction: replace ``meta``, upsert the story
        profiles given, add the memberships given (an article already grouped gets the
        story given; its duplicate and signature stay as first saved), add or replace the
        re-check window's articles given and drop the ``closed`` ones."""
        ...

    # -- jobs, search and story summaries (the web app) ----------------------------------

    def create_job(self, kind: str, items: Sequence[dict[str, Any]]) -> str:
        """Record a queued job with its inputs; returns its id."""
        ...

    def get_job(self, job_id: str) -> dict[str, Any] | None:
        """A job (``id, kind, state, done, total, errors, articles, created_at, updated_at``), or None."""
        ...

    def job_items(self, job_id: str, start: int, limit: int) -> list[dict[str, Any]]:
        """Up to ``limit`` of a job's inputs from position ``start``."""
        ...

    def update_job(
        self,
        job_id: str,
        *,
        state: str | None = None,
        done: int | None = None,
        errors: Sequence[dict[str, Any]] = (),
        articles: Sequence[str] = (),
    ) -> None:
        """Record progress; ``errors`` and ``articles`` are appended; a finished job drops its inputs."""
        ...

    def unfinished_jobs(self) -> list[str]:
        """Ids of jobs neither done nor failed, oldest first."""
        ...

    def search_articles(self, query: str, limit: int = 1000) -> list[str]:
        """Ids of articles whose title or text holds every word of ``query``, best first."""
        ...

    def save_story_summaries(self, summaries: Sequence[dict[str, Any]]) -> None:
        """Save story summaries (dicts with an ``id``), replacing older ones."""
        ...

    def get_story_summaries(self) -> list[dict[str, Any]]:
        """Summaries of the stories the store holds now."""
        ...

    # -- followed feeds (storyweave follow) ----------------------------------------------

    def get_feed_state(self, url: str) -> dict[str, Any] | None:
        """A followed feed's ``etag``, ``last_modified``, ``title`` and ``checked_at``, or None."""
        ...

    def save_feed_state(self, url: str, etag: str | None, last_modified: str | None, title: str | None) -> None:
        """Record a poll of a feed and the validators its server sent."""
        ...

    def seen_feed_items(self, url: str, keys: Sequence[str]) -> set[str]:
        """Which of ``keys`` were already read from the feed at ``url``."""
        ...

    def mark_feed_item(self, url: str, key: str, article_id: str | None) -> None:
        """Record that an item of a feed was read (``article_id`` None when it failed for good)."""
        ...

    def follow_feed(self, url: str, every: float) -> bool:
        """Follow a feed (``storyweave serve`` polls it every ``every`` seconds); True when new."""
        ...

    def unfollow_feed(self, url: str) -> bool:
        """Stop following a feed, keeping the items already read; True when it was followed."""
        ...

    def record_feed_poll(self, url: str, error: str | None) -> None:
        """Record that a feed was polled now, and what went wrong (None: nothing)."""
        ...

    def followed_feeds(self) -> list[dict[str, Any]]:
        """Followed feeds (``url, every, followed_at, title, checked_at, polled_at, error,
        articles``), oldest followed first."""
        ...

    # -- lifetime -----------------------------------------------------------------------

    def close(self) -> None:
        """Release the connection; the store cannot be used afterwards."""
        ...

    def __enter__(self) -> Store: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...
