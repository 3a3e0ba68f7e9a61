"""Following feeds through the REST API: follow, list, unfollow, and the server's own
background polling of a feed served on 127.0.0.1 by the test."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
from _feedsite import page  # noqa: E402
from _localserver import LocalServer, serve  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402

from storyweave.options import Options  # noqa: E402
from storyweave.web import create_app  # noqa: E402

ALLOW = Options(allow_private_urls=True)

# Two reports of one event, published one after the other on a small local news site.
REPORTS = [
    ("quay", "Harbour quay closed after crane collapse",
     "The north quay of Port Alder harbour was closed on Thursday after a loading crane collapsed onto the pier, the harbour master said. "
     "Nobody was hurt, and ferries to Gull Island will use the south quay until engineers inspect the pier."),
    ("quay-update", "Port Alder crane collapse: north quay to stay shut for a week",
     "The north quay of Port Alder harbour will stay closed for a week after Thursday's crane collapse onto the pier, the harbour master said on Friday. "
     "Ferries to Gull Island use the south quay while engineers inspect the pier and remove the crane."),
]


def _publish(server: LocalServer, count: int) -> None:
    items = []
    for slug, title, body in REPORTS[:count]:
        server.page(f"/news/{slug}", page(slug, title, body))
        items.append(f"<item><title>{title}</title><link>{server.url('/news/' + slug)}</link><guid>alder-{slug}</guid></item>")
    feed = ("<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>Alder Gazette</title>"
            f"<link>{server.url('/')}</link><description>News</description>{''.join(reversed(items))}</channel></rss>")
    server.page("/feed.xml", feed, content_type="application/rss+xml")


def _until(check, timeout: float = 120.0):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError("timed out")


def test_api_feeds_follow_list_unfollow(tmp_path: Path) -> None:
    with TestClient(create_app(str(tmp_path / "f.db"), options=ALLOW, start_worker=False)) as client:
        assert client.get("/api/v1/feeds").json() == {"feeds": []}
        made = client.post("/api/v1/feeds", json={"url": "http://127.0.0.1:9/rss.xml", "every": "30m"})
        assert made.status_code == 201
        feed = made.json()
        assert feed["url"] == "http://127.0.0.1:9/rss.xml" and feed["every"] == 1800.0 and feed["new"] is True
        again = client.post("/api/v1/feeds", json={"url": "http://127.0.0.1:9/rss.xml", "every": 600}).json()
        assert again["id"] == feed["id"] and again["new"] is False
        (listed,) = client.get("/api/v1/feeds").json()["feeds"]
        assert listed["id"] == feed["id"] and listed["every"] == 600.0 and listed["checked_at"] is None
        assert client.delete(f"/api/v1/feeds/{feed['id']}").json() == {"deleted": feed["id"]}
        assert client.get("/api/v1/feeds").json() == {"feeds": []}
        gone = client.delete(f"/api/v1/feeds/{feed['id']}")
        assert gone.status_code == 404 and "GET /api/v1/feeds" in gone.json()["error"]


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ({"url": "file:///etc/passwd"}, "not an http:// or https:// URL"),
        ({"url": "news.example/rss"}, "not an http:// or https:// URL"),
        ({"url": "http://127.0.0.1:8000/feed.xml"}, "127.0.0.1 is a loopback address; the server must be started with --allow-private-urls"),
        ({"url": "http://10.1.2.3/feed.xml"}, "--allow-private-urls"),
        ({"url": "http://localhost/feed.xml"}, "localhost is a local host"),
        ({"url": "https://93.184.216.34/rss", "every": "5s"}, "polling faster than every 10s"),
        ({"url": "https://93.184.216.34/rss", "every": "soon"}, "not an interval"),
    ],
)
def test_api_feeds_refuse_bad_and_private_urls(tmp_path: Path, body: dict, words: str) -> None:
    with TestClient(create_app(str(tmp_path / "f.db"), start_worker=False)) as client:
        answer = client.post("/api/v1/feeds", json=body)
        assert answer.status_code == 400, answer.text
        assert words in answer.json()["error"]
        assert client.get("/api/v1/feeds").json() == {"feeds": []}


def test_api_feeds_read_only_server_refuses_to_follow(tmp_path: Path) -> None:
    with TestClient(create_app(str(tmp_path / "f.db"), read_only=True)) as client:
        answer = client.post("/api/v1/feeds", json={"url": "https://93.184.216.34/rss"})
        assert answer.status_code == 403


def test_api_feeds_background_poll_adds_new_articles_to_their_story(tmp_path: Path) -> None:
    """The server polls a followed feed by itself: the first report starts a story; the
    next poll reads only the new item, which joins that story (the story page's summary,
    which open pages poll, grows)."""
    with serve() as site:
        _publish(site, 1)
        app = create_app(":memory:", options=ALLOW, follow_tick=0.2)
        with TestClient(app) as client:
            feed = client.post("/api/v1/feeds", json={"url": site.url("/feed.xml"), "every": "10s"}).json()
            stories = _until(lambda: client.get("/api/v1/stories").json()["stories"])
            (story,) = stories
            assert story["title"] and len(story["articles"]) == 1
            _publish(site, 2)
            grown = _until(lambda: (s := client.get(f"/api/v1/stories/{story['id']}/summary").json())
                           and len(s.get("articles", [])) == 2 and s)
            assert grown["id"] == story["id"]
            assert len(client.get("/api/v1/stories").json()["stories"]) == 1
            analysis = client.get(f"/api/v1/stories/{story['id']}").json()
            assert len(analysis["articles"]) == 2 and analysis["brief"]["sentences"]
            (listed,) = client.get("/api/v1/feeds").json()["feeds"]
            assert listed["title"] == "Alder Gazette" and listed["checked_at"]
            assert listed["articles"] == 2 and listed["error"] is None and listed["polled_at"]
            assert client.delete(f"/api/v1/feeds/{feed['id']}").status_code == 200
        assert site.hits["/news/quay"] == 1  # an item already read is never fetched again


def test_api_feeds_failing_feed_shows_its_problem(tmp_path: Path) -> None:
    """A feed whose server answers 404 is listed with when it was polled and one line
    naming the problem; it has never been read and holds no articles."""
    with serve() as site:
        app = create_app(":memory:", options=ALLOW, follow_tick=0.2)
        with TestClient(app) as client:
            url = site.url("/no-such-feed.xml")
            client.post("/api/v1/feeds", json={"url": url, "every": "10s"})
            listed = _until(lambda: (f := client.get("/api/v1/feeds").json()["feeds"][0]) and f["polled_at"] and f)
            assert listed["url"] == url and listed["checked_at"] is None and listed["articles"] == 0
            assert "404" in listed["error"] and "\n" not in listed["error"]
