"""The ``storyweave`` command: thin wrappers around the library functions.

Stdout carries only the result; progress, warnings and errors go to stderr. Exit status:
0 when every input was read, 1 when some input failed (the rest analysed), 2 for usage
errors.
"""

from __future__ import annotations

import json
import os
import platform
import sys
from contextlib import nullcontext
from enum import Enum
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Optional

import typer

from . import __version__
from .errors import ConfigError, StoryweaveError
from .model import InputFailure
from .options import Options

app = typer.Typer(
    add_completion=False,
    rich_markup_mode="markdown",
    no_args_is_help=True,
    help="Read many news articles about one event: what happened, who said what, where sources agree and differ.",
)


class AnalysisFormat(str, Enum):
    terminal = "terminal"
    markdown = "markdown"
    json = "json"
    html = "html"


class ExtractFormat(str, Enum):
    jsonl = "jsonl"
    json = "json"


SOURCES = typer.Argument(..., help="Files, folders (read recursively), JSONL files, saved HTML pages, URLs of pages or RSS/Atom feeds, or - for stdin.", show_default=False)
OUTPUT = typer.Option(None, "--output", "-o", help="Write the result to FILE instead of stdout.")
ALLOW_PRIVATE = typer.Option(False, "--allow-private-urls", help="Also fetch URLs on private, loopback and link-local addresses (refused by default).")
DB = typer.Option(None, "--db", help="Store: a SQLite file path, sqlite:///PATH or :memory:. Default: a file in your data folder.")


def _fail(message: str, code: int) -> None:
    typer.echo(f"storyweave: {message}", err=True)
    raise typer.Exit(code)


def _report_failures(failures: list[InputFailure]) -> int:
    for failure in failures:
        typer.echo(f"storyweave: {failure}", err=True)
    return 1 if failures else 0


def _noting_failed(stories: Iterable[dict[str, Any]], messages: list[str]) -> Iterator[dict[str, Any]]:
    """The stories as they come, each one whose analysis failed noted in ``messages``."""
    for story in stories:
        if story.get("error"):
            count = len(story.get("articles") or [])
            messages.append(f"story {story.get('title')!r} ({count} article{'' if count == 1 else 's'}): {story['error']}")
        yield story


def _warn_languages(articles: list[dict[str, Any]]) -> None:
    """One line on stderr per article not in English: it is analysed all the same, but the
    English models will miss most of its quotes, claims and dates."""
    from ._text import not_english

    for article in articles:
        why = not_english(article.get("language"), article.get("text") or "")
        if why:
            where = article.get("location") or article.get("url") or article.get("id")
            typer.echo(f"storyweave: {where}: {why}; storyweave reads English, so its quotes, claims and dates "
                       "will be mostly missed", err=True)


def _write(text: str | Iterable[str], output: Optional[Path]) -> None:
    """Write text, or its pieces as they are made. A file is written beside ``output`` and
    renamed over it at the end, so a run that fails half-way leaves no half a report; a
    device or a pipe is written to directly."""
    chunks = [text] if isinstance(text, str) else text
    if output is None:
        for chunk in chunks:
            sys.stdout.write(chunk)
        sys.stdout.flush()
        return
    # A device or a pipe ("-o /dev/null", "-o /dev/stdout", a FIFO) is written to as it is:
    # renaming a file over it would replace /dev/null itself with a plain file.
    special = output.exists() and not output.is_file() and not output.is_dir()
    part = output if special else output.with_name(f".{output.name}.part")
    try:
        with part.open("w", encoding="utf-8") as file:
            for chunk in chunks:
                file.write(chunk)
        if not special:
            os.replace(part, output)
    except OSError as exc:
        _fail(f"{output}: cannot write ({exc.strerror}); choose another -o path", 2)
    finally:
        if not special:
            part.unlink(missing_ok=True)


def _progress() -> tuple[Any, Callable[[str, int, int], None] | None]:
    """A progress bar on stderr when a person is watching."""
    if not sys.stderr.isatty():
        return nullcontext(), None
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn

    # Output may be written while the bar runs: it must stay on stdout, not be drawn above the bar.
    bar = Progress(TextColumn("{task.description}"), BarColumn(), TextColumn("{task.completed}/{task.total}"),
                   console=Console(stderr=True), transient=True, redirect_stdout=False)
    tasks: dict[str, Any] = {}

    def update(stage: str, done: int, total: int) -> None:
        if stage not in tasks:
            tasks[stage] = bar.add_task(stage, total=total)
        bar.update(tasks[stage], completed=done, total=total)

    return bar, update


def _version(value: bool) -> None:
    if value:
        typer.echo(f"storyweave {__version__} (Python {platform.python_version()})")
        raise typer.Exit(0)


