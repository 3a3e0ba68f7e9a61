"""Fetch URLs safely: a transport interface, safety checks on every hop, retries.

    fetch(url) ─▶ check scheme ─▶ resolve host, check every IP ─▶ transport.send (to a checked IP) ─▶
    redirect? (check the next hop the same way, at most MAX_REDIRECTS) ─▶ status,
    content type and size checks ─▶ Response

A newsroom runs storyweave on links it did not write, so by default no request goes to
a private, loopback, link-local, multicast, reserved or cloud-metadata address, and only
``http``/``https`` URLs are fetched; :class:`~storyweave.errors.BlockedURLError` says
which URL and why. ``allow_private=True`` (``--allow-private-urls``) lifts the address
check, never the scheme check.

The network sits behind :class:`Transport` (one method, ``send``), as httpx's transports
do: :class:`HttpxTransport` does real requests, :class:`MockTransport` answers from a
function for tests. The host resolver is injectable too.

DNS rebinding: the host is resolved once per hop, here, and the connection goes to the
address that was checked (the request carries it as :attr:`Request.addresses`; the
``Host`` header and the TLS server name stay the URL's host, so virtual hosting and
certificate checks work as before). A DNS server that answers a public address to the
check and a private one a moment later therefore never gets a connection to the second.
"""

from __future__ import annotations

import ipaddress
import logging
import socket
import threading
import time
from dataclasses import dataclass, field
from typing import Callable, Mapping, Protocol
from urllib.parse import urljoin, urlsplit

from . import __version__
from .errors import BlockedURLError, FetchError
from .limits import total_timeout

logger = logging.getLogger("storyweave")

USER_AGENT = f"storyweave/{__version__} (+news analysis; respects robots of the newsroom that runs it)"
#: Seconds to connect and to wait for each read.
TIMEOUT = 15.0
#: Largest response body read; news pages are well under 5 MB, feeds too.
MAX_BYTES = 10_000_000
MAX_REDIRECTS = 5
#: Attempts for a request that fails in a way worth retrying (timeouts, 429, 5xx).
ATTEMPTS = 3
#: Seconds before the second attempt; doubled for each further one.
BACKOFF = 0.5
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
#: Media types storyweave can read: HTML pages and RSS/Atom feeds (which are XML).
ACCEPTED_TYPES = frozenset({
    "text/html", "application/xhtml+xml", "application/rss+xml", "application/atom+xml",
    "application/rdf+xml", "application/xml", "text/xml", "text/plain", "application/feed+json",
})
ACCEPT = "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.1"
#: Cloud metadata endpoints that are not in a private range everywhere.
_METADATA_HOSTS = frozenset({"metadata.google.internal", "metadata", "instance-data"})


@dataclass(frozen=True)
class Request:
    """One HTTP GET."""

    url: str
    headers: Mapping[str, str]
    timeout: float = TIMEOUT
    max_bytes: int = MAX_BYTES
    #: The checked IP addresses of the URL's host, in the order to try; the transport
    #: connects to these and never resolves the host again. Empty: resolve as usual
    #: (``allow_private``, where no address was checked).
    addresses: tuple[str, ...] = ()


@dataclass(frozen=True)
class Response:
    """What a server answered; ``url`` is the final URL after redirects."""

    url: str
    status: int
    headers: Mapping[str, str]
    content: bytes = b""
    truncated: bool = False  # the body was longer than the request's max_bytes

    def header(self, name: str) -> str | None:
        """A header's value, whatever its case in the response."""
        lower = name.lower()
        return next((v for k, v in self.headers.items() if k.lower() == lower), None)

    @property
    def media_type(self) -> str:
        """The media type of ``Content-Type`` without parameters, lowercased; "" if none."""
        return (self.header("content-type") or "").split(";")[0].strip().lower()

    @property
    def charset(self) -> str | None:
        """The ``charset`` parameter of ``Content-Type``, if any."""
        for part in (self.header("content-type") or "").split(";")[1:]:
            key, _, value = part.partition("=")
            if key.strip().lower() == "charset" and value.strip():
                return value.strip().strip('"')
        return None


class TransportError(Exception):
    """A network-level failure (connection refused, timeout); ``retry`` says if worth retrying."""

    def __init__(self, message: str, retry: bool = True) -> None:
        super().__init__(message)
        self.retry = retry


class Transport(Protocol):
    """Sends one request, never following redirects; raises TransportError on network failure."""

    def send(self, request: Request) -> Response: ...


