"""``storyweave follow``: poll feeds and add new articles to their stories."""

from __future__ import annotations

import re
from typing import Optional

import typer

from .errors import ConfigError, StoryweaveError

_EVERY = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$")
_UNIT = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_every(value: str) -> float:
    """Seconds in an interval such as ``90s``, ``15m``, ``1h`` (a bare number is seconds).

    Raises:
        ConfigError: the value is not an interval, or is under 10 seconds.
    """
    match = _EVERY.match(value)
    if not match:
        raise ConfigError(f"--every {value!r}: not an interval; write it like 90s, 15m or 1h")
    seconds = float(match.group(1)) * _UNIT[match.group(2)]
    if seconds < 10:
        raise ConfigError(f"--every {value!r}: polling faster than every 10s burdens the outlet; use 10s or more")
    return seconds


def follow_cli(
    feeds: list[str] = typer.Argument(..., help="URLs of RSS or Atom feeds.", show_default=False),
    every: str = typer.Option("15m", "--every", help="Time between polls: 90s, 15m, 1h."),
    db: Optional[str] = typer.Option(None, "--db", help="Store: a SQLite file path or sqlite:///PATH. Default: a file in your data folder."),
    once: bool = typer.Option(False, "--once", help="Poll once and exit (for cron and tests)."),
    allow_private_urls: bool = typer.Option(False, "--allow-private-urls", help="Also fetch URLs on private, loopback and link-local addresses."),
) -> None:
    """Poll feeds; store only new articles and add each to its story.

    Prints one line per new article: story title, outlet, headline (tab-separated).
    Stopping and restarting loses and repeats nothing: what was read is kept in the store.

    Example: storyweave follow https://example.org/rss.xml --every 15m
    """
    from .follow import NewArticle, follow
    from .options import Options
    from .store import open_store

    try:
        seconds = parse_every(every)
    except ConfigError as exc:
        typer.echo(f"storyweave: {exc}", err=True)
        raise typer.Exit(2)
    if db == ":memory:" and not once:
        typer.echo("storyweave: --db :memory: forgets what was read between polls; pass a file or --once", err=True)
        raise typer.Exit(2)
    failed = False

    def on_event(event: object) -> None:
        nonlocal failed
        if isinstance(event, NewArticle):
            typer.echo(event.line())
        else:
            failed = True
            typer.echo(f"storyweave: {event}", err=True)

    try:
        with open_store(db) as store:
            follow(feeds, store, seconds, Options(allow_private_urls=allow_private_urls), on_event=on_event,
                   polls=1 if once else None)
    except KeyboardInterrupt:
        raise typer.Exit(0)
    except StoryweaveError as exc:
        typer.echo(f"storyweave: {exc}", err=True)
        raise typer.Exit(2 if isinstance(exc, ConfigError) else 1)
    raise typer.Exit(1 if failed else 0)


def register(app: typer.Typer) -> None:
    """Add the ``follow`` command to the ``storyweave`` app."""
    app.command("follow")(follow_cli)
