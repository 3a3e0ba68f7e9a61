"""Hostile and broken inputs: each gets its documented outcome, the rest of the run goes
on, and the store stays intact (issue 11).

The corpus is tests/data/bad/ (made by make_bad_inputs.py; the large inputs are written
into a temporary folder here). URL cases use servers on 127.0.0.1 started by the tests;
a guard fails any test whose code tries to connect anywhere else.
"""

from __future__ import annotations

import json
import socket
import sqlite3
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from storyweave import limits
from storyweave.errors import BlockedURLError, FetchError
from storyweave.fetch import Fetcher, HttpxTransport, Request, Response
from storyweave.ingest import ingest
from storyweave.model import Article, InputFailure
from storyweave.options import Options
from storyweave.pipeline import read_sources
from storyweave.store import open_store

from _localserver import serve

BAD = Path(__file__).resolve().parent / "data" / "bad"
sys.path.insert(0, str(BAD))
import make_bad_inputs as corpus  # noqa: E402

CASES = {case.name: case for case in corpus.CASES}


# --- fixtures -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def large_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The large inputs, written once per module and never committed."""
    folder = tmp_path_factory.mktemp("bad-large")
    corpus.write_large(folder)
    return folder


@pytest.fixture
def control(tmp_path: Path) -> Path:
    """A good article read in the same run as each bad input."""
    path = tmp_path / "control.txt"
    path.write_text(f"{corpus.CONTROL_TITLE}\n\n{corpus.CONTROL_BODY}\n", encoding="utf-8")
    return path


@pytest.fixture
def store_file(tmp_path: Path) -> Iterator[tuple[str, Article]]:
    """A store that already holds work: one article that must survive every case."""
    path = str(tmp_path / "store.db")
    kept = Article(id="0000kept0000kept", source="earlier", location="earlier.txt",
                   title="Earlier work", text="An article stored by an earlier run, which must survive.")
    with open_store(path) as store:
        store.add_articles([kept])
    yield path, kept


@pytest.fixture
def no_outside_connections(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int]]:
    """Record every connection attempt; any to an address other than 127.0.0.1 fails the test."""
    attempts: list[tuple[str, int]] = []
    real_connect = socket.socket.connect
    real_create = socket.create_connection

    def guard(address: object) -> None:
        host = address[0] if isinstance(address, tuple) else str(address)
        attempts.append((str(host), int(address[1]) if isinstance(address, tuple) else 0))
        if host not in ("127.0.0.1",) and not str(host).startswith("/"):
            raise AssertionError(f"a connection to {address!r} was attempted")

    def connect(self: socket.socket, address: object) -> None:
        if self.family in (socket.AF_INET, socket.AF_INET6):
            guard(address)
        return real_connect(self, address)

    def create_connection(address: tuple[str, int], *args: object, **kwargs: object) -> socket.socket:
        guard(address)
        return real_create(address, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket, "create_connection", create_connection)
    return attempts


# --- helpers --------------------------------------------------------------------------


def _check_store(path: str, kept: Article, new: list[Article]) -> None:
    """Store the run's articles, reopen the file and check nothing was lost or doubled."""
    with open_store(path) as store:
        store.add_articles(new)
        store.add_articles(new)  # storing again changes nothing
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        ids = [row[0] for row in conn.execute("SELECT id FROM articles")]
    finally:
        conn.close()
    assert len(ids) == len(set(ids))
    assert set(ids) == {kept.id} | {a.id for a in new}
    with open_store(path) as store:
        assert store.get_article(kept.id) == kept
        for article in new:
            stored = store.get_article(article.id)
            assert stored is not None and stored.text == article.text and stored.title == article.title


def _check_failures(failures: list[InputFailure], name: str, *, item_urls: bool = False) -> None:
    for failure in failures:
        line = str(failure)
        assert "\n" not in line and "Traceback" not in line, line
        assert failure.reason.strip(), line
        names_input = Path(failure.source.rsplit(":", 1)[0]).name == name or Path(failure.source).name == name
        assert names_input or (item_urls and "://" in failure.source), f"{line!r} does not name {name}"


def _control_kept(articles: list[Article]) -> None:
    assert any(a.title == corpus.CONTROL_TITLE and "Ilse Brandt" in a.text for a in articles)


# --- the corpus -----------------------------------------------------------------------


