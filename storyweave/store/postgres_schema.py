"""The PostgreSQL store's schema: its migrations, and its tables in insertion order.

The tables and column names are the SQLite store's (:mod:`storyweave.store.sqlite_schema`)
plus ``seq`` identity columns, the ``tsv`` full-text column of ``articles`` and ``BYTEA``
for bytes; :data:`TABLES` is what :mod:`storyweave.store.migrate` copies between the two.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._common import Migrations

if TYPE_CHECKING:  # psycopg is imported when a store is opened, not with storyweave
    import psycopg

#: The schema, one step per function, applied in order and recorded by name.
MIGRATIONS: Migrations[psycopg.Connection[Any]] = Migrations()
migration = MIGRATIONS.register


@migration
def m001_initial(conn: psycopg.Connection[Any]) -> None:
    """Articles (with their full-text vector), vector and blob caches, stories, analyses."""
    conn.execute(
        "CREATE TABLE articles (seq BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE, id TEXT PRIMARY KEY,"
        " url TEXT, json TEXT NOT NULL, added_at TEXT NOT NULL, tsv TSVECTOR NOT NULL DEFAULT ''::tsvector)"
    )
    conn.execute("CREATE INDEX articles_url ON articles (url)")
    conn.execute("CREATE INDEX articles_tsv ON articles USING GIN (tsv)")
    conn.execute(
        "CREATE TABLE vectors (model TEXT NOT NULL, hash TEXT NOT NULL, dim INTEGER NOT NULL,"
        " data BYTEA NOT NULL, PRIMARY KEY (model, hash))"
    )
    conn.execute(
        "CREATE TABLE blobs (kind TEXT NOT NULL, key TEXT NOT NULL, data BYTEA NOT NULL, PRIMARY KEY (kind, key))"
    )
    conn.execute(
        "CREATE TABLE stories (seq BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE, id TEXT PRIMARY KEY,"
        " title TEXT NOT NULL, duplicates TEXT NOT NULL DEFAULT '{}')"
    )
    conn.execute(
        "CREATE TABLE story_articles (article_id TEXT PRIMARY KEY,"
        " story_id TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE, position INTEGER NOT NULL)"
    )
    conn.execute("CREATE INDEX story_articles_story ON story_articles (story_id, position)")
    conn.execute(
        "CREATE TABLE analyses (story_id TEXT NOT NULL, key TEXT NOT NULL, json TEXT NOT NULL,"
        " saved_at TEXT NOT NULL, PRIMARY KEY (story_id, key))"
    )


@migration
def m002_grouping(conn: psycopg.Connection[Any]) -> None:
    """Incremental story grouping state, keyed by the grouping method's versioned name."""
    conn.execute("CREATE TABLE group_meta (method TEXT PRIMARY KEY, data BYTEA NOT NULL)")
    conn.execute(
        "CREATE TABLE group_stories (seq BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE, method TEXT NOT NULL,"
        " id TEXT NOT NULL, profile BYTEA NOT NULL, PRIMARY KEY (method, id))"
    )
    conn.execute(
        "CREATE TABLE group_members (seq BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE, method TEXT NOT NULL,"
        " article_id TEXT NOT NULL, story_id TEXT NOT NULL, duplicate_of TEXT, signature BYTEA NOT NULL,"
        " PRIMARY KEY (method, article_id))"
    )


@migration
def m_web1_jobs_search(conn: psycopg.Connection[Any]) -> None:
    """The web app's jobs with their pending inputs, and story summaries.

    (Full-text search is the ``tsv`` column of ``articles``, built with the table.)
    """
    conn.execute(
        "CREATE TABLE jobs (seq BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE, id TEXT PRIMARY KEY,"
        " kind TEXT NOT NULL, state TEXT NOT NULL, total INTEGER NOT NULL, done INTEGER NOT NULL DEFAULT 0,"
        " errors TEXT NOT NULL DEFAULT '[]', articles TEXT NOT NULL DEFAULT '[]', created_at TEXT NOT NULL,"
        " updated_at TEXT NOT NULL)"
    )
    conn.execute(
        "CREATE TABLE job_items (job_id TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,"
        " position INTEGER NOT NULL, json TEXT NOT NULL, PRIMARY KEY (job_id, position))"
    )
    conn.execute("CREATE TABLE story_summaries (story_id TEXT PRIMARY KEY, json TEXT NOT NULL)")


