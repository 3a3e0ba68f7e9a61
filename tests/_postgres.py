"""A throw-away PostgreSQL schema per test, on the server STORYWEAVE_TEST_POSTGRES names.

The PostgreSQL tests run only when that variable holds a connection URL (``.ci/postgres.sh``
sets it in CI, so there nothing is skipped). Each test gets its own schema, reached by a
URL whose ``search_path`` points at it, and the schema is dropped afterwards, so tests
never see each other's rows and need no CREATEDB right.
"""

from __future__ import annotations

import os
import uuid
from contextlib import contextmanager
from typing import Iterator
from urllib.parse import quote

import pytest

ENV = "STORYWEAVE_TEST_POSTGRES"


def server_url() -> str:
    """The test server's URL; skips the test when none is configured."""
    url = os.environ.get(ENV)
    if not url:
        pytest.skip(f"set {ENV}=postgresql://USER:PASSWORD@HOST:PORT/DB to run the PostgreSQL tests")
    return url


@contextmanager
def fresh_schema() -> Iterator[str]:
    """A URL whose tables land in a new, empty schema; the schema is dropped on exit."""
    import psycopg

    url = server_url()
    name = "sw_test_" + uuid.uuid4().hex[:12]
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {name}")
    sep = "&" if "?" in url else "?"
    try:
        yield f"{url}{sep}options={quote(f'-csearch_path={name}')}"
    finally:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {name} CASCADE")