def test_hostile_corpus_is_big_enough_and_reproducible(tmp_path: Path) -> None:
    assert len(corpus.CASES) >= 60
    written = corpus.write_small(tmp_path)
    for path in written:
        committed = BAD / path.name
        assert committed.is_file(), f"{path.name} missing: run python tests/data/bad/make_bad_inputs.py"
        assert committed.read_bytes() == path.read_bytes(), f"{path.name} differs from make_bad_inputs.py"
    large = [c for c in corpus.CASES if c.large]
    assert large and not any((BAD / c.name).exists() for c in large), "large inputs are never committed"


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_input_has_documented_outcome(name: str, large_dir: Path, control: Path,
                                              store_file: tuple[str, Article],
                                              no_outside_connections: list[tuple[str, int]]) -> None:
    case = CASES[name]
    path = (large_dir if case.large else BAD) / name
    result = read_sources([str(control), str(path), str(control)], Options())
    ours = [a for a in result.articles if a.title != corpus.CONTROL_TITLE]
    _control_kept(result.articles)
    is_feed = name.endswith((".xml", ".rss"))
    _check_failures(result.failures, name, item_urls=is_feed)
    if case.articles >= 0:
        assert len(ours) == case.articles, [str(f) for f in result.failures]
    else:
        assert ours, [str(f) for f in result.failures]
    if case.failures >= 0:
        assert len(result.failures) == case.failures, [str(f) for f in result.failures]
    else:
        assert result.failures
    for failure in result.failures:
        assert case.error.lower() in failure.reason.lower(), str(failure)
    if case.present:
        assert ours and all(word in ours[0].text for word in case.present), ours[0].text[:300] if ours else None
    for word in case.absent:
        for article in ours:
            assert word not in article.text and word not in article.title, (word, article.text[:300])
    for article in ours:
        assert len(article.text) <= Options().max_article_chars
    if is_feed:
        assert len(result.failures) <= limits.MAX_FEED_ITEMS + 1  # the items read, plus one note for the rest
    assert no_outside_connections == [], "the feed's private and metadata links were refused before connecting"
    _check_store(store_file[0], store_file[1], result.articles)


def test_hostile_other_scripts_survive_the_store_unchanged(store_file: tuple[str, Article]) -> None:
    names = ["russian.txt", "korean.txt", "arabic.txt", "rtl-overrides.txt", "emoji.txt", "zero-width.txt",
             "combining-marks.txt", "multilingual.jsonl", "nul-in-json.jsonl"]
    result = read_sources([str(BAD / n) for n in names])
    assert not result.failures
    _check_store(store_file[0], store_file[1], result.articles)
    with open_store(store_file[0]) as store:
        texts = {a.text for a in store.all_articles()}
    assert any("보행교" in t for t in texts) and any("\u202e" in a.title for a in result.articles)
    assert any("\u200b" in t for t in texts), "invisible characters are kept as written, not silently dropped"


def test_hostile_limits_apply_to_stdin(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """stdin is read up to the limit, not to its end: an endless pipe cannot fill memory."""
    import io

    class Endless(io.RawIOBase):
        def __init__(self) -> None:
            self.served = 0

        def readable(self) -> bool:
            return True

        def readinto(self, buffer: bytearray) -> int:  # type: ignore[override]
            if self.served > 50_000_000:  # fail the test rather than fill the machine's memory
                raise AssertionError("stdin was read far past the article limit")
            n = len(buffer)
            buffer[:n] = b"a" * n
            self.served += n
            return n

    raw = Endless()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(raw)))
    options = Options(max_article_chars=100_000)
    items = list(ingest("-", options))
    assert len(items) == 1 and isinstance(items[0], InputFailure)
    assert "over the limit" in items[0].reason
    assert raw.served < 10 * 4 * options.max_article_chars


# --- URLs -----------------------------------------------------------------------------

