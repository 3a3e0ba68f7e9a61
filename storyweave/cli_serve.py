"""``storyweave serve``: the web app and REST API over a store."""

from __future__ import annotations

import os
from typing import Optional

import typer

from .errors import StoryweaveError


def serve_cli(
    db: Optional[str] = typer.Option(None, "--db", help="Store: a SQLite file path, sqlite:///PATH or :memory:. Default: a file in your data folder."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on. The default serves this machine only; 0.0.0.0 serves everyone who can reach it."),
    port: int = typer.Option(8000, "--port", min=0, max=65535, help="Port to listen on."),
    api_key: Optional[str] = typer.Option(None, "--api-key", help="Require this key for writes (or set STORYWEAVE_API_KEY)."),
    read_only: bool = typer.Option(False, "--read-only", help="Serve stories only: no adding or deleting."),
    allow_private_urls: bool = typer.Option(False, "--allow-private-urls", help="Also fetch articles and follow feeds on private, loopback and link-local addresses."),
) -> None:
    """Run the web app and REST API (/api/v1, schema at /openapi.json).

    Feeds followed with POST /api/v1/feeds are polled in the background while it runs.

    Example: storyweave serve --db newsroom.db --port 8000, then open http://127.0.0.1:8000/
    """
    import uvicorn

    from .options import Options
    from .web import create_app

    try:
        app = create_app(db, api_key=api_key or os.environ.get("STORYWEAVE_API_KEY") or None, read_only=read_only,
                         options=Options(allow_private_urls=allow_private_urls))
    except StoryweaveError as exc:
        typer.echo(f"storyweave: {exc}", err=True)
        raise typer.Exit(2)
    if host not in ("127.0.0.1", "localhost", "::1") and not (api_key or os.environ.get("STORYWEAVE_API_KEY") or read_only):
        typer.echo(f"storyweave: warning: serving on {host} without --api-key: anyone who can reach it can add and delete articles", err=True)
    typer.echo(f"storyweave: serving on http://{host}:{port}/ (Ctrl+C to stop)", err=True)
    try:
        uvicorn.run(app, host=host, port=port, log_level="warning")
    except OSError as exc:
        typer.echo(f"storyweave: cannot listen on {host}:{port} ({exc.strerror}); pass another --port", err=True)
        raise typer.Exit(2)


def register(app: typer.Typer) -> None:
    """Add the ``serve`` command to the ``storyweave`` app."""
    app.command("serve")(serve_cli)