@app.callback()
def _main(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the storyweave and Python versions.")) -> None:
    pass


@app.command("analyze")
def analyze_cli(
    sources: list[str] = SOURCES,
    fmt: AnalysisFormat = typer.Option(AnalysisFormat.terminal, "--format", "-f", help="terminal, markdown, json or html (one self-contained file)."),
    output: Optional[Path] = OUTPUT,
    db: Optional[str] = DB,
    allow_private_urls: bool = ALLOW_PRIVATE,
    workers: int = typer.Option(1, "--workers", min=1, max=64,
                                help="Analyse stories in N processes side by side, one core each (each loads its own "
                                     "models, about 0.6 GB); the same report as with one."),
) -> None:
    """Analyse articles: brief, who said what, agreements, differences, copies.

    Example: storyweave analyze examples/ --format markdown -o report.md
    """
    from .pipeline import stream_sources
    from .render import render_chunks
    from .store import open_store

    try:
        store = open_store(db)
    except StoryweaveError as exc:
        _fail(str(exc), 2)
    text = None
    with store:
        bar, update = _progress()
        with bar:
            try:
                analysis, failures = stream_sources(sources, options=Options(allow_private_urls=allow_private_urls), store=store,
                                                    progress=update, workers=workers)
                code = _report_failures(failures)
                if not analysis["articles"]:
                    _fail("no article could be read; nothing to analyse", 1)
                _warn_languages(analysis["articles"])
                kwargs = {"color": None if output is None else False} if fmt is AnalysisFormat.terminal else {}
                unanalysed: list[str] = []
                analysis["stories"] = _noting_failed(analysis["stories"], unanalysed)
                # Stories are analysed as they are written, so an archive is never held whole;
                # a report on the screen waits for the progress bar to finish instead.
                chunks = render_chunks(analysis, fmt.value, **kwargs)
                if output is None and sys.stdout.isatty():
                    text = "".join(chunks)
                else:
                    _write(chunks, output)
            except StoryweaveError as exc:
                _fail(str(exc), 1)
    for message in unanalysed:
        typer.echo(f"storyweave: {message}", err=True)
    if text is not None:
        _write(text, output)
    raise typer.Exit(1 if unanalysed else code)


@app.command("extract")
def extract_cli(
    sources: list[str] = SOURCES,
    fmt: ExtractFormat = typer.Option(ExtractFormat.jsonl, "--format", "-f", help="jsonl (one article a line) or json."),
    output: Optional[Path] = OUTPUT,
    db: Optional[str] = typer.Option(None, "--db", help="Also keep the articles in this store (nothing is kept without it)."),
    allow_private_urls: bool = ALLOW_PRIVATE,
) -> None:
    """Ingest and clean only: one cleaned article a line, with its removed junk.

    Example: storyweave extract page.html dump.jsonl.gz
    """
    from .pipeline import read_sources

    read = read_sources(sources, Options(allow_private_urls=allow_private_urls))
    if db is not None:
        from .store import open_store

        try:
            with open_store(db) as store:
                store.add_articles(read.articles)
        except StoryweaveError as exc:
            _fail(str(exc), 2 if isinstance(exc, ConfigError) else 1)
    rows = [a.to_json() for a in read.articles]
    if fmt is ExtractFormat.jsonl:
        text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    else:
        text = json.dumps({"articles": rows}, ensure_ascii=False, indent=2) + "\n"
    _write(text, output)
    raise typer.Exit(_report_failures(read.failures))


@app.command("stories")
def stories_cli(
    db: Optional[str] = DB,
    fmt: ExtractFormat = typer.Option(ExtractFormat.jsonl, "--format", "-f", help="jsonl (one story a line) or json."),
) -> None:
    """List the stories the store holds: id, title, articles.

    Example: storyweave stories --db newsroom.db
    """
    from .store import open_store

    try:
        with open_store(db) as store:
            rows = [{"id": s.id, "title": s.title, "articles": list(s.articles)} for s in store.get_stories()]
    except StoryweaveError as exc:
        _fail(str(exc), 2 if isinstance(exc, ConfigError) else 1)
    if fmt is ExtractFormat.jsonl:
        _write("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), None)
    else:
        _write(json.dumps({"stories": rows}, ensure_ascii=False, indent=2) + "\n", None)


# Commands defined in their own modules register themselves here, one import a line.
# (block start)
from .cli_serve import register as _register_serve; _register_serve(app)
from .cli_group import register as _register_group; _register_group(app)
from .cli_follow import register as _register_follow; _register_follow(app)
from .cli_migrate import register as _register_migrate; _register_migrate(app)
from .cli_spark import register as _register_spark; _register_spark(app)
# (block end)


def main() -> None:
    """Entry point of the ``storyweave`` command."""
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    app()


if __name__ == "__main__":
    main()