#: URLs refused before any connection, and words of the reason.
BLOCKED_URLS = [
    ("http://127.0.0.1/", "loopback"),
    ("http://127.1/admin", "loopback"),
    ("http://2130706433/", "loopback"),
    ("http://0x7f000001/", "loopback"),
    ("http://localhost:8000/", "local"),
    ("HTTP://LOCALHOST./", "local"),
    ("http://[::1]:8080/", "loopback"),
    ("http://[::ffff:127.0.0.1]/", "loopback"),
    ("http://0.0.0.0/", "refused"),
    ("http://0/", "refused"),
    ("http://10.0.0.1/", "private"),
    ("http://172.16.5.4/", "private"),
    ("http://192.168.1.1/router", "private"),
    ("http://[fd00::1]/", "private"),
    ("http://[fd00:ec2::254]/latest/meta-data/", "private"),
    ("http://169.254.169.254/latest/meta-data/iam/security-credentials/", "link-local"),
    ("http://[::ffff:169.254.169.254]/", "link-local"),
    ("http://[fe80::1]/", "link-local"),
    ("http://user:pw@169.254.169.254:80/", "link-local"),
    ("http://metadata.google.internal/computeMetadata/v1/", "metadata"),
    ("http://metadata/computeMetadata/v1/", "metadata"),
    ("http://100.100.100.200/latest/meta-data/", "refused"),
    ("http://224.0.0.1/", "multicast"),
    ("file:///etc/passwd", "file URLs are not fetched"),
    ("FILE://localhost/etc/shadow", "not fetched"),
    ("ftp://10.0.0.1/pub/", "not fetched"),
    ("gopher://127.0.0.1:25/_HELO", "not fetched"),
    ("dict://127.0.0.1:11211/stat", "not fetched"),
]


@pytest.mark.parametrize("url,words", BLOCKED_URLS)
def test_hostile_url_refused_before_connecting(url: str, words: str, control: Path, store_file: tuple[str, Article],
                                               no_outside_connections: list[tuple[str, int]]) -> None:
    result = read_sources([url, str(control)])
    _control_kept(result.articles)
    assert len(result.failures) == 1
    failure = result.failures[0]
    assert failure.source == url and words.lower() in failure.reason.lower(), str(failure)
    assert "\n" not in str(failure)
    assert no_outside_connections == []
    _check_store(store_file[0], store_file[1], result.articles)


class _PublicHost:
    """A transport that sends requests for ``news.example`` to the local server.

    The resolver says ``news.example`` is a public address, so the fetcher's checks treat
    it like any outside site; every other host (a redirect target) is recorded and refused.
    """

    HOST = "news.example"
    PUBLIC_IP = "93.184.215.14"

    def __init__(self, port: int) -> None:
        self.port = port
        self.inner = HttpxTransport()
        self.other: list[str] = []

    def resolver(self, host: str) -> list[str]:
        return [self.PUBLIC_IP] if host == self.HOST else ["10.255.255.1"]

    def send(self, request: Request) -> Response:
        if f"//{self.HOST}:{self.port}" not in request.url:
            self.other.append(request.url)
            raise AssertionError(f"request sent to {request.url}")
        local = request.url.replace(f"//{self.HOST}:{self.port}", f"//127.0.0.1:{self.port}", 1)
        response = self.inner.send(Request(local, request.headers, request.timeout, request.max_bytes))
        return Response(request.url, response.status, response.headers, response.content, response.truncated)


REDIRECT_TARGETS = [
    ("http://127.0.0.1:{port}/secret", "loopback"),
    ("http://169.254.169.254/latest/meta-data/", "link-local"),
    ("http://[::1]/", "loopback"),
    ("http://localhost/", "local"),
    ("http://10.1.2.3/", "private"),
    ("http://metadata.google.internal/", "metadata"),
    ("file:///etc/passwd", "not fetched"),
    ("//127.0.0.1/scheme-relative", "loopback"),
]


@pytest.mark.parametrize("target,words", REDIRECT_TARGETS)
def test_hostile_redirect_to_private_address_refused(target: str, words: str, control: Path,
                                                     store_file: tuple[str, Article],
                                                     no_outside_connections: list[tuple[str, int]]) -> None:
    with serve() as server:
        port = int(server.url("/").rsplit(":", 1)[1].strip("/"))
        location = target.format(port=port)
        server.page("/story", b"", headers={"Location": location}, status=302)
        server.page("/secret", "<html><body><p>Internal secret page, never to be read.</p></body></html>")
        public = _PublicHost(port)
        fetcher = Fetcher(transport=public, resolver=public.resolver, sleep=lambda s: None)
        url = f"http://{public.HOST}:{port}/story"
        items = list(ingest(url, Options(), fetcher))
        assert server.hits.get("/secret") is None
    assert public.other == []
    assert len(items) == 1 and isinstance(items[0], InputFailure)
    failure = items[0]
    assert failure.source == url and words in failure.reason and "redirected to" in failure.reason, str(failure)
    control_items = read_sources([str(control)])
    _control_kept(control_items.articles)
    _check_store(store_file[0], store_file[1], control_items.articles)


