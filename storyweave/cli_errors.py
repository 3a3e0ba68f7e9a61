"""One way for the CLI's commands to report a storyweave error."""

from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

import typer

from .errors import ConfigError, StoryweaveError


@contextmanager
def exit_on_error(command: str) -> Iterator[None]:
    """Turn a storyweave error into one stderr line naming the command, and its exit code:
    2 for a usage or configuration problem, 1 for anything else that failed."""
    try:
        yield
    except ConfigError as exc:
        typer.echo(f"storyweave {command}: {exc}", err=True)
        raise typer.Exit(2) from None
    except StoryweaveError as exc:
        typer.echo(f"storyweave {command}: {exc}", err=True)
        raise typer.Exit(1) from None
