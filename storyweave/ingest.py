"""Ingest: turn files, folders, JSONL dumps and stdin into :class:`Article` records.

Reads a SOURCE; yields one :class:`~storyweave.model.Article` per article read, with a
stable id, source name, location, title, publication time, language and the body as
read (junk included: :mod:`storyweave.clean` removes it). An input that cannot be read
becomes an :class:`~storyweave.model.InputFailure` and the other inputs go on.

Encodings: a byte-order mark (UTF-8/16/32) wins, then strict UTF-8, then Windows-1252
(which reads Latin-1 text correctly) when the result looks like prose; anything else is
reported as "not text". The fallback is logged on the ``storyweave`` logger.
"""

from __future__ import annotations

import gzip
import io
import json
import logging
import os
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import re
from urllib.parse import urlsplit

from storyweave import _html
from storyweave._text import (NOT_TEXT, DecodeError, article_id, decode, looks_binary, normalise_date, placeholder_date,
                              tidy_line, written_date)
from storyweave.errors import FetchError
from storyweave.feeds import FeedItem, looks_like_feed, parse_feed
from storyweave.limits import MAX_FEED_ITEMS, max_input_bytes
from storyweave.fetch import Fetcher, Response
from storyweave.model import Article, InputFailure
from storyweave.options import Options

logger = logging.getLogger("storyweave")

STDIN = "-"
#: Location given to what is read from stdin.
STDIN_NAME = "<stdin>"
#: Extensions read when walking a folder; other files (README.md, images) are skipped.
FOLDER_SUFFIXES = frozenset({".txt", ".text", ".html", ".htm", ".xhtml", ".jsonl", ".ndjson", ""})
_HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
_JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
_GZIP_MAGIC = b"\x1f\x8b"
#: UTF-8 needs at most 4 bytes a character: a file bigger than this cannot be under the
#: character limit, so it is refused before it is read.
_BYTES_PER_CHAR = 4

Item = Article | InputFailure
#: A source that names a scheme ("https://", "file://", "ftp://") is a URL, not a path.
_URL_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")
_FEED_SUFFIXES = frozenset({".xml", ".rss", ".atom"})


def _read_url(url: str, options: Options, fetcher: Fetcher) -> Iterator[Item]:
    """An article page, or a feed whose every item's page is read."""
    try:
        response = fetcher.get(url)
    except FetchError as exc:
        yield InputFailure(url, exc.reason)
        return
    if looks_like_feed(response.content, response.media_type):
        yield from _read_feed(response.content, response.url, url, options, fetcher)
        return
    yield page_from_response(response, url, options)


def _read_feed(
    data: bytes, base_url: str, location: str, options: Options, fetcher: Fetcher | None
) -> Iterator[Item]:
    try:
        _title, items = parse_feed(data, base_url)
    except ValueError as exc:
        yield InputFailure(location, str(exc))
        return
    if not items:
        yield InputFailure(location, "the feed has no items with a link; check the feed URL")
        return
    if len(items) > MAX_FEED_ITEMS:
        yield InputFailure(
            location, f"the feed lists {len(items):,} items; only the first {MAX_FEED_ITEMS:,} were read "
            "(a news feed holds far fewer); check the feed URL",
        )
        items = items[:MAX_FEED_ITEMS]
    for item in items:
        if fetcher is None:
            fetcher = Fetcher(allow_private=options.allow_private_urls)
        yield from read_feed_item(item, options, fetcher)


def read_feed_item(item: FeedItem, options: Options, fetcher: Fetcher) -> Iterator[Item]:
    """Fetch one feed item's page; the feed's title and date fill what the page lacks.

    Args:
        item: the feed entry.
        options: the run's options.
        fetcher: fetches the page.

    Yields:
        One :class:`Article`, or one :class:`InputFailure` naming the item's link.
    """
    try:
        response = fetcher.get(item.link)
    except FetchError as exc:
        yield InputFailure(item.link, exc.reason)
        return
    yield page_from_response(response, item.link, options, title=item.title or None, published=item.published)