def test_hostile_redirect_loop_ends(no_outside_connections: list[tuple[str, int]]) -> None:
    with serve() as server:
        port = int(server.url("/").rsplit(":", 1)[1].strip("/"))
        server.page("/a", b"", headers={"Location": "/b"}, status=302)
        server.page("/b", b"", headers={"Location": "/a"}, status=301)
        public = _PublicHost(port)
        fetcher = Fetcher(transport=public, resolver=public.resolver, sleep=lambda s: None)
        with pytest.raises(FetchError, match="redirects"):
            fetcher.get(f"http://{public.HOST}:{port}/a")


def test_hostile_blocked_error_is_a_fetch_error() -> None:
    with pytest.raises(BlockedURLError) as caught:
        Fetcher().get("http://169.254.169.254/")
    assert caught.value.source == "http://169.254.169.254/"


class _RawServer:
    """A TCP server on 127.0.0.1 whose connections are handled by ``behave(conn, stop)``."""

    def __init__(self, behave) -> None:  # type: ignore[no-untyped-def]
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.stop = threading.Event()
        self.behave = behave
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        self.sock.settimeout(0.1)
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            threading.Thread(target=self._handle, args=(conn,), daemon=True).start()

    def _handle(self, conn: socket.socket) -> None:
        try:
            self.behave(conn, self.stop)
        except OSError:
            pass
        finally:
            conn.close()

    def close(self) -> None:
        self.stop.set()
        self.sock.close()
        self.thread.join(2)


def _silent(conn: socket.socket, stop: threading.Event) -> None:
    stop.wait(30)  # accept, then never answer


def _endless(conn: socket.socket, stop: threading.Event) -> None:
    conn.recv(65536)
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n")
    chunk = b"<p>" + b"more news " * 1000 + b"</p>"
    frame = f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n"
    while not stop.is_set():
        conn.sendall(frame)


def _trickle(conn: socket.socket, stop: threading.Event) -> None:
    conn.recv(65536)
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000000\r\n\r\n<html><body><p>")
    until = time.monotonic() + 30  # without a deadline in the client this would go on for years
    while not stop.is_set() and time.monotonic() < until:  # one byte at a time, inside the read timeout
        conn.sendall(b"x")
        stop.wait(0.05)


def _headers_forever(conn: socket.socket, stop: threading.Event) -> None:
    conn.recv(65536)
    conn.sendall(b"HTTP/1.1 200 OK\r\n")
    n = 0
    until = time.monotonic() + 30
    while not stop.is_set() and time.monotonic() < until:
        conn.sendall(f"X-Filler-{n}: {'y' * 100}\r\n".encode())
        n += 1
        stop.wait(0.01)


@pytest.mark.parametrize("behave,words", [(_silent, "timed out"), (_endless, "larger than"),
                                          (_trickle, "timed out"), (_headers_forever, "cannot be fetched")],
                         ids=["never-answers", "sends-forever", "trickles-forever", "headers-forever"])
def test_hostile_server_cannot_hang_the_run(behave, words: str, control: Path,  # type: ignore[no-untyped-def]
                                            store_file: tuple[str, Article],
                                            no_outside_connections: list[tuple[str, int]]) -> None:
    server = _RawServer(behave)
    try:
        fetcher = Fetcher(allow_private=True, timeout=1.0, attempts=2, max_bytes=2_000_000, sleep=lambda s: None)
        url = f"http://127.0.0.1:{server.port}/article"
        started = time.monotonic()
        items = list(ingest(url, Options(allow_private_urls=True), fetcher))
        elapsed = time.monotonic() - started
    finally:
        server.close()
    assert len(items) == 1 and isinstance(items[0], InputFailure), items
    assert items[0].source == url and words in items[0].reason, str(items[0])
    # Each attempt ends within its deadline (a few times the timeout), never "forever".
    assert elapsed < fetcher.attempts * limits.total_timeout(fetcher.timeout) + 5, elapsed
    control_items = read_sources([str(control)])
    _control_kept(control_items.articles)
    _check_store(store_file[0], store_file[1], control_items.articles)


