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

An item whose page fails is reported and tried again at the next poll.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from .clean import clean
from .errors import FetchError, StoryweaveError
from .feeds import looks_like_feed, parse_feed
from .fetch import Fetcher
from .ingest import read_feed_item
from .limits import MAX_FEED_ITEMS
from .model import Article, InputFailure, Story
from .options import Options
from .store.base import Store

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


def assign_story(article: Article, store: Store) -> str:
    """Group one new article with the incremental group stage and save its story.

    Returns:
        The id of the story the article joined (or started).
    """
    from .group import GROUPER, group_articles

    (assignment,) = group_articles([article], store)
    members = [aid for aid, sid, _dup, _sig in store.load_grouping(GROUPER).members if sid == assignment.story]
    members = list(dict.fromkeys(members or [article.id]))
    first = store.get_article(members[0]) or article
    store.save_stories([Story(assignment.story, first.title, tuple(members), {})])
    return assignment.story


def poll(
    feeds: Sequence[str],
    store: Store,
    options: Options | None = None,
    fetcher: Fetcher | None = None,
    assign: Assign = assign_story,
) -> Iterator[Event]:
    """Poll every feed once; yield each new article as it is stored, and each failure.

    Args:
        feeds: feed URLs.
        store: where articles, seen items, feed validators and stories are kept.
        options: the run's options (``allow_private_urls``, ``max_article_chars``).
        fetcher: fetches feeds and pages; one obeying the options when None.
        assign: puts a stored article into its story (the group stage by default).

    Yields:
        :class:`NewArticle` per article stored for the first time, in feed order
        (oldest item first), and :class:`InputFailure` per feed or item that failed.

    Raises:
        StoreError: the store cannot be read or written.
    """
    options = options or Options()
    fetcher = fetcher or Fetcher(allow_private=options.allow_private_urls)
    for feed in feeds:
        yield from _poll_feed(feed, store, options, fetcher, assign)


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
