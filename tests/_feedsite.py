"""A small news site for the feed and follow tests: article pages and an RSS feed."""

from __future__ import annotations

from email.utils import format_datetime
from datetime import datetime, timezone
from html import escape

from _localserver import LocalServer

STORIES = [
    ("ferry", "Harbour ferry suspended after storm damage",
     "The harbour ferry between Port Alder and Gull Island was suspended on Tuesday after gales damaged the landing stage at the island pier, the operator said. "
     "Engineers found two mooring posts cracked and said repairs would take until Friday."),
    ("library", "Lakeside votes to reopen its old library",
     "The town council of Lakeside voted on Monday to reopen the old library on Mill Street, closed since the flood of 2019. "
     "The mayor said volunteers would run the reading room until new staff are hired."),
    ("bridge", "Old rail bridge to become a footpath",
     "The disused rail bridge over the River Wend will become a footpath and cycle route, the county said on Wednesday. "
     "Work starts in April and the path should open by the end of the summer."),
]


def page(slug: str, title: str, body: str) -> str:
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{escape(title)} | Valley Post</title><meta property='og:site_name' content='Valley Post'>"
        "<meta property='article:published_time' content='2026-03-0{n}T09:00:00+00:00'>"
        f"</head><body><nav><a href='/'>Home</a></nav><article><h1>{escape(title)}</h1>"
        + "".join(f"<p>{escape(s)}.</p>" for s in body.split(". ") if s)
        + "<p>Leave a Comment</p></article></body></html>"
    ).replace("{n}", str(len(slug) % 9 + 1))


def rss(server: LocalServer, slugs: list[str]) -> str:
    items = []
    for slug, title, _ in STORIES:
        if slug in slugs:
            date = format_datetime(datetime(2026, 3, 2, 9, tzinfo=timezone.utc))
            items.append(
                f"<item><title>{escape(title)}</title><link>{server.url('/news/' + slug)}</link>"
                f"<guid>valley-{slug}</guid><pubDate>{date}</pubDate></item>"
            )
    return (
        "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>Valley Post</title>"
        f"<link>{server.url('/')}</link><description>News</description>{''.join(reversed(items))}</channel></rss>"
    )


def publish(server: LocalServer, slugs: list[str], etag: str | None = None) -> None:
    """Serve the pages and a feed listing ``slugs``; with ``etag``, answer 304 to it."""
    for slug, title, body in STORIES:
        server.page(f"/news/{slug}", page(slug, title, body))
    feed = rss(server, slugs).encode()

    def route(headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        if etag and headers.get("If-None-Match") == etag:
            return 304, {"ETag": etag}, b""
        extra = {"ETag": etag} if etag else {}
        return 200, {"Content-Type": "application/rss+xml", **extra}, feed

    server.routes["/feed.xml"] = route