class HttpxTransport:
    """Real requests with httpx, the body read in chunks up to the request's size limit."""

    def __init__(self) -> None:
        import httpx

        self._httpx = httpx
        # No kept-alive connections: the watchdog below can only cut a connection it saw
        # being opened, so every request opens its own.
        self._client = httpx.Client(follow_redirects=False, trust_env=False,
                                    limits=httpx.Limits(max_keepalive_connections=0))

    def send(self, request: Request) -> Response:
        if not request.addresses:
            return self._send_to(request, request.url, {}, {})
        # Connect to each checked address in turn; only a refused connection moves on.
        url = self._httpx.URL(request.url)
        pinned = {"Host": url.netloc.decode("ascii")}
        extensions: dict[str, object] = {"sni_hostname": url.raw_host.decode("ascii")}
        for i, ip in enumerate(request.addresses):
            try:
                return self._send_to(request, str(url.copy_with(host=ip)), pinned, extensions)
            except _ConnectFailed as exc:
                if i == len(request.addresses) - 1:
                    raise TransportError(str(exc)) from exc
        raise AssertionError("unreachable")  # pragma: no cover

    def _send_to(self, request: Request, target: str, pinned: dict[str, str],
                 extensions: dict[str, object]) -> Response:
        """GET ``target`` (the URL, or the URL with the host replaced by a checked IP)."""
        httpx = self._httpx
        timeout = httpx.Timeout(request.timeout)
        budget = total_timeout(request.timeout)
        with _Watchdog(budget) as watchdog:
            try:
                with self._client.stream("GET", target, headers={**request.headers, **pinned}, timeout=timeout,
                                         extensions={"trace": watchdog.trace, **extensions}) as resp:
                    chunks: list[bytes] = []
                    size = 0
                    truncated = False
                    for chunk in resp.iter_bytes():
                        size += len(chunk)
                        if size > request.max_bytes:
                            truncated = True
                            break
                        chunks.append(chunk)
                    if watchdog.expired:
                        raise httpx.ReadError("cut off at the deadline")
                    return Response(request.url, resp.status_code, dict(resp.headers), b"".join(chunks), truncated)
            except httpx.ConnectError as exc:
                if pinned and not watchdog.expired:
                    raise _ConnectFailed(f"{type(exc).__name__}: {exc}") from exc
                raise TransportError(f"{type(exc).__name__}: {exc}") from exc
            except httpx.HTTPError as exc:
                if watchdog.expired:  # a server that keeps sending, too slowly: retrying will not help
                    raise TransportError(f"timed out: no complete answer within {budget:g} s", retry=False) from exc
                if isinstance(exc, httpx.TimeoutException):
                    raise TransportError(f"timed out after {request.timeout:g} s") from exc
                raise TransportError(f"{type(exc).__name__}: {exc}") from exc

    def close(self) -> None:
        self._client.close()


class _ConnectFailed(Exception):
    """One checked address refused the connection; the next may answer."""


class _Watchdog:
    """Shuts a request's connection down when its whole-exchange deadline passes.

    httpx's timeouts bound each connect and each read, so a server that sends one byte
    just inside every read timeout would hold a request for ever; this ends it after
    ``seconds`` in all (:func:`storyweave.limits.total_timeout`).
    """

    def __init__(self, seconds: float) -> None:
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def trace(self, event: str, info: dict[str, object]) -> None:
        """httpcore's trace hook: keep the socket of each connection the request opens."""
        if event == "connection.connect_tcp.complete":
            stream = info.get("return_value")
            sock = getattr(stream, "get_extra_info", lambda name: None)("socket")
            if isinstance(sock, socket.socket):
                self._sockets.append(sock)

    def _expire(self) -> None:
        self.expired = True
        for sock in self._sockets:
            try:
                sock.shutdown(socket.SHUT_RDWR)  # wakes a blocked read, which then fails
            except OSError:
                pass

    def __enter__(self) -> _Watchdog:
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()


class MockTransport:
    """Answers requests with ``handler(request)``; for tests (as ``httpx.MockTransport``)."""

    def __init__(self, handler: Callable[[Request], Response]) -> None:
        self.handler = handler
        self.requests: list[Request] = []

    def send(self, request: Request) -> Response:
        self.requests.append(request)
        return self.handler(request)


Resolver = Callable[[str], list[str]]


def system_resolver(host: str) -> list[str]:
    """Every IP address ``host`` resolves to, by the system resolver."""
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as exc:
        raise TransportError(f"the host {host!r} cannot be resolved ({exc})", retry=False) from exc
    return sorted({str(info[4][0]) for info in infos})


def blocked_reason(ip: str) -> str | None:
    """What kind of address ``ip`` is when storyweave will not connect to it by default
    ("a loopback address"), or None when it may."""
    try:
        addr = ipaddress.ip_address(ip.split("%")[0])
    except ValueError:
        return "not an IP address"
    if isinstance(addr, ipaddress.IPv6Address) and addr.ipv4_mapped is not None:
        addr = addr.ipv4_mapped
    checks = (
        (addr.is_loopback, "a loopback address"),
        (addr.is_link_local, "a link-local address (cloud metadata services live here)"),
        (addr.is_multicast, "a multicast address"),
        (addr.is_private, "a private address"),
        (addr.is_reserved, "a reserved address"),
        (addr.is_unspecified, "an unspecified address"),
        (not addr.is_global, "not a public address"),
    )
    for hit, what in checks:
        if hit:
            return what
    return None


