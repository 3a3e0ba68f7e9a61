"""Turn the inputs of a web job (JSON articles, uploaded files, URLs) into cleaned articles.

Every input goes through the same ingest and clean stages as the command line
(:func:`storyweave.pipeline.read_sources`): a JSON article is written as one JSONL line,
an uploaded file keeps its name and extension, a URL is passed as it is. A failing input
becomes an error record naming it; the others go on.

Job inputs are plain JSON so they can be kept in the store until processed:

- ``{"kind": "json", "label": ..., "data": {id?, title?, text | html | url, source?, published?}}``
- ``{"kind": "file", "label": ..., "name": "a.txt", "content": <base64>}``
- ``{"kind": "url", "label": ..., "url": "https://..."}``
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Any, Sequence

from ..model import Article
from ..options import Options
from ..pipeline import read_sources

#: Characters kept in an uploaded file's name (others become ``_``), so the name is safe
#: to create in a temporary folder and to show.
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def json_item(data: dict[str, Any], label: str) -> dict[str, Any]:
    """A job input for an article given as JSON; one with only a URL becomes a URL input."""
    if data.get("url") and not data.get("text") and not data.get("html"):
        return {"kind": "url", "label": label, "url": str(data["url"])}
    return {"kind": "json", "label": label, "data": data}


def file_item(name: str, content: bytes) -> dict[str, Any]:
    """A job input for an uploaded (or pasted) file."""
    return {"kind": "file", "label": name, "name": name, "content": base64.b64encode(content).decode("ascii")}


def url_item(url: str) -> dict[str, Any]:
    """A job input for a URL."""
    return {"kind": "url", "label": url, "url": url}


def safe_name(name: str) -> str:
    """A file name without folders or odd characters, keeping its extension."""
    base = _SAFE_NAME.sub("_", Path(name.replace("\\", "/")).name).strip("._") or "upload.txt"
    return base[:120]


def read_items(items: Sequence[dict[str, Any]], options: Options | None = None) -> tuple[list[Article], list[dict[str, str]]]:
    """Ingest and clean job inputs.

    Args:
        items: job inputs (see the module docstring).
        options: the app's options.

    Returns:
        The cleaned articles, in input order, and one ``{"input", "error"}`` record per
        input that could not be read.
    """
    options = options or Options()
    articles: list[Article] = []
    errors: list[dict[str, str]] = []
    with tempfile.TemporaryDirectory(prefix="storyweave-web-") as tmp:
        for n, item in enumerate(items):
            label = str(item.get("label") or f"input {n + 1}")
            try:
                source, location = _materialise(item, Path(tmp) / str(n))
            except ValueError as exc:
                errors.append({"input": label, "error": str(exc)})
                continue
            read = read_sources([source], options)
            for failure in read.failures:
                # The temporary path means nothing to the user: name the input instead.
                where = failure.source.replace(source, label) if failure.source.startswith(source) else label
                errors.append({"input": where, "error": failure.reason})
            for article in read.articles:
                if location is not None and article.location.startswith(source):
                    suffix = article.location[len(source):]
                    # A one-line JSONL file says ":1"; an uploaded JSONL keeps its line numbers.
                    article = replace(article, location=location + ("" if item["kind"] == "json" else suffix))
                articles.append(article)
    return articles, errors


def _materialise(item: dict[str, Any], folder: Path) -> tuple[str, str | None]:
    """The SOURCE to read for one input, and the location to record for its articles."""
    kind = item.get("kind")
    if kind == "url":
        return str(item["url"]), None
    folder.mkdir()
    if kind == "json":
        path = folder / "article.jsonl"
        path.write_text(json.dumps(item["data"], ensure_ascii=False) + "\n", encoding="utf-8")
        return str(path), str(item.get("label") or "api")
    if kind == "file":
        try:
            content = base64.b64decode(item["content"], validate=True)
        except (binascii.Error, KeyError, TypeError) as exc:
            raise ValueError("the uploaded file is damaged; upload it again") from exc
        name = safe_name(str(item.get("name") or "upload.txt"))
        path = folder / name
        path.write_bytes(content)
        return str(path), name
    raise ValueError(f"unknown input kind {kind!r}; give text, html, url or a file")
