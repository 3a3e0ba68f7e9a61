"""Cheap per-article features for grouping: who, where, when and what, without a model.

Story grouping has to keep up with a feed of thousands of articles a day on two cores, so
it reads only the article's title and text with regular expressions (no spaCy, no
embedder — see ``docs/group.md`` for the measurements behind that choice):

* ``terms``: lower-cased content words with sublinear counts; the title and the lead
  (first :data:`LEAD_SENTENCES` sentences) count :data:`LEAD_WEIGHT` times, because news
  puts the event there.
* ``names``: capitalised word n-grams that do not open a sentence (people, places,
  organisations: the *who* and *where* that keep two earthquakes apart) and four-digit
  years (the *when*), prefixed ``"@"`` so they never collide with plain terms.
* ``day``: the publication day, when the article has one, for the time window.
* ``shingles``: hashed word 5-shingles of the body, for near-duplicate detection.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import zlib
from dataclasses import dataclass

import numpy as np

#: Words per shingle: five words rarely repeat by chance across different articles.
SHINGLE_WORDS = 5
#: Sentences after the title that count as the lead.
LEAD_SENTENCES = 3
#: How much more a lead or title word counts than a body word (tuned on ECB+ train).
LEAD_WEIGHT = 2.0
#: Body text read per article: long articles drift away from their event.
MAX_CHARS = 6000

_WORD = re.compile(r"[^\W\d_](?:[\w'’\-]*\w)?|\d+")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+|\n+")
_YEAR = re.compile(r"^(1[89]|20)\d\d$")

# Function words and news boilerplate: frequent in every story, so they say nothing
# about which story an article belongs to.
STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each even ever every
    few for from further had has have having he her here hers herself him himself his how i if in
    into is it its itself just last least less let like made make many may me might more most much
    must my myself near new news next no nor not now of off on once one only or other our ours
    ourselves out over own per said same say says she should since so some such than that the
    their theirs them themselves then there these they this those though through to too under
    until up upon us very was we were what when where which while who whom whose why will with
    within without would yet you your yours yourself yourselves told according reported report
    reports reuters ap afp update updated read more photo photos video click share comment comments
    mr mrs ms dr monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
    week weeks year years day days time times two three four five six seven eight nine ten first
    second third well back get got going still way people""".split()
)


@dataclass(frozen=True)
class Sketch:
    """What grouping knows about one article.

    Attributes:
        terms: term -> weight (sublinear count; lead words weigh more). Names and years
            are in here too, under their ``"@"`` keys.
        names: the ``"@"`` keys of names and years, for the entity profile.
        day: publication day as an ordinal (``date.toordinal()``), or None.
        shingles: 32-bit hashes of the body's word 5-shingles.
    """

    terms: dict[str, float]
    names: frozenset[str]
    day: int | None
    shingles: np.ndarray


def _sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(text) if s.strip()]


def _names(sentence: str) -> list[str]:
    """Capitalised n-grams and years of one sentence; its first word is skipped (any
    sentence opens with a capital)."""
    out: list[str] = []
    run: list[str] = []
    words = _WORD.findall(sentence)
    for i, word in enumerate(words):
        lower = word.lower()
        if _YEAR.match(word):
            out.append("@" + word)
        capital = i > 0 and word[0].isupper() and lower not in STOPWORDS and len(word) > 1
        if capital:
            run.append(lower)
            out.append("@" + lower)
            continue
        if len(run) > 1:
            out.append("@" + " ".join(run))
        run = []
    if len(run) > 1:
        out.append("@" + " ".join(run))
    return out


def parse_day(published: str | None) -> int | None:
    """The publication day of an ISO 8601 timestamp as an ordinal, or None."""
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10]).toordinal()
    except ValueError:
        return None


def shingle_hashes(text: str) -> np.ndarray:
    """32-bit hashes of the word 5-shingles of a text (one per distinct shingle)."""
    words = re.findall(r"\w+", text.lower())
    if len(words) < SHINGLE_WORDS:
        grams = [" ".join(words)] if words else []
    else:
        grams = [" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)]
    # crc32 is stable across runs and Python versions, unlike hash().
    return np.unique(np.fromiter((zlib.crc32(g.encode()) for g in grams), dtype=np.uint32, count=len(grams)))


def sketch(title: str, text: str, published: str | None = None) -> Sketch:
    """The grouping features of one article.

    Args:
        title: the headline (may be empty).
        text: the cleaned body.
        published: ISO 8601 publication time, when known.

    Returns:
        The article's :class:`Sketch`.
    """
    body = text[:MAX_CHARS]
    counts: dict[str, float] = {}
    names: set[str] = set()
    pieces = ([title] if title.strip() else []) + _sentences(body)
    for n, sentence in enumerate(pieces):
        weight = LEAD_WEIGHT if n <= LEAD_SENTENCES else 1.0
        for word in _WORD.findall(sentence):
            lower = word.lower()
            if len(lower) > 2 and lower not in STOPWORDS and not lower.isdigit():
                counts[lower] = counts.get(lower, 0.0) + weight
        for name in _names(sentence):
            names.add(name)
            counts[name] = counts.get(name, 0.0) + weight
    terms = {t: 1.0 + math.log(c) if c >= 1 else c for t, c in counts.items()}
    return Sketch(terms, frozenset(names), parse_day(published), shingle_hashes(text))
