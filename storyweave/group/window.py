"""The re-check window: what it keeps of an article, and what a re-check changed."""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass, field

import numpy as np

from .features import Sketch
from .shared import NO_SENTENCES


#: What the re-check window keeps of an article's shingles: nothing (only the
#: near-duplicate index reads them, on arrival).
_NO_SHINGLES = np.zeros(0, dtype=np.uint32)


@dataclass
class _Pending:
    """An article of the re-check window: what is needed to take it out of its story."""

    sketch: Sketch
    vec: dict[str, float]
    story: str
    #: False for a copy: it goes with its original (``follows``), or stays in its story
    #: when the original is outside the window.
    movable: bool
    #: ``StoryIndex.documents`` when ``vec`` was computed in a re-check (-1: on arrival).
    documents: int = -1
    #: The window article this one copies: it goes wherever that one goes.
    follows: str | None = None
    #: Hashes of its long sentences (:func:`storyweave.group.shared.sentence_hashes`).
    sentences: np.ndarray = field(default_factory=lambda: NO_SENTENCES)
    #: Its outlet, when known: an outlet's own repeated sentence links nothing.
    outlet: str = ""

    def to_bytes(self) -> bytes:
        """What the store keeps of the article while it is in the window: its features
        (terms in order, names last, as :class:`Sketch` expects), whether it may move,
        and the article it follows. Written when it joins the window; its vector is
        derived again when the window is loaded. Its sentence hashes and outlet come
        last, after the article followed (None when none), so that a store written before
        them still reads, and they are written only when there are any."""
        data = [self.sketch.day, list(self.sketch.terms.items()), sorted(self.sketch.names), self.movable]
        if self.follows is not None or len(self.sentences):
            data.append(self.follows)
        if len(self.sentences):
            data += [self.sentences.tolist(), self.outlet]
        return zlib.compress(json.dumps(data, separators=(",", ":")).encode())

    @staticmethod
    def read(blob: bytes) -> tuple[Sketch, bool, str | None, np.ndarray, str]:
        """The sketch, the movable flag, the article followed, the sentence hashes and
        the outlet, of :meth:`to_bytes`."""
        day, terms, names, movable, *rest = json.loads(zlib.decompress(blob))
        follows = rest[0] if rest else None
        sentences = np.array(rest[1], dtype=np.uint32) if len(rest) > 1 else NO_SENTENCES
        outlet = rest[2] if len(rest) > 2 else ""
        return Sketch(dict(terms), frozenset(names), day, _NO_SHINGLES), bool(movable), follows, sentences, outlet


@dataclass
class Recheck:
    """What a re-check changed.

    Attributes:
        placed: article id -> its story, for every article of the window.
        merged: absorbed story id -> the story that absorbed it, in the order merged
            (a story may absorb others and be absorbed later: follow the chain).
    """

    placed: dict[str, str] = field(default_factory=dict)
    merged: dict[str, str] = field(default_factory=dict)
