"""Follow feeds: poll them, keep only new articles, and add each to its story.

One poll, feed by feed:

1. GET the feed conditionally (``If-None-Match`` / ``If-Modified-Since`` from the last
   poll); a 304 answer means nothing changed.
2. Items whose key (guid, else link) the store has seen for this feed are skipped.
3. Each new item's page is fetched, ingested and cleaned, stored, and grouped into its
   story by the incremental group stage (:func:`storyweave.group.group_articles`), whose
   state lives in the same store.
4. The item is marked seen only once its article is stored, and the feed's validators
   are saved only after all its items were handled: a poll stopped half-way repeats the
   unfinished items next time, and an article stored twice is not reported twice.

An item whose page fails is reported and tried again at the next poll. Each poll's
outcome is recorded (:meth:`Store.record_feed_poll`): its time, and one line naming what
failed, so ``GET /api/v1/feeds`` shows a failing feed and why.

``storyweave serve`` follows the feeds recorded with :func:`add_feed` (listed by
:func:`list_feeds`, dropped by :func:`remove_feed`): its worker polls each one when
:func:`due_feeds` says its interval has passed.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from .clean import clean
from .errors import BlockedURLError, ConfigError, FetchError, StoryweaveError
from .feeds import looks_like_feed, parse_feed
from .fetch import Fetcher, TransportError, blocked_reason, system_resolver
from .ingest import read_feed_item
from .limits import MAX_FEED_ITEMS
from .model import Article, InputFailure, Story
from .options import Options
from .store.base import Store

if TYPE_CHECKING:
    from .group import Grouper

logger = logging.getLogger("storyweave")


@dataclass(frozen=True)
class NewArticle:
    """An article a poll found and stored, with the story it joined."""

    feed: str
    article: Article
    story_id: str
    story_title: str

    def line(self) -> str:
        """What ``storyweave follow`` prints for it: story, outlet, headline."""
        return f"{self.story_title}\t{self.article.source}\t{self.article.title}"


Event = NewArticle | InputFailure
#: Assigns a stored article to a story; returns the story id. Tests may pass their own.
Assign = Callable[[Article, Store], str]


class StoryAssigner:
    """Groups new articles with the incremental group stage and saves their stories.

    One object serves a whole poll: the grouping state is read from the store once, not
    once per article. Each article is saved in the story it joins on arrival; the
    re-check of the window, which may move articles of this poll and of earlier ones, runs
    once the poll is over (:meth:`finish`), not once per article.
    """

    def __init__(self) -> None:
        self._grouper: Grouper | None = None
        self._moved: set[str] = set()  # articles a re-check moved, whose stories are saved at the end

    def __call__(self, article: Article, store: Store) -> str:
        """Group one stored article and save its story; returns the story's id."""
        from .group import Grouper

        if self._grouper is None:
            self._grouper = Grouper(store)
        assignment = self._grouper.add(article)
        self._moved |= self._grouper.moved  # a full window was re-checked on the way
        self._grouper.save(settle=False)
        self._save_story(self._grouper, assignment.story, store, article)
        return assignment.story

    def finish(self, store: Store) -> None:
        """Re-check the window and save the stories whose articles it moved."""
        if self._grouper is None:
            return
        self._moved |= set(self._grouper.settle())
        self._grouper.save()
        members = self._grouper.members
        for story_id in sorted({members[a].story for a in self._moved}):
            self._save_story(self._grouper, story_id, store)
        self._moved.clear()

    def story_of(self, article_id: str) -> str | None:
        """The story an article grouped by this object is in now."""
        member = self._grouper.members.get(article_id) if self._grouper else None
        return member.story if member else None

    @staticmethod
    def _save_story(grouper: Grouper, story_id: str, store: Store, article: Article | None = None) -> None:
        grouped = [m.article for m in grouper.members.values() if m.story == story_id]
        # Grouping remembers deleted articles; the story lists only stored ones.
        members = store.get_articles(grouped) or ([article] if article else [])
        if members:
            store.save_stories([Story(story_id, members[0].title, tuple(a.id for a in members), {})])


def assign_story(article: Article, store: Store) -> str:
    """Group one new article with the incremental group stage and save its story.

    Returns:
        The id of the story the article is in after the re-check (or started).
    """
    assigner = StoryAssigner()
    story_id = assigner(article, store)
    assigner.finish(store)
    return assigner.story_of(article.id) or story_id


