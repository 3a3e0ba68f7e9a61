"""Helpers for the article page: links that open an article with a span highlighted.

(The story page is the HTML report's story fragment; see :mod:`storyweave.web.pages`.)
Nothing here escapes text: templates autoescape everything they print.
"""

from __future__ import annotations

from typing import Sequence


def article_href(article_id: str, story_id: str | None = None, span: Sequence[int] | None = None) -> str:
    """Link to an article page, with the span to highlight."""
    query = []
    if story_id:
        query.append(f"story={story_id}")
    if span:
        query.append(f"hl={int(span[0])}-{int(span[1])}")
    return f"/articles/{article_id}" + ("?" + "&".join(query) if query else "") + ("#hl" if span else "")


def highlighted(text: str, span: tuple[int, int] | None) -> list[tuple[str, bool]]:
    """The article text cut into (piece, is-highlighted) parts for the template."""
    if span is None:
        return [(text, False)]
    start, end = max(0, span[0]), min(len(text), span[1])
    if start >= end:
        return [(text, False)]
    return [(text[:start], False), (text[start:end], True), (text[end:], False)]


def parse_span(value: str | None) -> tuple[int, int] | None:
    """``"12-40"`` -> (12, 40); anything else -> None."""
    if not value:
        return None
    try:
        a, b = value.split("-", 1)
        return int(a), int(b)
    except ValueError:
        return None