def test_hostile_default_fetch_limits_are_documented() -> None:
    """Every network call has a timeout and a size cap, and docs/security.md names them."""
    from storyweave import fetch

    assert 0 < fetch.TIMEOUT <= 60 and 0 < fetch.MAX_BYTES <= 50_000_000
    doc = (Path(__file__).resolve().parents[1] / "docs" / "security.md").read_text(encoding="utf-8")
    for name in ("TIMEOUT", "MAX_BYTES", "MAX_REDIRECTS", "max_article_chars", "MAX_FEED_ITEMS", "--allow-private-urls"):
        assert name in doc, name


# --- memory and the whole pipeline ------------------------------------------------------

# VmHWM, not ru_maxrss: getrusage keeps the parent's peak across fork and exec, so a child
# of a large test process would report the parent's memory as its own.
_MEASURE = """
import re, sys
from storyweave.pipeline import read_sources
result = read_sources(sys.argv[1:])
peak_kb = int(re.search(r"VmHWM:\\s+(\\d+)", open("/proc/self/status").read()).group(1))
print(len(result.articles), len(result.failures), peak_kb // 1024)
"""


def test_hostile_memory_stays_bounded_on_large_inputs(large_dir: Path) -> None:
    """The 50 MB file, the 5 MB lines, the decompression bombs and the 10,000-item feed,
    read in one run, keep the process far under 2 GB (it reads against the limits, never
    whole files)."""
    import subprocess

    paths = sorted(str(p) for p in large_dir.iterdir())
    done = subprocess.run([sys.executable, "-c", _MEASURE, *paths], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    articles, failures, peak_mb = (int(x) for x in done.stdout.split())
    assert failures >= len(paths) and articles >= 2  # the good lines around the huge ones
    assert peak_mb < 700, f"peak memory {peak_mb} MB"


@pytest.mark.slow
def test_hostile_inputs_analyse_and_render_safely(tmp_path: Path) -> None:
    """Other scripts, invisible characters and hostile markup go through the whole analysis,
    and no renderer lets markup, script or terminal escapes through."""
    from storyweave.pipeline import analyze
    from storyweave.render import html as render_html
    from storyweave.render import markdown as render_markdown
    from storyweave.render import terminal as render_terminal

    names = ["russian.txt", "korean.txt", "arabic.txt", "rtl-overrides.txt", "emoji.txt", "zero-width.txt",
             "hostile-tags-in-text.txt", "hostile-script.html", "hostile-events.html", "ansi-escapes.txt",
             "html-field-hostile.jsonl", "binary.txt"]
    with open_store(str(tmp_path / "store.db")) as store:
        analysis, failures = analyze([str(BAD / n) for n in names], store=store)
    assert [Path(f.source).name for f in failures] == ["binary.txt"]
    # Every article read is analysed (pages that differ only in hostile markup are one article).
    assert len(analysis["articles"]) == len(read_sources([str(BAD / n) for n in names]).articles) >= 9
    assert sum(len(s["articles"]) for s in analysis["stories"]) == len(analysis["articles"])
    json.dumps(analysis, ensure_ascii=False).encode("utf-8")
    # The words may show, escaped ("&lt;img src=x onerror=…&gt;"); never as live markup.
    import lxml.html

    page = lxml.html.document_fromstring(render_html.render(analysis))
    for script in page.xpath("//script"):  # data blocks, the inert Vega bundle, or the report's own code (with its nonce)
        inert_vega = script.get("type") == "text/plain" and script.get("id") == "sw-vega-code"
        assert script.get("type") == "application/json" or inert_vega or script.get("nonce"), dict(script.attrib)
        assert script.get("src") is None and "</script" not in (script.text or "").lower()
    assert not page.xpath("//img | //iframe | //object | //embed | //svg//script | //*[@onerror] | //*[@onclick]")
    for el in page.iter():
        for name, value in el.attrib.items():
            assert not name.lower().startswith("on"), (el.tag, name)
            assert not value.strip().lower().startswith(("javascript:", "data:text")), (el.tag, name, value)
    markdown = render_markdown.render(analysis)
    assert "<script>" not in markdown and "<img" not in markdown and "\x1b" not in markdown
    plain = render_terminal.render(analysis)
    assert "\x1b" not in plain and "\x07" not in plain
