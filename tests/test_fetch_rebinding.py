"""DNS rebinding: the connection goes to the address that was checked, never to a second answer.

The system resolver is replaced for the test: its first answer for the host is a public
address, every later one is 127.0.0.1, as a rebinding DNS server would answer. Connections
to the public address are routed to a local "public" server, so nothing leaves the machine;
a client that resolved the host again would reach the "internal" server instead.
"""

from __future__ import annotations

import socket
from typing import Any

import pytest
from _localserver import serve

from storyweave.errors import BlockedURLError
from storyweave.fetch import Fetcher

PUBLIC_IP = "93.184.216.34"
HOST = "rebind.example"


@pytest.fixture
def rebinding(monkeypatch: pytest.MonkeyPatch) -> Any:
    """Two local servers and a resolver that answers public once, loopback afterwards."""
    real_getaddrinfo = socket.getaddrinfo
    real_connect = socket.create_connection
    calls: list[str] = []

    with serve() as public_server, serve() as internal:
        internal_port = int(internal.url("/").rsplit(":", 1)[1].split("/")[0])
        public_port = int(public_server.url("/").rsplit(":", 1)[1].split("/")[0])

        def getaddrinfo(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
            if isinstance(host, bytes):
                host = host.decode("ascii")
            if host == HOST:
                calls.append(host)
                answer = PUBLIC_IP if len(calls) == 1 else "127.0.0.1"
                return real_getaddrinfo(answer, port, *args, **kwargs)
            return real_getaddrinfo(host, port, *args, **kwargs)

        def create_connection(address: Any, *args: Any, **kwargs: Any) -> socket.socket:
            host, port = address[:2]
            if host == PUBLIC_IP:  # "the internet": the public server stands in for it
                return real_connect(("127.0.0.1", public_port), *args, **kwargs)
            return real_connect(address, *args, **kwargs)

        monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
        monkeypatch.setattr(socket, "create_connection", create_connection)
        public_server.page("/story", "<html><body><p>The public page.</p></body></html>")
        internal.page("/story", "<html><body><p>Internal admin page.</p></body></html>")
        yield {"url": f"http://{HOST}:{internal_port}/story", "public": public_server,
               "internal": internal, "calls": calls}


def test_fetch_second_resolution_cannot_reach_loopback(rebinding: Any) -> None:
    response = Fetcher(attempts=1).get(rebinding["url"])
    assert b"The public page." in response.content
    assert rebinding["internal"].hits == {}
    assert rebinding["public"].hits == {"/story": 1}
    assert rebinding["calls"] == [HOST]  # resolved once, by the check
    assert response.url == rebinding["url"]


def test_fetch_pinned_request_keeps_the_host_header(rebinding: Any) -> None:
    seen: dict[str, str] = {}

    def answer(headers: Any) -> tuple[int, dict[str, str], bytes]:
        seen.update(headers)
        return 200, {"Content-Type": "text/html"}, b"<p>ok</p>"

    rebinding["public"].routes["/story"] = answer
    Fetcher(attempts=1).get(rebinding["url"])
    port = rebinding["url"].split(":")[2].split("/")[0]
    assert seen["Host"] == f"{HOST}:{port}"


def test_fetch_redirect_hop_is_pinned_too(rebinding: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    # The first hop is a public IP literal that redirects to the rebinding host: that
    # hop's check sees the public answer, and its connection must use it.
    public = rebinding["public"]
    public.routes["/start"] = lambda _h: (302, {"Location": rebinding["url"]}, b"")
    port = rebinding["url"].split(":")[2].split("/")[0]
    response = Fetcher(attempts=1).get(f"http://{PUBLIC_IP}:{port}/start")
    assert b"The public page." in response.content
    assert rebinding["internal"].hits == {}


def test_fetch_rebinding_host_checked_again_on_each_new_fetch(rebinding: Any) -> None:
    fetcher = Fetcher(attempts=1)
    fetcher.get(rebinding["url"])
    # The next fetch resolves again; now the answer is loopback, and it is refused.
    with pytest.raises(BlockedURLError, match="resolves to 127.0.0.1, a loopback address"):
        fetcher.get(rebinding["url"])
    assert rebinding["internal"].hits == {}