def page_from_response(
    response: Response, location: str, options: Options, *, title: str | None = None, published: str | None = None
) -> Item:
    """Make one article of a fetched page; the page's own metadata wins over the hints.

    Args:
        response: the fetched page.
        location: the URL asked for (the input's name in messages and output).
        options: the run's options (``max_article_chars``).
        title: a headline to use when the page has none (a feed item's title).
        published: a date to use when the page gives none (a feed item's date).
    """
    if not response.content.strip():
        return InputFailure(location, "the server sent an empty page; check the URL")
    text = _html.decode_page(response.content, response.charset)
    if len(text) > options.max_article_chars:
        return InputFailure(location, _too_long(len(text), options))
    if not _html.looks_like_html(text) and response.media_type == "text/plain":
        return _from_bytes(response.content, location, None, options, is_html=False)
    return _from_html(
        text, location=location, source=None, fallback_source=_host_name(response.url),
        title_hint=title, published_hint=published, page_url=response.url,
    )


def _host_name(url: str) -> str:
    """An outlet name from a URL's host: ``www.example.com`` -> ``example.com``."""
    host = (urlsplit(url).hostname or url).lower()
    return host[4:] if host.startswith("www.") else host


def ingest(source: str, options: Options | None = None, fetcher: Fetcher | None = None) -> Iterator[Item]:
    """Read one SOURCE and yield its articles, or a failure for each input that is bad.

    Args:
        source: a file, a folder (read recursively in sorted path order, hidden files
            and files with unknown extensions skipped), a JSONL file (``.jsonl``, one
            article a line), ``-`` for stdin (JSONL, HTML or plain text, sniffed), or
            any of these gzip-compressed (``.gz``); an ``http(s)`` URL of an article page
            or of an RSS/Atom feed (every item's page is fetched); a saved feed file.
        options: the run's options; ``max_article_chars`` and ``allow_private_urls``.
        fetcher: fetches URLs; a :class:`~storyweave.fetch.Fetcher` obeying
            ``options.allow_private_urls`` when None.

    Yields:
        An :class:`Article` per article, or an :class:`InputFailure` naming the input
        (``FILE:LINE`` for a JSONL line) and what to do. Nothing is raised for bad input.
    """
    options = options or Options()
    if _URL_SCHEME.match(source):
        fetcher = fetcher or Fetcher(allow_private=options.allow_private_urls)
        yield from _read_url(source, options, fetcher)
        return
    if not source.strip():
        yield InputFailure(repr(source), "an empty name is not an input; pass a file, a folder or -")
        return
    if source == STDIN:
        yield from _read_stdin(options)
        return
    path = Path(source)
    try:
        is_dir = path.is_dir()
        exists = is_dir or path.exists()
    except OSError as exc:
        yield InputFailure(source, _os_reason(exc))
        return
    if not exists:
        yield InputFailure(source, "no such file or directory; check the path")
    elif is_dir:
        yield from _read_folder(source, options)
    else:
        yield from _read_file(source, options)


def _read_folder(folder: str, options: Options) -> Iterator[Item]:
    files: list[str] = []
    failures: list[InputFailure] = []

    def on_error(exc: OSError) -> None:
        failures.append(InputFailure(exc.filename or folder, _os_reason(exc)))

    skipped = 0
    for root, dirs, names in os.walk(folder, onerror=on_error):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names:
            if name.startswith("."):
                continue
            if _suffix(name) in FOLDER_SUFFIXES:
                files.append(os.path.join(root, name))
            else:
                skipped += 1
    if skipped:
        logger.info("%s: skipped %d file(s) that are not .txt, .html or .jsonl", folder, skipped)
    yield from failures
    if not files and not failures:
        yield InputFailure(folder, "the folder holds no .txt, .html or .jsonl files; check the path")
    for path in sorted(files, key=lambda p: Path(p).parts):
        yield from _read_file(path, options)


def _read_file(path: str, options: Options) -> Iterator[Item]:
    if _suffix(path) in _JSONL_SUFFIXES:
        yield from _read_jsonl_file(path, options)
        return
    limit = options.max_article_chars * _BYTES_PER_CHAR
    try:
        with open(path, "rb") as fh:
            head = fh.read(2)
            # A gzip file is read a chunk at a time; any other file up to the limit.
            head += fh.read(_GZIP_CHUNK if head == _GZIP_MAGIC else limit + 1 - len(head))
            data = _maybe_gunzip(head, fh, limit)
    except OSError as exc:
        yield InputFailure(path, _os_reason(exc))
        return
    except _TooBig:
        yield InputFailure(path, _too_long(None, options))
        return
    except _BadGzip as exc:
        yield InputFailure(path, str(exc))
        return
    if len(data) > limit:
        yield InputFailure(path, _too_long(None, options))
        return
    if _suffix(path) in _FEED_SUFFIXES and looks_like_feed(data):
        yield from _read_feed(data, "", path, options, None)
        return
    yield _from_bytes(data, path, Path(path), options, is_html=_suffix(path) in _HTML_SUFFIXES)