def poll(
    feeds: Sequence[str],
    store: Store,
    options: Options | None = None,
    fetcher: Fetcher | None = None,
    assign: Assign | None = None,
) -> Iterator[Event]:
    """Poll every feed once; yield each new article as it is stored, and each failure.

    Args:
        feeds: feed URLs.
        store: where articles, seen items, feed validators and stories are kept.
        options: the run's options (``allow_private_urls``, ``max_article_chars``).
        fetcher: fetches feeds and pages; one obeying the options when None.
        assign: puts a stored article into its story (a :class:`StoryAssigner` by default).

    Yields:
        :class:`NewArticle` per article stored for the first time, in feed order
        (oldest item first), and :class:`InputFailure` per feed or item that failed.

    Raises:
        StoreError: the store cannot be read or written.
    """
    options = options or Options()
    fetcher = fetcher or Fetcher(allow_private=options.allow_private_urls)
    assigner = StoryAssigner() if assign is None else None
    for feed in feeds:
        failures: list[InputFailure] = []
        for event in _poll_feed(feed, store, options, fetcher, assign or assigner):  # type: ignore[arg-type]
            if isinstance(event, InputFailure):
                failures.append(event)
            yield event
        store.record_feed_poll(feed, poll_error(feed, failures))
    if assigner is not None:
        assigner.finish(store)


def poll_error(feed: str, failures: Sequence[InputFailure]) -> str | None:
    """One line saying what went wrong in a poll of ``feed``, or None when nothing did.

    The feed's own failure is told as it is; failed items are counted and the first named.
    """
    if not failures:
        return None
    own = next((f for f in failures if f.source == feed), None)
    if own is not None:
        line = own.reason
    else:
        first = failures[0]
        count = f"{len(failures)} articles" if len(failures) > 1 else "1 article"
        line = f"{count} could not be read (retried at the next poll); first: {first.source}: {first.reason}"
    return " ".join(line.split())


def _poll_feed(feed: str, store: Store, options: Options, fetcher: Fetcher, assign: Assign) -> Iterator[Event]:
    state = store.get_feed_state(feed) or {}
    headers = {}
    if state.get("etag"):
        headers["If-None-Match"] = state["etag"]
    if state.get("last_modified"):
        headers["If-Modified-Since"] = state["last_modified"]
    try:
        response = fetcher.get(feed, headers, accept_not_modified=True)
    except FetchError as exc:
        yield InputFailure(feed, exc.reason)
        return
    if response.status == 304:
        logger.info("%s: not modified since the last poll", feed)
        store.save_feed_state(feed, state.get("etag"), state.get("last_modified"), None)
        return
    if not looks_like_feed(response.content, response.media_type):
        yield InputFailure(feed, "not an RSS or Atom feed; pass the feed's URL (storyweave analyze reads single pages)")
        return
    try:
        title, items = parse_feed(response.content, response.url)
    except ValueError as exc:
        yield InputFailure(feed, str(exc))
        return
    if len(items) > MAX_FEED_ITEMS:  # a feed of thousands would have every link fetched
        logger.warning("%s: the feed lists %d items; only the newest %d are read", feed, len(items), MAX_FEED_ITEMS)
        items = items[:MAX_FEED_ITEMS]
    seen = store.seen_feed_items(feed, [item.key for item in items])
    failed = False
    # Feeds list the newest first; stories read better grown in publication order.
    for item in reversed(items):
        if item.key in seen:
            continue
        seen.add(item.key)
        for read in read_feed_item(item, options, fetcher):
            if isinstance(read, InputFailure):
                failed = True
                yield read
                continue
            try:
                article = clean(read, options)
            except StoryweaveError as exc:
                failed = True
                yield InputFailure(item.link, str(exc))
                continue
            if not article.text.strip():
                failed = True
                yield InputFailure(item.link, "no article text left after removing page junk; check that the link is an article")
                continue
            (new,) = store.add_articles([article])
            if new:
                story_id = assign(article, store)
                yield NewArticle(feed, article, story_id, _story_title(store, story_id, article))
            store.mark_feed_item(feed, item.key, article.id)
    # A failed item is retried next time, so the feed must not answer 304 until it is.
    etag = None if failed else response.header("etag")
    modified = None if failed else response.header("last-modified")
    store.save_feed_state(feed, etag, modified, title or None)


def _story_title(store: Store, story_id: str, article: Article) -> str:
    for story in store.get_stories():
        if story.id == story_id and story.title:
            return story.title
    return article.title


