"""``storyweave group``: near-duplicates and stories only, one JSON object a line."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from .errors import ConfigError, StoryweaveError


class GroupFormat(str, Enum):
    jsonl = "jsonl"


def group_cli(
    sources: list[str] = typer.Argument(..., help="JSONL files, files, folders (read recursively), or - for stdin.", show_default=False),
    fmt: GroupFormat = typer.Option(GroupFormat.jsonl, "--format", "-f", help="jsonl: one object a line."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the result to FILE instead of stdout."),
    db: Optional[str] = typer.Option(None, "--db", help="Extend the stories kept in this store and keep the new state (nothing is kept without it)."),
    moved: bool = typer.Option(False, "--moved", help="With --db: also print a line for each article of an earlier run that now sits in another story."),
) -> None:
    """Near-duplicates and stories only: one line per input, in input order.

    Each line is {"id", "story", "duplicate_of"}: the input's own id (else the article
    id), its story id, and the id of the first article it copies (or null). With --db,
    articles join the stories of earlier runs, and a re-check may move some of those
    articles to another story: --moved adds a line for each, after the inputs' lines,
    with "moved": true, and gives every line its "article" id to match them by.

    Example: storyweave group today.jsonl --db news.db
    """
    from .group import group_sources

    store = None
    if db is not None:
        from .store import open_store

        try:
            store = open_store(db)
        except StoryweaveError as exc:
            typer.echo(f"storyweave: {exc}", err=True)
            raise typer.Exit(2 if isinstance(exc, ConfigError) else 1)
    try:
        rows, failures = group_sources(sources, store=store, report_moved=moved)
    except StoryweaveError as exc:
        typer.echo(f"storyweave: {exc}", err=True)
        raise typer.Exit(1)
    finally:
        if store is not None:
            store.close()
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        try:
            output.write_text(text, encoding="utf-8")
        except OSError as exc:
            typer.echo(f"storyweave: {output}: cannot write ({exc.strerror}); choose another -o path", err=True)
            raise typer.Exit(2)
    for failure in failures:
        typer.echo(f"storyweave: {failure}", err=True)
    raise typer.Exit(1 if failures else 0)


def register(app: typer.Typer) -> None:
    """Add the ``group`` command to the storyweave app."""
    app.command("group")(group_cli)
