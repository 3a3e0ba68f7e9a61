"""The job worker: one background thread that ingests, stores and analyses.

A request that adds articles only records a job and its inputs in the store and returns
its id. The worker takes jobs in order:

1. ``running``: inputs are read and cleaned in chunks of :data:`CHUNK`; each chunk's
   articles are stored and the job's ``done`` count and errors recorded, so a killed
   server keeps every chunk already stored;
2. ``analysing``: the stored articles are regrouped and changed stories re-analysed
   (:func:`storyweave.web.refresh.refresh`);
3. ``done`` (or ``failed`` with the reason in ``errors``).

On start the worker resumes every job the store holds unfinished, from its ``done``
count. When idle it checks every :data:`IDLE_CHECK` seconds whether another process
(e.g. ``storyweave follow``) changed the stories, and analyses them if so.

Polls of followed feeds (:meth:`JobRunner.poll_feeds`, asked for by
:class:`storyweave.web.follower.FeedFollower`) run on the same worker, between jobs:
:func:`storyweave.follow.poll` stores each new article and adds it to its story, then
the changed stories are analysed as after a job.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from typing import Any, Callable, Sequence

from ..errors import StoryweaveError
from ..model import InputFailure
from ..options import Options
from ..store.base import Store
from .intake import read_items
from .refresh import needs_refresh, refresh

logger = logging.getLogger("storyweave.web")

#: Inputs read and stored per commit: small enough that progress moves and a kill loses
#: little work, big enough that commits do not dominate.
CHUNK = 10
#: Seconds between idle checks for stories changed by another process.
IDLE_CHECK = 15.0

#: Niceness added to the worker process, so that under load story pages are answered
#: before analysis goes on (measured with benchmarks/api.py).
WORKER_NICE = 10

_STOP = "\x00stop"


def _child_store(store_url: str) -> Store:
    global _CHILD_STORE
    if _CHILD_STORE is None:
        from ..store import open_store

        _CHILD_STORE = open_store(store_url)
    return _CHILD_STORE


_CHILD_STORE: Store | None = None


def _background_priority() -> None:
    """Analysis is background work: readers of story pages get the CPU first. The worker
    also ends with the server, even when the server is killed (Linux)."""
    import os
    import signal
    import sys

    try:
        os.nice(WORKER_NICE)
    except (AttributeError, OSError):
        pass  # not on this platform, or not allowed: run at normal priority
    if sys.platform.startswith("linux"):
        import ctypes

        try:
            ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass


def _job_in_child(store_url: str, options: Options, job_id: str) -> list[str]:
    """Run one job in the worker process (its models stay loaded between jobs)."""
    return JobRunner(_child_store(store_url), options).run_job(job_id)


def poll_feeds(store: Store, options: Options, feeds: Sequence[str]) -> list[str]:
    """Poll followed feeds once; returns the ids of the stories analysed again.

    Failures (a feed or page that cannot be read) are logged; the feed is polled again at
    its next interval and a failed item retried then (see :mod:`storyweave.follow`).
    """
    from ..follow import poll

    new = 0
    for event in poll(feeds, store, options):
        if isinstance(event, InputFailure):
            logger.warning("feed: %s", event)
        else:
            new += 1
    return refresh(store, options) if new else []


def _poll_in_child(store_url: str, options: Options, feeds: list[str]) -> list[str]:
    return poll_feeds(_child_store(store_url), options, feeds)


def _refresh_in_child(store_url: str, options: Options) -> list[str]:
    store = _child_store(store_url)
    return refresh(store, options) if needs_refresh(store) else []


class JobRunner:
    """Runs jobs recorded in a store on one background thread.

    With a store file (``store_url``), the thread hands each job to one long-lived worker
    process: parsing and analysis are CPU-bound Python, and in the server's own process
    they would hold the GIL and stall every reader. With ``:memory:`` (no file to
    share) jobs run on the thread itself.

    Args:
        store: the store jobs, articles and analyses live in (shared with the app; the
            SQLite store is safe to share between threads).
        options: analysis options.
        on_change: called with the ids of stories analysed again, after each refresh.
        store_url: the store's ``--db`` value, to open it in the worker process.
    """

    def __init__(self, store: Store, options: Options, on_change: Callable[[list[str]], None] | None = None,
                 store_url: str | None = None) -> None:
        self.store = store
        self.store_url = store_url
        self._pool: Any = None
        self.options = options
        self.on_change = on_change or (lambda ids: None)
        # Job ids, and (feed URLs,) tuples for polls.
        self._queue: queue.Queue[str | tuple[str, ...]] = queue.Queue()
        self._thread: threading.Thread | None = None
        self.busy = threading.Event()
        self._pending = 0  # jobs queued or running, for wait_idle
        self._count_lock = threading.Lock()

    def start(self) -> None:
        """Start the worker; jobs left unfinished by an earlier run are queued first."""
        for job_id in self.store.unfinished_jobs():
            self._enqueue(job_id)
        self._thread = threading.Thread(target=self._run, name="storyweave-jobs", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        """Ask the worker to stop after the job it is on."""
        if self._thread is not None:
            self._queue.put(_STOP)
            self._thread.join(timeout)
            self._thread = None
        if self._pool is not None:
            # A job cut short is resumed on the next start: end the worker now rather
            # than let it write on after the server is gone.
            for process in list(getattr(self._pool, "_processes", {}).values()):
                process.terminate()
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None

    def _executor(self) -> Any:
        if self.store_url is None:
            return None
        if self._pool is None:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            # spawn, not fork: the server has threads, and a forked copy of their locks can deadlock.
            self._pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                                             initializer=_background_priority)
        return self._pool

    def submit(self, kind: str, items: Sequence[dict[str, Any]]) -> str:
        """Record a job and queue it; returns its id at once.

        Raises:
            StoreError: the job cannot be recorded.
        """
        job_id = self.store.create_job(kind, items)
        self._enqueue(job_id)
        return job_id

    def poll_feeds(self, feeds: Sequence[str]) -> None:
        """Queue one poll of these feeds (run between jobs, on the worker)."""
        if feeds:
            self._enqueue(tuple(feeds))

    def _enqueue(self, job_id: str | tuple[str, ...]) -> None:
        with self._count_lock:
            self._pending += 1
        self._queue.put(job_id)

    def _run(self) -> None:
        while True:
            try:
                job_id = self._queue.get(timeout=IDLE_CHECK)
            except queue.Empty:
                self._idle()
                continue
            if job_id == _STOP:
                return
            self.busy.set()
            try:
                if isinstance(job_id, tuple):
                    self._poll(list(job_id))
                    continue
                pool = self._executor()
                if pool is None:
                    changed = self.run_job(job_id)
                else:
                    try:
                        changed = pool.submit(_job_in_child, self.store_url, self.options, job_id).result()
                    except Exception:  # the worker process died: run it here instead
                        logger.exception("worker process failed; running job %s in the server", job_id)
                        self._pool = None
                        changed = self.run_job(job_id)
                self.on_change(changed)
            finally:
                self.busy.clear()
                with self._count_lock:
                    self._pending -= 1

    def _poll(self, feeds: list[str]) -> None:
        try:
            pool = self._executor()
            if pool is None:
                changed = poll_feeds(self.store, self.options, feeds)
            else:
                try:
                    changed = pool.submit(_poll_in_child, self.store_url, self.options, feeds).result()
                except Exception:  # the worker process died: poll here instead
                    logger.exception("worker process failed; polling feeds in the server")
                    self._pool = None
                    changed = poll_feeds(self.store, self.options, feeds)
            if changed:
                self.on_change(changed)
        except Exception as exc:  # the worker must outlive any one failure
            logger.exception("polling followed feeds failed")
            # The feed list shows it: a poll that broke off is a failed poll too.
            for feed in feeds:
                try:
                    self.store.record_feed_poll(feed, f"the poll broke off: {exc}; it is tried again at the next interval")
                except Exception:
                    logger.exception("recording the failed poll of %s failed", feed)

    def _idle(self) -> None:
        try:
            pool = self._executor()
            if pool is not None:
                changed = pool.submit(_refresh_in_child, self.store_url, self.options).result()
            else:
                changed = refresh(self.store, self.options) if needs_refresh(self.store) else []
            if changed:
                self.on_change(changed)
        except Exception:  # the worker must outlive any one failure
            logger.exception("checking for changed stories failed")

    def run_job(self, job_id: str) -> list[str]:
        """Run one job to its end (see the module docstring); never raises.

        Returns:
            The ids of the stories analysed again.
        """
        try:
            job = self.store.get_job(job_id)
            if job is None or job["state"] in ("done", "failed"):
                return []
            done = int(job["done"])
            total = int(job["total"])
            if done < total:
                self.store.update_job(job_id, state="running")
            while done < total:
                items = self.store.job_items(job_id, done, CHUNK)
                if not items:
                    break
                articles, errors = read_items(items, self.options)
                self.store.add_articles(articles)
                done += len(items)
                self.store.update_job(job_id, done=done, errors=errors, articles=[a.id for a in articles])
            self.store.update_job(job_id, state="analysing", done=done)
            changed = refresh(self.store, self.options)
            self.store.update_job(job_id, state="done")
            return changed
        except Exception as exc:  # a job failure is recorded, never lost in a thread
            if not isinstance(exc, StoryweaveError):
                logger.exception("job %s failed", job_id)
            reason = str(exc) if isinstance(exc, StoryweaveError) else f"internal error ({type(exc).__name__}: {exc}); please report it"
            try:
                self.store.update_job(job_id, state="failed", errors=[{"input": f"job {job_id}", "error": reason}])
            except StoryweaveError:
                logger.exception("could not record the failure of job %s", job_id)
            return []

    def wait_idle(self, timeout: float = 60.0) -> bool:
        """Block until no job is queued or running (for tests and benchmarks)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._count_lock:
                if self._pending == 0:
                    return True
            time.sleep(0.05)
        return False
