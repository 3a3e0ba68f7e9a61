"""Stores: where articles, caches, stories and analyses are kept between runs.

:func:`open_store` turns a ``--db`` value into a :class:`Store`; callers never pick the
backend themselves.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import ConfigError
from .base import Store
from .postgres import PostgresStore  # psycopg itself is imported only when one is opened
from .sqlite import SQLiteStore

__all__ = ["PostgresStore", "SQLiteStore", "Store", "default_path", "open_store"]

_SQLITE_PREFIX = "sqlite:///"


def default_path() -> Path:
    """The store used when no ``--db`` is given: a file in the user's data folder."""
    # Imported here so that importing storyweave does not pay for platformdirs.
    from platformdirs import user_data_dir

    return Path(user_data_dir("storyweave")) / "storyweave.db"


def open_store(url: str | None) -> Store:
    """Open the store a ``--db`` value names.

    Args:
        url: None for the default file in the user's data folder; ``":memory:"`` for a
            store that keeps nothing; a file path or ``sqlite:///PATH`` for a SQLite file
            (``sqlite:////abs/path`` for an absolute path, as SQLAlchemy spells it);
            ``postgresql://USER:PASSWORD@HOST:PORT/DB`` (or ``postgres://``) for a shared
            PostgreSQL store.

    Returns:
        An open store; close it, or use it as a context manager.

    Raises:
        ConfigError: the URL names a backend storyweave cannot open.
        StoreError: the file or server cannot be opened or migrated.
    """
    if url is None:
        path = default_path()
        # Only the default folder is created: a typo in an explicit --db should fail,
        # not silently make directories.
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError:
            pass  # SQLiteStore reports the failure with the path and what to do
        return SQLiteStore(path)
    if url.startswith(("postgresql://", "postgres://")):
        return PostgresStore(url)
    if url.startswith(_SQLITE_PREFIX):
        url = url[len(_SQLITE_PREFIX) :]
    elif "://" in url:
        scheme = url.split("://", 1)[0]
        raise ConfigError(f"--db {url!r}: unknown store type {scheme!r}; use a file path, sqlite:///PATH, postgresql://… or :memory:")
    if not url:
        raise ConfigError("--db is empty; use a file path, sqlite:///PATH or :memory:")
    if url == ":memory:":
        return SQLiteStore(":memory:")
    return SQLiteStore(Path(url).expanduser())