def _read_stdin(options: Options) -> Iterator[Item]:
    limit = max_input_bytes(options.max_article_chars)
    stream = sys.stdin.buffer
    head = stream.read(limit + 1)  # never the whole pipe: it may not end
    if len(head) > limit and not head.startswith(_GZIP_MAGIC):
        if _looks_like_jsonl(head[: 1 << 20].decode("utf-8", "replace")):
            # A JSONL dump may be any length: read it a line at a time.
            lines = _decoded_lines(io.BufferedReader(_Prefixed(head, stream)), STDIN_NAME, limit)
            yield from _read_jsonl_lines(lines, STDIN_NAME, options)
        else:
            yield InputFailure(STDIN_NAME, _too_long(None, options))
        return
    try:
        data = _maybe_gunzip(head, stream, limit)
    except _TooBig:
        yield InputFailure(STDIN_NAME, _too_long(None, options))
        return
    except _BadGzip as exc:
        yield InputFailure(STDIN_NAME, str(exc))
        return
    try:
        text, _ = decode(data)
    except DecodeError as exc:
        yield InputFailure(STDIN_NAME, str(exc))
        return
    if _looks_like_jsonl(text):
        yield from _read_jsonl_lines(text.splitlines(keepends=True), STDIN_NAME, options)
    else:
        yield _from_bytes(data, STDIN_NAME, None, options, is_html=False)


def _looks_like_jsonl(text: str) -> bool:
    first = next((line for line in text.split("\n") if line.strip()), "")
    if not first.lstrip().startswith("{"):
        return False
    try:
        return isinstance(json.loads(first), dict)
    except ValueError:
        return False


class _TooBig(Exception):
    pass


class _Prefixed(io.RawIOBase):
    """Bytes already read, then the rest of a stream: lets stdin be read on by lines."""

    def __init__(self, head: bytes, rest: Any) -> None:
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if len(self._head):
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._rest.read1(len(buffer)) if hasattr(self._rest, "read1") else self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


class _BadGzip(Exception):
    pass


#: Compressed bytes read at a time from a ``.gz`` input.
_GZIP_CHUNK = 1 << 16


def _maybe_gunzip(head: bytes, fh: Any, limit: int) -> bytes:
    """Return the bytes, decompressed when they are gzip; refuse past ``limit`` bytes.

    ``head`` is what was read already; the rest of a gzip stream comes from ``fh`` a
    chunk at a time, so neither the compressed file nor its expansion is ever held
    beyond ``limit`` bytes (a gzip bomb or a huge archive is refused early).
    """
    if not head.startswith(_GZIP_MAGIC):
        return head
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    out = bytearray()
    chunk = head
    try:
        while True:
            out += inflater.decompress(chunk, limit + 1 - len(out))
            if len(out) > limit or inflater.unconsumed_tail:
                raise _TooBig
            if inflater.eof:
                return bytes(out)
            chunk = fh.read(_GZIP_CHUNK) if fh is not None else b""
            if not chunk:
                raise _BadGzip("the gzip file is cut short; re-compress or re-download it")
    except zlib.error as exc:
        raise _BadGzip(
            f"not a valid gzip file ({exc}); re-compress it or pass the uncompressed file"
        ) from exc


def _from_bytes(
    data: bytes, location: str, path: Path | None, options: Options, *, is_html: bool
) -> Item:
    """Make one article of a whole file (or stdin) read as bytes."""
    if not data:
        return InputFailure(location, "the file is empty; remove it or add the article text")
    if is_html and b"\x00" not in data[:8192]:
        # A saved page says its own charset (<meta charset>); read it as a browser would.
        text, encoding = _html.decode_page(data).replace("\r\n", "\n"), "html"
        if not _html.looks_like_html(text) and looks_binary(text):
            return InputFailure(location, NOT_TEXT)  # an image or an archive saved with a page's name
    else:
        try:
            text, encoding = decode(data)
        except DecodeError as exc:
            return InputFailure(location, str(exc))
    if encoding == "cp1252":
        logger.warning("%s: not UTF-8; read as Windows-1252/Latin-1", location)
    if not text.strip():
        return InputFailure(
            location, "the file holds only whitespace; remove it or add the article text"
        )
    if len(text) > options.max_article_chars:
        return InputFailure(location, _too_long(len(text), options))
    stem = _stem(path) if path is not None else "stdin"
    if is_html or _html.looks_like_html(text):
        return _from_html(text, location=location, source=None, fallback_source=stem)
    lines = text.lstrip("\ufeff").split("\n")
    first = next(i for i, line in enumerate(lines) if line.strip())
    title = tidy_line(lines[first])
    body = "\n".join(line.rstrip() for line in lines[first + 1 :]).strip("\n")
    if not body.strip():
        return InputFailure(
            location, "only one line (the title), no article text; add the body below the first line"
        )
    return Article(
        id=article_id(title, body), source=stem, location=location, title=title, text=body
    )


