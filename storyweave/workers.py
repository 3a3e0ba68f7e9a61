"""Batches of stories analysed in worker processes, for runs over many articles.

Parsing and analysis are CPU-bound Python: one process uses one core. With ``workers``
above one, each batch of stories goes to a pool of processes started fresh (spawn: the
models' thread pools do not survive a fork), each loading its own models and opening the
store again by its :attr:`~storyweave.store.base.Store.location` for the parse and vector
caches. The main process only hands out batches and takes their results in order, so the
analysis is the same as one process makes.
"""

from __future__ import annotations

import multiprocessing
import sys
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Sequence

from .model import Article, Story
from .options import Options
from .store.base import Store

Made = list[tuple[Story, dict[str, Any]]]

#: The store a worker process opened, once per process.
_WORKER_STORE: Store | None = None


class BatchAnalyser:
    """Analyses batches of stories here (``workers`` 1) or in ``workers`` processes.

    Use as a context manager: leaving it stops the processes. Submit batches in order
    and take their results in the same order; :attr:`ahead` is how many batches may wait
    for their results at once so that every process has work.
    """

    def __init__(self, options: Options, store: Store | None, workers: int = 1) -> None:
        self.options = options
        self.store = store
        self.ahead = workers if workers > 1 else 0
        self._pool: ProcessPoolExecutor | None = None
        if workers > 1:
            self._pool = ProcessPoolExecutor(
                max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                initializer=_open_worker_store, initargs=(store.location if store is not None else None,))

    def submit(self, stories: Sequence[Story], articles: dict[str, Article]) -> Future[Made]:
        """Start analysing a batch; ``articles`` holds at least the stories' members."""
        if self._pool is not None and stories:
            members = {i: articles[i] for story in stories for i in story.articles}
            try:
                return self._pool.submit(_analyse_in_worker, list(stories), members, self.options)
            except BrokenProcessPool:
                self._stop_pool()
        made: Future[Made] = Future()
        made.set_result(self._here(stories, articles))
        return made

    def result(self, made: Future[Made], stories: Sequence[Story], articles: dict[str, Article]) -> Made:
        """The batch's stories titled by their briefs, with their JSON. A worker process
        that died (killed, out of memory) is no lost run: its batch and every later one
        are analysed here instead."""
        try:
            return made.result()
        except BrokenProcessPool:
            self._stop_pool()
            return self._here(stories, articles)

    def _here(self, stories: Sequence[Story], articles: dict[str, Article]) -> Made:
        from .pipeline import analyse_batch

        return analyse_batch(stories, articles, self.options, self.store)

    def _stop_pool(self) -> None:
        if self._pool is not None:
            print("storyweave: a worker process stopped; the remaining stories are analysed in this one", file=sys.stderr)
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> BatchAnalyser:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


def _open_worker_store(location: str | None) -> None:
    global _WORKER_STORE
    if location is not None:
        from .store import open_store

        _WORKER_STORE = open_store(location)


def _analyse_in_worker(stories: list[Story], articles: dict[str, Article], options: Options) -> Made:
    from .embed import use_store
    from .pipeline import analyse_batch, one_blas_thread

    with use_store(_WORKER_STORE, options.embedder), one_blas_thread():
        return analyse_batch(stories, articles, options, _WORKER_STORE)
