"""What the app's routes share: the stores, the job worker, settings and read caches."""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from typing import Any

from ..options import Options
from ..store.base import Store
from .follower import FeedFollower
from .jobs import JobRunner
from .refresh import analysis_key

#: Seconds a cached story list is trusted before the store is read again; changes made
#: by this app's worker clear the caches at once, so this only delays what other
#: processes write.
SUMMARY_TTL = 2.0


@dataclass
class Settings:
    """How the app was started.

    Attributes:
        api_key: when set, write endpoints need it (``Authorization: Bearer KEY`` or
            ``X-API-Key: KEY``).
        read_only: refuse every write and run no jobs.
        max_request_bytes: the largest request body accepted.
        max_articles: the most articles (or files) one request may add.
    """

    api_key: str | None = None
    read_only: bool = False
    max_request_bytes: int = 32 * 1024 * 1024
    max_articles: int = 1000


@dataclass
class AppState:
    """The app's shared state (``app.state.sw``)."""

    reader: Store
    writer: Store
    options: Options
    settings: Settings
    runner: JobRunner | None = None
    follower: FeedFollower | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _summaries: list[dict[str, Any]] | None = None
    _summaries_at: float = 0.0
    _analyses: dict[str, tuple[str, dict[str, Any]]] = field(default_factory=dict)
    _pages: dict[tuple[str, str], str] = field(default_factory=dict)

    @property
    def key(self) -> str:
        return analysis_key(self.options)

    def invalidate(self, story_ids: list[str] | None = None) -> None:
        """Forget cached summaries (and the pages of the stories given, or all)."""
        with self._lock:
            self._summaries = None
            if story_ids is None:
                self._pages.clear()
            else:
                for k in [k for k in self._pages if k[0].removeprefix("json:") in story_ids]:
                    del self._pages[k]

    def summaries(self) -> list[dict[str, Any]]:
        """Summaries of every story, cached for :data:`SUMMARY_TTL` seconds."""
        with self._lock:
            if self._summaries is not None and time.monotonic() - self._summaries_at < SUMMARY_TTL:
                return self._summaries
        fresh = self.reader.get_story_summaries()
        with self._lock:
            self._summaries, self._summaries_at = fresh, time.monotonic()
        return fresh

    def summary(self, story_id: str) -> dict[str, Any] | None:
        return next((s for s in self.summaries() if s["id"] == story_id), None)

    def analysis(self, story_id: str) -> dict[str, Any] | None:
        """A story's analysis; the last one read while a new one is being saved."""
        summary = self.summary(story_id)
        version = summary["updated"] if summary else ""
        with self._lock:
            cached = self._analyses.get(story_id)
        if cached is not None and cached[0] == version:
            return cached[1]
        fresh = self.reader.get_analysis(story_id, self.key)
        if fresh is None:
            return cached[1] if cached is not None and summary is not None else None
        with self._lock:
            self._analyses[story_id] = (version, fresh)
        return fresh

    def analysis_bytes(self, story_id: str) -> bytes | None:
        """A story's analysis as JSON bytes, serialised once per version (story pages are
        read far more often than they change)."""
        summary = self.summary(story_id)
        version = summary["updated"] if summary else ""
        key = ("json:" + story_id, version)
        with self._lock:
            cached = self._pages.get(key)
        if cached is not None:
            return cached.encode("utf-8")
        analysis = self.analysis(story_id)
        if analysis is None:
            return None
        text = json.dumps(analysis, ensure_ascii=False)
        if summary:
            self.keep_page("json:" + story_id, version, text)
        return text.encode("utf-8")

    def page(self, story_id: str, version: str) -> str | None:
        with self._lock:
            return self._pages.get((story_id, version))

    def keep_page(self, story_id: str, version: str, html: str) -> None:
        with self._lock:
            for k in [k for k in self._pages if k[0] == story_id]:
                del self._pages[k]
            self._pages[(story_id, version)] = html
