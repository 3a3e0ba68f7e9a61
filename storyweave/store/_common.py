"""What the SQLite and PostgreSQL stores share: everything that is not SQL.

Both backends keep the same rows (so :mod:`storyweave.store.migrate` copies one into the
other): articles and analyses as JSON text, vectors as little-endian float32 bytes, job
errors and article lists as JSON arrays, grouping state as opaque blobs.
:class:`StoreCommon` turns those rows into the values of the
:class:`~storyweave.store.base.Store` interface and back, and carries the interface's
docstrings once; each backend only runs its SQL, in small ``_``-prefixed hooks.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from types import TracebackType
from typing import Any, Callable, Iterable, Mapping, Sequence, TypeVar

import numpy as np

from ..errors import StoreError
from ..model import Article
from .base import GroupingState

#: Articles are committed in chunks of this size: an interrupted ``add_articles`` keeps
#: every chunk already committed, without paying one commit per article.
ARTICLE_BATCH = 100

#: Vectors are stored little-endian float32 whatever the machine, so a store can be
#: copied between machines and backends byte for byte.
VECTOR_DTYPE = np.dtype("<f4")

#: The columns of a job row, in the order the backends select them.
JOB_KEYS = ("id", "kind", "state", "done", "total", "errors", "articles", "created_at", "updated_at")
#: The columns of a feed state row.
FEED_STATE_KEYS = ("etag", "last_modified", "title", "checked_at")
#: The columns of a followed feed, as :meth:`StoreCommon.followed_feeds` returns them.
FOLLOWED_KEYS = ("url", "every", "followed_at", "title", "checked_at", "polled_at", "error", "articles")
#: The longest poll error kept: one line a user reads in the feed list.
FEED_ERROR_CHARS = 500

#: Merges a job's stored ``errors`` and ``articles`` columns with new entries.
JobMerge = Callable[[str, str], tuple[str, str]]

Conn = TypeVar("Conn")
StoreT = TypeVar("StoreT", bound="StoreCommon")


def now() -> str:
    """The current UTC time as ISO 8601 to the second: what every ``*_at`` column holds."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class Migrations(list[tuple[str, Callable[[Conn], None]]]):
    """A backend's schema migrations, ``(name, function)`` in the order registered.

    Never rename or edit a released migration: register a new one. Names match across
    backends where they build the same tables.
    """

    def register(self, fn: Callable[[Conn], None]) -> Callable[[Conn], None]:
        """Decorator: ``fn`` becomes the next migration; its name is what gets recorded."""
        self.append((fn.__name__, fn))
        return fn


def article_json(article: Article) -> str:
    """An article as the JSON text both stores keep (``raw_html`` is not stored)."""
    return json.dumps(article.to_json(), ensure_ascii=False)


def article_from_json(text: str, url: str | None = None) -> Article:
    """An article from its stored JSON text; ``url`` from its own column when given."""
    data = json.loads(text)
    if url is not None or "url" not in data:
        data["url"] = url
    return Article.from_json(data)


def vector_rows(model: str, vectors: Mapping[str, np.ndarray]) -> list[tuple[str, str, int, bytes]]:
    """``(model, hash, dim, bytes)`` rows for vectors, sorted by hash (so concurrent writers
    insert in one order and cannot deadlock).

    Raises:
        ValueError: a vector is not one-dimensional.
    """
    rows = []
    for h, vec in vectors.items():
        arr = np.ascontiguousarray(vec, dtype=VECTOR_DTYPE)
        if arr.ndim != 1:
            raise ValueError(f"vector {h} has shape {arr.shape}; put_vectors takes one-dimensional vectors")
        rows.append((model, h, int(arr.shape[0]), arr.tobytes()))
    rows.sort(key=lambda r: r[1])
    return rows


def job_from_row(row: Sequence[Any] | None) -> dict[str, Any] | None:
    """A job dict from a row of :data:`JOB_KEYS` columns, or None."""
    if row is None:
        return None
    job = dict(zip(JOB_KEYS, row))
    job["errors"] = json.loads(job["errors"])
    job["articles"] = json.loads(job["articles"])
    return job


