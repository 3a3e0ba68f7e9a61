"""Checks of a story or an article's vector that need no index: its heaviest terms, its names,
its days and span, whether its articles are one-line reports."""

from __future__ import annotations

import datetime as dt

import numpy as np

from .profile import StoryProfile
from .settings import DATED_SHARE, SMALL_MERGE_NAMES


def _top(weights: dict[str, float], k: int, ordered: bool = True) -> list[str]:
    """The ``k`` heaviest keys, ties broken by the larger key: what
    ``heapq.nlargest(k, weights.items(), key=lambda kv: (kv[1], kv[0]))`` picks, found
    with numpy because this runs on every article (heaviest first; in no particular
    order when ``ordered`` is False, for callers that want the set)."""
    if len(weights) <= k:
        return sorted(weights, key=lambda t: (weights[t], t), reverse=True) if ordered else list(weights)
    keys = list(weights)
    values = np.fromiter(weights.values(), dtype=np.float64, count=len(keys))
    cut = np.partition(values, len(values) - k)[len(values) - k]
    above = [keys[i] for i in np.flatnonzero(values > cut)]
    tied = sorted((keys[i] for i in np.flatnonzero(values == cut)), reverse=True)
    top = above + tied[: k - len(above)]
    return sorted(top, key=lambda t: (weights[t], t), reverse=True) if ordered else top


def _names_in(vec: dict[str, float]) -> int:
    """How many name terms (not years) a vector has; counted only when the veto may apply."""
    return sum(1 for t in vec if t[0] == "@" and not t[1:].isdigit())


def _nameless(vec: dict[str, float]) -> bool:
    """Whether an article's vector has no name or year term at all (they come after its
    words, as in :class:`Sketch`, so the last term tells)."""
    return not vec or next(reversed(vec))[0] != "@"


def _named_in(centroid: dict[str, float], other: StoryProfile) -> bool:
    """Whether the :data:`SMALL_MERGE_NAMES` heaviest name terms (not years) of a story's
    centroid are all names of ``other`` (a story naming fewer has no "who" to show)."""
    names = [t for t in centroid if t[0] == "@" and not t[1:].isdigit()]
    if len(names) < SMALL_MERGE_NAMES:
        return False
    top = _top({t: centroid[t] for t in names}, SMALL_MERGE_NAMES)
    return all(t in other.names for t in top)


def _has_dates(story: StoryProfile) -> bool:
    """Whether a story is placed in time for :data:`UNDATED_MERGE_COSINE`: more than
    :data:`DATED_SHARE` of its articles have a day."""
    return story.dated > DATED_SHARE * story.size


def _all_short(story: StoryProfile) -> bool:
    """Whether every article of a story is a one-line report (:data:`SHORT_WORDS`)."""
    return 0 < story.size == story.short


def _looks_back(story: StoryProfile) -> bool:
    """Whether a dated story names a year before its own ("convicted of the 2010
    murders"): a follow-up looks back at its event, while the same kind of event again
    (a second quake, next year's festival) is told as news of its own."""
    if story.first_day is None:
        return False
    own = dt.date.fromordinal(story.first_day).year
    return any(key[1:].isdigit() and int(key[1:]) < own for key in story.names)


def _follows_up(later: StoryProfile, earlier: StoryProfile) -> bool:
    """Whether ``later`` names the year ``earlier`` began in, a year before its own."""
    if later.first_day is None or earlier.first_day is None:
        return False
    year = dt.date.fromordinal(earlier.first_day).year
    return year < dt.date.fromordinal(later.first_day).year and f"@{year}" in later.names


def _stretches(story: StoryProfile, first: int | None, last: int | None, limit: int) -> bool:
    """Whether taking in articles of days ``first`` to ``last`` would make a dated story
    span more than ``limit`` days."""
    if first is None or last is None or story.first_day is None or story.last_day is None:
        return False
    return max(last, story.last_day) - min(first, story.first_day) > limit


def _widens(a: StoryProfile, b: StoryProfile) -> bool:
    """Whether merging two dated stories makes a span longer than either one's own: a
    report of days a story already covers does not carry it into other days."""
    if a.first_day is None or a.last_day is None or b.first_day is None or b.last_day is None:
        return False
    span = max(a.last_day, b.last_day) - min(a.first_day, b.first_day)
    return span > max(a.last_day - a.first_day, b.last_day - b.first_day)
