"""The shared store: a PostgreSQL database holding articles, caches, stories and analyses.

For a newsroom (several users, several ingest processes) the store is one PostgreSQL
database behind the same :class:`~storyweave.store.base.Store` interface as the embedded
SQLite file, with the same tables and column names (so :mod:`storyweave.store.migrate`
can move a store between the two) plus:

* ``seq`` columns (identities) that keep insertion order, where SQLite uses ``rowid``;
* a ``tsv`` tsvector column on ``articles`` with a GIN index, for full-text search;
* vectors as little-endian float32 ``bytea``: byte-for-byte the SQLite cache, so the
  vectors read back are exactly the ones written. (pgvector adds nothing storyweave
  uses: vectors are only fetched by sentence hash, never searched by distance.)

Concurrent writers lose and duplicate nothing: every insert is
``INSERT … ON CONFLICT DO NOTHING`` inside a transaction, and writes that read before
they write (story membership, grouping state, job progress, migrations) take a
transaction-scoped advisory lock or a row lock first.

Every ``psycopg`` error is re-raised as :class:`~storyweave.errors.StoreError` naming
the server (never its password) and what to do.
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
import unicodedata
import uuid
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Sequence
from urllib.parse import urlsplit, urlunsplit

from ..errors import StoreError
from ..model import Article, Story
from ._common import FEED_ERROR_CHARS, FEED_STATE_KEYS, JOB_KEYS, JobMerge, StoreCommon, article_from_json, article_json
from ._common import now as _now
from .postgres_schema import MIGRATIONS, TABLES

if TYPE_CHECKING:  # psycopg is imported when a store is opened, not with storyweave
    import psycopg

#: tsvector values are limited to 1 MB; text past this many characters is not indexed.
_FTS_MAX_CHARS = 200_000

#: Advisory lock keys (any fixed 64-bit numbers): one per kind of read-then-write.
_LOCK_MIGRATE = 0x5359_0001
_LOCK_STORIES = 0x5359_0002
_LOCK_GROUPING = 0x5359_0003

def _no_nul(text: str | None) -> str | None:
    """PostgreSQL text cannot hold NUL characters; an untrusted title or URL may."""
    return text.replace("\x00", "") if text else text


def search_words(text: str) -> list[str]:
    """The words full-text search matches: lower-cased, accents removed, split on non-word characters.

    The same rule as the SQLite store's FTS5 ``unicode61`` tokenizer, applied in Python
    to both the indexed text and the query so that no server extension is needed.
    """
    folded = unicodedata.normalize("NFKD", text.casefold())
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return re.findall(r"[^\W_]+", folded)


def _fts_document(title: str, text: str) -> tuple[str, str]:
    return " ".join(search_words(title)), " ".join(search_words(text[:_FTS_MAX_CHARS]))


def _lock_key(article_id: str) -> int:
    """A signed 64-bit advisory lock key for an article id (collisions only make a writer wait)."""
    digest = hashlib.blake2b(article_id.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def redact(url: str) -> str:
    """The URL with its password replaced by ``***``, for messages."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "the PostgreSQL URL"
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return urlunsplit(parts._replace(netloc=netloc))


def _hint(exc: BaseException) -> str:
    """What the user can do about a PostgreSQL error, from its message."""
    text = str(exc).lower()
    if "closed" in text:
        return "the store was closed; open it again"
    if "password" in text or "authentication" in text or "role" in text and "does not exist" in text:
        return "check the user name and password in the URL"
    if "database" in text and "does not exist" in text:
        return "create the database (createdb NAME) or fix its name in the URL"
    if "connect" in text or "connection" in text or "timeout" in text or "resolve" in text:
        return "check that the server is running and that the URL's host and port are right"
    if "permission denied" in text or "privilege" in text:
        return "grant the user CREATE and write rights on the database, or use another --db"
    if "no space left" in text or "disk full" in text or "out of disk" in text:
        return "the server is out of disk space; free some and try again"
    return "check that the database is a storyweave store the user may write to, or pass another --db"