@dataclass
class Fetcher:
    """Fetches URLs with the safety checks; one per run, reusable.

    Args:
        transport: where requests go; :class:`HttpxTransport` when None.
        resolver: host name to IP addresses; :func:`system_resolver` when None.
        allow_private: fetch private, loopback and link-local addresses too.
        sleep: how to wait between retries (tests pass a no-op).
    """

    transport: Transport | None = None
    resolver: Resolver | None = None
    allow_private: bool = False
    timeout: float = TIMEOUT
    max_bytes: int = MAX_BYTES
    attempts: int = ATTEMPTS
    sleep: Callable[[float], None] = field(default=time.sleep)

    def get(self, url: str, headers: Mapping[str, str] | None = None, *, accept_not_modified: bool = False) -> Response:
        """GET ``url``, following up to :data:`MAX_REDIRECTS` redirects, each hop checked.

        Args:
            url: an ``http`` or ``https`` URL.
            headers: extra request headers (``If-None-Match``, ``If-Modified-Since``).
            accept_not_modified: return a 304 answer instead of failing on it.

        Returns:
            The final response (status 200, or 304 when allowed).

        Raises:
            BlockedURLError: the URL or a redirect target is refused (scheme or address).
            FetchError: the server could not be reached, answered an error, sent too
                much, or sent something that is not a page or a feed.
        """
        if self.transport is None:
            self.transport = HttpxTransport()
        current = url
        for _hop in range(MAX_REDIRECTS + 1):
            addresses = self._check(url, current)
            sent = {"User-Agent": USER_AGENT, "Accept": ACCEPT, **(headers or {})}
            request = Request(current, sent, self.timeout, self.max_bytes, addresses)
            response = self._send_with_retries(url, request)
            if response.status in (301, 302, 303, 307, 308):
                location = response.header("location")
                if not location:
                    raise FetchError(url, f"the server answered {response.status} without a Location; check the URL")
                current = urljoin(current, location.strip())
                continue
            return self._checked_response(url, response, accept_not_modified)
        raise FetchError(url, f"more than {MAX_REDIRECTS} redirects; open the URL in a browser and pass the final address")

    def _check(self, original: str, url: str) -> tuple[str, ...]:
        """Refuse a URL whose scheme or addresses are not allowed; return the checked
        addresses the connection must use (none with ``allow_private``)."""
        parts = urlsplit(url)
        via = "" if url == original else f" (redirected to {url})"
        if parts.scheme.lower() not in ("http", "https"):
            scheme = parts.scheme or "no scheme"
            raise BlockedURLError(original, f"{scheme!s} URLs are not fetched{via}; pass an http or https URL, or save the page and pass the file")
        host = (parts.hostname or "").rstrip(".").lower()
        if not host:
            raise BlockedURLError(original, f"the URL has no host{via}; check the URL")
        if self.allow_private:
            return ()
        if host in _METADATA_HOSTS or host == "localhost" or host.endswith((".localhost", ".internal")):
            raise BlockedURLError(original, f"{host} is a local or metadata host{via}; pass --allow-private-urls to fetch it")
        try:
            ips = [host] if _is_ip(host) else (self.resolver or system_resolver)(host)
        except TransportError as exc:
            raise FetchError(original, f"{exc}{via}; check the URL") from exc
        if not ips:
            raise FetchError(original, f"the host {host!r} has no address{via}; check the URL")
        for ip in ips:
            reason = blocked_reason(ip)
            if reason:
                where = f"{host} is {reason}" if host == ip else f"{host} resolves to {ip}, {reason}"
                raise BlockedURLError(original, f"refused: {where}{via}; pass --allow-private-urls to fetch it")
        return tuple(ip.strip("[]") for ip in ips)

    def _send_with_retries(self, original: str, request: Request) -> Response:
        assert self.transport is not None
        delay = BACKOFF
        for attempt in range(1, self.attempts + 1):
            last = attempt == self.attempts
            try:
                response = self.transport.send(request)
            except TransportError as exc:
                if last or not exc.retry:
                    raise FetchError(original, f"cannot be fetched ({exc}); check the URL or try again later") from exc
                logger.info("%s: %s; retrying in %.1f s", request.url, exc, delay)
            else:
                if response.status not in RETRY_STATUSES or last:
                    return response
                logger.info("%s: HTTP %d; retrying in %.1f s", request.url, response.status, delay)
            self.sleep(delay)
            delay *= 2
        raise AssertionError("unreachable")  # pragma: no cover

    def _checked_response(self, original: str, response: Response, accept_not_modified: bool) -> Response:
        if response.status == 304 and accept_not_modified:
            return response
        if response.status != 200:
            raise FetchError(original, f"the server answered HTTP {response.status}; check the URL or try again later")
        if response.truncated or len(response.content) > self.max_bytes:
            raise FetchError(original, f"the response is larger than {self.max_bytes:,} bytes; save the page and pass the file")
        media = response.media_type
        if media and media not in ACCEPTED_TYPES and not media.endswith(("+xml", "/xml")):
            raise FetchError(original, f"the server sent {media}, not a web page or a feed; pass the URL of an article page or a feed")
        return response


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True