@migration
def m_feeds1(conn: psycopg.Connection[Any]) -> None:
    """Followed feeds (validators for conditional GET) and the items already read."""
    conn.execute(
        "CREATE TABLE feeds (url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, title TEXT,"
        " checked_at TEXT NOT NULL)"
    )
    conn.execute(
        "CREATE TABLE feed_items (feed_url TEXT NOT NULL, item_key TEXT NOT NULL, article_id TEXT,"
        " seen_at TEXT NOT NULL, PRIMARY KEY (feed_url, item_key))"
    )


@migration
def m_feeds2_followed(conn: psycopg.Connection[Any]) -> None:
    """The feeds ``storyweave serve`` follows, and how often it polls each."""
    conn.execute("CREATE TABLE followed_feeds (url TEXT PRIMARY KEY, every REAL NOT NULL, followed_at TEXT NOT NULL)")


@migration
def m_feeds3_polls(conn: psycopg.Connection[Any]) -> None:
    """The outcome of each feed's last poll, failed ones included."""
    conn.execute("CREATE TABLE feed_polls (url TEXT PRIMARY KEY, polled_at TEXT NOT NULL, error TEXT)")


@migration
def m003_group_window(conn: psycopg.Connection[Any]) -> None:
    """The open re-check window of story grouping: the features of each article still movable."""
    conn.execute(
        "CREATE TABLE group_window (seq BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE, method TEXT NOT NULL,"
        " article_id TEXT NOT NULL, sketch BYTEA NOT NULL, PRIMARY KEY (method, article_id))"
    )


@migration
def m004_compact_parses(conn: psycopg.Connection[Any]) -> None:
    """Drop the parses cached before they were stored compressed and without the tagger's
    hidden vectors (kind ``spacy-doc:…``, ~20 times the room): they are parsed again, once,
    when next read."""
    conn.execute("DELETE FROM blobs WHERE kind LIKE 'spacy-doc:%'")


#: Tables in the order their rows can be inserted (referenced tables first), with the
#: columns shared with the SQLite store, and the column that keeps insertion order.
TABLES: dict[str, tuple[tuple[str, ...], str]] = {
    "articles": (("id", "url", "json", "added_at"), "seq"),
    "vectors": (("model", "hash", "dim", "data"), "model, hash"),
    "blobs": (("kind", "key", "data"), "kind, key"),
    "stories": (("id", "title", "duplicates"), "seq"),
    "story_articles": (("article_id", "story_id", "position"), "story_id, position"),
    "analyses": (("story_id", "key", "json", "saved_at"), "story_id, key"),
    "group_meta": (("method", "data"), "method"),
    "group_stories": (("method", "id", "profile"), "seq"),
    "group_members": (("method", "article_id", "story_id", "duplicate_of", "signature"), "seq"),
    "group_window": (("method", "article_id", "sketch"), "seq"),
    "jobs": (("id", "kind", "state", "total", "done", "errors", "articles", "created_at", "updated_at"), "seq"),
    "job_items": (("job_id", "position", "json"), "job_id, position"),
    "story_summaries": (("story_id", "json"), "story_id"),
    "feeds": (("url", "etag", "last_modified", "title", "checked_at"), "url"),
    "feed_items": (("feed_url", "item_key", "article_id", "seen_at"), "feed_url, item_key"),
    "followed_feeds": (("url", "every", "followed_at"), "followed_at, url"),
    "feed_polls": (("url", "polled_at", "error"), "url"),
}
