"""RSS and Atom feeds: tell a feed from a page, and list its items.

Parsing is feedparser's (RSS 0.9x/1.0/2.0, Atom 0.3/1.0); this module only decides what
an item is to storyweave: a link to follow, a stable key, a title and a date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

from ._text import normalise_date, tidy_line

_FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml"})
_XML_TYPES = frozenset({"application/xml", "text/xml"})
_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)


@dataclass(frozen=True)
class FeedItem:
    """One entry of a feed.

    Attributes:
        key: what identifies the item across polls: its guid/id, else its link.
        link: the article page's absolute URL.
        title: the item's title as the feed gives it.
        published: ISO 8601, when the feed dates the item.
    """

    key: str
    link: str
    title: str
    published: str | None


def looks_like_feed(data: bytes, media_type: str = "") -> bool:
    """Tell whether a response body is an RSS/Atom feed rather than a page."""
    if media_type in _FEED_TYPES:
        return True
    if media_type and media_type not in _XML_TYPES and media_type != "text/plain" and "html" in media_type:
        return False
    head = data[:2048].lstrip()
    return bool(_ROOT.search(head)) and b"<html" not in head[:512].lower()


def parse_feed(data: bytes, base_url: str = "") -> tuple[str, list[FeedItem]]:
    """The feed's title and its items with a link, in feed order.

    Args:
        data: the feed document.
        base_url: the feed's URL, against which relative item links are resolved.

    Returns:
        The feed title ("" if none) and the items; an item without a link is skipped
        (there is no page to read).

    Raises:
        ValueError: the bytes are not a feed feedparser can read (message for the user).
    """
    import feedparser

    parsed: Any = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    if not parsed.get("version") and not parsed.entries:
        reason = parsed.get("bozo_exception")
        raise ValueError(f"not an RSS or Atom feed{f' ({reason})' if reason else ''}; pass the feed's URL or an article page")
    items: list[FeedItem] = []
    for entry in parsed.entries:
        link = (entry.get("link") or "").strip()
        # feedparser copies a non-URL id ("tag:…") into link when an entry has none.
        if not link or (link == entry.get("id") and urlsplit(link).scheme not in ("http", "https")):
            continue
        link = urljoin(base_url, link)
        raw_date = entry.get("published") or entry.get("updated") or ""
        items.append(
            FeedItem(
                key=str(entry.get("id") or link),
                link=link,
                title=tidy_line(str(entry.get("title") or "")),
                published=normalise_date(raw_date) if raw_date else None,
            )
        )
    return tidy_line(str(parsed.feed.get("title") or "")), items
