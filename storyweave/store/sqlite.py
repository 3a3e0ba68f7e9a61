"""The embedded store: one SQLite file holding articles, caches, stories and analyses.

Uses the standard library's ``sqlite3`` in WAL mode, so readers never block the writer
and a killed process loses nothing already committed. The schema is built by
migrations: decorated functions, applied in order, each in its own transaction and
recorded by name in the ``migrations`` table so it runs once per file.

Every ``sqlite3`` error is re-raised as :class:`~storyweave.errors.StoreError` naming
the file and what to do.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator, Sequence

from ..errors import StoreError
from ..model import Article, Story
from ._common import ARTICLE_BATCH, FEED_ERROR_CHARS, FEED_STATE_KEYS, JOB_KEYS, JobMerge, StoreCommon, article_from_json, article_json
from ._common import now as _now
from .sqlite_schema import MIGRATIONS

__all__ = ["ARTICLE_BATCH", "SQLiteStore"]

#: Ids per ``IN (...)`` query; well under SQLite's smallest variable limit (999).
_QUERY_CHUNK = 500

def _hint(exc: BaseException) -> str:
    """What the user can do about a SQLite error, from its message."""
    text = str(exc).lower()
    if "unable to open" in text or isinstance(exc, OSError):
        return "check that the folder exists and is writable, or pass another --db path"
    if "readonly" in text or "read-only" in text:
        return "the file is read-only; make it writable or pass another --db path"
    if "locked" in text or "busy" in text:
        return "another process is writing to it; wait for it to finish or pass another --db path"
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return "the file is not a storyweave store or is damaged; pass another --db path"
    if "disk" in text or "full" in text or "i/o" in text:
        return "check that the disk has free space and is writable"
    if "closed" in text:
        return "the store was closed; open it again"
    return "check that the file is a storyweave store and is writable, or pass another --db path"


class SQLiteStore(StoreCommon):
    """A :class:`~storyweave.store.base.Store` in one SQLite file (or in memory).

    One connection per object, shared by threads under a lock, so the web app's worker
    threads can use one store.

    Args:
        path: the database file, or ``":memory:"`` for a store that keeps nothing.

    Raises:
        StoreError: the file cannot be opened or migrated.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self.location = None if self.path == ":memory:" else self.path
        self._lock = threading.RLock()
        self._where = "in-memory store" if self.path == ":memory:" else self.path
        self._damaged = "the file is damaged: delete it or pass another --db path"
        try:
            # isolation_level=None: the module never opens transactions behind our back;
            # _transaction() opens and closes every one explicitly.
            self._conn = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
        except (sqlite3.Error, OSError) as exc:
            raise StoreError(self._message("open the store", exc)) from exc
        try:
            with self._guard("open the store"):
                self._conn.execute("PRAGMA journal_mode = WAL")
                # NORMAL is durable against a killed process in WAL mode; only a power
                # cut can lose the last commits, and those are caches or re-ingestable.
                self._conn.execute("PRAGMA synchronous = NORMAL")
                self._conn.execute("PRAGMA foreign_keys = ON")
            self._migrate()
        except StoreError:
            self._conn.close()
            raise

    # -- plumbing -----------------------------------------------------------------------

    def _message(self, action: str, exc: BaseException) -> str:
        return f"{self._where}: cannot {action} ({exc}); {_hint(exc)}"

    @contextmanager
    def _guard(self, action: str) -> Iterator[None]:
        """Hold the lock and turn sqlite3 errors into StoreError naming the file."""
        with self._lock:
            try:
                yield
            except sqlite3.Error as exc:
                raise StoreError(self._message(action, exc)) from exc

    @contextmanager
    def _transaction(self, action: str) -> Iterator[sqlite3.Connection]:
        """One write transaction: committed on success, rolled back on any error."""
        with self._guard(action):
            # IMMEDIATE takes the write lock up front, so two processes never deadlock
            # upgrading read locks.
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                # SQLite may already have rolled back (e.g. on a full disk).
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def _migrate(self) -> None:
        with self._guard("create the migrations table"):
            self._conn.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
        for name, fn in MIGRATIONS:
            with self._transaction(f"apply migration {name}") as conn:
                # Checked inside the transaction: another process may have applied it
                # between our open and our write lock.
                if conn.execute("SELECT 1 FROM migrations WHERE name = ?", (name,)).fetchone():
                    continue
                fn(conn)
                conn.execute("INSERT INTO migrations (name, applied_at) VALUES (?, ?)", (name, _now()))

    def applied_migrations(self) -> list[str]:
        """Names of the migrations applied to this file, in the order applied."""
        with self._guard("read the migrations table"):
            return [r[0] for r in self._conn.execute("SELECT name FROM migrations ORDER BY rowid")]

    # -- articles -------------------------------------------------------------------------

    def _insert_articles(self, batch: Sequence[Article]) -> list[bool]:
        added = _now()
        flags = []
        with self._transaction("store articles") as conn:
            for article in batch:
                cur = conn.execute(
                    "INSERT OR IGNORE INTO articles (id, url, json, added_at) VALUES (?, ?, ?, ?)",
                    (article.id, article.url, article_json(article), added),
                )
                flags.append(cur.rowcount == 1)
        return flags


    def get_article(self, article_id: str) -> Article | None:
        """The stored article with this id, or None.

        Raises:
            StoreError: the store cannot be read.
        """
        with self._guard("read an article"):
            row = self._conn.execute("SELECT json FROM articles WHERE id = ?", (article_id,)).fetchone()
        return article_from_json(row[0]) if row else None

    def get_articles(self, ids: Sequence[str]) -> list[Article]:
        """The stored articles with these ids, in the order given.

        Args:
            ids: article ids; an id may repeat, and unknown ids are skipped.

        Raises:
            StoreError: the store cannot be read.
        """
        found: dict[str, Article] = {}
        unique = list(dict.fromkeys(ids))
        with self._guard("read articles"):
            for i in range(0, len(unique), _QUERY_CHUNK):
                chunk = unique[i : i + _QUERY_CHUNK]
                marks = ",".join("?" * len(chunk))
                for aid, text in self._conn.execute(f"SELECT id, json FROM articles WHERE id IN ({marks})", chunk):
                    found[aid] = article_from_json(text)
        return [found[i] for i in ids if i in found]

    def all_articles(self) -> list[Article]:
        """Every stored article, oldest first.

        Raises:
            StoreError: the store cannot be read.
        """
        with self._guard("read articles"):
            rows = self._conn.execute("SELECT json FROM articles ORDER BY rowid").fetchall()
        return [article_from_json(r[0]) for r in rows]

    def article_ids(self) -> list[str]:
        """Ids of every stored article, oldest first (cheaper than reading the articles).

        Raises:
            StoreError: the store cannot be read.
        """
        with self._guard("read articles"):
            return [r[0] for r in self._conn.execute("SELECT id FROM articles ORDER BY rowid")]

    def delete_article(self, article_id: str) -> bool:
        """Delete an article and its story membership.

        The article's story loses its saved analyses (they cite the article), and a story
        left with no articles is dropped.

        Returns:
            True when the article existed.

        Raises:
            StoreError: the store cannot be written.
        """
        with self._transaction("delete an article") as conn:
            row = conn.execute("SELECT story_id FROM story_articles WHERE article_id = ?", (article_id,)).fetchone()
            if row:
                conn.execute("DELETE FROM analyses WHERE story_id = ?", (row[0],))
                conn.execute("DELETE FROM story_articles WHERE article_id = ?", (article_id,))
                self._drop_empty_stories(conn)
            return conn.execute("DELETE FROM articles WHERE id = ?", (article_id,)).rowcount == 1

    # -- caches -----------------------------------------------------------------------------

    def _vector_rows(self, model: str, hashes: list[str]) -> list[tuple[str, int, bytes]]:
        rows: list[tuple[str, int, bytes]] = []
        with self._guard("read cached vectors"):
            for i in range(0, len(hashes), _QUERY_CHUNK):
                chunk = hashes[i : i + _QUERY_CHUNK]
                marks = ",".join("?" * len(chunk))
                query = f"SELECT hash, dim, data FROM vectors WHERE model = ? AND hash IN ({marks})"
                rows += self._conn.execute(query, [model, *chunk]).fetchall()
        return rows

    def _insert_vectors(self, rows: list[tuple[str, str, int, bytes]]) -> None:
        with self._transaction("cache vectors") as conn:
            conn.executemany("INSERT OR IGNORE INTO vectors (model, hash, dim, data) VALUES (?, ?, ?, ?)", rows)

    def get_blob(self, kind: str, key: str) -> bytes | None:
        """A cached blob, or None.

        Raises:
            StoreError: the store cannot be read.
        """
        with self._guard("read the cache"):
            row = self._conn.execute("SELECT data FROM blobs WHERE kind = ? AND key = ?", (kind, key)).fetchone()
        return bytes(row[0]) if row else None

    def put_blob(self, kind: str, key: str, data: bytes) -> None:
        """Cache a blob under ``kind`` (what it is, with its version) and ``key`` (a content hash).

        Raises:
            StoreError: the store cannot be written.
        """
        with self._transaction("write the cache") as conn:
            conn.execute("INSERT OR REPLACE INTO blobs (kind, key, data) VALUES (?, ?, ?)", (kind, key, bytes(data)))

    # -- stories ------------------------------------------------------------------------------

    def save_stories(self, stories: Sequence[Story]) -> None:
        """Save stories, replacing each one's membership.

        An article named by a story moves to it from any other story. A story whose
        membership changed loses its saved analyses (they describe other articles), and a
        story left with no articles is dropped.

        Raises:
            StoreError: the store cannot be written.
        """
        with self._transaction("save stories") as conn:
            for story in stories:
                conn.execute(
                    "INSERT INTO stories (id, title, duplicates) VALUES (?, ?, ?)"
                    " ON CONFLICT (id) DO UPDATE SET title = excluded.title, duplicates = excluded.duplicates",
                    (story.id, story.title, json.dumps(story.duplicates, sort_keys=True)),
                )
                old = [r[0] for r in conn.execute(
                    "SELECT article_id FROM story_articles WHERE story_id = ? ORDER BY position", (story.id,)
                )]
                new = list(dict.fromkeys(story.articles))
                if old == new:
                    continue
                # Stories that lose an article to this one change too.
                changed = {story.id}
                for aid in new:
                    row = conn.execute("SELECT story_id FROM story_articles WHERE article_id = ?", (aid,)).fetchone()
                    if row:
                        changed.add(row[0])
                conn.execute("DELETE FROM story_articles WHERE story_id = ?", (story.id,))
                conn.executemany(
                    "INSERT OR REPLACE INTO story_articles (article_id, story_id, position) VALUES (?, ?, ?)",
                    [(aid, story.id, pos) for pos, aid in enumerate(new)],
                )
                conn.executemany("DELETE FROM analyses WHERE story_id = ?", [(s,) for s in sorted(changed)])
            self._drop_empty_stories(conn)

    @staticmethod
    def _drop_empty_stories(conn: sqlite3.Connection) -> None:
        empty = conn.execute("SELECT id FROM stories WHERE id NOT IN (SELECT story_id FROM story_articles)").fetchall()
        conn.executemany("DELETE FROM analyses WHERE story_id = ?", empty)
        conn.executemany("DELETE FROM stories WHERE id = ?", empty)

    def get_stories(self) -> list[Story]:
        """Every stored story, in the order first saved, its articles in saved order.

        Raises:
            StoreError: the store cannot be read.
        """
        with self._guard("read stories"):
            rows = self._conn.execute("SELECT id, title, duplicates FROM stories ORDER BY rowid").fetchall()
            members: dict[str, list[str]] = {}
            for sid, aid in self._conn.execute("SELECT story_id, article_id FROM story_articles ORDER BY story_id, position"):
                members.setdefault(sid, []).append(aid)
        return [Story(sid, title, tuple(members.get(sid, ())), json.loads(dups)) for sid, title, dups in rows]

    def story_of(self, article_id: str) -> str | None:
        """The id of the story an article belongs to, or None.

        Raises:
            StoreError: the store cannot be read.
        """
        with self._guard("read stories"):
            row = self._conn.execute("SELECT story_id FROM story_articles WHERE article_id = ?", (article_id,)).fetchone()
        return row[0] if row else None

    # -- grouping state ---------------------------------------------------------------------------

    def _grouping_rows(self, method: str) -> tuple[bytes, list[Any], list[Any], list[Any]] | None:
        with self._guard("read the grouping state"):
            row = self._conn.execute("SELECT data FROM group_meta WHERE method = ?", (method,)).fetchone()
            if row is None:
                return None
            stories = self._conn.execute(
                "SELECT id, profile FROM group_stories WHERE method = ? ORDER BY rowid", (method,)).fetchall()
            members = self._conn.execute(
                "SELECT article_id, story_id, duplicate_of, signature FROM group_members WHERE method = ?"
                " ORDER BY rowid", (method,)).fetchall()
            window = self._conn.execute(
                "SELECT article_id, sketch FROM group_window WHERE method = ? ORDER BY rowid", (method,)).fetchall()
        return row[0], stories, members, window

    def _write_grouping(self, method: str, meta: bytes, stories: list[tuple[str, str, bytes]],
                        members: list[tuple[str, str, str, str | None, bytes]],
                        window: list[tuple[str, str, bytes]], closed: list[tuple[str, str]]) -> None:
        with self._transaction("save the grouping state") as conn:
            conn.execute("INSERT OR REPLACE INTO group_meta (method, data) VALUES (?, ?)", (method, meta))
            conn.executemany(
                "INSERT INTO group_stories (method, id, profile) VALUES (?, ?, ?)"
                " ON CONFLICT (method, id) DO UPDATE SET profile = excluded.profile",
                stories,
            )
            conn.executemany(
                "INSERT INTO group_members (method, article_id, story_id, duplicate_of, signature)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT (method, article_id) DO UPDATE SET story_id = excluded.story_id",
                members,
            )
            conn.executemany("DELETE FROM group_window WHERE method = ? AND article_id = ?", closed)
            conn.executemany(
                "INSERT INTO group_window (method, article_id, sketch) VALUES (?, ?, ?)"
                " ON CONFLICT (method, article_id) DO UPDATE SET sketch = excluded.sketch",
                window,
            )

    # -- analyses ---------------------------------------------------------------------------------

    def save_analysis(self, story_id: str, key: str, analysis: dict[str, Any]) -> None:
        """Save a story's analysis JSON under ``key``, replacing any saved before.

        Args:
            story_id: the story analysed.
            key: what the analysis depends on besides the articles (e.g. the options
                fingerprint).
            analysis: a JSON-serialisable dict.

        Raises:
            StoreError: the store cannot be written.
            TypeError: the analysis is not JSON-serialisable.
        """
        text = json.dumps(analysis, ensure_ascii=False)
        with self._transaction("save an analysis") as conn:
            conn.execute(
                "INSERT OR REPLACE INTO analyses (story_id, key, json, saved_at) VALUES (?, ?, ?, ?)",
                (story_id, key, text, _now()),
            )

    def get_analysis(self, story_id: str, key: str) -> dict[str, Any] | None:
        """A saved analysis, or None.

        Raises:
            StoreError: the store cannot be read.
        """
        with self._guard("read an analysis"):
            row = self._conn.execute("SELECT json FROM analyses WHERE story_id = ? AND key = ?", (story_id, key)).fetchone()
        return json.loads(row[0]) if row else None

    # -- jobs (web app) ----------------------------------------------------------------------------

    def create_job(self, kind: str, items: Sequence[dict[str, Any]]) -> str:
        """Record a job and its inputs in one transaction, so a restarted server can resume it.

        Args:
            kind: what the job does (``"ingest"``, ``"refresh"``).
            items: JSON-serialisable inputs, processed in order.

        Returns:
            The new job's id.

        Raises:
            StoreError: the store cannot be written.
        """
        import uuid

        job_id = uuid.uuid4().hex[:16]
        now = _now()
        with self._transaction("record a job") as conn:
            conn.execute(
                "INSERT INTO jobs (id, kind, state, total, created_at, updated_at) VALUES (?, ?, 'queued', ?, ?, ?)",
                (job_id, kind, len(items), now, now),
            )
            conn.executemany(
                "INSERT INTO job_items (job_id, position, json) VALUES (?, ?, ?)",
                [(job_id, n, json.dumps(item, ensure_ascii=False)) for n, item in enumerate(items)],
            )
        return job_id

    def _job_row(self, job_id: str) -> Sequence[Any] | None:
        with self._guard("read a job"):
            return self._conn.execute(f"SELECT {', '.join(JOB_KEYS)} FROM jobs WHERE id = ?", (job_id,)).fetchone()

    def job_items(self, job_id: str, start: int, limit: int) -> list[dict[str, Any]]:
        """Up to ``limit`` inputs of a job from position ``start``, in order.

        Raises:
            StoreError: the store cannot be read.
        """
        with self._guard("read a job's inputs"):
            rows = self._conn.execute(
                "SELECT json FROM job_items WHERE job_id = ? AND position >= ? ORDER BY position LIMIT ?",
                (job_id, start, limit),
            ).fetchall()
        return [json.loads(r[0]) for r in rows]

    def _write_job(self, job_id: str, state: str | None, done: int | None, merge: JobMerge) -> None:
        with self._transaction("record a job's progress") as conn:
            row = conn.execute("SELECT errors, articles FROM jobs WHERE id = ?", (job_id,)).fetchone()
            if row is None:
                return
            conn.execute(
                "UPDATE jobs SET state = COALESCE(?, state), done = COALESCE(?, done), errors = ?, articles = ?,"
                " updated_at = ? WHERE id = ?",
                (state, done, *merge(row[0], row[1]), _now(), job_id),
            )
            if state in ("done", "failed"):
                conn.execute("DELETE FROM job_items WHERE job_id = ?", (job_id,))

    def unfinished_jobs(self) -> list[str]:
        """Ids of jobs not yet done or failed, oldest first (to resume after a restart).

        Raises:
            StoreError: the store cannot be read.
        """
        with self._guard("read jobs"):
            rows = self._conn.execute(
                "SELECT id FROM jobs WHERE state NOT IN ('done', 'failed') ORDER BY rowid"
            ).fetchall()
        return [r[0] for r in rows]

    # -- search and story summaries (web app) -------------------------------------------------------

    def search_articles(self, query: str, limit: int = 1000) -> list[str]:
        """Ids of articles whose title or text holds every word of ``query``, best match first.

        Words are matched whole (case- and accent-insensitive); punctuation and FTS
        operators in ``query`` are ignored, so any text is a valid query.

        Raises:
            StoreError: the store cannot be read.
        """
        import re

        words = re.findall(r"\w+", query)
        if not words:
            return []
        match = " ".join('"' + w.replace('"', "") + '"' for w in words)
        with self._guard("search articles"):
            rows = self._conn.execute(
                "SELECT a.id FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid"
                " WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?",
                (match, limit),
            ).fetchall()
        return [r[0] for r in rows]

    def save_story_summaries(self, summaries: Sequence[dict[str, Any]]) -> None:
        """Save story summaries (each with an ``id``), replacing earlier ones of the same story.

        Raises:
            StoreError: the store cannot be written.
        """
        with self._transaction("save story summaries") as conn:
            conn.executemany(
                "INSERT OR REPLACE INTO story_summaries (story_id, json) VALUES (?, ?)",
                [(s["id"], json.dumps(s, ensure_ascii=False)) for s in summaries],
            )

    def get_story_summaries(self) -> list[dict[str, Any]]:
        """Summaries of the stories the store holds now (stale ones of dropped stories are skipped).

        Raises:
            StoreError: the store cannot be read.
        """
        with self._guard("read story summaries"):
            rows = self._conn.execute(
                "SELECT s.json FROM story_summaries s JOIN stories t ON t.id = s.story_id ORDER BY t.rowid"
            ).fetchall()
        return [json.loads(r[0]) for r in rows]

    # -- followed feeds --------------------------------------------------------------------------------

    def _feed_row(self, url: str) -> Sequence[Any] | None:
        with self._guard("read a feed"):
            return self._conn.execute(
                f"SELECT {', '.join(FEED_STATE_KEYS)} FROM feeds WHERE url = ?", (url,)).fetchone()

    def save_feed_state(self, url: str, etag: str | None, last_modified: str | None, title: str | None) -> None:
        """Record a poll of a feed and the validators its server sent.

        Raises:
            StoreError: the store cannot be written.
        """
        with self._transaction("save a feed") as conn:
            conn.execute(
                "INSERT INTO feeds (url, etag, last_modified, title, checked_at) VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,"
                " title = COALESCE(excluded.title, feeds.title), checked_at = excluded.checked_at",
                (url, etag, last_modified, title, _now()),
            )

    def seen_feed_items(self, url: str, keys: Sequence[str]) -> set[str]:
        """Which of ``keys`` were already read from the feed at ``url``.

        Raises:
            StoreError: the store cannot be read.
        """
        seen: set[str] = set()
        unique = list(dict.fromkeys(keys))
        with self._guard("read feed items"):
            for i in range(0, len(unique), _QUERY_CHUNK):
                chunk = unique[i : i + _QUERY_CHUNK]
                marks = ",".join("?" * len(chunk))
                query = f"SELECT item_key FROM feed_items WHERE feed_url = ? AND item_key IN ({marks})"
                seen.update(r[0] for r in self._conn.execute(query, [url, *chunk]))
        return seen

    def mark_feed_item(self, url: str, key: str, article_id: str | None) -> None:
        """Record that an item of a feed was read (``article_id`` None when it failed for good).

        Raises:
            StoreError: the store cannot be written.
        """
        with self._transaction("save a feed item") as conn:
            conn.execute(
                "INSERT OR REPLACE INTO feed_items (feed_url, item_key, article_id, seen_at) VALUES (?, ?, ?, ?)",
                (url, key, article_id, _now()),
            )

    # -- lifetime ------------------------------------------------------------------------------------

    def close(self) -> None:
        """Close the connection; calling it twice is harmless."""
        with self._lock:
            self._conn.close()

    # -- followed feeds (storyweave serve) -------------------------------------------------------

    def follow_feed(self, url: str, every: float) -> bool:
        """Follow a feed, polling it every ``every`` seconds; True when it was not followed yet
        (following it again only changes the interval).

        Raises:
            StoreError: the store cannot be written.
        """
        with self._transaction("follow a feed") as conn:
            new = conn.execute("SELECT 1 FROM followed_feeds WHERE url = ?", (url,)).fetchone() is None
            conn.execute(
                "INSERT INTO followed_feeds (url, every, followed_at) VALUES (?, ?, ?)"
                " ON CONFLICT (url) DO UPDATE SET every = excluded.every",
                (url, float(every), _now()),
            )
        return new

    def unfollow_feed(self, url: str) -> bool:
        """Stop following a feed (the items already read stay recorded); True when it was followed.

        Raises:
            StoreError: the store cannot be written.
        """
        with self._transaction("unfollow a feed") as conn:
            return conn.execute("DELETE FROM followed_feeds WHERE url = ?", (url,)).rowcount == 1

    def record_feed_poll(self, url: str, error: str | None) -> None:
        """Record that a feed was polled now, and its error (None: the poll went well).

        Raises:
            StoreError: the store cannot be written.
        """
        with self._transaction("save a feed poll") as conn:
            conn.execute(
                "INSERT INTO feed_polls (url, polled_at, error) VALUES (?, ?, ?)"
                " ON CONFLICT (url) DO UPDATE SET polled_at = excluded.polled_at, error = excluded.error",
                (url, _now(), error[:FEED_ERROR_CHARS] if error else None),
            )

    def _followed_rows(self) -> list[Sequence[Any]]:
        with self._guard("read followed feeds"):
            return self._conn.execute(
                "SELECT f.url, f.every, f.followed_at, s.title, s.checked_at, p.polled_at, p.error,"
                " (SELECT COUNT(*) FROM feed_items i JOIN articles a ON a.id = i.article_id WHERE i.feed_url = f.url)"
                " FROM followed_feeds f LEFT JOIN feeds s ON s.url = f.url LEFT JOIN feed_polls p ON p.url = f.url"
                " ORDER BY f.followed_at, f.url"
            ).fetchall()

    def __repr__(self) -> str:
        return f"SQLiteStore({self.path!r})"
