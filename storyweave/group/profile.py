"""A story as grouping sees it: its centroid, names and time span, and its stored form."""

from __future__ import annotations

import json
import math
import zlib
from dataclasses import dataclass, field

from .features import Sketch
from .settings import SHORT_WORDS


#: Version of the serialised state; a stored state of another version is rebuilt.
STATE_VERSION = 1
#: Digits kept of a stored weight: enough that taking an article back out of a story
#: restored from the store leaves nothing that weighs in a cosine.
WEIGHT_DIGITS = 6


@dataclass
class StoryProfile:
    """A story as grouping sees it: centroid, entity profile and time span.

    Attributes:
        id: the story id (derived from its first article's id).
        seq: creation order, so ties break the same way every run.
        size: articles in the story.
        total: the sum of its articles' unit TF-IDF vectors (heaviest terms only).
        names: name/year key -> how many of its articles mention it.
        first_day: ordinal of its earliest dated article, or None.
        last_day: ordinal of its latest dated article, or None.
        dated: how many of its articles have a day.
        days: day ordinal -> how many of its articles have that day, so that the span
            shrinks back when an article leaves (the re-check moves articles out).
        held: the span of a profile stored before the days were counted, which its
            stored articles' days are unknown within: the span never shrinks inside it.
        short: how many of its articles are one-line reports (:data:`SHORT_WORDS`).
        norm: length of the centroid's word part.
        name_norm: length of the centroid's name part.
    """

    id: str
    seq: int
    size: int = 0
    total: dict[str, float] = field(default_factory=dict)
    names: dict[str, int] = field(default_factory=dict)
    first_day: int | None = None
    last_day: int | None = None
    dated: int = 0
    short: int = 0
    days: dict[int, int] = field(default_factory=dict)
    held: tuple[int, int] | None = None
    indexed: frozenset[str] = frozenset()
    buckets: frozenset[int | None] = frozenset()
    # The norms, derived from ``total`` when first read after a change (a story in the
    # re-check window changes twice per article moved, and is often not scored between).
    _norms: tuple[float, float] | None = field(default=None, repr=False, compare=False)

    def update_norms(self) -> None:
        """Note that :attr:`total` changed: its norms are derived again when next read."""
        self._norms = None

    def _lengths(self) -> tuple[float, float]:
        if self._norms is None:
            words = names = 0.0
            # A plain loop: on 3.11 it beats building numpy masks for a few hundred terms.
            for term, weight in self.total.items():
                if term[0] == "@":
                    names += weight * weight
                else:
                    words += weight * weight
            self._norms = (math.sqrt(words), math.sqrt(names))
        return self._norms

    @property
    def norm(self) -> float:
        """Length of the centroid's word part."""
        return self._lengths()[0]

    @property
    def name_norm(self) -> float:
        """Length of the centroid's name part."""
        return self._lengths()[1]

    def add_day(self, day: int) -> None:
        """Count an article of this day: the span widens to it."""
        self.days[day] = self.days.get(day, 0) + 1
        self.first_day = day if self.first_day is None else min(self.first_day, day)
        self.last_day = day if self.last_day is None else max(self.last_day, day)

    def _drop_day(self, day: int) -> None:
        n = self.days.get(day, 0) - 1
        if n > 0:
            self.days[day] = n
            return
        # Not counted: an article of a profile stored before the days were (``held``).
        self.days.pop(day, None)
        if day in (self.first_day, self.last_day):
            self._respan()

    def _respan(self) -> None:
        """The span from the counted days (and the ``held`` span of an older profile)."""
        ends = [*self.held] if self.held is not None else []
        if self.days:
            ends += [min(self.days), max(self.days)]
        self.first_day, self.last_day = (min(ends), max(ends)) if ends else (None, None)

    def remove(self, sketch: Sketch, vec: dict[str, float]) -> None:
        """Take an article back out; the span shrinks back to the days of the articles left
        (an article the re-check moves out no longer stretches the story)."""
        total = self.total
        for term, w in vec.items():
            left = total.get(term)
            if left is not None:
                left -= w
                # Stored weights are rounded: what is left of a term within the rounding is none.
                if left > 2 * 10.0 ** -WEIGHT_DIGITS:
                    total[term] = left
                else:
                    del total[term]
        for name in sketch.names:
            n = self.names.get(name, 0) - 1
            if n > 0:
                self.names[name] = n
            else:
                self.names.pop(name, None)
        self.size -= 1
        if sketch.day is not None:
            self.dated -= 1
            self._drop_day(sketch.day)
        if sketch.words < SHORT_WORDS:
            self.short -= 1
        if self.size == 0:
            self.total, self.names, self.first_day, self.last_day, self.dated, self.short = {}, {}, None, None, 0, 0
            self.days, self.held = {}, None
        self.update_norms()

    def to_bytes(self) -> bytes:
        """The profile serialised for the store (compressed JSON)."""
        data = {
            "v": STATE_VERSION, "seq": self.seq, "size": self.size, "first": self.first_day, "last": self.last_day,
            "dated": self.dated, "short": self.short, "days": sorted(self.days.items()),
            "total": {k: round(v, WEIGHT_DIGITS) for k, v in self.total.items()}, "names": self.names,
        }
        if self.held is not None:
            data["held"] = list(self.held)
        return zlib.compress(json.dumps(data, sort_keys=True, separators=(",", ":")).encode())

    @classmethod
    def from_bytes(cls, story_id: str, blob: bytes) -> StoryProfile:
        data = json.loads(zlib.decompress(blob))
        # A profile stored before the count was kept: every article dated when any was.
        dated = data.get("dated", data["size"] if data["first"] is not None else 0)
        # A profile stored before the count of one-line reports: none counted.
        profile = cls(story_id, data["seq"], data["size"], data["total"], data["names"], data["first"], data["last"],
                      dated, data.get("short", 0))
        if "days" in data:
            profile.days = {day: n for day, n in data["days"]}
            held = data.get("held")
            profile.held = (held[0], held[1]) if held else None
        elif profile.size == 0:
            # Stored before the days were counted, with only articles of the open window,
            # which are placed again on load: their days make the span.
            profile.first_day = profile.last_day = None
        elif data["first"] is not None:
            # Stored before the days were counted: the span is kept as it was (it included
            # the days of the window's articles), and only days counted from now on shrink.
            profile.held = (data["first"], data["last"])
        profile.update_norms()
        return profile
