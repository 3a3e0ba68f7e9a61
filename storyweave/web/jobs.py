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
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from typing import Any, Callable, Sequence

from ..errors import StoryweaveError
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

_STOP = "\x00stop"


class JobRunner:
    """Runs jobs recorded in a store on one background thread.

    Args:
        store: the store jobs, articles and analyses live in (shared with the app; the
            SQLite store is safe to share between threads).
        options: analysis options.
        on_change: called with the ids of stories analysed again, after each refresh.
    """

    def __init__(self, store: Store, options: Options, on_change: Callable[[list[str]], None] | None = None) -> None:
        self.store = store
        self.options = options
        self.on_change = on_change or (lambda ids: None)
        self._queue: queue.Queue[str] = queue.Queue()
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
        """Ask the worker to stop after the chunk it is on."""
        if self._thread is not None:
            self._queue.put(_STOP)
            self._thread.join(timeout)
            self._thread = None

    def submit(self, kind: str, items: Sequence[dict[str, Any]]) -> str:
        """Record a job and queue it; returns its id at once.

        Raises:
            StoreError: the job cannot be recorded.
        """
        job_id = self.store.create_job(kind, items)
        self._enqueue(job_id)
        return job_id

    def _enqueue(self, job_id: str) -> None:
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
                self.run_job(job_id)
            finally:
                self.busy.clear()
                with self._count_lock:
                    self._pending -= 1

    def _idle(self) -> None:
        try:
            if needs_refresh(self.store):
                self.on_change(refresh(self.store, self.options))
        except Exception:  # the worker must outlive any one failure
            logger.exception("checking for changed stories failed")

    def run_job(self, job_id: str) -> None:
        """Run one job to its end (see the module docstring); never raises."""
        try:
            job = self.store.get_job(job_id)
            if job is None or job["state"] in ("done", "failed"):
                return
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
            self.on_change(changed)
        except Exception as exc:  # a job failure is recorded, never lost in a thread
            if not isinstance(exc, StoryweaveError):
                logger.exception("job %s failed", job_id)
            reason = str(exc) if isinstance(exc, StoryweaveError) else f"internal error ({type(exc).__name__}: {exc}); please report it"
            try:
                self.store.update_job(job_id, state="failed", errors=[{"input": f"job {job_id}", "error": reason}])
            except StoryweaveError:
                logger.exception("could not record the failure of job %s", job_id)

    def wait_idle(self, timeout: float = 60.0) -> bool:
        """Block until no job is queued or running (for tests and benchmarks)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._count_lock:
                if self._pending == 0:
                    return True
            time.sleep(0.05)
        return False
