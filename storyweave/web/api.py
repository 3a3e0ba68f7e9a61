"""The REST API under ``/api/v1`` (the public contract in ``design.md``).

Every error is a JSON object ``{"error": message}`` whose message names the problem and
what to do; writes answer 401 without the API key (when one is set) and 403 in
read-only mode.
"""

from __future__ import annotations

import base64
import binascii
from datetime import datetime
from typing import Any, Optional, Union

from fastapi import APIRouter, Depends, File, Form, Query, Request, Response, UploadFile
from pydantic import BaseModel, ConfigDict, Field

from . import intake
from .state import AppState

router = APIRouter(prefix="/api/v1")

_ERROR = {"content": {"application/json": {"schema": {"type": "object", "properties": {"error": {"type": "string"}}}}}}
_ERRORS: dict[Union[int, str], dict[str, Any]] = {
    400: {"description": "Bad request", **_ERROR},
    404: {"description": "Not found", **_ERROR},
}
_WRITE_ERRORS: dict[Union[int, str], dict[str, Any]] = {
    **_ERRORS,
    401: {"description": "API key missing or wrong", **_ERROR},
    403: {"description": "The server is read-only", **_ERROR},
    413: {"description": "Request too large", **_ERROR},
}


class ApiError(Exception):
    """An error answered as ``{"error": message}`` with ``status``."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def sw(request: Request) -> AppState:
    state: AppState = request.app.state.sw
    return state


def require_write(request: Request) -> AppState:
    """Check read-only mode and the API key before any write."""
    state = sw(request)
    if state.settings.read_only or state.runner is None:
        raise ApiError(403, "this server runs read-only; start it without --read-only to add or delete articles")
    key = state.settings.api_key
    if key:
        given = request.headers.get("x-api-key") or ""
        auth = request.headers.get("authorization") or ""
        if auth.lower().startswith("bearer "):
            given = given or auth[7:].strip()
        if not _same(given, key):
            raise ApiError(401, "this server needs an API key for writes; send it as 'Authorization: Bearer KEY' or 'X-API-Key: KEY'")
    return state


def _same(a: str, b: str) -> bool:
    import hmac

    return hmac.compare_digest(a.encode(), b.encode())


class ArticleIn(BaseModel):
    """One article: its body as ``text`` or ``html``, or a ``url`` to fetch."""

    model_config = ConfigDict(extra="ignore")

    id: Optional[Union[str, int]] = Field(None, description="Your own id for the article (kept as input_id).")
    title: Optional[str] = None
    text: Optional[str] = Field(None, description="The article body as plain text.")
    html: Optional[str] = Field(None, description="The article page as HTML; its main content is extracted.")
    url: Optional[str] = Field(None, description="Where the article is (fetched when no text or html is given).")
    source: Optional[str] = Field(None, description="The outlet's name.")
    published: Optional[str] = Field(None, description="Publication time, ISO 8601 or RFC 2822.")
    language: Optional[str] = None


class ArticlesIn(BaseModel):
    articles: list[ArticleIn]


class JobCreated(BaseModel):
    job: str


def _check_count(state: AppState, n: int) -> None:
    if n == 0:
        raise ApiError(400, "no articles given; send at least one article, file or URL")
    if n > state.settings.max_articles:
        raise ApiError(413, f"{n} articles in one request; send at most {state.settings.max_articles} a request")


@router.post("/articles", status_code=202, response_model=JobCreated, responses=_WRITE_ERRORS,
             summary="Add articles (JSON)")
def add_articles(body: ArticlesIn, state: AppState = Depends(require_write)) -> JobCreated:
    """Store, group and analyse articles in the background; poll the job for progress."""
    _check_count(state, len(body.articles))
    items = []
    for n, article in enumerate(body.articles):
        data = article.model_dump(exclude_none=True)
        if not any(isinstance(data.get(k), str) and data[k].strip() for k in ("text", "html", "url")):
            raise ApiError(400, f"articles[{n}]: no text, html or url; give the body in 'text' or 'html', or a 'url'")
        if isinstance(data.get("url"), str) and data["url"] and not data["url"].startswith(("http://", "https://")) \
                and not data.get("text") and not data.get("html"):
            raise ApiError(400, f"articles[{n}]: url {data['url']!r} is not an http(s) URL; give a full http:// or https:// address")
        items.append(intake.json_item(data, f"articles[{n}]" + (f" (id {data['id']})" if "id" in data else "")))
    assert state.runner is not None
    return JobCreated(job=state.runner.submit("ingest", items))


@router.post("/uploads", status_code=202, response_model=JobCreated, responses=_WRITE_ERRORS,
             summary="Add articles (files, URLs, pasted text)")
async def upload(
    state: AppState = Depends(require_write),
    files: list[UploadFile] = File(default=[], description="Article files: .txt (first line the headline), .html, .jsonl, .gz."),
    urls: str = Form(default="", description="URLs, one a line."),
    text: str = Form(default="", description="One pasted article: first line the headline."),
) -> JobCreated:
    """Add uploaded files, URLs (one a line) and pasted text in one job."""
    items = [intake.url_item(u.strip()) for u in urls.splitlines() if u.strip()]
    for u in items:
        if not u["url"].startswith(("http://", "https://")):
            raise ApiError(400, f"{u['url']!r} is not a URL; give full http:// or https:// addresses, one a line")
    if text.strip():
        items.append(intake.file_item("pasted.txt", text.encode("utf-8")))
    for f in files:
        if not f.filename and not f.size:
            continue  # an empty file field of a form
        data = await f.read()
        items.append(intake.file_item(f.filename or "upload.txt", data))
    _check_count(state, len(items))
    assert state.runner is not None
    return JobCreated(job=state.runner.submit("ingest", items))


@router.get("/jobs/{job_id}", responses=_ERRORS, summary="A job's progress")
def get_job(job_id: str, state: AppState = Depends(sw)) -> dict[str, Any]:
    """``state`` (queued, running, analysing, done, failed), ``done`` of ``total`` inputs,
    ``errors`` (one per input that failed), and when done the ``stories`` it touched."""
    job = state.reader.get_job(job_id)
    if job is None:
        raise ApiError(404, f"no job {job_id!r}; use the id POST /api/v1/articles returned")
    out = {k: job[k] for k in ("id", "state", "done", "total", "errors", "articles", "created_at", "updated_at")}
    stories: list[str] = []
    if job["state"] == "done":
        for aid in job["articles"]:
            sid = state.reader.story_of(aid)
            if sid and sid not in stories:
                stories.append(sid)
    out["stories"] = stories
    return out


def _public(summary: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in summary.items() if k != "entity_aliases"}


SORTS = ("newest", "biggest", "contested")


def list_summaries(
    state: AppState,
    q: str | None = None,
    since: str | None = None,
    source: str | None = None,
    entity: str | None = None,
    sort: str = "newest",
) -> list[dict[str, Any]]:
    """The story summaries matching the filters, sorted (shared by the API and the pages)."""
    if sort not in SORTS:
        raise ApiError(400, f"sort={sort!r} is not one of {', '.join(SORTS)}")
    rows = state.summaries()
    if q and q.strip():
        hits = state.reader.search_articles(q)
        rank = {aid: n for n, aid in enumerate(hits)}
        best = {s["id"]: min((rank[a] for a in s["articles"] if a in rank), default=None) for s in rows}
        rows = [s for s in rows if best[s["id"]] is not None]
    if since:
        try:
            cut = datetime.fromisoformat(since.replace("Z", "+00:00"))
        except ValueError:
            raise ApiError(400, f"since={since!r} is not an ISO 8601 date; write e.g. 2024-06-19 or 2024-06-19T08:00:00Z") from None
        rows = [s for s in rows if _after(s.get("latest") or s.get("updated"), cut)]
    if source:
        wanted = source.casefold()
        rows = [s for s in rows if any(wanted == x.casefold() for x in s["sources"])]
    if entity:
        wanted = entity.casefold()
        rows = [s for s in rows if any(wanted == x.casefold() for x in s.get("entity_aliases", s["entities"]))]
    if sort == "biggest":
        rows = sorted(rows, key=lambda s: (-len(s["articles"]), s["id"]))
    elif sort == "contested":
        rows = sorted(rows, key=lambda s: (-s["contested"], -len(s["articles"]), s["id"]))
    else:
        rows = sorted(rows, key=lambda s: (s.get("latest") or "", s.get("updated") or "", s["id"]), reverse=True)
    return rows


def _after(value: str | None, cut: datetime) -> bool:
    if not value:
        return False
    try:
        when = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return False
    if (when.tzinfo is None) != (cut.tzinfo is None):
        when, cut = when.replace(tzinfo=None), cut.replace(tzinfo=None)
    return when >= cut


def _cursor(cursor: str | None) -> int:
    if not cursor:
        return 0
    try:
        offset = int(base64.urlsafe_b64decode(cursor.encode() + b"==").decode())
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise ApiError(400, "cursor is not one this server gave; pass the 'next' value of the previous page") from None
    if offset < 0:
        raise ApiError(400, "cursor is not one this server gave; pass the 'next' value of the previous page")
    return offset


@router.get("/stories", responses=_ERRORS, summary="List stories")
async def get_stories(
    state: AppState = Depends(sw),
    q: Optional[str] = Query(None, description="Full-text search over article titles and text; every word must match."),
    since: Optional[str] = Query(None, description="Only stories with an article published (or updated) since this ISO 8601 time."),
    source: Optional[str] = Query(None, description="Only stories with an article from this source."),
    entity: Optional[str] = Query(None, description="Only stories naming this person, place or organisation."),
    sort: str = Query("newest", description="newest, biggest or contested."),
    limit: int = Query(20, ge=1, le=200),
    cursor: Optional[str] = Query(None, description="The 'next' value of the previous page."),
) -> dict[str, Any]:
    """Stories with their ``id``, ``title``, ``articles``, ``event_date``, ``sources``,
    ``entities``, counts of contested, corroborated and single-source findings; ``next``
    is the cursor of the next page, or null."""
    rows = list_summaries(state, q, since, source, entity, sort)
    offset = _cursor(cursor)
    page = rows[offset : offset + limit]
    more = offset + limit < len(rows)
    nxt = base64.urlsafe_b64encode(str(offset + limit).encode()).decode().rstrip("=") if more else None
    return {"stories": [_public(s) for s in page], "next": nxt}


@router.get("/stories/{story_id}", summary="A story's analysis", response_class=Response,
            responses={**_ERRORS, 200: {"description": "The story object", "content": {"application/json": {"schema": {"type": "object"}}}}})
async def get_story(story_id: str, state: AppState = Depends(sw)) -> Response:
    """The story object of the analysis JSON (schema ``storyweave.analysis/1``)."""
    data = state.analysis_bytes(story_id)
    if data is None:
        raise ApiError(404, f"no analysed story {story_id!r}; list stories with GET /api/v1/stories")
    return Response(data, media_type="application/json")


@router.get("/stories/{story_id}/summary", responses=_ERRORS, summary="A story's summary (cheap, for polling)")
async def get_story_summary(story_id: str, state: AppState = Depends(sw)) -> dict[str, Any]:
    summary = state.summary(story_id)
    if summary is None:
        raise ApiError(404, f"no analysed story {story_id!r}; list stories with GET /api/v1/stories")
    return _public(summary)


@router.get("/status", summary="What the server holds and does")
async def status(state: AppState = Depends(sw)) -> dict[str, Any]:
    """``stories``, ``version`` (changes whenever a story changes), ``busy`` and ``read_only``."""
    rows = state.summaries()
    return {
        "stories": len(rows),
        "version": max((s["updated"] for s in rows), default=""),
        "busy": bool(state.runner and state.runner.busy.is_set()),
        "read_only": state.settings.read_only,
    }


@router.get("/articles/{article_id}", responses=_ERRORS, summary="An article")
def get_article(article_id: str, state: AppState = Depends(sw)) -> dict[str, Any]:
    """The article object of the analysis JSON (cleaned ``text`` and the ``removed`` junk
    with reasons), plus its ``url`` and ``story``."""
    article = state.reader.get_article(article_id)
    if article is None:
        raise ApiError(404, f"no article {article_id!r}; article ids are listed in each story's 'articles'")
    return {**article.to_json(), "url": article.url, "story": state.reader.story_of(article_id)}


@router.delete("/articles/{article_id}", responses=_WRITE_ERRORS, summary="Delete an article")
def delete_article(article_id: str, state: AppState = Depends(require_write)) -> dict[str, Any]:
    """Delete an article; its story is analysed again in the background (``job``)."""
    story = state.writer.story_of(article_id)
    if not state.writer.delete_article(article_id):
        raise ApiError(404, f"no article {article_id!r}; nothing was deleted")
    state.invalidate([story] if story else None)
    assert state.runner is not None
    job = state.runner.submit("refresh", [])
    return {"deleted": article_id, "story": story, "job": job}


class FeedIn(BaseModel):
    url: str = Field(..., description="The RSS or Atom feed's http(s) URL.")
    every: Optional[Union[str, float]] = Field(
        None, description="How often to poll it: 90s, 15m, 1h, or seconds (at least 10). Default 15m.")


class Feed(BaseModel):
    id: str
    url: str
    every: float = Field(..., description="Seconds between polls.")
    followed_at: str
    title: Optional[str] = Field(None, description="The feed's title, from its last poll that read it.")
    checked_at: Optional[str] = Field(None, description="When it was last read successfully (UTC), or null before that.")
    polled_at: Optional[str] = Field(None, description="When it was last polled (UTC), failed or not; null before the first poll.")
    error: Optional[str] = Field(None, description="What went wrong in the last poll, one line; null when it went well.")
    articles: int = Field(0, description="How many stored articles were read from this feed.")


class FeedFollowed(Feed):
    new: bool = Field(..., description="False when the feed was followed already (its interval is updated).")


class Feeds(BaseModel):
    feeds: list[Feed]


@router.get("/feeds", response_model=Feeds, summary="Followed feeds")
def list_feeds(state: AppState = Depends(sw)) -> Feeds:
    """The feeds this server polls, oldest followed first."""
    from ..follow import list_feeds as followed

    return Feeds(feeds=[Feed(**f) for f in followed(state.reader)])


@router.post("/feeds", status_code=201, response_model=FeedFollowed, responses=_WRITE_ERRORS, summary="Follow a feed")
def follow_feed(body: FeedIn, state: AppState = Depends(require_write)) -> FeedFollowed:
    """Follow an RSS or Atom feed: it is polled now and then every ``every``; each new
    article is stored and joins its story, and open story pages show it."""
    from ..errors import ConfigError, FetchError
    from ..follow import add_feed

    try:
        feed = add_feed(state.writer, body.url, body.every, state.options)
    except (FetchError, ConfigError) as exc:
        raise ApiError(400, str(exc)) from exc
    if state.follower is not None:
        state.follower.wake()
    return FeedFollowed(**feed)


@router.delete("/feeds/{feed_id}", responses=_WRITE_ERRORS, summary="Stop following a feed")
def unfollow_feed(feed_id: str, state: AppState = Depends(require_write)) -> dict[str, Any]:
    """Stop polling a feed; the articles read from it stay, and following it again reads
    only items not read before."""
    from ..follow import remove_feed

    if not remove_feed(state.writer, feed_id):
        raise ApiError(404, f"no feed {feed_id!r}; list feeds with GET /api/v1/feeds")
    return {"deleted": feed_id}
