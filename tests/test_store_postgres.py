"""The PostgreSQL store: concurrent writer processes, migrations, full-text search.

The behaviour shared with SQLite is tested by tests/test_store.py on both backends; this
file holds what only a shared server has. Runs when STORYWEAVE_TEST_POSTGRES names a
server (see tests/_postgres.py); CI sets it.
"""

from __future__ import annotations

import multiprocessing as mp
from typing import Iterator

import numpy as np
import pytest
from _postgres import fresh_schema

from storyweave.errors import StoreError
from storyweave.model import Article, Story
from storyweave.store import PostgresStore, SQLiteStore, open_store
from storyweave.store.postgres import redact
from storyweave.store.postgres_schema import MIGRATIONS


def _article(n: int, title: str | None = None, text: str | None = None) -> Article:
    return Article(
        id=f"{n:016x}",
        source=f"Outlet {n % 7}",
        location=f"https://outlet{n % 7}.example/{n}",
        title=title if title is not None else f"Report number {n}",
        text=text if text is not None else f"Body of report {n}. Officials said the bridge reopened.",
        published="2024-06-19",
    )


@pytest.fixture
def url() -> Iterator[str]:
    with fresh_schema() as u:
        yield u


@pytest.fixture
def pg(url: str) -> Iterator[PostgresStore]:
    with PostgresStore(url) as s:
        yield s


def _ingest(url: str, order: list[int], out: "mp.Queue[tuple[int, int]]") -> None:
    """One ingest process: stores articles and vectors, reports how many it stored."""
    with open_store(url) as s:
        flags = s.add_articles(_article(n) for n in order)
        s.put_vectors("m.v1", {f"h{n}": np.full(8, n, dtype=np.float32) for n in order})
        s.save_grouping("g.v1", b"meta", [(f"s{k}", b"p") for k in range(5)], [(f"{n:016x}", f"s{n % 5}", None, b"sig") for n in order])
    out.put((len(order), sum(flags)))


