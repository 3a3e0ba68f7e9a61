"""``storyweave migrate``: move a store to another backend without loss."""

from __future__ import annotations

import sys

import typer

from .cli_errors import exit_on_error


def migrate_cli(
    source: str = typer.Option(..., "--from", help="The store to read: a SQLite path, sqlite:///PATH or postgresql://USER:PASSWORD@HOST/DB.", show_default=False),
    target: str = typer.Option(..., "--to", help="The store to write (created if new); rows it already holds are kept.", show_default=False),
) -> None:
    """Copy every article, cache, story, analysis, grouping state, job and feed of one
    store into another, e.g. from the embedded SQLite file to a shared PostgreSQL server.

    Prints one line per table: its name, the rows read and the rows new in the target.
    Running it again copies nothing twice.

    Example: storyweave migrate --from sqlite:///news.db --to postgresql://newsroom@db.example/storyweave
    """
    from .store.migrate import migrate_store

    with exit_on_error("migrate"):
        report = migrate_store(source, target)
    for row in report:
        sys.stdout.write(f"{row.table}\t{row.read}\t{row.new}\n")


def register(app: typer.Typer) -> None:
    """Add ``storyweave migrate`` to the CLI."""
    app.command("migrate")(migrate_cli)
