"""The SQLite store's schema: its migrations, applied in order and recorded by name.

The PostgreSQL store has the same tables and columns (:mod:`storyweave.store.postgres_schema`).
"""

from __future__ import annotations

import sqlite3

from ._common import Migrations

#: The schema, one step per function, applied in order and recorded by name.
MIGRATIONS: Migrations[sqlite3.Connection] = Migrations()
migration = MIGRATIONS.register


@migration
def m001_initial(conn: sqlite3.Connection) -> None:
    """Articles, vector and blob caches, stories with their members, and analyses."""
    conn.execute(
        "CREATE TABLE articles (id TEXT PRIMARY KEY, url TEXT, json TEXT NOT NULL, added_at TEXT NOT NULL)"
    )
    conn.execute("CREATE INDEX articles_url ON articles (url)")
    conn.execute(
        "CREATE TABLE vectors (model TEXT NOT NULL, hash TEXT NOT NULL, dim INTEGER NOT NULL,"
        " data BLOB NOT NULL, PRIMARY KEY (model, hash))"
    )
    conn.execute(
        "CREATE TABLE blobs (kind TEXT NOT NULL, key TEXT NOT NULL, data BLOB NOT NULL, PRIMARY KEY (kind, key))"
    )
    conn.execute(
        "CREATE TABLE stories (id TEXT PRIMARY KEY, title TEXT NOT NULL, duplicates TEXT NOT NULL DEFAULT '{}')"
    )
    # article_id is the key: an article belongs to one story at a time.
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
def m002_grouping(conn: sqlite3.Connection) -> None:
    """Incremental story grouping: story profiles, memberships with signatures, counters.

    Kept apart from ``stories``/``story_articles`` (the analysed stories) and keyed by
    the grouping method's versioned name, so a new method never reads an old state.
    """
    conn.execute("CREATE TABLE group_meta (method TEXT PRIMARY KEY, data BLOB NOT NULL)")
    conn.execute(
        "CREATE TABLE group_stories (method TEXT NOT NULL, id TEXT NOT NULL, profile BLOB NOT NULL,"
        " PRIMARY KEY (method, id))"
    )
    conn.execute(
        "CREATE TABLE group_members (method TEXT NOT NULL, article_id TEXT NOT NULL, story_id TEXT NOT NULL,"
        " duplicate_of TEXT, signature BLOB NOT NULL, PRIMARY KEY (method, article_id))"
    )


@migration
def m_web1_jobs_search(conn: sqlite3.Connection) -> None:
    """The web app's jobs (with their pending inputs), a full-text index of articles and
    story summaries for the story list.

    The full-text index is contentless FTS5 kept in step with ``articles`` by triggers,
    so articles stored by any command are searchable and the text is not stored twice.
    """
    conn.execute(
        "CREATE TABLE jobs (id TEXT PRIMARY KEY, kind TEXT NOT NULL, state TEXT NOT NULL,"
        " total INTEGER NOT NULL, done INTEGER NOT NULL DEFAULT 0, errors TEXT NOT NULL DEFAULT '[]',"
        " articles TEXT NOT NULL DEFAULT '[]', created_at TEXT NOT NULL, updated_at TEXT NOT NULL)"
    )
    conn.execute(
        "CREATE TABLE job_items (job_id TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,"
        " position INTEGER NOT NULL, json TEXT NOT NULL, PRIMARY KEY (job_id, position))"
    )
    conn.execute("CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='')")
    conn.execute(
        "CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN"
        " INSERT INTO articles_fts (rowid, title, text)"
        " VALUES (new.rowid, json_extract(new.json, '$.title'), json_extract(new.json, '$.text')); END"
    )
    conn.execute(
        "CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN"
        " INSERT INTO articles_fts (articles_fts, rowid, title, text)"
        " VALUES ('delete', old.rowid, json_extract(old.json, '$.title'), json_extract(old.json, '$.text')); END"
    )
    conn.execute(
        "INSERT INTO articles_fts (rowid, title, text)"
        " SELECT rowid, json_extract(json, '$.title'), json_extract(json, '$.text') FROM articles"
    )
    conn.execute("CREATE TABLE story_summaries (story_id TEXT PRIMARY KEY, json TEXT NOT NULL)")


@migration
def m_feeds1(conn: sqlite3.Connection) -> None:
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
def m_feeds2_followed(conn: sqlite3.Connection) -> None:
    """The feeds ``storyweave serve`` follows, and how often it polls each.

    Kept apart from ``feeds`` (which records every poll, also by ``storyweave follow``),
    so unfollowing a feed keeps the items already read: following it again reads only new ones.
    """
    conn.execute("CREATE TABLE followed_feeds (url TEXT PRIMARY KEY, every REAL NOT NULL, followed_at TEXT NOT NULL)")


@migration
def m_feeds3_polls(conn: sqlite3.Connection) -> None:
    """The outcome of each feed's last poll, failed ones included (``feeds`` records only
    polls that read the feed), so a failing feed shows its problem in the feed list."""
    conn.execute("CREATE TABLE feed_polls (url TEXT PRIMARY KEY, polled_at TEXT NOT NULL, error TEXT)")


@migration
def m003_group_window(conn: sqlite3.Connection) -> None:
    """The open re-check window of story grouping: the features of each article still
    movable, so a later run re-checks it with the articles that came since."""
    conn.execute(
        "CREATE TABLE group_window (method TEXT NOT NULL, article_id TEXT NOT NULL, sketch BLOB NOT NULL,"
        " PRIMARY KEY (method, article_id))"
    )


@migration
def m004_compact_parses(conn: sqlite3.Connection) -> None:
    """Drop the parses cached before they were stored compressed and without the tagger's
    hidden vectors (kind ``spacy-doc:…``, ~20 times the room): they are parsed again, once,
    when next read."""
    conn.execute("DELETE FROM blobs WHERE kind LIKE 'spacy-doc:%'")