def _from_html(
    html: str,
    *,
    location: str,
    source: str | None,
    fallback_source: str,
    title: str | None = None,
    title_hint: str | None = None,
    published_hint: str | None = None,
    page_url: str | None = None,
    **fields: Any,
) -> Item:
    """Make one article of an HTML page; ``text`` is a rough text, clean extracts the body."""
    tree = _html.parse(html)
    if tree is None:
        return InputFailure(location, "not a readable HTML page; pass the saved page as it was")
    meta = _html.metadata(tree)
    blocks = _html.text_blocks(tree)
    title = title or meta.title or title_hint or ""
    fields.setdefault("author", meta.author)
    if not fields.get("language") and meta.language:
        fields["language"] = meta.language
    elif "language" in fields and not fields["language"]:
        fields.pop("language")
    if meta.url or page_url:
        fields["url"] = fields.get("url") or meta.url or page_url
    if not blocks:
        return InputFailure(location, "the page has no text; save the full article page")
    text = "\n".join(blocks)
    return Article(
        id=article_id(title, text),
        source=source or meta.site_name or fallback_source,
        source_named=bool(source or meta.site_name),
        location=location,
        title=title,
        text=text,
        published=fields.pop("published", None) or meta.published or published_hint,
        url=fields.pop("url", None) or meta.url,
        raw_html=html,
        **fields,
    )


def _read_jsonl_file(path: str, options: Options) -> Iterator[Item]:
    try:
        with open(path, "rb") as probe:
            gzipped = probe.read(2) == _GZIP_MAGIC
        opener = gzip.open if gzipped else open
        with opener(path, "rb") as fh:
            yield from _read_jsonl_lines(_decoded_lines(fh, path, max_input_bytes(options.max_article_chars)), path, options)
    except OSError as exc:  # gzip.BadGzipFile is an OSError too
        yield InputFailure(path, _os_reason(exc))
    except EOFError:
        yield InputFailure(path, "the gzip file is cut short; re-compress or re-download it")


class _LineError(str):
    """A line that could not be decoded; its value is the reason."""


def _decoded_lines(fh: Any, path: str, max_bytes: int | None = None) -> Iterator[str]:
    """The lines of a binary stream, decoded; a line over ``max_bytes`` is skipped unread
    (read in pieces and dropped), so one huge line cannot fill memory."""
    while True:
        raw = fh.readline(max_bytes + 1) if max_bytes is not None else fh.readline()
        if not raw:
            return
        if max_bytes is not None and len(raw) > max_bytes and not raw.endswith(b"\n"):
            while raw and not raw.endswith(b"\n"):
                raw = fh.readline(1 << 20)
            yield _LineError(
                f"the line is longer than {max_bytes:,} bytes, over the limit for one article "
                "(max_article_chars); split it or raise the limit"
            )
            continue
        try:
            yield raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            yield _LineError("not UTF-8; JSONL files must be UTF-8 (re-save the file as UTF-8)")


def _read_jsonl_lines(lines: Any, name: str, options: Options) -> Iterator[Item]:
    seen = False
    for number, line in enumerate(lines, start=1):
        location = f"{name}:{number}"
        if isinstance(line, _LineError):
            seen = True
            yield InputFailure(location, str(line))
            continue
        if not line.strip():
            continue
        seen = True
        yield _from_json_line(line, location, _stem(Path(name)), options)
    if not seen:
        yield InputFailure(name, "the file is empty; remove it or add one JSON article a line")


def read_json_line(line: str, location: str, file_stem: str, options: Options | None = None) -> Item:
    """One JSONL line as an article, exactly as the JSONL reader makes it.

    For callers that read lines themselves (the Spark job reads them on executors).

    Args:
        line: one line of a JSONL file (a JSON object).
        location: ``PATH:LINE``, recorded as the article's location.
        file_stem: the source name used when the line gives no ``source``.
        options: limits such as ``max_article_chars``; the defaults when None.

    Returns:
        The article, or an :class:`InputFailure` naming the line and what to fix.
    """
    return _from_json_line(line, location, file_stem, options or Options())


