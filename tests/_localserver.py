"""A small HTTP server on 127.0.0.1 for the ingest, fetch, feed and follow tests.

Routes map a path to a function of the request headers that returns (status, headers,
body); tests change the routes while the server runs. No test touches the internet.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

Answer = tuple[int, dict[str, str], bytes]
Route = Callable[[Mapping[str, str]], Answer]


class LocalServer:
    """The running server: ``url(path)``, ``routes``, and ``hits`` per path."""

    def __init__(self, server: ThreadingHTTPServer) -> None:
        self._server = server
        self.routes: dict[str, Route] = {}
        self.hits: dict[str, int] = {}

    def url(self, path: str) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}{path}"

    def page(self, path: str, body: str | bytes, content_type: str = "text/html; charset=utf-8",
             headers: dict[str, str] | None = None, status: int = 200) -> None:
        data = body.encode() if isinstance(body, str) else body
        self.routes[path] = lambda _h: (status, {"Content-Type": content_type, **(headers or {})}, data)


@contextmanager
def serve() -> Iterator[LocalServer]:
    """Run a server on a free port of 127.0.0.1 for the duration of the block."""
    holder: dict[str, LocalServer] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
            local = holder["server"]
            path = self.path
            local.hits[path] = local.hits.get(path, 0) + 1
            route = local.routes.get(path)
            if route is None:
                status, headers, body = 404, {"Content-Type": "text/plain"}, b"not found"
            else:
                status, headers, body = route(dict(self.headers))
            delay = float(headers.pop("X-Test-Delay", "0"))
            if delay:
                time.sleep(delay)
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def log_message(self, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    holder["server"] = LocalServer(httpd)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield holder["server"]
    finally:
        httpd.shutdown()
        httpd.server_close()
