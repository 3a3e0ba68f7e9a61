"""Fetching URLs: safety checks on every hop, limits, retries, and URLs as ingest sources."""

from __future__ import annotations

from pathlib import Path

import pytest
from _localserver import serve

from storyweave.errors import BlockedURLError, FetchError
from storyweave.fetch import Fetcher, MockTransport, Request, Response, blocked_reason
from storyweave.ingest import ingest
from storyweave.model import Article, InputFailure
from storyweave.options import Options
from storyweave.pipeline import read_sources

ALLOW = Options(allow_private_urls=True)


def public(_host: str) -> list[str]:
    return ["93.184.216.34"]


def no_wait(_seconds: float) -> None:
    pass


@pytest.mark.parametrize(
    "ip", ["127.0.0.1", "10.1.2.3", "192.168.0.5", "172.16.9.9", "169.254.169.254", "::1", "fe80::1",
           "224.0.0.1", "0.0.0.0", "100.64.0.1", "::ffff:127.0.0.1", "240.0.0.1"],
)
def test_fetch_private_and_special_addresses_are_blocked(ip: str) -> None:
    assert blocked_reason(ip) is not None


def test_fetch_public_address_is_allowed() -> None:
    assert blocked_reason("93.184.216.34") is None


def test_fetch_loopback_url_refused_without_the_flag() -> None:
    with serve() as server:
        server.page("/story", "<html><body><p>hello</p></body></html>")
        url = server.url("/story")
        with pytest.raises(BlockedURLError) as info:
            Fetcher().get(url)
        assert server.hits == {}  # refused before any request was sent
    assert str(info.value) == (
        f"{url}: refused: 127.0.0.1 is a loopback address; pass --allow-private-urls to fetch it"
    )


def test_fetch_host_resolving_to_any_private_address_is_refused() -> None:
    fetcher = Fetcher(transport=MockTransport(lambda r: Response(r.url, 200, {}, b"")),
                      resolver=lambda host: ["93.184.216.34", "10.0.0.7"])
    with pytest.raises(BlockedURLError, match="news.example resolves to 10.0.0.7, a private address"):
        fetcher.get("https://news.example/a")
    assert fetcher.transport.requests == []  # type: ignore[union-attr]


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://news.example/a", "gopher://x/"])
def test_fetch_other_schemes_are_refused_even_with_the_flag(url: str) -> None:
    with pytest.raises(BlockedURLError, match="URLs are not fetched"):
        Fetcher(allow_private=True).get(url)


def test_fetch_redirect_to_a_private_address_is_refused() -> None:
    def handler(request: Request) -> Response:
        return Response(request.url, 302, {"Location": "http://169.254.169.254/latest/meta-data/"})

    fetcher = Fetcher(transport=MockTransport(handler), resolver=public)
    with pytest.raises(BlockedURLError) as info:
        fetcher.get("https://news.example/story")
    assert "169.254.169.254 is a link-local address" in str(info.value)
    assert "(redirected to http://169.254.169.254/latest/meta-data/)" in str(info.value)


def test_fetch_redirects_followed_up_to_the_limit() -> None:
    with serve() as server:
        server.page("/final", "<html><body><p>done</p></body></html>")
        server.page("/hop", b"", headers={"Location": "/final"}, status=301)
        server.page("/loop", b"", headers={"Location": "/loop"}, status=302)
        fetcher = Fetcher(allow_private=True)
        response = fetcher.get(server.url("/hop"))
        assert response.url == server.url("/final")
        assert b"done" in response.content
        with pytest.raises(FetchError, match="more than 5 redirects"):
            fetcher.get(server.url("/loop"))


def test_fetch_slow_server_times_out_with_a_clear_message() -> None:
    with serve() as server:
        server.page("/slow", "<html></html>", headers={"X-Test-Delay": "1.5"})
        fetcher = Fetcher(allow_private=True, timeout=0.3, attempts=1)
        with pytest.raises(FetchError, match=r"timed out after 0.3 s"):
            fetcher.get(server.url("/slow"))


def test_fetch_oversized_page_is_refused() -> None:
    with serve() as server:
        server.page("/big", b"<html><body>" + b"x" * 50_000 + b"</body></html>")
        with pytest.raises(FetchError, match="larger than 10,000 bytes; save the page"):
            Fetcher(allow_private=True, max_bytes=10_000).get(server.url("/big"))


def test_fetch_non_html_content_type_is_refused() -> None:
    with serve() as server:
        server.page("/photo.jpg", b"\xff\xd8\xff\xe0", content_type="image/jpeg")
        with pytest.raises(FetchError, match="sent image/jpeg, not a web page or a feed"):
            Fetcher(allow_private=True).get(server.url("/photo.jpg"))


def test_fetch_retries_server_errors_with_backoff() -> None:
    answers = [503, 503, 200]
    waits: list[float] = []

    def handler(request: Request) -> Response:
        return Response(request.url, answers.pop(0), {"Content-Type": "text/html"}, b"<html></html>")

    fetcher = Fetcher(transport=MockTransport(handler), resolver=public, sleep=waits.append)
    assert fetcher.get("https://news.example/a").status == 200
    assert waits == [0.5, 1.0]


def test_fetch_sends_a_clear_user_agent() -> None:
    seen: list[Request] = []

    def handler(request: Request) -> Response:
        seen.append(request)
        return Response(request.url, 200, {"Content-Type": "text/html"}, b"<html></html>")

    Fetcher(transport=MockTransport(handler), resolver=public).get("https://news.example/a")
    assert seen[0].headers["User-Agent"].startswith("storyweave/")


def test_fetch_url_source_is_ingested_with_page_metadata(pages_dir: Path) -> None:
    with serve() as server:
        server.page("/ferry", (pages_dir / "harbour-ferry.html").read_bytes())
        (article,) = list(ingest(server.url("/ferry"), ALLOW))
    assert isinstance(article, Article)
    assert article.location == server.url("/ferry")
    assert article.source == "Coastal Gazette"
    assert article.author == "Tomas Reed"
    assert article.published == "2026-03-04T06:15:00+00:00"
    assert article.language == "en"


def test_fetch_failed_urls_are_one_line_each_and_the_rest_is_read(pages_dir: Path, tmp_path: Path) -> None:
    with serve() as server:
        server.page("/ferry", (pages_dir / "harbour-ferry.html").read_bytes())
        good = server.url("/ferry")
        missing = server.url("/gone")
        read = read_sources([good, missing, str(pages_dir / "market-hall.html")], ALLOW)
        blocked = read_sources([good], Options())
    assert [a.title for a in read.articles] == [
        "Harbour Ferry Service Suspended After Storm Damage", "Markthalle öffnet wieder",
    ]
    assert [str(f) for f in read.failures] == [
        f"{missing}: the server answered HTTP 404; check the URL or try again later"
    ]
    assert blocked.articles == []
    assert isinstance(blocked.failures[0], InputFailure)
    assert "refused: 127.0.0.1 is a loopback address" in blocked.failures[0].reason