def follow(
    feeds: Sequence[str],
    store: Store,
    every: float,
    options: Options | None = None,
    fetcher: Fetcher | None = None,
    on_event: Callable[[Event], None] = lambda event: None,
    polls: int | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> None:
    """Poll the feeds every ``every`` seconds, forever or ``polls`` times.

    Args:
        feeds: feed URLs.
        store: the store that keeps what was read.
        every: seconds between the starts of two polls.
        options: the run's options.
        fetcher: fetches feeds and pages.
        on_event: called with each new article and each failure, as they happen.
        polls: stop after this many polls (None: until interrupted).
        sleep: how to wait (tests pass their own).
    """
    done = 0
    while polls is None or done < polls:
        started = time.monotonic()
        for event in poll(feeds, store, options, fetcher):
            on_event(event)
        done += 1
        if polls is not None and done >= polls:
            return
        sleep(max(0.0, every - (time.monotonic() - started)))


# ---------------------------------------------------------------------------------------
# Feeds followed by the web app

#: The shortest interval between two polls of one feed: faster burdens the outlet.
MIN_EVERY = 10.0
#: How often a feed followed without an interval is polled.
DEFAULT_EVERY = 15 * 60.0


def feed_id(url: str) -> str:
    """A followed feed's id in the REST API: short, stable, and safe in a URL path."""
    return "f-" + hashlib.sha1(url.encode("utf-8", "surrogatepass")).hexdigest()[:12]


def check_feed_url(url: str, options: Options | None = None) -> str:
    """The URL, trimmed, if storyweave may poll it.

    Raises:
        BlockedURLError: not an http(s) URL with a host, or (without
            ``options.allow_private_urls``) a local, private or metadata address.
        FetchError: the host name has no address.
    """
    options = options or Options()
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise BlockedURLError(url, "not an http:// or https:// URL with a host; give the feed's full address")
    if options.allow_private_urls:
        return url
    host = parts.hostname.rstrip(".").lower()
    if host == "localhost" or host.endswith((".localhost", ".internal")):
        raise BlockedURLError(url, f"{host} is a local host; the server must be started with --allow-private-urls to follow it")
    try:
        addresses = system_resolver(host)
    except TransportError as exc:
        raise FetchError(url, f"{exc}; check the feed's address") from exc
    for ip in addresses:
        reason = blocked_reason(ip)
        if reason:
            raise BlockedURLError(url, f"{host} is {reason}; the server must be started with --allow-private-urls to follow it")
    return url


def _every_seconds(every: str | float | None) -> float:
    if every is None or every == "":
        return DEFAULT_EVERY
    if isinstance(every, str):
        from .cli_follow import parse_every  # the CLI's own reading of "15m", "1h"

        return parse_every(every)
    if not every >= MIN_EVERY:  # also refuses NaN
        raise ConfigError(f"every {every!r}: polling faster than every {MIN_EVERY:.0f}s burdens the outlet; use 10s or more")
    return float(every)


def _feed_view(row: dict[str, Any]) -> dict[str, Any]:
    return {"id": feed_id(row["url"]), **row}


def add_feed(store: Store, url: str, every: str | float | None = None, options: Options | None = None) -> dict[str, Any]:
    """Follow a feed: ``storyweave serve`` polls it every ``every`` (``"15m"``, seconds).

    Args:
        store: where followed feeds are kept.
        url: the feed's URL.
        every: the interval; :data:`DEFAULT_EVERY` when None.
        options: ``allow_private_urls`` decides whether local addresses may be followed.

    Returns:
        The feed as :func:`list_feeds` lists it, with ``new`` True when it was not followed yet.

    Raises:
        BlockedURLError: the URL may not be polled (see :func:`check_feed_url`).
        FetchError: the host has no address.
        ConfigError: the interval is not one or is under 10 seconds.
        StoreError: the store cannot be written.
    """
    seconds = _every_seconds(every)  # checked first: it needs no name lookup
    url = check_feed_url(url, options)
    new = store.follow_feed(url, seconds)
    row = next(f for f in store.followed_feeds() if f["url"] == url)
    return {**_feed_view(row), "new": new}


def list_feeds(store: Store) -> list[dict[str, Any]]:
    """The followed feeds: ``id, url, every, followed_at, title, checked_at``, oldest first.

    Raises:
        StoreError: the store cannot be read.
    """
    return [_feed_view(row) for row in store.followed_feeds()]


def remove_feed(store: Store, feed: str) -> bool:
    """Stop following a feed, given its id or URL; what was read from it stays.

    Returns:
        True when the feed was followed.

    Raises:
        StoreError: the store cannot be written.
    """
    for row in store.followed_feeds():
        if feed in (row["url"], feed_id(row["url"])):
            return store.unfollow_feed(row["url"])
    return False


def due_feeds(feeds: Sequence[dict[str, Any]], now: datetime | None = None,
              attempted: dict[str, float] | None = None, clock: float | None = None) -> list[str]:
    """URLs of the followed feeds whose interval has passed since their last poll.

    Args:
        feeds: followed feeds as :func:`list_feeds` gives them.
        now: the time to compare ``checked_at`` with; the current UTC time when None.
        attempted: feed URL -> monotonic time of the last attempt, so a feed whose
            poll failed (``checked_at`` unchanged) waits its interval too.
        clock: the monotonic time now, with ``attempted``.
    """
    now = now or datetime.now(timezone.utc)
    clock = time.monotonic() if clock is None else clock
    due = []
    for feed in feeds:
        url, every = feed["url"], float(feed["every"])
        last = (attempted or {}).get(url)
        if last is not None and clock - last < every:
            continue
        checked = feed.get("checked_at")
        if checked:
            try:
                if (now - datetime.fromisoformat(checked)).total_seconds() < every:
                    continue
            except (TypeError, ValueError):
                pass  # an unreadable time: poll now and record a good one
        due.append(url)
    return due
