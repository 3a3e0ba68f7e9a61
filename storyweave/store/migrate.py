"""Move a store to another backend without loss: SQLite → PostgreSQL and back.

Both stores have the same tables and columns (see :data:`storyweave.store.postgres_schema.TABLES`),
so the copy is table by table, row by row, in insertion order, referenced tables first:

1. open both stores as storyweave stores, which brings each schema up to date;
2. refuse to start when the source holds a table or column this version does not know,
   because copying the rest would silently drop it;
3. copy each table in one transaction per table; a row whose key the target already
   has is kept as it is there (so a copy can be repeated or resumed, and merging into a
   non-empty store never overwrites);
4. count the rows on both sides: the target must hold at least what was read.

Search indexes are rebuilt by the target as rows arrive (SQLite's FTS triggers,
PostgreSQL's ``tsv`` column), so nothing of them is copied.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

from ..errors import ConfigError, StoreError
from .postgres import PostgresStore, redact
from .postgres_schema import TABLES
from .sqlite import SQLiteStore

#: SQLite tables that are not data: the migrations record (each store keeps its own)
#: and the FTS5 index with its shadow tables (rebuilt by triggers).
_SQLITE_SKIP_PREFIXES = ("sqlite_", "articles_fts")
_SQLITE_SKIP = {"migrations"}

#: Rows per read from SQLite, so a large store never sits in memory whole.
_CHUNK = 1000


@dataclass(frozen=True)
class TableCopy:
    """What happened to one table: rows read from the source, rows new in the target."""

    table: str
    read: int
    new: int


def _is_postgres(url: str) -> bool:
    return url.startswith(("postgresql://", "postgres://"))


def _sqlite_path(url: str, role: str) -> Path:
    if url.startswith("sqlite:///"):
        url = url[len("sqlite:///") :]
    elif "://" in url:
        raise ConfigError(f"--{role} {url!r}: unknown store type; use a file path, sqlite:///PATH or postgresql://…")
    if not url or url == ":memory:":
        raise ConfigError(f"--{role} {url or '(empty)'}: an in-memory store holds nothing to move; name a file")
    return Path(url).expanduser()


def _describe(url: str) -> str:
    return redact(url) if _is_postgres(url) else url


class _SQLiteSide:
    """Raw table access to a SQLite store file (after SQLiteStore brought its schema up to date)."""

    def __init__(self, path: Path, *, create: bool) -> None:
        if not create and not path.is_file():
            raise StoreError(f"{path}: no such store file; check the --from path")
        SQLiteStore(path).close()  # creates or migrates the schema, with its errors
        self.path = path
        try:
            self.conn = sqlite3.connect(path, timeout=30, isolation_level=None)
        except sqlite3.Error as exc:  # pragma: no cover - SQLiteStore opened it just now
            raise StoreError(f"{path}: cannot open the store ({exc}); pass another path") from exc

    def tables(self) -> dict[str, list[str]]:
        names = [r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        out = {}
        for name in names:
            if name in _SQLITE_SKIP or name.startswith(_SQLITE_SKIP_PREFIXES):
                continue
            out[name] = [r[1] for r in self.conn.execute(f'PRAGMA table_info("{name}")')]
        return out

    def export_rows(self, table: str) -> Iterator[tuple[Any, ...]]:
        columns, _ = TABLES[table]
        cur = self.conn.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY rowid")
        while rows := cur.fetchmany(_CHUNK):
            yield from rows

    def import_rows(self, table: str, rows: Iterable[Sequence[Any]]) -> int:
        columns, _ = TABLES[table]
        sql = f"INSERT OR IGNORE INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
        new = 0
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            for row in rows:
                new += self.conn.execute(sql, tuple(row)).rowcount
            self.conn.execute("COMMIT")
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        return new

    def count(self, table: str) -> int:
        return int(self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    def close(self) -> None:
        self.conn.close()


class _PostgresSide:
    """Raw table access to a PostgreSQL store."""

    def __init__(self, url: str) -> None:
        self.store = PostgresStore(url)

    def tables(self) -> dict[str, list[str]]:
        with self.store._guard("list tables") as conn:
            rows = conn.execute(
                "SELECT table_name, column_name FROM information_schema.columns"
                " WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position"
            ).fetchall()
        out: dict[str, list[str]] = {}
        for table, column in rows:
            if table != "migrations" and column not in ("seq", "tsv"):
                out.setdefault(table, []).append(column)
        return out

    def export_rows(self, table: str) -> Iterator[tuple[Any, ...]]:
        return self.store.export_rows(table)

    def import_rows(self, table: str, rows: Iterable[Sequence[Any]]) -> int:
        return self.store.import_rows(table, rows)

    def count(self, table: str) -> int:
        with self.store._guard(f"count table {table}") as conn:
            row = conn.execute(f"SELECT count(*) FROM {table}").fetchone()
        return int(row[0]) if row else 0

    def close(self) -> None:
        self.store.close()


def _open(url: str, role: str) -> _SQLiteSide | _PostgresSide:
    if _is_postgres(url):
        return _PostgresSide(url)
    return _SQLiteSide(_sqlite_path(url, role), create=role == "to")


def migrate_store(source: str, target: str) -> list[TableCopy]:
    """Copy every row of the store at ``source`` into the store at ``target``.

    Args:
        source: the store to read: a SQLite path, ``sqlite:///PATH`` or ``postgresql://…``.
        target: the store to write, of either kind; created (or its schema brought up to
            date) as needed. Rows it already holds are kept.

    Returns:
        One :class:`TableCopy` per table, in copy order.

    Raises:
        ConfigError: a URL names no store that can be moved, or source and target are one.
        StoreError: a store cannot be opened, read or written, or the source holds data
            this version of storyweave does not know how to copy.
    """
    if source == target:
        raise ConfigError(f"--from and --to are both {_describe(source)!r}; name two different stores")
    src = _open(source, "from")
    try:
        # Checked before the target is touched: a refused copy leaves no empty store behind.
        _check_known(src.tables(), _describe(source))
        dst = _open(target, "to")
    except BaseException:
        src.close()
        raise
    try:
        with closing(src), closing(dst):
            report = []
            for table in TABLES:
                read = 0

                def counted(rows: Iterable[tuple[Any, ...]]) -> Iterator[tuple[Any, ...]]:
                    nonlocal read
                    for row in rows:
                        read += 1
                        yield row

                new = dst.import_rows(table, counted(src.export_rows(table)))
                if dst.count(table) < src.count(table):
                    raise StoreError(
                        f"{_describe(target)}: table {table} holds fewer rows than {_describe(source)} after the copy;"
                        " another process may be deleting from it: stop it and run migrate again"
                    )
                report.append(TableCopy(table, read, new))
            return report
    except sqlite3.Error as exc:
        raise StoreError(f"cannot copy {_describe(source)} to {_describe(target)} ({exc}); check both stores") from exc


def _check_known(tables: dict[str, list[str]], where: str) -> None:
    """Refuse a source with tables or columns the copy would drop."""
    for table, columns in tables.items():
        if table not in TABLES:
            raise StoreError(
                f"{where}: holds table {table!r}, which this storyweave cannot copy; upgrade storyweave"
                " (nothing was copied)"
            )
        unknown = [c for c in columns if c not in TABLES[table][0]]
        if unknown:
            raise StoreError(
                f"{where}: table {table} has columns {unknown} this storyweave cannot copy; upgrade storyweave"
                " (nothing was copied)"
            )
