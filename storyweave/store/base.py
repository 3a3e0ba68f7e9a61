"""The ``Store`` protocol: what every storyweave store offers.

The pipeline and the web app talk only to this interface, so the embedded SQLite store
(:mod:`storyweave.store.sqlite`) and a later PostgreSQL store are interchangeable;
:func:`storyweave.store.open_store` picks one from a URL.

Every method may raise :class:`~storyweave.errors.StoreError`; none raises the
driver's own exceptions.
"""

from __future__ import annotations

from types import TracebackType
from typing import Any, Iterable, Mapping, Protocol, Sequence, runtime_checkable

import numpy as np

from ..model import Article, Story


@runtime_checkable
class Store(Protocol):
    """Articles, caches, stories and analyses, kept between runs."""

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