def job_lists(old_errors: str, old_articles: str, errors: Sequence[dict[str, Any]], articles: Sequence[str]) -> tuple[str, str]:
    """A job's ``errors`` and ``articles`` columns with new entries appended."""
    return (json.dumps(json.loads(old_errors) + list(errors), ensure_ascii=False),
            json.dumps(json.loads(old_articles) + list(articles)))


class StoreCommon:
    """The backend-independent half of a store; subclasses set ``_where`` and ``_damaged``
    and implement the ``_``-prefixed hooks with their SQL."""

    _where: str
    #: What to do about a damaged cached vector, for the error message.
    _damaged: str

    # -- hooks (SQL) -----------------------------------------------------------------------

    def _insert_articles(self, batch: Sequence[Article]) -> list[bool]:
        raise NotImplementedError

    def _vector_rows(self, model: str, hashes: list[str]) -> Iterable[tuple[str, int, bytes]]:
        raise NotImplementedError

    def _insert_vectors(self, rows: list[tuple[str, str, int, bytes]]) -> None:
        raise NotImplementedError

    def _grouping_rows(self, method: str) -> tuple[bytes, list[Any], list[Any], list[Any]] | None:
        raise NotImplementedError

    def _write_grouping(self, method: str, meta: bytes, stories: list[tuple[str, str, bytes]],
                        members: list[tuple[str, str, str, str | None, bytes]],
                        window: list[tuple[str, str, bytes]], closed: list[tuple[str, str]]) -> None:
        raise NotImplementedError

    def _job_row(self, job_id: str) -> Sequence[Any] | None:
        raise NotImplementedError

    def _write_job(self, job_id: str, state: str | None, done: int | None, merge: JobMerge) -> None:
        raise NotImplementedError

    def _feed_row(self, url: str) -> Sequence[Any] | None:
        raise NotImplementedError

    def _followed_rows(self) -> Iterable[Sequence[Any]]:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    # -- articles ----------------------------------------------------------------------------

    def add_articles(self, articles: Iterable[Article]) -> list[bool]:
        """Store articles by id; an article already stored (by anyone) is left as it is.

        Articles are committed in chunks of :data:`ARTICLE_BATCH`, so an interrupted call
        keeps every chunk already committed. ``raw_html`` is not stored.

        Args:
            articles: the articles to store, read once (a generator is fine).

        Returns:
            One flag per article, in order: True when this call stored it.

        Raises:
            StoreError: the store cannot be written.
        """
        flags: list[bool] = []
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= ARTICLE_BATCH:
                flags += self._insert_articles(batch)
                batch = []
        if batch:
            flags += self._insert_articles(batch)
        return flags

    # -- caches ------------------------------------------------------------------------------

    def get_vectors(self, model: str, hashes: Sequence[str]) -> dict[str, np.ndarray]:
        """Cached sentence vectors for the hashes that have one.

        Args:
            model: the embedder's versioned name; vectors of different models never mix.
            hashes: sentence content hashes.

        Returns:
            hash -> float32 vector (a writable copy), only for hashes found.

        Raises:
            StoreError: the store cannot be read or holds a damaged vector.
        """
        out: dict[str, np.ndarray] = {}
        for h, dim, data in self._vector_rows(model, list(dict.fromkeys(hashes))):
            vec = np.frombuffer(bytes(data), dtype=VECTOR_DTYPE)
            if vec.shape[0] != dim:
                raise StoreError(f"{self._where}: cached vector {h} of {model} has {vec.shape[0]} values,"
                                 f" expected {dim}; {self._damaged}")
            out[h] = vec.astype(np.float32)  # astype copies: callers may write to it
        return out

    def put_vectors(self, model: str, vectors: Mapping[str, np.ndarray]) -> None:
        """Cache sentence vectors by sentence hash, as float32.

        A hash already cached for ``model`` keeps its vector: the hash is of the
        sentence's content, so the vector cannot differ.

        Args:
            model: the embedder's versioned name.
            vectors: hash -> one-dimensional vector (other float types are cast to float32).

        Raises:
            ValueError: a vector is not one-dimensional.
            StoreError: the store cannot be written.
        """
        self._insert_vectors(vector_rows(model, vectors))

    # -- grouping state ----------------------------------------------------------------------

    def load_grouping(self, method: str) -> GroupingState:
        """The grouping state saved by ``method``; empty when none was saved.

        Raises:
            StoreError: the store cannot be read.
        """
        rows = self._grouping_rows(method)
        if rows is None:
            return GroupingState()
        meta, stories, members, window = rows
        return GroupingState(
            bytes(meta),
            [(sid, bytes(blob)) for sid, blob in stories],
            [(aid, sid, dup, bytes(sig)) for aid, sid, dup, sig in members],
            [(aid, bytes(blob)) for aid, blob in window],
        )

    def save_grouping(
        self,
        method: str,
        meta: bytes,
        stories: Sequence[tuple[str, bytes]],
        members: Sequence[tuple[str, str, str | None, bytes]],
        window: Sequence[tuple[str, bytes]] = (),
        closed: Sequence[str] = (),
    ) -> None:
        """Save grouping state in one transaction, so a killed run never leaves half of it.

        Args:
            method: the grouping method's versioned name.
            meta: document frequencies and counters; replaces the saved ones.
            stories: (story id, profile) to insert or replace.
            members: (article id, story id, duplicate_of, signature) to add; an article
                already grouped gets the story given (an article of the re-check window
                moved), its duplicate_of and signature stay as first saved.
            window: (article id, features) of articles of the open re-check window to
                add or replace.
            closed: ids of articles that left the window.

        Raises:
            StoreError: the store cannot be written.
        """
        self._write_grouping(
            method,
            bytes(meta),
            [(method, sid, bytes(blob)) for sid, blob in stories],
            [(method, aid, sid, dup, bytes(sig)) for aid, sid, dup, sig in members],
            [(method, aid, bytes(blob)) for aid, blob in window],
            [(method, aid) for aid in closed],
        )

    # -- jobs --------------------------------------------------------------------------------

    def get_job(self, job_id: str) -> dict[str, Any] | None:
        """A job's ``id``, ``kind``, ``state``, ``done``, ``total``, ``errors``, ``articles``,
        ``created_at`` and ``updated_at``, or None.

        Raises:
            StoreError: the store cannot be read.
        """
        return job_from_row(self._job_row(job_id))

    def update_job(
        self,
        job_id: str,
        *,
        state: str | None = None,
        done: int | None = None,
        errors: Sequence[dict[str, Any]] = (),
        articles: Sequence[str] = (),
    ) -> None:
        """Record a job's progress in one transaction; ``errors`` and ``articles`` are appended.

        The job's row is read and rewritten under the writer's lock, so two workers
        reporting at once both get their errors and articles recorded. A job that reaches
        ``done`` or ``failed`` drops its stored inputs.

        Raises:
            StoreError: the store cannot be written.
        """
        self._write_job(job_id, state, done, lambda old_errors, old_articles: job_lists(old_errors, old_articles, errors, articles))

    # -- feeds -------------------------------------------------------------------------------

    def get_feed_state(self, url: str) -> dict[str, Any] | None:
        """A followed feed's ``etag``, ``last_modified``, ``title`` and ``checked_at``, or None.

        Raises:
            StoreError: the store cannot be read.
        """
        row = self._feed_row(url)
        return dict(zip(FEED_STATE_KEYS, row)) if row else None

    def followed_feeds(self) -> list[dict[str, Any]]:
        """The feeds a server follows: ``url``, ``every`` (seconds between polls),
        ``followed_at``; ``title`` and ``checked_at`` from the last poll that read the
        feed; ``polled_at`` and ``error`` from the last poll, failed or not (None before
        the first; ``error`` None when it went well); ``articles``, how many stored
        articles came from the feed. Oldest followed first.

        Raises:
            StoreError: the store cannot be read.
        """
        return [dict(zip(FOLLOWED_KEYS, row)) for row in self._followed_rows()]

    # -- lifetime ----------------------------------------------------------------------------

    def __enter__(self: StoreT) -> StoreT:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