def _from_json_line(line: str, location: str, file_stem: str, options: Options) -> Item:
    try:
        data = json.loads(line)
    except (ValueError, RecursionError):  # RecursionError: nested deeper than the decoder goes
        return InputFailure(location, "not valid JSON; JSONL needs one JSON object per line")
    if not isinstance(data, dict):
        return InputFailure(location, "not a JSON object; JSONL needs one JSON object per line")
    try:
        # A \u escape of half a surrogate pair decodes to a string UTF-8 cannot hold: it
        # could be neither stored nor printed.
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except (UnicodeEncodeError, RecursionError):
        return InputFailure(
            location, "holds a \\u escape of an unpaired surrogate (\\ud800-\\udfff), which is not text; fix the escape"
        )
    text, html = data.get("text"), data.get("html")
    for key, value in (("text", text), ("html", html)):
        if value is not None and not isinstance(value, str):
            return InputFailure(location, f'"{key}" is not a string; give the article as a string')
    if not (text and text.strip()) and not (html and html.strip()):
        return InputFailure(
            location, 'no article text; give the body in a non-empty "text" or "html" field'
        )
    size = len(text or "") + len(html or "")
    if size > options.max_article_chars:
        return InputFailure(location, _too_long(size, options))
    published = None
    if data.get("published") not in (None, ""):
        published = _published(str(data["published"]))
        if published is None and not placeholder_date(str(data["published"])):
            return InputFailure(
                location,
                f'"published" is not a date with its day, month and year ({data["published"]!r}); '
                "write it as ISO 8601 (2024-06-19) or leave the field out",
            )
    input_id = None if data.get("id") is None else str(data["id"])
    source = str(data["source"]) if data.get("source") else None
    title = tidy_line(str(data.get("title") or ""))
    fields: dict[str, Any] = {
        "input_id": input_id,
        "published": published,
        "language": str(data["language"]) if data.get("language") else None,
        "url": str(data["url"]) if data.get("url") else None,
    }
    if text and text.strip():
        body = text.replace("\r\n", "\n").strip("\n")
        return Article(
            id=article_id(title, body),
            source=source or file_stem,
            # A line written by `storyweave extract` says whether its source was named.
            source_named=source is not None and data.get("source_named") is not False,
            location=location,
            title=title,
            text=body,
            # When both are given the caller's text is the body; the HTML is not re-extracted.
            **{k: v for k, v in fields.items() if not (k == "language" and v is None)},
        )
    return _from_html(
        html or "", location=location, source=source, fallback_source=file_stem,
        title=title or None, **fields,
    )


def _published(value: str) -> str | None:
    """A record's publication date as ISO 8601: ISO 8601 or RFC 2822 as given, else a date
    written out with its day, month and year ("Dec. 3, 2016", "Saturday, 3 December 2016
    10:00 GMT"). Dumps of news sites carry these as often as ISO dates; a relative one
    ("last Tuesday") has no day to give."""
    iso = normalise_date(value)
    return iso if iso is not None or placeholder_date(value) else written_date(value)


def _suffix(name: str) -> str:
    """The meaningful extension, looking through ``.gz``: ``feed.jsonl.gz`` -> ``.jsonl``."""
    path = Path(name)
    if path.suffix.lower() == ".gz":
        path = path.with_suffix("")
    return path.suffix.lower()


def _stem(path: Path) -> str:
    if path.suffix.lower() == ".gz":
        path = path.with_suffix("")
    return path.stem if path.suffix else path.name


def _too_long(size: int | None, options: Options) -> str:
    limit = f"{options.max_article_chars:,}"
    what = f"{size:,} characters" if size is not None else "too long"
    return (
        f"the article is {what}, over the limit of {limit} characters "
        "(max_article_chars); split it or raise the limit"
    )


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "no such file or directory; check the path"
    if isinstance(exc, PermissionError):
        return "permission denied; make the file readable or leave it out"
    if isinstance(exc, IsADirectoryError):
        return "is a folder where a file was expected; check the path"
    if isinstance(exc, gzip.BadGzipFile):
        return f"not a valid gzip file ({exc}); re-compress it or pass the uncompressed file"
    return f"cannot be read ({exc.strerror or exc}); check the file"
