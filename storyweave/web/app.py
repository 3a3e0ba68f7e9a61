"""The FastAPI app: REST API under ``/api/v1``, the web UI, and the job worker.

Build it with :func:`create_app`; ``storyweave serve`` runs it with uvicorn on
127.0.0.1. Reads and the job worker use separate connections to the same store (one
shared connection for ``:memory:``), so readers are never queued behind a long write.
"""

from __future__ import annotations

import json
import logging
import os
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, AsyncIterator, Awaitable, Callable, MutableMapping

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..errors import StoreError
from ..options import Options
from ..store import open_store
from . import api, pages
from .follower import TICK, FeedFollower
from .jobs import JobRunner
from .state import AppState, Settings

logger = logging.getLogger("storyweave.web")

#: Sent with every response: pages load scripts and styles only from this server, so an
#: article's text can never run code even if it slipped past escaping.
SECURITY_HEADERS = [
    (b"content-security-policy", b"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
     b" object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
ASGIApp = Callable[[Scope, Callable[[], Awaitable[Message]], Callable[[Message], Awaitable[None]]], Awaitable[None]]


class _Guard:
    """Refuses bodies over the size limit (413) and adds the security headers.

    A plain ASGI middleware: it costs nothing per request beyond the header checks.
    """

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Callable[[], Awaitable[Message]], send: Callable[[Message], Awaitable[None]]) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_bytes):
            await _send_json(send, 413, {"error": f"the request body is larger than {self.max_bytes // (1024 * 1024)} MB; send fewer articles per request"})
            return
        seen = 0

        async def limited_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    raise _TooLarge()
            return message

        async def secured_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        try:
            await self.app(scope, limited_receive, secured_send)
        except _TooLarge:
            await _send_json(send, 413, {"error": f"the request body is larger than {self.max_bytes // (1024 * 1024)} MB; send fewer articles per request"})


class _TooLarge(Exception):
    pass


async def _send_json(send: Callable[[Message], Awaitable[None]], status: int, body: dict[str, Any]) -> None:
    data = json.dumps(body).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(data)).encode()), *SECURITY_HEADERS]})
    await send({"type": "http.response.body", "body": data})


def create_app(
    store_url: str | None,
    *,
    api_key: str | None = None,
    read_only: bool = False,
    options: Options | None = None,
    max_request_bytes: int = 32 * 1024 * 1024,
    max_articles: int = 1000,
    start_worker: bool = True,
    follow_tick: float = TICK,
) -> FastAPI:
    """Build the web app over a store.

    Args:
        store_url: a ``--db`` value (None for the default store in the data folder).
        api_key: when set, writes need it; defaults to ``$STORYWEAVE_API_KEY``.
        read_only: refuse writes and run no jobs.
        options: analysis options.
        max_request_bytes: the largest request body accepted (413 above it).
        max_articles: the most articles or files one request may add.
        start_worker: run the job worker and the feed follower (tests may turn them off
            to inspect queued jobs).
        follow_tick: seconds between checks for followed feeds that are due.

    Returns:
        The FastAPI app; the worker starts and the stores close with its lifespan.

    Raises:
        ConfigError: the store URL is not one storyweave can open.
        StoreError: the store cannot be opened.
    """
    options = options or Options()
    api_key = api_key if api_key is not None else (os.environ.get("STORYWEAVE_API_KEY") or None)
    writer = open_store(store_url)
    reader = writer if writer.path == ":memory:" else open_store(store_url)  # type: ignore[attr-defined]
    settings = Settings(api_key=api_key, read_only=read_only, max_request_bytes=max_request_bytes, max_articles=max_articles)
    state = AppState(reader=reader, writer=writer, options=options, settings=settings)
    if not read_only:
        file_url = None if writer.path == ":memory:" else str(writer.path)  # type: ignore[attr-defined]
        state.runner = JobRunner(writer, options, on_change=lambda ids: state.invalidate(ids or None), store_url=file_url)
        state.follower = FeedFollower(state.runner, reader, tick=follow_tick)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if state.runner is not None and start_worker:
            state.runner.start()
            if state.follower is not None:
                state.follower.start()
        try:
            yield
        finally:
            if state.follower is not None:
                state.follower.stop()
            if state.runner is not None:
                state.runner.stop()
            reader.close()
            if writer is not reader:
                writer.close()

    app = FastAPI(
        title="storyweave",
        version=__version__,
        description="Many articles about one event: what happened, who said what, where sources agree and differ, "
        "single-source claims, and who copies whom — every sentence cited.",
        lifespan=lifespan,
        docs_url=None,  # the Swagger page loads scripts from a CDN; the schema is at /openapi.json
        redoc_url=None,
    )
    app.state.sw = state
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=str(Path(__file__).parent / "static")), name="static")
    app.add_middleware(_Guard, max_bytes=max_request_bytes)  # type: ignore[arg-type]

    @app.exception_handler(api.ApiError)
    async def _api_error(request: Request, exc: api.ApiError) -> JSONResponse:
        return JSONResponse({"error": exc.message}, status_code=exc.status)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = []
        for err in exc.errors():
            where = ".".join(str(p) for p in err.get("loc", ()) if p != "body") or "body"
            problems.append(f"{where}: {err.get('msg', 'invalid')}")
        message = "; ".join(problems[:5]) or "the request is not valid"
        return JSONResponse({"error": f"{message}; see /openapi.json for the expected request"}, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        message = {404: "no such page or endpoint; the API is under /api/v1 (see /openapi.json)",
                   405: "this method is not allowed here; see /openapi.json"}.get(exc.status_code, str(exc.detail))
        return JSONResponse({"error": message}, status_code=exc.status_code, headers=getattr(exc, "headers", None))

    @app.exception_handler(StoreError)
    async def _store(request: Request, exc: StoreError) -> JSONResponse:
        return JSONResponse({"error": str(exc)}, status_code=503)

    return app