class PostgresStore(StoreCommon):
    """A :class:`~storyweave.store.base.Store` in a PostgreSQL database.

    One connection per object, shared by threads under a lock (as :class:`SQLiteStore`);
    run several processes for parallel writers.

    Args:
        url: a libpq URL, ``postgresql://USER:PASSWORD@HOST:PORT/DATABASE`` (``postgres://``
            too; libpq query parameters such as ``?sslmode=require`` pass through).

    Raises:
        StoreError: psycopg is not installed, or the server cannot be reached or migrated.
    """

    def __init__(self, url: str) -> None:
        self.url = url
        self.location = url
        self._where = redact(url)
        self._damaged = "the cache is damaged: DELETE FROM vectors WHERE model = the model's name"
        self._lock = threading.RLock()
        try:
            import psycopg
        except ImportError as exc:  # pragma: no cover - psycopg is a dependency
            raise StoreError(f"{self._where}: PostgreSQL needs psycopg; pip install 'psycopg[binary]'") from exc
        self._psycopg = psycopg
        try:
            # autocommit: no transaction is left open behind our back; _transaction()
            # opens and closes every one explicitly.
            self._conn = psycopg.connect(url, autocommit=True, connect_timeout=15, application_name="storyweave")
        except psycopg.Error as exc:
            raise StoreError(self._message("connect to the server", exc)) from exc
        try:
            self._migrate()
        except StoreError:
            self._conn.close()
            raise

    # -- plumbing -----------------------------------------------------------------------

    def _message(self, action: str, exc: BaseException) -> str:
        detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        return f"{self._where}: cannot {action} ({detail}); {_hint(exc)}"

    @contextmanager
    def _guard(self, action: str) -> Iterator[psycopg.Connection[Any]]:
        """Hold the lock and turn psycopg errors into StoreError naming the server."""
        with self._lock:
            try:
                yield self._conn
            except self._psycopg.Error as exc:
                raise StoreError(self._message(action, exc)) from exc

    @contextmanager
    def _transaction(self, action: str, lock: int | None = None) -> Iterator[psycopg.Connection[Any]]:
        """One transaction, committed on success and rolled back on any error.

        Args:
            lock: an advisory lock key to hold until the transaction ends, so writers
                that read before they write take turns.
        """
        with self._guard(action) as conn, conn.transaction():
            if lock is not None:
                conn.execute("SELECT pg_advisory_xact_lock(%s)", (lock,))
            yield conn

    def _migrate(self) -> None:
        # Under the same advisory lock as the migrations: two processes opening a new
        # database at once would otherwise race on CREATE TABLE IF NOT EXISTS.
        with self._transaction("create the migrations table", lock=_LOCK_MIGRATE) as conn:
            conn.execute(
                "CREATE TABLE IF NOT EXISTS migrations (seq BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,"
                " name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
            )
        for name, fn in MIGRATIONS:
            # The advisory lock makes a second process opening a new database wait, then
            # see the migration applied, instead of failing on CREATE TABLE.
            with self._transaction(f"apply migration {name}", lock=_LOCK_MIGRATE) as conn:
                if conn.execute("SELECT 1 FROM migrations WHERE name = %s", (name,)).fetchone():
                    continue
                fn(conn)
                conn.execute("INSERT INTO migrations (name, applied_at) VALUES (%s, %s)", (name, _now()))

    def applied_migrations(self) -> list[str]:
        """Names of the migrations applied to this database, in the order applied."""
        with self._guard("read the migrations table") as conn:
            return [r[0] for r in conn.execute("SELECT name FROM migrations ORDER BY seq")]

    # -- raw rows (for storyweave.store.migrate) ------------------------------------------

    def export_rows(self, table: str) -> Iterator[tuple[Any, ...]]:
        """Every row of ``table`` (columns as in :data:`TABLES`), in insertion order.

        Raises:
            KeyError: ``table`` is not a storyweave table.
            StoreError: the store cannot be read.
        """
        columns, order = TABLES[table]
        with self._guard(f"read table {table}") as conn, conn.transaction():
            # A server-side cursor: a large store streams instead of sitting in memory.
            with conn.cursor(name=f"export_{table}") as cur:
                cur.itersize = 1000
                cur.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY {order}")
                for row in cur:
                    yield tuple(bytes(v) if isinstance(v, memoryview) else v for v in row)

    def import_rows(self, table: str, rows: Iterable[Sequence[Any]]) -> int:
        """Insert raw rows into ``table`` in one transaction; rows whose key exists are skipped.

        Returns:
            How many rows were new.

        Raises:
            KeyError: ``table`` is not a storyweave table.
            StoreError: the store cannot be written.
        """
        columns, _ = TABLES[table]
        names = list(columns)
        marks = ["%s"] * len(columns)
        if table == "articles":
            names.append("tsv")
            marks.append("setweight(to_tsvector('simple', %s), 'A') || to_tsvector('simple', %s)")
        sql = f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join(marks)}) ON CONFLICT DO NOTHING"
        new = 0
        with self._transaction(f"write table {table}") as conn, conn.cursor() as cur:
            for row in rows:
                params = list(row)
                if table == "articles":
                    data = json.loads(row[2])
                    params += _fts_document(data.get("title") or "", data.get("text") or "")
                cur.execute(sql, params)
                new += cur.rowcount
        return new

    # -- articles -------------------------------------------------------------------------

    def _insert_articles(self, batch: Sequence[Article]) -> list[bool]:
        added = _now()
        stored: dict[str, bool] = {}
        with self._transaction("store articles") as conn, conn.cursor() as cur:
            # Lock the batch's ids first, in one sorted order: two writers with
            # overlapping batches then queue instead of deadlocking, and the rows are
            # still inserted in input order (which all_articles() keeps). ON CONFLICT
            # DO NOTHING skips an id another writer stored: nothing is stored twice.
            cur.execute(
                "SELECT pg_advisory_xact_lock(k) FROM unnest(%s::bigint[]) AS t(k)",
                (sorted({_lock_key(a.id) for a in batch}),),
            )
            first: dict[str, Article] = {}
            for article in batch:
                first.setdefault(article.id, article)
            for article in first.values():
                title, text = _fts_document(article.title, article.text)
                cur.execute(
                    "INSERT INTO articles (id, url, json, added_at, tsv) VALUES (%s, %s, %s, %s,"
                    " setweight(to_tsvector('simple', %s), 'A') || to_tsvector('simple', %s))"
                    " ON CONFLICT (id) DO NOTHING",
                    (article.id, _no_nul(article.url), article_json(article), added,
                     title, text),
                )
                stored[article.id] = cur.rowcount == 1
        # Flags in input order; a repeated id is new only where it first appears.
        flags = []
        for article in batch:
            flags.append(stored[article.id])
            stored[article.id] = False
        return flags

    def get_article(self, article_id: str) -> Article | None:
        """The stored article with this id, or None.

        Raises:
            StoreError: the store cannot be read.
        """
        with self._guard("read an article") as conn:
            row = conn.execute("SELECT json FROM articles WHERE id = %s", (article_id,)).fetchone()
        return article_from_json(row[0]) if row else None

    def get_articles(self, ids: Sequence[str]) -> list[Article]:
        """The stored articles with these ids, in the order given; unknown ids are skipped.

        Raises:
            StoreError: the store cannot be read.
        """
        unique = list(dict.fromkeys(ids))
        with self._guard("read articles") as conn:
            rows = conn.execute("SELECT id, json FROM articles WHERE id = ANY(%s)", (unique,)).fetchall()
        found = {aid: article_from_json(text) for aid, text in rows}
        return [found[i] for i in ids if i in found]

    def all_articles(self) -> list[Article]:
        """Every stored article, oldest first.

        Raises:
            StoreError: the store cannot be read.
        """
        with self._guard("read articles") as conn:
            rows = conn.execute("SELECT json FROM articles ORDER BY seq").fetchall()
        return [article_from_json(r[0]) for r in rows]

    def article_ids(self) -> list[str]:
        """Ids of every stored article, oldest first (cheaper than reading the articles).

        Raises:
            StoreError: the store cannot be read.
        """
        with self._guard("read articles") as conn:
            return [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY seq")]

    def delete_article(self, article_id: str) -> bool:
        """Delete an article and its story membership.

        The article's story loses its saved analyses, and a story left with no articles
        is dropped.

        Returns:
            True when the article existed.

        Raises:
            StoreError: the store cannot be written.
        """
        with self._transaction("delete an article", lock=_LOCK_STORIES) as conn:
            row = conn.execute("SELECT story_id FROM story_articles WHERE article_id = %s", (article_id,)).fetchone()
            if row:
                conn.execute("DELETE FROM analyses WHERE story_id = %s", (row[0],))
                conn.execute("DELETE FROM story_articles WHERE article_id = %s", (article_id,))
                self._drop_empty_stories(conn)
            return conn.execute("DELETE FROM articles WHERE id = %s", (article_id,)).rowcount == 1

    # -- caches -----------------------------------------------------------------------------

    def _vector_rows(self, model: str, hashes: list[str]) -> list[tuple[str, int, bytes]]:
        with self._guard("read cached vectors") as conn:
            return conn.execute(
                "SELECT hash, dim, data FROM vectors WHERE model = %s AND hash = ANY(%s)", (model, hashes)
            ).fetchall()

    def _insert_vectors(self, rows: list[tuple[str, str, int, bytes]]) -> None:
        with self._transaction("cache vectors") as conn, conn.cursor() as cur:
            cur.executemany(
                "INSERT INTO vectors (model, hash, dim, data) VALUES (%s, %s, %s, %s) ON CONFLICT DO NOTHING", rows
            )

    def get_blob(self, kind: str, key: str) -> bytes | None:
        """A cached blob, or None.

        Raises:
            StoreError: the store cannot be read.
        """
        with self._guard("read the cache") as conn:
            row = conn.execute("SELECT data FROM blobs WHERE kind = %s AND key = %s", (kind, key)).fetchone()
        return bytes(row[0]) if row else None

    def put_blob(self, kind: str, key: str, data: bytes) -> None:
        """Cache a blob under ``kind`` and ``key``, replacing one cached before.

        Raises:
            StoreError: the store cannot be written.
        """
        with self._transaction("write the cache") as conn:
            conn.execute(
                "INSERT INTO blobs (kind, key, data) VALUES (%s, %s, %s)"
                " ON CONFLICT (kind, key) DO UPDATE SET data = excluded.data",
                (kind, key, bytes(data)),
            )

    # -- stories ------------------------------------------------------------------------------

    def save_stories(self, stories: Sequence[Story]) -> None:
        """Save stories, replacing each one's membership.

        An article named by a story moves to it from any other story. A story whose
        membership changed loses its saved analyses, and a story left with no articles
        is dropped. Writers take turns (advisory lock), so two processes saving stories
        at once never leave an article in two stories.

        Raises:
            StoreError: the store cannot be written.
        """
        with self._transaction("save stories", lock=_LOCK_STORIES) as conn:
            for story in stories:
                conn.execute(
                    "INSERT INTO stories (id, title, duplicates) VALUES (%s, %s, %s)"
                    " ON CONFLICT (id) DO UPDATE SET title = excluded.title, duplicates = excluded.duplicates",
                    (story.id, _no_nul(story.title), json.dumps(story.duplicates, sort_keys=True)),
                )
                old = [r[0] for r in conn.execute(
                    "SELECT article_id FROM story_articles WHERE story_id = %s ORDER BY position", (story.id,)
                )]
                new = list(dict.fromkeys(story.articles))
                if old == new:
                    continue
                changed = {story.id}
                for (sid,) in conn.execute(
                    "SELECT DISTINCT story_id FROM story_articles WHERE article_id = ANY(%s)", (new,)
                ).fetchall():
                    changed.add(sid)
                conn.execute("DELETE FROM story_articles WHERE story_id = %s OR article_id = ANY(%s)", (story.id, new))
                with conn.cursor() as cur:
                    cur.executemany(
                        "INSERT INTO story_articles (article_id, story_id, position) VALUES (%s, %s, %s)",
                        [(aid, story.id, pos) for pos, aid in enumerate(new)],
                    )
                conn.execute("DELETE FROM analyses WHERE story_id = ANY(%s)", (sorted(changed),))
            self._drop_empty_stories(conn)

    @staticmethod
    def _drop_empty_stories(conn: psycopg.Connection[Any]) -> None:
        empty = "SELECT id FROM stories WHERE NOT EXISTS (SELECT 1 FROM story_articles m WHERE m.story_id = stories.id)"
        conn.execute(f"DELETE FROM analyses WHERE story_id IN ({empty})")
        conn.execute(f"DELETE FROM stories WHERE id IN ({empty})")

    def get_stories(self) -> list[Story]:
        """Every stored story, in the order first saved, its articles in saved order.

        Raises:
            StoreError: the store cannot be read.
        """
        with self._guard("read stories") as conn:
            # One statement, so the stories and their members come from one snapshot.
            rows = conn.execute(
                "SELECT s.id, s.title, s.duplicates, COALESCE(array_agg(m.article_id ORDER BY m.position)"
                " FILTER (WHERE m.article_id IS NOT NULL), '{}')"
                " FROM stories s LEFT JOIN story_articles m ON m.story_id = s.id GROUP BY s.seq, s.id ORDER BY s.seq"
            ).fetchall()
        return [Story(sid, title, tuple(members), json.loads(dups)) for sid, title, dups, members in rows]

    def story_of(self, article_id: str) -> str | None:
        """The id of the story an article belongs to, or None.

        Raises:
            StoreError: the store cannot be read.
        """
        with self._guard("read stories") as conn:
            row = conn.execute("SELECT story_id FROM story_articles WHERE article_id = %s", (article_id,)).fetchone()
        return row[0] if row else None

    # -- grouping state ---------------------------------------------------------------------------

    def _grouping_rows(self, method: str) -> tuple[bytes, list[Any], list[Any], list[Any]] | None:
        with self._guard("read the grouping state") as conn, conn.transaction():
            # One snapshot: a grouping saved concurrently is seen whole or not at all.
            conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            row = conn.execute("SELECT data FROM group_meta WHERE method = %s", (method,)).fetchone()
            if row is None:
                return None
            stories = conn.execute(
                "SELECT id, profile FROM group_stories WHERE method = %s ORDER BY seq", (method,)).fetchall()
            members = conn.execute(
                "SELECT article_id, story_id, duplicate_of, signature FROM group_members WHERE method = %s"
                " ORDER BY seq", (method,)).fetchall()
            window = conn.execute(
                "SELECT article_id, sketch FROM group_window WHERE method = %s ORDER BY seq", (method,)).fetchall()
        return row[0], stories, members, window

    def _write_grouping(self, method: str, meta: bytes, stories: list[tuple[str, str, bytes]],
                        members: list[tuple[str, str, str, str | None, bytes]],
                        window: list[tuple[str, str, bytes]], closed: list[tuple[str, str]]) -> None:
        with self._transaction("save the grouping state", lock=_LOCK_GROUPING) as conn, conn.cursor() as cur:
            cur.execute(
                "INSERT INTO group_meta (method, data) VALUES (%s, %s)"
                " ON CONFLICT (method) DO UPDATE SET data = excluded.data",
                (method, meta),
            )
            cur.executemany(
                "INSERT INTO group_stories (method, id, profile) VALUES (%s, %s, %s)"
                " ON CONFLICT (method, id) DO UPDATE SET profile = excluded.profile",
                stories,
            )
            cur.executemany(
                "INSERT INTO group_members (method, article_id, story_id, duplicate_of, signature)"
                " VALUES (%s, %s, %s, %s, %s)"
                " ON CONFLICT (method, article_id) DO UPDATE SET story_id = excluded.story_id",
                members,
            )
            cur.executemany("DELETE FROM group_window WHERE method = %s AND article_id = %s", closed)
            cur.executemany(
                "INSERT INTO group_window (method, article_id, sketch) VALUES (%s, %s, %s)"
                " ON CONFLICT (method, article_id) DO UPDATE SET sketch = excluded.sketch",
                window,
            )

    # -- analyses ---------------------------------------------------------------------------------

    def save_analysis(self, story_id: str, key: str, analysis: dict[str, Any]) -> None:
        """Save a story's analysis JSON under ``key``, replacing any saved before.

        Raises:
            StoreError: the store cannot be written.
            TypeError: the analysis is not JSON-serialisable.
        """
        text = json.dumps(analysis, ensure_ascii=False)
        with self._transaction("save an analysis") as conn:
            conn.execute(
                "INSERT INTO analyses (story_id, key, json, saved_at) VALUES (%s, %s, %s, %s)"
                " ON CONFLICT (story_id, key) DO UPDATE SET json = excluded.json, saved_at = excluded.saved_at",
                (story_id, key, text, _now()),
            )

    def get_analysis(self, story_id: str, key: str) -> dict[str, Any] | None:
        """A saved analysis, or None.

        Raises:
            StoreError: the store cannot be read.
        """
        with self._guard("read an analysis") as conn:
            row = conn.execute(
                "SELECT json FROM analyses WHERE story_id = %s AND key = %s", (story_id, key)
            ).fetchone()
        return json.loads(row[0]) if row else None

    # -- jobs (web app) ----------------------------------------------------------------------------

    def create_job(self, kind: str, items: Sequence[dict[str, Any]]) -> str:
        """Record a job and its inputs in one transaction; returns the new job's id.

        Raises:
            StoreError: the store cannot be written.
        """
        job_id = uuid.uuid4().hex[:16]
        now = _now()
        with self._transaction("record a job") as conn, conn.cursor() as cur:
            cur.execute(
                "INSERT INTO jobs (id, kind, state, total, created_at, updated_at)"
                " VALUES (%s, %s, 'queued', %s, %s, %s)",
                (job_id, kind, len(items), now, now),
            )
            cur.executemany(
                "INSERT INTO job_items (job_id, position, json) VALUES (%s, %s, %s)",
                [(job_id, n, json.dumps(item, ensure_ascii=False)) for n, item in enumerate(items)],
            )
        return job_id

    def _job_row(self, job_id: str) -> Sequence[Any] | None:
        with self._guard("read a job") as conn:
            return conn.execute(f"SELECT {', '.join(JOB_KEYS)} FROM jobs WHERE id = %s", (job_id,)).fetchone()

    def job_items(self, job_id: str, start: int, limit: int) -> list[dict[str, Any]]:
        """Up to ``limit`` inputs of a job from position ``start``, in order.

        Raises:
            StoreError: the store cannot be read.
        """
        with self._guard("read a job's inputs") as conn:
            rows = conn.execute(
                "SELECT json FROM job_items WHERE job_id = %s AND position >= %s ORDER BY position LIMIT %s",
                (job_id, start, limit),
            ).fetchall()
        return [json.loads(r[0]) for r in rows]

    def _write_job(self, job_id: str, state: str | None, done: int | None, merge: JobMerge) -> None:
        with self._transaction("record a job's progress") as conn:
            row = conn.execute("SELECT errors, articles FROM jobs WHERE id = %s FOR UPDATE", (job_id,)).fetchone()
            if row is None:
                return
            conn.execute(
                "UPDATE jobs SET state = COALESCE(%s, state), done = COALESCE(%s, done), errors = %s, articles = %s,"
                " updated_at = %s WHERE id = %s",
                (state, done, *merge(row[0], row[1]), _now(), job_id),
            )
            if state in ("done", "failed"):
                conn.execute("DELETE FROM job_items WHERE job_id = %s", (job_id,))

    def unfinished_jobs(self) -> list[str]:
        """Ids of jobs not yet done or failed, oldest first.

        Raises:
            StoreError: the store cannot be read.
        """
        with self._guard("read jobs") as conn:
            rows = conn.execute("SELECT id FROM jobs WHERE state NOT IN ('done', 'failed') ORDER BY seq").fetchall()
        return [r[0] for r in rows]

    # -- search and story summaries (web app) -------------------------------------------------------

    def search_articles(self, query: str, limit: int = 1000) -> list[str]:
        """Ids of articles whose title or text holds every word of ``query``, best match first.

        Words are matched whole, case- and accent-insensitively, as in the SQLite store;
        punctuation and tsquery operators in ``query`` are ignored, so any text is valid.
        Title words rank above body words; ties keep insertion order.

        Raises:
            StoreError: the store cannot be read.
        """
        words = search_words(query)
        if not words:
            return []
        # Each word is quoted as a tsquery lexeme, so nothing in it is an operator.
        tsquery = " & ".join("'" + w.replace("'", "''") + "'" for w in dict.fromkeys(words))
        with self._guard("search articles") as conn:
            rows = conn.execute(
                "SELECT id FROM articles, to_tsquery('simple', %s) q WHERE tsv @@ q"
                " ORDER BY ts_rank(tsv, q) DESC, seq LIMIT %s",
                (tsquery, limit),
            ).fetchall()
        return [r[0] for r in rows]

    def save_story_summaries(self, summaries: Sequence[dict[str, Any]]) -> None:
        """Save story summaries (each with an ``id``), replacing earlier ones of the same story.

        Raises:
            StoreError: the store cannot be written.
        """
        with self._transaction("save story summaries") as conn, conn.cursor() as cur:
            cur.executemany(
                "INSERT INTO story_summaries (story_id, json) VALUES (%s, %s)"
                " ON CONFLICT (story_id) DO UPDATE SET json = excluded.json",
                [(s["id"], json.dumps(s, ensure_ascii=False)) for s in summaries],
            )

    def get_story_summaries(self) -> list[dict[str, Any]]:
        """Summaries of the stories the store holds now (those of dropped stories are skipped).

        Raises:
            StoreError: the store cannot be read.
        """
        with self._guard("read story summaries") as conn:
            rows = conn.execute(
                "SELECT s.json FROM story_summaries s JOIN stories t ON t.id = s.story_id ORDER BY t.seq"
            ).fetchall()
        return [json.loads(r[0]) for r in rows]

    # -- followed feeds --------------------------------------------------------------------------------

    def _feed_row(self, url: str) -> Sequence[Any] | None:
        with self._guard("read a feed") as conn:
            return conn.execute(f"SELECT {', '.join(FEED_STATE_KEYS)} FROM feeds WHERE url = %s", (url,)).fetchone()

    def save_feed_state(self, url: str, etag: str | None, last_modified: str | None, title: str | None) -> None:
        """Record a poll of a feed and the validators its server sent.

        Raises:
            StoreError: the store cannot be written.
        """
        with self._transaction("save a feed") as conn:
            conn.execute(
                "INSERT INTO feeds (url, etag, last_modified, title, checked_at) VALUES (%s, %s, %s, %s, %s)"
                " ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,"
                " title = COALESCE(excluded.title, feeds.title), checked_at = excluded.checked_at",
                (_no_nul(url), _no_nul(etag), _no_nul(last_modified), _no_nul(title), _now()),
            )

    def seen_feed_items(self, url: str, keys: Sequence[str]) -> set[str]:
        """Which of ``keys`` were already read from the feed at ``url``.

        Raises:
            StoreError: the store cannot be read.
        """
        with self._guard("read feed items") as conn:
            rows = conn.execute(
                "SELECT item_key FROM feed_items WHERE feed_url = %s AND item_key = ANY(%s)",
                (_no_nul(url), [_no_nul(k) for k in dict.fromkeys(keys)]),
            ).fetchall()
        return {r[0] for r in rows}

    def mark_feed_item(self, url: str, key: str, article_id: str | None) -> None:
        """Record that an item of a feed was read (``article_id`` None when it failed for good).

        Raises:
            StoreError: the store cannot be written.
        """
        with self._transaction("save a feed item") as conn:
            conn.execute(
                "INSERT INTO feed_items (feed_url, item_key, article_id, seen_at) VALUES (%s, %s, %s, %s)"
                " ON CONFLICT (feed_url, item_key) DO UPDATE SET article_id = excluded.article_id,"
                " seen_at = excluded.seen_at",
                (_no_nul(url), _no_nul(key), article_id, _now()),
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
            row = conn.execute(
                "INSERT INTO followed_feeds (url, every, followed_at) VALUES (%s, %s, %s)"
                " ON CONFLICT (url) DO UPDATE SET every = excluded.every RETURNING (xmax = 0)",
                (_no_nul(url), float(every), _now()),
            ).fetchone()
        return bool(row and row[0])

    def unfollow_feed(self, url: str) -> bool:
        """Stop following a feed (the items already read stay recorded); True when it was followed.

        Raises:
            StoreError: the store cannot be written.
        """
        with self._transaction("unfollow a feed") as conn:
            return conn.execute("DELETE FROM followed_feeds WHERE url = %s", (_no_nul(url),)).rowcount == 1

    def record_feed_poll(self, url: str, error: str | None) -> None:
        """Record that a feed was polled now, and its error (None: the poll went well).

        Raises:
            StoreError: the store cannot be written.
        """
        with self._transaction("save a feed poll") as conn:
            conn.execute(
                "INSERT INTO feed_polls (url, polled_at, error) VALUES (%s, %s, %s)"
                " ON CONFLICT (url) DO UPDATE SET polled_at = excluded.polled_at, error = excluded.error",
                (_no_nul(url), _now(), _no_nul(error[:FEED_ERROR_CHARS]) if error else None),
            )

    def _followed_rows(self) -> list[Sequence[Any]]:
        with self._guard("read followed feeds") as conn:
            return conn.execute(
                "SELECT f.url, f.every, f.followed_at, s.title, s.checked_at, p.polled_at, p.error,"
                " (SELECT COUNT(*) FROM feed_items i JOIN articles a ON a.id = i.article_id WHERE i.feed_url = f.url)"
                " FROM followed_feeds f LEFT JOIN feeds s ON s.url = f.url LEFT JOIN feed_polls p ON p.url = f.url"
                " ORDER BY f.followed_at, f.url"
            ).fetchall()

    def __repr__(self) -> str:
        return f"PostgresStore({self._where!r})"
