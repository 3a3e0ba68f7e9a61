"""The web UI: server-rendered pages (Jinja2, autoescaped) over the same state as the API.

The story page is the HTML report's own story fragment
(:func:`storyweave.render.html.render_story_fragment`: every article string escaped
there), with the report's style sheet and script served as files so the page's
Content-Security-Policy stays ``script-src 'self'``. Its charts are drawn by Vega's
expression interpreter (see :func:`storyweave.render.html_assets.chart_bundle`), which needs no
``'unsafe-eval'``.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

import jinja2
from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from markupsafe import Markup
from starlette.concurrency import run_in_threadpool

from .. import __version__
from ..errors import StoryweaveError
from ..render import html as report
from ..render import html_assets
from . import intake
from .api import SORTS, ApiError, list_summaries, require_write, sw
from .state import AppState
from .views import article_href, highlighted, parse_span

router = APIRouter(include_in_schema=False)
# autoescape=True for every template: article titles and text are untrusted.
templates = Jinja2Templates(env=jinja2.Environment(loader=jinja2.FileSystemLoader(str(Path(__file__).parent / "templates")), autoescape=True))

_TABS = {"newest": "Newest", "biggest": "Biggest", "contested": "Most contested"}
#: The report's assets as files: (media type, function giving the text).
_ASSETS: dict[str, tuple[str, Callable[[], str]]] = {
    "report.css": ("text/css; charset=utf-8", html_assets.css),
    "report.js": ("text/javascript; charset=utf-8", html_assets.script),
    "charts.js": ("text/javascript; charset=utf-8", html_assets.chart_bundle),
}
#: Asset addresses carry the version, so browsers may keep them for a year.
ASSET_CACHE = "public, max-age=31536000, immutable"


def _html(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    state: AppState = request.app.state.sw
    context.setdefault("read_only", state.settings.read_only or state.runner is None)
    context.setdefault("needs_key", bool(state.settings.api_key))
    return templates.TemplateResponse(request, name, context, status_code=status)


@router.get("/", response_class=HTMLResponse)
async def index(request: Request, q: str = "", sort: str = "newest", state: AppState = Depends(sw)) -> Response:
    if sort not in SORTS:
        sort = "newest"
    try:
        rows = list_summaries(state, q or None, sort=sort)
    except ApiError as exc:
        return _html(request, "error.html", exc.status, message=exc.message)
    version = max((s["updated"] for s in state.summaries()), default="")
    return _html(request, "index.html", stories=rows[:100], total=len(rows), q=q, sort=sort, tabs=_TABS, version=version)


@router.get("/assets/{name}")
def asset(name: str) -> Response:
    """The report's style sheet, script and chart library (built from the installed packages)."""
    if name not in _ASSETS:
        return JSONResponse({"error": f"no asset {name!r}; the assets are {', '.join(sorted(_ASSETS))}"}, status_code=404)
    try:
        body = _asset_bytes(name)
    except StoryweaveError as exc:  # the chart library's package is missing: the page still reads, without charts
        return JSONResponse({"error": str(exc)}, status_code=503)
    return Response(body, media_type=_ASSETS[name][0], headers={"cache-control": ASSET_CACHE})


@lru_cache(maxsize=None)
def _asset_bytes(name: str) -> bytes:
    return _ASSETS[name][1]().encode("utf-8")


def story_fragment(story: dict[str, Any], state: AppState) -> str:
    """A stored story as the report's story fragment, with links to the article pages."""
    sid = str(story["id"])
    articles = state.reader.get_articles(story.get("articles", []))
    analysis = {"articles": [a.to_json() for a in articles], "stories": [story]}
    return report.render_story_fragment(analysis, sid, article_link=lambda aid: article_href(aid, sid))


@router.get("/stories/{story_id}", response_class=HTMLResponse)
async def story_page(request: Request, story_id: str, state: AppState = Depends(sw)) -> Response:
    summary = state.summary(story_id)
    version = summary["updated"] if summary else ""
    cached = state.page(story_id, version) if summary else None
    if cached is not None:
        return HTMLResponse(cached)
    analysis = state.analysis(story_id)
    if analysis is None:
        return _html(request, "error.html", 404, message=f"No analysed story {story_id}. It may still be analysing: see the story list.")
    # Rendering a big story takes tens of milliseconds: off the event loop, so other
    # readers are not held up (it runs once per story version; the page is cached).
    fragment = await run_in_threadpool(story_fragment, analysis, state)
    title = (analysis.get("brief") or {}).get("headline") or analysis.get("title") or story_id
    response = _html(request, "story.html", story_id=story_id, title=title, fragment=Markup(fragment),
                     version=version, assets=__version__)
    if summary:
        state.keep_page(story_id, version, bytes(response.body).decode("utf-8"))
    return response


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str, story: str = "", hl: str = "", state: AppState = Depends(sw)) -> Response:
    article = state.reader.get_article(article_id)
    if article is None:
        return _html(request, "error.html", 404, message=f"No article {article_id}.")
    span = parse_span(hl)
    story_id = story or state.reader.story_of(article_id) or ""
    summary = state.summary(story_id) if story_id else None
    return _html(request, "article.html", article=article, parts=highlighted(article.text, span),
                 story_id=story_id, story_title=summary["title"] if summary else "")


@router.get("/add", response_class=HTMLResponse)
def add_page(request: Request) -> Response:
    return _html(request, "add.html")


@router.post("/add")
async def add_submit(
    request: Request,
    files: list[UploadFile] = File(default=[]),
    urls: str = Form(default=""),
    text: str = Form(default=""),
    api_key: str = Form(default=""),
) -> Response:
    state: AppState = request.app.state.sw
    try:
        if api_key and state.settings.api_key and "x-api-key" not in request.headers:
            request.scope["headers"] = [*request.scope["headers"], (b"x-api-key", api_key.encode())]
            request = Request(request.scope, request.receive)
        require_write(request)
        items = [intake.url_item(u.strip()) for u in urls.splitlines() if u.strip()]
        bad = [u["url"] for u in items if not u["url"].startswith(("http://", "https://"))]
        if bad:
            raise ApiError(400, f"{bad[0]} is not a URL; give full http:// or https:// addresses, one a line")
        if text.strip():
            items.append(intake.file_item("pasted.txt", text.encode("utf-8")))
        for f in files:
            if f.filename:
                items.append(intake.file_item(f.filename, await f.read()))
        if not items:
            raise ApiError(400, "Nothing to add: choose files, paste text or give URLs.")
        if len(items) > state.settings.max_articles:
            raise ApiError(413, f"{len(items)} inputs at once; add at most {state.settings.max_articles} at a time.")
    except ApiError as exc:
        return _html(request, "add.html", exc.status, error=exc.message, urls=urls, text=text)
    assert state.runner is not None
    job = state.runner.submit("ingest", items)
    return RedirectResponse(f"/jobs/{job}", status_code=303)


@router.get("/jobs/{job_id}", response_class=HTMLResponse)
def job_page(request: Request, job_id: str, state: AppState = Depends(sw)) -> Response:
    job = state.reader.get_job(job_id)
    if job is None:
        return _html(request, "error.html", 404, message=f"No job {job_id}.")
    stories = []
    if job["state"] == "done":
        seen: set[str] = set()
        for aid in job["articles"]:
            sid = state.reader.story_of(aid)
            if sid and sid not in seen:
                seen.add(sid)
                summary = state.summary(sid)
                stories.append({"id": sid, "title": summary["title"] if summary else sid})
    return _html(request, "job.html", job=job, stories=stories)