def test_store_postgres_two_writer_processes_lose_and_duplicate_nothing(url: str) -> None:
    # Two processes ingest overlapping feeds at once, in opposite orders, into one fresh
    # database (so they also race to create the schema).
    ctx = mp.get_context("spawn")
    out: "mp.Queue[tuple[int, int]]" = ctx.Queue()
    first, second = list(range(0, 600)), list(range(999, 299, -1))
    procs = [ctx.Process(target=_ingest, args=(url, order, out)) for order in (first, second)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
    assert [p.exitcode for p in procs] == [0, 0]
    reports = [out.get(timeout=5) for _ in procs]
    with PostgresStore(url) as s:
        ids = [a.id for a in s.all_articles()]
        assert len(ids) == len(set(ids)) == 1000  # the union, each once
        assert sum(stored for _, stored in reports) == 1000  # each article stored by exactly one writer
        vectors = s.get_vectors("m.v1", [f"h{n}" for n in range(1000)])
        assert len(vectors) == 1000 and vectors["h450"][0] == 450.0
        state = s.load_grouping("g.v1")
        assert len(state.members) == 1000 and len({m[0] for m in state.members}) == 1000
        assert s.applied_migrations() == [name for name, _ in MIGRATIONS]


def test_store_postgres_migrations_recorded_once_and_match_sqlite(url: str) -> None:
    import psycopg

    for _ in range(3):
        with PostgresStore(url) as s:
            names = s.applied_migrations()
    assert names == [name for name, _ in MIGRATIONS]
    with psycopg.connect(url) as conn:
        assert conn.execute("SELECT count(*) FROM migrations").fetchone() == (len(MIGRATIONS),)
    # The same names as the SQLite store: one schema history for both backends.
    with SQLiteStore(":memory:") as lite:
        assert lite.applied_migrations() == names


def test_store_postgres_migration_failure_rolls_back(url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import psycopg

    import storyweave.store.postgres as pgmod

    def broken(conn: psycopg.Connection) -> None:  # type: ignore[type-arg]
        conn.execute("CREATE TABLE half_done (x INTEGER)")
        conn.execute("SELECT no_such_column FROM half_done")

    monkeypatch.setattr(pgmod, "MIGRATIONS", [*pgmod.MIGRATIONS, ("m999_broken", broken)])
    with pytest.raises(StoreError, match="cannot apply migration m999_broken"):
        PostgresStore(url)
    with psycopg.connect(url) as conn:
        assert conn.execute("SELECT to_regclass('half_done')").fetchone() == (None,)
        assert conn.execute("SELECT count(*) FROM migrations WHERE name = 'm999_broken'").fetchone() == (0,)
    monkeypatch.undo()
    with PostgresStore(url) as s:  # the good migrations stand; the store opens
        assert "m999_broken" not in s.applied_migrations()


def test_store_postgres_search_whole_words_any_case_and_accent(pg: PostgresStore) -> None:
    pg.add_articles([
        _article(1, "Café owners protest", "The mayor met café owners on Tuesday."),
        _article(2, "Bridge reopens", "Traffic resumed after the protest ended; the CAFE nearby reopened."),
        _article(3, "Weather", "Rain is expected. Protesters stayed home."),
    ])
    ids = {n: f"{n:016x}" for n in (1, 2, 3)}
    assert pg.search_articles("cafe") == [ids[1], ids[2]]  # title match ranks first
    assert set(pg.search_articles("CAFÉ protest")) == {ids[1], ids[2]}
    assert pg.search_articles("protest") != [] and ids[3] not in pg.search_articles("protest")  # whole words only
    assert pg.search_articles("protest & !cafe | ('x") == pg.search_articles("protest cafe x")  # operators are text
    assert pg.search_articles("!!! ...") == []
    assert pg.search_articles("cafe", limit=1) == [ids[1]]


def test_store_postgres_search_agrees_with_sqlite(pg: PostgresStore) -> None:
    articles = [
        _article(n, f"Minister {'Müller' if n % 2 else 'Smith'} on budget {n}", f"Talks on day {n % 4} went on.")
        for n in range(20)
    ]
    pg.add_articles(articles)
    with SQLiteStore(":memory:") as lite:
        lite.add_articles(articles)
        for query in ("muller", "Smith budget", "day 3", "talks", "nothing-here"):
            assert set(pg.search_articles(query)) == set(lite.search_articles(query)), query


def test_store_postgres_deleted_article_leaves_search(pg: PostgresStore) -> None:
    pg.add_articles([_article(1, "Flood warning"), _article(2, "Flood over")])
    pg.delete_article(f"{1:016x}")
    assert pg.search_articles("flood") == [f"{2:016x}"]


def test_store_postgres_untrusted_text_with_nul_is_stored(pg: PostgresStore) -> None:
    # PostgreSQL text cannot hold NUL; an article from the web may. It must round-trip.
    odd = _article(1, "Title\x00with nul", "Body \x00 text; '); DROP TABLE articles; --")
    assert pg.add_articles([odd]) == [True]
    assert pg.get_article(odd.id) == odd
    assert pg.search_articles("drop table") == [odd.id]


def test_store_postgres_reopened_keeps_everything(url: str) -> None:
    vec = np.arange(5, dtype=np.float32) / 7
    with open_store(url) as s:
        s.add_articles([_article(1), _article(2)])
        s.put_vectors("m.v1", {"h": vec})
        s.save_stories([Story("s1", "T", (_article(2).id, _article(1).id), {_article(1).id: _article(2).id})])
        s.save_analysis("s1", "k", {"a": "Мир"})
        job = s.create_job("ingest", [{"url": "https://x.example"}])
    with open_store(url) as s:
        assert s.all_articles() == [_article(1), _article(2)]
        assert np.array_equal(s.get_vectors("m.v1", ["h"])["h"], vec)
        assert s.get_stories() == [Story("s1", "T", (_article(2).id, _article(1).id), {_article(1).id: _article(2).id})]
        assert s.get_analysis("s1", "k") == {"a": "Мир"}
        assert s.unfinished_jobs() == [job] and s.job_items(job, 0, 10) == [{"url": "https://x.example"}]


def test_store_postgres_errors_name_server_without_password(url: str) -> None:
    s = PostgresStore(url)
    s.close()
    with pytest.raises(StoreError, match="closed; open it again") as info:
        s.get_article("0" * 16)
    assert ":***@" in str(info.value)  # the test URL has a password; the message hides it
    assert redact("postgresql://u:pw@h:5/db") == "postgresql://u:***@h:5/db"
    assert redact("postgresql://h/db") == "postgresql://h/db"


def test_store_postgres_all_articles_keep_input_order_within_a_batch(pg: PostgresStore) -> None:
    # Ids are locked in sorted order to avoid deadlocks; rows must still keep input order.
    assert pg.add_articles([_article(5), _article(1), _article(3), _article(1)]) == [True, True, True, False]
    assert [a.id for a in pg.all_articles()] == [_article(n).id for n in (5, 1, 3)]
