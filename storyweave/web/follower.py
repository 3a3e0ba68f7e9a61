"""Background polling of the feeds the web app follows.

A small thread wakes every :data:`TICK` seconds (and at once when a feed is followed),
reads the followed feeds from the store and asks the job worker to poll those whose
interval has passed (:func:`storyweave.follow.due_feeds`). The poll itself — conditional
GET, new items only, each article stored and added to its story, changed stories
analysed — runs on the worker (:meth:`storyweave.web.jobs.JobRunner.poll_feeds`), so
fetching and parsing never hold up readers. Story pages learn of new articles through
their story summary, as for any job.
"""

from __future__ import annotations

import logging
import threading
import time

from ..follow import due_feeds
from ..store.base import Store
from .jobs import JobRunner

logger = logging.getLogger("storyweave.web")

#: Seconds between checks for due feeds; intervals are at least 10 s, so a feed is
#: polled at most this much later than due.
TICK = 5.0


class FeedFollower:
    """Asks ``runner`` to poll followed feeds when they are due.

    Args:
        runner: the job worker that polls.
        store: where followed feeds are listed (the app's reading connection).
        tick: seconds between checks.
    """

    def __init__(self, runner: JobRunner, store: Store, tick: float = TICK) -> None:
        self.runner = runner
        self.store = store
        self.tick = tick
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        # When each feed's last poll was asked for: a feed whose poll failed (its
        # checked_at unchanged) still waits its interval.
        self._asked: dict[str, float] = {}

    def start(self) -> None:
        """Start checking in a daemon thread."""
        self._thread = threading.Thread(target=self._run, name="storyweave-feeds", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        """Stop checking (a poll already queued still runs)."""
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def wake(self) -> None:
        """Check now, e.g. right after a feed was followed."""
        self._wake.set()

    def check(self) -> list[str]:
        """Queue a poll of the feeds that are due; returns their URLs."""
        feeds = self.store.followed_feeds()
        followed = {f["url"] for f in feeds}
        for url in [u for u in self._asked if u not in followed]:
            del self._asked[url]  # unfollowed: following it again polls at once
        due = due_feeds(feeds, attempted=self._asked)
        if due:
            asked = time.monotonic()
            for url in due:
                self._asked[url] = asked
            self.runner.poll_feeds(due)
        return due

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self.check()
            except Exception:  # the follower must outlive any one failure (e.g. a busy store)
                logger.exception("checking followed feeds failed")
            self._wake.wait(self.tick)
            self._wake.clear()
