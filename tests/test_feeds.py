"""RSS/Atom feeds as sources: every item is followed to its page."""

from __future__ import annotations

from pathlib import Path

from _feedsite import publish
from _localserver import serve

from storyweave.feeds import looks_like_feed, parse_feed
from storyweave.model import Article
from storyweave.options import Options
from storyweave.pipeline import read_sources

ALLOW = Options(allow_private_urls=True)

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Valley Post</title>
<entry><title>Old rail bridge to become a footpath</title><id>tag:valley,2026:bridge</id>
<link href="/news/bridge"/><updated>2026-03-04T10:00:00Z</updated></entry>
<entry><title>No link here</title><id>tag:valley,2026:nolink</id></entry>
</feed>"""


def test_feeds_atom_items_resolve_relative_links_and_dates() -> None:
    assert looks_like_feed(ATOM)
    title, items = parse_feed(ATOM, "https://valley.example/feed")
    assert title == "Valley Post"
    assert [(i.key, i.link, i.published) for i in items] == [
        ("tag:valley,2026:bridge", "https://valley.example/news/bridge", "2026-03-04T10:00:00+00:00")
    ]


def test_feeds_a_placeholder_pub_date_is_no_date() -> None:
    rss = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Valley Post</title>
<item><title>Footpath opens</title><link>https://valley.example/news/path</link>
<pubDate>Mon, 01 Jan 0001 00:00:00 +0000</pubDate></item>
<item><title>Bridge closes</title><link>https://valley.example/news/bridge</link>
<pubDate>Wed, 04 Mar 2026 10:00:00 +0000</pubDate></item></channel></rss>"""
    _, items = parse_feed(rss, "https://valley.example/feed")
    # (a content system's empty date, which a two-digit-year rule would make 2001)
    assert [i.published for i in items] == [None, "2026-03-04T10:00:00+00:00"]


def test_feeds_a_page_is_not_a_feed() -> None:
    assert not looks_like_feed(b"<!DOCTYPE html><html><body><p>rss</p></body></html>", "text/html")


def test_feeds_feed_url_source_reads_every_item_page() -> None:
    with serve() as server:
        publish(server, ["ferry", "library", "bridge"])
        read = read_sources([server.url("/feed.xml")], ALLOW)
    assert read.failures == []
    assert sorted(a.title for a in read.articles) == [
        "Harbour ferry suspended after storm damage",
        "Lakeside votes to reopen its old library",
        "Old rail bridge to become a footpath",
    ]
    for article in read.articles:
        assert isinstance(article, Article)
        assert article.source == "Valley Post"
        assert "Leave a Comment" not in article.text
        assert ("Leave a Comment", "comment prompt") in [(r.text, r.reason) for r in article.removed]


def test_feeds_a_failing_item_is_reported_and_the_others_read() -> None:
    with serve() as server:
        publish(server, ["ferry", "library"])
        del server.routes["/news/library"]
        read = read_sources([server.url("/feed.xml")], ALLOW)
        missing = server.url("/news/library")
    assert [a.title for a in read.articles] == ["Harbour ferry suspended after storm damage"]
    assert [str(f) for f in read.failures] == [f"{missing}: the server answered HTTP 404; check the URL or try again later"]


def test_feeds_saved_feed_file_is_followed(tmp_path: Path) -> None:
    with serve() as server:
        publish(server, ["bridge"])
        from _feedsite import rss

        path = tmp_path / "valley.xml"
        path.write_text(rss(server, ["bridge"]), encoding="utf-8")
        read = read_sources([str(path)], ALLOW)
    assert [a.title for a in read.articles] == ["Old rail bridge to become a footpath"]
