"""``storyweave migrate``: a store moves between SQLite and PostgreSQL without loss."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Iterator

import numpy as np
import pytest
from _postgres import fresh_schema
from typer.testing import CliRunner

from storyweave.cli import app
from storyweave.errors import ConfigError, StoreError
from storyweave.model import Article, Removed, Story
from storyweave.store import Store, open_store
from storyweave.store.migrate import migrate_store

runner = CliRunner()


def _article(n: int) -> Article:
    return Article(
        id=f"{n:016x}",
        source=f"Outlet {n}",
        location=f"https://outlet{n}.example/a",
        title=f"Harbour strike day {n}",
        text=f"Dockworkers walked out on day {n}. “We stay out,” a union leader said. Ünïcode.",
        published="2024-06-19",
        removed=(Removed("Leave a Comment", "comment-prompt"),),
        url=f"https://outlet{n}.example/a",
    )


def _fill(store: Store) -> None:
    """A store with something in every table storyweave keeps."""
    arts = [_article(n) for n in (3, 1, 2)]  # insertion order differs from id order
    store.add_articles(arts)
    store.put_vectors("minilm.v1", {f"h{n}": (np.arange(384, dtype=np.float32) + n) / 7 for n in range(3)})
    store.put_blob("spacy-doc:v1", "abc", b"\x00\xffbinary")
    store.save_stories([Story("s1", "Harbour strike", (arts[0].id, arts[2].id), {arts[2].id: arts[0].id}),
                        Story("s0", "Other", (arts[1].id,))])
    store.save_analysis("s1", "opts", {"schema": "storyweave.analysis/1", "title": "Мир"})
    store.save_grouping("stories.v1", b"meta", [("s1", b"p1"), ("s0", b"p0")],
                        [(arts[0].id, "s1", None, b"sig0"), (arts[2].id, "s1", arts[0].id, b"sig2")])
    job = store.create_job("ingest", [{"url": "https://a.example"}, {"url": "https://b.example"}])
    store.update_job(job, state="running", done=1, errors=[{"input": "https://b.example", "reason": "404"}])
    store.save_story_summaries([{"id": "s1", "title": "Harbour strike", "articles": 2}])
    store.save_feed_state("https://feed.example/rss", '"etag1"', "Tue, 18 Jun 2024 10:00:00 GMT", "Feed")
    store.mark_feed_item("https://feed.example/rss", "guid-1", arts[0].id)


def _snapshot(store: Store) -> dict[str, object]:
    """Everything a user can read back through the Store interface."""
    ids = [a.id for a in store.all_articles()]
    job = store.unfinished_jobs()
    return {
        "articles": store.all_articles(),
        "vectors": {h: v.tolist() for h, v in store.get_vectors("minilm.v1", ["h0", "h1", "h2"]).items()},
        "blob": store.get_blob("spacy-doc:v1", "abc"),
        "stories": store.get_stories(),
        "story_of": [store.story_of(i) for i in ids],
        "analysis": store.get_analysis("s1", "opts"),
        "grouping": store.load_grouping("stories.v1"),
        "jobs": [{k: v for k, v in (store.get_job(j) or {}).items() if k != "id"} for j in job],
        "job_items": [store.job_items(j, 0, 10) for j in job],
        "summaries": store.get_story_summaries(),
        "feed": store.get_feed_state("https://feed.example/rss"),
        "seen": store.seen_feed_items("https://feed.example/rss", ["guid-1", "guid-2"]),
        "search": store.search_articles("union leader"),
    }


@pytest.fixture
def pg_url() -> Iterator[str]:
    with fresh_schema() as url:
        yield url


def test_migrate_sqlite_to_postgres_and_back_loses_nothing(tmp_path: Path, pg_url: str) -> None:
    a, b = tmp_path / "a.db", tmp_path / "b.db"
    with open_store(str(a)) as s:
        _fill(s)
        before = _snapshot(s)
    report = migrate_store(f"sqlite:///{a}", pg_url)
    assert {r.table: (r.read, r.new) for r in report}["articles"] == (3, 3)
    assert all(r.read == r.new for r in report)
    with open_store(pg_url) as s:
        assert _snapshot(s) == before
    migrate_store(pg_url, str(b))
    with open_store(str(b)) as s:
        assert _snapshot(s) == before


def test_migrate_twice_copies_nothing_twice(tmp_path: Path, pg_url: str) -> None:
    a = tmp_path / "a.db"
    with open_store(str(a)) as s:
        _fill(s)
    migrate_store(str(a), pg_url)
    again = migrate_store(str(a), pg_url)
    assert sum(r.read for r in again) > 0 and sum(r.new for r in again) == 0
    with open_store(pg_url) as s:
        assert len(s.all_articles()) == 3


def test_migrate_cli_sqlite_to_sqlite(tmp_path: Path) -> None:
    # The command itself needs no server: SQLite to SQLite moves a store file's content.
    a, b = tmp_path / "a.db", tmp_path / "b.db"
    with open_store(str(a)) as s:
        _fill(s)
        before = _snapshot(s)
    result = runner.invoke(app, ["migrate", "--from", str(a), "--to", f"sqlite:///{b}"])
    assert result.exit_code == 0, result.output
    lines = dict(line.split("\t", 1) for line in result.stdout.splitlines())
    assert lines["articles"] == "3\t3" and lines["vectors"] == "3\t3"
    with open_store(str(b)) as s:
        assert _snapshot(s) == before


def test_migrate_cli_missing_source_exits_1(tmp_path: Path) -> None:
    result = runner.invoke(app, ["migrate", "--from", str(tmp_path / "none.db"), "--to", str(tmp_path / "b.db")])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"storyweave migrate: {tmp_path / 'none.db'}: no such store file; check the --from path"
    assert not (tmp_path / "b.db").exists()


def test_migrate_cli_same_store_is_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["migrate", "--from", "x.db", "--to", "x.db"])
    assert result.exit_code == 2
    assert "name two different stores" in result.stderr
    with pytest.raises(ConfigError, match="in-memory store holds nothing"):
        migrate_store(":memory:", str(tmp_path / "b.db"))


def test_migrate_refuses_source_with_unknown_table(tmp_path: Path) -> None:
    a = tmp_path / "a.db"
    with open_store(str(a)) as s:
        _fill(s)
    conn = sqlite3.connect(a)
    conn.execute("CREATE TABLE newer_feature (x TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="holds table 'newer_feature'.*nothing was copied"):
        migrate_store(str(a), str(tmp_path / "b.db"))
