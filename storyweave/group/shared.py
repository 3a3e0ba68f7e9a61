"""Sentences two articles of the re-check window carry word for word.

Two outlets that print the same sentence (a wire report's line, a quotation given in
full) are most likely telling the same event, even when the rest of their words differ
(a brief beside a long feature). A sentence's words (lower-cased, without punctuation) are
hashed when it has at least :data:`SHARED_SENTENCE_WORDS` of them, since shorter ones ("He
said he was sorry.") repeat by chance. A sentence carried by more than
:data:`MAX_CARRIERS` articles is boilerplate of some kind (a newsletter prompt, an
outlet's correction note), and an outlet repeating its own sentence (a columnist's
biography) is one witness, not two: neither links anything. A near-duplicate is not
indexed at all (``Grouper.add``): it prints its original's text again.

Only the articles of the re-check window are indexed: the index is emptied with the
window, and each window article keeps its hashes (and its outlet) in the store with the
rest of its features, so a feed followed run after run links what one batch would.
"""

from __future__ import annotations

import re
import zlib

import numpy as np

from .settings import MAX_CARRIERS, SHARED_SENTENCE_WORDS

_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+|\n+")
_WORD = re.compile(r"\w+")
#: No sentence hashes (an article without a sentence long enough).
NO_SENTENCES = np.zeros(0, dtype=np.uint32)


def sentence_hashes(text: str) -> np.ndarray:
    """Sorted 32-bit hashes of the distinct sentences of a text that have
    :data:`SHARED_SENTENCE_WORDS` words or more. The whole text is read, as for the
    near-duplicate shingles: the quotation two reports share may come late in one of them."""
    hashes = {
        zlib.crc32(" ".join(words).encode())
        for words in map(_WORD.findall, _SENTENCE_END.split(text.lower()))
        if len(words) >= SHARED_SENTENCE_WORDS
    }
    return np.array(sorted(hashes), dtype=np.uint32) if hashes else NO_SENTENCES


class SharedSentences:
    """Sentence hash -> the window articles carrying it."""

    def __init__(self) -> None:
        self.carriers: dict[int, list[str]] = {}
        self.outlet: dict[str, str] = {}
        self.hashes: dict[str, np.ndarray] = {}
        # the pairs, kept until an article comes or goes (each merge pass of a re-check asks)
        self._pairs: set[tuple[str, str]] | None = None

    def add(self, key: str, hashes: np.ndarray, outlet: str = "") -> None:
        """Index an article's sentence hashes (``outlet`` empty when unknown)."""
        if not len(hashes):
            return
        self.hashes[key], self.outlet[key] = hashes, outlet
        self._pairs = None
        for h in hashes.tolist():
            self.carriers.setdefault(h, []).append(key)

    def clear(self) -> None:
        self.carriers.clear()
        self.outlet.clear()
        self.hashes.clear()
        self._pairs = None

    def pairs(self) -> set[tuple[str, str]]:
        """The pairs of articles (ids in order) of two outlets, or of unknown ones, that
        share a sentence no more than :data:`MAX_CARRIERS` articles carry."""
        if self._pairs is not None:
            return self._pairs
        out: set[tuple[str, str]] = set()
        for keys in self.carriers.values():
            if len(keys) < 2 or len(keys) > MAX_CARRIERS:
                continue
            for i, a in enumerate(keys):
                for b in keys[i + 1:]:
                    if a != b and not (self.outlet[a] and self.outlet[a] == self.outlet[b]):
                        out.add((a, b) if a < b else (b, a))
        self._pairs = out
        return out
